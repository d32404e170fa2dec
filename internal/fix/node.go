package fix

import (
	"context"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// DefaultLostAfter is how long a node must have been not Ready before
// podwhy deletes its Node or force-deletes its pods: the node lifecycle
// controller itself waits 5 minutes before evicting.
const DefaultLostAfter = 5 * time.Minute

// nodeLost reports whether a node has been not Ready long enough, and
// for how long.
func nodeLost(n *corev1.Node, now time.Time, lostFor time.Duration) (bool, time.Duration) {
	for _, c := range n.Status.Conditions {
		if c.Type != corev1.NodeReady {
			continue
		}
		if c.Status == corev1.ConditionTrue {
			return false, 0
		}
		since := c.LastTransitionTime.Time
		if hb := c.LastHeartbeatTime.Time; hb.After(since) {
			since = hb
		}
		return now.Sub(since) >= lostFor, now.Sub(since)
	}
	return false, 0
}

// planDeleteNode deletes a Node whose machine the operator confirms is
// gone. The pods bound to it are then deleted by the garbage collector;
// a kubelet that comes back registers the Node again.
func planDeleteNode(p *Plan, s *snapshot.Snapshot, o Options) {
	name := p.Finding.Node
	if name == "" {
		name = p.Finding.Subject.Name
	}
	ref := snapshot.ObjectRef{Kind: "Node", Name: name}
	n := s.Node(name)
	if n == nil {
		p.Note = i18n.T("fix.node.already-gone", name)
		return
	}
	lost, d := nodeLost(n, o.Now, o.LostAfter)
	switch {
	case !lost:
		p.Refused = append(p.Refused, Refusal{Object: ref, Why: i18n.T("fix.node.not-lost", name, i18n.Dur(d), i18n.Dur(o.LostAfter))})
		return
	case !o.MachineGone:
		p.Refused = append(p.Refused, Refusal{Object: ref, Why: i18n.T("fix.node.confirm", name)})
		return
	}
	uid := n.UID
	p.Changes = append(p.Changes, Change{
		Verb: "delete", Object: ref, What: i18n.T("fix.node.delete", name, len(s.PodsOnNode(name))),
		Warning: i18n.T("fix.node.warn"),
		Undo:    "restart the kubelet on the machine (it registers the Node again); the deleted Node's manifest is in the change log",
		run: func(ctx context.Context, cs kubernetes.Interface, dry bool) (string, string, error) {
			cur, err := cs.CoreV1().Nodes().Get(ctx, name, metav1.GetOptions{})
			if err != nil {
				return "", "", err
			}
			if cur.UID != uid {
				return "", "", fmt.Errorf("node was re-registered since it was diagnosed")
			}
			err = cs.CoreV1().Nodes().Delete(ctx, name, metav1.DeleteOptions{DryRun: dryRun(dry), Preconditions: &metav1.Preconditions{UID: &uid}})
			return toYAML(cur), "", err
		},
	})
}

// planForceDelete removes pods stuck Terminating on a lost node without
// waiting for the kubelet. A StatefulSet pod is refused unless the
// operator insists and the machine is known to be gone: if it is only cut
// off, its old pod may still run and write next to the new one.
func planForceDelete(p *Plan, s *snapshot.Snapshot, o Options) {
	for _, ref := range p.Finding.Pods {
		pod := s.Pod(ref.Namespace, ref.Name)
		if pod == nil || pod.DeletionTimestamp == nil {
			continue
		}
		obj := snapshot.ObjectRef{Kind: "Pod", Namespace: pod.Namespace, Name: pod.Name}
		node := pod.Spec.NodeName
		n := s.Node(node)
		gone := n == nil && s.Has(snapshot.KindNode)
		if n != nil {
			if lost, d := nodeLost(n, o.Now, o.LostAfter); !lost {
				p.Refused = append(p.Refused, Refusal{Object: obj, Why: i18n.T("fix.node.not-lost", node, i18n.Dur(d), i18n.Dur(o.LostAfter))})
				continue
			}
		}
		c := metav1.GetControllerOf(pod)
		sts := c != nil && c.Kind == "StatefulSet"
		var warning i18n.Msg
		if sts {
			switch {
			case !o.ForceStatefulSet:
				p.Refused = append(p.Refused, Refusal{Object: obj, Why: i18n.T("fix.force.sts-flag", c.Name)})
				continue
			case !gone && !o.MachineGone:
				p.Refused = append(p.Refused, Refusal{Object: obj, Why: i18n.T("fix.force.sts-confirm", node)})
				continue
			}
			warning = i18n.T("fix.force.sts-warn", c.Name)
		}
		ns, name, uid := pod.Namespace, pod.Name, pod.UID
		p.Changes = append(p.Changes, Change{
			Verb: "force-delete", Object: obj, What: i18n.T("fix.force.delete", node), Warning: warning,
			Undo: "not reversible: the pod's controller creates a replacement; its manifest is in the change log",
			run: func(ctx context.Context, cs kubernetes.Interface, dry bool) (string, string, error) {
				cur, err := cs.CoreV1().Pods(ns).Get(ctx, name, metav1.GetOptions{})
				if err != nil {
					return "", "", err
				}
				zero := int64(0)
				err = cs.CoreV1().Pods(ns).Delete(ctx, name, metav1.DeleteOptions{DryRun: dryRun(dry), GracePeriodSeconds: &zero, Preconditions: &metav1.Preconditions{UID: &uid}})
				return toYAML(cur), "", err
			},
		})
	}
	if len(p.Changes) == 0 && len(p.Refused) == 0 {
		p.Note = i18n.T("fix.force.nothing")
	}
}
