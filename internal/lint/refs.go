package lint

import (
	"maps"
	"slices"
	"sort"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
)

type nsName struct{ ns, name string }

// ServiceInfo is what the StatefulSet check needs of a Service.
type ServiceInfo struct {
	Headless bool
	Selector map[string]string
	obj      *object // set for Services of the input, to point at them
}

// NodeInfo is what the node-fit check needs of a Node.
type NodeInfo struct {
	Name          string
	Allocatable   corev1.ResourceList
	Unschedulable bool
}

// Inventory is the set of objects references are resolved against: the
// input's own, or the cluster's with --cluster. It holds names and key
// names only: never a Secret's values.
type Inventory struct {
	ConfigMaps      map[nsName][]string
	Secrets         map[nsName][]string
	PVCs            map[nsName]bool
	ServiceAccounts map[nsName]bool
	Services        map[nsName]ServiceInfo
	Nodes           []NodeInfo
	// Listed says which kinds the inventory holds in full; a reference
	// to a kind not listed (forbidden to list) is not called missing.
	Listed map[string]bool
}

func newInventory() *Inventory {
	return &Inventory{
		ConfigMaps: map[nsName][]string{}, Secrets: map[nsName][]string{}, PVCs: map[nsName]bool{},
		ServiceAccounts: map[nsName]bool{}, Services: map[nsName]ServiceInfo{}, Listed: map[string]bool{},
	}
}

// sortedKeys returns map keys sorted.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// secretKeys are a Secret's key names: data's and stringData's (which the
// API server merges into data).
func secretKeys(s *corev1.Secret) []string {
	keys := sortedKeys(s.Data)
	for _, k := range sortedKeys(s.StringData) {
		if !contains(keys, k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	return keys
}

// inventoryOf indexes the objects of the input that workloads refer to.
func inventoryOf(objs []*object) *Inventory {
	inv := newInventory()
	for _, o := range objs {
		k := nsName{o.namespace, o.ref.Name}
		switch x := o.typed.(type) {
		case *corev1.ConfigMap:
			inv.ConfigMaps[k] = append(sortedKeys(x.Data), sortedKeys(x.BinaryData)...)
		case *corev1.Secret:
			inv.Secrets[k] = secretKeys(x)
		case *corev1.PersistentVolumeClaim:
			inv.PVCs[k] = true
		case *corev1.ServiceAccount:
			inv.ServiceAccounts[k] = true
		case *corev1.Service:
			inv.Services[k] = ServiceInfo{Headless: x.Spec.ClusterIP == corev1.ClusterIPNone, Selector: x.Spec.Selector, obj: o}
		}
	}
	return inv
}

// find looks a name up in a namespace. An empty namespace on either side
// means "wherever it is applied to", so it matches any: without -n lint
// cannot know where a manifest without a namespace will land.
func find[V any](m map[nsName]V, ns, name string) (V, bool) {
	if v, ok := m[nsName{ns, name}]; ok {
		return v, true
	}
	if ns != "" {
		if v, ok := m[nsName{"", name}]; ok {
			return v, true
		}
		var zero V
		return zero, false
	}
	var best *nsName
	for k := range m {
		if k.name == name && (best == nil || k.ns < best.ns) {
			kk := k
			best = &kk
		}
	}
	if best != nil {
		return m[*best], true
	}
	var zero V
	return zero, false
}

// ref is one reference of a pod spec to another object.
type ref struct {
	kind     string // ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount
	name     string
	key      string // for a key reference; "" otherwise
	optional bool
	path     Path // where the name (or key) is written
	effect   i18n.Msg
}

func isOptional(b *bool) bool { return b != nil && *b }

// refsOf lists what a pod spec refers to.
func refsOf(w *workload) []ref {
	var out []ref
	spec, sp := w.spec, w.specPath
	envEffect := i18n.T("lint.effect.env")
	volEffect := i18n.T("lint.effect.volume")
	for _, ct := range w.containers() {
		for i, e := range ct.c.Env {
			if e.ValueFrom == nil {
				continue
			}
			p := ct.path.Field("env").Index(i).Field("valueFrom")
			if r := e.ValueFrom.ConfigMapKeyRef; r != nil {
				q := p.Field("configMapKeyRef")
				out = append(out, ref{"ConfigMap", r.Name, "", isOptional(r.Optional), q.Field("name"), envEffect},
					ref{"ConfigMap", r.Name, r.Key, isOptional(r.Optional), q.Field("key"), envEffect})
			}
			if r := e.ValueFrom.SecretKeyRef; r != nil {
				q := p.Field("secretKeyRef")
				out = append(out, ref{"Secret", r.Name, "", isOptional(r.Optional), q.Field("name"), envEffect},
					ref{"Secret", r.Name, r.Key, isOptional(r.Optional), q.Field("key"), envEffect})
			}
		}
		for i, e := range ct.c.EnvFrom {
			p := ct.path.Field("envFrom").Index(i)
			if r := e.ConfigMapRef; r != nil {
				out = append(out, ref{"ConfigMap", r.Name, "", isOptional(r.Optional), p.Field("configMapRef").Field("name"), envEffect})
			}
			if r := e.SecretRef; r != nil {
				out = append(out, ref{"Secret", r.Name, "", isOptional(r.Optional), p.Field("secretRef").Field("name"), envEffect})
			}
		}
	}
	items := func(kind, name string, opt bool, list []corev1.KeyToPath, p Path) {
		for i, it := range list {
			out = append(out, ref{kind, name, it.Key, opt, p.Index(i).Field("key"), volEffect})
		}
	}
	for i, v := range spec.Volumes {
		p := sp.Field("volumes").Index(i)
		switch {
		case v.ConfigMap != nil:
			q := p.Field("configMap")
			out = append(out, ref{"ConfigMap", v.ConfigMap.Name, "", isOptional(v.ConfigMap.Optional), q.Field("name"), volEffect})
			items("ConfigMap", v.ConfigMap.Name, isOptional(v.ConfigMap.Optional), v.ConfigMap.Items, q.Field("items"))
		case v.Secret != nil:
			q := p.Field("secret")
			out = append(out, ref{"Secret", v.Secret.SecretName, "", isOptional(v.Secret.Optional), q.Field("secretName"), volEffect})
			items("Secret", v.Secret.SecretName, isOptional(v.Secret.Optional), v.Secret.Items, q.Field("items"))
		case v.PersistentVolumeClaim != nil:
			out = append(out, ref{"PersistentVolumeClaim", v.PersistentVolumeClaim.ClaimName, "", false, p.Field("persistentVolumeClaim").Field("claimName"), i18n.T("lint.effect.pvc")})
		case v.Projected != nil:
			for j, s := range v.Projected.Sources {
				q := p.Field("projected").Field("sources").Index(j)
				if s.ConfigMap != nil {
					out = append(out, ref{"ConfigMap", s.ConfigMap.Name, "", isOptional(s.ConfigMap.Optional), q.Field("configMap").Field("name"), volEffect})
					items("ConfigMap", s.ConfigMap.Name, isOptional(s.ConfigMap.Optional), s.ConfigMap.Items, q.Field("configMap").Field("items"))
				}
				if s.Secret != nil {
					out = append(out, ref{"Secret", s.Secret.Name, "", isOptional(s.Secret.Optional), q.Field("secret").Field("name"), volEffect})
					items("Secret", s.Secret.Name, isOptional(s.Secret.Optional), s.Secret.Items, q.Field("secret").Field("items"))
				}
			}
		}
	}
	for i, s := range spec.ImagePullSecrets {
		out = append(out, ref{"Secret", s.Name, "", false, sp.Field("imagePullSecrets").Index(i).Field("name"), i18n.T("lint.effect.pull")})
	}
	sa, saField := spec.ServiceAccountName, "serviceAccountName"
	if sa == "" {
		sa, saField = spec.DeprecatedServiceAccount, "serviceAccount"
	}
	// Every namespace has "default": the ServiceAccount controller makes it.
	if sa != "" && sa != "default" {
		out = append(out, ref{"ServiceAccount", sa, "", false, sp.Field(saField), i18n.T("lint.effect.sa")})
	}
	return out
}

// lookupRef finds a referenced object: in the input, then in the cluster.
// keys is nil for kinds without keys. listed is false when neither source
// could say (no --cluster, or the cluster forbade listing the kind).
func (c *checker) lookupRef(kind, ns, name string) (keys []string, found, listed bool) {
	for _, inv := range []*Inventory{c.input, c.opts.Cluster} {
		if inv == nil {
			continue
		}
		var ok bool
		switch kind {
		case "ConfigMap":
			keys, ok = find(inv.ConfigMaps, ns, name)
		case "Secret":
			keys, ok = find(inv.Secrets, ns, name)
		case "PersistentVolumeClaim":
			_, ok = find(inv.PVCs, ns, name)
		case "ServiceAccount":
			_, ok = find(inv.ServiceAccounts, ns, name)
		case "Service":
			_, ok = find(inv.Services, ns, name)
		}
		if ok {
			return keys, true, true
		}
	}
	cl := c.opts.Cluster
	return nil, false, cl != nil && cl.Listed[kind]
}

// wellKnown are objects every namespace has.
func wellKnown(kind, name string) bool {
	return kind == "ConfigMap" && name == "kube-root-ca.crt"
}

// checkRefs: a reference to an object that does not exist stops the pod
// (which way depends on where it is used: the effect), unless optional.
func (c *checker) checkRefs(w *workload) {
	ns := w.o.namespace
	for _, r := range refsOf(w) {
		if r.optional || r.name == "" || wellKnown(r.kind, r.name) {
			continue
		}
		keys, found, listed := c.lookupRef(r.kind, ns, r.name)
		if r.key != "" {
			if found && !contains(keys, r.key) {
				shown := i18n.List(keys)
				if len(keys) == 0 {
					shown = i18n.List{"∅"}
				}
				c.add(w.o, r.path, RuleRefKey, i18n.T("lint.ref-key", r.key, r.kind, r.name, shown, r.effect))
			}
			continue
		}
		if found {
			continue
		}
		switch {
		case listed:
			c.addSev(w.o, r.path, RuleRefMissing, Error, i18n.T("lint.ref-missing.cluster", r.kind, r.name, nsShown(ns), r.effect))
		case c.opts.Cluster != nil:
			c.note(i18n.T("lint.note.not-listed", r.kind))
			c.add(w.o, r.path, RuleRefMissing, i18n.T("lint.ref-missing.unlisted", r.kind, r.name, r.effect))
		default:
			c.add(w.o, r.path, RuleRefMissing, i18n.T("lint.ref-missing.input", r.kind, r.name, r.effect))
		}
	}
}

func nsShown(ns string) string {
	if ns == "" {
		return "default"
	}
	return ns
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
