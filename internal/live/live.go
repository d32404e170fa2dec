// Package live collects a snapshot from a running cluster: one paginated
// LIST per kind (protobuf, 500 per page), all kinds in parallel, never one
// call per pod. A forbidden LIST is not fatal: the snapshot notes which
// checks could not run and which permission would enable them.
package live

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"
	"sync"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// Options for a collection.
type Options struct {
	Namespace string // "" for all namespaces
	PageSize  int64
	Timeout   time.Duration
}

type lister struct {
	kind, resource, group string
	clusterScoped         bool
	required              bool
	list                  func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) (items []any, cont string, err error)
}

// Collect lists every kind the rules use into a builder.
func Collect(ctx context.Context, cfg *rest.Config, o Options) (*snapshot.Builder, error) {
	cfg = rest.CopyConfig(cfg)
	cfg.ContentType = "application/vnd.kubernetes.protobuf"
	cfg.AcceptContentTypes = "application/vnd.kubernetes.protobuf,application/json"
	if cfg.QPS == 0 {
		cfg.QPS, cfg.Burst = 50, 100
	}
	if o.Timeout > 0 {
		cfg.Timeout = o.Timeout
	}
	if o.PageSize == 0 {
		o.PageSize = 500
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, fmt.Errorf("kubernetes client: %w", err)
	}
	b := snapshot.NewBuilder()
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make([]error, len(listers))
	for i, l := range listers {
		if l.clusterScoped && o.Namespace != "" && l.kind != snapshot.KindNode && l.kind != snapshot.KindPV && l.kind != snapshot.KindStorageClass {
			continue
		}
		wg.Add(1)
		go func(i int, l lister) {
			defer wg.Done()
			ns := o.Namespace
			if l.clusterScoped {
				ns = ""
			}
			opts := metav1.ListOptions{Limit: o.PageSize}
			var all []any
			for {
				items, cont, err := withRetry(ctx, func() ([]any, string, error) { return l.list(ctx, cs, ns, opts) })
				if err != nil {
					errs[i] = err
					return
				}
				all = append(all, items...)
				if cont == "" {
					break
				}
				opts.Continue = cont
			}
			mu.Lock()
			b.MarkKind(l.kind)
			for _, it := range all {
				b.Add(it)
			}
			mu.Unlock()
		}(i, l)
	}
	wg.Wait()
	var notes []string
	for i, err := range errs {
		if err == nil {
			continue
		}
		l := listers[i]
		if apierrors.IsForbidden(err) && !l.required {
			scope := "in namespace " + o.Namespace
			if o.Namespace == "" || l.clusterScoped {
				scope = "cluster-wide"
			}
			res := l.resource
			if l.group != "" {
				res += "." + l.group
			}
			notes = append(notes, fmt.Sprintf("%s could not be listed (forbidden): checks that need them did not run; grant verb \"list\" on \"%s\" %s", l.kind+"s", res, scope))
			continue
		}
		return nil, Explain(cfg.Host, "list", l.resource, err)
	}
	sort.Strings(notes)
	for _, n := range notes {
		b.Note(n)
	}
	return b, nil
}

func isForbidden(err error) bool { return apierrors.IsForbidden(err) }

// withRetry retries throttling and server errors with backoff; anything
// else (including timeouts) is returned at once so podwhy never hangs.
func withRetry(ctx context.Context, f func() ([]any, string, error)) ([]any, string, error) {
	delay := 200 * time.Millisecond
	for attempt := 0; ; attempt++ {
		items, cont, err := f()
		if err == nil || attempt == 3 || !(apierrors.IsTooManyRequests(err) || apierrors.IsInternalError(err) || apierrors.IsServiceUnavailable(err) || apierrors.IsServerTimeout(err)) {
			return items, cont, err
		}
		if s, ok := apierrors.SuggestsClientDelay(err); ok && s > 0 {
			delay = time.Duration(s) * time.Second
		}
		select {
		case <-ctx.Done():
			return nil, "", ctx.Err()
		case <-time.After(delay):
		}
		delay *= 2
	}
}

// Explain turns a client error into one line that names the problem; verb
// is what was being done to the resource (list, watch) when nothing more
// specific is known. podwhy watch and serve say the same failures the same
// way.
func Explain(host, verb, resource string, err error) error {
	var ue *url.Error
	var ne net.Error
	var oe *net.OpError
	switch {
	case apierrors.IsUnauthorized(err):
		return fmt.Errorf("the API server at %s rejected the credentials (401 Unauthorized): check the kubeconfig user or token", host)
	case apierrors.IsForbidden(err):
		return fmt.Errorf("not allowed to list %s: %s", resource, firstLine(err.Error()))
	case errors.As(err, &oe) && oe.Op == "dial":
		return fmt.Errorf("cannot reach the API server at %s: %s", host, firstLine(oe.Err.Error()))
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("the API server at %s did not answer in time (use --request-timeout to wait longer)", host)
	case strings.Contains(err.Error(), "x509:") || strings.Contains(err.Error(), "tls:"):
		return fmt.Errorf("TLS with the API server at %s failed: %s", host, firstLine(lastPart(err.Error())))
	case errors.As(err, &ue):
		return fmt.Errorf("cannot reach the API server at %s: %s", host, firstLine(lastPart(ue.Err.Error())))
	}
	return fmt.Errorf("%s %s: %s", verb, resource, firstLine(err.Error()))
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func lastPart(s string) string {
	if i := strings.LastIndex(s, ": "); i >= 0 && i+2 < len(s) {
		return s[i+2:]
	}
	return s
}

// ListOnly performs exactly the LIST calls Collect makes and throws the
// results away: the floor podwhy's live mode is measured against.
func ListOnly(ctx context.Context, cfg *rest.Config, o Options) (int, error) {
	cfg = rest.CopyConfig(cfg)
	cfg.ContentType = "application/vnd.kubernetes.protobuf"
	cfg.AcceptContentTypes = "application/vnd.kubernetes.protobuf,application/json"
	if cfg.QPS == 0 {
		cfg.QPS, cfg.Burst = 50, 100
	}
	if o.PageSize == 0 {
		o.PageSize = 500
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return 0, err
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	total := 0
	var firstErr error
	for _, l := range listers {
		wg.Add(1)
		go func(l lister) {
			defer wg.Done()
			opts := metav1.ListOptions{Limit: o.PageSize}
			for {
				items, cont, err := l.list(ctx, cs, "", opts)
				mu.Lock()
				total += len(items)
				if err != nil && firstErr == nil {
					firstErr = err
				}
				mu.Unlock()
				if err != nil || cont == "" {
					return
				}
				opts.Continue = cont
			}
		}(l)
	}
	wg.Wait()
	return total, firstErr
}
