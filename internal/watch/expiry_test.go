package watch

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"k8s.io/client-go/rest"
)

// TestRoutineWatchExpiryNoRelist: when the API server ends a watch, as it
// does for every watch after its timeout, the informers serve uses
// (client-go's, real sockets) watch again from the last resource version
// they saw, announced by bookmarks. Neither a LIST nor a second initial
// stream is made: on a cluster of 100,000 pods either would be the whole
// cache again.
func TestRoutineWatchExpiryNoRelist(t *testing.T) {
	var mu sync.Mutex
	var lists, initial, rewatches int
	var rvs []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		q := r.URL.Query()
		mu.Lock()
		switch {
		case q.Get("watch") != "true":
			lists++
		case q.Get("sendInitialEvents") == "true":
			initial++
		default:
			rewatches++
			rvs = append(rvs, q.Get("resourceVersion"))
		}
		n := rewatches
		mu.Unlock()
		if q.Get("watch") != "true" {
			w.Write([]byte(`{"kind":"PodList","apiVersion":"v1","metadata":{"resourceVersion":"10"},"items":[{"metadata":{"name":"web-0","namespace":"shop","resourceVersion":"10"}}]}`))
			return
		}
		w.WriteHeader(http.StatusOK)
		if q.Get("sendInitialEvents") == "true" {
			w.Write([]byte(`{"type":"ADDED","object":{"kind":"Pod","apiVersion":"v1","metadata":{"name":"web-0","namespace":"shop","resourceVersion":"10"}}}` + "\n"))
			w.Write([]byte(`{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"10","annotations":{"k8s.io/initial-events-end":"true"}}}}` + "\n"))
		} else {
			// A bookmark moves the resource version on while nothing
			// changes, so the next watch starts from there.
			w.Write([]byte(`{"type":"BOOKMARK","object":{"kind":"Pod","apiVersion":"v1","metadata":{"resourceVersion":"` + string(rune('a'+n)) + `"}}}` + "\n"))
		}
		w.(http.Flusher).Flush()
		// The server's timeout: the watch ends cleanly.
		select {
		case <-time.After(1200 * time.Millisecond):
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	// The engine's count of its own requests (serve's
	// podwhy_informer_requests_total) sees the same.
	e := New(Options{Host: srv.URL})
	cfg := &rest.Config{Host: srv.URL}
	cfg.Wrap(e.Observe)
	inf := podInformer(t, cfg)
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		mu.Lock()
		n := rewatches
		mu.Unlock()
		if n >= 3 {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	mu.Lock()
	defer mu.Unlock()
	if rewatches < 3 {
		t.Fatalf("%d watches after the first ended, want 3 or more (%d LISTs, %d initial streams)", rewatches, lists, initial)
	}
	if lists != 0 || initial != 1 {
		t.Errorf("after %d routine watch ends: %d LISTs and %d initial streams, want 0 and 1", rewatches, lists, initial)
	}
	if got := e.Requests(); got["list"] != 0 || got["watch"] < rewatches+initial || len(got) != 1 {
		t.Errorf("engine counted %v, the server %d watches and %d LISTs", got, rewatches+initial, lists)
	}
	// Each watch starts where the one before left off: the first from the
	// initial stream's bookmark, the next from the bookmark it got.
	if rvs[0] != "10" || rvs[1] != "b" {
		t.Errorf("watches started at %q, want 10, then the bookmarks' versions", rvs)
	}
	if len(inf.GetStore().List()) != 1 {
		t.Errorf("the cache lost its pod: %d objects", len(inf.GetStore().List()))
	}
}
