package kubetext

import (
	"regexp"
	"strconv"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// uidOf names a text object. Text shows no UIDs, but the snapshot links
// pods to their controllers by UID, so each object gets one made from its
// identity, the same for every mention of it.
func uidOf(kind, ns, name string) types.UID {
	return types.UID(snapshot.TextUIDPrefix + kind + "/" + ns + "/" + name)
}

// scaledRe is the deployment controller's event: "Scaled up replica set
// web-65d947bf76 from 0 to 3" (1.26+) or "… to 3" (before).
var scaledRe = regexp.MustCompile(`^Scaled (?:up|down) replica set (\S+) (?:from \d+ )?to (\d+)`)

// cronCreatedRe is the CronJob controller's "Created job hello-28123456".
var cronCreatedRe = regexp.MustCompile(`^Created job (\S+)`)

// controllers rebuilds the controller objects that events and pods name
// but no describe showed: a ReplicaSet and its Deployment (from the
// ScalingReplicaSet event or the pod-template-hash label), a failed Job
// (from its BackoffLimitExceeded/DeadlineExceeded event), a CronJob's Job.
// Only what the text proves is filled in.
func (p *parser) controllers() {
	have := map[string]any{}
	for _, o := range p.objects {
		if m, ok := o.(metav1.Object); ok {
			have[kindOf(o)+"/"+m.GetNamespace()+"/"+m.GetName()] = o
		}
	}
	rs := map[string]*appsv1.ReplicaSet{}
	rsLatest := map[string]int64{}
	getRS := func(ns, name string) *appsv1.ReplicaSet {
		k := "ReplicaSet/" + ns + "/" + name
		if o, ok := have[k]; ok {
			r, _ := o.(*appsv1.ReplicaSet)
			return r
		}
		r := &appsv1.ReplicaSet{}
		r.Kind, r.APIVersion = "ReplicaSet", "apps/v1"
		r.Name, r.Namespace = name, ns
		have[k] = r
		rs[k] = r
		p.objects = append(p.objects, r)
		return r
	}
	setOwner := func(m *metav1.ObjectMeta, kind, name string) {
		if len(m.OwnerReferences) > 0 {
			return
		}
		t := true
		m.OwnerReferences = []metav1.OwnerReference{{APIVersion: apiVersionOf(kind), Kind: kind, Name: name, Controller: &t}}
	}
	jobs := map[string]*batchv1.Job{}
	getJob := func(ns, name string) *batchv1.Job {
		k := "Job/" + ns + "/" + name
		if o, ok := have[k]; ok {
			j, _ := o.(*batchv1.Job)
			return j
		}
		j := &batchv1.Job{}
		j.Kind, j.APIVersion = "Job", "batch/v1"
		j.Name, j.Namespace = name, ns
		have[k] = j
		jobs[k] = j
		p.objects = append(p.objects, j)
		return j
	}
	for _, e := range p.events {
		switch {
		case e.Kind == "Deployment" && e.Reason == "ScalingReplicaSet":
			m := scaledRe.FindStringSubmatch(e.Message)
			if m == nil {
				continue
			}
			r := getRS(e.Namespace, m[1])
			if r == nil {
				continue
			}
			setOwner(&r.ObjectMeta, "Deployment", e.Name)
			// The newest scaling event holds the replica count.
			k := "ReplicaSet/" + e.Namespace + "/" + m[1]
			if last, ok := rsLatest[k]; !ok || int64(e.LastAgo) < last {
				rsLatest[k] = int64(e.LastAgo)
				n, _ := strconv.Atoi(m[2])
				v := int32(n)
				r.Spec.Replicas = &v
			}
		case e.Kind == "ReplicaSet":
			getRS(e.Namespace, e.Name)
		case e.Kind == "PersistentVolumeClaim" && (e.Reason == "FailedBinding" || e.Reason == "ProvisioningFailed"):
			// The persistent volume controller writes these only about a
			// claim that is not bound.
			k := "PersistentVolumeClaim/" + e.Namespace + "/" + e.Name
			if _, ok := have[k]; ok {
				continue
			}
			c := &corev1.PersistentVolumeClaim{}
			c.Kind, c.APIVersion = "PersistentVolumeClaim", "v1"
			c.Name, c.Namespace = e.Name, e.Namespace
			c.Status.Phase = corev1.ClaimPending
			// Its spec is not shown: which class it names is unknown.
			c.Annotations = map[string]string{snapshot.FromEventsAnnotation: "true"}
			have[k] = c
			p.objects = append(p.objects, c)
		case e.Kind == "Job" && (e.Reason == "BackoffLimitExceeded" || e.Reason == "DeadlineExceeded" || e.Reason == "PodFailurePolicy" || e.Reason == "FailedIndexes"):
			j := getJob(e.Namespace, e.Name)
			if j == nil {
				continue
			}
			cond := batchv1.JobCondition{Type: batchv1.JobFailed, Status: corev1.ConditionTrue, Reason: e.Reason, Message: e.Message}
			replaced := false
			for i := range j.Status.Conditions {
				if j.Status.Conditions[i].Type == batchv1.JobFailed {
					j.Status.Conditions[i], replaced = cond, true
				}
			}
			if !replaced {
				j.Status.Conditions = append(j.Status.Conditions, cond)
			}
		}
	}
	for _, e := range p.events {
		if e.Kind == "CronJob" && e.Reason == "SuccessfulCreate" {
			if m := cronCreatedRe.FindStringSubmatch(e.Message); m != nil {
				if j, ok := have["Job/"+e.Namespace+"/"+m[1]].(*batchv1.Job); ok && j != nil {
					setOwner(&j.ObjectMeta, "CronJob", e.Name)
				}
			}
		}
	}
	// Pods name their ReplicaSet, and its pod-template-hash names the
	// Deployment.
	for _, tp := range p.pods {
		ref := metav1.GetControllerOf(tp.pod)
		if ref == nil {
			continue
		}
		switch ref.Kind {
		case "ReplicaSet":
			r := getRS(tp.pod.Namespace, ref.Name)
			if r == nil {
				continue
			}
			if h := tp.pod.Labels["pod-template-hash"]; h != "" && strings.HasSuffix(ref.Name, "-"+h) {
				setOwner(&r.ObjectMeta, "Deployment", strings.TrimSuffix(ref.Name, "-"+h))
			}
		case "Job":
			if j, ok := jobs["Job/"+tp.pod.Namespace+"/"+ref.Name]; ok {
				if tp.pod.Status.Phase == corev1.PodFailed {
					j.Status.Failed++
				}
			}
		}
	}
	// A rebuilt ReplicaSet has as many pods as the text shows; without a
	// replica count it is not known to be short, and says nothing.
	// Counted once for all ReplicaSets: a paste of many of each is read
	// in time linear in their number.
	live := map[string]int32{}
	for _, tp := range p.pods {
		if ref := metav1.GetControllerOf(tp.pod); ref != nil && ref.Kind == "ReplicaSet" &&
			tp.pod.Status.Phase != corev1.PodFailed && tp.pod.Status.Phase != corev1.PodSucceeded {
			live["ReplicaSet/"+tp.pod.Namespace+"/"+ref.Name]++
		}
	}
	for k, r := range rs {
		if r.Spec.Replicas != nil {
			r.Status.Replicas += live[k]
		}
	}
	p.linkUIDs()
}

// linkUIDs gives every controller object its UID and every owner
// reference the UID of the object it names.
func (p *parser) linkUIDs() {
	for _, o := range p.objects {
		if m, ok := o.(metav1.Object); ok && m.GetUID() == "" {
			m.SetUID(uidOf(kindOf(o), m.GetNamespace(), m.GetName()))
		}
		if m, ok := o.(metav1.Object); ok {
			refs := m.GetOwnerReferences()
			for i := range refs {
				if refs[i].UID == "" {
					refs[i].UID = uidOf(refs[i].Kind, m.GetNamespace(), refs[i].Name)
				}
			}
		}
	}
	for _, tp := range p.pods {
		for i := range tp.pod.OwnerReferences {
			r := &tp.pod.OwnerReferences[i]
			if r.UID == "" {
				r.UID = uidOf(r.Kind, tp.pod.Namespace, r.Name)
			}
		}
	}
}

func kindOf(o any) string {
	switch o.(type) {
	case *corev1.Node:
		return "Node"
	case *appsv1.Deployment:
		return "Deployment"
	case *appsv1.ReplicaSet:
		return "ReplicaSet"
	case *appsv1.StatefulSet:
		return "StatefulSet"
	case *appsv1.DaemonSet:
		return "DaemonSet"
	case *batchv1.Job:
		return "Job"
	case *batchv1.CronJob:
		return "CronJob"
	case *corev1.PersistentVolumeClaim:
		return "PersistentVolumeClaim"
	}
	return ""
}
