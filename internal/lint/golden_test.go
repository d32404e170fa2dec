package lint_test

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/lint"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/snapshot"
)

var update = flag.Bool("update", false, "rewrite golden files")

// header is what a corpus file's leading comments ask for.
type header struct {
	want      []string // "# want: A, B": the rules found, with repeats
	expect    []string // "# expect: A, B": the warnings and infos a good file has, with repeats
	cluster   string   // "# cluster: _cluster.yaml": a dump standing in for --cluster
	namespace string   // "# namespace: shop": as -n
}

func readHeader(t *testing.T, data []byte) header {
	t.Helper()
	var h header
	split := func(v string) []string {
		var out []string
		for _, w := range strings.Split(v, ",") {
			if w = strings.TrimSpace(w); w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	for _, line := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(line, "#") {
			break
		}
		line = strings.TrimSpace(strings.TrimPrefix(line, "#"))
		if v, ok := strings.CutPrefix(line, "want:"); ok {
			h.want = split(v)
		}
		if v, ok := strings.CutPrefix(line, "expect:"); ok {
			h.expect = split(v)
		}
		if v, ok := strings.CutPrefix(line, "cluster:"); ok {
			h.cluster = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "namespace:"); ok {
			h.namespace = strings.TrimSpace(v)
		}
	}
	return h
}

// clusterFrom loads a dump the way podwhy loads any dump, so the inventory
// comes through the same snapshot a live LIST fills.
func clusterFrom(t *testing.T, path string) *lint.Inventory {
	t.Helper()
	b := snapshot.NewBuilder()
	if err := load.New(b).Path(path); err != nil {
		t.Fatal(err)
	}
	return lint.FromSnapshot(b.Build(time.Time{}))
}

func runCase(t *testing.T, path string) (*lint.Result, header) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	h := readHeader(t, data)
	inputs, err := lint.ReadPath(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	opts := lint.Options{Namespace: h.namespace}
	if h.cluster != "" {
		opts.Cluster = clusterFrom(t, filepath.Join(filepath.Dir(path), h.cluster))
	}
	return lint.Run(inputs, opts), h
}

func rulesOf(res *lint.Result) []string {
	var got []string
	for _, p := range res.Problems {
		got = append(got, p.Rule)
	}
	sort.Strings(got)
	return got
}

// TestBadCorpus: every broken manifest gives exactly the rules its header
// wants, each at a real position, and renders as the golden files say
// (go test ./internal/lint -update rewrites them; read the diff).
func TestBadCorpus(t *testing.T) {
	cases, _ := filepath.Glob("testdata/bad/*.yaml")
	if len(cases) < 30 {
		t.Fatalf("only %d cases in testdata/bad", len(cases))
	}
	for _, path := range cases {
		name := strings.TrimSuffix(filepath.Base(path), ".yaml")
		if strings.HasPrefix(name, "_") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			res, h := runCase(t, path)
			want := append([]string{}, h.want...)
			sort.Strings(want)
			if got := rulesOf(res); strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("rules = %v, want %v", got, want)
			}
			lines := bytes.Count(mustRead(t, path), []byte("\n")) + 1
			for _, p := range res.Problems {
				if p.Pos.Line < 1 || p.Pos.Line > lines || p.Pos.Column < 1 {
					t.Errorf("%s at %d:%d, outside the file's %d lines", p.Rule, p.Pos.Line, p.Pos.Column, lines)
				}
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
				rep := lint.Build(res, lang)
				var txt bytes.Buffer
				if err := lint.Text(&txt, rep, lint.TextOptions{Lang: lang}); err != nil {
					t.Fatal(err)
				}
				checkRendered(t, txt.String())
				golden(t, filepath.Join("testdata", "golden", name+"."+string(lang)+".txt"), txt.Bytes())
			}
			var js bytes.Buffer
			if err := lint.JSON(&js, lint.Build(res, i18n.EN)); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join("testdata", "golden", name+".json"), js.Bytes())
		})
	}
}

// TestGoodCorpus: correct manifests, including large charts rendered to
// YAML as a real install would, have no error at all, and exactly the
// warnings and infos their header expects (a chart rendered with its
// defaults, for one, sets no memory limits).
func TestGoodCorpus(t *testing.T) {
	cases, _ := filepath.Glob("testdata/good/*")
	if len(cases) < 5 {
		t.Fatalf("only %d cases in testdata/good", len(cases))
	}
	for _, path := range cases {
		t.Run(filepath.Base(path), func(t *testing.T) {
			res, h := runCase(t, path)
			if res.Objects == 0 {
				t.Fatal("no object checked")
			}
			var got []string
			for _, p := range res.Problems {
				if p.Severity == lint.Error {
					t.Errorf("%s:%d:%d %s: %s", p.File, p.Pos.Line, p.Pos.Column, p.Rule, p.Msg.String(i18n.EN))
					continue
				}
				got = append(got, p.Rule)
			}
			sort.Strings(got)
			want := append([]string{}, h.expect...)
			sort.Strings(want)
			if strings.Join(got, ",") != strings.Join(want, ",") {
				for _, p := range res.Problems {
					t.Logf("%s:%d:%d %s %s: %s", p.File, p.Pos.Line, p.Pos.Column, p.Severity, p.Rule, p.Msg.String(i18n.EN))
				}
				t.Errorf("non-error problems = %v, want %v", got, want)
			}
		})
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// checkRendered fails on catalog misses and fmt argument errors.
func checkRendered(t *testing.T, s string) {
	t.Helper()
	for _, bad := range []string{"%!", "!lint.", "!sev.", "!report."} {
		if i := strings.Index(s, bad); i >= 0 {
			t.Errorf("rendered text has %q: …%s…", bad, s[i:min(len(s), i+80)])
		}
	}
}

func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/lint -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the output (go test ./internal/lint -update rewrites it):\n--- got\n%s", path, got)
	}
}
