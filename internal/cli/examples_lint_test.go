package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

type lintProblem struct {
	File string `json:"file"`
	Line int    `json:"line"`
	Rule string `json:"rule"`
}

func lintJSON(t *testing.T, path string) (int, []string) {
	t.Helper()
	code, out, errOut := runCLI(t, "", "lint", path, "-o", "json")
	var doc struct {
		Problems []lintProblem `json:"problems"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("lint %s: %v\n%s", path, err, errOut)
	}
	var got []string
	for _, p := range doc.Problems {
		got = append(got, fmt.Sprintf("%s\t%d\t%s", filepath.Base(p.File), p.Line, p.Rule))
	}
	slices.Sort(got)
	return code, got
}

// TestExampleManifests: lint finds exactly the mistakes EXPECTED.tsv lists
// in examples/manifests/broken, and nothing in their fixed versions; and
// podwhy's own manifests in deploy/ pass its own lint.
func TestExampleManifests(t *testing.T) {
	data, err := os.ReadFile("../../examples/manifests/EXPECTED.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.Split(l, "\t")
		want = append(want, strings.Join(f[:3], "\t"))
	}
	slices.Sort(want)
	code, got := lintJSON(t, "../../examples/manifests/broken")
	if code != ExitProblems || !slices.Equal(got, want) {
		t.Errorf("lint broken: exit %d\n got  %q\n want %q", code, got, want)
	}
	if code, got := lintJSON(t, "../../examples/manifests/fixed"); code != ExitOK || len(got) != 0 {
		t.Errorf("lint fixed: exit %d, %q", code, got)
	}
	if code, got := lintJSON(t, "../../deploy"); code != ExitOK || len(got) != 0 {
		t.Errorf("lint deploy/: exit %d, %q", code, got)
	}
}
