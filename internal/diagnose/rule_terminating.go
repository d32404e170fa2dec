package diagnose

import (
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// terminating explains a pod with a deletionTimestamp (catalog §6): its
// node is lost, a finalizer holds it, or it is still inside its grace
// period.
func (c *ctx) terminating(p *corev1.Pod) []*Finding {
	del := p.DeletionTimestamp.Time
	node := p.Spec.NodeName
	n := c.s.Node(node)
	nodeGone := node != "" && n == nil && c.s.Has(snapshot.KindNode)
	nodeBad := n != nil && nodeReady(n) != corev1.ConditionTrue
	owner := c.ownerOf(p)
	isSTS := owner.Direct.Kind == "StatefulSet"

	var f *Finding
	switch {
	case nodeGone || nodeBad:
		f = c.newPodFinding(p, Error, ClassTerminate, "Terminating/NodeLost", node)
		state := i18n.T("term.state.gone")
		if n != nil {
			state = i18n.T("term.state." + string(nodeReady(n)))
			if rc := nodeCondition(n, corev1.NodeReady); rc != nil {
				f.Evidence = append(f.Evidence, statusEvidence(nodeObj(node), "status.conditions[Ready]", string(rc.Status)+" "+rc.Reason+": "+rc.Message))
			}
		} else {
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.nodeName", node+" (no such Node)"))
		}
		f.Headline = i18n.T("term.nodelost.head", orNone(node), state, i18n.Dur(c.age(del)))
		f.Explain = i18n.T("term.nodelost.why")
		if nodeGone {
			f.Steps = append(f.Steps, Step{Text: i18n.T("term.nodelost.step.gone")})
		} else {
			f.Steps = append(f.Steps,
				Step{Text: i18n.T("term.nodelost.step.delete-node", node), Command: kubectl("", "delete", "node", node), Changes: true},
				Step{Text: i18n.T("term.nodelost.step.recover", node), Command: "systemctl restart kubelet"})
		}
		warn := i18n.T("term.nodelost.step.force")
		if isSTS {
			warn = i18n.T("term.nodelost.step.force-sts", owner.Direct.Name)
		}
		f.Steps = append(f.Steps, Step{Text: warn, Command: kubectl(p.Namespace, "delete", "pod", p.Name, "--grace-period=0", "--force"), Changes: true})
		if isSTS {
			f.Severity = Error
		}
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
			Step{Text: i18n.T("term.finalizer.step.remove"), Command: kubectl(p.Namespace, "patch", "pod", p.Name, "--type=json", `-p='[{"op":"remove","path":"/metadata/finalizers"}]'`), Changes: true})
	case c.now.After(del):
		f = c.newPodFinding(p, Warning, ClassTerminate, "Terminating/Stuck", node)
		f.Headline = i18n.T("term.stuck.head", orNone(node), i18n.Dur(c.age(del)))
		f.Explain = i18n.T("term.stuck.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("node.step.kubelet", orNone(node)), Command: "journalctl -u kubelet --since '-30m' | grep " + p.Name + "; crictl pods --name " + p.Name},
			Step{Text: i18n.T("term.nodelost.step.force"), Command: kubectl(p.Namespace, "delete", "pod", p.Name, "--grace-period=0", "--force"), Changes: true})
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
	f.Evidence = append([]Evidence{statusEvidence(podObj(p), "metadata.deletionTimestamp", del.UTC().Format("2006-01-02T15:04:05Z"))}, f.Evidence...)
	f.Since = del
	if dt := podCondition(p, corev1.PodConditionType("DisruptionTarget")); dt != nil && dt.Status == corev1.ConditionTrue {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.conditions[DisruptionTarget]", dt.Reason+": "+dt.Message))
	}
	if isMirror(p) {
		addStaticPodNote(p, f)
	}
	return []*Finding{f}
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
	case strings.HasPrefix(fin, "kubernetes.io/") || strings.HasPrefix(fin, "batch.kubernetes.io/"):
		return i18n.T("fin.builtin")
	}
	domain := fin
	if i := strings.IndexByte(fin, '/'); i > 0 {
		domain = fin[:i]
	}
	return i18n.T("fin.custom", domain)
}
