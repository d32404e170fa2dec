package diagnose

import (
	"strings"
	"testing"

	"github.com/podwhy/podwhy/internal/i18n"
)

// Each finalizer is attributed to whoever removes it.
func TestFinalizerOwner(t *testing.T) {
	for fin, want := range map[string]string{
		"foregroundDeletion":               "garbage collector",
		"orphan":                           "garbage collector",
		"batch.kubernetes.io/job-tracking": "Job controller",
		"kubernetes.io/pvc-protection":     "no pod uses the claim",
		"workflows.argoproj.io/status":     "Argo Workflows",
		"kyverno.io/policy":                "Kyverno",
		"example.com/cleanup":              "third-party controller (example.com)",
		"kubernetes.io/something":          "kube-controller-manager",
	} {
		if got := finalizerOwner(fin).String(i18n.EN); !strings.Contains(got, want) {
			t.Errorf("%s: %q lacks %q", fin, got, want)
		}
		if got := finalizerOwner(fin).String(i18n.ZH); got == "" || strings.HasPrefix(got, "!") {
			t.Errorf("%s: no Chinese text: %q", fin, got)
		}
	}
}
