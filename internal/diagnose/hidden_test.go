package diagnose_test

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/kubetext"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// blankArg finds a command with an empty argument: two spaces in a row, a
// flag with nothing after "=", "-c" followed by another flag.
var blankArg = regexp.MustCompile(`\S  +\S|=\s|=$|-c -|--container=\s|inspecti \|`)

// TestHiddenNotFact: pasted text hides parts of a pod (a get pods row has
// no spec, no events); a finding must say so, never present their zero
// values as facts, and never print a blank name into a command.
func TestHiddenNotFact(t *testing.T) {
	cases := []struct {
		name, text string
		// never are phrases that would state a hidden part as a fact.
		never []string
	}{
		{"pull-auth-row", `$ kubectl get pods
NAME                   READY   STATUS         RESTARTS   AGE
web-7d4b9c8f6d-x2x9q   0/1     ErrImagePull   0          5m
$ kubectl get events
LAST SEEN   TYPE      REASON   OBJECT                     MESSAGE
1m          Warning   Failed   pod/web-7d4b9c8f6d-x2x9q   Failed to pull image "ghcr.io/acme/web:1.2": rpc error: code = Unknown desc = failed to pull and unpack image "ghcr.io/acme/web:1.2": failed to resolve reference "ghcr.io/acme/web:1.2": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token: 401 Unauthorized
`, []string{"has no imagePullSecrets", "docker.io"}},
		{"pending-row", `$ kubectl get pods
NAME                   READY   STATUS    RESTARTS   AGE
web-7d4b9c8f6d-x2x9q   0/1     Pending   0          25m
`, []string{"no scheduling attempt", "no FailedScheduling"}},
		{"terminating-row", `$ kubectl get pods -o wide
NAME                   READY   STATUS        RESTARTS   AGE   IP          NODE     NOMINATED NODE   READINESS GATES
web-7d4b9c8f6d-x2x9q   1/1     Terminating   0          18h   10.0.0.5    node-1   <none>           <none>
`, []string{"left", "for 0s"}},
		{"sched-message", `0/3 nodes are available: 3 Insufficient cpu.`, []string{"requests 0", "requests.cpu: 0"}},
		{"crash-row", `$ kubectl get pods
NAME                   READY   STATUS             RESTARTS   AGE
web-7d4b9c8f6d-x2x9q   0/1     CrashLoopBackOff   7          15m
`, []string{"exit code 0", "exits with code"}},
		{"config-row", `$ kubectl get pods
NAME                   READY   STATUS                       RESTARTS   AGE
web-7d4b9c8f6d-x2x9q   0/1     CreateContainerConfigError   0          15m
`, []string{"cannot be configured: "}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			b := snapshot.NewBuilder()
			if _, err := kubetext.Load(b, []byte(tc.text), kubetext.Options{Now: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)}); err != nil {
				t.Fatal(err)
			}
			kubetext.ImplyPods(b)
			res := diagnose.Run(b.Build(time.Time{}), diagnose.DefaultOptions())
			if len(res.Findings) == 0 {
				t.Fatal("no finding")
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
				doc := report.Build(res, lang)
				for _, f := range doc.Findings {
					words := f.Headline + "\n" + f.Explanation
					for _, s := range f.Steps {
						words += "\n" + s.Text
						if s.Command != "" && blankArg.MatchString(s.Command) {
							t.Errorf("%s: command with a blank argument: %q", lang, s.Command)
						}
					}
					for _, n := range tc.never {
						if lang == i18n.EN && strings.Contains(words, n) {
							t.Errorf("states a hidden part as a fact (%q):\n%s", n, f.Headline)
						}
					}
				}
			}
		})
	}
}
