package lab

import (
	"regexp"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

var code = regexp.MustCompile(`^([A-Za-z]+(/[A-Za-z]+)?|-)$`)

// TestScenariosParse: every embedded scenario decodes into API objects
// and names a reason code and the component that produces it.
func TestScenariosParse(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 20 {
		t.Errorf("only %d scenarios", len(all))
	}
	for _, s := range all {
		if !code.MatchString(s.Reason) || s.Source == "" || len(s.Objects) == 0 {
			t.Errorf("%s: reason %q source %q objects %d", s.Name, s.Reason, s.Source, len(s.Objects))
		}
	}
	if _, err := Get("no-such"); err == nil {
		t.Error("unknown scenario accepted")
	}
}

func TestBare(t *testing.T) {
	live, err := Get("liveness")
	if err != nil {
		t.Fatal(err)
	}
	b, ok := Bare(live)
	if !ok || b.Name != "liveness-bare" || b.Reason != live.Reason || len(b.Objects) != 1 {
		t.Fatalf("Bare(liveness) = %+v, %v", b, ok)
	}
	if pod, ok := b.Objects[0].(*corev1.Pod); !ok || pod.Name != "unhealthy" || len(pod.Spec.Containers) != 1 || pod.Spec.RestartPolicy != corev1.RestartPolicyAlways {
		t.Errorf("bare object %#v", b.Objects[0])
	}
	for _, name := range []string{"quota", "healthy", "daemonset", "finalizer"} {
		s, err := Get(name)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := Bare(s); ok {
			t.Errorf("%s: a bare variant of a controller's or pod-only failure", name)
		}
	}
}
