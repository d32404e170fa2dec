package cli

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// TestPluginHelp: run as kubectl-why, the help of every command gives its
// usage and examples as "kubectl why …" (cobra would say "kubectl
// explain", kubectl's own unrelated command), and as podwhy it stays
// podwhy.
func TestPluginHelp(t *testing.T) {
	commands := [][]string{{}, {"explain"}, {"lint"}, {"fix"}, {"watch"}, {"serve"}, {"lab"}, {"lab", "apply"}, {"lab", "list"}, {"lab", "delete"}, {"version"}, {"completion"}, {"mcp"}}
	asCommand := regexp.MustCompile(`(?m)(^[ \t]*|\|[ \t]*)podwhy\b`)
	for _, name := range []string{"/usr/local/bin/kubectl-why", `C:\krew\bin\kubectl-why.exe`, "podwhy"} {
		plugin := name != "podwhy"
		for _, c := range commands {
			var out, errb bytes.Buffer
			code := Main(append(c, "--help"), IO{In: strings.NewReader(""), Out: &out, Err: &errb, Name: name})
			help := out.String()
			if code != ExitOK || !strings.Contains(help, "Usage:") {
				t.Fatalf("%s %v --help: exit %d\n%s%s", name, c, code, help, errb.String())
			}
			want := "podwhy " + strings.Join(c, " ")
			if plugin {
				want = "kubectl why " + strings.Join(c, " ")
			}
			usage := help[strings.Index(help, "Usage:"):]
			if !strings.HasPrefix(usage, "Usage:\n  "+strings.TrimSpace(want)) {
				t.Errorf("%s %v: usage is %q, want it to start with %q", name, c, strings.SplitN(usage, "\n", 3)[1], want)
			}
			if plugin {
				// The product name in prose stays; as a command in the
				// usage and the examples it must not.
				commandPart := usage
				if i := strings.Index(usage, "\nFlags:"); i > 0 {
					commandPart = usage[:i]
				}
				if m := asCommand.FindString(commandPart); m != "" {
					t.Errorf("%s %v: help still runs podwhy as a command: %q", name, c, m)
				}
				if strings.Contains(help, "kubectl explain") || strings.Contains(help, "kubectl lint") {
					t.Errorf("%s %v: help names a kubectl command that is not podwhy", name, c)
				}
			} else if strings.Contains(help, "kubectl why ") {
				t.Errorf("%s %v: podwhy's own help says kubectl why", name, c)
			}
		}
	}
}
