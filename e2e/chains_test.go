//go:build e2e

package e2e

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/testcluster"
)

// chainWant is what a chain scenario must give once its log is read.
type chainWant struct {
	reason string
	// headline words the finding must say (names the log gave)
	words []string
	// rootPod: the finding is caused by the finding about this pod
	rootPod string
}

var chainScenarios = map[string]chainWant{
	"podwhy-lab-chain-dependency": {reason: "Crash/Dependency", words: []string{"10.96.100.10", "connection refused", "Service db has 0 ready endpoints", "db-0"}, rootPod: "db-0"},
	"podwhy-lab-chain-rbac":       {reason: "Crash/RBAC", words: []string{"list pods"}},
	"podwhy-lab-chain-dns":        {reason: "Crash/Dependency", words: []string{"backend:8080", "name not found", "similar: backends"}},
	"podwhy-lab-chain-arch":       {reason: "Run/ExecFormat", words: []string{"/app/server"}},
}

// checkChains reads each chain scenario with its logs, live and from a
// cluster-info dump taken by the real kubectl, and checks the reason,
// the names in the headline and the causedBy link to the root finding.
func checkChains(t *testing.T, c *testcluster.Cluster) {
	check := func(src string, d doc) []string {
		var problems []string
		for ns, w := range chainScenarios {
			var got *finding
			for i, f := range d.Findings {
				if f.Namespace == ns && f.Reason == w.reason {
					got = &d.Findings[i]
				}
			}
			if got == nil {
				problems = append(problems, src+" "+ns+": no "+w.reason+" in "+strings.Join(byNamespace(d)[ns], ","))
				continue
			}
			for _, word := range w.words {
				if !strings.Contains(got.Headline, word) {
					problems = append(problems, src+" "+ns+": headline "+got.Headline+" lacks "+word)
				}
			}
			if w.rootPod == "" {
				continue
			}
			var root string
			for _, f := range d.Findings {
				for _, p := range f.Pods {
					if f.Namespace == ns && p.Name == w.rootPod {
						root = f.ID
					}
				}
			}
			if root == "" || len(got.CausedBy) != 1 || got.CausedBy[0] != root {
				problems = append(problems, src+" "+ns+": causedBy "+strings.Join(got.CausedBy, ",")+", want the finding of pod "+w.rootPod+" ("+root+")")
			}
		}
		return problems
	}
	var problems []string
	var last doc
	for i := 0; i < 20; i++ {
		_, last, _ = podwhy(t, "--kubeconfig", c.Kubeconfig(), "-A", "--logs", "--startup-grace", "20s")
		if problems = check("live", last); len(problems) == 0 {
			break
		}
		time.Sleep(3 * time.Second)
	}
	for _, p := range problems {
		t.Error(p)
	}
	// The steps of findings made from logs run too.
	var chained doc
	for _, f := range last.Findings {
		if _, ok := chainScenarios[f.Namespace]; ok {
			chained.Findings = append(chained.Findings, f)
		}
	}

	var nss []string
	for ns := range chainScenarios {
		nss = append(nss, ns)
	}
	for attempt := 0; attempt < 3; attempt++ {
		dir := filepath.Join(t.TempDir(), "dump")
		out, err := exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "cluster-info", "dump",
			"--namespaces", strings.Join(nss, ","), "--output-directory", dir).CombinedOutput()
		if err != nil {
			t.Fatalf("cluster-info dump: %v: %s", err, out)
		}
		_, fromDump, _ := podwhy(t, "-f", dir, "--startup-grace", "20s")
		problems = check("dump", fromDump)
		if len(problems) == 0 {
			break
		}
		time.Sleep(5 * time.Second)
	}
	for _, p := range problems {
		t.Error(p)
	}
	t.Run("steps", func(t *testing.T) { proveSteps(t, c, chained, 10) })
}
