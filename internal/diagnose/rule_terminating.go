package diagnose

import (
	"regexp"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// terminating explains a pod with a deletionTimestamp (catalog §6): its
// node is lost, the kubelet cannot tear down a volume, a finalizer holds
// it, or it is still inside its grace period. A pod whose volumes the
// kubelet fails to tear down is being removed too, even when the input
// shows no deletionTimestamp.
func (c *ctx) terminating(p *corev1.Pod) []*Finding {
	node := p.Spec.NodeName
	nodeArg := orPlaceholder(node, "<node>")
	podArg := orPlaceholder(p.Name, "<pod>")
	n := c.s.Node(node)
	nodeGone := node != "" && n == nil && c.s.Has(snapshot.KindNode)
	nodeBad := n != nil && nodeReady(n) != corev1.ConditionTrue
	owner := c.ownerOf(p)
	isSTS := owner.Direct.Kind == "StatefulSet"
	// When the deletion began: not shown by a get pods row, nor by a
	// kubelet message about a pod the input has no object for.
	delUnseen := p.DeletionTimestamp == nil || c.s.IsSketch(p.Namespace, p.Name)
	var del time.Time
	if p.DeletionTimestamp != nil {
		del = p.DeletionTimestamp.Time
	}
	teardown, tm := c.tearDownEvent(p)
	lostEv, lostWhen, lostWhat := c.nodeLostSignal(p, n)
	goneNode, goneLine := "", ""
	if n == nil {
		// kubectl logs of a pod whose Node object is gone answers with
		// the API server's NotFound for that node.
		if name, line := c.nodeGoneFromLogs(p); name != "" {
			goneLine = line
			goneNode, lostWhat = name, "gone"
			node, nodeArg = name, name
		}
	}

	var f *Finding
	switch {
	case nodeGone || nodeBad || lostWhat != "" && n == nil:
		f = c.newPodFinding(p, Error, ClassTerminate, "Terminating/NodeLost", node)
		state := i18n.T("term.state.gone")
		switch {
		case n != nil:
			state = i18n.T("term.state." + string(nodeReady(n)))
			if rc := nodeCondition(n, corev1.NodeReady); rc != nil {
				f.Evidence = append(f.Evidence, statusEvidence(nodeObj(node), "status.conditions[Ready]", string(rc.Status)+" "+rc.Reason+": "+rc.Message))
			}
		case nodeGone:
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.nodeName", node+" (no such Node)"))
		}
		switch {
		case goneNode != "":
			f.groupKey = goneNode
			f.Node = goneNode
			for i := range f.Pods {
				if f.Pods[i].Node == "" || strings.HasPrefix(f.Pods[i].Node, "<") {
					f.Pods[i].Node = goneNode
				}
			}
			f.Headline = i18n.T("term.nodelost.gone.head", goneNode)
			f.Evidence = append(f.Evidence, Evidence{Kind: "log", Object: podObj(p), Field: "kubectl logs", Text: goneLine})
		case !nodeGone && !nodeBad:
			// Known only from the pod's own events or conditions: the
			// node itself is not in the input.
			if lostEv != nil {
				f.Evidence = append(f.Evidence, eventEvidence(lostEv))
			}
			f.Unchecked = append(f.Unchecked, i18n.T("unchecked.nodes"))
			if lostWhen.IsZero() {
				f.Headline = i18n.T("term.nodelost.signal.head", nodeArg, lostWhat)
			} else {
				f.Headline = i18n.T("term.nodelost.signal.head-when", nodeArg, lostWhat, i18n.Dur(c.age(lostWhen)))
				f.Since = lostWhen
			}
		case delUnseen:
			f.Headline = i18n.T("term.nodelost.head-unseen", nodeArg, state)
		default:
			f.Headline = i18n.T("term.nodelost.head", nodeArg, state, i18n.Dur(c.age(del)))
		}
		f.Explain = i18n.T("term.nodelost.why")
		if nodeGone || goneNode != "" {
			f.Steps = append(f.Steps, Step{Text: i18n.T("term.nodelost.step.gone")})
		} else {
			if n == nil {
				f.Steps = append(f.Steps, Step{Text: i18n.T("node.step.describe"), Command: kubectl("", "describe", "node", nodeArg)})
			}
			f.Steps = append(f.Steps,
				Step{Text: i18n.T("term.nodelost.step.delete-node", nodeArg), Command: kubectl("", "delete", "node", nodeArg), Changes: true},
				Step{Text: i18n.T("term.nodelost.step.recover", nodeArg), Command: sh("systemctl", "restart", "kubelet")})
		}
		warn := i18n.T("term.nodelost.step.force")
		if isSTS {
			warn = i18n.T("term.nodelost.step.force-sts", owner.Direct.Name)
		}
		f.Steps = append(f.Steps, Step{Text: warn, Command: kubectl(p.Namespace, "delete", "pod", podArg, "--grace-period=0", "--force"), Changes: true})
		if isSTS {
			f.Severity = Error
		}
	case teardown != nil:
		// The kubelet tears a pod's volumes down only when the pod is
		// going away; until it succeeds the pod cannot be removed.
		vol := orPlaceholder(tm.Volume, "<volume>")
		f = c.newPodFinding(p, Warning, ClassTerminate, "Terminating/Stuck", node+"|teardown|"+tm.Volume)
		f.Evidence = append(f.Evidence, eventEvidence(teardown))
		f.Since = teardown.First
		if tm.Busy {
			f.Headline = i18n.T("term.teardown.busy.head", vol, nodeArg)
			f.Explain = i18n.T("term.teardown.busy.why")
		} else {
			f.Headline = i18n.T("term.teardown.head", vol, nodeArg, clip(teardown.Message, 120))
			f.Explain = i18n.T("term.teardown.why")
		}
		dir := "/var/lib/kubelet/pods/" + orPlaceholder(string(p.UID), "<pod-uid>")
		if m := podDirRe.FindString(teardown.Message); m != "" {
			dir = strings.TrimSuffix(m, "/")
		} else if strings.HasPrefix(string(p.UID), snapshot.TextUIDPrefix) {
			dir = "/var/lib/kubelet/pods/<pod-uid>"
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("term.teardown.step.holders", nodeArg), Command: sh("fuser", "-vm", dir)},
			Step{Text: i18n.T("term.teardown.step.release")},
			Step{Text: i18n.T("term.nodelost.step.force"), Command: kubectl(p.Namespace, "delete", "pod", podArg, "--grace-period=0", "--force"), Changes: true})
	case delUnseen:
		f = c.newPodFinding(p, Warning, ClassTerminate, "Terminating/Stuck", node)
		f.Headline = i18n.T("term.unseen.head", nodeArg)
		f.Explain = i18n.T("term.unseen.why")
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.deletion"))
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("node.step.kubelet", nodeArg), Command: journal("kubelet", "30m").Pipe(grepFor(podArg)...).SeqCmd(sh("crictl", "pods", "--name", podArg))},
			Step{Text: i18n.T("term.nodelost.step.force"), Command: kubectl(p.Namespace, "delete", "pod", podArg, "--grace-period=0", "--force"), Changes: true})
	case c.now.After(del) && len(p.Finalizers) > 0:
		f = c.newPodFinding(p, Error, ClassTerminate, "Terminating/Finalizer", strings.Join(p.Finalizers, ","))
		f.Headline = i18n.T("term.finalizer.head", i18n.List(p.Finalizers), i18n.Dur(c.age(del)))
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "metadata.finalizers", strings.Join(p.Finalizers, ", ")))
		for _, fin := range p.Finalizers {
			f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: podObj(p), Field: "metadata.finalizers", Text: fin, Note: finalizerOwner(fin)})
		}
		f.Explain = i18n.T("term.finalizer.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("term.finalizer.step.controller")},
			Step{Text: i18n.T("term.finalizer.step.remove"), Command: kubectl(p.Namespace, "patch", "pod", podArg, "--type=json", "-p", `[{"op":"remove","path":"/metadata/finalizers"}]`), Changes: true})
	case c.now.After(del):
		f = c.newPodFinding(p, Warning, ClassTerminate, "Terminating/Stuck", node)
		f.Headline = i18n.T("term.stuck.head", nodeArg, i18n.Dur(c.age(del)))
		f.Explain = i18n.T("term.stuck.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("node.step.kubelet", nodeArg), Command: journal("kubelet", "30m").Pipe(grepFor(podArg)...).SeqCmd(sh("crictl", "pods", "--name", podArg))},
			Step{Text: i18n.T("term.nodelost.step.force"), Command: kubectl(p.Namespace, "delete", "pod", podArg, "--grace-period=0", "--force"), Changes: true})
	default:
		f = c.newPodFinding(p, Info, ClassTerminate, "Terminating/Slow", "")
		grace := int64(30)
		if p.DeletionGracePeriodSeconds != nil {
			grace = *p.DeletionGracePeriodSeconds
		}
		f.Headline = i18n.T("term.slow.head", grace, i18n.Dur(del.Sub(c.now)))
		for _, ct := range p.Spec.Containers {
			if ct.Lifecycle != nil && ct.Lifecycle.PreStop != nil {
				f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+ct.Name+"].lifecycle.preStop", preStopString(ct.Lifecycle.PreStop)))
			}
		}
		f.Explain = i18n.T("term.slow.why")
	}
	if !delUnseen {
		f.Evidence = append([]Evidence{statusEvidence(podObj(p), "metadata.deletionTimestamp", del.UTC().Format("2006-01-02T15:04:05Z"))}, f.Evidence...)
		f.Since = del
	}
	if dt := podCondition(p, corev1.PodConditionType("DisruptionTarget")); dt != nil && dt.Status == corev1.ConditionTrue {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.conditions[DisruptionTarget]", dt.Reason+": "+dt.Message))
	}
	if isMirror(p) {
		addStaticPodNote(p, f)
	}
	return []*Finding{f}
}

// tearDownEvent is the kubelet's latest failure to unmount a volume of
// the pod (UnmountVolume.TearDown, UnmountDevice), parsed.
func (c *ctx) tearDownEvent(p *corev1.Pod) (*snapshot.Event, classify.Mount) {
	var m classify.Mount
	e := latestEvent(c.eventsOf(p), "", func(e *snapshot.Event) bool {
		if e.Type == "Normal" || !mayTearDown(e.Message) {
			return false
		}
		m = classify.ParseMount(e.Message)
		return m.TearDown
	})
	if e == nil {
		return nil, classify.Mount{}
	}
	return e, m
}

// hasTearDownEvent: the kubelet failed to unmount a volume of the pod.
func (c *ctx) hasTearDownEvent(p *corev1.Pod) bool {
	e, _ := c.tearDownEvent(p)
	return e != nil
}

// mayTearDown is a cheap test before the unmount grammar runs: every pod
// of a cluster passes here, and few of their events are about unmounting.
func mayTearDown(msg string) bool {
	return strings.Contains(msg, "nmount") || strings.Contains(msg, "Unmap")
}

var podDirRe = regexp.MustCompile(`/var/lib/kubelet/pods/[0-9a-f-]{36}/`)

var nodeNotFoundRe = regexp.MustCompile(`Error from server \(NotFound\): nodes "([^"]+)" not found`)

// nodeGoneFromLogs reads the answer kubectl printed instead of a log:
// the API server reaches a pod's log through its node, and when the Node
// object is gone it says `nodes "x" not found`.
func (c *ctx) nodeGoneFromLogs(p *corev1.Pod) (string, string) {
	for _, prev := range []bool{false, true} {
		for _, cs := range append(append([]corev1.ContainerStatus{{}}, p.Status.ContainerStatuses...), p.Status.InitContainerStatuses...) {
			if t, ok := c.s.Logs[snapshot.LogKey(p.Namespace, p.Name, cs.Name, prev)]; ok {
				if m := nodeNotFoundRe.FindStringSubmatch(t); m != nil {
					return m[1], m[0]
				}
			}
		}
	}
	return "", ""
}

// nodeLostSignal finds, in the pod's own events and conditions, that its
// node stopped answering: the node controller's NodeNotReady event, the
// taint eviction controller marking the pod for deletion, a
// DisruptionTarget condition set by it or by the pod garbage collector,
// or the old status reason NodeLost. It returns the event (if any), when,
// and what said so. A node in the input that is Ready overrides it.
func (c *ctx) nodeLostSignal(p *corev1.Pod, n *corev1.Node) (*snapshot.Event, time.Time, string) {
	if n != nil && nodeReady(n) == corev1.ConditionTrue {
		return nil, time.Time{}, ""
	}
	if e := latestEvent(c.eventsOf(p), "", func(e *snapshot.Event) bool {
		return e.Reason == "NodeNotReady" || e.Reason == "TaintManagerEviction" && strings.HasPrefix(e.Message, "Marking for deletion")
	}); e != nil {
		// A later "Cancelling deletion" means the node came back.
		if back := latestEvent(c.eventsOf(p), "", func(x *snapshot.Event) bool {
			return x.Reason == "TaintManagerEviction" && strings.HasPrefix(x.Message, "Cancelling deletion")
		}); back == nil || back.Last.Before(e.Last) {
			return e, e.First, e.Reason
		}
	}
	if dt := podCondition(p, corev1.PodConditionType("DisruptionTarget")); dt != nil && dt.Status == corev1.ConditionTrue &&
		(dt.Reason == "DeletionByTaintManager" || dt.Reason == "DeletionByPodGC") {
		return nil, dt.LastTransitionTime.Time, "DisruptionTarget " + dt.Reason
	}
	if p.Status.Reason == "NodeLost" {
		return nil, time.Time{}, "NodeLost"
	}
	return nil, time.Time{}, ""
}

func preStopString(h *corev1.LifecycleHandler) string {
	switch {
	case h.Exec != nil:
		return "exec " + strings.Join(h.Exec.Command, " ")
	case h.HTTPGet != nil:
		return "httpGet " + h.HTTPGet.Path
	case h.Sleep != nil:
		return "sleep"
	}
	return "set"
}

// finalizerOwner says which controller is expected to remove a finalizer.
func finalizerOwner(fin string) i18n.Msg {
	switch {
	case fin == "foregroundDeletion":
		return i18n.T("fin.foreground")
	case fin == "orphan":
		return i18n.T("fin.orphan")
	case fin == "batch.kubernetes.io/job-tracking":
		return i18n.T("fin.job-tracking")
	case fin == "kubernetes.io/pvc-protection" || fin == "kubernetes.io/pv-protection":
		return i18n.T("fin.protection")
	case strings.HasPrefix(fin, "workflows.argoproj.io/"):
		return i18n.T("fin.known", "Argo Workflows (workflow-controller)")
	case strings.HasPrefix(fin, "kyverno.io/"):
		return i18n.T("fin.known", "Kyverno")
	case strings.HasPrefix(fin, "velero.io/"):
		return i18n.T("fin.known", "Velero")
	case strings.HasPrefix(fin, "kubernetes.io/") || strings.HasPrefix(fin, "batch.kubernetes.io/"):
		return i18n.T("fin.builtin")
	}
	domain := fin
	if i := strings.IndexByte(fin, '/'); i > 0 {
		domain = fin[:i]
	}
	return i18n.T("fin.custom", domain)
}
