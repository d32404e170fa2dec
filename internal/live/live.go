// Package live collects a snapshot from a running cluster: one paginated
// LIST per kind (protobuf, 500 per page), all kinds in parallel, never one
// call per pod. A namespaced run lists in two phases: its namespace's
// kinds, then the cluster-scoped kinds that what it found calls for (plan).
// Each page is stripped to what the rules read and added to the snapshot
// as it arrives, so memory holds the stripped objects and one page of full
// ones per kind, never the whole cluster in full. A forbidden LIST is not
// fatal: the snapshot notes which checks could not run and which
// permission would enable them.
package live

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/slim"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Options for a collection.
type Options struct {
	Namespace string // "" for all namespaces
	PageSize  int64
	Timeout   time.Duration
	// Read says how every LIST is read; see ReadMode.
	Read ReadMode
	// Targets narrow what a namespaced run lists of the cluster-scoped
	// kinds to what the findings about them read (the namespace's own
	// kinds are listed whole all the same; see plan).
	Targets []Target
	// Logs says that crashed containers' logs will be read after the
	// collection (--logs): a log may start the RBAC chain.
	Logs bool
	// AllNodes lists every node in a namespaced run, whatever its
	// objects read: podwhy lint checks manifests against the nodes.
	AllNodes bool
}

type lister struct {
	kind, resource, group string
	clusterScoped         bool
	required              bool
	list                  func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) (items []any, cont string, err error)
}

// call is one kind to list and the namespace to list it in ("" for all
// namespaces or a cluster-scoped kind), with a field selector.
type call struct {
	lister
	ns, fields string
	// outside: the pods of other namespaces, summed up rather than kept
	// (diagnose.CountOutside).
	outside bool
}

// plan is the first phase of the LISTs a run makes; a namespaced run
// follows it with a second one (firstPhase.second) that its objects call
// for. Collect and ListOnly both follow them (execute), so the floor
// hack/listfloor measures is the very calls podwhy makes.
//
// A run of every namespace lists every kind at once, in one phase. A
// namespaced run lists the namespaced kinds in its namespace first. Of
// the cluster-scoped kinds, which are most of the cost of a run aimed at
// one namespace of a big cluster (every node, PersistentVolume and
// ClusterRole), it lists in a second phase only those its objects make
// the rules read; see firstPhase.second for what reads what. It does not
// list Namespaces: every namespace of the cluster would count as scanned,
// and its own alone would make a host NAME.OTHERNS read as external.
//
// Targets (pod/NAME, deploy/NAME, …) do not prune the first phase. A
// target's finding is grouped with its siblings' (same owner and cause:
// "2 of 5 pods"), which need their own pods and events, and it may read
// its owner's events (FailedCreate), its claims' events, the other pods
// of the namespace (a dependency's backends, a StatefulSet's ordinals)
// and any namespaced kind a per-pod rule consults; which of these a
// target needs is known only once its pod has been read. Once it has,
// the second phase lists the cluster-scoped kinds for the pods that can
// speak for a target only (firstPhase.inScope).
func plan(o Options) []call {
	var out []call
	for _, l := range listers {
		ns := o.Namespace
		if l.clusterScoped {
			ns = ""
			if o.Namespace != "" && !(o.AllNodes && l.kind == snapshot.KindNode) {
				continue
			}
		}
		out = append(out, call{lister: l, ns: ns})
	}
	return out
}

// result is a call made and how it ended.
type result struct {
	call
	err error
}

// fatal reports whether a call's error ends the run: anything but a
// forbidden LIST of a kind the diagnosis can do without.
func (r result) fatal() bool {
	return r.err != nil && !(apierrors.IsForbidden(r.err) && !r.required)
}

// execute makes a run's LISTs, phase by phase, the calls of a phase in
// parallel, handing each page to page (concurrently). A namespaced run's
// first phase is looked at page by page, before page sees it, for what
// the second needs; an error that ends the run ends it after the first.
func execute(ctx context.Context, cs kubernetes.Interface, o Options, page func(c call, items []any)) []result {
	if o.Read == ReadAuto {
		o.Read = readFor(cs)
	}
	var seen *firstPhase
	if o.Namespace != "" {
		seen = newFirstPhase()
	}
	res := phase(ctx, cs, o, plan(o), func(c call, items []any) {
		if seen != nil {
			seen.observe(items)
		}
		page(c, items)
	})
	if seen == nil {
		return res
	}
	for _, r := range res {
		if r.fatal() {
			return res
		}
	}
	return append(res, phase(ctx, cs, o, seen.second(o), page)...)
}

func phase(ctx context.Context, cs kubernetes.Interface, o Options, calls []call, page func(c call, items []any)) []result {
	res := make([]result, len(calls))
	var wg sync.WaitGroup
	for i, c := range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			res[i] = result{c, pages(ctx, cs, c, o, func(items []any) { page(c, items) })}
		}()
	}
	wg.Wait()
	return res
}

// client is the clientset of a collection: protobuf, and a rate limit
// that lets two dozen kinds start at once.
func client(cfg *rest.Config, o Options) (*kubernetes.Clientset, *rest.Config, error) {
	cfg = rest.CopyConfig(cfg)
	cfg.ContentType = "application/vnd.kubernetes.protobuf"
	cfg.AcceptContentTypes = "application/vnd.kubernetes.protobuf,application/json"
	if cfg.QPS == 0 {
		cfg.QPS, cfg.Burst = 50, 100
	}
	if o.Timeout > 0 {
		cfg.Timeout = o.Timeout
	}
	cs, err := kubernetes.NewForConfig(cfg)
	return cs, cfg, err
}

// pages lists one kind and hands each page to f before asking for the
// next, so a page can be stripped and dropped while the rest is read.
func pages(ctx context.Context, cs kubernetes.Interface, c call, o Options, f func(items []any)) error {
	if o.PageSize == 0 {
		o.PageSize = 500
	}
	opts := metav1.ListOptions{Limit: o.PageSize, FieldSelector: c.fields}
	if o.Read != ReadConsistent {
		// The cache answers "0" in one page whatever the limit (see
		// ReadCache); the loop ends on the missing continue token all
		// the same, and pages where the server hands the LIST to etcd
		// (cache not ready, watch cache off).
		opts.ResourceVersion = "0"
	}
	for {
		items, cont, err := withRetry(ctx, func() ([]any, string, error) { return c.list(ctx, cs, c.ns, opts) })
		if err != nil {
			return err
		}
		f(items)
		if cont == "" {
			return nil
		}
		// The token holds the version the list is read at: the server
		// ignores a "0" beside it and refuses any other, so it goes
		// alone, as client-go's pager sends it.
		opts.Continue, opts.ResourceVersion = cont, ""
	}
}

// Collect lists every kind the rules use into a builder.
func Collect(ctx context.Context, cfg *rest.Config, o Options) (*snapshot.Builder, error) {
	b := snapshot.NewBuilder()
	if err := CollectInto(ctx, cfg, o, b); err != nil {
		return nil, err
	}
	return b, nil
}

// Sink is what a collection fills: a snapshot builder, or an engine that
// keeps objects in a compact form (watch.NewListed).
type Sink interface {
	// AddUnlisted adds an object of a kind not yet listed whole.
	AddUnlisted(obj any) bool
	// MarkKind says a kind was listed whole.
	MarkKind(kind string)
	SetOutside(o *snapshot.Outside)
	Note(n string)
}

// preparer is a Sink that transforms each object itself, outside the
// collection's lock (the kinds are read in parallel); others get
// slim.Transform.
type preparer interface{ Prepare(obj any) any }

// CollectInto lists every kind the rules use into b.
func CollectInto(ctx context.Context, cfg *rest.Config, o Options, b Sink) error {
	cs, cfg, err := client(cfg, o)
	if err != nil {
		return fmt.Errorf("kubernetes client: %w", err)
	}
	prepare := func(obj any) any {
		out, _ := slim.Transform(obj)
		return out
	}
	if p, ok := b.(preparer); ok {
		prepare = p.Prepare
	}
	outside := &snapshot.Outside{}
	var mu sync.Mutex
	res := execute(ctx, cs, o, func(c call, items []any) {
		if c.outside {
			mu.Lock()
			defer mu.Unlock()
			for _, it := range items {
				// The namespace's own pods are in the snapshot already,
				// as the first phase listed them.
				if p := it.(*corev1.Pod); p.Namespace != o.Namespace {
					diagnose.CountOutside(outside, p)
				}
			}
			return
		}
		// Stripped outside the lock: the check of a last-applied
		// configuration decodes it, and the kinds run in parallel.
		for j := range items {
			items[j] = prepare(items[j])
		}
		mu.Lock()
		defer mu.Unlock()
		// Unlisted until the last page: a LIST that fails half way must
		// not make "not in the snapshot" read as "does not exist".
		for _, it := range items {
			b.AddUnlisted(it)
		}
	})
	// A kind is listed when every call of it ended well (the nodes of a
	// namespaced run may take one call each).
	failed := map[string]bool{}
	for _, r := range res {
		if r.err != nil && !r.outside {
			failed[r.kind] = true
		}
	}
	var notes []string
	for _, r := range res {
		switch {
		case r.err == nil && r.outside:
			b.SetOutside(outside)
		case r.err == nil && !failed[r.kind]:
			b.MarkKind(r.kind)
		case r.err == nil:
		case r.fatal():
			return Explain(cfg.Host, "list", r.resource, r.err)
		case r.outside:
			notes = append(notes, `pods of other namespaces could not be listed (forbidden): what they use of the nodes is not counted in the evidence of pods waiting to be scheduled; grant verb "list" on "pods" cluster-wide`)
		default:
			scope := "in namespace " + o.Namespace
			if o.Namespace == "" || r.clusterScoped {
				scope = "cluster-wide"
			}
			resource := r.resource
			if r.group != "" {
				resource += "." + r.group
			}
			notes = append(notes, fmt.Sprintf("%s could not be listed (forbidden): checks that need them did not run; grant verb \"list\" on \"%s\" %s", r.kind+"s", resource, scope))
		}
	}
	sort.Strings(notes)
	for _, n := range slices.Compact(notes) {
		b.Note(n)
	}
	return nil
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

// ListOnly performs exactly the LIST calls Collect makes (same kinds,
// namespaces, field selectors, pages and resource versions, and the same
// second phase) and throws the results away: the floor podwhy's live mode
// is measured against.
func ListOnly(ctx context.Context, cfg *rest.Config, o Options) (int, error) {
	cs, _, err := client(cfg, o)
	if err != nil {
		return 0, err
	}
	var mu sync.Mutex
	total := 0
	res := execute(ctx, cs, o, func(_ call, items []any) {
		mu.Lock()
		total += len(items)
		mu.Unlock()
	})
	var errs []error
	for _, r := range res {
		errs = append(errs, r.err)
	}
	return total, errors.Join(errs...)
}
