package watch_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/watch"
	"github.com/podwhy/podwhy/internal/watch/watchtest"
)

type recorder struct {
	mu      sync.Mutex
	changes []watch.Change
}

func (r *recorder) add(_ *watch.State, c watch.Change) {
	r.mu.Lock()
	r.changes = append(r.changes, c)
	r.mu.Unlock()
}

// wait polls until f holds or fails the test after 10 s.
func wait(t *testing.T, what string, f func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !f() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// TestEngineOpensAndResolves drives real informers over a fake clientset:
// a pod in ImagePullBackOff opens an Image/NotFound finding; deleting it
// resolves the finding.
func TestEngineOpensAndResolves(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cs := fake.NewClientset()
	e := watch.New(watch.Options{Debounce: 20 * time.Millisecond})
	var rec recorder
	e.OnScan(rec.add)
	if err := e.Start(ctx, cs); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); e.Stop() }()
	wait(t, "ready", e.Ready)
	if st := e.State(); len(st.Result.Findings) != 0 {
		t.Fatalf("empty cluster has findings: %+v", st.Result.Findings)
	}

	if err := watchtest.CreateImagePullPod(ctx, cs, "shop", "inventory", time.Now()); err != nil {
		t.Fatal(err)
	}
	var id string
	wait(t, "the finding to open", func() bool {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		for _, c := range rec.changes {
			for _, f := range c.Opened {
				if f.Reason == "Image/NotFound" && f.Namespace == "shop" {
					id = f.ID
					return true
				}
			}
		}
		return false
	})
	if f := e.State().ByID[id]; f == nil || f.Subject.Name != "inventory" {
		t.Fatalf("state lacks the finding: %+v", f)
	}
	// Secret-ish literal env values never reach the cache.
	for _, o := range e.Objects("Pod") {
		if strings.Contains(fmtAny(o), "hunter2") {
			t.Fatal("literal env value kept in the cache")
		}
	}

	if err := cs.CoreV1().Pods("shop").Delete(ctx, "inventory", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	wait(t, "the finding to resolve", func() bool {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		for _, c := range rec.changes {
			for _, f := range c.Resolved {
				if f.ID == id {
					return true
				}
			}
		}
		return false
	})
	if n := len(e.State().Result.Findings); n != 0 {
		t.Fatalf("%d findings after the pod is gone", n)
	}
}

// TestForbiddenKindIsANote: a kind that may not be listed is left out and
// named in the notes; pods that may not be listed stop the start.
func TestForbiddenKindIsANote(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cs := fake.NewClientset()
	cs.PrependReactor("list", "secrets", func(k8stesting.Action) (bool, runtime.Object, error) {
		return true, nil, apierrors.NewForbidden(schema.GroupResource{Resource: "secrets"}, "", nil)
	})
	e := watch.New(watch.Options{Namespace: "shop", Debounce: 10 * time.Millisecond})
	if err := e.Start(ctx, cs); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); e.Stop() }()
	wait(t, "ready", e.Ready)
	notes := strings.Join(e.Notes(), "\n")
	if !strings.Contains(notes, `"secrets" in namespace shop`) {
		t.Errorf("notes: %q", notes)
	}
	if _, ok := e.Synced()["Namespace"]; ok {
		t.Error("a namespaced watch watches the namespace list")
	}

	cs2 := fake.NewClientset()
	cs2.PrependReactor("list", "pods", func(k8stesting.Action) (bool, runtime.Object, error) {
		return true, nil, apierrors.NewForbidden(schema.GroupResource{Resource: "pods"}, "", nil)
	})
	err := watch.New(watch.Options{}).Start(ctx, cs2)
	if err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "not allowed to list pods") {
		t.Fatalf("forbidden pods: %v", err)
	}
}

func fmtAny(o any) string { return fmt.Sprintf("%+v", o) }

// TestEvidenceRefresh: a pod bound in one namespace changes what a Pending
// pod of another namespace is told about the nodes' free CPU. The loop
// re-diagnoses the Pending pod's namespace after EvidenceDelay, with the
// soft delay and the refresh too long to do it instead.
func TestEvidenceRefresh(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	now := time.Now()
	cs := fake.NewClientset()
	node := watchtest.Node("n1", now)
	node.Status.Allocatable[corev1.ResourceCPU] = resource.MustParse("1")
	pending := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "big", Namespace: "a", UID: "uid-big", CreationTimestamp: metav1.NewTime(now.Add(-10 * time.Minute))},
		Spec: corev1.PodSpec{SchedulerName: "default-scheduler", Containers: []corev1.Container{{Name: "app", Image: "busybox",
			Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("2")}}}}},
		Status: corev1.PodStatus{Phase: corev1.PodPending, Conditions: []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionFalse, Reason: "Unschedulable",
			Message: "0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."}}},
	}
	ev := &corev1.Event{
		ObjectMeta:     metav1.ObjectMeta{Name: "big.1", Namespace: "a"},
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: "a", Name: "big", UID: "uid-big"},
		Type:           corev1.EventTypeWarning, Reason: "FailedScheduling", Source: corev1.EventSource{Component: "default-scheduler"},
		Message: pending.Status.Conditions[0].Message, Count: 3,
		FirstTimestamp: metav1.NewTime(now.Add(-10 * time.Minute)), LastTimestamp: metav1.NewTime(now.Add(-time.Minute)),
	}
	for _, err := range []error{
		func() error { _, err := cs.CoreV1().Nodes().Create(ctx, node, metav1.CreateOptions{}); return err }(),
		func() error { _, err := cs.CoreV1().Pods("a").Create(ctx, pending, metav1.CreateOptions{}); return err }(),
		func() error { _, err := cs.CoreV1().Events("a").Create(ctx, ev, metav1.CreateOptions{}); return err }(),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	e := watch.New(watch.Options{Debounce: 10 * time.Millisecond, EvidenceDelay: 300 * time.Millisecond, SoftDelay: time.Hour, Refresh: time.Hour})
	if err := e.Start(ctx, cs); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); e.Stop() }()
	wait(t, "ready", e.Ready)
	headline := func() string {
		st := e.State()
		for _, f := range e.Render(st, st.Result.Findings, i18n.EN).Findings {
			if f.Namespace == "a" {
				return f.Headline
			}
		}
		return ""
	}
	before := headline()
	if !strings.Contains(before, "1 (n1)") {
		t.Fatalf("headline before: %q", before)
	}
	user := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "user", Namespace: "b", UID: "uid-user", CreationTimestamp: metav1.NewTime(now)},
		Spec: corev1.PodSpec{NodeName: "n1", Containers: []corev1.Container{{Name: "app", Image: "busybox",
			Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("400m")}}}}},
		Status: corev1.PodStatus{Phase: corev1.PodRunning},
	}
	start := time.Now()
	if _, err := cs.CoreV1().Pods("b").Create(ctx, user, metav1.CreateOptions{}); err != nil {
		t.Fatal(err)
	}
	wait(t, "the Pending pod's headline to quote the new free CPU", func() bool { return strings.Contains(headline(), "600m (n1)") })
	if took := time.Since(start); took < 300*time.Millisecond {
		t.Errorf("evidence refreshed after %s, before EvidenceDelay", took)
	}
	t.Logf("%q → %q", before, headline())
}
