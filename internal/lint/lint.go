// Package lint checks Kubernetes manifests before they are applied: YAML
// syntax and duplicate keys, strict validation against the real API types
// (unknown fields and where they belong, wrong types, values that do not
// parse), and the mistakes that later show up as one of podwhy's diagnoses
// (an image that moves under :latest, no requests, a probe on a port the
// container does not have, a ConfigMap that does not exist, a hostPort, a
// StatefulSet without its headless Service, requests no node can hold).
// Every problem carries the file, line and column it was found at.
//
// One file per family of checks: schema.go (types), workload.go (what the
// API server rejects), image.go, resources.go, probes.go, refs.go,
// hostport.go, statefulset.go; cluster.go holds what --cluster adds.
package lint

import (
	"encoding/json"
	"errors"
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v3"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
)

// Severity orders problems; higher is worse. It is the diagnosis's, so
// --fail-on means the same for both commands.
type Severity = diagnose.Severity

// The levels.
const (
	Info    = diagnose.Info
	Warning = diagnose.Warning
	Error   = diagnose.Error
)

// ParseSeverity reads error|warning|info.
func ParseSeverity(s string) (Severity, bool) { return diagnose.ParseSeverity(s) }

// ObjectRef names the object a problem is in, as the manifest names it.
type ObjectRef struct {
	Kind      string `json:"kind,omitempty"`
	Namespace string `json:"namespace,omitempty"`
	Name      string `json:"name,omitempty"`
}

func (r ObjectRef) String() string {
	s := r.Kind
	if s == "" {
		s = "?"
	}
	name := r.Name
	if r.Namespace != "" {
		name = r.Namespace + "/" + name
	}
	if name != "" {
		s += " " + name
	}
	return s
}

// Problem is one finding in one file.
type Problem struct {
	File     string
	Pos      Pos
	Severity Severity
	Rule     string
	Object   ObjectRef
	Path     string // field path within the document, "" for the whole file
	Msg      i18n.Msg
}

// Options for a run.
type Options struct {
	// Namespace is where objects without metadata.namespace will go: -n,
	// or the kubeconfig's namespace with --cluster. "" means "the same
	// unnamed namespace for all of them".
	Namespace string
	// Cluster, when set, is what the cluster already holds (--cluster):
	// references are looked up there too, and node sizes are known.
	Cluster *Inventory
}

// Result is what a run found.
type Result struct {
	Problems []Problem
	Files    int
	Objects  int // objects checked against their API type
	// Lists counts List documents, empty ones too: kubectl accepts an
	// empty List, so an input of one is not an input without objects.
	Lists int
	// Unchecked counts objects of kinds lint has no type for (CRDs,
	// Ingress…): only their YAML was checked.
	Unchecked map[string]int
	// Notes say what could not be checked, e.g. a kind the cluster did
	// not allow to be listed.
	Notes []i18n.Msg
}

// Count returns how many problems have severity s.
func (r *Result) Count(s Severity) int {
	n := 0
	for _, p := range r.Problems {
		if p.Severity == s {
			n++
		}
	}
	return n
}

// Worst is the highest severity found, and false when there is none.
func (r *Result) Worst() (Severity, bool) {
	if len(r.Problems) == 0 {
		return Info, false
	}
	w := Info
	for _, p := range r.Problems {
		w = max(w, p.Severity)
	}
	return w, true
}

// ErrNoObjects is the input that held nothing to check.
var ErrNoObjects = errors.New("no Kubernetes objects in the input")

// Empty reports whether the input held nothing lint read: no object, no
// problem (a syntax error is one), no kind it could not check.
func (r *Result) Empty() bool {
	return r.Objects == 0 && r.Lists == 0 && len(r.Problems) == 0 && len(r.Unchecked) == 0
}

// object is one Kubernetes object of the input: a document, or an item of
// a List document.
type object struct {
	doc        *doc
	base       Path       // items[3] inside a List; empty otherwise
	node       *yaml.Node // the object's mapping
	apiVersion string
	kind       string
	ref        ObjectRef
	namespace  string // effective: metadata.namespace or Options.Namespace
	typed      any    // *corev1.Pod, *appsv1.Deployment… when the kind is known
}

// checker carries a run's state through the check families.
type checker struct {
	opts    Options
	res     *Result
	objects []*object
	input   *Inventory // what the input itself defines
	notes   map[string]bool
}

// Run lints inputs. It never fails: unreadable input is the caller's
// concern (ReadPath), and everything else is a problem in the result.
func Run(inputs []Input, opts Options) *Result {
	c := &checker{opts: opts, res: &Result{Files: len(inputs), Unchecked: map[string]int{}}, notes: map[string]bool{}}
	for _, in := range inputs {
		docs, probs := parse(in)
		c.res.Problems = append(c.res.Problems, probs...)
		for i := range docs {
			c.document(&docs[i])
		}
	}
	c.input = inventoryOf(c.objects)
	for _, o := range c.objects {
		if o.typed == nil {
			continue
		}
		c.checkBinding(o)
		w := workloadOf(o)
		if w == nil {
			continue
		}
		c.checkWorkload(w)
		c.checkImages(w)
		c.checkResources(w)
		c.checkProbes(w)
		c.checkRefs(w)
		c.checkHostPorts(w)
		c.checkStatefulSet(w)
		c.checkNodeFit(w)
	}
	sortProblems(c.res.Problems)
	return c.res
}

// sortProblems orders by file, position, then rule, so output is stable
// and reads top to bottom like the file.
func sortProblems(ps []Problem) {
	sort.SliceStable(ps, func(i, j int) bool {
		a, b := ps[i], ps[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Column != b.Pos.Column {
			return a.Pos.Column < b.Pos.Column
		}
		if a.Rule != b.Rule {
			return a.Rule < b.Rule
		}
		return a.Path < b.Path
	})
}

// document finds the objects of a parsed document and checks each.
func (c *checker) document(d *doc) {
	c.duplicateKeys(d)
	root := resolve(d.root)
	if root == nil || (root.Kind == yaml.ScalarNode && root.ShortTag() == "!!null" && root.Value == "") {
		// An empty document ("---" with nothing after it): kubectl skips it.
		return
	}
	if root.Kind != yaml.MappingNode {
		c.res.Problems = append(c.res.Problems, Problem{
			File: d.file, Pos: Pos{root.Line, root.Column}.add(d.line0), Severity: Error,
			Rule: RuleNotObject, Msg: i18n.T("lint.not-object"),
		})
		return
	}
	kind := scalarAt(root, "kind")
	if items := Value(root, Path{{Key: "items"}}); strings.HasSuffix(kind, "List") && items != nil && items.Kind == yaml.SequenceNode {
		c.res.Lists++
		for i, it := range items.Content {
			if n := resolve(it); n != nil && n.Kind == yaml.MappingNode {
				c.object(d, Path{{Key: "items"}}.Index(i), n)
			}
		}
		return
	}
	c.object(d, nil, root)
}

// scalarAt is the value of a scalar key of a mapping, or "".
func scalarAt(m *yaml.Node, key string) string {
	e, ok := lookup(m, key)
	if !ok {
		return ""
	}
	if v := resolve(e.val); v != nil && v.Kind == yaml.ScalarNode && v.Tag != "!!null" {
		return v.Value
	}
	return ""
}

func (c *checker) object(d *doc, base Path, n *yaml.Node) {
	o := &object{doc: d, base: base, node: n, apiVersion: scalarAt(n, "apiVersion"), kind: scalarAt(n, "kind")}
	if md := Value(n, Path{{Key: "metadata"}}); md != nil {
		o.ref.Name = scalarAt(md, "name")
		if o.ref.Name == "" {
			if g := scalarAt(md, "generateName"); g != "" {
				o.ref.Name = g + "…"
			}
		}
		o.ref.Namespace = scalarAt(md, "namespace")
	}
	o.ref.Kind = o.kind
	o.namespace = o.ref.Namespace
	if o.namespace == "" {
		o.namespace = c.opts.Namespace
	}
	c.objects = append(c.objects, o)
	if o.kind == "" || o.apiVersion == "" {
		missing := "kind"
		if o.kind != "" {
			missing = "apiVersion"
		} else if o.apiVersion == "" {
			missing = "apiVersion, kind"
		}
		c.add(o, nil, RuleMissingKind, i18n.T("lint.missing-kind", missing))
		return
	}
	t, ok := lookupType(o.kind, o.apiVersion)
	if !ok {
		if r, gone := removedInfo(o.apiVersion, o.kind); gone {
			// A built-in version no longer served, of a kind lint does
			// not decode (or that no longer exists at all).
			p := Path{{Key: "apiVersion"}}
			switch {
			case r.Use == "":
				c.add(o, p, RuleAPIVersion, i18n.T("lint.api-gone", o.apiVersion, o.kind, r.Removed))
			default:
				c.add(o, p, RuleAPIVersion, i18n.T("lint.api-removed", o.apiVersion, o.kind, r.Removed, r.Use))
			}
		} else if msg, ok := notServed(o.apiVersion, o.kind); ok {
			c.add(o, Path{{Key: "kind"}}, RuleAPIVersion, msg)
		} else if strings.HasSuffix(groupOf(o.apiVersion), ".config.k8s.io") {
			// Component configuration (kubelet, kube-proxy, the API
			// server's EncryptionConfiguration): files read from disk,
			// never served.
			c.add(o, Path{{Key: "apiVersion"}}, RuleAPIVersion, i18n.T("lint.config-kind", o.apiVersion, o.kind))
		} else {
			// Neither served nor refused: a CRD's kind, checked as YAML only.
			c.res.Unchecked[o.kind]++
		}
		return
	}
	c.checkAPIVersion(o, t)
	if createOnly[o.apiVersion+" "+o.kind] {
		c.add(o, Path{{Key: "kind"}}, RuleCreateOnly, i18n.T("lint.create-only", o.kind))
	}
	c.checkName(o)
	c.res.Objects++
	clean := c.schema(o, t)
	obj := t.new()
	data, err := json.Marshal(clean)
	if err == nil {
		// The schema walk dropped every value that does not fit its type,
		// so this decode only fails on what the walk cannot see; the typed
		// checks then run on what did decode.
		_ = json.Unmarshal(data, obj)
	}
	o.typed = obj
}

// at is where a path of an object is written in its file.
func (o *object) at(p Path) Pos {
	full := append(append(Path{}, o.base...), p...)
	pos, _ := Locate(o.doc.root, full)
	return pos.add(o.doc.line0)
}

// add records a problem of rule's default severity at path p of object o.
func (c *checker) add(o *object, p Path, rule string, msg i18n.Msg) {
	c.addSev(o, p, rule, ruleByID[rule].Severity, msg)
}

func (c *checker) addSev(o *object, p Path, rule string, sev Severity, msg i18n.Msg) {
	full := append(append(Path{}, o.base...), p...)
	c.res.Problems = append(c.res.Problems, Problem{
		File: o.doc.file, Pos: o.at(p), Severity: sev, Rule: rule,
		Object: o.ref, Path: full.String(), Msg: msg,
	})
}

// note adds a note once.
func (c *checker) note(m i18n.Msg) {
	k := m.String(i18n.EN)
	if c.notes[k] {
		return
	}
	c.notes[k] = true
	c.res.Notes = append(c.res.Notes, m)
}
