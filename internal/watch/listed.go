package watch

import (
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/tools/cache"

	"github.com/podwhy/podwhy/internal/slim"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// NewListed returns an engine filled not by informers but by a one-off
// LIST (live.CollectInto calls Prepare, AddUnlisted, MarkKind, Note as it
// would on a snapshot builder), for a one-shot run of a large cluster:
// objects are cached in their compact forms as the pages arrive, and
// Scan diagnoses a chunk of namespaces at a time, so that memory holds
// the compact caches and one chunk, not every object decoded at once.
// Its result is that of one diagnosis of the same objects
// (TestListedEqualsSnapshot). It is never started.
func NewListed(o Options) *Engine {
	e := New(o)
	for _, k := range kinds {
		store := cache.NewIndexer(cache.MetaNamespaceKeyFunc, cache.Indexers{cache.NamespaceIndex: cache.MetaNamespaceIndexFunc})
		s := newSource(k, store, func() bool { return true })
		// Until MarkKind: a LIST that fails half way must not make
		// "not cached" read as "does not exist".
		s.unlisted = true
		e.sources = append(e.sources, s)
	}
	return e
}

// Prepare is what a page's objects go through before AddUnlisted, outside
// the collector's lock: the informers' transform (forCache).
func (e *Engine) Prepare(obj any) any {
	if s, ok := obj.(*snapshot.Secret); ok {
		// A LIST hands Secrets on already reduced to their key names
		// and registry hosts (live's lister): cached as they are.
		return &listedSecret{Key: slim.Key{Namespace: s.Namespace, Name: s.Name, UID: s.UID}, secret: s}
	}
	if o, err := forCache(obj); err == nil {
		return o
	}
	return obj
}

// listedSecret is a Secret as a LIST reduced it (snapshot.SanitizeSecret),
// keyed for a cache.
type listedSecret struct {
	slim.Key
	secret *snapshot.Secret
}

// AddUnlisted caches an object (after Prepare) of a kind whose listing
// has not finished; false for a kind the rules do not read.
func (e *Engine) AddUnlisted(obj any) bool {
	s := e.sourceOf(obj)
	if s == nil {
		return false
	}
	return s.store.Add(obj) == nil
}

// MarkKind records that a kind was listed whole.
func (e *Engine) MarkKind(kind string) {
	for _, s := range e.sources {
		if s.kind == kind {
			s.unlisted = false
		}
	}
}

// Note adds a note to every diagnosis (a kind podwhy may not list).
func (e *Engine) Note(n string) { e.notes = append(e.notes, n) }

// SetOutside gives what the pods of namespaces the engine does not hold
// use of each node (a namespaced run); each pass adds it to its own sums.
func (e *Engine) SetOutside(o *snapshot.Outside) { e.outside = o }

// sourceOf is the source of an object's kind.
func (e *Engine) sourceOf(obj any) *source {
	var kind string
	switch obj.(type) {
	case *slim.Pod:
		kind = snapshot.KindPod
	case *slim.Event:
		kind = snapshot.KindEvent
	case *listedSecret:
		kind = snapshot.KindSecret
	case runtime.Object:
		gvks, _, err := scheme.Scheme.ObjectKinds(obj.(runtime.Object))
		if err != nil || len(gvks) == 0 {
			return nil
		}
		kind = gvks[0].Kind
	}
	for _, s := range e.sources {
		if s.kind == kind {
			return s
		}
	}
	return nil
}
