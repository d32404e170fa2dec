package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"sigs.k8s.io/yaml"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// fingerprint is what a load put into a snapshot, comparable across two
// ways of reading the same objects.
func fingerprint(t *testing.T, l *Loader, b *snapshot.Builder) string {
	t.Helper()
	s := b.Build(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	var out strings.Builder
	fmt.Fprintf(&out, "stats %+v kinds %v warnings %d\n", l.Stats, s.Kinds(), len(s.WarningEvents()))
	for _, ns := range s.NamespaceList() {
		js, err := json.Marshal(s.PodsInNamespace(ns))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&out, "%s %s\n", ns, js)
	}
	return out.String()
}

// A List too large to convert whole is read item by item, and gives the
// same snapshot as when converted whole.
func TestYAMLListReadItemByItem(t *testing.T) {
	js, err := os.ReadFile("../../examples/lab-capture/cluster.json")
	if err != nil {
		t.Fatal(err)
	}
	y, err := yaml.JSONToYAML(js)
	if err != nil {
		t.Fatal(err)
	}
	// Comments, a document before and after, and the items indented
	// under their key, as other tools than kubectl write them.
	indented := strings.Replace(string(y), "\nitems:\n", "\nitems:\n", 1)
	var ind strings.Builder
	inItems := false
	for _, l := range strings.SplitAfter(indented, "\n") {
		switch {
		case l == "items:\n":
			inItems = true
		case inItems && l != "" && l[0] != ' ' && l[0] != '-':
			inItems = false
		case inItems:
			l = "  " + l
		}
		ind.WriteString(l)
	}
	for name, doc := range map[string]string{
		"kubectl":                      string(y),
		"framed":                       "# a dump\n---\n" + string(y) + "---\n" + podYAML("extra-1"),
		"indented items with comments": strings.Replace(ind.String(), "items:\n", "items:\n  # first\n\n", 1),
	} {
		t.Run(name, func(t *testing.T) {
			whole := New(snapshot.NewBuilder())
			if err := whole.Reader("in.yaml", "", strings.NewReader(doc)); err != nil {
				t.Fatal(err)
			}
			defer func(v int64) { yamlWhole = v }(yamlWhole)
			yamlWhole = 4 << 10
			streamed := New(snapshot.NewBuilder())
			if err := streamed.Reader("in.yaml", "", strings.NewReader(doc)); err != nil {
				t.Fatal(err)
			}
			a, b := fingerprint(t, whole, whole.B), fingerprint(t, streamed, streamed.B)
			if a != b {
				t.Errorf("item by item differs from whole:\n%.2000s\n---\n%.2000s", a, b)
			}
			if whole.Stats.Objects < 10 {
				t.Errorf("only %d objects", whole.Stats.Objects)
			}
		})
	}
}

func podYAML(name string) string {
	return "apiVersion: v1\nkind: Pod\nmetadata:\n  name: " + name + "\n  namespace: shop\nspec:\n  containers:\n  - name: app\n    image: nginx\n"
}

// bigList is a kubectl get -o yaml List of n pods whose managedFields
// (which the decoder skips) make up most of it.
func bigList(n int) []byte {
	var b bytes.Buffer
	b.WriteString("apiVersion: v1\nitems:\n")
	mf := strings.Repeat("      f:metadata:\n        f:labels:\n          .: {}\n          f:app: {}\n", 20)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: web-%d\n    namespace: shop\n    managedFields:\n    - apiVersion: v1\n      fieldsType: FieldsV1\n      fieldsV1:\n%s      manager: kubectl\n  spec:\n    containers:\n    - name: app\n      image: nginx\n  status:\n    phase: Running\n", i, mf)
	}
	b.WriteString("kind: List\nmetadata:\n  resourceVersion: \"\"\n")
	return b.Bytes()
}

// peakHeap runs f and returns how far the heap grew above where it was.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base := ms.HeapAlloc
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapAlloc > peak.Load() {
				peak.Store(m.HeapAlloc)
			}
			select {
			case <-stop:
				return
			case <-time.After(2 * time.Millisecond):
			}
		}
	}()
	f()
	close(stop)
	<-done
	if p := peak.Load(); p > base {
		return p - base
	}
	return 0
}

// A YAML List of 14 MB is read in bounded memory: converted whole, the
// heap grew by 446 MB (now about 100 MB, most of it the pods themselves).
func TestYAMLListBoundedMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("14 MB of YAML")
	}
	data := bigList(9000)
	var l *Loader
	grew := peakHeap(func() {
		l = New(snapshot.NewBuilder())
		if err := l.Reader("pods.yaml", "", bytes.NewReader(data)); err != nil {
			t.Error(err)
		}
	})
	t.Logf("%d MB of YAML: heap grew by %d MB", len(data)>>20, grew>>20)
	if l.Stats.Objects != 9000 {
		t.Errorf("%d pods loaded, want 9000", l.Stats.Objects)
	}
	if grew > 160<<20 {
		t.Errorf("heap grew by %d MB reading %d MB of YAML", grew>>20, len(data)>>20)
	}
}

// endlessPods is a JSON stream that never ends, as kubectl get -w -o json
// writes.
type endlessPods struct{ buf bytes.Buffer }

func (e *endlessPods) Read(p []byte) (int, error) {
	if e.buf.Len() == 0 {
		e.buf.WriteString(podJSON + "\n")
	}
	return e.buf.Read(p)
}

// Every input is read up to a limit, and past it fails with one line
// naming the limit and the flag that raises it.
func TestInputLimit(t *testing.T) {
	cases := []struct {
		name string
		max  int64
		r    io.Reader
		want string
	}{
		{"endless JSON stream", 1 << 20, &endlessPods{}, "in: input larger than 1 MiB: raise the limit with --max-input-size"},
		{"endless YAML stream", 1 << 20, io.MultiReader(strings.NewReader(podYAML("a")), &repeat{s: "---\n" + podYAML("b")}), "in: input larger than 1 MiB: raise the limit with --max-input-size"},
		{"one huge YAML object", 8 << 20, strings.NewReader(podYAML("a") + "  labels:\n" + strings.Repeat("    k: v\n", 200000)), "larger than 1 MiB: raise the limit with --max-input-size"},
		{"one huge YAML item", 8 << 20, strings.NewReader("apiVersion: v1\nkind: List\nitems:\n- " + strings.TrimPrefix(strings.ReplaceAll(podYAML("a"), "\n", "\n  "), "") + "labels:\n" + strings.Repeat("      k: v\n", 200000)), "holds an object larger than 1 MiB: raise the limit with --max-input-size"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			l := New(snapshot.NewBuilder())
			l.MaxInput = c.max
			done := make(chan error, 1)
			go func() { done <- l.Reader("in", "", c.r) }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
					t.Errorf("err = %v, want one line with %q", err, c.want)
				}
			case <-time.After(60 * time.Second):
				t.Fatal("no answer after a minute")
			}
		})
	}
	// Pasted text may be a quarter of the limit.
	l := New(snapshot.NewBuilder())
	l.MaxInput = 4 << 20
	l.Text = func(*snapshot.Builder, string, []byte) (int, error) { return 1, nil }
	err := l.Reader("paste.txt", "", &repeat{s: "Warning  BackOff  3m  kubelet  Back-off restarting failed container\n"})
	if err == nil || !strings.Contains(err.Error(), "paste.txt: pasted text larger than 1 MiB: raise the limit with --max-input-size") {
		t.Errorf("text: %v", err)
	}
}

type repeat struct {
	s   string
	buf bytes.Buffer
}

func (r *repeat) Read(p []byte) (int, error) {
	if r.buf.Len() == 0 {
		r.buf.WriteString(r.s)
	}
	return r.buf.Read(p)
}

// JSON nested too deep or holding NUL bytes fails in podwhy's words: one
// line, neither the decoders' messages nor a second reading as text.
func TestJSONNestingAndNUL(t *testing.T) {
	item := func(name, annotations string) string {
		return `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"` + name + `","annotations":` + annotations + `}}`
	}
	deep := strings.Repeat("[", 20000) + strings.Repeat("]", 20000)
	cases := map[string]struct{ data, want string }{
		"deep item":       {`{"apiVersion":"v1","kind":"List","items":[` + podJSON + `,` + item("x", `{"a":`+deep+`}`) + `]}`, "JSON nested deeper than 10000 levels"},
		"deep object":     {`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":` + strings.Repeat(`{"a":`, 20000) + `1` + strings.Repeat("}", 20000) + `}`, "JSON nested deeper than 10000 levels"},
		"deep array":      {strings.Repeat("[", 200000) + strings.Repeat("]", 200000), "JSON nested deeper than 10000 levels"},
		"NUL in a string": {`{"apiVersion":"v1","kind":"List","items":[` + podJSON + `,` + strings.Repeat(" ", 9000) + item("a\x00b", "{}") + `]}`, "a NUL byte in JSON"},
		"NUL between":     {`{"apiVersion":"v1","kind":"List","items":[` + podJSON + `,` + strings.Repeat(" ", 9000) + "\x00" + podJSON + `]}`, "a NUL byte in JSON"},
		"NUL after":       {podJSON + strings.Repeat("\n", 9000) + "\x00\x00", "a NUL byte in JSON"},
		"deep YAML":       {"apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec: " + deep + "\n", "YAML nested deeper than 10000 levels"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			// As the CLI reads -f: text is read when JSON fails.
			l := New(snapshot.NewBuilder())
			texts := 0
			l.Text = func(*snapshot.Builder, string, []byte) (int, error) { texts++; return 0, nil }
			l.IsText = func([]byte) bool { return false }
			var err error
			func() {
				defer func() {
					if r := recover(); r != nil {
						t.Fatalf("panic: %v", r)
					}
				}()
				err = l.Reader("dump.json", "", strings.NewReader(c.data))
			}()
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "dump.json: ") || !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") ||
				strings.Contains(msg, "invalid character") || strings.Contains(msg, "exceeded max depth") || strings.Contains(msg, "MarshalJSON") {
				t.Errorf("error %q: want one line of podwhy's naming %q", msg, c.want)
			}
			if texts > 0 {
				t.Errorf("read again as pasted text")
			}
		})
	}
}
