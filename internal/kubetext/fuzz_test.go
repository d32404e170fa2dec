package kubetext_test

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/kubetext"
)

// FuzzParse: any text gives objects or an error, never a panic. Seeds are
// small cuts of real captures so the fuzzer mutates kubectl's own shapes.
// (Diagnosing the result is covered by TestTruncatedPaste; under the
// fuzzer's coverage instrumentation the rules make each run too slow.)
func FuzzParse(f *testing.F) {
	files, _ := filepath.Glob("../../examples/lab-capture/text/*.txt")
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if len(data) > 2000 {
			data = data[:2000]
		}
		f.Add(data)
	}
	f.Add([]byte("Warning  Failed  3m (x4 over 5m)  kubelet, node-1  Error: ErrImagePull"))
	f.Add([]byte("NAME READY STATUS RESTARTS AGE\nweb-1 0/1 Init:CrashLoopBackOff 3 (10s ago) 2m\n"))
	f.Add([]byte("> $ k describe po x\n> Name: x\n> Status: Terminating (lasts 5m)\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		res, err := kubetext.Parse(data, kubetext.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return
		}
		for _, e := range res.Events {
			if e.Regarding.Kind == "" || e.Count < 1 {
				t.Fatalf("event without object or count: %+v", e)
			}
		}
	})
}

// FuzzParseAll: several inputs read together (a describe in one file,
// events in another, logs in a third) give objects or an error, never a
// panic, and never a pod that two inputs name twice.
func FuzzParseAll(f *testing.F) {
	files, _ := filepath.Glob("../../examples/lab-capture/text/*.txt")
	for i, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		if len(data) > 1500 {
			data = data[:1500]
		}
		f.Add(data, []byte("[pod/web-1/app] listening on :8080\n"), []byte(""))
		if i%5 == 0 {
			f.Add(data, []byte(`Error from server (BadRequest): container "app" in pod "web-1" is waiting to start: ContainerCreating`), []byte("2m  Warning  BackOff  pod/web-1  Back-off restarting failed container app in pod web-1_shop(u)"))
		}
	}
	f.Add([]byte("  status:\n    containerStatuses:\n    - name: app\n      lastState:\n        terminated:\n          exitCode: 137\n          reason: OOMKilled\n"), []byte("panic: boom\ngoroutine 1 [running]:"), []byte("No resources found in shop namespace."))
	f.Fuzz(func(t *testing.T, a, b, c []byte) {
		res, err := kubetext.ParseAll([]kubetext.Input{{Name: "a", Data: a}, {Name: "b", Data: b}, {Name: "c", Data: c}}, kubetext.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			return
		}
		seen := map[string]bool{}
		for _, o := range res.Objects {
			if p, ok := o.(interface{ GetName() string }); ok {
				k := ""
				if n, ok := o.(interface{ GetNamespace() string }); ok {
					k = n.GetNamespace()
				}
				k += "/" + p.GetName() + "/" + kindName(o)
				if seen[k] {
					t.Fatalf("object %s made twice", k)
				}
				seen[k] = true
			}
		}
	})
}

func kindName(o any) string { return fmt.Sprintf("%T", o) }
