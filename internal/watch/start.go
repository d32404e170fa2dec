package watch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"

	"github.com/podwhy/podwhy/internal/live"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Start checks which kinds may be listed, starts one informer per kind on
// one shared factory and the diagnosis loop, and returns; ctx ends them
// (then wait on Done). Pods that cannot be listed, or an API server that
// cannot be reached when WaitForAPI is off, are an error of one line; any
// other kind that is forbidden becomes a note, as in a one-off run.
func (e *Engine) Start(ctx context.Context, cs kubernetes.Interface) error {
	if !e.started.CompareAndSwap(false, true) {
		return errors.New("watch: engine already started")
	}
	var active []kind
	var notes []string
	delay := time.Second
	for {
		var err error
		active, notes, err = e.probe(ctx, cs)
		if err == nil {
			break
		}
		var perm permanentError
		if !e.o.WaitForAPI || ctx.Err() != nil || errors.As(err, &perm) {
			close(e.done)
			return err
		}
		e.apiError("", err)
		select {
		case <-ctx.Done():
			close(e.done)
			return ctx.Err()
		case <-time.After(delay):
		}
		delay = min(delay*2, 30*time.Second)
	}

	// Resync 0: a periodic resync would replay every object to the
	// handlers; the Refresh timer re-diagnoses instead, without that cost.
	e.factory = informers.NewSharedInformerFactoryWithOptions(cs, 0,
		informers.WithNamespace(e.o.Namespace), informers.WithTransform(forCache))
	var sources []*source
	for _, k := range active {
		inf := k.informer(e.factory)
		resource := k.resource
		if err := inf.SetWatchErrorHandlerWithContext(func(_ context.Context, _ *cache.Reflector, err error) {
			e.watchError(resource, err)
		}); err != nil {
			close(e.done)
			return fmt.Errorf("watch %s: %w", resource, err)
		}
		src := newSource(k, inf.GetIndexer(), inf.HasSynced)
		sources = append(sources, src)
		kindName := k.name
		if _, err := inf.AddEventHandler(cache.ResourceEventHandlerFuncs{
			AddFunc: func(obj any) {
				e.heard()
				if kindName == snapshot.KindPod {
					e.podsMoved.Store(true)
				}
				if !ownEvent(obj) {
					e.changed(src, obj, true)
				}
			},
			UpdateFunc: func(old, cur any) {
				e.heard()
				// A relist after a reconnect replays every object; only
				// a new resourceVersion is a change.
				if rv := resourceVersion(cur); rv != "" && rv == resourceVersion(old) {
					return
				}
				if kindName == snapshot.KindPod && podMoved(old, cur) {
					e.podsMoved.Store(true)
				}
				switch hardness(kindName, old, cur) {
				case noChange:
				case softChange:
					e.changed(src, cur, false)
				default:
					e.changed(src, cur, true)
				}
			},
			DeleteFunc: func(obj any) {
				e.heard()
				if kindName == snapshot.KindPod {
					e.podsMoved.Store(true)
				}
				// An expiring event (the API server drops them after an
				// hour) only removes evidence.
				e.changed(src, obj, kindName != snapshot.KindEvent)
			},
		}); err != nil {
			close(e.done)
			return fmt.Errorf("watch %s: %w", resource, err)
		}
	}
	e.mu.Lock()
	e.sources, e.notes = sources, notes
	e.mu.Unlock()
	e.factory.Start(ctx.Done())
	go func() {
		e.loop(ctx)
	}()
	return nil
}

// Stop waits for the loop and the informers to end; cancel Start's context
// first.
func (e *Engine) Stop() {
	if !e.started.Load() {
		return
	}
	<-e.done
	if e.factory != nil {
		e.factory.Shutdown()
	}
}

func resourceVersion(o any) string {
	if m, ok := o.(interface{ GetResourceVersion() string }); ok {
		return m.GetResourceVersion()
	}
	return ""
}

// probe lists one item of every kind in scope, all at once: forbidden
// optional kinds become notes (the permission that would enable their
// checks), anything else wrong is an error.
func (e *Engine) probe(ctx context.Context, cs kubernetes.Interface) ([]kind, []string, error) {
	var inScope []kind
	for _, k := range kinds {
		if k.inScope(e.o.Namespace) {
			inScope = append(inScope, k)
		}
	}
	errs := make([]error, len(inScope))
	var wg sync.WaitGroup
	for i, k := range inScope {
		wg.Add(1)
		go func() {
			defer wg.Done()
			pctx, cancel := context.WithTimeout(ctx, e.o.RequestTimeout)
			defer cancel()
			ns := e.o.Namespace
			if k.clusterScoped {
				ns = ""
			}
			errs[i] = k.probe(pctx, cs, ns)
		}()
	}
	wg.Wait()
	var active []kind
	var notes []string
	for i, err := range errs {
		k := inScope[i]
		switch {
		case err == nil:
			active = append(active, k)
		case apierrors.IsForbidden(err) && !k.required:
			notes = append(notes, forbiddenNote(k, e.o.Namespace))
		case apierrors.IsForbidden(err) || apierrors.IsUnauthorized(err):
			// Waiting will not help: RBAC or credentials must change.
			return nil, nil, permanentError{explain(e.o.Host, k.resource, err)}
		default:
			return nil, nil, explain(e.o.Host, k.resource, err)
		}
	}
	sort.Strings(notes)
	return active, notes, nil
}

// permanentError is a start-up failure that retrying cannot fix.
type permanentError struct{ error }

func (p permanentError) Unwrap() error { return p.error }

// forbiddenNote is internal/live's note for a kind it may not list, with
// "watch" added: an informer needs both verbs.
func forbiddenNote(k kind, namespace string) string {
	scope := "in namespace " + namespace
	if namespace == "" || k.clusterScoped {
		scope = "cluster-wide"
	}
	res := k.resource
	if k.group != "" {
		res += "." + k.group
	}
	return fmt.Sprintf("%s could not be listed (forbidden): checks that need them did not run; grant verbs \"list\" and \"watch\" on \"%s\" %s", k.name+"s", res, scope)
}

// watchError is the informers' watch error handler. An expired
// resourceVersion or a watch closed by the server is routine (the
// reflector relists); anything else means the API server is away, and the
// informers retry with backoff on their own.
func (e *Engine) watchError(resource string, err error) {
	if apierrors.IsResourceExpired(err) || apierrors.IsGone(err) || errors.Is(err, io.EOF) {
		return
	}
	e.apiMu.Lock()
	e.watchErrors[resource]++
	e.apiMu.Unlock()
	e.apiError(resource, explain(e.o.Host, resource, err))
}

func (e *Engine) apiError(resource string, err error) {
	e.apiMu.Lock()
	e.connected = false
	e.lastAPIErr = err
	e.apiMu.Unlock()
	if e.o.OnAPIError != nil {
		e.o.OnAPIError(resource, err)
	}
}

// heard notes that an informer received something: after a failure this is
// the relist, so the watches are back.
func (e *Engine) heard() {
	e.apiMu.Lock()
	e.connected = true
	e.lastAPIErr = nil
	e.apiMu.Unlock()
}

// explain says a watch failure as a one-off run says a list failure.
func explain(host, resource string, err error) error {
	return live.Explain(host, "watch", resource, err)
}
