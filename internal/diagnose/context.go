package diagnose

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Options tune the diagnosis.
type Options struct {
	// StartupGrace is how long a pod may be Pending or ContainerCreating
	// with no error before it is reported as stuck.
	StartupGrace time.Duration
	// RestartWindow and RestartThreshold: a Running pod that restarted at
	// least RestartThreshold times, the last within RestartWindow, is
	// reported as flapping.
	RestartWindow    time.Duration
	RestartThreshold int32
}

// DefaultOptions are what the CLI uses unless told otherwise.
func DefaultOptions() Options {
	return Options{StartupGrace: 3 * time.Minute, RestartWindow: time.Hour, RestartThreshold: 3}
}

// ctx is what every rule receives: the snapshot plus memoized derived facts.
type ctx struct {
	s    *snapshot.Snapshot
	now  time.Time
	opts Options
	// scope, when set, limits the namespaced findings to these namespaces
	// (RunIn); cluster findings are always made.
	scope map[string]bool

	owners    map[*corev1.Pod]owner
	nodeFree  map[string]corev1.ResourceList
	candCache map[string][]cand
	imageMemo map[string]string
}

// imageCode memoizes classify.ImagePull: the pods of one workload fail
// with the same text.
func (c *ctx) imageCode(text string) string {
	if c.imageMemo == nil {
		c.imageMemo = map[string]string{}
	}
	if code, ok := c.imageMemo[text]; ok {
		return code
	}
	code := classify.ImagePull(text)
	c.imageMemo[text] = code
	return code
}

// owner is the controller chain of a pod, reduced to what a person acts on.
type owner struct {
	// Top is the object a person edits: Deployment, StatefulSet, DaemonSet,
	// CronJob, a bare Job or ReplicaSet; empty Kind for a bare pod.
	Top snapshot.ObjectRef
	// Direct is the pod's controller (ReplicaSet, Job, …).
	Direct snapshot.ObjectRef
}

func newCtx(s *snapshot.Snapshot, o Options) *ctx {
	return &ctx{s: s, now: s.Now, opts: o, owners: map[*corev1.Pod]owner{}}
}

func (c *ctx) age(t time.Time) time.Duration {
	if t.IsZero() {
		return 0
	}
	return c.now.Sub(t)
}

// ownerOf follows ownerReferences up to the object a person edits. When a
// ReplicaSet is not in the snapshot, the Deployment is inferred from the
// pod-template-hash naming convention.
func (c *ctx) ownerOf(p *corev1.Pod) owner {
	if o, ok := c.owners[p]; ok {
		return o
	}
	var o owner
	if ref := metav1.GetControllerOf(p); ref != nil {
		o.Direct = snapshot.ObjectRef{Kind: ref.Kind, Namespace: p.Namespace, Name: ref.Name, UID: ref.UID}
		o.Top = o.Direct
		switch ref.Kind {
		case "ReplicaSet":
			if rs := c.s.ReplicaSet(p.Namespace, ref.Name); rs != nil {
				if d := metav1.GetControllerOf(rs); d != nil && d.Kind == "Deployment" {
					o.Top = snapshot.ObjectRef{Kind: "Deployment", Namespace: p.Namespace, Name: d.Name, UID: d.UID}
				}
			} else if h := p.Labels["pod-template-hash"]; h != "" && strings.HasSuffix(ref.Name, "-"+h) {
				o.Top = snapshot.ObjectRef{Kind: "Deployment", Namespace: p.Namespace, Name: strings.TrimSuffix(ref.Name, "-"+h)}
				if d := c.s.Deployment(p.Namespace, o.Top.Name); d != nil {
					o.Top.UID = d.UID
				}
			}
		case "Job":
			if j := c.s.Job(p.Namespace, ref.Name); j != nil {
				if cj := metav1.GetControllerOf(j); cj != nil && cj.Kind == "CronJob" {
					o.Top = snapshot.ObjectRef{Kind: "CronJob", Namespace: p.Namespace, Name: cj.Name, UID: cj.UID}
				}
			}
		case "Node":
			// Mirror pods of static pods: the node is not what one edits.
			o.Top = snapshot.ObjectRef{}
		}
	}
	c.owners[p] = o
	return o
}

func isMirror(p *corev1.Pod) bool {
	_, ok := p.Annotations["kubernetes.io/config.mirror"]
	return ok
}

// podRef builds the PodRef of an affected pod.
func (c *ctx) podRef(p *corev1.Pod) PodRef {
	var restarts int32
	for _, cs := range p.Status.ContainerStatuses {
		restarts += cs.RestartCount
	}
	for _, cs := range p.Status.InitContainerStatuses {
		restarts += cs.RestartCount
	}
	return PodRef{Namespace: p.Namespace, Name: p.Name, UID: string(p.UID), Node: p.Spec.NodeName,
		Status: PodStatus(p), Restarts: restarts, Created: p.CreationTimestamp.Time}
}

// PodStatus reproduces the STATUS column of kubectl get pods
// (k8s.io/kubernetes/pkg/printers/internalversion printPod).
func PodStatus(p *corev1.Pod) string {
	reason := string(p.Status.Phase)
	if p.Status.Reason != "" {
		reason = p.Status.Reason
	}
	for _, cond := range p.Status.Conditions {
		if cond.Type == corev1.PodScheduled && cond.Reason == "SchedulingGated" {
			reason = "SchedulingGated"
		}
	}
	initializing := false
	for i, cs := range p.Status.InitContainerStatuses {
		switch {
		case cs.State.Terminated != nil && cs.State.Terminated.ExitCode == 0:
			continue
		case isSidecar(p, cs.Name) && cs.Started != nil && *cs.Started:
			continue
		case cs.State.Terminated != nil:
			if cs.State.Terminated.Reason == "" {
				if cs.State.Terminated.Signal != 0 {
					reason = fmt.Sprintf("Init:Signal:%d", cs.State.Terminated.Signal)
				} else {
					reason = fmt.Sprintf("Init:ExitCode:%d", cs.State.Terminated.ExitCode)
				}
			} else {
				reason = "Init:" + cs.State.Terminated.Reason
			}
		case cs.State.Waiting != nil && cs.State.Waiting.Reason != "" && cs.State.Waiting.Reason != "PodInitializing":
			reason = "Init:" + cs.State.Waiting.Reason
		default:
			reason = fmt.Sprintf("Init:%d/%d", i, len(p.Spec.InitContainers))
		}
		initializing = true
		break
	}
	if !initializing || podConditionTrue(p, corev1.PodInitialized) {
		hasRunning := false
		for i := len(p.Status.ContainerStatuses) - 1; i >= 0; i-- {
			cs := p.Status.ContainerStatuses[i]
			switch {
			case cs.State.Waiting != nil && cs.State.Waiting.Reason != "":
				reason = cs.State.Waiting.Reason
			case cs.State.Terminated != nil && cs.State.Terminated.Reason != "":
				reason = cs.State.Terminated.Reason
			case cs.State.Terminated != nil:
				if cs.State.Terminated.Signal != 0 {
					reason = fmt.Sprintf("Signal:%d", cs.State.Terminated.Signal)
				} else {
					reason = fmt.Sprintf("ExitCode:%d", cs.State.Terminated.ExitCode)
				}
			case cs.Ready && cs.State.Running != nil:
				hasRunning = true
			}
		}
		if reason == "Completed" && hasRunning {
			if podConditionTrue(p, corev1.PodReady) {
				reason = "Running"
			} else {
				reason = "NotReady"
			}
		}
	}
	if p.DeletionTimestamp != nil && p.Status.Reason == "NodeLost" {
		reason = "Unknown"
	} else if p.DeletionTimestamp != nil {
		reason = "Terminating"
	}
	return reason
}

func podConditionTrue(p *corev1.Pod, t corev1.PodConditionType) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == t {
			return c.Status == corev1.ConditionTrue
		}
	}
	return false
}

func podCondition(p *corev1.Pod, t corev1.PodConditionType) *corev1.PodCondition {
	for i := range p.Status.Conditions {
		if p.Status.Conditions[i].Type == t {
			return &p.Status.Conditions[i]
		}
	}
	return nil
}

// isSidecar reports a native sidecar: an init container that keeps running.
func isSidecar(p *corev1.Pod, name string) bool {
	for _, c := range p.Spec.InitContainers {
		if c.Name == name {
			return c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways
		}
	}
	return false
}

func containerSpec(p *corev1.Pod, name string) *corev1.Container {
	for i := range p.Spec.Containers {
		if p.Spec.Containers[i].Name == name {
			return &p.Spec.Containers[i]
		}
	}
	for i := range p.Spec.InitContainers {
		if p.Spec.InitContainers[i].Name == name {
			return &p.Spec.InitContainers[i]
		}
	}
	return nil
}

func nodeCondition(n *corev1.Node, t corev1.NodeConditionType) *corev1.NodeCondition {
	for i := range n.Status.Conditions {
		if n.Status.Conditions[i].Type == t {
			return &n.Status.Conditions[i]
		}
	}
	return nil
}

// nodeReady is True, False or Unknown ("" when the node has no Ready
// condition yet).
func nodeReady(n *corev1.Node) corev1.ConditionStatus {
	if c := nodeCondition(n, corev1.NodeReady); c != nil {
		return c.Status
	}
	return ""
}

// podRequests is what the scheduler counts for a pod: the larger of the sum
// of app containers (plus running sidecars) and each init container, plus
// overhead (k8s.io/component-helpers/resource PodRequests).
func podRequests(p *corev1.Pod) corev1.ResourceList {
	sum := corev1.ResourceList{}
	addTo := func(dst corev1.ResourceList, src corev1.ResourceList) {
		for k, v := range src {
			q := dst[k]
			q.Add(v)
			dst[k] = q
		}
	}
	for _, c := range p.Spec.Containers {
		addTo(sum, c.Resources.Requests)
	}
	sidecars := corev1.ResourceList{}
	for _, c := range p.Spec.InitContainers {
		req := c.Resources.Requests
		if c.RestartPolicy != nil && *c.RestartPolicy == corev1.ContainerRestartPolicyAlways {
			addTo(sum, req)
			addTo(sidecars, req)
			continue
		}
		for k, v := range req {
			total := v.DeepCopy()
			if s, ok := sidecars[k]; ok {
				total.Add(s)
			}
			if cur, ok := sum[k]; !ok || total.Cmp(cur) > 0 {
				sum[k] = total
			}
		}
	}
	addTo(sum, p.Spec.Overhead)
	return sum
}

// terminated reports pods whose resources the scheduler no longer counts.
func terminated(p *corev1.Pod) bool {
	return p.Status.Phase == corev1.PodSucceeded || p.Status.Phase == corev1.PodFailed
}

// freeOn is allocatable minus the requests of the node's non-terminated pods.
func (c *ctx) freeOn(n *corev1.Node) corev1.ResourceList {
	if c.nodeFree == nil {
		c.nodeFree = map[string]corev1.ResourceList{}
	}
	if f, ok := c.nodeFree[n.Name]; ok {
		return f
	}
	free := corev1.ResourceList{}
	for k, v := range n.Status.Allocatable {
		free[k] = v.DeepCopy()
	}
	pods := 0
	for _, p := range c.s.PodsOnNode(n.Name) {
		if terminated(p) {
			continue
		}
		pods++
		for k, v := range podRequests(p) {
			q := free[k]
			q.Sub(v)
			free[k] = q
		}
	}
	if out := c.s.Outside; out != nil {
		// Other namespaces' pods, summed by a namespaced live run.
		pods += out.Pods[n.Name]
		for k, v := range out.Requests[n.Name] {
			q := free[k]
			q.Sub(v)
			free[k] = q
		}
	}
	if alloc, ok := c.s.NodeAllocated[n.Name]; ok && pods == 0 {
		// Pasted describe node output: its own sum stands in for the pods
		// that are not in the input.
		for k, v := range alloc {
			if k == corev1.ResourcePods {
				pods = int(v.Value())
				continue
			}
			q := free[k]
			q.Sub(v)
			free[k] = q
		}
	}
	if q, ok := free[corev1.ResourcePods]; ok {
		q.Sub(*resource.NewQuantity(int64(pods), resource.DecimalSI))
		free[corev1.ResourcePods] = q
	}
	c.nodeFree[n.Name] = free
	return free
}

// kubectl is a kubectl command. Namespace "" is cluster-scoped.
func kubectl(ns string, args ...string) shell.Cmd { return shell.Kubectl(ns, args...) }

// sh is a command other than kubectl, run on a node.
func sh(argv ...string) shell.Cmd { return shell.New(argv...) }

// workloadArg is "deploy/web" style for a top owner, or "pod/x".
func workloadArg(ref snapshot.ObjectRef) string {
	switch ref.Kind {
	case "Deployment":
		return "deploy/" + ref.Name
	case "StatefulSet":
		return "sts/" + ref.Name
	case "DaemonSet":
		return "ds/" + ref.Name
	case "ReplicaSet":
		return "rs/" + ref.Name
	case "Job":
		return "job/" + ref.Name
	case "CronJob":
		return "cronjob/" + ref.Name
	case "ReplicationController":
		return "rc/" + ref.Name
	}
	return "pod/" + ref.Name
}

// eventsOf returns the pod's events, oldest first.
func (c *ctx) eventsOf(p *corev1.Pod) []*snapshot.Event {
	return c.s.EventsFor(snapshot.ObjectRef{Kind: "Pod", Namespace: p.Namespace, Name: p.Name, UID: p.UID})
}

// latestEvent returns the newest event matching reason (any if "") and the
// container (when container != "", events whose fieldPath names another
// container are skipped).
func latestEvent(evs []*snapshot.Event, container string, pred func(*snapshot.Event) bool) *snapshot.Event {
	for i := len(evs) - 1; i >= 0; i-- {
		e := evs[i]
		if container != "" && e.FieldPath != "" && !fieldPathIs(e.FieldPath, container) {
			continue
		}
		if pred(e) {
			return e
		}
	}
	return nil
}

func fieldPathIs(fp, container string) bool {
	return strings.HasSuffix(fp, "{"+container+"}")
}

func eventEvidence(e *snapshot.Event) Evidence {
	ev := Evidence{Kind: "event", Object: e.Regarding, Reason: e.Reason, Type: e.Type, Text: e.Message, Count: e.Count}
	if !e.Untimed {
		ev.First, ev.Last = e.First, e.Last
	}
	return ev
}

func statusEvidence(obj snapshot.ObjectRef, field, text string) Evidence {
	// "Reason: message" with no message (describe prints none for a
	// waiting container) reads as the reason alone.
	text = strings.TrimSuffix(strings.TrimSpace(text), ":")
	return Evidence{Kind: "status", Object: obj, Field: field, Text: text}
}

func specEvidence(obj snapshot.ObjectRef, field, text string) Evidence {
	return Evidence{Kind: "spec", Object: obj, Field: field, Text: text}
}

func podObj(p *corev1.Pod) snapshot.ObjectRef {
	return snapshot.ObjectRef{Kind: "Pod", Namespace: p.Namespace, Name: p.Name, UID: p.UID}
}

func nodeObj(n string) snapshot.ObjectRef { return snapshot.ObjectRef{Kind: "Node", Name: n} }

// sortedKeys returns map keys sorted.
func sortedKeys[V any](m map[string]V) []string { return slices.Sorted(maps.Keys(m)) }

// fmtQty formats a quantity for people: cpu in cores or millicores,
// memory in Mi/Gi.
func fmtQty(name corev1.ResourceName, q resource.Quantity) string {
	switch name {
	case corev1.ResourceCPU:
		m := q.MilliValue()
		if m%1000 == 0 {
			return fmt.Sprintf("%d", m/1000)
		}
		return fmt.Sprintf("%dm", m)
	case corev1.ResourceMemory, corev1.ResourceEphemeralStorage:
		b := q.Value()
		switch {
		case b < 0:
			return "-" + fmtQty(name, *resource.NewQuantity(-b, resource.BinarySI))
		case b >= 1<<30 && b%(1<<30) == 0:
			return fmt.Sprintf("%dGi", b>>30)
		case b >= 1<<30:
			return fmt.Sprintf("%.1fGi", float64(b)/(1<<30))
		case b >= 1<<20:
			return fmt.Sprintf("%dMi", b>>20)
		default:
			return q.String()
		}
	}
	return q.String()
}

// orPlaceholder stands in for a name the input did not show, in kubectl's
// own usage style (<pod>, <container>, <node>, <image>): never a blank.
func orPlaceholder(s, placeholder string) string {
	if strings.TrimSpace(s) == "" {
		return placeholder
	}
	return s
}

// containerFlag is the flag that picks a container in a kubectl command:
// the container's name, its placeholder when the pod has several and the
// name was not shown, and nothing for a pod with one container (kubectl
// then uses that one).
func containerFlag(flag, name string, containers int) []string {
	switch {
	case name != "":
		if strings.HasSuffix(flag, "=") {
			return []string{flag + name}
		}
		return []string{flag, name}
	case containers <= 1 && !strings.HasSuffix(flag, "="):
		return nil
	}
	if strings.HasSuffix(flag, "=") {
		return []string{flag + "<container>"}
	}
	return []string{flag, "<container>"}
}

// journal reads the last span ("30m") of the units' journals on a node.
func journal(unit, span string, more ...string) shell.Cmd {
	argv := []string{"journalctl", "-u", unit}
	for _, u := range more {
		argv = append(argv, "-u", u)
	}
	return sh(append(argv, "--since=-"+span)...)
}

// jsonPatch is a one-operation JSON patch, encoded: values that came from
// an object cannot break out of their string.
func jsonPatch(op, path string, value any) string {
	b, _ := json.Marshal([]map[string]any{{"op": op, "path": path, "value": value}})
	return string(b)
}

// mergePatch encodes a strategic-merge or merge patch.
func mergePatch(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// execIn runs argv in a pod's container: kubectl exec POD [-c C] -- argv.
func execIn(ns, pod string, cflag []string, argv ...string) shell.Cmd {
	args := append(append([]string{"exec", pod}, cflag...), "--")
	return kubectl(ns, append(args, argv...)...)
}

// grepFor finds a value as fixed text; -- only where the value could be
// read as an option.
func grepFor(value string, flags ...string) []string {
	argv := append([]string{"grep"}, flags...)
	argv = append(argv, "-F")
	if strings.HasPrefix(value, "-") {
		argv = append(argv, "--")
	}
	return append(argv, value)
}
