package fieldcheck

import (
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
)

func TestNearestAndField(t *testing.T) {
	container := reflect.TypeOf(corev1.Container{})
	for name, want := range map[string]string{
		"imagePullPolcy":  "imagePullPolicy",
		"ImagePullPolicy": "imagePullPolicy",
		"volumemounts":    "volumeMounts",
		"resource":        "resources",
		"nmae":            "name", // a swap is one edit
		"nmx":             "",
		"zzzzzzzzzz":      "",
	} {
		if got := Nearest(container, name); got != want {
			t.Errorf("Nearest(Container, %q) = %q, want %q", name, got, want)
		}
	}
	pod := reflect.TypeOf(corev1.Pod{})
	if ft, ok := Field(pod, "kind"); !ok || ft.Kind() != reflect.String {
		t.Errorf("Field(Pod, kind) through the embedded TypeMeta: %v %v", ft, ok)
	}
	if _, ok := Field(pod, "command"); ok {
		t.Error("Field(Pod, command) should not exist")
	}
	if got := Distance("kitten", "sitting"); got != 3 {
		t.Errorf("distance = %d", got)
	}
}

func TestSuggestNear(t *testing.T) {
	pod := reflect.TypeOf(corev1.Pod{})
	for path, want := range map[string]string{
		// One level too deep: the pod spec has it; a probe's is not meant.
		"spec.containers[0].terminationGracePeriodSeconds": "spec.terminationGracePeriodSeconds",
		"spec.containers[0].serviceAccountName":            "spec.serviceAccountName",
		// Not on any ancestor: Suggest's answer.
		"spec.command":  "spec.containers[0].command",
		"spec.replicas": "",
		"command":       "spec.containers[0].command",
	} {
		if got := SuggestNear(pod, path); got != want {
			t.Errorf("SuggestNear(Pod, %q) = %q, want %q", path, got, want)
		}
	}
}

func TestSameFamily(t *testing.T) {
	pod := reflect.TypeOf(corev1.Pod{})
	for _, c := range []struct {
		from, to string
		want     bool
	}{
		// Across the members of a union: another volume type, another
		// probe handler.
		{"spec.volumes[0].secret.claimName", "spec.volumes[0].persistentVolumeClaim.claimName", false},
		{"spec.volumes[0].configMap.secretName", "spec.volumes[0].secret.secretName", false},
		{"spec.containers[0].livenessProbe.exec.port", "spec.containers[0].livenessProbe.httpGet.port", false},
		// Up to an ancestor, or down into a member from its parent.
		{"spec.containers[0].terminationGracePeriodSeconds", "spec.terminationGracePeriodSeconds", true},
		{"spec.containers[0].livenessProbe.path", "spec.containers[0].livenessProbe.httpGet.path", true},
		{"spec.command", "spec.containers[0].command", true},
		// From the pod's security context into a container's: a list
		// item, not an alternative.
		{"spec.securityContext.capabilities", "spec.containers[0].securityContext.capabilities", true},
	} {
		if got := SameFamily(pod, c.from, c.to); got != c.want {
			t.Errorf("SameFamily(%s → %s) = %v, want %v", c.from, c.to, got, c.want)
		}
	}
}
