package kubetext

import (
	"regexp"
	"strings"
)

// node is one "Key: value" line of kubectl describe output with what is
// indented under it. kubectl's PrefixWriter indents each level by two
// spaces and a tabwriter aligns the values, so the structure is recovered
// from indentation alone.
type node struct {
	Key string
	Val string
	// More holds the continuation lines of a multi-line value (Labels,
	// Annotations, Tolerations, Taints), aligned under Val.
	More []string
	// Rows holds indented lines that are not "Key: value": list items
	// (Command, Mounts) and table rows (Conditions, Events).
	Rows []string
	Kids []*node

	indent int
	col    int
	table  bool
}

// keyRe matches "Key:" or "Key:  value". A key never starts with "/" (a
// mount path) and holds no quotes or braces (an event message).
var keyRe = regexp.MustCompile(`^([A-Za-z0-9_<][A-Za-z0-9_ .()/<>-]*?):(?:[ \t]+(.*?))?\s*$`)

// tableKeys are the describe sections whose body is a table or free text
// rather than "Key: value" lines.
var tableKeys = map[string]bool{
	"Events": true, "Conditions": true, "Readiness Gates": true, "Non-terminated Pods": true,
	"Allocated resources": true, "Topology Spread Constraints": true, "Pods Status": false,
}

// level0Re matches a top-level describe key, which ends any table above it.
var level0Re = regexp.MustCompile(`^[A-Z][A-Za-z -]*[A-Za-z)]:(\s|$)`)

// parseTree builds the key tree of one described object.
func parseTree(lines []string) *node {
	root := &node{indent: -1}
	stack := []*node{root}
	var last *node
	var tbl *node // the table section being read, if any
	// cont gathers the lines a terminal wrapped onto column 0 below a
	// table row; they are added to the row once, not line by line.
	var cont strings.Builder
	var contOf *node
	flush := func() {
		if contOf != nil && cont.Len() > 0 {
			i := len(contOf.Rows) - 1
			contOf.Rows[i] = capLine(contOf.Rows[i] + cont.String())
		}
		cont.Reset()
		contOf = nil
	}
	defer flush()
	for _, l := range lines {
		if contOf != nil && (tbl != contOf || indentOf(l) != 0 || strings.TrimSpace(l) == "" || level0Re.MatchString(l)) {
			flush()
		}
		if strings.TrimSpace(l) == "" {
			// describe prints no blank line inside a table; one ends it, so
			// text a poster added below is not taken for a wrapped message.
			tbl = nil
			continue
		}
		ind := indentOf(l)
		t := strings.TrimSpace(l)
		if tbl != nil {
			if ind > tbl.indent {
				tbl.Rows = append(tbl.Rows, strings.TrimRight(l[min(len(l), tbl.indent+2):], " "))
				continue
			}
			if ind == 0 && !level0Re.MatchString(l) && len(tbl.Rows) > 0 {
				// A message the terminal wrapped onto column 0.
				contOf = tbl
				if len(tbl.Rows[len(tbl.Rows)-1])+cont.Len() < maxLine {
					cont.WriteString("\x00" + t)
				}
				continue
			}
			tbl = nil
		}
		if last != nil && last.Val != "" && ind == last.col && ind > last.indent {
			last.More = append(last.More, t)
			continue
		}
		for len(stack) > 1 && stack[len(stack)-1].indent >= ind {
			stack = stack[:len(stack)-1]
		}
		parent := stack[len(stack)-1]
		if m := keyRe.FindStringSubmatch(t); m != nil {
			n := &node{Key: strings.TrimSpace(m[1]), Val: m[2], indent: ind}
			n.col = ind + strings.Index(t, m[2])
			if m[2] == "" {
				n.col = -1
			}
			parent.Kids = append(parent.Kids, n)
			stack = append(stack, n)
			last = n
			if tableKeys[n.Key] && (n.Val == "" || ind == 0 && n.Key == "Non-terminated Pods") {
				n.table = true
				tbl = n
			}
			continue
		}
		parent.Rows = append(parent.Rows, t)
		last = nil
	}
	return root
}

func indentOf(l string) int {
	return len(l) - len(strings.TrimLeft(l, " "))
}

// kid returns the first child with the key.
func (n *node) kid(key string) *node {
	if n == nil {
		return nil
	}
	for _, k := range n.Kids {
		if k.Key == key {
			return k
		}
	}
	return nil
}

// get returns the value of a child key, "" when absent or "<none>".
func (n *node) get(key string) string {
	k := n.kid(key)
	if k == nil {
		return ""
	}
	return noneToEmpty(k.Val)
}

// values returns the value and continuation lines of a multi-line key.
func (n *node) values(key string) []string {
	k := n.kid(key)
	if k == nil || noneToEmpty(k.Val) == "" {
		return nil
	}
	return append([]string{k.Val}, k.More...)
}

func noneToEmpty(s string) string {
	s = strings.TrimSpace(s)
	if s == "<none>" || s == "<unknown>" || s == "<unset>" || s == "<nil>" {
		return ""
	}
	return s
}
