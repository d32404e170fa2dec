package diagnose_test

import (
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/shell/shelltest"
)

// Every step of every case prints as a command a POSIX shell reads back as
// exactly the argument lists podwhy built: no blank argument, nothing a
// name, an image or a probe could smuggle in, and no change to a field a
// Pod does not let you change.
func TestStepsRunAsPrinted(t *testing.T) {
	cases, _ := filepath.Glob("testdata/*.yaml")
	hostile, _ := filepath.Glob("testdata/hostile/*.yaml")
	steps := 0
	for _, path := range append(cases, hostile...) {
		if strings.HasPrefix(filepath.Base(path), "_") {
			continue
		}
		snap, _ := loadCase(t, path)
		res := diagnose.Run(snap, diagnose.DefaultOptions())
		for _, f := range res.Findings {
			for _, s := range f.Steps {
				if s.Command.IsZero() {
					continue
				}
				steps++
				printed := s.Command.String()
				back, err := shelltest.Parse(printed)
				if err != nil {
					t.Errorf("%s %s: %v", path, f.Reason, err)
					continue
				}
				if !reflect.DeepEqual(back, s.Command) {
					t.Errorf("%s %s: %s\nreads back as %#v\nbuilt as      %#v", path, f.Reason, printed, back, s.Command)
				}
				for _, argv := range s.Command.Lists() {
					if slices.Contains(argv, "") {
						t.Errorf("%s %s: blank argument in %s", path, f.Reason, printed)
					}
				}
				if why := immutablePodChange(s.Command.Argv); why != "" {
					t.Errorf("%s %s: %s: %s", path, f.Reason, why, printed)
				}
			}
		}
	}
	if steps < 100 {
		t.Fatalf("only %d steps with commands: the cases did not run", steps)
	}
}

// immutablePodChange says why a kubectl command would be refused: it
// changes a Pod's spec beyond what the API server allows on a Pod (image,
// tolerations added, activeDeadlineSeconds, the resize subresource,
// metadata).
func immutablePodChange(argv []string) string {
	if len(argv) == 0 || argv[0] != "kubectl" {
		return ""
	}
	podTarget := func(a string) bool { return strings.HasPrefix(a, "pod/") || a == "pod" || a == "pods" }
	verb := ""
	target := false
	for i, a := range argv {
		switch {
		case a == "set" || a == "patch" || a == "edit":
			if verb == "" {
				verb = a
				if a == "set" && i+1 < len(argv) {
					verb = "set " + argv[i+1]
				}
			}
		case podTarget(a):
			target = true
		}
	}
	if !target {
		return ""
	}
	joined := strings.Join(argv, " ")
	switch verb {
	case "set resources", "set env", "edit":
		return "a Pod's " + strings.TrimPrefix(verb, "set ") + " cannot be changed"
	case "patch":
		if slices.Contains(argv, "resize") || strings.Contains(joined, "/metadata/") || strings.Contains(joined, "/spec/tolerations/-") {
			return ""
		}
		return "a Pod's spec cannot be patched"
	}
	return ""
}
