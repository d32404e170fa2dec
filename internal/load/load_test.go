package load

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/snapshot"
)

const podJSON = `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"shop","uid":"u1","creationTimestamp":"2026-11-27T08:00:00Z"},"spec":{"containers":[{"name":"web","image":"nginx"}]},"status":{"phase":"Running"}}`

func loadString(t *testing.T, name, data string) (*snapshot.Snapshot, error) {
	t.Helper()
	b := snapshot.NewBuilder()
	l := New(b)
	err := l.Reader(name, "", strings.NewReader(data))
	return b.Build(time.Time{}), err
}

func TestFormats(t *testing.T) {
	cases := map[string]string{
		"single JSON object":            podJSON,
		"kubectl List":                  `{"apiVersion":"v1","items":[` + podJSON + `],"kind":"List","metadata":{"resourceVersion":""}}`,
		"typed list without item kinds": `{"apiVersion":"v1","kind":"PodList","metadata":{},"items":[{"metadata":{"name":"web-1","namespace":"shop"},"spec":{"containers":[]}}]}`,
		"JSON array":                    `[` + podJSON + `]`,
		"concatenated JSON":             podJSON + "\n" + strings.Replace(podJSON, "web-1", "web-2", 1),
		"BOM":                           "\ufeff" + podJSON,
		"YAML":                          "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-1\n  namespace: shop\nspec:\n  containers: []\n",
		"multi-doc YAML":                "# comment\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web-1, namespace: shop}\n---\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: web-2, namespace: shop}\n",
		"YAML List":                     "apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: web-1, namespace: shop}\n",
		"cluster-info dump stream": `{"kind":"NodeList","apiVersion":"v1","metadata":{},"items":[]}
{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[{"metadata":{"name":"web-1","namespace":"shop"},"spec":{"containers":[{"name":"web"}]},"status":{}}]}
==== START logs for container web of pod shop/web-1 ====
{"level":"error","msg":"not json for the loader"}
panic: runtime error: invalid memory address or nil pointer dereference
==== END logs for container web of pod shop/web-1 ====
{"kind":"EventList","apiVersion":"v1","metadata":{},"items":[]}
`,
	}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			s, err := loadString(t, "in", data)
			if err != nil {
				t.Fatal(err)
			}
			if s.Pod("shop", "web-1") == nil {
				t.Fatalf("pod shop/web-1 not loaded; kinds %v", s.Kinds())
			}
		})
	}
	s, _ := loadString(t, "in", cases["cluster-info dump stream"])
	if !strings.Contains(s.Logs[snapshot.LogKey("shop", "web-1", "web", false)], "panic: runtime error") {
		t.Errorf("cluster-info dump log not captured: %q", s.Logs)
	}
	if !s.Has(snapshot.KindNode) || !s.Has(snapshot.KindEvent) {
		t.Errorf("empty typed lists must still mark their kinds: %v", s.Kinds())
	}
}

// TestBadInput: every broken input is one error line naming the input.
func TestBadInput(t *testing.T) {
	cases := map[string]struct{ data, want string }{
		"empty":          {"", "input is empty"},
		"whitespace":     {"  \n\n", "input is empty"},
		"truncated JSON": {podJSON[:60], "truncated JSON"},
		"truncated list": {`{"apiVersion":"v1","items":[` + podJSON[:80], "truncated JSON"},
		"bad JSON":       {`{"apiVersion": v1}`, "invalid JSON"},
		"no kind":        {`{"foo": 1}`, "not a Kubernetes object"},
		"YAML not k8s":   {"foo: bar\nbaz: 1\n", "not a Kubernetes object"},
		"YAML scalar":    {"- just\n- a list\n", "not a Kubernetes object"},
		"binary":         {"\x00\x01\x02\x7fELF", "binary data"},
		"prose":          {"hello, this is not a dump at all\nsecond line", "not kubectl JSON or YAML"},
		"wrong type":     {`{"apiVersion":"v1","kind":"Pod","metadata":{"name":5}}`, "Pod: field metadata.name"},
		"garbage after":  {podJSON + "\nxyz", "unexpected text after JSON"},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := loadString(t, "dump.json", c.data)
			if err == nil {
				t.Fatal("no error")
			}
			msg := err.Error()
			if !strings.HasPrefix(msg, "dump.json: ") || !strings.Contains(msg, c.want) || strings.Contains(msg, "\n") {
				t.Errorf("error %q: want one line starting with the input name and containing %q", msg, c.want)
			}
		})
	}
}

func TestDirectories(t *testing.T) {
	dir := t.TempDir()
	if err := (New(snapshot.NewBuilder())).Path(dir); err == nil || !strings.Contains(err.Error(), "no .json or .yaml files") {
		t.Errorf("empty dir: %v", err)
	}
	if err := New(snapshot.NewBuilder()).Path(filepath.Join(dir, "missing")); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing path: %v", err)
	}
	// A cluster-info dump --output-directory tree.
	must := func(p, data string) {
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	must(filepath.Join(dir, "nodes.json"), `{"kind":"NodeList","apiVersion":"v1","metadata":{},"items":[]}`)
	must(filepath.Join(dir, "shop", "pods.json"), `{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[`+podJSON+`]}`)
	must(filepath.Join(dir, "shop", "configmaps.json"), `{"kind":"List","apiVersion":"v1","metadata":{},"items":[]}`)
	must(filepath.Join(dir, "shop", "web-1", "logs.txt"), "starting\nfatal: config missing\n")
	b := snapshot.NewBuilder()
	if err := New(b).Path(dir); err != nil {
		t.Fatal(err)
	}
	s := b.Build(time.Time{})
	if s.Pod("shop", "web-1") == nil || !s.Has(snapshot.KindConfigMap) || !s.Has(snapshot.KindNode) {
		t.Errorf("tree not loaded: kinds %v", s.Kinds())
	}
	if !strings.Contains(s.Logs[snapshot.LogKey("shop", "web-1", "", false)], "fatal: config missing") {
		t.Errorf("logs.txt not read: %v", s.Logs)
	}
}

// TestSecretValuesDropped: secret values never enter the snapshot.
func TestSecretValuesDropped(t *testing.T) {
	sec := `{"apiVersion":"v1","kind":"Secret","metadata":{"name":"regcred","namespace":"shop","annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{\"data\":{\"password\":\"aHVudGVyMg==\"}}"}},"type":"kubernetes.io/dockerconfigjson","data":{".dockerconfigjson":"eyJhdXRocyI6eyJyZWdpc3RyeS5leGFtcGxlLmNvbSI6eyJ1c2VybmFtZSI6ImJvdCIsInBhc3N3b3JkIjoiaHVudGVyMiJ9fX0="}}`
	s, err := loadString(t, "s.json", sec)
	if err != nil {
		t.Fatal(err)
	}
	got := s.Secret("shop", "regcred")
	if got == nil || len(got.RegistryHosts) != 1 || got.RegistryHosts[0] != "registry.example.com" {
		t.Fatalf("registry hosts: %+v", got)
	}
	var buf bytes.Buffer
	io.WriteString(&buf, strings.Join(got.Keys, ","))
	if strings.Contains(buf.String(), "hunter2") {
		t.Fatal("secret value kept")
	}
}

// TestLargeGarbage streams a big text file without reading it whole.
func TestLargeGarbage(t *testing.T) {
	r := io.MultiReader(strings.NewReader("not yaml or json "), &endless{n: 1 << 30})
	b := snapshot.NewBuilder()
	start := time.Now()
	err := New(b).Reader("big.txt", "", r)
	if err == nil || !strings.Contains(err.Error(), "not kubectl JSON or YAML") {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > 5*time.Second {
		t.Log("slow rejection of garbage")
	}
}

type endless struct{ n int }

func (e *endless) Read(p []byte) (int, error) {
	if e.n <= 0 {
		return 0, io.EOF
	}
	k := len(p)
	if k > e.n {
		k = e.n
	}
	for i := 0; i < k; i++ {
		p[i] = 'x'
	}
	e.n -= k
	return k, nil
}

func FuzzLoad(f *testing.F) {
	f.Add([]byte(podJSON))
	f.Add([]byte(`{"apiVersion":"v1","items":[` + podJSON + `],"kind":"List"}`))
	f.Add([]byte("apiVersion: v1\nkind: Pod\nmetadata: {name: a}\n"))
	f.Add([]byte("==== START logs for container a of pod b/c ====\nx\n"))
	f.Add([]byte(`[{"kind":"Event","apiVersion":"events.k8s.io/v1","metadata":{"name":"e"},"regarding":{"kind":"Pod","name":"p"}}]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		b := snapshot.NewBuilder()
		err := New(b).Reader("fuzz", "", bytes.NewReader(data))
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Fatalf("multi-line error: %q", err)
		}
		b.Build(time.Time{})
	})
}

// TestLargeStructuredGarbage: YAML- or JSON-looking starts followed by a
// gigabyte without structure fail with one line.
func TestLargeStructuredGarbage(t *testing.T) {
	for _, head := range []string{"key: ", `{"kind":"`} {
		r := io.MultiReader(strings.NewReader(head), &endless{n: 1 << 30})
		err := New(snapshot.NewBuilder()).Reader("big", "", r)
		if err == nil || !strings.Contains(err.Error(), "larger than") && !strings.Contains(err.Error(), "longer than") {
			t.Errorf("%q: err = %v", head, err)
		}
	}
}
