package watch

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/slim"
	"github.com/podwhy/podwhy/internal/watch/watchtest"
)

// TestIncrementalEqualsFull changes the broken-cluster example one object
// at a time — pods, events, a node, a ConfigMap, a ReplicaSet, a Namespace
// — and after each change lets the engine run its incremental passes until
// nothing is pending. The findings must then be exactly those of a fresh
// engine diagnosing everything, and the first pass after a namespaced
// change must have re-examined only that namespace.
func TestIncrementalEqualsFull(t *testing.T) {
	objs := decodeDir(t, "../../examples/broken-cluster")
	now := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	opts := Options{Now: func() time.Time { return now }}
	e := storeEngine(t, objs, opts)
	e.Scan()
	pods, events := e.sourceStore("Pod"), e.sourceStore("Event")

	list := func(kind string) []any {
		out := e.sourceStore(kind).s.store.List()
		sortByName(out)
		return out
	}
	// A pod bound to a node whose namespace differs from a Pending pod's:
	// removing it frees the node, which the Pending pod's evidence quotes.
	var pendingNS string
	for _, o := range list("Pod") {
		if p := cachedPod(t, o); p.Spec.NodeName == "" && p.Status.Phase == corev1.PodPending {
			pendingNS = p.Namespace
			break
		}
	}
	if pendingNS == "" {
		t.Fatal("broken-cluster has no Pending pod: the evidence step proves nothing")
	}

	// A node with a finding lists its pods, whatever their namespace.
	var lostNode string
	for _, o := range list("Node") {
		for _, c := range o.(*corev1.Node).Status.Conditions {
			if c.Type == corev1.NodeReady && c.Status == corev1.ConditionUnknown {
				lostNode = o.(*corev1.Node).Name
			}
		}
	}
	if lostNode == "" {
		t.Fatal("broken-cluster has no lost node")
	}

	steps := []struct {
		name  string
		scope []string // the first pass's scope; nil: not checked
		do    func() error
	}{
		{"a pod's scheduler events expire", nil, func() error {
			var about string
			for _, o := range list("Event") {
				if ev := o.(*slim.Event); ev.Reason == "FailedScheduling" && (about == "" || about == ev.Regarding.Name) {
					about = ev.Regarding.Name
					if err := events.Delete(ev); err != nil {
						return err
					}
				}
			}
			if about == "" {
				return fmt.Errorf("no FailedScheduling event")
			}
			return nil
		}},
		{"a pod starts failing to pull", []string{"shop"}, func() error {
			p, evs := watchtest.ImagePullPod("shop", "incremental", now, 10*time.Minute)
			p.Spec.NodeName = list("Node")[0].(*corev1.Node).Name
			for _, ev := range evs {
				if err := events.Add(ev); err != nil {
					return err
				}
			}
			return pods.Add(p)
		}},
		{"a pod of a quiet namespace runs on a lost node", []string{"quiet"}, func() error {
			p, _ := watchtest.ImagePullPod("quiet", "on-lost-node", now, time.Hour)
			p.Spec.NodeName = lostNode
			p.Status = corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{{Name: p.Spec.Containers[0].Name, Ready: true,
				State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: p.CreationTimestamp}}}}}
			return pods.Add(p)
		}},
		{"a running pod elsewhere goes away", nil, func() error {
			for _, o := range list("Pod") {
				if p := cachedPod(t, o); p.Namespace != pendingNS && p.Spec.NodeName != "" && p.Status.Phase == corev1.PodRunning {
					return pods.Delete(p)
				}
			}
			return fmt.Errorf("no running pod outside %s", pendingNS)
		}},
		{"every pod of a namespace goes", []string{"batch"}, func() error {
			for _, o := range list("Pod") {
				if p := cachedPod(t, o); p.Namespace == "batch" {
					if err := pods.Delete(p); err != nil {
						return err
					}
				}
			}
			return nil
		}},
		{"a node stops reporting", nil, func() error {
			for _, o := range list("Node") {
				n := o.(*corev1.Node).DeepCopy()
				for i, c := range n.Status.Conditions {
					if c.Type == corev1.NodeReady && c.Status == corev1.ConditionTrue {
						n.Status.Conditions[i].Status = corev1.ConditionUnknown
						n.Status.Conditions[i].Reason = "NodeStatusUnknown"
						n.Status.Conditions[i].Message = "Kubelet stopped posting node status."
						n.ResourceVersion += "1"
						return e.sourceStore("Node").Add(n)
					}
				}
			}
			return fmt.Errorf("no Ready node")
		}},
		{"a ConfigMap is deleted", []string{"payments"}, func() error {
			for _, o := range list("ConfigMap") {
				if cm := o.(*corev1.ConfigMap); cm.Namespace == "payments" {
					return e.sourceStore("ConfigMap").Delete(cm)
				}
			}
			return fmt.Errorf("no ConfigMap in payments")
		}},
		{"a ReplicaSet is deleted", nil, func() error {
			for _, o := range list("ReplicaSet") {
				if rs := o.(*appsv1.ReplicaSet); rs.Namespace == "shop" {
					return e.sourceStore("ReplicaSet").Delete(rs)
				}
			}
			return fmt.Errorf("no ReplicaSet in shop")
		}},
		{"a namespace's Pod Security labels change", []string{"compliance"}, func() error {
			for _, o := range list("Namespace") {
				if ns := o.(*corev1.Namespace); ns.Name == "compliance" {
					c := ns.DeepCopy()
					c.Labels = map[string]string{"pod-security.kubernetes.io/enforce": "privileged"}
					c.ResourceVersion += "1"
					return e.sourceStore("Namespace").Add(c)
				}
			}
			return fmt.Errorf("no Namespace compliance")
		}},
	}
	for _, step := range steps {
		before := findingsJSON(t, e, e.State())
		if err := step.do(); err != nil {
			t.Fatalf("%s: %v", step.name, err)
		}
		passes := 0
		for !e.pending.idle() {
			e.ScanChanged()
			if passes++; passes == 1 && step.scope != nil && !slices.Equal(e.State().Scope, step.scope) {
				t.Errorf("%s: first pass re-examined %v, want %v", step.name, e.State().Scope, step.scope)
			}
			if passes > 50 {
				t.Fatalf("%s: still pending after 50 passes", step.name)
			}
		}
		fresh := New(opts)
		for _, s := range e.sources {
			fresh.sources = append(fresh.sources, newSource(kind{name: s.kind, clusterScoped: s.clusterScoped}, s.store, s.synced))
		}
		fresh.Scan()
		got, want := findingsJSON(t, e, e.State()), findingsJSON(t, fresh, fresh.State())
		if got != want {
			t.Fatalf("%s: after %d passes the findings differ from a full diagnosis (without: full; with: incremental):\n%s", step.name, passes, firstDiff(want, got))
		}
		if got == before {
			t.Errorf("%s: the findings did not change: the step proves nothing", step.name)
		}
		t.Logf("%s: %d passes, scopes end with %v", step.name, passes, e.State().Scope)
	}
}

func findingsJSON(t *testing.T, e *Engine, st *State) string {
	t.Helper()
	doc := e.Render(st, st.Result.Findings, i18n.EN)
	b, err := json.MarshalIndent(struct {
		S report.Summary
		F []report.Finding
	}{doc.Summary, doc.Findings}, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// cachedPod is the pod a cache entry holds.
func cachedPod(t *testing.T, o any) *corev1.Pod {
	t.Helper()
	p, err := o.(*slim.Pod).Decode()
	if err != nil {
		t.Fatal(err)
	}
	return p
}
