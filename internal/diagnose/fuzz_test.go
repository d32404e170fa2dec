package diagnose_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// FuzzDiagnose feeds mutated dumps through load, every rule and the text
// report: objects with missing or odd fields must never panic a rule.
func FuzzDiagnose(f *testing.F) {
	cases, _ := filepath.Glob("testdata/*.yaml")
	for _, c := range cases {
		if data, err := os.ReadFile(c); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"p","deletionTimestamp":"2026-01-01T00:00:00Z"},"spec":{"nodeName":"n"},"status":{"phase":"Running","containerStatuses":[{"name":"x","state":{"waiting":{"reason":"CrashLoopBackOff"}}}]}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		done := make(chan struct{})
		defer close(done)
		go func() {
			select {
			case <-done:
			case <-time.After(10 * time.Second):
				if dir := os.Getenv("PODWHY_FUZZ_SLOW_DIR"); dir != "" {
					os.WriteFile(filepath.Join(dir, "slow-input"), data, 0o644)
				}
				buf := make([]byte, 1<<20)
				n := runtime.Stack(buf, true)
				panic("input took over 10s:\n" + string(buf[:n]))
			}
		}()
		b := snapshot.NewBuilder()
		if err := load.New(b).Reader("fuzz", "", bytes.NewReader(data)); err != nil {
			return
		}
		res := diagnose.Run(b.Build(time.Time{}), diagnose.DefaultOptions())
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			if err := report.Text(io.Discard, report.Build(res, lang), report.TextOptions{Lang: lang}); err != nil {
				t.Fatal(err)
			}
		}
	})
}
