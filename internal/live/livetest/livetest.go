// Package livetest is a fake API server for tests of podwhy's one-off
// LISTs: it serves the objects it is given in pages with continue tokens,
// in protobuf when the client asks for it (as podwhy's client does) and in
// JSON otherwise, selects them by the fields the API server can select
// on (refusing others, as it does), and records every request, so a test
// can tell which LISTs a run made and with which options.
package livetest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"sort"
	"strconv"
	"strings"
	"sync"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	"k8s.io/apimachinery/pkg/fields"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/apimachinery/pkg/version"
	"k8s.io/client-go/kubernetes/scheme"
)

// resource is one kind the server knows: the ones podwhy lists.
type resource struct {
	name, group, version, kind string
	clusterScoped              bool
}

var resources = []resource{
	{"pods", "", "v1", "Pod", false},
	{"events", "", "v1", "Event", false},
	{"nodes", "", "v1", "Node", true},
	{"replicasets", "apps", "v1", "ReplicaSet", false},
	{"deployments", "apps", "v1", "Deployment", false},
	{"statefulsets", "apps", "v1", "StatefulSet", false},
	{"daemonsets", "apps", "v1", "DaemonSet", false},
	{"jobs", "batch", "v1", "Job", false},
	{"cronjobs", "batch", "v1", "CronJob", false},
	{"persistentvolumeclaims", "", "v1", "PersistentVolumeClaim", false},
	{"persistentvolumes", "", "v1", "PersistentVolume", true},
	{"storageclasses", "storage.k8s.io", "v1", "StorageClass", true},
	{"configmaps", "", "v1", "ConfigMap", false},
	{"secrets", "", "v1", "Secret", false},
	{"serviceaccounts", "", "v1", "ServiceAccount", false},
	{"resourcequotas", "", "v1", "ResourceQuota", false},
	{"limitranges", "", "v1", "LimitRange", false},
	{"namespaces", "", "v1", "Namespace", true},
	{"services", "", "v1", "Service", false},
	{"endpointslices", "discovery.k8s.io", "v1", "EndpointSlice", false},
	{"roles", "rbac.authorization.k8s.io", "v1", "Role", false},
	{"rolebindings", "rbac.authorization.k8s.io", "v1", "RoleBinding", false},
	{"clusterroles", "rbac.authorization.k8s.io", "v1", "ClusterRole", true},
	{"clusterrolebindings", "rbac.authorization.k8s.io", "v1", "ClusterRoleBinding", true},
}

// Request is one LIST the server answered.
type Request struct {
	Resource  string
	Namespace string // "" for every namespace or a cluster-scoped kind
	// The query as sent; absent parameters are "".
	ResourceVersion, Limit, Continue, FieldSelector, LabelSelector string
	// Protobuf: the answer was protobuf, not JSON.
	Protobuf bool
}

// String is the request as a test compares it: resource, then the
// namespace and the parameters that were sent.
func (r Request) String() string {
	s := r.Resource
	for _, kv := range [][2]string{{"ns", r.Namespace}, {"rv", r.ResourceVersion}, {"limit", r.Limit}, {"continue", r.Continue}, {"fields", r.FieldSelector}, {"labels", r.LabelSelector}} {
		if kv[1] != "" {
			s += " " + kv[0] + "=" + kv[1]
		}
	}
	return s
}

// Server is the fake API server. Set its fields before the first request.
type Server struct {
	*httptest.Server
	// WholeAtRV0 answers a LIST at resourceVersion "0" in one page,
	// whatever its limit, as the API server's watch cache does (still in
	// Kubernetes 1.37); off, it pages as etcd does when the server hands
	// such a LIST down (cache not ready, watch cache off).
	WholeAtRV0 bool
	// Version is the gitVersion GET /version answers ("v1.37.2"); empty,
	// /version is not found, as on a server podwhy cannot ask.
	Version string
	// Forbidden resources (by plural name) answer 403.
	Forbidden map[string]bool
	// ForbiddenClusterWide resources answer 403 when listed in every
	// namespace at once, as for a user whose Role grants one namespace.
	ForbiddenClusterWide map[string]bool

	byResource map[string][]runtime.Object
	mu         sync.Mutex
	requests   []Request
}

// New starts a server holding objs (typed API objects of the kinds podwhy
// lists); Close it when done.
func New(objs ...runtime.Object) (*Server, error) {
	s := &Server{byResource: map[string][]runtime.Object{}, Forbidden: map[string]bool{}, ForbiddenClusterWide: map[string]bool{}}
	for _, o := range objs {
		gvks, _, err := scheme.Scheme.ObjectKinds(o)
		if err != nil {
			return nil, err
		}
		r, ok := byKind(gvks[0].Kind)
		if !ok {
			return nil, fmt.Errorf("livetest: no resource for kind %s", gvks[0].Kind)
		}
		s.byResource[r.name] = append(s.byResource[r.name], o)
	}
	for _, list := range s.byResource {
		sort.SliceStable(list, func(i, j int) bool { return key(list[i]) < key(list[j]) })
	}
	s.Server = httptest.NewServer(http.HandlerFunc(s.serve))
	return s, nil
}

// Requests returns the LISTs answered so far, in the order they came.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Reset forgets the requests answered so far.
func (s *Server) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}

// Serves reports whether the server can hold o: a typed object of a kind
// podwhy lists.
func Serves(o runtime.Object) bool {
	gvks, _, err := scheme.Scheme.ObjectKinds(o)
	if err != nil {
		return false
	}
	_, ok := byKind(gvks[0].Kind)
	return ok
}

func byKind(kind string) (resource, bool) {
	for _, r := range resources {
		if r.kind == kind {
			return r, true
		}
	}
	return resource{}, false
}

func byName(name, group string) (resource, bool) {
	for _, r := range resources {
		if r.name == name && r.group == group {
			return r, true
		}
	}
	return resource{}, false
}

func key(o runtime.Object) string {
	m, err := meta.Accessor(o)
	if err != nil {
		return ""
	}
	return m.GetNamespace() + "/" + m.GetName()
}

// parsePath reads /api/v1[/namespaces/NS]/RES and
// /apis/GROUP/VERSION[/namespaces/NS]/RES.
func parsePath(p string) (group, ns, res string, ok bool) {
	parts := strings.Split(strings.Trim(p, "/"), "/")
	switch {
	case len(parts) >= 2 && parts[0] == "api" && parts[1] == "v1":
		parts = parts[2:]
	case len(parts) >= 3 && parts[0] == "apis":
		group = parts[1]
		parts = parts[3:]
	default:
		return "", "", "", false
	}
	switch len(parts) {
	case 1:
		return group, "", parts[0], true
	case 3:
		if parts[0] == "namespaces" {
			return group, parts[1], parts[2], true
		}
	}
	return "", "", "", false
}

func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	if r.URL.Path == "/version" && s.Version != "" {
		serveVersion(w, s.Version)
		return
	}
	group, ns, name, ok := parsePath(r.URL.Path)
	res, known := byName(name, group)
	if r.Method != http.MethodGet || !ok || !known || r.URL.Query().Get("watch") != "" {
		http.NotFound(w, r)
		return
	}
	q := r.URL.Query()
	req := Request{Resource: name, Namespace: ns, ResourceVersion: q.Get("resourceVersion"), Limit: q.Get("limit"),
		Continue: q.Get("continue"), FieldSelector: q.Get("fieldSelector"), LabelSelector: q.Get("labelSelector")}
	const protobuf = "application/vnd.kubernetes.protobuf"
	mediaType := "application/json"
	if strings.Contains(r.Header.Get("Accept"), protobuf) {
		mediaType = protobuf
	}
	req.Protobuf = mediaType == protobuf
	s.mu.Lock()
	s.requests = append(s.requests, req)
	s.mu.Unlock()

	gv := schema.GroupVersion{Group: res.group, Version: res.version}
	switch {
	case s.Forbidden[name], s.ForbiddenClusterWide[name] && ns == "" && !res.clusterScoped:
		writeStatus(w, apierrors.NewForbidden(gv.WithResource(name).GroupResource(), "", fmt.Errorf("livetest forbids it")))
		return
	case req.Continue != "" && req.ResourceVersion != "" && req.ResourceVersion != "0":
		// What the API server's storage answers.
		writeStatus(w, apierrors.NewBadRequest("specifying resource version is not allowed when using continue"))
		return
	}

	sel, err := fields.ParseSelector(req.FieldSelector)
	if err != nil {
		writeStatus(w, apierrors.NewBadRequest(err.Error()))
		return
	}
	for _, r := range sel.Requirements() {
		if _, ok := selectable(name, nil)[r.Field]; !ok {
			// What the API server answers for a field it cannot select on.
			writeStatus(w, apierrors.NewBadRequest(fmt.Sprintf("field label not supported: %s", r.Field)))
			return
		}
	}
	var items []runtime.Object
	for _, o := range s.byResource[name] {
		if (ns == "" || strings.HasPrefix(key(o), ns+"/")) && sel.Matches(selectable(name, o)) {
			items = append(items, o)
		}
	}
	start := 0
	if req.Continue != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(req.Continue, "page-at-"))
		if err != nil || n < 0 || n > len(items) {
			writeStatus(w, apierrors.NewBadRequest("invalid continue token"))
			return
		}
		start = n
	}
	end := len(items)
	limit, _ := strconv.Atoi(req.Limit)
	if limit > 0 && !(s.WholeAtRV0 && req.ResourceVersion == "0") && start+limit < end {
		end = start + limit
	}
	list, err := scheme.Scheme.New(gv.WithKind(res.kind + "List"))
	if err != nil {
		writeStatus(w, apierrors.NewInternalError(err))
		return
	}
	if err := meta.SetList(list, items[start:end]); err != nil {
		writeStatus(w, apierrors.NewInternalError(err))
		return
	}
	lm, _ := meta.ListAccessor(list)
	lm.SetResourceVersion("42")
	if end < len(items) {
		lm.SetContinue("page-at-" + strconv.Itoa(end))
	}
	info, _ := runtime.SerializerInfoForMediaType(scheme.Codecs.SupportedMediaTypes(), mediaType)
	w.Header().Set("Content-Type", mediaType)
	if err := scheme.Codecs.EncoderForVersion(info.Serializer, gv).Encode(list, w); err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
	}
}

// selectable is the fields a LIST of the resource can select on, as the
// API server offers them (every kind: metadata.name and
// metadata.namespace; pods and nodes: the fields their registries add),
// with o's values; o nil gives the names alone.
func selectable(resource string, o runtime.Object) fields.Set {
	set := fields.Set{"metadata.name": "", "metadata.namespace": ""}
	if m, err := meta.Accessor(o); o != nil && err == nil {
		set["metadata.name"], set["metadata.namespace"] = m.GetName(), m.GetNamespace()
	}
	switch resource {
	case "pods":
		p, _ := o.(*corev1.Pod)
		if p == nil {
			p = &corev1.Pod{}
		}
		set["spec.nodeName"] = p.Spec.NodeName
		set["spec.restartPolicy"] = string(p.Spec.RestartPolicy)
		set["spec.schedulerName"] = p.Spec.SchedulerName
		set["spec.serviceAccountName"] = p.Spec.ServiceAccountName
		set["spec.hostNetwork"] = strconv.FormatBool(p.Spec.HostNetwork)
		set["status.phase"] = string(p.Status.Phase)
		set["status.podIP"] = p.Status.PodIP
		set["status.nominatedNodeName"] = p.Status.NominatedNodeName
	case "nodes":
		n, _ := o.(*corev1.Node)
		if n == nil {
			n = &corev1.Node{}
		}
		set["spec.unschedulable"] = strconv.FormatBool(n.Spec.Unschedulable)
	}
	return set
}

func writeStatus(w http.ResponseWriter, err *apierrors.StatusError) {
	st := err.Status()
	st.APIVersion, st.Kind = "v1", "Status"
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(int(st.Code))
	json.NewEncoder(w).Encode(st)
}

// serveVersion answers GET /version as the API server does.
func serveVersion(w http.ResponseWriter, gitVersion string) {
	major, minor, _ := strings.Cut(strings.TrimPrefix(gitVersion, "v"), ".")
	minor, _, _ = strings.Cut(minor, ".")
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(version.Info{Major: major, Minor: minor, GitVersion: gitVersion})
}
