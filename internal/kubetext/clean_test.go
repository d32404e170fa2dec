package kubetext

import (
	"strings"
	"testing"
	"time"
)

// TestStripEmphasis: Markdown bold around YAML keys and rules of
// asterisks go; asterisks that are content stay.
func TestStripEmphasis(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"      **containerStatuses**:", "      containerStatuses:"},
		{"  - **name:** web", "  - name: web"},
		{"    **reason: Completed**", "    reason: Completed"},
		{"**message: |\n   Sleep expired**\nreason: Completed", "message: |\n   Sleep expired\nreason: Completed"},
		{"*****************", ""},
		{"  * * *", ""},
		// A bold run that never closes, or closes past a blank line, is
		// not stripped.
		{"**message: |\n   Sleep expired", "**message: |\n   Sleep expired"},
		{"**message: a\n\nb**", "**message: a\n\nb**"},
		// Content.
		{`    args: ["--include", "src/**"]`, `    args: ["--include", "src/**"]`},
		{"  - '**/*.go'", "  - '**/*.go'"},
		{"kubectl set image deploy/web *=nginx:1.25", "kubectl set image deploy/web *=nginx:1.25"},
		{"**/vendor/**", "**/vendor/**"},
		{"  glob: **", "  glob: **"},
		// Describe keys are not YAML's lowerCamel ones; a bold heading
		// alone is left to split, which drops it.
		{"**Status**: Pending", "**Status**: Pending"},
		{"**Events:**", "**Events:**"},
	} {
		got := strings.Join(stripEmphasis(strings.Split(tc.in, "\n")), "\n")
		if got != tc.want {
			t.Errorf("%q: got %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestParseHumanAge(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"Less than a second": 0, "5 seconds": 5 * time.Second, "About a minute": time.Minute, "49 minutes": 49 * time.Minute,
		"About an hour": time.Hour, "1 hour": time.Hour, "3 days": 72 * time.Hour, "2 weeks": 14 * 24 * time.Hour,
	} {
		if got, ok := parseHumanAge(in); !ok || got != want {
			t.Errorf("%q: %v %v, want %v", in, got, ok, want)
		}
	}
	for _, in := range []string{"", "49m", "many minutes", "About a day"} {
		if _, ok := parseHumanAge(in); ok {
			t.Errorf("%q read as an age", in)
		}
	}
}

// TestPromptForms: the prompt of Gentoo's and CoreOS's bash, and whether
// the command lists a whole kind.
func TestPromptForms(t *testing.T) {
	for _, tc := range []struct {
		line     string
		kind     string
		filtered bool
	}{
		{"kmaster ~ # kubectl get nodes", "nodes", false},
		{"kmaster guestbook # kubectl describe pod web-1", "pods", false},
		{"build-01 ~/src $ kubectl get nodes -l pool=gpu", "nodes", true},
		{"$ kubectl get nodes --selector=pool=gpu", "nodes", true},
		{"$ kubectl get nodes -lpool=gpu", "nodes", true},
		{"$ kubectl get nodes | grep -v master", "nodes", true},
		{"$ kubectl get nodes --field-selector spec.unschedulable=true", "nodes", true},
	} {
		c := parseCommand(tc.line)
		if c == nil || c.kind != tc.kind || c.filtered != tc.filtered {
			t.Errorf("%q: %+v", tc.line, c)
		}
	}
	for _, l := range []string{"export K=1 # kubectl get nodes", "see the docs # kubectl get nodes"} {
		if c := parseCommand(l); c != nil {
			t.Errorf("%q read as a prompt: %+v", l, c)
		}
	}
}
