package watch

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	storagev1 "k8s.io/api/storage/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/tools/cache"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// decodeDir decodes every kubectl JSON List (or single object) in a folder
// into typed objects, in file order.
func decodeDir(tb testing.TB, dir string) []runtime.Object {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		tb.Fatalf("no JSON in %s: %v", dir, err)
	}
	var out []runtime.Object
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		out = append(out, decodeList(tb, data)...)
	}
	return out
}

func decodeList(tb testing.TB, data []byte) []runtime.Object {
	tb.Helper()
	var l struct {
		APIVersion string            `json:"apiVersion"`
		Kind       string            `json:"kind"`
		Items      []json.RawMessage `json:"items"`
	}
	if err := json.Unmarshal(data, &l); err != nil {
		tb.Fatal(err)
	}
	items := l.Items
	if !strings.HasSuffix(l.Kind, "List") {
		items = []json.RawMessage{data}
	}
	dec := scheme.Codecs.UniversalDeserializer()
	// kubectl cluster-info dump writes items without their kind.
	def := schema.FromAPIVersionAndKind(l.APIVersion, strings.TrimSuffix(l.Kind, "List"))
	var out []runtime.Object
	for _, it := range items {
		obj, _, err := dec.Decode(it, &def, nil)
		if err != nil {
			continue // kinds the client scheme does not know
		}
		out = append(out, obj)
	}
	return out
}

// kindOf names an object's snapshot kind; "" for kinds the rules do not read.
func kindOf(o runtime.Object) string {
	switch o.(type) {
	case *corev1.Pod:
		return snapshot.KindPod
	case *corev1.Event:
		return snapshot.KindEvent
	case *corev1.Node:
		return snapshot.KindNode
	case *appsv1.ReplicaSet:
		return snapshot.KindReplicaSet
	case *appsv1.Deployment:
		return snapshot.KindDeployment
	case *appsv1.StatefulSet:
		return snapshot.KindStatefulSet
	case *appsv1.DaemonSet:
		return snapshot.KindDaemonSet
	case *batchv1.Job:
		return snapshot.KindJob
	case *batchv1.CronJob:
		return snapshot.KindCronJob
	case *corev1.PersistentVolumeClaim:
		return snapshot.KindPVC
	case *corev1.PersistentVolume:
		return snapshot.KindPV
	case *storagev1.StorageClass:
		return snapshot.KindStorageClass
	case *corev1.ConfigMap:
		return snapshot.KindConfigMap
	case *corev1.Secret:
		return snapshot.KindSecret
	case *corev1.ServiceAccount:
		return snapshot.KindServiceAccount
	case *corev1.ResourceQuota:
		return snapshot.KindResourceQuota
	case *corev1.LimitRange:
		return snapshot.KindLimitRange
	case *corev1.Namespace:
		return snapshot.KindNamespace
	case *corev1.Service:
		return snapshot.KindService
	}
	return ""
}

// storeEngine is an engine over plain stores filled with transformed
// copies of objs, as the informers would hold them.
func storeEngine(tb testing.TB, objs []runtime.Object, o Options) *Engine {
	tb.Helper()
	e := New(o)
	stores := map[string]cache.Indexer{}
	for _, k := range kinds {
		stores[k.name] = cache.NewIndexer(cache.MetaNamespaceKeyFunc, cache.Indexers{cache.NamespaceIndex: cache.MetaNamespaceIndexFunc})
	}
	for _, obj := range objs {
		k := kindOf(obj)
		if k == "" {
			continue
		}
		t, err := forCache(obj.DeepCopyObject())
		if err != nil {
			tb.Fatal(err)
		}
		if err := stores[k].Add(t); err != nil {
			tb.Fatal(err)
		}
	}
	// Only the kinds the input has: a dump without StorageClasses says
	// nothing about them, while a watched, empty kind means "none exist".
	for _, k := range kinds {
		if len(stores[k.name].ListKeys()) > 0 {
			e.sources = append(e.sources, newSource(k, stores[k.name], func() bool { return true }))
		}
	}
	return e
}

// direct diagnoses objs the way a one-off run does (no transform).
func direct(objs []runtime.Object, now time.Time) *diagnose.Result {
	b := snapshot.NewBuilder()
	for _, o := range objs {
		b.Add(o.DeepCopyObject())
	}
	return diagnose.Run(b.Build(now), diagnose.DefaultOptions())
}
