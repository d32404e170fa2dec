package serve

import (
	"context"
	"crypto/sha256"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"time"

	authnv1 "k8s.io/api/authentication/v1"
	authzv1 "k8s.io/api/authorization/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/podwhy/podwhy/internal/i18n"
)

// The permission a caller needs with --auth=kubernetes: verb get on the
// cluster-scoped resource findings in API group podwhy.dev. No such API is
// served; RBAC grants it like any other (a ClusterRole rule with
// apiGroups [podwhy.dev], resources [findings], verbs [get]). One
// permission covers the page, the API, the stream and /metrics, which all
// show the same findings.
const (
	AuthVerb     = "get"
	AuthGroup    = "podwhy.dev"
	AuthResource = "findings"
)

// KubeAuthOptions tune the cache of KubeAuth.
type KubeAuthOptions struct {
	// AllowTTL is how long an admitted token is admitted again without a
	// review (default 1 min): a Prometheus scrape every 30 s costs no
	// reviews most of the time. A revoked permission takes effect after it.
	AllowTTL time.Duration
	// DenyTTL is how long a refused token is refused without a review
	// (default 10 s), so a client retrying a bad token does not turn each
	// try into two calls to the API server.
	DenyTTL time.Duration
	// MaxCached bounds the tokens remembered (default 1024).
	MaxCached int
	// ReviewTimeout bounds the two reviews of one request (default 10 s).
	ReviewTimeout time.Duration
}

// KubeAuth admits requests the way kube-rbac-proxy and controller-runtime's
// secured metrics endpoint do: the bearer token goes to the API server in
// a TokenReview (who is this?), the user it names in a SubjectAccessReview
// (may they get findings.podwhy.dev?). The server's ServiceAccount needs
// create on both (the built-in ClusterRole system:auth-delegator).
type KubeAuth struct {
	cs kubernetes.Interface
	o  KubeAuthOptions

	mu    sync.Mutex
	cache map[[sha256.Size]byte]verdict
}

// verdict is a cached answer for one token; the token itself is kept only
// as its hash.
type verdict struct {
	code  int // http.StatusOK, StatusUnauthorized or StatusForbidden
	msg   string
	until time.Time
}

// NewKubeAuth reviews tokens through cs.
func NewKubeAuth(cs kubernetes.Interface, o KubeAuthOptions) *KubeAuth {
	if o.AllowTTL <= 0 {
		o.AllowTTL = time.Minute
	}
	if o.DenyTTL <= 0 {
		o.DenyTTL = 10 * time.Second
	}
	if o.MaxCached <= 0 {
		o.MaxCached = 1024
	}
	if o.ReviewTimeout <= 0 {
		o.ReviewTimeout = 10 * time.Second
	}
	return &KubeAuth{cs: cs, o: o, cache: map[[sha256.Size]byte]verdict{}}
}

// open are the paths answered without a token: the kubelet's probes carry
// none, and they tell nothing about the findings.
var openPaths = map[string]bool{"/healthz": true, "/readyz": true}

func (a *KubeAuth) wrap(next http.Handler, logf func(i18n.Msg)) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if openPaths[r.URL.Path] {
			next.ServeHTTP(w, r)
			return
		}
		token, ok := bearer(r)
		if !ok {
			w.Header().Set("WWW-Authenticate", `Bearer realm="podwhy"`)
			http.Error(w, "podwhy serve: a bearer token is required (Authorization: Bearer <token>)", http.StatusUnauthorized)
			return
		}
		v, err := a.check(r.Context(), token)
		if err != nil {
			// Not cached: the API server may be back on the next try.
			logf(i18n.T("serve.api-error", err.Error()))
			w.Header().Set("Retry-After", "5")
			http.Error(w, "podwhy serve: could not review the token with the API server; try again", http.StatusServiceUnavailable)
			return
		}
		if v.code != http.StatusOK {
			if v.code == http.StatusUnauthorized {
				w.Header().Set("WWW-Authenticate", `Bearer realm="podwhy", error="invalid_token"`)
			}
			http.Error(w, v.msg, v.code)
			return
		}
		next.ServeHTTP(w, r)
	})
}

// bearer is the token of an "Authorization: Bearer <token>" header.
func bearer(r *http.Request) (string, bool) {
	scheme, token, ok := strings.Cut(r.Header.Get("Authorization"), " ")
	token = strings.TrimSpace(token)
	return token, ok && strings.EqualFold(scheme, "Bearer") && token != ""
}

// check answers from the cache or asks the API server.
func (a *KubeAuth) check(ctx context.Context, token string) (verdict, error) {
	key := sha256.Sum256([]byte(token))
	now := time.Now()
	a.mu.Lock()
	v, ok := a.cache[key]
	a.mu.Unlock()
	if ok && now.Before(v.until) {
		return v, nil
	}
	ctx, cancel := context.WithTimeout(ctx, a.o.ReviewTimeout)
	defer cancel()
	v, err := a.review(ctx, token)
	if err != nil {
		return verdict{}, err
	}
	v.until = now.Add(a.o.DenyTTL)
	if v.code == http.StatusOK {
		v.until = now.Add(a.o.AllowTTL)
	}
	a.remember(key, v, now)
	return v, nil
}

// remember stores a verdict within MaxCached: expired entries go first,
// then arbitrary ones, so a flood of distinct tokens costs reviews but
// never memory.
func (a *KubeAuth) remember(key [sha256.Size]byte, v verdict, now time.Time) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if _, ok := a.cache[key]; !ok && len(a.cache) >= a.o.MaxCached {
		for k, old := range a.cache {
			if !now.Before(old.until) {
				delete(a.cache, k)
			}
		}
		for k := range a.cache {
			if len(a.cache) < a.o.MaxCached {
				break
			}
			delete(a.cache, k)
		}
	}
	a.cache[key] = v
}

// Cached is the number of tokens remembered (tests check the bound).
func (a *KubeAuth) Cached() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.cache)
}

func (a *KubeAuth) review(ctx context.Context, token string) (verdict, error) {
	tr, err := a.cs.AuthenticationV1().TokenReviews().Create(ctx,
		&authnv1.TokenReview{Spec: authnv1.TokenReviewSpec{Token: token}}, metav1.CreateOptions{})
	if err != nil {
		return verdict{}, fmt.Errorf("token review: %w", err)
	}
	if !tr.Status.Authenticated {
		return verdict{code: http.StatusUnauthorized, msg: "podwhy serve: the bearer token is not valid for this cluster"}, nil
	}
	u := tr.Status.User
	extra := make(map[string]authzv1.ExtraValue, len(u.Extra))
	for k, v := range u.Extra {
		extra[k] = authzv1.ExtraValue(v)
	}
	sar, err := a.cs.AuthorizationV1().SubjectAccessReviews().Create(ctx, &authzv1.SubjectAccessReview{Spec: authzv1.SubjectAccessReviewSpec{
		User: u.Username, Groups: u.Groups, UID: u.UID, Extra: extra,
		ResourceAttributes: &authzv1.ResourceAttributes{Verb: AuthVerb, Group: AuthGroup, Resource: AuthResource},
	}}, metav1.CreateOptions{})
	if err != nil {
		return verdict{}, fmt.Errorf("subject access review for %s: %w", u.Username, err)
	}
	if !sar.Status.Allowed {
		return verdict{code: http.StatusForbidden, msg: fmt.Sprintf("podwhy serve: %q may not %s %s.%s (RBAC: apiGroups [%s], resources [%s], verbs [%s])",
			u.Username, AuthVerb, AuthResource, AuthGroup, AuthGroup, AuthResource, AuthVerb)}, nil
	}
	return verdict{code: http.StatusOK}, nil
}
