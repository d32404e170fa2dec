// Package fieldcheck finds fields that a Kubernetes API type does not know
// (the "command not taking effect": a field at the wrong
// level is dropped by the API server) and says where the field belongs.
package fieldcheck

import (
	"reflect"
	"regexp"
	"sort"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	kjson "sigs.k8s.io/json"
)

// Issue is one unknown field.
type Issue struct {
	Path       string // spec.template.spec.command
	Suggestion string // spec.template.spec.containers[0].command, or ""
}

// Types maps the kinds fieldcheck validates to a constructor of their type.
var Types = map[string]func() any{
	"Pod":         func() any { return &corev1.Pod{} },
	"Deployment":  func() any { return &appsv1.Deployment{} },
	"StatefulSet": func() any { return &appsv1.StatefulSet{} },
	"DaemonSet":   func() any { return &appsv1.DaemonSet{} },
	"ReplicaSet":  func() any { return &appsv1.ReplicaSet{} },
	"Job":         func() any { return &batchv1.Job{} },
	"CronJob":     func() any { return &batchv1.CronJob{} },
}

var unknownRe = regexp.MustCompile(`unknown field "([^"]+)"`)

// Check decodes a JSON manifest of the given kind strictly and returns its
// unknown fields. Kinds it does not know, and JSON it cannot decode, give
// no issues: this is a hint, never a reason to fail a diagnosis.
func Check(kind string, data []byte) []Issue {
	mk, ok := Types[kind]
	if !ok {
		return nil
	}
	obj := mk()
	strict, err := kjson.UnmarshalStrict(data, obj, kjson.DisallowUnknownFields)
	if err != nil {
		return nil
	}
	var out []Issue
	for _, e := range strict {
		m := unknownRe.FindStringSubmatch(e.Error())
		if m == nil {
			continue
		}
		out = append(out, Issue{Path: m[1], Suggestion: SuggestNear(reflect.TypeOf(obj).Elem(), m[1])})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// Suggest finds where an unknown field belongs: the nearest place below the
// field's parent (else anywhere in the type) that has a field of that name.
func Suggest(root reflect.Type, path string) string {
	parts := splitPath(path)
	if len(parts) == 0 {
		return ""
	}
	name := parts[len(parts)-1]
	parentPath := parts[:len(parts)-1]
	parent, prefix := walk(root, parentPath)
	if parent != nil {
		if p := find(parent, name, 3); p != "" {
			return join(prefix, p)
		}
	}
	if p := find(root, name, 6); p != "" {
		return p
	}
	return ""
}

// splitPath splits "spec.containers[0].command" into its field names, with
// the index kept on the name before it.
func splitPath(p string) []string {
	if p == "" {
		return nil
	}
	return strings.Split(p, ".")
}

func join(a, b string) string {
	if a == "" {
		return b
	}
	return a + "." + b
}

func deref(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Ptr {
		t = t.Elem()
	}
	return t
}

// walk follows a path of JSON names through a type.
func walk(t reflect.Type, parts []string) (reflect.Type, string) {
	t = deref(t)
	prefix := ""
	for _, p := range parts {
		name := p
		if i := strings.IndexByte(p, '['); i >= 0 {
			name = p[:i]
		}
		f, ok := fieldByJSON(t, name)
		if !ok {
			return nil, ""
		}
		t = deref(f)
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = deref(t.Elem())
		}
		prefix = join(prefix, p)
	}
	return t, prefix
}

func fieldByJSON(t reflect.Type, name string) (reflect.Type, bool) {
	if t.Kind() != reflect.Struct {
		return nil, false
	}
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("json"), ",")[0]
		if f.Anonymous && tag == "" {
			if ft, ok := fieldByJSON(deref(f.Type), name); ok {
				return ft, true
			}
			continue
		}
		if tag == name {
			return f.Type, true
		}
	}
	return nil, false
}

// find does a breadth-first search for a field named name, so the
// shallowest match wins (containers before initContainers' deeper twins).
func find(t reflect.Type, name string, depth int) string {
	type item struct {
		t    reflect.Type
		path string
		d    int
	}
	queue := []item{{deref(t), "", 0}}
	seen := map[reflect.Type]bool{}
	for len(queue) > 0 {
		it := queue[0]
		queue = queue[1:]
		if it.t.Kind() != reflect.Struct || seen[it.t] || it.d > depth {
			continue
		}
		seen[it.t] = true
		var next []item
		for i := 0; i < it.t.NumField(); i++ {
			f := it.t.Field(i)
			tag := strings.Split(f.Tag.Get("json"), ",")[0]
			if tag == "-" {
				continue
			}
			if f.Anonymous && tag == "" {
				next = append(next, item{deref(f.Type), it.path, it.d})
				continue
			}
			if tag == name {
				return join(it.path, tag)
			}
			ft := deref(f.Type)
			seg := tag
			if ft.Kind() == reflect.Slice {
				ft = deref(ft.Elem())
				seg += "[0]"
			} else if ft.Kind() == reflect.Map {
				continue
			}
			next = append(next, item{ft, join(it.path, seg), it.d + 1})
		}
		// Within a level, prefer the alphabetically first path so that
		// "containers" wins over "ephemeralContainers"/"initContainers".
		sort.SliceStable(next, func(i, j int) bool { return next[i].path < next[j].path })
		queue = append(queue, next...)
	}
	return ""
}

// Field returns the type of the field that has the JSON name name in struct
// type t (fields of embedded structs included), so callers that walk their
// own trees (podwhy lint walks YAML nodes for their positions) agree with
// Check on what a field is.
func Field(t reflect.Type, name string) (reflect.Type, bool) {
	return fieldByJSON(deref(t), name)
}

// Nearest returns the field of struct type t whose JSON name is closest to
// name: the same name in other case, or at most two edits away (one for
// names of four letters or fewer, where two edits make anything look
// alike). It catches typos that Suggest, which looks for the exact name
// elsewhere, cannot: imagePullPolcy → imagePullPolicy.
func Nearest(t reflect.Type, name string) string {
	best, bestD := "", 0
	for _, f := range jsonFields(deref(t)) {
		d := Distance(strings.ToLower(name), strings.ToLower(f))
		if strings.EqualFold(f, name) {
			return f
		}
		limit := 2
		if len(name) <= 4 {
			limit = 1
		}
		if d <= limit && (best == "" || d < bestD || d == bestD && f < best) {
			best, bestD = f, d
		}
	}
	return best
}

// jsonFields lists the JSON names of a struct's fields, embedded structs
// flattened.
func jsonFields(t reflect.Type) []string {
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		tag := strings.Split(f.Tag.Get("json"), ",")[0]
		switch {
		case tag == "-":
		case f.Anonymous && tag == "":
			out = append(out, jsonFields(deref(f.Type))...)
		case tag != "":
			out = append(out, tag)
		}
	}
	return out
}

// Distance is the optimal string alignment distance over bytes (field
// names are ASCII): Levenshtein plus a swap of two neighbours as one edit,
// the commonest typo (nmae).
func Distance(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

// SuggestNear is Suggest, except that the nearest ancestor of the field
// that has a field of that name itself wins: a field indented one level too
// deep (a pod's terminationGracePeriodSeconds under a container) belongs
// there far more often than in a deeper struct that happens to share the
// name (a probe's). podwhy lint uses it; Suggest keeps its answers for the
// diagnosis.
func SuggestNear(root reflect.Type, path string) string {
	parts := splitPath(path)
	if len(parts) < 2 {
		return Suggest(root, path)
	}
	name := parts[len(parts)-1]
	for k := len(parts) - 2; k >= 0; k-- {
		t, prefix := walk(root, parts[:k])
		if t == nil {
			continue
		}
		if _, ok := fieldByJSON(t, name); ok {
			return join(prefix, name)
		}
	}
	return Suggest(root, path)
}

// SameFamily reports whether moving a field from path from to path to
// stays within one member of a union: where the two paths part, they may
// not go into two different optional structs of one parent (a secret
// volume's field suggested under persistentVolumeClaim, an exec probe's
// under httpGet). Those are alternatives, and a field of one is never
// "meant" for the other.
func SameFamily(root reflect.Type, from, to string) bool {
	a, b := splitPath(from), splitPath(to)
	i := 0
	for i < len(a) && i < len(b) && bare(a[i]) == bare(b[i]) {
		i++
	}
	// One path ends where they part: the field goes up to (or down from)
	// a common ancestor, not across.
	if i >= len(a)-1 || i >= len(b)-1 {
		return true
	}
	parent, _ := walk(root, a[:i])
	if parent == nil {
		return true
	}
	fa, okA := fieldByJSON(parent, bare(a[i]))
	fb, okB := fieldByJSON(parent, bare(b[i]))
	optionalStruct := func(t reflect.Type) bool { return t.Kind() == reflect.Ptr && deref(t).Kind() == reflect.Struct }
	return !(okA && okB && optionalStruct(fa) && optionalStruct(fb))
}

func bare(seg string) string {
	if i := strings.IndexByte(seg, '['); i >= 0 {
		return seg[:i]
	}
	return seg
}
