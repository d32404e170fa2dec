package serve_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	authnv1 "k8s.io/api/authentication/v1"
	authzv1 "k8s.io/api/authorization/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"

	"github.com/podwhy/podwhy/internal/serve"
)

// reviewer answers TokenReviews and SubjectAccessReviews like an API server
// that knows three tokens: "alice" (may get findings.podwhy.dev), "bob"
// (may not) and "down" (the review itself fails); any other token is not
// authenticated. It counts the reviews.
type reviewer struct {
	tokens, sars atomic.Int32
	lastSAR      atomic.Pointer[authzv1.SubjectAccessReviewSpec]
}

func (rv *reviewer) install(cs *fake.Clientset) {
	cs.PrependReactor("create", "tokenreviews", func(a k8stesting.Action) (bool, runtime.Object, error) {
		rv.tokens.Add(1)
		tr := a.(k8stesting.CreateAction).GetObject().(*authnv1.TokenReview).DeepCopy()
		switch tr.Spec.Token {
		case "alice", "bob":
			tr.Status = authnv1.TokenReviewStatus{Authenticated: true, User: authnv1.UserInfo{
				Username: tr.Spec.Token, UID: "uid-" + tr.Spec.Token, Groups: []string{"system:authenticated", "oncall"},
				Extra: map[string]authnv1.ExtraValue{"scopes": {"a", "b"}}}}
		case "down":
			return true, nil, errors.New("connection refused")
		default:
			tr.Status = authnv1.TokenReviewStatus{Error: "invalid bearer token"}
		}
		return true, tr, nil
	})
	cs.PrependReactor("create", "subjectaccessreviews", func(a k8stesting.Action) (bool, runtime.Object, error) {
		rv.sars.Add(1)
		sar := a.(k8stesting.CreateAction).GetObject().(*authzv1.SubjectAccessReview).DeepCopy()
		rv.lastSAR.Store(&sar.Spec)
		ra := sar.Spec.ResourceAttributes
		sar.Status.Allowed = sar.Spec.User == "alice" && ra != nil &&
			ra.Verb == "get" && ra.Group == "podwhy.dev" && ra.Resource == "findings" && ra.Namespace == ""
		return true, sar, nil
	})
}

func getAuth(t *testing.T, url, header string) (*http.Response, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", url, nil)
	if header != "" {
		req.Header.Set("Authorization", header)
	}
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r, string(b)
}

// TestKubeAuth: with --auth=kubernetes, the page, the API, the stream and
// /metrics need a bearer token (401 without one or with one the API server
// does not accept) whose user may get findings.podwhy.dev (403 otherwise);
// the probes need none. A token's verdict is cached, so repeated scrapes
// cost one review, until the TTL. The old server answered everyone.
func TestKubeAuth(t *testing.T) {
	cs := fake.NewClientset()
	var rv reviewer
	rv.install(cs)
	e := started(t, cs)
	auth := serve.NewKubeAuth(cs, serve.KubeAuthOptions{AllowTTL: 500 * time.Millisecond})
	ts := httptest.NewServer(serve.New(e, serve.Options{Auth: auth}).Handler())
	defer ts.Close()

	paths := []string{"/", "/app.js", "/metrics", "/api/v1/findings", "/api/v1/findings/0123456789ab", "/api/v1/status", "/api/v1/i18n"}
	for _, p := range []string{"/healthz", "/readyz"} {
		if r, _ := getAuth(t, ts.URL+p, ""); r.StatusCode != 200 {
			t.Errorf("%s without a token: %d, want 200 (the kubelet's probes carry none)", p, r.StatusCode)
		}
	}
	for _, p := range append(paths, "/api/v1/events") {
		for header, want := range map[string]int{"": 401, "Basic YWxpY2U6eA==": 401, "Bearer ": 401, "Bearer forged": 401, "Bearer bob": 403} {
			r, body := getAuth(t, ts.URL+p, header)
			if r.StatusCode != want || strings.Count(strings.TrimSpace(body), "\n") != 0 || strings.Contains(body, "podwhy_findings") {
				t.Errorf("%s with %q: %d %q, want %d in one line", p, header, r.StatusCode, body, want)
			}
			if want == 401 && !strings.HasPrefix(r.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Errorf("%s with %q: 401 without WWW-Authenticate: Bearer", p, header)
			}
		}
	}
	if _, body := getAuth(t, ts.URL+"/api/v1/findings", "Bearer bob"); !strings.Contains(body, `"bob" may not get findings.podwhy.dev`) {
		t.Errorf("403 does not say what is missing: %s", body)
	}
	if sar := rv.lastSAR.Load(); sar == nil || sar.UID != "uid-bob" || len(sar.Groups) != 2 || len(sar.Extra["scopes"]) != 2 {
		t.Errorf("the SubjectAccessReview does not carry the token's user: %+v", sar)
	}

	tokens, sars := rv.tokens.Load(), rv.sars.Load()
	for i := 0; i < 5; i++ {
		for _, p := range paths {
			if r, body := getAuth(t, ts.URL+p, "Bearer alice"); r.StatusCode != 200 && !(strings.HasPrefix(p, "/api/v1/findings/") && r.StatusCode == 404) {
				t.Fatalf("%s as alice: %d %s", p, r.StatusCode, body)
			}
		}
	}
	if n, m := rv.tokens.Load()-tokens, rv.sars.Load()-sars; n != 1 || m != 1 {
		t.Errorf("%d requests as alice made %d TokenReviews and %d SubjectAccessReviews, want 1 each (cached)", 5*len(paths), n, m)
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/v1/events", nil)
	req.Header.Set("Authorization", "bearer alice") // the scheme is case-insensitive
	r, err := http.DefaultClient.Do(req)
	if err != nil || r.StatusCode != 200 || !strings.HasPrefix(r.Header.Get("Content-Type"), "text/event-stream") {
		t.Fatalf("event stream as alice: %v %v", r, err)
	}
	cancel()
	r.Body.Close()

	// Denials are cached too, briefly; after AllowTTL alice is reviewed
	// again.
	tokens = rv.tokens.Load()
	getAuth(t, ts.URL+"/metrics", "Bearer bob")
	if rv.tokens.Load() != tokens {
		t.Error("a refused token was reviewed again at once")
	}
	time.Sleep(600 * time.Millisecond)
	tokens = rv.tokens.Load()
	if r, _ := getAuth(t, ts.URL+"/metrics", "Bearer alice"); r.StatusCode != 200 || rv.tokens.Load() != tokens+1 {
		t.Errorf("after AllowTTL: %d, %d new reviews, want 200 after 1", r.StatusCode, rv.tokens.Load()-tokens)
	}

	// The API server failing is no verdict: 503, and the next try asks
	// again.
	tokens = rv.tokens.Load()
	for i := 0; i < 2; i++ {
		if r, body := getAuth(t, ts.URL+"/metrics", "Bearer down"); r.StatusCode != 503 || r.Header.Get("Retry-After") == "" || strings.Contains(body, "connection refused") {
			t.Errorf("review failing: %d %q", r.StatusCode, body)
		}
	}
	if n := rv.tokens.Load() - tokens; n != 2 {
		t.Errorf("a failed review was cached (%d reviews for 2 tries)", n)
	}
}

// TestKubeAuthCacheBound: many distinct tokens never grow the cache past
// MaxCached.
func TestKubeAuthCacheBound(t *testing.T) {
	cs := fake.NewClientset()
	var rv reviewer
	rv.install(cs)
	e := started(t, cs)
	auth := serve.NewKubeAuth(cs, serve.KubeAuthOptions{MaxCached: 8})
	ts := httptest.NewServer(serve.New(e, serve.Options{Auth: auth}).Handler())
	defer ts.Close()
	for i := 0; i < 50; i++ {
		if r, _ := getAuth(t, ts.URL+"/metrics", fmt.Sprintf("Bearer forged-%d", i)); r.StatusCode != 401 {
			t.Fatalf("forged token %d: %d", i, r.StatusCode)
		}
		if n := auth.Cached(); n > 8 {
			t.Fatalf("%d tokens cached, bound 8", n)
		}
	}
	if r, _ := getAuth(t, ts.URL+"/metrics", "Bearer alice"); r.StatusCode != 200 {
		t.Errorf("alice after the flood: %d", r.StatusCode)
	}
}
