package lint

import (
	"reflect"
	"testing"
)

func TestPathRoundTrip(t *testing.T) {
	for _, tc := range []struct {
		p    Path
		want string
	}{
		{Path{{Key: "spec"}, {Key: "containers"}, {Index: 0, IsIndex: true}, {Key: "command"}}, "spec.containers[0].command"},
		{Path{{Key: "metadata"}, {Key: "labels"}, {Key: "app.kubernetes.io/name"}}, `metadata.labels["app.kubernetes.io/name"]`},
		{Path{{Key: "data"}, {Key: `we"ird.key[0]`}}, `data["we\"ird.key[0]"]`},
		{Path{{Key: ""}}, `[""]`},
		{Path{{Index: 3, IsIndex: true}, {Key: "x-y_z"}}, "[3].x-y_z"},
		{Path{{Key: "0abc"}}, `["0abc"]`},
		{nil, ""},
	} {
		if got := tc.p.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
		back, err := ParsePath(tc.want)
		if err != nil || !reflect.DeepEqual(back, tc.p) && len(tc.p) > 0 {
			t.Errorf("ParsePath(%q) = %#v, %v; want %#v", tc.want, back, err, tc.p)
		}
	}
	for _, bad := range []string{`[`, `["abc`, `a[x]`, `.a`, `a..b`, `a[-1]`, `["a"`} {
		if _, err := ParsePath(bad); err == nil {
			t.Errorf("ParsePath(%q) should fail", bad)
		}
	}
}

const locateDoc = `# comment
apiVersion: v1
kind: Pod
metadata:
  name: p
  labels: {"app.kubernetes.io/name": web, tier: front}
spec:
  containers:
  - &first
    name: a
    image: busybox:1.36
    resources: &res
      limits: {memory: 32Mi}
  - <<: *first
    name: b
    resources: *res
  dup: 1
  dup: 2
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: second
`

func TestLocate(t *testing.T) {
	docs, probs := parse(Input{Name: "f.yaml", Data: []byte(locateDoc)})
	if len(docs) != 2 || len(probs) != 0 {
		t.Fatalf("parse: %d docs, problems %v", len(docs), probs)
	}
	for _, tc := range []struct {
		doc       int
		path      string
		line, col int
		wantExact bool
	}{
		{0, "kind", 3, 1, true},
		{0, "metadata.name", 5, 3, true},
		{0, `metadata.labels["app.kubernetes.io/name"]`, 6, 12, true},
		{0, "metadata.labels.tier", 6, 43, true},
		{0, "spec.containers[0]", 9, 5, true},
		{0, "spec.containers[1].name", 15, 5, true},
		// Merged from the anchor: where it is written, in the first container.
		{0, "spec.containers[1].image", 11, 5, true},
		// Through an alias: the anchored mapping's own keys.
		{0, "spec.containers[1].resources.limits", 13, 7, true},
		// Of two equal keys the last counts.
		{0, "spec.dup", 18, 3, true},
		// Missing: the deepest part that exists.
		{0, "spec.containers[0].command", 9, 5, false},
		{0, "spec.containers[7]", 8, 3, false},
		{0, "status.phase", 2, 1, false},
		// The second document's positions are file positions.
		{1, "metadata.name", 23, 3, true},
	} {
		p, err := ParsePath(tc.path)
		if err != nil {
			t.Fatal(err)
		}
		d := docs[tc.doc]
		pos, exact := Locate(d.root, p)
		pos = pos.add(d.line0)
		if pos.Line != tc.line || pos.Column != tc.col || exact != tc.wantExact {
			t.Errorf("%s: %d:%d exact=%v, want %d:%d exact=%v", tc.path, pos.Line, pos.Column, exact, tc.line, tc.col, tc.wantExact)
		}
	}
}

func TestSplitLineEndings(t *testing.T) {
	for name, tc := range map[string]struct {
		data  string
		line0 []int
	}{
		"lf":            {"a: 1\n---\nb: 2\n", []int{0, 2}},
		"crlf":          {"a: 1\r\n--- # next\r\nb: 2\r\n", []int{0, 2}},
		"lone cr":       {"a: 1\rc: 3\n---\nb: 2\n", []int{0, 3}},
		"not separator": {"a: |\n  ---x\n---x: 1\n", []int{0}},
		"leading sep":   {"---\na: 1\n", []int{0, 1}},
	} {
		var got []int
		for _, c := range split([]byte(tc.data)) {
			got = append(got, c.line0)
		}
		if !reflect.DeepEqual(got, tc.line0) {
			t.Errorf("%s: line offsets %v, want %v", name, got, tc.line0)
		}
	}
}

func TestSyntaxErrorLine(t *testing.T) {
	for name, tc := range map[string]struct {
		data      string
		line, col int
	}{
		"bad indent":     {"a: 1\nb:\n  c: 1\n d: 2\n", 4, 2},
		"unclosed flow":  {"a: 1\nb: [1, 2\nc: 3\n", 2, 1},
		"tab":            {"a: 1\n\tb: 2\n", 2, 1},
		"second doc":     {"a: 1\n---\nx: 1\ny: [\n", 4, 1},
		"unknown anchor": {"a: 1\nb: *nope\n", 2, 1},
	} {
		_, probs := parse(Input{Name: "f", Data: []byte(tc.data)})
		if len(probs) != 1 {
			t.Errorf("%s: problems %v", name, probs)
			continue
		}
		if p := probs[0].Pos; p.Line != tc.line || p.Column != tc.col {
			t.Errorf("%s: at %d:%d (%s), want %d:%d", name, p.Line, p.Column, probs[0].Msg.Args, tc.line, tc.col)
		}
	}
}
