// Package realworld scores podwhy on pastes from public issue trackers:
// each case is what a person pasted (testdata/NNN/input.txt) and the root
// cause the thread settled on (expected.yaml, with its source).
package realworld

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"

	"github.com/podwhy/podwhy/internal/cli"
)

var update = flag.Bool("update", false, "rewrite testdata/score.tsv with today's results")

type expected struct {
	Source  string   `json:"source"`
	Summary string   `json:"summary"`
	Reason  string   `json:"reason"`
	Accept  []string `json:"accept"`
	Terms   []string `json:"terms"`
	Shape   string   `json:"shape"`
	Runtime string   `json:"runtime"`
}

type report struct {
	Summary struct {
		Text string `json:"text"`
	} `json:"summary"`
	Findings []struct {
		Severity    string `json:"severity"`
		Reason      string `json:"reason"`
		Headline    string `json:"headline"`
		Explanation string `json:"explanation"`
		Steps       []struct {
			Text    string `json:"text"`
			Command string `json:"command"`
		} `json:"steps"`
	} `json:"findings"`
	Unexplained []json.RawMessage `json:"unexplainedWarnings"`
}

type result struct {
	name, got, want string
	exit            int
	ok, unexplained bool
	why             string
}

// score runs one case as a user would: podwhy -f input.txt -o json.
func score(t *testing.T, dir string) result {
	raw, err := os.ReadFile(filepath.Join(dir, "expected.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var exp expected
	if err := yaml.UnmarshalStrict(raw, &exp); err != nil {
		t.Fatalf("%s: %v", dir, err)
	}
	if exp.Source == "" || exp.Reason == "" {
		t.Fatalf("%s: expected.yaml needs source and reason", dir)
	}
	var out, errb bytes.Buffer
	code := cli.Main([]string{"-f", filepath.Join(dir, "input.txt"), "-o", "json", "--lang", "en"}, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	r := result{name: filepath.Base(dir), want: exp.Reason, exit: code}
	if code == cli.ExitUsage {
		r.got, r.why = "REFUSED", strings.TrimSpace(errb.String())
		return r
	}
	var rep report
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("%s: report is no JSON: %v", dir, err)
	}
	if len(rep.Findings) == 0 {
		r.got, r.why, r.unexplained = "NONE", rep.Summary.Text, len(rep.Unexplained) > 0
		return r
	}
	// The root cause is named when a finding of the report's worst
	// severity names it: that is what a reader sees first.
	top := rep.Findings[0].Severity
	r.got = rep.Findings[0].Reason
	var words strings.Builder
	named := false
	for _, f := range rep.Findings {
		if f.Severity == top && (f.Reason == exp.Reason || slices.Contains(exp.Accept, f.Reason)) {
			named, r.got = true, f.Reason
		}
		// podwhy's own words: headline, explanation, steps — not the
		// evidence, which only echoes the paste.
		words.WriteString(f.Headline + "\n" + f.Explanation + "\n")
		for _, s := range f.Steps {
			words.WriteString(s.Text + "\n" + s.Command + "\n")
		}
	}
	if !named {
		r.why = "wrong reason"
		return r
	}
	// "storage class" and "StorageClass" are the same words.
	said := strings.ReplaceAll(strings.ToLower(words.String()), " ", "")
	var missing []string
	for _, term := range exp.Terms {
		if !strings.Contains(said, strings.ReplaceAll(strings.ToLower(term), " ", "")) {
			missing = append(missing, term)
		}
	}
	if len(missing) > 0 {
		r.why = "does not say: " + strings.Join(missing, ", ")
		return r
	}
	r.ok = true
	return r
}

// TestRealWorld scores every case. It fails when podwhy refuses a paste,
// answers a paste without any finding, or loses a case it named before
// (testdata/score.tsv, rewritten with -update).
func TestRealWorld(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/*/expected.yaml")
	if len(dirs) < 150 {
		t.Fatalf("%d cases; the corpus has at least 150", len(dirs))
	}
	sort.Strings(dirs)
	var results []result
	pass := 0
	for _, d := range dirs {
		r := score(t, filepath.Dir(d))
		results = append(results, r)
		if r.ok {
			pass++
		}
		if r.exit == cli.ExitUsage {
			t.Errorf("%s: refused: %s", r.name, r.why)
		}
		if r.got == "NONE" && !r.unexplained {
			t.Errorf("%s: all-clear for a paste of a failure (%s)", r.name, r.why)
		}
	}
	var b strings.Builder
	b.WriteString("case\tok\tgot\twant\twhy\n")
	for _, r := range results {
		fmt.Fprintf(&b, "%s\t%v\t%s\t%s\t%s\n", r.name, r.ok, r.got, r.want, r.why)
	}
	fmt.Fprintf(&b, "# %d of %d named correctly (%.0f%%)\n", pass, len(results), 100*float64(pass)/float64(len(results)))
	t.Logf("real-world pastes: %d of %d named correctly (%.0f%%)", pass, len(results), 100*float64(pass)/float64(len(results)))
	golden := "testdata/score.tsv"
	if *update {
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	prev, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run with -update)", err)
	}
	was := map[string]bool{}
	for _, l := range strings.Split(string(prev), "\n") {
		f := strings.Split(l, "\t")
		if len(f) > 1 && f[1] == "true" {
			was[f[0]] = true
		}
	}
	for _, r := range results {
		if was[r.name] && !r.ok {
			t.Errorf("%s: named correctly before, now %s (%s, want %s)", r.name, r.why, r.got, r.want)
		}
	}
}
