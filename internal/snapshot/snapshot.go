// Package snapshot holds an immutable, indexed, in-memory view of the
// cluster objects a diagnosis needs. Every input (live cluster, dump files,
// pasted text) is turned into a Snapshot, and rules read only from it, so
// the same pod yields the same finding whatever the input was.
package snapshot

import (
	"sort"
	"strings"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	storagev1 "k8s.io/api/storage/v1"
	"k8s.io/apimachinery/pkg/types"
)

// Kind names used for Snapshot.Has and ObjectRef.Kind.
const (
	KindPod             = "Pod"
	KindNode            = "Node"
	KindEvent           = "Event"
	KindReplicaSet      = "ReplicaSet"
	KindDeployment      = "Deployment"
	KindStatefulSet     = "StatefulSet"
	KindDaemonSet       = "DaemonSet"
	KindJob             = "Job"
	KindCronJob         = "CronJob"
	KindPVC             = "PersistentVolumeClaim"
	KindPV              = "PersistentVolume"
	KindStorageClass    = "StorageClass"
	KindConfigMap       = "ConfigMap"
	KindSecret          = "Secret"
	KindServiceAccount  = "ServiceAccount"
	KindResourceQuota   = "ResourceQuota"
	KindLimitRange      = "LimitRange"
	KindNamespace       = "Namespace"
	KindService         = "Service"
	KindReplicationCtrl = "ReplicationController"
	KindEndpointSlice   = "EndpointSlice"
	KindRole            = "Role"
	KindClusterRole     = "ClusterRole"
	KindRoleBinding     = "RoleBinding"
	KindCRoleBinding    = "ClusterRoleBinding"
)

// ObjectRef names one object. UID may be empty when the source did not
// carry it (pasted text, old events).
type ObjectRef struct {
	Kind      string    `json:"kind"`
	Namespace string    `json:"namespace,omitempty"`
	Name      string    `json:"name"`
	UID       types.UID `json:"uid,omitempty"`
}

func (r ObjectRef) key() string { return r.Kind + "/" + r.Namespace + "/" + r.Name }

// Event is a core/v1 or events.k8s.io/v1 event with repeats folded in.
type Event struct {
	Namespace string
	Regarding ObjectRef
	FieldPath string
	Type      string // Normal or Warning
	Reason    string
	Message   string
	Source    string // reporting component: kubelet, default-scheduler, …
	Host      string // node that reported it, when known
	Count     int32
	First     time.Time
	Last      time.Time
	// Untimed: the input showed no time for it (one pasted message); First
	// and Last are the snapshot's time so that rules see it as current,
	// but no report may print them as observed.
	Untimed bool
}

// ConfigMap keeps only what a diagnosis may show: its name and key names.
type ConfigMap struct {
	Namespace string
	Name      string
	UID       types.UID
	Keys      []string
}

// Secret keeps the key names and, for docker registry secrets, the registry
// hosts it has credentials for. Values never enter the snapshot.
type Secret struct {
	Namespace     string
	Name          string
	UID           types.UID
	Type          corev1.SecretType
	Keys          []string
	RegistryHosts []string
	// DockerConfigError says why a docker config secret could not be read,
	// e.g. invalid base64 or JSON; empty when it was fine.
	DockerConfigError string
}

// FieldIssue is a field in an object's last-applied configuration that the
// API type does not know, so the API server dropped it silently.
type FieldIssue struct {
	Path       string // as decoded: spec.template.spec.command
	Suggestion string // where the field belongs, if found: spec.template.spec.containers[0].command
}

// Snapshot is read-only after Build.
type Snapshot struct {
	Now time.Time

	Pods            []*corev1.Pod
	Nodes           []*corev1.Node
	Events          []*Event
	ReplicaSets     []*appsv1.ReplicaSet
	Deployments     []*appsv1.Deployment
	StatefulSets    []*appsv1.StatefulSet
	DaemonSets      []*appsv1.DaemonSet
	Jobs            []*batchv1.Job
	CronJobs        []*batchv1.CronJob
	PVCs            []*corev1.PersistentVolumeClaim
	PVs             []*corev1.PersistentVolume
	StorageClasses  []*storagev1.StorageClass
	ConfigMaps      []*ConfigMap
	Secrets         []*Secret
	ServiceAccounts []*corev1.ServiceAccount
	ResourceQuotas  []*corev1.ResourceQuota
	LimitRanges     []*corev1.LimitRange
	Namespaces      []*corev1.Namespace
	Services        []*corev1.Service
	// EndpointSlices say which of a Service's pods receive its traffic;
	// the RBAC objects, what a ServiceAccount may do (cause chains).
	EndpointSlices      []*discoveryv1.EndpointSlice
	Roles               []*rbacv1.Role
	ClusterRoles        []*rbacv1.ClusterRole
	RoleBindings        []*rbacv1.RoleBinding
	ClusterRoleBindings []*rbacv1.ClusterRoleBinding

	// SpecIssues are unknown fields found in last-applied configurations,
	// keyed by the object they were found on.
	SpecIssues map[ObjectRef][]FieldIssue

	// Logs holds container logs when the input carried them (keyed by
	// namespace/pod/container; the previous instance under …/previous).
	Logs map[string]string

	// Notes are things the input could not provide, e.g. a forbidden LIST,
	// shown in the report so the reader knows what was not checked.
	Notes []string

	// FromText is set when objects were rebuilt from pasted kubectl text
	// (describe, get tables, a bare message): what is missing is then
	// asked for as text to paste, and findings carry less confidence.
	FromText bool
	// Sketches are pods known only from a get pods row (namespace/name):
	// their STATUS column, nothing that proves a cause.
	Sketches map[string]bool
	// AgeUnknown are pods (namespace/name) whose age the text did not
	// show: the startup grace cannot be applied to them.
	AgeUnknown map[string]bool
	// Hidden are the parts of a pod (namespace/name) that the text did
	// not show: a rule must not read their zero values as facts.
	Hidden map[string]Hidden
	// NodeAllocated is what kubectl describe node printed under "Allocated
	// resources" when the node's pods themselves are not in the input.
	NodeAllocated map[string]corev1.ResourceList
	// Outside is what the pods of other namespaces add to the evidence
	// about an unscheduled pod, when a namespaced live run summed them up
	// instead of holding them; nil when the input held every pod it had.
	Outside *Outside

	kinds map[string]bool

	byKey     map[string]any
	byUID     map[types.UID]any
	events    map[string][]*Event // by regarding UID, and by kind/ns/name
	podsNode  map[string][]*corev1.Pod
	podsNS    map[string][]*corev1.Pod
	podsOwner map[types.UID][]*corev1.Pod
}

// Outside sums up scheduled, unfinished pods that a snapshot does not
// hold: what the scheduler counts of them on each node, the host ports
// they hold, which schedulers placed them, and the state of kube-system's
// kube-scheduler pods. That is all an unscheduled pod's evidence reads of
// other namespaces (see diagnose.CountOutside, which fills it).
type Outside struct {
	// Requests per node, as the scheduler sums a pod (podRequests).
	Requests map[string]corev1.ResourceList
	// Pods per node: each takes one of the node's "pods" allocatable.
	Pods map[string]int
	// HostPorts held, in the order the pods were listed.
	HostPorts []HostPort
	// Schedulers counts the pods each scheduler (spec.schedulerName)
	// placed. Finished pods are not listed, so a custom scheduler whose
	// pods have all finished counts none here, where a whole cluster's
	// pods would show it has worked.
	Schedulers map[string]int
	// SchedulerPods are kube-system's kube-scheduler pods, with their
	// status in kubectl's words and whether they are Ready.
	SchedulerPods []PodState
}

// Add adds other's sums and lists to o's.
func (o *Outside) Add(other *Outside) {
	if other == nil {
		return
	}
	if o.Requests == nil {
		o.Requests, o.Pods, o.Schedulers = map[string]corev1.ResourceList{}, map[string]int{}, map[string]int{}
	}
	for node, l := range other.Requests {
		sum := o.Requests[node]
		if sum == nil {
			sum = corev1.ResourceList{}
			o.Requests[node] = sum
		}
		for k, v := range l {
			q := sum[k]
			q.Add(v)
			sum[k] = q
		}
	}
	for node, n := range other.Pods {
		o.Pods[node] += n
	}
	for s, n := range other.Schedulers {
		o.Schedulers[s] += n
	}
	o.HostPorts = append(o.HostPorts, other.HostPorts...)
	o.SchedulerPods = append(o.SchedulerPods, other.SchedulerPods...)
}

// HostPort is one host port a pod holds on its node.
type HostPort struct {
	Namespace, Pod, Node string
	Port                 int32
	Protocol             corev1.Protocol
}

// PodState is a pod known by its name and status alone.
type PodState struct {
	Ref    ObjectRef
	Status string
	Ready  bool
}

// Hidden says which parts of a pod pasted text did not show.
type Hidden uint8

const (
	// HiddenRestarts: the restart count was not shown.
	HiddenRestarts Hidden = 1 << iota
	// HiddenExit: how the last instance ended (exit code, reason) was not
	// shown.
	HiddenExit
	// HiddenSpec: the containers' spec (image, resources, probes, env,
	// volumes, pull secrets) was not shown.
	HiddenSpec
	// HiddenEvents: the pod's events were not shown (a get pods row, a
	// describe cut before its Events).
	HiddenEvents
)

// IsHidden reports whether the text hid that part of a pod.
func (s *Snapshot) IsHidden(ns, name string, h Hidden) bool {
	if len(s.Hidden) == 0 {
		// Dumps and live clusters show every field: no key to build.
		return false
	}
	return s.Hidden[ns+"/"+name]&h != 0
}

// IsSketch reports a pod known only from a get pods row.
func (s *Snapshot) IsSketch(ns, name string) bool { return s.Sketches[ns+"/"+name] }

// Has reports whether the input contained the given kind at all (even an
// empty list). Rules use it to tell "object missing" from "not collected".
func (s *Snapshot) Has(kind string) bool { return s.kinds[kind] }

// Kinds lists the kinds the input contained, sorted.
func (s *Snapshot) Kinds() []string {
	out := make([]string, 0, len(s.kinds))
	for k := range s.kinds {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func lookup[T any](s *Snapshot, kind, ns, name string) T {
	var zero T
	if v, ok := s.byKey[kind+"/"+ns+"/"+name]; ok {
		if t, ok := v.(T); ok {
			return t
		}
	}
	return zero
}

func (s *Snapshot) Pod(ns, name string) *corev1.Pod { return lookup[*corev1.Pod](s, KindPod, ns, name) }
func (s *Snapshot) Node(name string) *corev1.Node   { return lookup[*corev1.Node](s, KindNode, "", name) }
func (s *Snapshot) ReplicaSet(ns, name string) *appsv1.ReplicaSet {
	return lookup[*appsv1.ReplicaSet](s, KindReplicaSet, ns, name)
}
func (s *Snapshot) Deployment(ns, name string) *appsv1.Deployment {
	return lookup[*appsv1.Deployment](s, KindDeployment, ns, name)
}
func (s *Snapshot) StatefulSet(ns, name string) *appsv1.StatefulSet {
	return lookup[*appsv1.StatefulSet](s, KindStatefulSet, ns, name)
}
func (s *Snapshot) DaemonSet(ns, name string) *appsv1.DaemonSet {
	return lookup[*appsv1.DaemonSet](s, KindDaemonSet, ns, name)
}
func (s *Snapshot) Job(ns, name string) *batchv1.Job {
	return lookup[*batchv1.Job](s, KindJob, ns, name)
}
func (s *Snapshot) CronJob(ns, name string) *batchv1.CronJob {
	return lookup[*batchv1.CronJob](s, KindCronJob, ns, name)
}
func (s *Snapshot) PVC(ns, name string) *corev1.PersistentVolumeClaim {
	return lookup[*corev1.PersistentVolumeClaim](s, KindPVC, ns, name)
}
func (s *Snapshot) PV(name string) *corev1.PersistentVolume {
	return lookup[*corev1.PersistentVolume](s, KindPV, "", name)
}
func (s *Snapshot) StorageClass(name string) *storagev1.StorageClass {
	return lookup[*storagev1.StorageClass](s, KindStorageClass, "", name)
}
func (s *Snapshot) ConfigMap(ns, name string) *ConfigMap {
	return lookup[*ConfigMap](s, KindConfigMap, ns, name)
}
func (s *Snapshot) Secret(ns, name string) *Secret { return lookup[*Secret](s, KindSecret, ns, name) }
func (s *Snapshot) ServiceAccount(ns, name string) *corev1.ServiceAccount {
	return lookup[*corev1.ServiceAccount](s, KindServiceAccount, ns, name)
}
func (s *Snapshot) Namespace(name string) *corev1.Namespace {
	return lookup[*corev1.Namespace](s, KindNamespace, "", name)
}

func (s *Snapshot) Service(ns, name string) *corev1.Service {
	return lookup[*corev1.Service](s, KindService, ns, name)
}

// ServiceByIP is the Service whose cluster IP is ip, if any.
func (s *Snapshot) ServiceByIP(ip string) *corev1.Service {
	for _, svc := range s.Services {
		if svc.Spec.ClusterIP == ip {
			return svc
		}
		for _, x := range svc.Spec.ClusterIPs {
			if x == ip {
				return svc
			}
		}
	}
	return nil
}

// PodByIP is the running pod with that IP, if any.
func (s *Snapshot) PodByIP(ip string) *corev1.Pod {
	for _, p := range s.Pods {
		if p.Spec.HostNetwork || p.Status.Phase == corev1.PodSucceeded || p.Status.Phase == corev1.PodFailed {
			continue
		}
		for _, x := range p.Status.PodIPs {
			if x.IP == ip {
				return p
			}
		}
		if p.Status.PodIP == ip {
			return p
		}
	}
	return nil
}

// EventsFor returns the events about one object, newest last. It matches by
// UID, and by kind/namespace/name for events that carry no UID or were
// recorded against an earlier object of the same name.
func (s *Snapshot) EventsFor(ref ObjectRef) []*Event {
	var out []*Event
	seen := map[*Event]bool{}
	if ref.UID != "" {
		for _, e := range s.events["uid:"+string(ref.UID)] {
			seen[e] = true
			out = append(out, e)
		}
	}
	for _, e := range s.events["key:"+ref.key()] {
		if seen[e] {
			continue
		}
		// An event for a previous object with the same name (a pod replaced
		// by its StatefulSet) must not be attributed to this one.
		if ref.UID != "" && e.Regarding.UID != "" && e.Regarding.UID != ref.UID {
			continue
		}
		out = append(out, e)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Last.Before(out[j].Last) })
	return out
}

// WarningEvents returns every Warning event, oldest first.
func (s *Snapshot) WarningEvents() []*Event {
	var out []*Event
	for k, evs := range s.events {
		if !strings.HasPrefix(k, "key:") {
			continue
		}
		for _, e := range evs {
			if e.Type == "Warning" {
				out = append(out, e)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Last.Equal(out[j].Last) {
			return out[i].Last.Before(out[j].Last)
		}
		a, b := out[i].Regarding.key()+out[i].Reason+out[i].Message, out[j].Regarding.key()+out[j].Reason+out[j].Message
		return a < b
	})
	return out
}

// PodsOnNode returns the pods bound to a node.
func (s *Snapshot) PodsOnNode(node string) []*corev1.Pod { return s.podsNode[node] }

// PodsInNamespace returns the pods of one namespace.
func (s *Snapshot) PodsInNamespace(ns string) []*corev1.Pod { return s.podsNS[ns] }

// PodsOwnedBy returns the pods whose controller is the object with that UID.
func (s *Snapshot) PodsOwnedBy(uid types.UID) []*corev1.Pod { return s.podsOwner[uid] }

// NamespaceList returns the namespaces that have any object in the snapshot.
func (s *Snapshot) NamespaceList() []string {
	set := map[string]bool{}
	for ns := range s.podsNS {
		set[ns] = true
	}
	for _, n := range s.Namespaces {
		set[n.Name] = true
	}
	out := make([]string, 0, len(set))
	for ns := range set {
		out = append(out, ns)
	}
	sort.Strings(out)
	return out
}

// LogKey is the key of Snapshot.Logs.
func LogKey(ns, pod, container string, previous bool) string {
	k := ns + "/" + pod + "/" + container
	if previous {
		k += "/previous"
	}
	return k
}

// NormalizeRegistryHost turns the keys found in docker config files
// ("https://index.docker.io/v1/", "registry.example.com:5000/v2") into the
// host part an image reference uses.
func NormalizeRegistryHost(h string) string {
	h = strings.TrimSpace(strings.ToLower(h))
	h = strings.TrimPrefix(h, "https://")
	h = strings.TrimPrefix(h, "http://")
	if i := strings.IndexByte(h, '/'); i >= 0 {
		h = h[:i]
	}
	switch h {
	case "index.docker.io", "registry-1.docker.io", "registry.hub.docker.com":
		return "docker.io"
	}
	return h
}
