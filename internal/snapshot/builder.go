package snapshot

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	eventsv1 "k8s.io/api/events/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	storagev1 "k8s.io/api/storage/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/podwhy/podwhy/internal/fieldcheck"
)

const lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

// Builder collects objects from any number of sources. It is not safe for
// concurrent use.
type Builder struct {
	s      *Snapshot
	latest time.Time
	events map[string]*Event
	order  []string
	// byReason holds the keys of the distinct events kept for each
	// involved object and reason, to bound them (MaxEventsPerReason).
	byReason map[string][]string
	// seenEvents holds the identity of Event objects already added, so the
	// same event read from two files is counted once.
	seenEvents map[string]bool
	// unlisted is set while AddUnlisted adds an object.
	unlisted bool
}

// NewBuilder returns an empty builder.
func NewBuilder() *Builder {
	return &Builder{
		s: &Snapshot{
			kinds:      map[string]bool{},
			byKey:      map[string]any{},
			byUID:      map[types.UID]any{},
			SpecIssues: map[ObjectRef][]FieldIssue{},
			Logs:       map[string]string{},
		},
		events:     map[string]*Event{},
		byReason:   map[string][]string{},
		seenEvents: map[string]bool{},
	}
}

// MaxEventsPerReason bounds the distinct events (different messages) kept
// per involved object and reason; the newest are kept. Repeats of one
// message already fold into one event with a count, but a reason whose
// message changes every time (FailedScheduling's node counts, a probe's
// output) would otherwise grow without bound on a large, busy cluster,
// and rules read the newest.
var MaxEventsPerReason = 8

// Pods returns the pods added so far (for deciding which logs to fetch
// before the snapshot is built).
func (b *Builder) Pods() []*corev1.Pod { return b.s.Pods }

// MarkKind records that the input listed a kind, even when the list was
// empty, so that "no such ConfigMap" can be told from "ConfigMaps not
// collected".
func (b *Builder) MarkKind(kind string) { b.s.kinds[kind] = true }

// FromText marks the snapshot as rebuilt from pasted text; sketch pods are
// those known only from a get pods row.
func (b *Builder) FromText(sketches []string) {
	b.s.FromText = true
	if b.s.Sketches == nil {
		b.s.Sketches = map[string]bool{}
	}
	for _, k := range sketches {
		b.s.Sketches[k] = true
	}
}

// FromEventsAnnotation marks an object pasted text implied from its
// events alone: its spec was not shown.
const FromEventsAnnotation = "podwhy.dev/from-events"

// TextUIDPrefix starts the UIDs kubetext makes for objects text names but
// does not identify.
const TextUIDPrefix = "text:"

// SetAgeUnknown records pods whose age the text did not show (describe
// prints no creation time; a pending pod has no start time or events).
func (b *Builder) SetAgeUnknown(keys []string) {
	if b.s.AgeUnknown == nil {
		b.s.AgeUnknown = map[string]bool{}
	}
	for _, k := range keys {
		b.s.AgeUnknown[k] = true
	}
}

// SetHidden records the parts of a pod (namespace/name) text did not show.
func (b *Builder) SetHidden(key string, h Hidden) {
	if b.s.Hidden == nil {
		b.s.Hidden = map[string]Hidden{}
	}
	b.s.Hidden[key] |= h
}

// SetNodeAllocated records the requests a describe node output counted.
func (b *Builder) SetNodeAllocated(node string, req corev1.ResourceList) {
	if b.s.NodeAllocated == nil {
		b.s.NodeAllocated = map[string]corev1.ResourceList{}
	}
	b.s.NodeAllocated[node] = req
}

// SetOutside records what pods the input does not hold use of the
// cluster (a namespaced live run's sums of the other namespaces).
func (b *Builder) SetOutside(o *Outside) { b.s.Outside = o }

// Seen makes t count as a time found in the input, so Build's default
// "now" is no earlier than it (text inputs know their clock only so).
func (b *Builder) Seen(t time.Time) {
	if t.After(b.latest) {
		b.latest = t
	}
}

// OrphanPodEvents returns the events about pods the input has no object
// for, when it listed no pods at all (events pasted alone, -o yaml). A
// dump that listed pods has none: there, an event of a pod that is gone
// is only history.
func (b *Builder) OrphanPodEvents() []*Event {
	if b.s.kinds[KindPod] {
		return nil
	}
	have := map[string]bool{}
	for _, p := range b.s.Pods {
		have[p.Namespace+"/"+p.Name] = true
	}
	var out []*Event
	for _, k := range b.order {
		e, kept := b.events[k]
		if kept && e.Regarding.Kind == KindPod && !have[e.Regarding.Namespace+"/"+e.Regarding.Name] {
			out = append(out, e)
		}
	}
	return out
}

// Latest is the newest time the objects added so far hold.
func (b *Builder) Latest() time.Time { return b.latest }

// Note records something the input could not provide.
func (b *Builder) Note(n string) { b.s.Notes = append(b.s.Notes, n) }

// AddLog stores a container log excerpt.
func (b *Builder) AddLog(ns, pod, container string, previous bool, text string) {
	b.s.Logs[LogKey(ns, pod, container, previous)] = text
}

func (b *Builder) seen(t metav1.Time) {
	if t.Time.After(b.latest) {
		b.latest = t.Time
	}
}

// Add adds one decoded object. Objects of kinds the diagnosis does not use
// are ignored and reported as false. Big fields no rule reads
// (managedFields, last-applied configuration) are dropped here, so memory
// stays proportional to what matters.
func (b *Builder) Add(obj any) bool {
	switch o := obj.(type) {
	case *corev1.Pod:
		b.meta(KindPod, &o.ObjectMeta, o)
		for _, c := range o.Status.Conditions {
			b.seen(c.LastTransitionTime)
		}
		for _, cs := range append(append([]corev1.ContainerStatus{}, o.Status.ContainerStatuses...), o.Status.InitContainerStatuses...) {
			if t := cs.State.Terminated; t != nil {
				b.seen(t.FinishedAt)
			}
			if r := cs.State.Running; r != nil {
				b.seen(r.StartedAt)
			}
			if t := cs.LastTerminationState.Terminated; t != nil {
				b.seen(t.FinishedAt)
			}
		}
		b.s.Pods = append(b.s.Pods, o)
	case *corev1.Node:
		b.meta(KindNode, &o.ObjectMeta, o)
		for _, c := range o.Status.Conditions {
			b.seen(c.LastHeartbeatTime)
			b.seen(c.LastTransitionTime)
		}
		b.s.Nodes = append(b.s.Nodes, o)
	case *corev1.Event:
		b.listed(KindEvent)
		if OwnEvent(o) {
			// podwhy's own words, not the cluster's evidence.
			return false
		}
		if b.firstTime(o.Namespace, o.Name, o.ResourceVersion, o.Count, o.LastTimestamp.Time) {
			b.addCoreEvent(o)
		}
	case *eventsv1.Event:
		b.listed(KindEvent)
		if b.firstTime(o.Namespace, o.Name, o.ResourceVersion, o.DeprecatedCount, o.DeprecatedLastTimestamp.Time) {
			b.addEventsV1(o)
		}
	case *appsv1.ReplicaSet:
		b.meta(KindReplicaSet, &o.ObjectMeta, o)
		b.s.ReplicaSets = append(b.s.ReplicaSets, o)
	case *appsv1.Deployment:
		b.meta(KindDeployment, &o.ObjectMeta, o)
		for _, c := range o.Status.Conditions {
			b.seen(c.LastUpdateTime)
		}
		b.s.Deployments = append(b.s.Deployments, o)
	case *appsv1.StatefulSet:
		b.meta(KindStatefulSet, &o.ObjectMeta, o)
		b.s.StatefulSets = append(b.s.StatefulSets, o)
	case *appsv1.DaemonSet:
		b.meta(KindDaemonSet, &o.ObjectMeta, o)
		b.s.DaemonSets = append(b.s.DaemonSets, o)
	case *batchv1.Job:
		b.meta(KindJob, &o.ObjectMeta, o)
		for _, c := range o.Status.Conditions {
			b.seen(c.LastTransitionTime)
		}
		b.s.Jobs = append(b.s.Jobs, o)
	case *batchv1.CronJob:
		b.meta(KindCronJob, &o.ObjectMeta, o)
		b.s.CronJobs = append(b.s.CronJobs, o)
	case *corev1.PersistentVolumeClaim:
		b.meta(KindPVC, &o.ObjectMeta, o)
		b.s.PVCs = append(b.s.PVCs, o)
	case *corev1.PersistentVolume:
		b.meta(KindPV, &o.ObjectMeta, o)
		b.s.PVs = append(b.s.PVs, o)
	case *storagev1.StorageClass:
		b.meta(KindStorageClass, &o.ObjectMeta, o)
		b.s.StorageClasses = append(b.s.StorageClasses, o)
	case *corev1.ConfigMap:
		cm := &ConfigMap{Namespace: o.Namespace, Name: o.Name, UID: o.UID}
		for k := range o.Data {
			cm.Keys = append(cm.Keys, k)
		}
		for k := range o.BinaryData {
			cm.Keys = append(cm.Keys, k)
		}
		sort.Strings(cm.Keys)
		b.meta(KindConfigMap, &o.ObjectMeta, cm)
		b.s.ConfigMaps = append(b.s.ConfigMaps, cm)
	case *corev1.Secret:
		sec := SanitizeSecret(o)
		// The object's own fields may hold values (data, last-applied);
		// only the sanitized copy is kept.
		meta := metav1.ObjectMeta{Name: o.Name, Namespace: o.Namespace, UID: o.UID, CreationTimestamp: o.CreationTimestamp}
		b.meta(KindSecret, &meta, sec)
		b.s.Secrets = append(b.s.Secrets, sec)
	case *ConfigMap:
		b.meta(KindConfigMap, &metav1.ObjectMeta{Name: o.Name, Namespace: o.Namespace, UID: o.UID}, o)
		b.s.ConfigMaps = append(b.s.ConfigMaps, o)
	case *Secret:
		b.meta(KindSecret, &metav1.ObjectMeta{Name: o.Name, Namespace: o.Namespace, UID: o.UID}, o)
		b.s.Secrets = append(b.s.Secrets, o)
	case *corev1.ServiceAccount:
		b.meta(KindServiceAccount, &o.ObjectMeta, o)
		b.s.ServiceAccounts = append(b.s.ServiceAccounts, o)
	case *corev1.ResourceQuota:
		b.meta(KindResourceQuota, &o.ObjectMeta, o)
		b.s.ResourceQuotas = append(b.s.ResourceQuotas, o)
	case *corev1.LimitRange:
		b.meta(KindLimitRange, &o.ObjectMeta, o)
		b.s.LimitRanges = append(b.s.LimitRanges, o)
	case *corev1.Namespace:
		b.meta(KindNamespace, &o.ObjectMeta, o)
		b.s.Namespaces = append(b.s.Namespaces, o)
	case *corev1.Service:
		b.meta(KindService, &o.ObjectMeta, o)
		b.s.Services = append(b.s.Services, o)
	case *discoveryv1.EndpointSlice:
		b.meta(KindEndpointSlice, &o.ObjectMeta, o)
		b.s.EndpointSlices = append(b.s.EndpointSlices, o)
	case *rbacv1.Role:
		b.meta(KindRole, &o.ObjectMeta, o)
		b.s.Roles = append(b.s.Roles, o)
	case *rbacv1.ClusterRole:
		b.meta(KindClusterRole, &o.ObjectMeta, o)
		b.s.ClusterRoles = append(b.s.ClusterRoles, o)
	case *rbacv1.RoleBinding:
		b.meta(KindRoleBinding, &o.ObjectMeta, o)
		b.s.RoleBindings = append(b.s.RoleBindings, o)
	case *rbacv1.ClusterRoleBinding:
		b.meta(KindCRoleBinding, &o.ObjectMeta, o)
		b.s.ClusterRoleBindings = append(b.s.ClusterRoleBindings, o)
	default:
		return false
	}
	return true
}

// AddUnlisted adds an object without recording its kind as listed: text
// shows some objects of a kind, never all of them, so "not in the input"
// must not read as "does not exist".
func (b *Builder) AddUnlisted(obj any) bool {
	b.unlisted = true
	defer func() { b.unlisted = false }()
	return b.Add(obj)
}

// listed records that the input listed a kind (not for AddUnlisted).
func (b *Builder) listed(kind string) {
	if !b.unlisted {
		b.s.kinds[kind] = true
	}
}

func (b *Builder) meta(kind string, m *metav1.ObjectMeta, obj any) {
	b.listed(kind)
	b.seen(m.CreationTimestamp)
	// deletionTimestamp is not used for "now": it is set in the future
	// (deletion time plus grace period).
	// Written only when there is something to drop: podwhy serve hands
	// the builder the objects of its informers' caches, already stripped,
	// which other goroutines read.
	if m.ManagedFields != nil {
		m.ManagedFields = nil
	}
	if la, ok := m.Annotations[lastApplied]; ok {
		if issues := fieldcheck.Check(kind, []byte(la)); len(issues) > 0 {
			ref := ObjectRef{Kind: kind, Namespace: m.Namespace, Name: m.Name, UID: m.UID}
			for _, is := range issues {
				b.s.SpecIssues[ref] = append(b.s.SpecIssues[ref], FieldIssue{Path: is.Path, Suggestion: is.Suggestion})
			}
		}
		delete(m.Annotations, lastApplied)
	}
	key := kind + "/" + m.Namespace + "/" + m.Name
	b.s.byKey[key] = obj
	if m.UID != "" {
		b.s.byUID[m.UID] = obj
	}
}

// SanitizeSecret keeps a Secret's key names and registry hosts, never its
// values.
func SanitizeSecret(o *corev1.Secret) *Secret {
	sec := &Secret{Namespace: o.Namespace, Name: o.Name, UID: o.UID, Type: o.Type}
	for k := range o.Data {
		sec.Keys = append(sec.Keys, k)
	}
	for k := range o.StringData {
		sec.Keys = append(sec.Keys, k)
	}
	sort.Strings(sec.Keys)
	raw, key := o.Data[corev1.DockerConfigJsonKey], corev1.DockerConfigJsonKey
	if raw == nil {
		raw, key = o.Data[corev1.DockerConfigKey], corev1.DockerConfigKey
	}
	if raw == nil {
		if sd, ok := o.StringData[corev1.DockerConfigJsonKey]; ok {
			raw, key = []byte(sd), corev1.DockerConfigJsonKey
		}
	}
	if raw != nil {
		hosts, err := registryHosts(raw, key == corev1.DockerConfigKey)
		sec.RegistryHosts = hosts
		if err != "" {
			sec.DockerConfigError = err
		}
	} else if o.Type == corev1.SecretTypeDockerConfigJson {
		sec.DockerConfigError = "no " + corev1.DockerConfigJsonKey + " key"
	}
	return sec
}

func registryHosts(raw []byte, legacy bool) ([]string, string) {
	var auths map[string]json.RawMessage
	if legacy {
		if err := json.Unmarshal(raw, &auths); err != nil {
			return nil, "not valid JSON"
		}
	} else {
		var cfg struct {
			Auths map[string]json.RawMessage `json:"auths"`
		}
		if err := json.Unmarshal(raw, &cfg); err != nil {
			// kubectl prints data base64-encoded; a dump that kept it so
			// (YAML read as strings) is decoded once more.
			dec, derr := base64.StdEncoding.DecodeString(strings.TrimSpace(string(raw)))
			if derr != nil || json.Unmarshal(dec, &cfg) != nil {
				return nil, "not valid JSON"
			}
		}
		if cfg.Auths == nil {
			return nil, "no \"auths\" entry"
		}
		auths = cfg.Auths
	}
	var hosts []string
	seen := map[string]bool{}
	for h := range auths {
		n := NormalizeRegistryHost(h)
		if !seen[n] {
			seen[n] = true
			hosts = append(hosts, n)
		}
	}
	sort.Strings(hosts)
	return hosts, ""
}

func timeOf(ts ...metav1.Time) time.Time {
	for _, t := range ts {
		if !t.IsZero() {
			return t.Time
		}
	}
	return time.Time{}
}

func (b *Builder) addCoreEvent(e *corev1.Event) { b.addEvent(CoreEvent(e)) }

// Component is the event source podwhy writes Events as (serve
// --emit-events).
const Component = "podwhy"

// OwnEvent reports whether podwhy wrote e: a diagnosis never reads it as
// evidence, or serve would find its own findings again.
func OwnEvent(e *corev1.Event) bool {
	return e.Source.Component == Component || e.ReportingController == Component
}

// CoreEvent converts a core/v1 Event; AddEvent then adds it as Add would
// have (podwhy serve converts only the namespaces it re-diagnoses).
func CoreEvent(e *corev1.Event) *Event {
	ev := &Event{
		Namespace: e.Namespace,
		Regarding: ObjectRef{Kind: e.InvolvedObject.Kind, Namespace: e.InvolvedObject.Namespace, Name: e.InvolvedObject.Name, UID: e.InvolvedObject.UID},
		FieldPath: e.InvolvedObject.FieldPath,
		Type:      e.Type,
		Reason:    e.Reason,
		Message:   e.Message,
		Source:    e.Source.Component,
		Host:      e.Source.Host,
		Count:     e.Count,
	}
	if ev.Source == "" {
		ev.Source = e.ReportingController
	}
	if ev.Host == "" && ev.Source == "kubelet" {
		ev.Host = e.ReportingInstance
	}
	et := metav1.Time{Time: e.EventTime.Time}
	ev.First = timeOf(e.FirstTimestamp, et, e.CreationTimestamp)
	ev.Last = timeOf(e.LastTimestamp, et, e.FirstTimestamp, e.CreationTimestamp)
	if s := e.Series; s != nil {
		if s.Count > ev.Count {
			ev.Count = s.Count
		}
		if lt := s.LastObservedTime.Time; lt.After(ev.Last) {
			ev.Last = lt
		}
	}
	return ev
}

func (b *Builder) addEventsV1(e *eventsv1.Event) {
	ev := &Event{
		Namespace: e.Namespace,
		Regarding: ObjectRef{Kind: e.Regarding.Kind, Namespace: e.Regarding.Namespace, Name: e.Regarding.Name, UID: e.Regarding.UID},
		FieldPath: e.Regarding.FieldPath,
		Type:      e.Type,
		Reason:    e.Reason,
		Message:   e.Note,
		Source:    e.ReportingController,
		Host:      e.DeprecatedSource.Host,
		Count:     e.DeprecatedCount,
	}
	if ev.Source == "" {
		ev.Source = e.DeprecatedSource.Component
	}
	et := metav1.Time{Time: e.EventTime.Time}
	ev.First = timeOf(e.DeprecatedFirstTimestamp, et, e.CreationTimestamp)
	ev.Last = timeOf(e.DeprecatedLastTimestamp, et, e.CreationTimestamp)
	if s := e.Series; s != nil {
		if s.Count > ev.Count {
			ev.Count = s.Count
		}
		if lt := s.LastObservedTime.Time; lt.After(ev.Last) {
			ev.Last = lt
		}
	}
	b.addEvent(ev)
}

// firstTime reports whether an Event object is seen for the first time.
// Objects without a name (pasted text) are always new.
func (b *Builder) firstTime(ns, name, rv string, count int32, last time.Time) bool {
	if name == "" {
		return true
	}
	k := fmt.Sprintf("%s/%s/%s/%d/%d", ns, name, rv, count, last.UnixNano())
	if b.seenEvents[k] {
		return false
	}
	b.seenEvents[k] = true
	return true
}

// combinedPrefix is what the event correlator puts in front of a message
// it aggregated from similar ones.
const combinedPrefix = "(combined from similar events): "

// AddEvent adds a converted event (text inputs, CoreEvent); the builder
// normalizes it and folds repeats into it.
func (b *Builder) AddEvent(ev *Event) {
	b.listed(KindEvent)
	b.addEvent(ev)
}

// AddEventUnlisted is AddEvent for a listing not yet complete (see
// AddUnlisted).
func (b *Builder) AddEventUnlisted(ev *Event) {
	b.unlisted = true
	defer func() { b.unlisted = false }()
	b.AddEvent(ev)
}

func (b *Builder) addEvent(ev *Event) {
	ev.Message = strings.TrimPrefix(ev.Message, combinedPrefix)
	if ev.Count < 1 {
		ev.Count = 1
	}
	if ev.First.IsZero() || (!ev.Last.IsZero() && ev.Last.Before(ev.First)) {
		ev.First = ev.Last
	}
	if ev.Last.After(b.latest) {
		b.latest = ev.Last
	}
	if ev.Regarding.Namespace == "" && ev.Regarding.Kind != KindNode {
		ev.Regarding.Namespace = ev.Namespace
	}
	// Repeats of one occurrence (same object, reason and text) fold into
	// one event; the same event from two inputs is counted once.
	key := string(ev.Regarding.UID) + "|" + ev.Regarding.key() + "|" + ev.FieldPath + "|" + ev.Type + "|" + ev.Reason + "|" + ev.Message
	if old, ok := b.events[key]; ok {
		old.Count += ev.Count
		if ev.First.Before(old.First) {
			old.First = ev.First
		}
		if ev.Last.After(old.Last) {
			old.Last = ev.Last
		}
		return
	}
	b.events[key] = ev
	b.order = append(b.order, key)
	rk := string(ev.Regarding.UID) + "|" + ev.Regarding.key() + "|" + ev.Reason
	keys := append(b.byReason[rk], key)
	if len(keys) > MaxEventsPerReason {
		oldest := 0
		for i, k := range keys {
			if b.events[k].Last.Before(b.events[keys[oldest]].Last) {
				oldest = i
			}
		}
		delete(b.events, keys[oldest])
		keys = append(keys[:oldest], keys[oldest+1:]...)
	}
	b.byReason[rk] = keys
}

// Build freezes the snapshot. now is the reference time for ages; when
// zero, the newest timestamp found in the input is used, so that the
// diagnosis of a dump does not change as the dump grows old.
func (b *Builder) Build(now time.Time) *Snapshot {
	s := b.s
	if now.IsZero() {
		now = b.latest
	}
	if now.IsZero() {
		now = time.Now()
	}
	s.Now = now.UTC()

	// Later objects replace earlier ones with the same key (the same pod in
	// two files of a dump).
	s.Pods = dedupe(s.Pods, func(p *corev1.Pod) string { return KindPod + "/" + p.Namespace + "/" + p.Name }, s)
	s.Nodes = dedupe(s.Nodes, func(p *corev1.Node) string { return KindNode + "//" + p.Name }, s)
	s.ReplicaSets = dedupe(s.ReplicaSets, func(p *appsv1.ReplicaSet) string { return KindReplicaSet + "/" + p.Namespace + "/" + p.Name }, s)
	s.Deployments = dedupe(s.Deployments, func(p *appsv1.Deployment) string { return KindDeployment + "/" + p.Namespace + "/" + p.Name }, s)
	s.StatefulSets = dedupe(s.StatefulSets, func(p *appsv1.StatefulSet) string { return KindStatefulSet + "/" + p.Namespace + "/" + p.Name }, s)
	s.DaemonSets = dedupe(s.DaemonSets, func(p *appsv1.DaemonSet) string { return KindDaemonSet + "/" + p.Namespace + "/" + p.Name }, s)
	s.Jobs = dedupe(s.Jobs, func(p *batchv1.Job) string { return KindJob + "/" + p.Namespace + "/" + p.Name }, s)
	s.CronJobs = dedupe(s.CronJobs, func(p *batchv1.CronJob) string { return KindCronJob + "/" + p.Namespace + "/" + p.Name }, s)
	s.PVCs = dedupe(s.PVCs, func(p *corev1.PersistentVolumeClaim) string { return KindPVC + "/" + p.Namespace + "/" + p.Name }, s)
	s.PVs = dedupe(s.PVs, func(p *corev1.PersistentVolume) string { return KindPV + "//" + p.Name }, s)
	s.StorageClasses = dedupe(s.StorageClasses, func(p *storagev1.StorageClass) string { return KindStorageClass + "//" + p.Name }, s)
	s.ConfigMaps = dedupe(s.ConfigMaps, func(p *ConfigMap) string { return KindConfigMap + "/" + p.Namespace + "/" + p.Name }, s)
	s.Secrets = dedupe(s.Secrets, func(p *Secret) string { return KindSecret + "/" + p.Namespace + "/" + p.Name }, s)
	s.ServiceAccounts = dedupe(s.ServiceAccounts, func(p *corev1.ServiceAccount) string { return KindServiceAccount + "/" + p.Namespace + "/" + p.Name }, s)
	s.ResourceQuotas = dedupe(s.ResourceQuotas, func(p *corev1.ResourceQuota) string { return KindResourceQuota + "/" + p.Namespace + "/" + p.Name }, s)
	s.LimitRanges = dedupe(s.LimitRanges, func(p *corev1.LimitRange) string { return KindLimitRange + "/" + p.Namespace + "/" + p.Name }, s)
	s.Namespaces = dedupe(s.Namespaces, func(p *corev1.Namespace) string { return KindNamespace + "//" + p.Name }, s)
	s.Services = dedupe(s.Services, func(p *corev1.Service) string { return KindService + "/" + p.Namespace + "/" + p.Name }, s)
	s.EndpointSlices = dedupe(s.EndpointSlices, func(p *discoveryv1.EndpointSlice) string {
		return KindEndpointSlice + "/" + p.Namespace + "/" + p.Name
	}, s)
	s.Roles = dedupe(s.Roles, func(p *rbacv1.Role) string { return KindRole + "/" + p.Namespace + "/" + p.Name }, s)
	s.ClusterRoles = dedupe(s.ClusterRoles, func(p *rbacv1.ClusterRole) string { return KindClusterRole + "//" + p.Name }, s)
	s.RoleBindings = dedupe(s.RoleBindings, func(p *rbacv1.RoleBinding) string { return KindRoleBinding + "/" + p.Namespace + "/" + p.Name }, s)
	s.ClusterRoleBindings = dedupe(s.ClusterRoleBindings, func(p *rbacv1.ClusterRoleBinding) string { return KindCRoleBinding + "//" + p.Name }, s)

	s.podsNode = map[string][]*corev1.Pod{}
	s.podsNS = map[string][]*corev1.Pod{}
	s.podsOwner = map[types.UID][]*corev1.Pod{}
	for _, p := range s.Pods {
		if p.Spec.NodeName != "" {
			s.podsNode[p.Spec.NodeName] = append(s.podsNode[p.Spec.NodeName], p)
		}
		s.podsNS[p.Namespace] = append(s.podsNS[p.Namespace], p)
		if c := metav1.GetControllerOf(p); c != nil {
			uid := c.UID
			if strings.HasPrefix(string(uid), TextUIDPrefix) {
				// A pod from pasted text names its controller; when the
				// controller itself came from a dump, link by name.
				if o, ok := s.byKey[c.Kind+"/"+p.Namespace+"/"+c.Name]; ok {
					if m, ok := o.(metav1.Object); ok && m.GetUID() != "" {
						uid = m.GetUID()
					}
				}
			}
			s.podsOwner[uid] = append(s.podsOwner[uid], p)
		}
	}

	s.events = map[string][]*Event{}
	s.Events = make([]*Event, 0, len(b.order))
	for _, k := range b.order {
		ev, kept := b.events[k]
		if !kept {
			continue // evicted by MaxEventsPerReason
		}
		s.Events = append(s.Events, ev)
		if ev.Regarding.UID != "" {
			s.events["uid:"+string(ev.Regarding.UID)] = append(s.events["uid:"+string(ev.Regarding.UID)], ev)
		}
		s.events["key:"+ev.Regarding.key()] = append(s.events["key:"+ev.Regarding.key()], ev)
	}
	b.events = nil
	b.order = nil
	b.byReason = nil
	b.seenEvents = nil
	return s
}

// dedupe keeps the last object for each key, in first-seen order, and
// makes the lookup indexes point at the kept one.
func dedupe[T any](in []T, key func(T) string, s *Snapshot) []T {
	if len(in) < 2 {
		return in
	}
	pos := make(map[string]int, len(in))
	out := in[:0]
	for _, o := range in {
		k := key(o)
		if i, ok := pos[k]; ok {
			out[i] = o
			continue
		}
		pos[k] = len(out)
		out = append(out, o)
	}
	for k, i := range pos {
		s.byKey[k] = out[i]
	}
	return out
}
