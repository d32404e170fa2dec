package i18n

import (
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"
)

var verbRe = regexp.MustCompile(`%\[(\d+)\]([a-z])`)

func verbs(s string) []string {
	var out []string
	for _, m := range verbRe.FindAllStringSubmatch(s, -1) {
		out = append(out, m[1]+m[2])
	}
	sort.Strings(out)
	// Deduplicate: a text may use an argument twice.
	u := out[:0]
	for i, v := range out {
		if i == 0 || v != out[i-1] {
			u = append(u, v)
		}
	}
	return u
}

// TestCatalog: every entry has both languages, only indexed verbs, and the
// same arguments with the same verbs in English and Chinese.
func TestCatalog(t *testing.T) {
	for k, v := range Keys() {
		if v.EN == "" || v.ZH == "" {
			t.Errorf("%s: missing a language", k)
			continue
		}
		for _, s := range []string{v.EN, v.ZH} {
			if strings.Count(s, "%")-strings.Count(s, "%%")*2 != len(verbRe.FindAllString(s, -1)) {
				t.Errorf("%s: use only %%[n]x verbs: %q", k, s)
			}
		}
		if a, b := strings.Join(verbs(v.EN), ","), strings.Join(verbs(v.ZH), ","); a != b {
			t.Errorf("%s: English uses %s, Chinese %s", k, a, b)
		}
	}
}

var useRe = regexp.MustCompile(`(?:i18n\.T|\bL)\("([^"]+)"`)

// TestKeysUsed: every key the code names exists, and every entry is used
// somewhere (keys built at run time are listed in dynamic).
func TestKeysUsed(t *testing.T) {
	used := map[string]bool{}
	err := filepath.Walk("..", func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		for _, m := range useRe.FindAllStringSubmatch(string(data), -1) {
			used[m[1]] = true
			if _, ok := Keys()[m[1]]; !ok && !strings.HasSuffix(m[1], ".") {
				t.Errorf("%s uses unknown key %q", p, m[1])
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	dynamic := []string{"sev.", "sig.kind.", "sig.dependency.why.", "report.n.", "term.state.", "config.missing.", "mount.missing.", "log.", "explain.", "report.confidence."}
	for k := range Keys() {
		if used[k] {
			continue
		}
		ok := false
		for _, d := range dynamic {
			if strings.HasPrefix(k, d) {
				ok = true
			}
		}
		if !ok {
			t.Errorf("catalog key %q is never used", k)
		}
	}
}

func TestRender(t *testing.T) {
	add(map[string]Text{"test.x": {EN: "%[1]s has %[2]d (%[3]s, %[4]s)", ZH: "%[1]s 有 %[2]d 个（%[3]s，%[4]s）"}})
	m := T("test.x", "web", 3, List{"a", "b"}, Dur(90*time.Second))
	if got := m.String(EN); got != "web has 3 (a, b, 1m30s)" {
		t.Errorf("EN: %q", got)
	}
	if got := m.String(ZH); got != "web 有 3 个（a、b，1m30s）" {
		t.Errorf("ZH: %q", got)
	}
	if got := T("no.such.key").String(EN); got != "!no.such.key" {
		t.Errorf("missing key renders %q", got)
	}
	for in, want := range map[string]Lang{"zh_CN.UTF-8": ZH, "en_US.UTF-8": EN, "C": EN, "zh": ZH} {
		if got, _ := ParseLang(in); got != want {
			t.Errorf("ParseLang(%q) = %s", in, got)
		}
	}
	for d, want := range map[time.Duration]string{45 * time.Second: "45s", 12 * time.Minute: "12m", 200 * time.Minute: "3h", 50 * time.Hour: "2d", 90 * time.Minute: "1h30m"} {
		if got := Age(d); got != want {
			t.Errorf("Age(%v) = %s, want %s", d, got, want)
		}
	}
}
