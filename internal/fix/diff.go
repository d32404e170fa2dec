package fix

import (
	"encoding/json"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"

	"github.com/podwhy/podwhy/internal/redact"
)

// toYAML renders an object for a diff or the change log, without
// managedFields, with a Secret's values replaced by their sizes and
// other secret values masked (see mask).
func toYAML(obj any) string {
	if obj == nil {
		return ""
	}
	var sizes map[string]string
	if s, ok := obj.(*corev1.Secret); ok && s != nil {
		c := s.DeepCopy()
		sizes = map[string]string{}
		for k, v := range c.Data {
			sizes[k] = "<" + itoa(len(v)) + " bytes, not shown>"
		}
		for k, v := range c.StringData {
			sizes[k] = "<" + itoa(len(v)) + " bytes, not shown>"
		}
		c.Data, c.StringData = nil, nil
		delete(c.Annotations, "kubectl.kubernetes.io/last-applied-configuration")
		obj = c
	}
	raw, err := json.Marshal(obj)
	if err != nil {
		return ""
	}
	var m map[string]any
	if json.Unmarshal(raw, &m) != nil {
		return ""
	}
	if sizes != nil {
		// A Secret shows its keys and sizes, never its values.
		m["data"] = sizes
	}
	if md, ok := m["metadata"].(map[string]any); ok {
		delete(md, "managedFields")
	}
	mask(m)
	out, err := yaml.Marshal(m)
	if err != nil {
		return ""
	}
	return string(out)
}

// lastApplied is kubectl apply's copy of the manifest last applied: it
// repeats every env value, and a Secret's data when a Secret was applied.
const lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

// mask replaces, in an object as JSON values, what is as secret as a
// Secret's data but lives in plain fields: env[].value literals (where
// passwords end up when nobody made a Secret), the last-applied
// annotation, and credentials other strings carry (--password=…,
// user:pass@ in URLs), as redact finds them. The images go to the
// terminal and into the change log, which outlive the cluster's RBAC.
// No remedy changes those fields, so diffs and undo patches lose nothing.
func mask(v any) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			switch x := x.(type) {
			case string:
				if k == lastApplied {
					v[k] = masked(x)
				} else {
					v[k] = redact.Text(x)
				}
			case []any:
				if k == "env" {
					for _, e := range x {
						if e, ok := e.(map[string]any); ok {
							if s, ok := e["value"].(string); ok {
								e["value"] = masked(s)
							}
						}
					}
				}
				mask(x)
			default:
				mask(x)
			}
		}
	case []any:
		for i, x := range v {
			if s, ok := x.(string); ok {
				v[i] = redact.Text(s)
				continue
			}
			mask(x)
		}
	}
}

// masked is redact's placeholder for a value withheld whole.
func masked(s string) string {
	return "<redacted: " + itoa(len(s)) + " bytes>"
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

// diffLines is a line diff of two YAML documents: "-" for lines only in
// before, "+" for lines only in after, unchanged lines left out except one
// of context around each change. A deletion shows as a one-line summary.
func diffLines(before, after string) []string {
	if after == "" && before != "" {
		return []string{"- (the whole object)"}
	}
	a, b := splitLines(before), splitLines(after)
	// Longest common subsequence; objects are small.
	n, m := len(a), len(b)
	lcs := make([][]int, n+1)
	for i := range lcs {
		lcs[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	type op struct {
		kind byte
		text string
	}
	var ops []op
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[i] == b[j]:
			ops = append(ops, op{' ', a[i]})
			i, j = i+1, j+1
		case j < m && (i == n || lcs[i][j+1] >= lcs[i+1][j]):
			ops = append(ops, op{'+', b[j]})
			j++
		default:
			ops = append(ops, op{'-', a[i]})
			i++
		}
	}
	var out []string
	for k, o := range ops {
		if o.kind != ' ' {
			out = append(out, string(o.kind)+" "+o.text)
			continue
		}
		near := (k > 0 && ops[k-1].kind != ' ') || (k+1 < len(ops) && ops[k+1].kind != ' ')
		if near && !volatile(o.text) {
			out = append(out, "  "+o.text)
		}
	}
	var kept []string
	for _, l := range out {
		if !volatile(strings.TrimLeft(l[1:], " ")) {
			kept = append(kept, l)
		}
	}
	return kept
}

// volatile lines change on every write and say nothing about the change.
func volatile(l string) bool {
	t := strings.TrimSpace(l)
	return strings.HasPrefix(t, "resourceVersion:") || strings.HasPrefix(t, "generation:") ||
		strings.HasPrefix(t, "uid:") || strings.HasPrefix(t, "creationTimestamp:")
}

func splitLines(s string) []string {
	s = strings.TrimRight(s, "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}
