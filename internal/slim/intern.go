package slim

import (
	"sort"
	"strings"
	"sync"
	"unique"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// Strings that repeat across thousands of objects (namespaces, node and
// owner names, images, labels, reasons) are decoded as a fresh copy each
// time; in a cache of 100,000 pods and their events the copies add up to
// tens of megabytes. intern makes every equal string share one copy.
func intern(s *string) {
	if *s != "" {
		*s = unique.Make(*s).Value()
	}
}

func internMeta(m *metav1.ObjectMeta) {
	intern(&m.Namespace)
	intern(&m.GenerateName)
	if len(m.Labels) > 0 {
		labels := make(map[string]string, len(m.Labels))
		for k, v := range m.Labels {
			labels[unique.Make(k).Value()] = unique.Make(v).Value()
		}
		m.Labels = labels
	}
	for i := range m.OwnerReferences {
		r := &m.OwnerReferences[i]
		intern(&r.APIVersion)
		intern(&r.Kind)
		intern(&r.Name)
	}
}

func internPod(p *corev1.Pod) {
	internMeta(&p.ObjectMeta)
	intern(&p.Spec.NodeName)
	intern(&p.Spec.SchedulerName)
	intern(&p.Spec.ServiceAccountName)
	intern(&p.Spec.PriorityClassName)
	for _, cs := range [][]corev1.Container{p.Spec.InitContainers, p.Spec.Containers} {
		for i := range cs {
			intern(&cs[i].Name)
			intern(&cs[i].Image)
		}
		internResources(cs)
	}
	intern(&p.Status.HostIP)
	intern(&p.Status.Reason)
	for i := range p.Status.Conditions {
		c := &p.Status.Conditions[i]
		intern(&c.Reason)
		intern(&c.Message)
	}
	for _, cs := range [][]corev1.ContainerStatus{p.Status.InitContainerStatuses, p.Status.ContainerStatuses} {
		for i := range cs {
			intern(&cs[i].Name)
			intern(&cs[i].Image)
			intern(&cs[i].ImageID)
			if w := cs[i].State.Waiting; w != nil {
				intern(&w.Reason)
				intern(&w.Message)
			}
			if t := cs[i].LastTerminationState.Terminated; t != nil {
				intern(&t.Reason)
			}
		}
	}
}

func internEvent(e *corev1.Event) {
	intern(&e.Namespace)
	r := &e.InvolvedObject
	intern(&r.Kind)
	intern(&r.Namespace)
	intern(&r.Name)
	intern(&r.APIVersion)
	intern(&r.FieldPath)
	intern(&e.Reason)
	intern(&e.Message)
	intern(&e.Type)
	intern(&e.Source.Component)
	intern(&e.Source.Host)
	intern(&e.ReportingController)
	intern(&e.ReportingInstance)
}

// resourceLists holds one map per distinct requests or limits: thousands
// of pods of one Deployment carry the same few, and a ResourceList is a
// map of Quantities, about 300 bytes each. Objects in a cache are never
// modified, so they can share the map; its Quantities have their string
// form computed up front, because String() fills it in on first use and
// concurrent readers must not write.
var resourceLists = struct {
	sync.Mutex
	m map[string]corev1.ResourceList
}{m: map[string]corev1.ResourceList{}}

// maxResourceLists bounds the table: a cluster has far fewer distinct
// resource settings than this; past it, lists are left as they are.
const maxResourceLists = 1 << 14

func internResourceList(l corev1.ResourceList) corev1.ResourceList {
	if len(l) == 0 {
		return l
	}
	names := make([]string, 0, len(l))
	for n := range l {
		names = append(names, string(n))
	}
	sort.Strings(names)
	var key strings.Builder
	for _, n := range names {
		q := l[corev1.ResourceName(n)]
		key.WriteString(n)
		key.WriteByte('=')
		key.WriteString(q.String())
		key.WriteByte(',')
	}
	resourceLists.Lock()
	defer resourceLists.Unlock()
	if shared, ok := resourceLists.m[key.String()]; ok {
		return shared
	}
	if len(resourceLists.m) >= maxResourceLists {
		return l
	}
	shared := make(corev1.ResourceList, len(l))
	for n, q := range l {
		q = q.DeepCopy()
		_ = q.String()
		shared[n] = q
	}
	resourceLists.m[key.String()] = shared
	return shared
}

func internResources(cs []corev1.Container) {
	for i := range cs {
		cs[i].Resources.Requests = internResourceList(cs[i].Resources.Requests)
		cs[i].Resources.Limits = internResourceList(cs[i].Resources.Limits)
	}
}
