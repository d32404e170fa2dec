package lint

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"

	"github.com/podwhy/podwhy/internal/i18n"
)

var fuzzSeeds = []string{
	locateDoc,
	"a: 1\n---\nb: {c: [1, 2, {d: e}]}\n",
	"a: 1\r\nb:\r\n  - x\r\n  - y\r\n---\r\nc: 2\r\n",
	"a: 1\rb: 2\n---\nc: 3\n",
	"k: v\u2028m: n\n---\nx: y\n",
	"\ufeffapiVersion: v1\nkind: Pod\nmetadata: {name: p}\n",
	"- &a {x: 1}\n- *a\n- {<<: *a, y: 2}\n",
	"a: &a [*a]\n",
	"? [complex, key]\n: value\n\"quoted.key\": 1\n'x[0]': 2\n",
	"dup: 1\ndup: 2\nnested: {dup: 1, dup: 2}\n",
	"apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: p}\n  spec: {command: [x]}\n",
	"text: |\n  ---\n  not a separator\n--- # sep\nz: 1\n...\n",
	"日本: 語\n  bad: indent\n---\nkey: 値\n",
}

// yamlLines splits text into lines the way yaml.v3 counts them.
func yamlLines(b []byte) [][]byte {
	var out [][]byte
	start := 0
	for i := 0; i < len(b); i++ {
		w := 0
		switch {
		case b[i] == '\r' && i+1 < len(b) && b[i+1] == '\n':
			w = 2
		case b[i] == '\r' || b[i] == '\n':
			w = 1
		case b[i] == 0xc2 && i+1 < len(b) && b[i+1] == 0x85:
			w = 2
		case b[i] == 0xe2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xa8 || b[i+2] == 0xa9):
			w = 3
		}
		if w > 0 {
			out = append(out, b[start:i])
			i += w - 1
			start = i + 1
		}
	}
	return append(out, b[start:])
}

// located is a node the walk below reached, and where Locate must put it.
type located struct {
	path Path
	key  *yaml.Node // the key (of a mapping entry) or the item (of a list)
}

// enumerate lists every path of a document straight from the node tree,
// without entries() or lookup(): the last of equal keys is the one a path
// names, and merged keys are left to the unit tests.
func enumerate(n *yaml.Node, p Path, depth int, out *[]located) {
	n = resolve(n)
	if n == nil || depth > 20 || len(*out) > 2000 {
		return
	}
	switch n.Kind {
	case yaml.SequenceNode:
		for i, it := range n.Content {
			*out = append(*out, located{p.Index(i), it})
			enumerate(it, p.Index(i), depth+1, out)
		}
	case yaml.MappingNode:
		last := map[string]int{}
		hasMerge := false
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if k.Kind == yaml.ScalarNode && k.Value == "<<" {
				hasMerge = true
			}
			last[k.Value] = i
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			k := n.Content[i]
			if last[k.Value] != i || k.Value == "<<" || hasMerge {
				continue
			}
			*out = append(*out, located{p.Field(k.Value), k})
			enumerate(n.Content[i+1], p.Field(k.Value), depth+1, out)
		}
	}
}

// FuzzLocate: for any input, every key and list item of every document is
// located at the position yaml.v3 gives it, in file lines; its path
// survives String and ParsePath; and the file's text at that position is
// the key's text when the key is a plain one-line scalar.
func FuzzLocate(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		docs, _ := parse(Input{Name: "fuzz", Data: data})
		lines := yamlLines(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")))
		for _, d := range docs {
			var all []located
			enumerate(d.root, nil, 0, &all)
			for _, l := range all {
				back, err := ParsePath(l.path.String())
				if err != nil || (len(l.path) > 0 && !reflect.DeepEqual(back, l.path)) {
					t.Fatalf("path %q does not round-trip: %#v, %v", l.path.String(), back, err)
				}
				pos, exact := Locate(d.root, l.path)
				if !exact {
					t.Fatalf("%s not found", l.path)
				}
				if pos.Line != l.key.Line || pos.Column != l.key.Column {
					t.Fatalf("%s at %d:%d, yaml.v3 says %d:%d", l.path, pos.Line, pos.Column, l.key.Line, l.key.Column)
				}
				k := l.key
				if k.Kind != yaml.ScalarNode || k.Style != 0 || k.Value == "" || strings.ContainsAny(k.Value, "\r\n\u0085\u2028\u2029") || k.Tag == "!!merge" {
					continue
				}
				line := pos.add(d.line0).Line
				if line > len(lines) {
					t.Fatalf("%s on line %d of %d", l.path, line, len(lines))
				}
				text := []rune(string(lines[line-1]))
				if !utf8.Valid(lines[line-1]) || pos.Column-1 > len(text) {
					continue
				}
				got := string(text[pos.Column-1:])
				if strings.HasPrefix(got, "!") || strings.HasPrefix(got, "&") {
					// yaml.v3 places a node with a tag or an anchor at it.
					continue
				}
				// A plain scalar may fold over lines: its first line is then
				// where its value starts.
				if !strings.HasPrefix(got, k.Value) && !strings.HasPrefix(k.Value, strings.TrimRight(got, " \t")) {
					t.Fatalf("%s at %d:%d: the file has %q there, the key is %q", l.path, line, pos.Column, got, k.Value)
				}
			}
		}
	})
}

// FuzzParsePath: whatever ParsePath accepts, String writes back to a path
// that parses to the same segments.
func FuzzParsePath(f *testing.F) {
	for _, s := range []string{"spec.containers[0].command", `metadata.labels["a.b/c"]`, `[""]`, "a[1][2].b", `["\u00e9\t"]`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParsePath(s)
		if err != nil || len(p) == 0 {
			return
		}
		again, err := ParsePath(p.String())
		if err != nil || !reflect.DeepEqual(again, p) {
			t.Fatalf("%q → %#v → %q → %#v, %v", s, p, p.String(), again, err)
		}
	})
}

// FuzzRun: Run never panics, every problem lies inside its file, and every
// message renders in both languages.
func FuzzRun(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Add([]byte("apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: yes\n  template:\n    spec:\n      containers:\n      - {name: a, image: 'X Y', resources: {limits: {memory: 1GB}}}\n"))
	f.Add([]byte("apiVersion: v1\nkind: Secret\nmetadata: {name: s}\ndata: {k: '!!!'}\nstringData: {n: 1}\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 1<<16 {
			return
		}
		res := Run([]Input{{Name: "fuzz", Data: data}}, Options{})
		n := len(yamlLines(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))))
		for _, p := range res.Problems {
			if p.Pos.Line < 1 || p.Pos.Line > n || p.Pos.Column < 1 {
				t.Fatalf("%s at %d:%d of a %d-line file", p.Rule, p.Pos.Line, p.Pos.Column, n)
			}
			if _, ok := RuleByID(p.Rule); !ok {
				t.Fatalf("unknown rule %q", p.Rule)
			}
			for _, l := range []i18n.Lang{i18n.EN, i18n.ZH} {
				if s := p.Msg.String(l); strings.Contains(s, "%!") || strings.HasPrefix(s, "!") {
					t.Fatalf("%s renders %q", p.Rule, s)
				}
			}
		}
	})
}
