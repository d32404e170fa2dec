package kubetext_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"
	"unsafe"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	clientset "k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/fake"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/kubectl/pkg/describe"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/kubetext"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// dumpObjects decodes a folder of kubectl get -o json lists.
func dumpObjects(t *testing.T, dir string) []runtime.Object {
	t.Helper()
	files, _ := filepath.Glob(dir + "/*.json")
	var out []runtime.Object
	dec := scheme.Codecs.UniversalDeserializer()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var list struct{ Items []json.RawMessage }
		if err := json.Unmarshal(data, &list); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, raw := range list.Items {
			obj, _, err := dec.Decode(raw, nil, nil)
			if err != nil {
				continue // kinds the client scheme does not know
			}
			out = append(out, obj)
		}
	}
	return out
}

// describePod renders one pod with its events by kubectl's own describe
// code (what `kubectl describe pod` runs).
func describePod(t *testing.T, pod *corev1.Pod, events []*corev1.Event) string {
	t.Helper()
	objs := []runtime.Object{pod}
	for _, e := range events {
		objs = append(objs, e)
	}
	d := describe.PodDescriber{Interface: fake.NewSimpleClientset(objs...)}
	s, err := d.Describe(pod.Namespace, pod.Name, describe.DescriberSettings{ShowEvents: true, ChunkSize: 500})
	if err != nil {
		t.Fatalf("describe %s/%s: %v", pod.Namespace, pod.Name, err)
	}
	return s
}

// describeNode renders a node with the pods bound to it, as kubectl
// describe node does.
func describeNode(t *testing.T, n *corev1.Node, pods []*corev1.Pod, events []*corev1.Event) string {
	t.Helper()
	objs := []runtime.Object{n}
	for _, p := range pods {
		if p.Spec.NodeName == n.Name {
			objs = append(objs, p)
		}
	}
	for _, e := range events {
		objs = append(objs, e)
	}
	d := describe.NodeDescriber{Interface: fake.NewSimpleClientset(objs...)}
	s, err := d.Describe("", n.Name, describe.DescriberSettings{ShowEvents: true, ChunkSize: 500})
	if err != nil {
		t.Fatalf("describe node %s: %v", n.Name, err)
	}
	return s
}

// TestDescribeRoundTrip: every pod of the shipped example, printed by
// kubectl's describe code and read back, gives the findings its JSON
// gives. The other objects (nodes, ConfigMaps, Secrets, controllers) come
// from the JSON on both sides, so what is compared is exactly what
// describe text carries about a pod.
func TestDescribeRoundTrip(t *testing.T) {
	t.Run("pods", func(t *testing.T) { describeRoundTrip(t, false, false) })
	// Nodes too from kubectl describe node (conditions, taints,
	// allocatable, Allocated resources of the pods on them).
	t.Run("pods and nodes", func(t *testing.T) { describeRoundTrip(t, true, false) })
	// And the controllers and claims from describe deployment/replicaset/
	// statefulset/daemonset/job/pvc.
	t.Run("pods, nodes and controllers", func(t *testing.T) { describeRoundTrip(t, true, true) })
}

// withClient builds a describer whose clientset field kubectl does not
// export (DeploymentDescriber, StatefulSetDescriber); test code only.
func withClient[T any](c clientset.Interface) *T {
	var d T
	f := reflect.ValueOf(&d).Elem().FieldByName("client")
	reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem().Set(reflect.ValueOf(c))
	return &d
}

// describeController renders a controller or claim by kubectl's describer
// for its kind, with its events and the objects it reads (its pods, a
// Deployment's ReplicaSets).
func describeController(t *testing.T, o runtime.Object, related []runtime.Object, events []*corev1.Event) (string, string) {
	t.Helper()
	objs := append([]runtime.Object{o}, related...)
	for _, e := range events {
		objs = append(objs, e)
	}
	c := fake.NewSimpleClientset(objs...)
	m := o.(metav1.Object)
	var d describe.ResourceDescriber
	var kind string
	switch o.(type) {
	case *appsv1.Deployment:
		d, kind = withClient[describe.DeploymentDescriber](c), "deployment"
	case *appsv1.StatefulSet:
		d, kind = withClient[describe.StatefulSetDescriber](c), "statefulset"
	case *appsv1.ReplicaSet:
		d, kind = &describe.ReplicaSetDescriber{Interface: c}, "replicaset"
	case *appsv1.DaemonSet:
		d, kind = &describe.DaemonSetDescriber{Interface: c}, "daemonset"
	case *batchv1.Job:
		d, kind = &describe.JobDescriber{Interface: c}, "job"
	case *corev1.PersistentVolumeClaim:
		d, kind = &describe.PersistentVolumeClaimDescriber{Interface: c}, "pvc"
	default:
		return "", ""
	}
	s, err := d.Describe(m.GetNamespace(), m.GetName(), describe.DescriberSettings{ShowEvents: true, ChunkSize: 500})
	if err != nil {
		t.Fatalf("describe %s %s: %v", kind, m.GetName(), err)
	}
	return kind, s
}

func describeRoundTrip(t *testing.T, nodesAsText, controllersAsText bool) {
	objs := dumpObjects(t, "../../examples/broken-cluster")
	var pods []*corev1.Pod
	eventsOf := map[string][]*corev1.Event{}
	var rest []runtime.Object
	var nodes []*corev1.Node
	var controllers []runtime.Object
	for _, o := range objs {
		switch v := o.(type) {
		case *corev1.Pod:
			pods = append(pods, v)
		case *corev1.Node:
			if nodesAsText {
				nodes = append(nodes, v)
			} else {
				rest = append(rest, o)
			}
		case *corev1.Event:
			if v.InvolvedObject.Kind == "Pod" || nodesAsText && v.InvolvedObject.Kind == "Node" || controllersAsText && v.InvolvedObject.Kind != "Node" {
				k := v.InvolvedObject.Namespace + "/" + v.InvolvedObject.Name
				eventsOf[k] = append(eventsOf[k], v)
			} else {
				rest = append(rest, o)
			}
		case *appsv1.Deployment, *appsv1.StatefulSet, *appsv1.ReplicaSet, *appsv1.DaemonSet, *batchv1.Job, *corev1.PersistentVolumeClaim:
			if controllersAsText {
				controllers = append(controllers, o)
			} else {
				rest = append(rest, o)
			}
		default:
			rest = append(rest, o)
		}
	}
	if len(pods) < 40 {
		t.Fatalf("only %d pods", len(pods))
	}
	// describe prints ages against the wall clock; both sides use it.
	now := time.Now().Truncate(time.Second)

	jb := snapshot.NewBuilder()
	for _, o := range objs {
		jb.Add(o.DeepCopyObject())
	}
	want := diagnose.Run(jb.Build(now), diagnose.DefaultOptions())

	var text strings.Builder
	for _, p := range pods {
		text.WriteString("$ kubectl describe pod " + p.Name + " -n " + p.Namespace + "\n")
		text.WriteString(describePod(t, p, eventsOf[p.Namespace+"/"+p.Name]))
		text.WriteString("\n")
	}
	for _, o := range controllers {
		m := o.(metav1.Object)
		var related []runtime.Object
		for _, p := range pods {
			if p.Namespace == m.GetNamespace() {
				related = append(related, p)
			}
		}
		for _, r := range objs {
			if rs, ok := r.(*appsv1.ReplicaSet); ok && rs.Namespace == m.GetNamespace() && rs != o {
				related = append(related, rs)
			}
		}
		kind, out := describeController(t, o, related, eventsOf[m.GetNamespace()+"/"+m.GetName()])
		text.WriteString("$ kubectl describe " + kind + " " + m.GetName() + " -n " + m.GetNamespace() + "\n" + out + "\n")
	}
	for _, n := range nodes {
		text.WriteString("$ kubectl describe node " + n.Name + "\n")
		text.WriteString(describeNode(t, n, pods, eventsOf["/"+n.Name]))
		text.WriteString("\n")
	}
	tb := snapshot.NewBuilder()
	for _, o := range rest {
		tb.Add(o.DeepCopyObject())
	}
	if _, err := kubetext.Load(tb, []byte(text.String()), kubetext.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	got := diagnose.Run(tb.Build(now), diagnose.DefaultOptions())

	key := func(f *diagnose.Finding) string {
		return f.ID + " " + f.Reason + " " + f.Subject.Kind + "/" + f.Namespace + "/" + f.Subject.Name
	}
	set := func(r *diagnose.Result) map[string]bool {
		m := map[string]bool{}
		for _, f := range r.Findings {
			m[key(f)] = true
		}
		return m
	}
	w, g := set(want), set(got)
	// What describe does not print changes these findings, each to the one
	// written here: the JSON's reason and subject, the text's, the field.
	limits := []struct{ json, text, field string }{
		{"Terminating/Finalizer Pod/shop/snapshot-exporter", "Crash/Exit Pod/shop/snapshot-exporter", "metadata.finalizers of a Failed pod"},
		{"NotScheduled Deployment/data/analytics-worker", "NotScheduled Deployment/data/analytics-worker", "spec.schedulerName (my-scheduler)"},
		{"NotScheduled Pod/ml/finetune-run-42", "NotScheduled Pod/ml/finetune-run-42", "spec.schedulingGates"},
	}
	strip := func(m map[string]bool, what string) {
		for k := range m {
			if strings.HasSuffix(k, " "+what) {
				delete(m, k)
				return
			}
		}
		t.Errorf("documented limit %q no longer applies", what)
	}
	if controllersAsText {
		// describe hides the last-applied-configuration annotation, where
		// the misplaced field was found.
		limits = append(limits, struct{ json, text, field string }{"Spec/UnknownField Deployment/shop/catalog", "", "last-applied-configuration"})
	}
	for _, l := range limits {
		strip(w, l.json)
		if l.text != "" {
			strip(g, l.text)
		}
	}
	var missing, extra []string
	for k := range w {
		if !g[k] {
			missing = append(missing, k)
		}
	}
	for k := range g {
		if !w[k] {
			extra = append(extra, k)
		}
	}
	sort.Strings(missing)
	sort.Strings(extra)
	for _, k := range missing {
		t.Errorf("JSON finding not found from describe text: %s", k)
	}
	for _, k := range extra {
		t.Errorf("finding from describe text only: %s", k)
	}
	if nodesAsText && len(nodes) < 3 {
		t.Fatalf("only %d nodes", len(nodes))
	}
	t.Logf("%d findings from JSON, %d from describe text (%d pods, %d nodes as text)", len(w), len(g), len(pods), len(nodes))
}
