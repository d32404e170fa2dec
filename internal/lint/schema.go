package lint

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"math"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	yaml "go.yaml.in/yaml/v3"
	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	corev1 "k8s.io/api/core/v1"
	networkingv1 "k8s.io/api/networking/v1"
	policyv1 "k8s.io/api/policy/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	schedulingv1 "k8s.io/api/scheduling/v1"
	storagev1 "k8s.io/api/storage/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	apivalidation "k8s.io/apimachinery/pkg/api/validation"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/util/intstr"
	kscheme "k8s.io/client-go/kubernetes/scheme"

	"github.com/podwhy/podwhy/internal/fieldcheck"
	"github.com/podwhy/podwhy/internal/i18n"
)

// kindType is a kind lint validates: its API group (to tell a CRD that
// reuses the name, like Knative's Service, from the core kind), the
// version served today, and a new value of its Go type.
type kindType struct {
	group   string
	version string
	new     func() any
}

// types are fieldcheck's workload kinds plus the kinds workloads refer to,
// so a broken ConfigMap or Service is caught as well.
var types = func() map[string]kindType {
	m := map[string]kindType{
		"Pod":                   {"", "v1", fieldcheck.Types["Pod"]},
		"Deployment":            {"apps", "v1", fieldcheck.Types["Deployment"]},
		"StatefulSet":           {"apps", "v1", fieldcheck.Types["StatefulSet"]},
		"DaemonSet":             {"apps", "v1", fieldcheck.Types["DaemonSet"]},
		"ReplicaSet":            {"apps", "v1", fieldcheck.Types["ReplicaSet"]},
		"Job":                   {"batch", "v1", fieldcheck.Types["Job"]},
		"CronJob":               {"batch", "v1", fieldcheck.Types["CronJob"]},
		"Service":               {"", "v1", func() any { return &corev1.Service{} }},
		"ConfigMap":             {"", "v1", func() any { return &corev1.ConfigMap{} }},
		"Secret":                {"", "v1", func() any { return &corev1.Secret{} }},
		"PersistentVolumeClaim": {"", "v1", func() any { return &corev1.PersistentVolumeClaim{} }},
		"ServiceAccount":        {"", "v1", func() any { return &corev1.ServiceAccount{} }},
		// The other built-in kinds that have one served version, decoded
		// strictly like the API server does. Kinds served in several
		// versions (HorizontalPodAutoscaler) are decoded by the version
		// the object names, from the scheme (lookupType).
		"ReplicationController":          {"", "v1", func() any { return &corev1.ReplicationController{} }},
		"PersistentVolume":               {"", "v1", func() any { return &corev1.PersistentVolume{} }},
		"Namespace":                      {"", "v1", func() any { return &corev1.Namespace{} }},
		"ResourceQuota":                  {"", "v1", func() any { return &corev1.ResourceQuota{} }},
		"LimitRange":                     {"", "v1", func() any { return &corev1.LimitRange{} }},
		"StorageClass":                   {"storage.k8s.io", "v1", func() any { return &storagev1.StorageClass{} }},
		"PodDisruptionBudget":            {"policy", "v1", func() any { return &policyv1.PodDisruptionBudget{} }},
		"Ingress":                        {"networking.k8s.io", "v1", func() any { return &networkingv1.Ingress{} }},
		"IngressClass":                   {"networking.k8s.io", "v1", func() any { return &networkingv1.IngressClass{} }},
		"NetworkPolicy":                  {"networking.k8s.io", "v1", func() any { return &networkingv1.NetworkPolicy{} }},
		"Role":                           {"rbac.authorization.k8s.io", "v1", func() any { return &rbacv1.Role{} }},
		"ClusterRole":                    {"rbac.authorization.k8s.io", "v1", func() any { return &rbacv1.ClusterRole{} }},
		"RoleBinding":                    {"rbac.authorization.k8s.io", "v1", func() any { return &rbacv1.RoleBinding{} }},
		"ClusterRoleBinding":             {"rbac.authorization.k8s.io", "v1", func() any { return &rbacv1.ClusterRoleBinding{} }},
		"PriorityClass":                  {"scheduling.k8s.io", "v1", func() any { return &schedulingv1.PriorityClass{} }},
		"ValidatingWebhookConfiguration": {"admissionregistration.k8s.io", "v1", func() any { return &admissionregistrationv1.ValidatingWebhookConfiguration{} }},
		"MutatingWebhookConfiguration":   {"admissionregistration.k8s.io", "v1", func() any { return &admissionregistrationv1.MutatingWebhookConfiguration{} }},
	}
	for k, t := range m {
		if t.new == nil {
			panic("lint: fieldcheck has no type for " + k)
		}
	}
	return m
}()

// removal is when an apiVersion of a kind stopped being served
// (removed_gen.go, from the API's own lifecycle data).
type removal struct {
	Removed string // the Kubernetes release that removed it
	Use     string // the apiVersion to use instead; "" when the kind is gone
}

// removedInfo says whether apiVersion of kind is no longer served, and
// which version to use: replacements that were themselves removed are
// followed (extensions/v1beta1 → policy/v1beta1 PodSecurityPolicy, gone).
func removedInfo(apiVersion, kind string) (removal, bool) {
	r, ok := removedVersions[apiVersion+" "+kind]
	if !ok || served[apiVersion+" "+kind] {
		return removal{}, false
	}
	for i := 0; i < 5 && r.Use != "" && !served[r.Use+" "+kind]; i++ {
		next, ok := removedVersions[r.Use+" "+kind]
		if !ok {
			break
		}
		r.Use = next.Use
	}
	if r.Use == "" || !served[r.Use+" "+kind] {
		r.Use = servedVersion(kind, groupOf(apiVersion))
	}
	return r, true
}

// servedVersion is the apiVersion the API server serves kind in, within
// group if it can (the newest: v2 before v1), else in any built-in group;
// "" when no version of the kind is served.
func servedVersion(kind, group string) string {
	var same, other []string
	for k := range served {
		gv, kk, _ := strings.Cut(k, " ")
		if kk != kind {
			continue
		}
		if groupOf(gv) == group {
			same = append(same, gv)
		} else {
			other = append(other, gv)
		}
	}
	pick := same
	if len(pick) == 0 {
		pick = other
	}
	if len(pick) == 0 {
		return ""
	}
	sort.Slice(pick, func(i, j int) bool { return versionAfter(pick[i], pick[j]) })
	return pick[0]
}

// versionAfter orders apiVersions as Kubernetes does: GA before beta
// before alpha, higher numbers first.
func versionAfter(a, b string) bool {
	ra, rb := versionRank(a), versionRank(b)
	for i := range ra {
		if ra[i] != rb[i] {
			return ra[i] > rb[i]
		}
	}
	return a < b
}

// versionRank of "apps/v1beta2" is {1 (beta), 1, 2}; GA is level 2.
func versionRank(gv string) [3]int {
	v := strings.TrimPrefix(gv[strings.LastIndexByte(gv, '/')+1:], "v")
	i := 0
	for i < len(v) && v[i] >= '0' && v[i] <= '9' {
		i++
	}
	major, _ := strconv.Atoi(v[:i])
	level, tail := 2, v[i:]
	switch {
	case strings.HasPrefix(tail, "beta"):
		level, tail = 1, tail[4:]
	case strings.HasPrefix(tail, "alpha"):
		level, tail = 0, tail[5:]
	}
	minor, _ := strconv.Atoi(tail)
	return [3]int{level, major, minor}
}

// servedGroups are the API groups lint speaks for: those the API server
// serves built in, and those it used to. A CRD cannot add a kind to them.
var servedGroups = sync.OnceValue(func() map[string]bool {
	g := map[string]bool{}
	for k := range served {
		gv, _, _ := strings.Cut(k, " ")
		g[groupOf(gv)] = true
	}
	for k := range removedVersions {
		gv, _, _ := strings.Cut(k, " ")
		g[groupOf(gv)] = true
	}
	return g
})

// notServed reports an object of a built-in group whose apiVersion and
// kind the API server does not serve: a kind served in another version
// (use that one), or a kind the group does not have at all (a typo like
// Deploymnet; the nearest kind of the same group is suggested).
func notServed(apiVersion, kind string) (i18n.Msg, bool) {
	group := groupOf(apiVersion)
	if !servedGroups()[group] || served[apiVersion+" "+kind] || kind == "List" {
		return i18n.Msg{}, false
	}
	inGroup := map[string]bool{}
	for k := range served {
		gv, kk, _ := strings.Cut(k, " ")
		if groupOf(gv) == group {
			inGroup[kk] = true
		}
	}
	if inGroup[kind] {
		return i18n.T("lint.api-unknown", apiVersion, kind, servedVersion(kind, group)), true
	}
	names := make([]string, 0, len(inGroup))
	for k := range inGroup {
		names = append(names, k)
	}
	sort.Strings(names)
	if near := nearestName(kind, names); near != "" {
		return i18n.T("lint.kind-unknown.near", kind, apiVersion, near), true
	}
	return i18n.T("lint.kind-unknown", kind, apiVersion), true
}

// nearestName is the name within two edits of s, ignoring case.
func nearestName(s string, names []string) string {
	best, bestD := "", 3
	for _, n := range names {
		if d := fieldcheck.Distance(strings.ToLower(s), strings.ToLower(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

func (t kindType) apiVersion() string {
	if t.group == "" {
		return t.version
	}
	return t.group + "/" + t.version
}

func groupOf(apiVersion string) string {
	if i := strings.IndexByte(apiVersion, '/'); i >= 0 {
		return apiVersion[:i]
	}
	return ""
}

// builtinGroup reports API groups Kubernetes itself serves ("", apps,
// batch, networking.k8s.io…), as opposed to a CRD's (serving.knative.dev),
// which may define a kind of the same name as a core one.
func builtinGroup(g string) bool {
	return !strings.Contains(g, ".") || strings.HasSuffix(g, ".k8s.io")
}

// lookupType returns the type for an object, or false for kinds lint does
// not know, including a CRD's kind that happens to share a core name. A
// core kind under the wrong built-in group (Deployment in v1) is the
// core kind with a wrong apiVersion, which checkAPIVersion reports.
func lookupType(kind, apiVersion string) (kindType, bool) {
	g := groupOf(apiVersion)
	if t, ok := types[kind]; ok {
		if g != t.group && !builtinGroup(g) {
			return kindType{}, false
		}
		return t, true
	}
	if !served[apiVersion+" "+kind] {
		return kindType{}, false
	}
	gvk := schema.FromAPIVersionAndKind(apiVersion, kind)
	if _, err := kscheme.Scheme.New(gvk); err != nil {
		return kindType{}, false // served, but not a type client-go has (CustomResourceDefinition, APIService)
	}
	return kindType{group: gvk.Group, version: gvk.Version, new: func() any {
		o, _ := kscheme.Scheme.New(gvk)
		return o
	}}, true
}

// checkAPIVersion reports an apiVersion the cluster does not serve for the
// kind. The object is still checked against today's type: what must
// change to move to it is worth knowing too.
func (c *checker) checkAPIVersion(o *object, t kindType) {
	if o.apiVersion == t.apiVersion() {
		return
	}
	p := Path{{Key: "apiVersion"}}
	if r, ok := removedInfo(o.apiVersion, o.kind); ok {
		c.add(o, p, RuleAPIVersion, i18n.T("lint.api-removed", o.apiVersion, o.kind, r.Removed, t.apiVersion()))
	} else {
		c.add(o, p, RuleAPIVersion, i18n.T("lint.api-unknown", o.apiVersion, o.kind, t.apiVersion()))
	}
}

// nameRules are the API server's own name validations per kind
// (k8s.io/apimachinery/pkg/api/validation): a Service is a DNS-1035
// label, a Namespace a DNS-1123 label, the RBAC kinds a path segment
// (system:auth-delegator is fine) and not checked here, every other kind
// lint decodes a DNS-1123 subdomain.
var nameRules = map[string]apivalidation.ValidateNameFunc{
	"Service":   apivalidation.NameIsDNS1035Label,
	"Namespace": apivalidation.ValidateNamespaceName,
}

// checkName reports a metadata.name the API server refuses.
func (c *checker) checkName(o *object) {
	name := o.ref.Name
	if name == "" || strings.HasSuffix(name, "…") || strings.HasPrefix(o.apiVersion, "rbac.authorization.k8s.io/") {
		return
	}
	valid, ok := nameRules[o.kind]
	if !ok {
		valid = apivalidation.NameIsDNSSubdomain
	}
	if errs := valid(name, false); len(errs) > 0 {
		c.add(o, Path{{Key: "metadata"}, {Key: "name"}}, RuleInvalidValue, i18n.T("lint.invalid-name", name, errs[0]))
	}
}

// maxNodes bounds the nodes one object's walk visits: aliases can make a
// small file expand into billions of nodes, which kubectl refuses too.
const maxNodes = 1 << 20

// walker validates one object's YAML against its Go type and returns the
// value with everything that does not fit removed, ready to decode.
type walker struct {
	c      *checker
	o      *object
	root   reflect.Type
	visits int
	stop   bool
}

func (c *checker) schema(o *object, t kindType) any {
	w := &walker{c: c, o: o, root: reflect.TypeOf(t.new()).Elem()}
	v, _ := w.walk(o.node, w.root, nil, 0)
	return v
}

var (
	unmarshalerType = reflect.TypeOf((*json.Unmarshaler)(nil)).Elem()
	quantityType    = reflect.TypeOf(resource.Quantity{})
	intOrStringType = reflect.TypeOf(intstr.IntOrString{})
)

// scalarKind is what kubectl makes of a scalar: its YAML reader is yaml.v2
// (YAML 1.1), so an unquoted yes/no/on/off/y/n is a boolean there although
// yaml.v3 reads it as a string.
type scalarKind int

const (
	kNull scalarKind = iota
	kBool
	kInt
	kFloat
	kString
	kMapping
	kSequence
)

var yaml11Bools = map[string]bool{
	"y": true, "Y": true, "yes": true, "Yes": true, "YES": true, "on": true, "On": true, "ON": true,
	"n": false, "N": false, "no": false, "No": false, "NO": false, "off": false, "Off": false, "OFF": false,
}

// scalar returns the kind and JSON value kubectl would send for a node.
func scalar(n *yaml.Node) (scalarKind, any) {
	switch n.Kind {
	case yaml.MappingNode:
		return kMapping, nil
	case yaml.SequenceNode:
		return kSequence, nil
	}
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle|yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return kString, n.Value
	}
	if n.Style&yaml.TaggedStyle == 0 {
		if b, ok := yaml11Bools[n.Value]; ok {
			return kBool, b
		}
	}
	switch n.ShortTag() {
	case "!!null":
		return kNull, nil
	case "!!bool":
		return kBool, strings.EqualFold(n.Value, "true")
	case "!!int":
		if i, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return kInt, i
		}
		if u, err := strconv.ParseUint(strings.ReplaceAll(n.Value, "_", ""), 0, 64); err == nil {
			return kInt, u
		}
		if f, err := strconv.ParseFloat(n.Value, 64); err == nil {
			return kFloat, f
		}
		return kString, n.Value
	case "!!float":
		v := strings.ToLower(strings.ReplaceAll(n.Value, "_", ""))
		switch v {
		case ".inf", "+.inf", "-.inf", ".nan":
			return kFloat, math.NaN()
		}
		if f, err := strconv.ParseFloat(v, 64); err == nil {
			return kFloat, f
		}
		return kString, n.Value
	}
	return kString, n.Value
}

// typeWord names what a field takes, for "must be X" messages.
func typeWord(t reflect.Type) i18n.Msg {
	switch {
	case t == quantityType:
		return i18n.T("lint.type.quantity")
	case t == intOrStringType:
		return i18n.T("lint.type.int-or-string")
	}
	switch t.Kind() {
	case reflect.String:
		return i18n.T("lint.type.string")
	case reflect.Bool:
		return i18n.T("lint.type.bool")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return i18n.T("lint.type.int")
	case reflect.Float32, reflect.Float64:
		return i18n.T("lint.type.number")
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			return i18n.T("lint.type.base64")
		}
		return i18n.T("lint.type.list")
	case reflect.Map, reflect.Struct:
		return i18n.T("lint.type.mapping")
	}
	return i18n.T("lint.type.any")
}

// foundWord names what the YAML holds.
func foundWord(k scalarKind) i18n.Msg {
	switch k {
	case kNull:
		return i18n.T("lint.found.null")
	case kBool:
		return i18n.T("lint.found.bool")
	case kInt, kFloat:
		return i18n.T("lint.found.number")
	case kMapping:
		return i18n.T("lint.found.mapping")
	case kSequence:
		return i18n.T("lint.found.list")
	}
	return i18n.T("lint.found.string")
}

// wrongType reports a value of the wrong kind. Values are never quoted:
// the same code reads Secret data and passwords in env values.
func (w *walker) wrongType(n *yaml.Node, p Path, t reflect.Type, got scalarKind) {
	var msg i18n.Msg
	_, yaml11 := yaml11Bools[n.Value]
	switch {
	case got == kBool && yaml11 && n.Kind == yaml.ScalarNode:
		msg = i18n.T("lint.wrong-type.yaml11", p.String(), typeWord(t), n.Value)
	case (got == kInt || got == kFloat || got == kBool) && t.Kind() == reflect.String:
		msg = i18n.T("lint.wrong-type.quote", p.String(), foundWord(got))
	default:
		msg = i18n.T("lint.wrong-type", p.String(), typeWord(t), foundWord(got))
	}
	w.c.add(w.o, p, RuleWrongType, msg)
}

// walk checks n against t at path p. It returns the JSON value to keep
// and whether n fit t.
func (w *walker) walk(n *yaml.Node, t reflect.Type, p Path, depth int) (any, bool) {
	if w.stop {
		return nil, false
	}
	w.visits++
	if w.visits > maxNodes || depth > maxDepth {
		w.stop = true
		w.c.add(w.o, p, RuleSyntax, i18n.T("lint.too-deep"))
		return nil, false
	}
	n = resolve(n)
	if n == nil {
		return nil, true
	}
	for t.Kind() == reflect.Ptr {
		t = t.Elem()
	}
	got, val := scalar(n)
	if got == kNull {
		return nil, true
	}
	if t.Kind() == reflect.Interface {
		return w.generic(n, depth), true
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return w.custom(n, t, p, got, depth)
	}
	switch t.Kind() {
	case reflect.Struct:
		if got != kMapping {
			w.wrongType(n, p, t, got)
			return nil, false
		}
		return w.structure(n, t, p, depth), true
	case reflect.Map:
		if got != kMapping {
			w.wrongType(n, p, t, got)
			return nil, false
		}
		out := map[string]any{}
		for _, e := range entries(n) {
			if v, ok := w.walk(e.val, t.Elem(), p.Field(e.key.Value), depth+1); ok {
				out[e.key.Value] = v
			}
		}
		return out, true
	case reflect.Slice:
		if t.Elem().Kind() == reflect.Uint8 {
			if got != kString {
				w.wrongType(n, p, t, got)
				return nil, false
			}
			if _, err := base64.StdEncoding.DecodeString(n.Value); err != nil {
				w.c.add(w.o, p, RuleInvalidValue, i18n.T("lint.invalid-base64", p.String()))
				return nil, false
			}
			return n.Value, true
		}
		if got != kSequence {
			w.wrongType(n, p, t, got)
			return nil, false
		}
		out := make([]any, 0, len(n.Content))
		for i, it := range n.Content {
			if v, ok := w.walk(it, t.Elem(), p.Index(i), depth+1); ok {
				out = append(out, v)
			} else {
				// Keep indexes aligned with the file for the typed checks.
				out = append(out, nil)
			}
		}
		return out, true
	case reflect.String:
		if got != kString {
			w.wrongType(n, p, t, got)
			return nil, false
		}
		return val, true
	case reflect.Bool:
		if got != kBool {
			w.wrongType(n, p, t, got)
			return nil, false
		}
		return val, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if got != kInt {
			w.wrongType(n, p, t, got)
			return nil, false
		}
		if !fits(val, t) {
			w.c.add(w.o, p, RuleInvalidValue, i18n.T("lint.out-of-range", p.String(), t.Kind().String()))
			return nil, false
		}
		return val, true
	case reflect.Float32, reflect.Float64:
		if got != kInt && got != kFloat {
			w.wrongType(n, p, t, got)
			return nil, false
		}
		if f, ok := val.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
			w.c.add(w.o, p, RuleInvalidValue, i18n.T("lint.not-finite", p.String()))
			return nil, false
		}
		return val, true
	}
	return w.generic(n, depth), true
}

// fits reports whether an integer fits the field's Go type.
func fits(v any, t reflect.Type) bool {
	probe := reflect.New(t).Elem()
	switch x := v.(type) {
	case int64:
		if probe.CanInt() {
			return !probe.OverflowInt(x)
		}
		return x >= 0 && !probe.OverflowUint(uint64(x))
	case uint64:
		if probe.CanUint() {
			return !probe.OverflowUint(x)
		}
		return false
	}
	return false
}

// custom handles types that decode themselves (Quantity, IntOrString,
// Time, RawExtension): the value is decoded exactly as the API server
// would, so what it accepts is what lint accepts.
func (w *walker) custom(n *yaml.Node, t reflect.Type, p Path, got scalarKind, depth int) (any, bool) {
	v := w.generic(n, depth)
	if f, ok := v.(float64); ok && (math.IsNaN(f) || math.IsInf(f, 0)) {
		w.c.add(w.o, p, RuleInvalidValue, i18n.T("lint.not-finite", p.String()))
		return nil, false
	}
	data, err := json.Marshal(v)
	if err == nil {
		err = json.Unmarshal(data, reflect.New(t).Interface())
	}
	if err == nil {
		return v, true
	}
	switch {
	case t == quantityType && (got == kString || got == kInt || got == kFloat):
		// A quantity is a size, not a secret: saying which one helps.
		w.c.add(w.o, p, RuleInvalidValue, i18n.T("lint.invalid-quantity", p.String(), fmt.Sprint(v)))
	case t == intOrStringType || t == quantityType || got == kMapping || got == kSequence:
		w.wrongType(n, p, t, got)
	default:
		w.c.add(w.o, p, RuleInvalidValue, i18n.T("lint.invalid-value", p.String(), t.Name()))
	}
	return nil, false
}

// generic converts a node to its JSON value without a type to check it
// against (RawExtension, or a field typed interface{}).
func (w *walker) generic(n *yaml.Node, depth int) any {
	n = resolve(n)
	w.visits++
	if n == nil || w.visits > maxNodes || depth > maxDepth {
		return nil
	}
	k, v := scalar(n)
	switch k {
	case kMapping:
		out := map[string]any{}
		for _, e := range entries(n) {
			out[e.key.Value] = w.generic(e.val, depth+1)
		}
		return out
	case kSequence:
		out := make([]any, len(n.Content))
		for i, it := range n.Content {
			out[i] = w.generic(it, depth+1)
		}
		return out
	}
	return v
}

// structure checks a mapping against a struct: every key must be one of
// its fields (by JSON name, case-sensitive like the API server's strict
// decoding); an unknown one is reported with where it belongs.
func (w *walker) structure(n *yaml.Node, t reflect.Type, p Path, depth int) map[string]any {
	out := map[string]any{}
	written := map[string]bool{}
	for _, e := range entries(n) {
		name := e.key.Value
		if v := resolve(e.val); v != nil && !(v.Kind == yaml.ScalarNode && v.ShortTag() == "!!null") {
			written[name] = true
		}
		ft, ok := fieldcheck.Field(t, name)
		if !ok {
			w.unknownField(t, p.Field(name), name)
			continue
		}
		w.enum(t, name, e.val, p.Field(name))
		if v, ok := w.walk(e.val, ft, p.Field(name), depth+1); ok {
			out[name] = v
		}
	}
	w.required(t, p, written)
	return out
}

// handChecked are required fields checkWorkload reports with more to say
// (a pod needs a container; the selector is no longer derived).
var handChecked = map[string]bool{
	"io.k8s.api.core.v1.PodSpec.containers":       true,
	"io.k8s.api.core.v1.Container.name":           true,
	"io.k8s.api.batch.v1.CronJobSpec.schedule":    true,
	"io.k8s.api.apps.v1.DeploymentSpec.selector":  true,
	"io.k8s.api.apps.v1.StatefulSetSpec.selector": true,
	"io.k8s.api.apps.v1.DaemonSetSpec.selector":   true,
	"io.k8s.api.apps.v1.ReplicaSetSpec.selector":  true,
}

// required reports the fields a type's OpenAPI schema requires
// (schema_gen.go) that the mapping does not write: the API server's
// "spec.template: Required value". A missing field that is a struct (not
// a pointer) is no error in itself: the server decodes it as empty and
// validates what is inside (a CSIDriver without spec is fine, a
// RoleBinding without roleRef is not), so lint looks inside too. Status
// is not checked: the server drops it on create.
func (w *walker) required(t reflect.Type, p Path, written map[string]bool) {
	name := schemaName(t)
	if len(p) > 0 && p[0].Key == "status" || name == "" || len(p) > maxDepth {
		return
	}
	for _, f := range required[name] {
		if written[f] || handChecked[name+"."+f] {
			continue
		}
		if ft, ok := fieldcheck.Field(t, f); ok && ft.Kind() == reflect.Struct {
			w.required(ft, p.Field(f), nil)
			continue
		}
		w.c.add(w.o, p, RuleRequired, i18n.T("lint.required", p.Field(f).String()))
	}
}

// enum reports a string the API server refuses for an enum field, with
// the values it accepts (enums_gen.go, from its OpenAPI). Status is not
// checked: the server drops it on create.
func (w *walker) enum(parent reflect.Type, name string, n *yaml.Node, p Path) {
	vals, ok := enums[schemaName(parent)+"."+name]
	if n = resolve(n); !ok || n == nil || n.Kind != yaml.ScalarNode || n.ShortTag() != "!!str" || len(p) > 0 && p[0].Key == "status" {
		return
	}
	if !slices.Contains(vals, n.Value) {
		w.c.add(w.o, p, RuleInvalidValue, i18n.T("lint.enum", p.String(), n.Value, strings.Join(vals, ", ")))
	}
}

// schemaName is the OpenAPI name of a k8s.io/api type:
// k8s.io/api/core/v1.ContainerPort → io.k8s.api.core.v1.ContainerPort.
func schemaName(t reflect.Type) string {
	pkg, ok := strings.CutPrefix(t.PkgPath(), "k8s.io/api/")
	if !ok {
		return ""
	}
	return "io.k8s.api." + strings.ReplaceAll(pkg, "/", ".") + "." + t.Name()
}

func (w *walker) unknownField(parent reflect.Type, p Path, name string) {
	// Paths inside a List are relative to the item for fieldcheck, which
	// knows the object's type, not the List's.
	where := parent.Name()
	if where == "" {
		where = w.root.Name()
	}
	if s := fieldcheck.SuggestNear(w.root, p.Dotted()); s != "" && s != p.Dotted() && fieldcheck.SameFamily(w.root, p.Dotted(), s) {
		w.c.add(w.o, p, RuleUnknownField, i18n.T("lint.unknown-field.moved", p.String(), where, s))
		return
	}
	if near := fieldcheck.Nearest(parent, name); near != "" {
		w.c.add(w.o, p, RuleUnknownField, i18n.T("lint.unknown-field.typo", p.String(), where, p[:len(p)-1].Field(near).String()))
		return
	}
	w.c.add(w.o, p, RuleUnknownField, i18n.T("lint.unknown-field", p.String(), where))
}

// duplicateKeys reports every key written twice in one mapping: kubectl
// keeps the last value and drops the first without a word.
func (c *checker) duplicateKeys(d *doc) {
	seen := map[*yaml.Node]bool{}
	visits := 0
	var walk func(n *yaml.Node, p Path, depth int)
	walk = func(n *yaml.Node, p Path, depth int) {
		visits++
		if n == nil || seen[n] || depth > maxDepth || visits > maxNodes {
			return
		}
		seen[n] = true
		switch n.Kind {
		case yaml.DocumentNode:
			for _, ch := range n.Content {
				walk(ch, p, depth+1)
			}
		case yaml.SequenceNode:
			for i, ch := range n.Content {
				walk(ch, p.Index(i), depth+1)
			}
		case yaml.MappingNode:
			first, firstVal := map[string]*yaml.Node{}, map[string]*yaml.Node{}
			for i := 0; i+1 < len(n.Content); i += 2 {
				k, v := n.Content[i], n.Content[i+1]
				if k.Kind == yaml.ScalarNode && k.Value != "<<" {
					if f, dup := first[k.Value]; dup {
						// The server never sees the first value: a
						// warning when it differed, a note when not.
						path := p.Field(k.Value).String()
						sev, msg := Warning, i18n.T("lint.duplicate-key", path, f.Line+d.line0)
						if sameNode(firstVal[k.Value], v, 0) {
							sev, msg = Info, i18n.T("lint.duplicate-key.same", path, f.Line+d.line0)
						}
						c.res.Problems = append(c.res.Problems, Problem{
							File: d.file, Pos: Pos{k.Line, k.Column}.add(d.line0), Severity: sev,
							Rule: RuleDuplicateKey, Object: docRef(d, p), Path: path, Msg: msg,
						})
					} else {
						first[k.Value], firstVal[k.Value] = k, v
					}
				}
				walk(v, p.Field(k.Value), depth+1)
			}
		}
	}
	walk(d.root, nil, 0)
}

// sameNode: two YAML values that decode to the same thing (aliases
// followed, scalars compared by tag and value, mappings and sequences in
// order).
func sameNode(a, b *yaml.Node, depth int) bool {
	a, b = resolve(a), resolve(b)
	if a == nil || b == nil || depth > maxDepth {
		return a == b
	}
	if a.Kind != b.Kind || len(a.Content) != len(b.Content) {
		return false
	}
	if a.Kind == yaml.ScalarNode {
		return a.ShortTag() == b.ShortTag() && a.Value == b.Value
	}
	for i := range a.Content {
		if !sameNode(a.Content[i], b.Content[i], depth+1) {
			return false
		}
	}
	return true
}

// docRef names the object a path of a document belongs to: the List item
// it is under, or the document's own object.
func docRef(d *doc, p Path) ObjectRef {
	root := resolve(d.root)
	if root == nil || root.Kind != yaml.MappingNode {
		return ObjectRef{}
	}
	n := root
	if len(p) >= 2 && !p[0].IsIndex && p[0].Key == "items" && p[1].IsIndex && strings.HasSuffix(scalarAt(root, "kind"), "List") {
		if it := Value(root, p[:2]); it != nil && it.Kind == yaml.MappingNode {
			n = it
		}
	}
	r := ObjectRef{Kind: scalarAt(n, "kind")}
	if md := Value(n, Path{{Key: "metadata"}}); md != nil {
		r.Name, r.Namespace = scalarAt(md, "name"), scalarAt(md, "namespace")
	}
	return r
}
