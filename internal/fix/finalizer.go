package fix

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// planFinalizers removes the finalizers of a pod stuck in deletion, but
// only when nothing that could still remove them exists: the pod's owner
// is gone (or it has none). Built-in finalizers (a Job's job-tracking)
// are covered by the same check: their controller acts while the owner
// exists.
// The pod's manifest goes into the change log, since it is deleted the
// moment its finalizers are gone and cannot be brought back.
func planFinalizers(p *Plan, s *snapshot.Snapshot, o Options) {
	for _, ref := range p.Finding.Pods {
		pod := s.Pod(ref.Namespace, ref.Name)
		if pod == nil || pod.DeletionTimestamp == nil || len(pod.Finalizers) == 0 {
			continue
		}
		obj := snapshot.ObjectRef{Kind: "Pod", Namespace: pod.Namespace, Name: pod.Name}
		if why, blocked := ownerAlive(pod, s); blocked {
			p.Refused = append(p.Refused, Refusal{Object: obj, Why: why})
			continue
		}
		fins := append([]string(nil), pod.Finalizers...)
		ns, name, uid := pod.Namespace, pod.Name, pod.UID
		p.Changes = append(p.Changes, Change{
			Verb: "patch", Object: obj, What: i18n.T("fix.finalizer.remove", strings.Join(fins, ", ")),
			Warning:   i18n.T("fix.finalizer.warn"),
			Undo:      "not reversible: the pod is deleted once its finalizers are gone; its manifest is in the change log",
			noInverse: true,
			run: func(ctx context.Context, cs kubernetes.Interface, dry bool) (string, string, error) {
				cur, err := cs.CoreV1().Pods(ns).Get(ctx, name, metav1.GetOptions{})
				if err != nil {
					return "", "", err
				}
				if cur.UID != uid {
					return "", "", fmt.Errorf("pod was replaced since it was diagnosed")
				}
				// test: remove exactly the finalizers that were diagnosed.
				ops := []map[string]any{
					{"op": "test", "path": "/metadata/finalizers", "value": fins},
					{"op": "remove", "path": "/metadata/finalizers"},
				}
				body, _ := json.Marshal(ops)
				got, err := cs.CoreV1().Pods(ns).Patch(ctx, name, types.JSONPatchType, body, metav1.PatchOptions{DryRun: dryRun(dry), FieldManager: "podwhy"})
				if err != nil {
					return "", "", err
				}
				return toYAML(cur), toYAML(got), nil
			},
		})
	}
	if len(p.Changes) == 0 && len(p.Refused) == 0 {
		p.Note = i18n.T("fix.finalizer.nothing")
	}
}

// ownerAlive refuses when the pod's controller still exists and is not
// itself being deleted: it may be the one meant to finish the deletion.
func ownerAlive(pod *corev1.Pod, s *snapshot.Snapshot) (i18n.Msg, bool) {
	c := metav1.GetControllerOf(pod)
	if c == nil {
		return i18n.Msg{}, false
	}
	var meta metav1.Object
	switch c.Kind {
	case "ReplicaSet":
		if o := s.ReplicaSet(pod.Namespace, c.Name); o != nil {
			meta = o
		}
	case "StatefulSet":
		if o := s.StatefulSet(pod.Namespace, c.Name); o != nil {
			meta = o
		}
	case "DaemonSet":
		if o := s.DaemonSet(pod.Namespace, c.Name); o != nil {
			meta = o
		}
	case "Job":
		if o := s.Job(pod.Namespace, c.Name); o != nil {
			meta = o
		}
	default:
		return i18n.T("fix.finalizer.owner-unknown", c.Kind, c.Name), true
	}
	if meta == nil || meta.GetUID() != c.UID || meta.GetDeletionTimestamp() != nil {
		return i18n.Msg{}, false
	}
	return i18n.T("fix.finalizer.owner-alive", c.Kind, c.Name), true
}
