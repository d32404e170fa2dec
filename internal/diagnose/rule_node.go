package diagnose

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// badNode reports whether a pod's node is lost or not ready; such pods are
// listed in that node's finding instead of getting findings of their own,
// because their own status is stale or caused by the node.
func (c *ctx) badNode(p *corev1.Pod) bool {
	if p.Spec.NodeName == "" {
		return false
	}
	n := c.s.Node(p.Spec.NodeName)
	if n == nil {
		return false
	}
	r := nodeReady(n)
	return r == corev1.ConditionUnknown || r == corev1.ConditionFalse
}

// nodeLost handles pods on a lost or missing node, and the old pod phase
// Unknown (catalog §7).
func (c *ctx) nodeLost(p *corev1.Pod) *Finding {
	if c.badNode(p) {
		return &Finding{skip: true}
	}
	if p.Spec.NodeName != "" && c.s.Has(snapshot.KindNode) && c.s.Node(p.Spec.NodeName) == nil && !terminated(p) {
		f := c.newPodFinding(p, Error, ClassUnknown, "Unknown/NodeGone", p.Spec.NodeName)
		f.Headline = i18n.T("unknown.gone.head", p.Spec.NodeName)
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.nodeName", p.Spec.NodeName+" (no such Node)"))
		f.Explain = i18n.T("unknown.gone.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("unknown.gone.step"), Command: kubectl(p.Namespace, "delete", "pod", orPlaceholder(p.Name, "<pod>")), Changes: true})
		return f
	}
	if p.Status.Phase == corev1.PodUnknown || p.Status.Reason == "NodeLost" && !terminated(p) {
		// The node controller marks the pods of a node that stopped
		// answering ("Node x which was running pod y is unresponsive").
		f := c.newPodFinding(p, Error, ClassUnknown, "Unknown/NodeUnreachable", p.Spec.NodeName)
		f.Headline = i18n.T("unknown.phase.head", orPlaceholder(p.Spec.NodeName, "<node>"))
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.phase", string(p.Status.Phase)))
		if p.Status.Reason != "" {
			f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.reason", p.Status.Reason+": "+p.Status.Message))
		}
		f.Explain = i18n.T("unknown.node.why")
		f.Steps = c.nodeSteps(p.Spec.NodeName)
		return f
	}
	return nil
}

func (c *ctx) nodeSteps(node string) []Step {
	return []Step{
		{Text: i18n.T("node.step.describe"), Command: kubectl("", "describe", "node", node)},
		{Text: i18n.T("node.step.kubelet", node), Command: sh("systemctl", "status", "kubelet", "containerd").SeqCmd(journal("kubelet", "1h")).Pipe("tail", "-n", "50")},
		{Text: i18n.T("node.step.lease"), Command: kubectl("kube-node-lease", "get", "lease", node, "-o", "jsonpath={.spec.renewTime}")},
	}
}

// nodes reports nodes that are lost, not ready or under pressure, with the
// pods they affect.
func (c *ctx) nodes() []*Finding {
	var out []*Finding
	for _, n := range c.s.Nodes {
		if !NodeHasFinding(n) {
			continue
		}
		ready := nodeCondition(n, corev1.NodeReady)
		var f *Finding
		switch {
		case ready != nil && ready.Status == corev1.ConditionUnknown:
			f = c.newNodeFinding(n, Error, ClassUnknown, "Unknown/NodeUnreachable")
			since := ready.LastHeartbeatTime.Time
			if since.IsZero() {
				since = ready.LastTransitionTime.Time
			}
			f.Since = since
			f.Headline = i18n.T("unknown.node.head", n.Name, i18n.Dur(c.age(since)))
			f.Evidence = append(f.Evidence, statusEvidence(nodeObj(n.Name), "status.conditions[Ready]",
				fmt.Sprintf("Unknown %s: %s (lastHeartbeatTime %s)", ready.Reason, ready.Message, ready.LastHeartbeatTime.UTC().Format("2006-01-02T15:04:05Z"))))
			f.Explain = i18n.T("unknown.node.why")
			f.Steps = append(f.Steps, c.nodeSteps(n.Name)...)
			f.Steps = append(f.Steps, Step{Text: i18n.T("unknown.node.step.delete"), Command: kubectl("", "delete", "node", n.Name), Changes: true})
		case ready != nil && ready.Status == corev1.ConditionFalse:
			f = c.newNodeFinding(n, Error, ClassNode, "Node/NotReady")
			f.Since = ready.LastTransitionTime.Time
			f.Headline = i18n.T("node.notready.head", n.Name, clip(ready.Message, 140))
			f.Evidence = append(f.Evidence, statusEvidence(nodeObj(n.Name), "status.conditions[Ready]", "False "+ready.Reason+": "+ready.Message))
			f.Explain = notReadyMeaning(ready.Message)
			f.Steps = append(f.Steps, c.nodeSteps(n.Name)...)
		default:
			press := pressures(n)
			f = c.newNodeFinding(n, Warning, ClassNode, "Node/Pressure")
			if press[0] == string(corev1.NodeNetworkUnavailable) {
				f.Reason, f.Severity = "Node/NetworkUnavailable", Error
			}
			f.Headline = i18n.T("node.pressure.head", n.Name, i18n.List(press))
			for _, t := range press {
				cond := nodeCondition(n, corev1.NodeConditionType(t))
				f.Evidence = append(f.Evidence, statusEvidence(nodeObj(n.Name), "status.conditions["+t+"]", "True "+cond.Reason+": "+cond.Message))
				if f.Since.IsZero() {
					f.Since = cond.LastTransitionTime.Time
				}
			}
			f.Explain = i18n.T("node.pressure.why")
			f.Steps = append(f.Steps, Step{Text: i18n.T("node.step.describe"), Command: kubectl("", "describe", "node", n.Name)},
				Step{Text: i18n.T("node.pressure.step.top"), Command: kubectl("", "top", "pods", "-A", "--sort-by=memory").Pipe("head", "-n", "20")})
		}
		for _, t := range n.Spec.Taints {
			if strings.HasPrefix(t.Key, "node.kubernetes.io/") {
				f.Evidence = append(f.Evidence, specEvidence(nodeObj(n.Name), "spec.taints", taintString(t)))
			}
		}
		for _, p := range c.s.PodsOnNode(n.Name) {
			if terminated(p) || p.DeletionTimestamp != nil {
				continue
			}
			f.Pods = append(f.Pods, c.podRef(p))
		}
		out = append(out, f)
	}
	return out
}

// NodeHasFinding reports whether a node is lost, not ready or under
// pressure: the nodes findings are made about, each listing the pods on
// the node.
func NodeHasFinding(n *corev1.Node) bool {
	if ready := nodeCondition(n, corev1.NodeReady); ready != nil && (ready.Status == corev1.ConditionUnknown || ready.Status == corev1.ConditionFalse) {
		return true
	}
	return len(pressures(n)) > 0
}

// pressures are a node's pressure conditions that are True.
func pressures(n *corev1.Node) []string {
	var press []string
	for _, t := range []corev1.NodeConditionType{corev1.NodeMemoryPressure, corev1.NodeDiskPressure, corev1.NodePIDPressure, corev1.NodeNetworkUnavailable} {
		if cond := nodeCondition(n, t); cond != nil && cond.Status == corev1.ConditionTrue {
			press = append(press, string(t))
		}
	}
	return press
}

func (c *ctx) newNodeFinding(n *corev1.Node, sev Severity, class, reason string) *Finding {
	return &Finding{Severity: sev, Class: class, Reason: reason, Subject: snapshot.ObjectRef{Kind: "Node", Name: n.Name, UID: n.UID}, Node: n.Name}
}

// notReadyMeaning maps the kubelet's NotReady message to its usual cause.
func notReadyMeaning(msg string) i18n.Msg {
	l := strings.ToLower(msg)
	switch {
	case strings.Contains(l, "container runtime is down"), strings.Contains(l, "runtime not ready"), strings.Contains(l, "container runtime status check"):
		return i18n.T("node.notready.runtime")
	case strings.Contains(l, "pleg"):
		return i18n.T("node.notready.pleg")
	case strings.Contains(l, "network plugin"), strings.Contains(l, "cni"), strings.Contains(l, "networkready=false"):
		return i18n.T("node.notready.cni")
	case strings.Contains(l, "kubelet stopped posting"):
		return i18n.T("unknown.node.why")
	}
	return i18n.T("node.notready.other")
}
