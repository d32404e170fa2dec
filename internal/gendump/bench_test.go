package gendump_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/gendump"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/snapshot"
)

var (
	once    sync.Once
	dumpDir string
	dumpLen int64
	genErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if dumpDir != "" {
		os.RemoveAll(dumpDir)
	}
	os.Exit(code)
}

// dump is generated once per test binary and shared by the benchmarks.
func dump(b *testing.B) (string, int64) {
	once.Do(func() {
		dumpDir, genErr = os.MkdirTemp("", "podwhy-bench-")
		if genErr == nil {
			dumpLen, genErr = gendump.Write(dumpDir, gendump.Default)
		}
	})
	if genErr != nil {
		b.Fatal(genErr)
	}
	return dumpDir, dumpLen
}

// BenchmarkLoadAndDiagnose is the target: 10,000 pods, 1,000 nodes,
// 50,000 events, load + diagnose ≤ 2 s on 2 cores.
func BenchmarkLoadAndDiagnose(b *testing.B) {
	dir, n := dump(b)
	b.SetBytes(n)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		bl := snapshot.NewBuilder()
		if err := load.New(bl).Path(dir); err != nil {
			b.Fatal(err)
		}
		res := diagnose.Run(bl.Build(time.Time{}), diagnose.DefaultOptions())
		if len(res.Findings) == 0 {
			b.Fatal("no findings")
		}
	}
}

// BenchmarkDiagnose is the rules alone, on a loaded snapshot.
func BenchmarkDiagnose(b *testing.B) {
	dir, _ := dump(b)
	bl := snapshot.NewBuilder()
	if err := load.New(bl).Path(dir); err != nil {
		b.Fatal(err)
	}
	s := bl.Build(time.Time{})
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		diagnose.Run(s, diagnose.DefaultOptions())
	}
}

// TestGeneratedDumpDiagnoses keeps the generator honest: every failure
// class it writes is found, and healthy pods give nothing.
func TestGeneratedDumpDiagnoses(t *testing.T) {
	dir := t.TempDir()
	if _, err := gendump.Write(dir, gendump.Spec{Nodes: 20, Pods: 1000, Events: 3000, FailingPercent: 20}); err != nil {
		t.Fatal(err)
	}
	bl := snapshot.NewBuilder()
	if err := load.New(bl).Path(dir); err != nil {
		t.Fatal(err)
	}
	res := diagnose.Run(bl.Build(time.Time{}), diagnose.DefaultOptions())
	got := map[string]bool{}
	for _, f := range res.Findings {
		got[f.Reason] = true
	}
	for _, want := range []string{"Image/NotFound", "Crash/OOMKilled", "Crash/Exit", "Unschedulable/Resources", "Config/MissingObject",
		"Crash/Liveness", "Readiness/ProbeFailed", "Evicted", "Run/NotFound", "Sandbox/CNI"} {
		if !got[want] {
			t.Errorf("generated dump: no %s finding (got %v)", want, got)
		}
	}
}

// BenchmarkDecodeFloor is the floor podwhy's load is measured against: the
// same files decoded into typed lists with encoding/json, one after another,
// and nothing else done with them.
func BenchmarkDecodeFloor(b *testing.B) {
	dir, n := dump(b)
	b.SetBytes(n)
	lists := map[string]any{
		"pods.json": &corev1.PodList{}, "events.json": &corev1.EventList{}, "nodes.json": &corev1.NodeList{},
		"replicasets.json": &appsv1.ReplicaSetList{}, "deployments.json": &appsv1.DeploymentList{}, "namespaces.json": &corev1.NamespaceList{},
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for name, l := range lists {
			data, err := os.ReadFile(filepath.Join(dir, name))
			if err != nil {
				b.Fatal(err)
			}
			if err := json.Unmarshal(data, l); err != nil {
				b.Fatal(err)
			}
		}
	}
}
