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

// lastApplied is the annotation the snapshot builder checks and deletes.
const lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

// metaObject is a pointer to an API type with ObjectMeta.
type metaObject[T any] interface {
	*T
	metav1.Object
}

// shallowCopy copies an object's top-level struct, so the snapshot builder
// may delete the last-applied annotation it has checked without touching
// the informer's cache, which other goroutines read. The annotation map is
// cloned only when the builder will delete from it.
func shallowCopy[T any, P metaObject[T]](o P) any {
	c := P(new(T))
	*(*T)(c) = *(*T)(o)
	if a := o.GetAnnotations(); hasLastApplied(a) {
		c.SetAnnotations(maps.Clone(a))
	}
	return c
}

func hasLastApplied(a map[string]string) bool {
	_, ok := a[lastApplied]
	return ok
}

// ownCopy is shallowCopy for every kind the builder takes; nil for others.
func ownCopy(obj any) any {
	switch o := obj.(type) {
	case *corev1.Pod:
		return shallowCopy(o)
	case *corev1.Node:
		return shallowCopy(o)
	case *appsv1.ReplicaSet:
		return shallowCopy(o)
	case *appsv1.Deployment:
		return shallowCopy(o)
	case *appsv1.StatefulSet:
		return shallowCopy(o)
	case *appsv1.DaemonSet:
		return shallowCopy(o)
	case *batchv1.Job:
		return shallowCopy(o)
	case *batchv1.CronJob:
		return shallowCopy(o)
	case *corev1.PersistentVolumeClaim:
		return shallowCopy(o)
	case *corev1.PersistentVolume:
		return shallowCopy(o)
	case *storagev1.StorageClass:
		return shallowCopy(o)
	case *corev1.ConfigMap:
		return shallowCopy(o)
	case *corev1.Secret:
		return shallowCopy(o)
	case *corev1.ServiceAccount:
		return shallowCopy(o)
	case *corev1.ResourceQuota:
		return shallowCopy(o)
	case *corev1.LimitRange:
		return shallowCopy(o)
	case *corev1.Namespace:
		return shallowCopy(o)
	case *corev1.Service:
		return shallowCopy(o)
	}
	return nil
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
