package kubetext_test

import (
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
