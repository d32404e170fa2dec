package diagnose_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

var update = flag.Bool("update", false, "rewrite golden files")

// caseHeader reads "# want: A, B" and "# include: file" lines.
func caseHeader(t *testing.T, data []byte) (want []string, includes []string) {
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "#"))
		if v, ok := strings.CutPrefix(line, "want:"); ok {
			for _, w := range strings.Split(v, ",") {
				if w = strings.TrimSpace(w); w != "" {
					want = append(want, w)
				}
			}
		}
		if v, ok := strings.CutPrefix(line, "include:"); ok {
			includes = append(includes, strings.TrimSpace(v))
		}
	}
	return want, includes
}

func loadCase(t *testing.T, path string) (*snapshot.Snapshot, []string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	want, includes := caseHeader(t, data)
	b := snapshot.NewBuilder()
	l := load.New(b)
	for _, inc := range includes {
		if err := l.Path(filepath.Join("testdata", inc)); err != nil {
			t.Fatal(err)
		}
	}
	if err := l.Path(path); err != nil {
		t.Fatal(err)
	}
	return b.Build(time.Time{}), want
}

// TestRules runs every testdata case: the reason codes found must be
// exactly the "# want:" list, and the rendered JSON and text (English and
// Chinese) must match the golden files (go test -update rewrites them).
func TestRules(t *testing.T) {
	cases, _ := filepath.Glob("testdata/*.yaml")
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			snap, want := loadCase(t, path)
			res := diagnose.Run(snap, diagnose.DefaultOptions())
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Reason)
			}
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("reasons = %v, want %v", got, want)
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
				doc := report.Build(res, lang)
				var txt bytes.Buffer
				if err := report.Text(&txt, doc, report.TextOptions{Lang: lang, Width: 100}); err != nil {
					t.Fatal(err)
				}
				checkRendered(t, txt.String())
				golden(t, filepath.Join("testdata", "golden", name+"."+string(lang)+".txt"), txt.Bytes())
				var js bytes.Buffer
				if err := report.JSON(&js, doc); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", "golden", name+"."+string(lang)+".json"), js.Bytes())
			}
		})
	}
}

// checkRendered fails on catalog misses and fmt argument errors.
func checkRendered(t *testing.T, s string) {
	t.Helper()
	for _, bad := range []string{"%!", "!pending.", "!image.", "!crash.", "!config.", "!run.", "!sandbox.", "!mount.", "!slow.", "!failed.", "!term.", "!unknown.", "!node.", "!create.", "!deploy.", "!sts.", "!ds.", "!job.", "!ready.", "!spec.", "!static.", "!exit.", "!taint.", "!report.", "!unchecked.", "!missing.", "!log.", "!fin.", "!rbac.", "!step.", "!sev."} {
		if i := strings.Index(s, bad); i >= 0 {
			end := i + 80
			if end > len(s) {
				end = len(s)
			}
			t.Errorf("rendered text has %q: …%s…", bad, s[i:end])
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/diagnose -update to create)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from golden (run with -update after checking):\n%s", path, diffLines(string(want), string(got)))
	}
}

func diffLines(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			out = append(out, "- "+x, "+ "+y)
			if len(out) > 20 {
				break
			}
		}
	}
	return strings.Join(out, "\n")
}
