package diagnose_test

import (
	"os"
	"strings"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/lab"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/snapshot"
)

var shortKinds = map[string]string{"deploy": "Deployment", "sts": "StatefulSet", "ds": "DaemonSet", "job": "Job", "cronjob": "CronJob", "pod": "Pod", "node": "Node"}

// TestShippedExample: the example dump gives, for every scenario listed in
// its EXPECTED.tsv, a finding about that object with that reason code (as
// the reason, or as a further code folded into it), and nothing else.
func TestShippedExample(t *testing.T) {
	const dir = "../../examples/broken-cluster"
	data, err := os.ReadFile(dir + "/EXPECTED.tsv")
	if err != nil {
		t.Fatal(err)
	}
	b := snapshot.NewBuilder()
	if err := load.New(b).Path(dir); err != nil {
		t.Fatal(err)
	}
	s := b.Build(time.Time{})
	res := diagnose.Run(s, diagnose.DefaultOptions())

	// about reports whether a finding concerns the object: as its subject,
	// or through one of its pods (a DaemonSet's pod listed under its node).
	about := func(f *diagnose.Finding, ns, kind, name string) bool {
		if f.Subject.Kind == kind && f.Subject.Name == name && (kind == "Node" || f.Namespace == ns) {
			return true
		}
		for _, p := range f.Pods {
			if p.Namespace != ns {
				continue
			}
			if kind == "Pod" && p.Name == name {
				return true
			}
			if pod := s.Pod(p.Namespace, p.Name); pod != nil {
				if ref := metav1.GetControllerOf(pod); ref != nil && ref.Kind == kind && ref.Name == name {
					return true
				}
			}
		}
		return false
	}
	used := map[*diagnose.Finding]bool{}
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		cols := strings.Split(line, "\t")
		if len(cols) < 3 {
			t.Fatalf("EXPECTED.tsv line %d: %q", i+1, line)
		}
		ns, obj, code := cols[0], cols[1], cols[2]
		short, name, _ := strings.Cut(obj, "/")
		kind := shortKinds[short]
		found := false
		for _, f := range res.Findings {
			codes := append([]string{f.Reason}, f.Tags...)
			for _, c := range codes {
				if c == code && about(f, ns, kind, name) {
					found, used[f] = true, true
				}
			}
		}
		if !found {
			t.Errorf("line %d: no %s finding for %s %s (%s)", i+1, code, ns, obj, cols[3])
		}
	}
	for _, f := range res.Findings {
		if !used[f] {
			t.Errorf("unexpected finding %s %s %s/%s", f.Reason, f.Namespace, f.Subject.Kind, f.Subject.Name)
		}
	}
}

// TestLabCapture: a kubectl get -o json capture of the real test cluster
// with every lab scenario applied (examples/lab-capture, made by the
// kubelet, scheduler, admission and controllers, not by hand) gives each
// scenario's reason in its namespace, and nothing for the healthy one.
func TestLabCapture(t *testing.T) {
	b := snapshot.NewBuilder()
	if err := load.New(b).Path("../../examples/lab-capture/cluster.json"); err != nil {
		t.Fatal(err)
	}
	opts := diagnose.DefaultOptions()
	opts.StartupGrace = 20 * time.Second
	res := diagnose.Run(b.Build(time.Time{}), opts)
	got := map[string][]string{}
	for _, f := range res.Findings {
		got[f.Namespace] = append(append(got[f.Namespace], f.Reason), f.Tags...)
	}
	scenarios, err := lab.All()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range scenarios {
		ns := s.Namespace()
		if s.Reason == "-" {
			if len(got[ns]) > 0 {
				t.Errorf("%s: healthy scenario has findings %v", s.Name, got[ns])
			}
			continue
		}
		found := false
		for _, r := range got[ns] {
			found = found || r == s.Reason
		}
		if !found {
			t.Errorf("%s: want %s, got %v", s.Name, s.Reason, got[ns])
		}
	}
}
