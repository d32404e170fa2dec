package lint

import (
	"fmt"
	"strconv"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// Seg is one step of a Path: a mapping key, or an index into a sequence.
type Seg struct {
	Key     string
	Index   int
	IsIndex bool
}

// Path names a node in a document the way kubectl and the API server name
// fields (spec.containers[0].command), so a problem reads like the error
// the cluster would give. Keys that are not plain words are quoted:
// metadata.labels["app.kubernetes.io/name"].
type Path []Seg

// Field returns a new path one key deeper; the receiver is never changed,
// so callers can branch from a shared prefix.
func (p Path) Field(name string) Path {
	out := make(Path, len(p), len(p)+1)
	copy(out, p)
	return append(out, Seg{Key: name})
}

// Index returns a new path one sequence item deeper.
func (p Path) Index(i int) Path {
	out := make(Path, len(p), len(p)+1)
	copy(out, p)
	return append(out, Seg{Index: i, IsIndex: true})
}

func plainKey(k string) bool {
	if k == "" {
		return false
	}
	for i, r := range k {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r == '_', r == '$':
		case (r >= '0' && r <= '9') || r == '-':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

func (p Path) String() string {
	var b strings.Builder
	for i, s := range p {
		switch {
		case s.IsIndex:
			fmt.Fprintf(&b, "[%d]", s.Index)
		case plainKey(s.Key):
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(s.Key)
		default:
			b.WriteString("[" + strconv.Quote(s.Key) + "]")
		}
	}
	return b.String()
}

// Dotted is the path with keys joined by dots and no quoting, the form
// fieldcheck.Suggest reads (struct field names never need quoting).
func (p Path) Dotted() string {
	var b strings.Builder
	for i, s := range p {
		if s.IsIndex {
			fmt.Fprintf(&b, "[%d]", s.Index)
			continue
		}
		if i > 0 {
			b.WriteByte('.')
		}
		b.WriteString(s.Key)
	}
	return b.String()
}

// ParsePath reads what Path.String writes.
func ParsePath(s string) (Path, error) {
	var p Path
	i := 0
	for i < len(s) {
		switch {
		case s[i] == '[' && i+1 < len(s) && s[i+1] == '"':
			j := i + 2
			for j < len(s) && s[j] != '"' {
				if s[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(s) || j+1 >= len(s) || s[j+1] != ']' {
				return nil, fmt.Errorf("path %q: unterminated quoted key at byte %d", s, i)
			}
			k, err := strconv.Unquote(s[i+1 : j+1])
			if err != nil {
				return nil, fmt.Errorf("path %q: quoted key at byte %d: %w", s, i, err)
			}
			p = append(p, Seg{Key: k})
			i = j + 2
		case s[i] == '[':
			j := strings.IndexByte(s[i:], ']')
			if j < 0 {
				return nil, fmt.Errorf("path %q: unterminated index at byte %d", s, i)
			}
			n, err := strconv.Atoi(s[i+1 : i+j])
			if err != nil || n < 0 {
				return nil, fmt.Errorf("path %q: bad index at byte %d", s, i)
			}
			p = append(p, Seg{Index: n, IsIndex: true})
			i += j + 1
		default:
			if s[i] == '.' {
				if len(p) == 0 {
					return nil, fmt.Errorf("path %q: starts with a dot", s)
				}
				i++
			}
			j := i
			for j < len(s) && s[j] != '.' && s[j] != '[' {
				j++
			}
			if j == i {
				return nil, fmt.Errorf("path %q: empty key at byte %d", s, i)
			}
			p = append(p, Seg{Key: s[i:j]})
			i = j
		}
	}
	return p, nil
}

// Pos is a place in an input: 1-based line and column, columns counted in
// characters (Unicode code points), as yaml.v3 counts them.
type Pos struct {
	Line   int `json:"line"`
	Column int `json:"column"`
}

func (p Pos) add(lines int) Pos {
	if p.Line == 0 {
		return p
	}
	return Pos{p.Line + lines, p.Column}
}

// maxDepth bounds every walk over a document: YAML aliases can point at an
// ancestor (&a [*a]), and nothing Kubernetes accepts nests this deep.
const maxDepth = 200

// resolve follows aliases, and steps into a document node.
func resolve(n *yaml.Node) *yaml.Node {
	for i := 0; n != nil && i < maxDepth; i++ {
		switch n.Kind {
		case yaml.AliasNode:
			n = n.Alias
		case yaml.DocumentNode:
			if len(n.Content) == 0 {
				return nil
			}
			n = n.Content[0]
		default:
			return n
		}
	}
	return nil
}

// entry is one key/value of a mapping after merge keys are applied.
type entry struct {
	key, val *yaml.Node
	merged   bool // came from a << merge, so it may be overridden silently
}

// entries lists a mapping's keys and values the way kubectl's YAML reader
// (yaml.v2) sees them: "<<" merges the aliased mappings in, keys written
// in the mapping itself override merged ones, and of two equal keys the
// later wins.
func entries(m *yaml.Node) []entry {
	return entriesDepth(m, 0)
}

func entriesDepth(m *yaml.Node, depth int) []entry {
	m = resolve(m)
	if m == nil || m.Kind != yaml.MappingNode || depth > 8 {
		return nil
	}
	var merged, own []entry
	for i := 0; i+1 < len(m.Content); i += 2 {
		k, v := m.Content[i], m.Content[i+1]
		if k.Kind == yaml.ScalarNode && k.Value == "<<" && (k.Tag == "!!merge" || k.Tag == "") {
			rv := resolve(v)
			var srcs []*yaml.Node
			if rv != nil && rv.Kind == yaml.SequenceNode {
				srcs = rv.Content
			} else {
				srcs = []*yaml.Node{v}
			}
			for _, s := range srcs {
				for _, e := range entriesDepth(s, depth+1) {
					e.merged = true
					merged = append(merged, e)
				}
			}
			continue
		}
		own = append(own, entry{key: k, val: v})
	}
	if len(merged) == 0 {
		return own
	}
	ownKeys := map[string]bool{}
	for _, e := range own {
		ownKeys[e.key.Value] = true
	}
	out := make([]entry, 0, len(merged)+len(own))
	for _, e := range merged {
		if !ownKeys[e.key.Value] {
			out = append(out, e)
		}
	}
	return append(out, own...)
}

// lookup returns the entry of key in mapping m: the last one, as the
// decoder keeps the last of duplicate keys.
func lookup(m *yaml.Node, key string) (entry, bool) {
	es := entries(m)
	for i := len(es) - 1; i >= 0; i-- {
		if es[i].key.Value == key {
			return es[i], true
		}
	}
	return entry{}, false
}

// Locate finds path under root and returns where it is written: the key of
// a mapping entry, or the item of a sequence. When the document stops
// before the path ends (a field that is missing), it returns the deepest
// node that exists and exact=false, so a problem about a missing field
// points at the object that lacks it.
func Locate(root *yaml.Node, p Path) (pos Pos, exact bool) {
	n := resolve(root)
	if n == nil {
		return Pos{}, false
	}
	pos = Pos{n.Line, n.Column}
	for _, s := range p {
		if s.IsIndex {
			if n.Kind != yaml.SequenceNode || s.Index >= len(n.Content) {
				return pos, false
			}
			item := n.Content[s.Index]
			pos = Pos{item.Line, item.Column}
			n = resolve(item)
		} else {
			e, ok := lookup(n, s.Key)
			if !ok {
				return pos, false
			}
			pos = Pos{e.key.Line, e.key.Column}
			n = resolve(e.val)
		}
		if n == nil {
			return pos, false
		}
	}
	return pos, true
}

// Value returns the node at path (aliases followed), or nil.
func Value(root *yaml.Node, p Path) *yaml.Node {
	n := resolve(root)
	for _, s := range p {
		if n == nil {
			return nil
		}
		if s.IsIndex {
			if n.Kind != yaml.SequenceNode || s.Index >= len(n.Content) {
				return nil
			}
			n = resolve(n.Content[s.Index])
			continue
		}
		e, ok := lookup(n, s.Key)
		if !ok {
			return nil
		}
		n = resolve(e.val)
	}
	return n
}
