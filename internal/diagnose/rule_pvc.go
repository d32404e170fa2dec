package diagnose

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// claims explains, in pasted text, a PersistentVolumeClaim stuck Pending
// whose pods the paste does not show (kubectl describe pvc pasted alone):
// the pods that use it cannot be scheduled, and the claim's own fields
// and events say why. With a pod that names it, the pod's finding says
// it instead (explainVolume).
func (c *ctx) claims() []*Finding {
	if !c.s.FromText {
		return nil
	}
	used := map[string]bool{}
	for _, p := range c.s.Pods {
		for _, v := range p.Spec.Volumes {
			if v.PersistentVolumeClaim != nil {
				used[p.Namespace+"/"+v.PersistentVolumeClaim.ClaimName] = true
			}
		}
	}
	var out []*Finding
	for _, pvc := range c.s.PVCs {
		if pvc.Status.Phase != corev1.ClaimPending || used[pvc.Namespace+"/"+pvc.Name] || !c.in(pvc.Namespace) {
			continue
		}
		ref := snapshot.ObjectRef{Kind: snapshot.KindPVC, Namespace: pvc.Namespace, Name: pvc.Name, UID: pvc.UID}
		scName := ""
		if pvc.Spec.StorageClassName != nil {
			scName = *pvc.Spec.StorageClassName
		}
		f := &Finding{Severity: Error, Class: ClassPending, Reason: "Unschedulable/Volume", Namespace: pvc.Namespace, Subject: ref, groupKey: "claim:" + pvc.Name}
		f.Evidence = append(f.Evidence, statusEvidence(ref, "status.phase", fmt.Sprintf("%s (storageClassName: %s)", pvc.Status.Phase, orNone(scName))))
		for _, e := range c.s.EventsFor(ref) {
			if e.Type == "Warning" || e.Reason == "FailedBinding" || e.Reason == "ExternalProvisioning" || e.Reason == "WaitForFirstConsumer" {
				f.Evidence = append(f.Evidence, eventEvidence(e))
			}
		}
		f.Headline = i18n.T("pending.claim.head", pvc.Name)
		noClass := scName == "" && pvc.Spec.VolumeName == ""
		if pvc.Annotations[snapshot.FromEventsAnnotation] != "" {
			// Known from its events only: the class it names is not shown,
			// unless the controller's message says it names none.
			noClass = false
			for _, e := range c.s.EventsFor(ref) {
				if strings.Contains(e.Message, "no storage class is set") {
					noClass = true
				}
			}
		}
		if noClass {
			// No class named, and none was filled in by a default
			// StorageClass when the claim was created.
			f.Headline = i18n.T("pending.claim.noclass.head", pvc.Name)
		}
		f.Explain = i18n.T("pending.vol.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("pending.vol.step.sc"), Command: kubectl("", "get", "storageclass")},
			Step{Text: i18n.T("pending.vol.step.describe"), Command: kubectl(pvc.Namespace, "describe", "pvc", pvc.Name)},
			Step{Text: i18n.T("pending.claim.step.pods"), Command: kubectl(pvc.Namespace, "get", "pods", "-o", "wide")})
		out = append(out, f)
	}
	return out
}
