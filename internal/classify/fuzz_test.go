package classify

import (
	"os"
	"strings"
	"testing"
)

// FuzzClassify: no message, however malformed, panics any parser, and the
// scheduler parser never reports more blocked nodes than exist.
func FuzzClassify(f *testing.F) {
	if data, err := os.ReadFile("testdata/corpus.tsv"); err == nil {
		for _, line := range strings.Split(string(data), "\n") {
			if parts := strings.SplitN(line, "\t", 3); len(parts) == 3 {
				f.Add(parts[1], parts[2])
			}
		}
	}
	f.Add("scheduler", "0/3 nodes are available: , , 1")
	f.Add("scheduler", "0/0 nodes are available: preemption: ")
	f.Fuzz(func(t *testing.T, source, msg string) {
		_ = Classify(source, msg)
		s := ParseSched(msg)
		if s.Code == "" {
			t.Fatal("empty code")
		}
		ParseAdmission(msg)
		ParseMount(msg)
		ParseConfig(msg)
		ParseRun(msg)
		ParseEviction(msg)
		ParseRejection("OutOfcpu", msg)
		ParseProbe(msg)
		Sandbox(msg)
		ImageFromMessage(msg)
		HostFromMessage(msg)
	})
}
