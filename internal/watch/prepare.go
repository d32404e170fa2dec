package watch

import (
	"encoding/json"
	"hash/fnv"
	"maps"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	storagev1 "k8s.io/api/storage/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/report"
)

// metaObject is a pointer to an API type with ObjectMeta.
type metaObject[T any] interface {
	*T
	metav1.Object
}

// withOwnAnnotations returns a shallow copy whose annotation map is its
// own, when the object still has a last-applied annotation (the builder
// deletes it); otherwise the object itself.
func withOwnAnnotations[T any, P metaObject[T]](o P) any {
	a := o.GetAnnotations()
	if _, ok := a[lastApplied]; !ok {
		return o
	}
	c := P(new(T))
	*(*T)(c) = *(*T)(o)
	c.SetAnnotations(maps.Clone(a))
	return c
}

func copyIfLastApplied(obj any) any {
	switch o := obj.(type) {
	case *corev1.Pod:
		return withOwnAnnotations(o)
	case *corev1.Node:
		return withOwnAnnotations(o)
	case *appsv1.ReplicaSet:
		return withOwnAnnotations(o)
	case *appsv1.Deployment:
		return withOwnAnnotations(o)
	case *appsv1.StatefulSet:
		return withOwnAnnotations(o)
	case *appsv1.DaemonSet:
		return withOwnAnnotations(o)
	case *batchv1.Job:
		return withOwnAnnotations(o)
	case *batchv1.CronJob:
		return withOwnAnnotations(o)
	case *corev1.PersistentVolumeClaim:
		return withOwnAnnotations(o)
	case *corev1.PersistentVolume:
		return withOwnAnnotations(o)
	case *storagev1.StorageClass:
		return withOwnAnnotations(o)
	case *corev1.ConfigMap:
		return withOwnAnnotations(o)
	case *corev1.ServiceAccount:
		return withOwnAnnotations(o)
	case *corev1.ResourceQuota:
		return withOwnAnnotations(o)
	case *corev1.LimitRange:
		return withOwnAnnotations(o)
	case *corev1.Namespace:
		return withOwnAnnotations(o)
	case *corev1.Service:
		return withOwnAnnotations(o)
	}
	return obj
}

// fingerprint hashes what makes a finding "updated": everything it says
// except counters that move on their own while nothing else changes (event
// repeat counts and times, restart counts), so a crash loop that keeps
// crashing is not an update every ten seconds.
func fingerprint(f report.Finding) uint64 {
	f.Since = nil
	f.Pods = append([]diagnose.PodRef(nil), f.Pods...)
	for i := range f.Pods {
		f.Pods[i].Restarts = 0
	}
	f.Evidence = append([]report.Evidence(nil), f.Evidence...)
	for i := range f.Evidence {
		f.Evidence[i].Count = 0
		f.Evidence[i].FirstSeen = nil
		f.Evidence[i].LastSeen = nil
	}
	b, _ := json.Marshal(f)
	h := fnv.New64a()
	h.Write(b)
	return h.Sum64()
}
