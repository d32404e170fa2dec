package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommittedTable: internal/lint/removed_gen.go is exactly what the
// lifecycle data of the listed modules says (they come from the Go module
// proxy, like every other dependency).
func TestCommittedTable(t *testing.T) {
	src, err := generate()
	if err != nil {
		t.Fatal(err)
	}
	have, err := os.ReadFile(filepath.Join("..", "..", out))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(have, src) {
		t.Errorf("%s is stale: run go run ./hack/genremoved", out)
	}
	// The kinds people still meet in old manifests are all there.
	for _, k := range []string{
		`"extensions/v1beta1 Deployment": {"1.16", "apps/v1"}`,
		`"policy/v1beta1 PodSecurityPolicy": {"1.25", ""}`,
		`"apiextensions.k8s.io/v1beta1 CustomResourceDefinition": {"1.22", "apiextensions.k8s.io/v1"}`,
		`"autoscaling/v2beta2 HorizontalPodAutoscaler": {"1.26", "autoscaling/v2"}`,
		`"networking.k8s.io/v1beta1 Ingress": {"1.22", "networking.k8s.io/v1"}`,
	} {
		if !strings.Contains(strings.Join(strings.Fields(string(src)), " "), k) {
			t.Errorf("the table has no %s", k)
		}
	}
}
