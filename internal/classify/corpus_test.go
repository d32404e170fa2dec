package classify

import (
	"os"
	"strings"
	"testing"
)

// TestCorpus checks every message of testdata/corpus.tsv — real-format
// texts from the Kubernetes, containerd, CRI-O and dockershim sources and
// from public issue reports (docs/messages.md) — against its expected code.
func TestCorpus(t *testing.T) {
	data, err := os.ReadFile("testdata/corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for i, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.SplitN(line, "\t", 3)
		if len(parts) != 3 {
			t.Fatalf("line %d: want CODE<TAB>SOURCE<TAB>MESSAGE", i+1)
		}
		n++
		code, source, msg := parts[0], parts[1], parts[2]
		if got := Classify(source, msg); got != code {
			t.Errorf("line %d (%s): got %s, want %s\n\t%s", i+1, source, got, code, msg)
		}
	}
	if n < 150 {
		t.Errorf("corpus has %d messages, want at least 150", n)
	}
}
