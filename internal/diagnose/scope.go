package diagnose

import (
	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// A finding belongs to the namespace it names; a finding with no namespace
// (a node, a cluster-scoped object's spec) is a cluster finding. A
// namespaced finding is made from its namespace's objects, the
// cluster-scoped objects and the pods of other namespaces only as evidence
// (what else holds a hostPort or uses a node's CPU), so after a change in
// some namespaces, re-diagnosing those namespaces and the cluster findings
// gives every finding that can open, resolve or change there (podwhy
// serve's incremental diagnosis).

// RunIn diagnoses only the namespaced findings of the given namespaces,
// plus every cluster finding. s must hold every cluster-scoped object; of
// the namespaced kinds, those namespaces' objects; and of the other
// namespaces' pods, those on a node with a finding (NodeHasFinding), or
// all of them when a pod of the scope waits to be scheduled (NeedsAllPods).
// Scanned counts only what s holds.
func RunIn(s *snapshot.Snapshot, o Options, namespaces map[string]bool) *Result {
	c := newCtx(s, o)
	c.scope = namespaces
	if c.scope == nil {
		c.scope = map[string]bool{}
	}
	return run(c)
}

// in reports whether namespaced findings of ns are to be made.
func (c *ctx) in(ns string) bool {
	return c.scope == nil || c.scope[ns]
}

// Merge returns prev with the findings of part taking the place of prev's
// findings in the namespaces part was run for (RunIn) and of all of prev's
// cluster findings; the rest of prev is kept as it was. Counts and notes
// are part's. Neither input is modified.
func Merge(prev, part *Result, namespaces map[string]bool) *Result {
	out := *part
	out.Findings = make([]*Finding, 0, len(prev.Findings)+len(part.Findings))
	for _, f := range prev.Findings {
		if f.Namespace != "" && !namespaces[f.Namespace] {
			out.Findings = append(out.Findings, f)
		}
	}
	out.Findings = append(out.Findings, part.Findings...)
	sortFindings(out.Findings)
	// A chain may cross namespaces: links are made again over the whole.
	link(out.Findings)
	return &out
}

// NeedsAllPods reports whether RunIn, for a scope holding these pods,
// needs the pods of every namespace: an unscheduled pod's evidence is what
// the others use of each node, which of them hold its host port and run on
// its scheduler, and whether the scheduler's own pods are ready.
func NeedsAllPods(scopePods []*corev1.Pod) bool {
	for _, p := range scopePods {
		if p.Spec.NodeName == "" {
			return true
		}
	}
	return false
}

// A namespaced live run lists the cluster-scoped kinds only where the
// rules read them for the namespace's objects (live.plan); the functions
// below say where that is, beside the rules they follow, so that a rule
// that starts reading more is seen to need more.

// PodReadsNodes says which nodes the rules read to diagnose p. A pod the
// scheduler has not placed reads every node: which fit, what each has
// free, taints, labels, cordons, and whether there are nodes at all
// (pending). A placed pod reads its own node: a lost or not-ready node
// explains it (nodeLost, the node's finding that lists it), and its
// architecture, runtime and conditions are evidence (crashLog, failedPod,
// image, run, sandbox, terminating). A pod that succeeded reads none:
// pod() stops there, and nothing counts it.
func PodReadsNodes(p *corev1.Pod) (all bool, node string) {
	switch {
	case p.Status.Phase == corev1.PodSucceeded:
		return false, ""
	case p.Spec.NodeName == "":
		return true, ""
	}
	return false, p.Spec.NodeName
}

// PodReadsVolumes says whether PersistentVolumes and StorageClasses are
// read to diagnose p: only through the claims of a pod the scheduler has
// not placed (explainVolume, explainVolumeZone). The other reader,
// claims(), is for pasted text, which a live run never is.
func PodReadsVolumes(p *corev1.Pod) bool {
	if all, _ := PodReadsNodes(p); !all {
		return false
	}
	for _, v := range p.Spec.Volumes {
		if v.PersistentVolumeClaim != nil || v.Ephemeral != nil {
			return true
		}
	}
	return false
}

// DaemonSetReadsNodes says whether the DaemonSet's finding may list the
// nodes without its pod, which reads every node (daemonSet).
func DaemonSetReadsNodes(d *appsv1.DaemonSet) bool {
	st := d.Status
	return st.DesiredNumberScheduled > st.CurrentNumberScheduled ||
		st.DesiredNumberScheduled > 0 && st.NumberReady < st.DesiredNumberScheduled && st.NumberUnavailable > 0
}

// CountOutside adds to out what p, a scheduled pod that has not finished
// and that the snapshot will not hold, adds to an unscheduled pod's
// evidence: its requests and a pod slot on its node (freeOn), its host
// ports (explainHostPort), its scheduler, and its state if it is a
// kube-scheduler pod (notScheduled).
func CountOutside(out *snapshot.Outside, p *corev1.Pod) {
	if u := UseOf(p); u != nil {
		AddUse(out, u)
	}
}

// PodUse is what one pod counts for in CountOutside, worked out once:
// serve keeps it beside each cached pod, so that summing a whole
// cluster's pods for a pass reads no pod.
type PodUse struct {
	Node, Scheduler string
	// Requests as the scheduler sums them (podRequests); read only.
	Requests     corev1.ResourceList
	HostPorts    []snapshot.HostPort
	SchedulerPod *snapshot.PodState
}

// UseOf is p's PodUse; nil for a pod that counts for nothing (not placed,
// or finished).
func UseOf(p *corev1.Pod) *PodUse {
	if p.Spec.NodeName == "" || terminated(p) {
		return nil
	}
	u := &PodUse{Node: p.Spec.NodeName, Scheduler: p.Spec.SchedulerName, Requests: podRequests(p)}
	for _, ct := range p.Spec.Containers {
		for _, port := range ct.Ports {
			if port.HostPort == 0 {
				continue
			}
			proto := port.Protocol
			if proto == "" {
				proto = corev1.ProtocolTCP
			}
			u.HostPorts = append(u.HostPorts, snapshot.HostPort{Namespace: p.Namespace, Pod: p.Name, Node: u.Node, Port: port.HostPort, Protocol: proto})
		}
	}
	if p.Namespace == "kube-system" && isSchedulerPod(p) {
		u.SchedulerPod = &snapshot.PodState{Ref: podObj(p), Status: PodStatus(p), Ready: podConditionTrue(p, corev1.PodReady)}
	}
	return u
}

// AddUse adds one pod's use to out.
func AddUse(out *snapshot.Outside, u *PodUse) {
	if out.Requests == nil {
		out.Requests = map[string]corev1.ResourceList{}
		out.Pods = map[string]int{}
		out.Schedulers = map[string]int{}
	}
	sum := out.Requests[u.Node]
	if sum == nil {
		sum = corev1.ResourceList{}
		out.Requests[u.Node] = sum
	}
	for k, v := range u.Requests {
		q := sum[k]
		q.Add(v)
		sum[k] = q
	}
	out.Pods[u.Node]++
	out.Schedulers[u.Scheduler]++
	out.HostPorts = append(out.HostPorts, u.HostPorts...)
	if u.SchedulerPod != nil {
		out.SchedulerPods = append(out.SchedulerPods, *u.SchedulerPod)
	}
}

// isSchedulerPod: a pod of kube-scheduler (kubeadm's static pod label).
func isSchedulerPod(p *corev1.Pod) bool { return p.Labels["component"] == "kube-scheduler" }
