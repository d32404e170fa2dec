// Package watch keeps a diagnosis of a live cluster current. One shared
// informer factory watches exactly the kinds the rules read (the same list
// internal/live LISTs once); a transform strips what no rule reads before
// objects enter the cache; after a change, debounced, the engine
// re-diagnoses the namespaces the change touched (scope.go), merges their
// findings into the rest and diffs them by their stable ID into opened,
// updated and resolved.
package watch

import (
	"context"
	"maps"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/tools/cache"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Component is the event source podwhy writes Events as (serve
// --emit-events); no diagnosis reads such events (snapshot.OwnEvent).
const Component = snapshot.Component

// Options tune an engine.
type Options struct {
	// Namespace limits the watch; "" is all namespaces.
	Namespace string
	// Debounce is how long after a change the engine waits for more before
	// it diagnoses again (a rollout changes many objects at once).
	Debounce time.Duration
	// SoftDelay is how long a change that can only move evidence (an
	// event repeating, an old event expiring, a pod bound elsewhere) may
	// wait for a diagnosis; on a big cluster such changes never stop.
	SoftDelay time.Duration
	// EvidenceDelay is how long the findings of other namespaces wait
	// after pods were bound or removed, when what moved is only their
	// evidence (a Pending pod's note on the nodes' free capacity).
	EvidenceDelay time.Duration
	// Refresh re-diagnoses every namespace without a change, a chunk per
	// pass, because some findings depend on time alone: a pod Pending
	// past its start-up grace, a back-off that is five minutes old.
	Refresh time.Duration
	// Diagnose are the rules' options (start-up grace…).
	Diagnose diagnose.Options
	// Now is the clock (tests set it).
	Now func() time.Time
	// WaitForAPI keeps retrying an unreachable API server at start (serve,
	// whose readiness says so) instead of failing at once (watch).
	WaitForAPI bool
	// RequestTimeout bounds each start-up probe.
	RequestTimeout time.Duration
	// Host names the API server in messages.
	Host string
	// OnAPIError is told about watch errors and start-up retries, so the
	// caller can say the view may be stale; nil ignores them.
	OnAPIError func(resource string, err error)
}

func (o *Options) defaults() {
	if o.Debounce <= 0 {
		o.Debounce = 100 * time.Millisecond
	}
	if o.SoftDelay <= 0 {
		o.SoftDelay = 5 * time.Second
	}
	if o.EvidenceDelay <= 0 {
		o.EvidenceDelay = 15 * time.Second
	}
	if o.Refresh <= 0 {
		o.Refresh = 30 * time.Second
	}
	if o.Diagnose == (diagnose.Options{}) {
		o.Diagnose = diagnose.DefaultOptions()
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.RequestTimeout <= 0 {
		o.RequestTimeout = 30 * time.Second
	}
}

// Change is what one diagnosis changed. Resolved holds the findings as they
// were last seen.
type Change struct {
	Gen      uint64
	Time     time.Time
	Initial  bool // the first diagnosis: every finding is "opened"
	Opened   []*diagnose.Finding
	Updated  []*diagnose.Finding
	Resolved []*diagnose.Finding
}

// Empty reports a diagnosis that changed nothing.
func (c Change) Empty() bool { return len(c.Opened)+len(c.Updated)+len(c.Resolved) == 0 }

// State is one diagnosis and what it was made from; read-only.
type State struct {
	Gen      uint64
	Result   *diagnose.Result
	ByID     map[string]*diagnose.Finding
	At       time.Time
	Duration time.Duration
	// Objects counts the cached objects per kind.
	Objects map[string]int
	// Scope are the namespaces this diagnosis re-examined, sorted; nil
	// when it re-examined every namespace. Findings elsewhere were
	// carried over.
	Scope []string
}

// source is one kind's cache.
type source struct {
	kind          string
	clusterScoped bool
	store         cache.Indexer
	synced        func() bool
	// stale is set by the informer's handlers; buckets are the cache's
	// objects by namespace, in name order, as of the last pass that read
	// them, and belong to the loop goroutine.
	stale   staleSet
	buckets map[string][]any
	// unlisted: not every object of the kind is known to be here (a
	// NewListed engine's kind whose LIST did not finish).
	unlisted bool
}

// newSource makes a kind's source; its indexer gets the namespace index
// if it lacks it (client-go's typed informers have it).
func newSource(k kind, store cache.Indexer, synced func() bool) *source {
	if _, ok := store.GetIndexers()[cache.NamespaceIndex]; !ok {
		// Only fails once the informer has started, and it has not.
		_ = store.AddIndexers(cache.Indexers{cache.NamespaceIndex: cache.MetaNamespaceIndexFunc})
	}
	s := &source{kind: k.name, clusterScoped: k.clusterScoped, store: store, synced: synced}
	s.stale.markAll()
	return s
}

// Engine watches and diagnoses. Start it once; read it from any goroutine.
type Engine struct {
	o Options
	// sources and notes are set once by Start (under mu) and read-only
	// after; each source's scan fields belong to the loop goroutine.
	sources []*source
	notes   []string
	factory informers.SharedInformerFactory
	hard    chan struct{} // a change that may open or resolve a finding
	soft    chan struct{} // a change that can only move evidence
	done    chan struct{}
	started atomic.Bool
	ready   atomic.Bool
	// pending are the namespaces waiting for a pass; podsMoved is set when
	// a pod was added, removed or bound, which can move evidence in other
	// namespaces.
	pending   pending
	podsMoved atomic.Bool
	// lastScan is the duration of the last diagnosis but the first,
	// lastEnd when it ended (Unix nanoseconds).
	lastScan, lastEnd atomic.Int64

	mu        sync.RWMutex
	state     *State
	prints    map[string]uint64 // finding ID → fingerprint
	docs      map[i18n.Lang]*report.Doc
	listeners []func(*State, Change)
	subs      map[chan Change]struct{}

	apiMu       sync.Mutex
	connected   bool
	lastAPIErr  error
	watchErrors map[string]int
	requests    map[string]int

	// chunk is chunkObjects but in tests.
	chunk int
	// outside is what pods the engine does not hold use of the nodes
	// (NewListed, a namespaced run).
	outside *snapshot.Outside
}

// New returns an engine; Start connects it.
func New(o Options) *Engine {
	o.defaults()
	return &Engine{
		o:           o,
		hard:        make(chan struct{}, 1),
		soft:        make(chan struct{}, 1),
		done:        make(chan struct{}),
		prints:      map[string]uint64{},
		pending:     newPending(),
		docs:        map[i18n.Lang]*report.Doc{},
		subs:        map[chan Change]struct{}{},
		connected:   true,
		watchErrors: map[string]int{},
		requests:    map[string]int{},
		chunk:       chunkObjects,
	}
}

// OnScan registers a function called, in order and on the engine's
// goroutine, after every diagnosis with its state and what it changed
// (often nothing). It must not block for long. Register before Start.
func (e *Engine) OnScan(f func(*State, Change)) { e.listeners = append(e.listeners, f) }

// Subscribe returns a channel of changes for a reader that may be slow (a
// browser): when its buffer is full the channel is closed and the reader
// should fetch the state again and resubscribe. cancel ends it.
func (e *Engine) Subscribe() (<-chan Change, func()) {
	ch := make(chan Change, 32)
	e.mu.Lock()
	e.subs[ch] = struct{}{}
	e.mu.Unlock()
	return ch, func() {
		e.mu.Lock()
		if _, ok := e.subs[ch]; ok {
			delete(e.subs, ch)
			close(ch)
		}
		e.mu.Unlock()
	}
}

// State returns the latest diagnosis, nil before the first.
func (e *Engine) State() *State {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.state
}

// Ready reports whether every cache has synced and the first diagnosis is
// done: before that, findings would be wrong (a ServiceAccount "missing"
// only because its list has not arrived yet).
func (e *Engine) Ready() bool { return e.ready.Load() }

// Synced reports, per kind, whether its informer has synced.
func (e *Engine) Synced() map[string]bool {
	e.mu.RLock()
	srcs := e.sources
	e.mu.RUnlock()
	out := make(map[string]bool, len(srcs))
	for _, s := range srcs {
		out[s.kind] = s.synced()
	}
	return out
}

// Notes are the kinds that could not be watched (forbidden), as sentences.
func (e *Engine) Notes() []string {
	e.mu.RLock()
	defer e.mu.RUnlock()
	return e.notes
}

// Connected reports whether the watches are healthy: false after a watch
// failed, until the informers hear from the API server again.
func (e *Engine) Connected() (bool, error) {
	e.apiMu.Lock()
	defer e.apiMu.Unlock()
	return e.connected, e.lastAPIErr
}

// WatchErrors counts watch failures per kind.
func (e *Engine) WatchErrors() map[string]int {
	e.apiMu.Lock()
	defer e.apiMu.Unlock()
	out := make(map[string]int, len(e.watchErrors))
	for k, v := range e.watchErrors {
		out[k] = v
	}
	return out
}

// Requests counts the requests the informers' client has sent (through
// Observe), by verb: list, watch, get.
func (e *Engine) Requests() map[string]int {
	e.apiMu.Lock()
	defer e.apiMu.Unlock()
	return maps.Clone(e.requests)
}

// Objects returns the cached objects of a kind (as transformed; do not
// modify them).
func (e *Engine) Objects(kind string) []any {
	e.mu.RLock()
	srcs := e.sources
	e.mu.RUnlock()
	for _, s := range srcs {
		if s.kind == kind {
			return s.store.List()
		}
	}
	return nil
}

// Done is closed when the engine has stopped.
func (e *Engine) Done() <-chan struct{} { return e.done }

// changed records a change to obj in a kind's cache and wakes the loop.
func (e *Engine) changed(src *source, obj any, hard bool) {
	ns, bucketKey := namespaceOf(src, obj)
	src.stale.mark(bucketKey)
	e.pending.add(ns, hard)
	ch := e.soft
	if hard || ns == "" {
		ch = e.hard
	}
	select {
	case ch <- struct{}{}:
	default:
	}
}

// loop diagnoses everything once every cache has synced; then, a debounce
// after a change, the namespaces changes touched (with a chunk of the
// backlog); soft changes after SoftDelay; and every namespace again, a
// chunk per pass, every Refresh.
func (e *Engine) loop(ctx context.Context) {
	defer close(e.done)
	synced := make([]cache.InformerSynced, len(e.sources))
	for i, s := range e.sources {
		synced[i] = s.synced
	}
	if !cache.WaitForCacheSync(ctx.Done(), synced...) {
		return
	}
	// Changes that arrived while syncing are part of the first diagnosis.
	e.drain()
	e.Scan()
	e.ready.Store(true)
	refresh := time.NewTicker(e.o.Refresh)
	defer refresh.Stop()
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	softTimer := time.NewTimer(time.Hour)
	softTimer.Stop()
	evidenceTimer := time.NewTimer(time.Hour)
	evidenceTimer.Stop()
	var due time.Time // zero: no pass scheduled
	var softArmed, evidenceArmed bool
	schedule := func(after time.Duration) {
		at := time.Now().Add(after)
		if due.IsZero() || at.Before(due) {
			due = at
			timer.Reset(after)
		}
	}
	for {
		select {
		case <-ctx.Done():
			timer.Stop()
			softTimer.Stop()
			evidenceTimer.Stop()
			return
		case <-e.hard:
			// A pass of the namespaces a change touched is cheap: it
			// waits only for the rest of a burst.
			schedule(e.o.Debounce)
		case <-e.soft:
			if !softArmed {
				softArmed = true
				softTimer.Reset(e.o.SoftDelay)
			}
		case <-softTimer.C:
			softArmed = false
			e.pending.promote(e.pending.soft)
			schedule(e.pace())
		case <-evidenceTimer.C:
			evidenceArmed = false
			e.pending.promote(e.pending.evidence)
			schedule(e.pace())
		case <-refresh.C:
			// Some findings depend on time alone (a pod Pending past
			// its start-up grace): every namespace, a chunk per pass.
			e.pending.queueAll()
			schedule(e.pace())
		case <-timer.C:
			due = time.Time{}
			e.drain()
			e.pass(e.chooseScope())
			if !evidenceArmed && e.pending.hasEvidence() {
				evidenceArmed = true
				evidenceTimer.Reset(e.o.EvidenceDelay)
			}
			switch urgent, backlog := e.pending.work(); {
			case urgent:
				schedule(e.o.Debounce)
			case backlog:
				schedule(e.pace())
			}
		}
	}
}

// pace is how long a backlog pass waits: the debounce, and at least until
// half as long as the last pass took has passed since it ended, so the
// backlog costs at most two thirds of a core (capped at half a second; the
// first diagnosis, which reads every object, does not count).
func (e *Engine) pace() time.Duration {
	wait := e.o.Debounce
	if end := e.lastEnd.Load(); end != 0 {
		gap := min(time.Duration(e.lastScan.Load())/2, 500*time.Millisecond)
		if until := time.Until(time.Unix(0, end).Add(gap)); until > wait {
			wait = until
		}
	}
	return wait
}

// drain forgets wake-ups already covered by the diagnosis about to run;
// a change after this point wakes the loop again.
func (e *Engine) drain() {
	select {
	case <-e.hard:
	default:
	}
}

// Scan diagnoses every namespace now and publishes the difference. The
// loop calls it first; tests and benchmarks may call it directly.
func (e *Engine) Scan() Change {
	p := &e.pending
	p.mu.Lock()
	clear(p.urgent)
	clear(p.soft)
	clear(p.evidence)
	clear(p.backlog)
	p.everything = false
	p.mu.Unlock()
	e.podsMoved.Store(false)
	start := time.Now()
	res, counts := e.scanChunks()
	return e.publish(res, res.Findings, nil, counts, start)
}

// scanChunks diagnoses every namespace a chunk at a time, as the backlog
// does, and merges the parts: the same result as one diagnosis of
// everything (diagnose.RunIn, diagnose.Merge), but a pass decodes only
// its chunk's pods, so at start, with every pod of a large cluster to
// read, memory holds the compact caches and one chunk, not every pod
// decoded at once.
func (e *Engine) scanChunks() (*diagnose.Result, map[string]int) {
	var res *diagnose.Result
	var counts map[string]int
	for _, scope := range e.chunks() {
		snap, c, scanned := e.build(scope)
		part := diagnose.RunIn(snap, e.o.Diagnose, scope)
		if res == nil {
			res = part
		} else {
			res = diagnose.Merge(res, part, scope)
		}
		res.Scanned.Pods, res.Scanned.Namespaces = scanned.pods, scanned.namespaces
		counts = c
	}
	return res, counts
}

// chunks splits every namespace into the scopes of scanChunks: about
// e.chunk pods and events each, a namespace never split; one empty scope
// (the cluster's own findings) when there is no namespace.
func (e *Engine) chunks() []map[string]bool {
	for _, s := range e.sources {
		s.refresh(nil)
	}
	var out []map[string]bool
	scope, budget := map[string]bool{}, 0
	for _, ns := range e.namespaces() {
		if budget >= e.chunk && len(scope) > 0 {
			out = append(out, scope)
			scope, budget = map[string]bool{}, 0
		}
		scope[ns] = true
		budget += e.weight(ns)
	}
	return append(out, scope)
}

// ScanChanged runs the pass the loop would run next once every wait is
// over: the namespaces changes touched or, when none did, a chunk of the
// backlog, soft changes and evidence included (tests and benchmarks).
func (e *Engine) ScanChanged() Change {
	e.pending.promote(e.pending.soft)
	e.pending.promote(e.pending.evidence)
	return e.pass(e.chooseScope())
}

// publish diffs a result against the previous one by finding ID, stores it
// and tells listeners and subscribers. fresh are the findings the pass
// made; the others were carried over from the previous result unchanged,
// and keep their fingerprints.
func (e *Engine) publish(res *diagnose.Result, fresh []*diagnose.Finding, scope map[string]bool, counts map[string]int, start time.Time) Change {
	part := *res
	part.Findings = fresh
	doc := report.Build(&part, i18n.EN)
	freshPrint := make(map[*diagnose.Finding]uint64, len(fresh))
	for i, f := range fresh {
		freshPrint[f] = fingerprint(doc.Findings[i])
	}

	e.mu.Lock()
	prev := e.state
	st := &State{Result: res, ByID: make(map[string]*diagnose.Finding, len(res.Findings)), At: res.Now, Objects: counts}
	if scope != nil {
		st.Scope = slices.Sorted(maps.Keys(scope))
	}
	prints := make(map[string]uint64, len(res.Findings))
	ch := Change{Time: res.Now, Initial: prev == nil}
	if prev != nil {
		st.Gen = prev.Gen + 1
	} else {
		st.Gen = 1
	}
	ch.Gen = st.Gen
	for _, f := range res.Findings {
		st.ByID[f.ID] = f
		p, ok := freshPrint[f]
		if !ok {
			p = e.prints[f.ID]
		}
		prints[f.ID] = p
		old, seen := e.prints[f.ID]
		switch {
		case !seen:
			ch.Opened = append(ch.Opened, f)
		case old != p:
			ch.Updated = append(ch.Updated, f)
		}
	}
	if prev != nil {
		for _, f := range prev.Result.Findings {
			if _, ok := st.ByID[f.ID]; !ok {
				ch.Resolved = append(ch.Resolved, f)
			}
		}
	}
	st.Duration = time.Since(start)
	if prev != nil {
		e.lastScan.Store(int64(st.Duration))
		e.lastEnd.Store(time.Now().UnixNano())
	}
	e.state = st
	e.prints = prints
	e.docs = map[i18n.Lang]*report.Doc{}
	if len(fresh) == len(res.Findings) {
		e.docs[i18n.EN] = &doc
	}
	listeners := e.listeners
	if ch.Initial || !ch.Empty() {
		for sub := range e.subs {
			select {
			case sub <- ch:
			default:
				// Too slow: it resynchronises from the state.
				delete(e.subs, sub)
				close(sub)
			}
		}
	}
	e.mu.Unlock()
	for _, l := range listeners {
		l(st, ch)
	}
	return ch
}

// Doc returns the latest diagnosis rendered in a language (cached per
// diagnosis), or nil before the first.
func (e *Engine) Doc(lang i18n.Lang) *report.Doc {
	e.mu.RLock()
	st, d := e.state, e.docs[lang]
	e.mu.RUnlock()
	if st == nil || d != nil {
		return d
	}
	doc := e.Render(st, st.Result.Findings, lang)
	e.mu.Lock()
	if e.state == st {
		e.docs[lang] = &doc
	}
	e.mu.Unlock()
	return &doc
}

// Render renders some findings of a state as a report document: the
// summary counts only them; notes and scan counts are the state's.
func (e *Engine) Render(st *State, fs []*diagnose.Finding, lang i18n.Lang) report.Doc {
	res := *st.Result
	res.Findings = fs
	return report.Build(&res, lang)
}

// ownEvent: an Event podwhy wrote (serve --emit-events).
func ownEvent(obj any) bool {
	ev, ok := obj.(*corev1.Event)
	return ok && snapshot.OwnEvent(ev)
}
