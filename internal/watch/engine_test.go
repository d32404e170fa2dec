package watch_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"

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
