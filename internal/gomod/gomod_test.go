package gomod

import "testing"

func TestSplit(t *testing.T) {
	for _, c := range []struct{ in, mod, path string }{
		{"k8s.io/kubernetes@v1.37.2/hack/testdata/pod.yaml", "k8s.io/kubernetes@v1.37.2", "hack/testdata/pod.yaml"},
		{"github.com/yannh/kubeconform@v0.8.0/fixtures/valid.yaml", "github.com/yannh/kubeconform@v0.8.0", "fixtures/valid.yaml"},
		{"k8s.io/api@v0.19.0", "k8s.io/api@v0.19.0", ""},
	} {
		mod, path, ok := Split(c.in)
		if !ok || mod != c.mod || path != c.path {
			t.Errorf("Split(%q) = %q, %q, %v", c.in, mod, path, ok)
		}
	}
	if _, _, ok := Split("internal/lint/testdata/good/pod.yaml"); ok {
		t.Error("a repository path is not a module's")
	}
}
