package watch

import (
	"context"
	"net"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"

	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/client-go/tools/cache"
)

// fakeAPI answers a pod list and holds pod watches open, on a real socket.
func fakeAPI(t *testing.T, addr string) (*http.Server, string) {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Query().Get("watch") == "true" {
			w.WriteHeader(http.StatusOK)
			if r.URL.Query().Get("sendInitialEvents") == "true" {
				// A streaming list (WatchListClient): no pods, then the
				// bookmark that ends the initial events.
				w.Write([]byte(`{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"7","annotations":{"k8s.io/initial-events-end":"true"}}}}` + "\n"))
			}
			w.(http.Flusher).Flush()
			<-r.Context().Done()
			return
		}
		w.Write([]byte(`{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"7"},"items":[]}`))
	})}
	go srv.Serve(ln)
	return srv, ln.Addr().String()
}

// podInformer starts the pod informer serve uses, from client-go's
// shared factory, and waits for its first sync; it stops with the test.
func podInformer(t *testing.T, cfg *rest.Config) cache.SharedIndexInformer {
	t.Helper()
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	f := informers.NewSharedInformerFactory(cs, 0)
	inf := f.Core().V1().Pods().Informer()
	f.Start(ctx.Done())
	if !cache.WaitForCacheSync(ctx.Done(), inf.HasSynced) {
		t.Fatal("no sync")
	}
	return inf
}

// TestObserveOutage: a reflector retries a refused watch on its own and
// never calls the watch error handler, so an API server that went away
// must be seen on the transport: disconnected within seconds of the
// server closing, connected again once it answers. Real client-go
// informer, real sockets.
func TestObserveOutage(t *testing.T) {
	srv, addr := fakeAPI(t, "127.0.0.1:0")
	var mu sync.Mutex
	var reported []string
	reports := func() []string {
		mu.Lock()
		defer mu.Unlock()
		return slices.Clone(reported)
	}
	e := New(Options{Host: "http://" + addr, OnAPIError: func(res string, err error) {
		mu.Lock()
		reported = append(reported, res+": "+err.Error())
		mu.Unlock()
	}})
	cfg := &rest.Config{Host: "http://" + addr}
	cfg.Wrap(e.Observe)
	podInformer(t, cfg)
	waitFor := func(want bool, within time.Duration) {
		t.Helper()
		deadline := time.Now().Add(within)
		for time.Now().Before(deadline) {
			if ok, _ := e.Connected(); ok == want {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
		ok, err := e.Connected()
		t.Fatalf("connected=%v (%v) after %s, want %v", ok, err, within, want)
	}
	waitFor(true, time.Second)

	srv.Close()
	waitFor(false, 10*time.Second)
	if _, err := e.Connected(); err == nil || len(reports()) != 1 {
		t.Errorf("outage: error %v, reported %q (want one line, once)", err, reports())
	}
	time.Sleep(2 * time.Second) // more refused retries: still one report
	if r := reports(); len(r) != 1 {
		t.Errorf("an outage reported %d times: %q", len(r), r)
	}

	srv2, _ := fakeAPI(t, addr)
	defer srv2.Close()
	waitFor(true, 30*time.Second)
}

// TestVerbOf: requests named as the API server's apiserver_request_total
// names them.
func TestVerbOf(t *testing.T) {
	for _, tc := range []struct{ method, url, want string }{
		{"GET", "/api/v1/pods?limit=500", "list"},
		{"GET", "/api/v1/namespaces/shop/pods?limit=500&resourceVersion=0", "list"},
		{"GET", "/apis/apps/v1/namespaces/shop/deployments", "list"},
		{"GET", "/apis/apps/v1/deployments?allowWatchBookmarks=true&watch=true", "watch"},
		{"GET", "/api/v1/namespaces/shop/pods?watch=1", "watch"},
		{"GET", "/api/v1/namespaces/shop/pods/web-0", "get"},
		{"GET", "/api/v1/namespaces/shop/pods/web-0/log", "get"},
		{"GET", "/api/v1/namespaces/shop", "get"},
		{"GET", "/api/v1/nodes/n1", "get"},
		{"GET", "/version", "get"},
		{"POST", "/api/v1/namespaces/shop/events", "create"},
		{"PATCH", "/api/v1/namespaces/shop/events/e1", "patch"},
	} {
		req, err := http.NewRequest(tc.method, "https://api.example:6443"+tc.url, nil)
		if err != nil {
			t.Fatal(err)
		}
		if got := verbOf(req); got != tc.want {
			t.Errorf("%s %s: %s, want %s", tc.method, tc.url, got, tc.want)
		}
	}
}
