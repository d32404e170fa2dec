package watch

import (
	"maps"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/tools/cache"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/slim"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Incremental diagnosis. A namespaced finding depends on its namespace's
// objects, the cluster-scoped objects and, as evidence only, the pods of
// other namespaces (diagnose.RunIn). So a change re-diagnoses only the
// namespaces it touched: the snapshot of such a pass holds the
// cluster-scoped objects, those namespaces' objects and events, and of the
// other pods only those RunIn reads (on nodes with a finding; all of them
// when a pod of the scope waits to be scheduled), and its findings replace
// theirs (diagnose.Merge). Converting and diagnosing all 10,000 pods and
// 50,000 events for every change made a change wait a second and more on a
// busy cluster.
//
// What a change elsewhere can only move — a Pending pod's note on what
// another namespace's pods use of a node — is refreshed by the backlog:
// namespaces queued after a cluster-scoped change, after pods were bound or
// removed, and every Refresh, re-diagnosed a chunk at a time in passes of
// their own, so a change waits at most for one such pass.

// chunkObjects bounds the backlog a pass takes on: about this many pods
// and events of queued namespaces (a namespace is never split), about
// 0.1 s of work at 10,000 pods.
const chunkObjects = 4000

// The objects of one kind are kept per namespace ("" for a cluster-scoped
// kind), in name order: a bucket. The builder is given the cached objects
// themselves: it writes only to drop managedFields, which the transform
// already dropped, and a checked last-applied annotation, and objects that
// have one get a copy (addObjects).

// staleSet records which buckets of a kind must be re-read from its cache.
type staleSet struct {
	mu  sync.Mutex
	all bool
	ns  map[string]bool
}

func (s *staleSet) mark(ns string) {
	s.mu.Lock()
	if s.ns == nil {
		s.ns = map[string]bool{}
	}
	s.ns[ns] = true
	s.mu.Unlock()
}

func (s *staleSet) markAll() {
	s.mu.Lock()
	s.all = true
	s.mu.Unlock()
}

// take returns the stale namespaces that want says are wanted now (all of
// them when want is nil) and forgets them; all reports that every bucket
// is stale.
func (s *staleSet) take(want func(string) bool) (ns []string, all bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.all {
		// Everything is stale (at start): the whole kind is re-read,
		// wanted or not.
		s.all = false
		s.ns = nil
		return nil, true
	}
	for n := range s.ns {
		if want == nil || want(n) {
			ns = append(ns, n)
			delete(s.ns, n)
		}
	}
	return ns, false
}

// pending holds the namespaces waiting for a diagnosis.
type pending struct {
	mu sync.Mutex
	// urgent: a change that may open or resolve a finding there.
	urgent map[string]bool
	// soft: a change that can only move evidence (an event repeating).
	soft map[string]bool
	// evidence: namespaces whose findings quote other namespaces' pods,
	// after such pods moved.
	evidence map[string]bool
	// backlog: to re-diagnose, a chunk per pass.
	backlog map[string]bool
	// everything: queue every namespace (a cluster-scoped object
	// changed, or Refresh).
	everything bool
}

func newPending() pending {
	return pending{urgent: map[string]bool{}, soft: map[string]bool{}, evidence: map[string]bool{}, backlog: map[string]bool{}}
}

// add records a change in a namespace; "" is a cluster-scoped change.
func (p *pending) add(ns string, hard bool) {
	p.mu.Lock()
	switch {
	case ns == "":
		p.everything = true
	case hard:
		p.urgent[ns] = true
	default:
		p.soft[ns] = true
	}
	p.mu.Unlock()
}

func (p *pending) queueAll() {
	p.mu.Lock()
	p.everything = true
	p.mu.Unlock()
}

// promote moves soft changes (or evidence) to the backlog: their wait is
// over.
func (p *pending) promote(set map[string]bool) {
	p.mu.Lock()
	for ns := range set {
		p.backlog[ns] = true
	}
	clear(set)
	p.mu.Unlock()
}

// hasEvidence reports namespaces waiting for an evidence refresh.
func (p *pending) hasEvidence() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.evidence) > 0
}

// work reports whether a pass has anything to do now: urgent changes, or
// only a backlog.
func (p *pending) work() (urgent, backlog bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.urgent) > 0, len(p.backlog) > 0 || p.everything
}

// idle reports whether nothing at all waits, soft changes included.
func (p *pending) idle() bool {
	p.mu.Lock()
	defer p.mu.Unlock()
	return len(p.urgent)+len(p.soft)+len(p.evidence)+len(p.backlog) == 0 && !p.everything
}

// namespaceOf is the namespace a change to obj concerns: its own for a
// namespaced object, its name for a Namespace, "" (every namespace) for
// another cluster-scoped object. bucketKey is the bucket that holds it.
func namespaceOf(src *source, obj any) (ns, bucketKey string) {
	if d, ok := obj.(cache.DeletedFinalStateUnknown); ok {
		obj = d.Obj
		if obj == nil {
			ns, _, _ := cache.SplitMetaNamespaceKey(d.Key)
			if src.clusterScoped {
				return "", ""
			}
			return ns, ns
		}
	}
	m, ok := obj.(metav1.Object)
	if !ok {
		return "", ""
	}
	if src.clusterScoped {
		if src.kind == snapshot.KindNamespace {
			return m.GetName(), ""
		}
		return "", ""
	}
	return m.GetNamespace(), m.GetNamespace()
}

// namespaces lists every namespace that holds an object of any kind, or
// is a Namespace object.
func (e *Engine) namespaces() []string {
	set := map[string]bool{}
	for _, s := range e.sources {
		if s.clusterScoped {
			if s.kind == snapshot.KindNamespace {
				for _, o := range s.store.List() {
					if m, ok := o.(metav1.Object); ok {
						set[m.GetName()] = true
					}
				}
			}
			continue
		}
		for _, ns := range s.store.ListIndexFuncValues(cache.NamespaceIndex) {
			set[ns] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// chooseScope takes the namespaces a pass diagnoses: every urgent one
// or, when none is urgent, a chunk of the backlog. An urgent change never
// waits for backlog work in its own pass, only for a pass already running.
func (e *Engine) chooseScope() map[string]bool {
	p := &e.pending
	p.mu.Lock()
	everything := p.everything
	p.everything = false
	p.mu.Unlock()
	var all []string
	if everything {
		all = e.namespaces()
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, ns := range all {
		p.backlog[ns] = true
	}
	// Changed namespaces first, but a chunk's worth at most: a burst that
	// touched every namespace (a busy cluster while the first diagnosis
	// ran, a node going away) would otherwise decode every pod of the
	// cluster in one pass. The rest stay urgent for the next pass, which
	// follows at once.
	if scope := e.take(p.urgent); len(scope) > 0 {
		return scope
	}
	return e.take(p.backlog)
}

// take moves a chunk's worth of namespaces out of set (in name order; at
// least one while any is left) and out of every wait; p.mu is held.
func (e *Engine) take(set map[string]bool) map[string]bool {
	scope := map[string]bool{}
	budget := 0
	for _, ns := range slices.Sorted(maps.Keys(set)) {
		if budget >= e.chunk {
			break
		}
		budget += e.weight(ns)
		scope[ns] = true
		delete(set, ns)
		e.pending.done(ns)
	}
	return scope
}

// done takes a namespace about to be diagnosed out of every wait; p.mu is
// held.
func (p *pending) done(ns string) {
	delete(p.backlog, ns)
	delete(p.soft, ns)
	delete(p.evidence, ns)
}

// weight estimates a namespace's cost in a pass: its pods and events as
// last read.
func (e *Engine) weight(ns string) int {
	n := 1
	for _, s := range e.sources {
		if s.kind == snapshot.KindPod || s.kind == snapshot.KindEvent {
			n += len(s.buckets[ns])
		}
	}
	return n
}

// refresh re-reads the stale buckets that the pass needs: every pod and
// cluster-scoped bucket (each pass holds them all), and the other kinds'
// buckets of the scope's namespaces (nil scope: all). Other stale buckets
// wait until their namespace is diagnosed.
func (s *source) refresh(scope map[string]bool) {
	var want func(string) bool
	if scope != nil && !s.clusterScoped && s.kind != snapshot.KindPod {
		want = func(ns string) bool { return scope[ns] }
	}
	stale, all := s.stale.take(want)
	if all || s.buckets == nil {
		s.buckets = s.byNamespace()
		for _, objs := range s.buckets {
			sortByName(objs)
		}
		return
	}
	for _, ns := range stale {
		var objs []any
		if s.clusterScoped {
			objs = s.store.List()
		} else {
			// Every source's indexer has the namespace index (newSource).
			objs, _ = s.store.ByIndex(cache.NamespaceIndex, ns)
		}
		if len(objs) == 0 {
			delete(s.buckets, ns)
			continue
		}
		sortByName(objs)
		s.buckets[ns] = objs
	}
}

// byNamespace reads the whole cache grouped by bucket.
func (s *source) byNamespace() map[string][]any {
	out := map[string][]any{}
	for _, o := range s.store.List() {
		ns := ""
		if m, ok := o.(metav1.Object); ok && !s.clusterScoped {
			ns = m.GetNamespace()
		}
		out[ns] = append(out[ns], o)
	}
	return out
}

// addObjects feeds a bucket to the builder.
// unlisted: the kind's listing did not finish (see source.unlisted).
func addObjects(bl *snapshot.Builder, objs []any, unlisted bool) {
	add, addEvent := bl.Add, bl.AddEvent
	if unlisted {
		add, addEvent = bl.AddUnlisted, bl.AddEventUnlisted
	}
	for _, o := range objs {
		switch o := o.(type) {
		case *slim.Pod:
			// Decoded afresh for each pass: the builder may change it.
			if p, err := o.Decode(); err == nil {
				add(p)
			}
		case *slim.Event:
			addEvent(o.Snapshot())
		case *listedSecret:
			c := *o.secret
			add(&c)
		case *corev1.Event:
			// Converted each time rather than kept: on a big cluster
			// events outnumber every other kind (50,000 for 10,000
			// pods in the benchmark), and a pass converts only its
			// namespaces'.
			if !ownEvent(o) {
				addEvent(snapshot.CoreEvent(o))
			}
		case metav1.Object:
			// The builder deletes a checked last-applied annotation
			// from what it is given: such objects get a fresh copy.
			if hasLastApplied(o.GetAnnotations()) {
				add(ownCopy(o))
				continue
			}
			add(o)
		}
	}
}

// build makes the snapshot of a pass: the cluster-scoped objects, the
// scope's namespaced objects and the pods of other namespaces that
// diagnose.RunIn needs (nil scope: everything). scanned are the counts of
// the whole cache, as a full diagnosis reports them.
func (e *Engine) build(scope map[string]bool) (snap *snapshot.Snapshot, counts map[string]int, scanned scannedCounts) {
	var pods *source
	for _, s := range e.sources {
		s.refresh(scope)
		if s.kind == snapshot.KindPod {
			pods = s
		}
	}
	// Which other namespaces' pods the pass needs: those on nodes with a
	// finding, which lists them; and when a pod of the scope waits to be
	// scheduled, what all the others use of each node. That is summed up
	// (diagnose.CountOutside) rather than built and diagnosed: on a large
	// cluster with unschedulable pods in most namespaces, nearly every
	// pass would otherwise take in every pod of the cluster.
	allPods := scope == nil || pods == nil
	var troubled map[string]bool
	var outside *snapshot.Outside
	if !allPods {
	scope:
		for ns := range scope {
			for _, o := range pods.buckets[ns] {
				if node, ok := nodeName(o); ok && node == "" {
					// diagnose.NeedsAllPods: a pod not placed.
					outside = &snapshot.Outside{}
					break scope
				}
			}
		}
		troubled = e.troubledNodes()
	}

	b := snapshot.NewBuilder()
	counts = make(map[string]int, len(e.sources))
	namespaces := map[string]bool{}
	for _, s := range e.sources {
		if !s.unlisted {
			b.MarkKind(s.kind)
		}
		counts[s.kind] = len(s.store.ListKeys())
		for _, ns := range slices.Sorted(maps.Keys(s.buckets)) {
			objs := s.buckets[ns]
			switch {
			case s.kind == snapshot.KindPod:
				namespaces[ns] = true
				scanned.pods += len(objs)
				if allPods || scope[ns] {
					addObjects(b, objs, s.unlisted)
					continue
				}
				for _, o := range objs {
					node, ok := nodeName(o)
					switch {
					case !ok:
					case troubled[node]:
						addObjects(b, []any{o}, s.unlisted)
					case outside != nil:
						countOutside(outside, o)
					}
				}
			case s.kind == snapshot.KindNamespace:
				for _, o := range objs {
					if m, ok := o.(metav1.Object); ok {
						namespaces[m.GetName()] = true
					}
				}
				addObjects(b, objs, s.unlisted)
			case scope == nil || s.clusterScoped || scope[ns]:
				addObjects(b, objs, s.unlisted)
			}
		}
	}
	scanned.namespaces = len(namespaces)
	if outside != nil {
		outside.Add(e.outside)
		b.SetOutside(outside)
	}
	for _, n := range e.notes {
		b.Note(n)
	}
	return b.Build(e.o.Now()), counts, scanned
}

type scannedCounts struct{ pods, namespaces int }

// troubledNodes are the nodes with a finding, by name.
func (e *Engine) troubledNodes() map[string]bool {
	out := map[string]bool{}
	for _, s := range e.sources {
		if s.kind != snapshot.KindNode {
			continue
		}
		for _, objs := range s.buckets {
			for _, o := range objs {
				if n, ok := o.(*corev1.Node); ok && diagnose.NodeHasFinding(n) {
					out[n.Name] = true
				}
			}
		}
	}
	return out
}

// pass diagnoses a scope (nil: everything) and publishes the result merged
// into the previous one.
func (e *Engine) pass(scope map[string]bool) Change {
	start := time.Now()
	prev := e.State()
	if prev == nil {
		scope = nil
	}
	snap, counts, scanned := e.build(scope)
	if scope == nil {
		res := diagnose.Run(snap, e.o.Diagnose)
		return e.publish(res, res.Findings, nil, counts, start)
	}
	part := diagnose.RunIn(snap, e.o.Diagnose, scope)
	res := diagnose.Merge(prev.Result, part, scope)
	res.Scanned.Pods, res.Scanned.Namespaces = scanned.pods, scanned.namespaces
	e.queueEvidence(scope)
	return e.publish(res, part.Findings, scope, counts, start)
}

// queueEvidence queues, after pods of the scope moved, the other
// namespaces with a pod waiting to be scheduled: their findings quote what
// other pods use of each node and which pods hold a host port. They are
// re-diagnosed after EvidenceDelay: on a busy cluster pods move all the
// time, and this is evidence only.
func (e *Engine) queueEvidence(scope map[string]bool) {
	if !e.podsMoved.Swap(false) {
		return
	}
	var wait []string
	for _, s := range e.sources {
		if s.kind != snapshot.KindPod {
			continue
		}
		for ns, objs := range s.buckets {
			if scope[ns] {
				continue
			}
			for _, o := range objs {
				if node, ok := nodeName(o); ok && node == "" && o.(metav1.Object).GetDeletionTimestamp() == nil {
					wait = append(wait, ns)
					break
				}
			}
		}
	}
	e.pending.mu.Lock()
	for _, ns := range wait {
		e.pending.evidence[ns] = true
	}
	e.pending.mu.Unlock()
}

// podMoved reports whether a pod change can move another namespace's
// evidence: a pod added, removed, bound to a node or ending.
func podMoved(old, cur any) bool {
	o, ok1 := old.(*slim.Pod)
	n, ok2 := cur.(*slim.Pod)
	if !ok1 || !ok2 {
		return true
	}
	return o.NodeName != n.NodeName || o.Phase != n.Phase || (o.DeletionTimestamp == nil) != (n.DeletionTimestamp == nil)
}

// nodeName is the node of a cached pod ("" when not placed); false for
// anything else.
func nodeName(o any) (string, bool) {
	switch p := o.(type) {
	case *slim.Pod:
		return p.NodeName, true
	case *corev1.Pod:
		return p.Spec.NodeName, true
	}
	return "", false
}

// countOutside is diagnose.CountOutside of a cached pod, from the use
// worked out when it was cached.
func countOutside(out *snapshot.Outside, o any) {
	switch p := o.(type) {
	case *slim.Pod:
		if p.Use != nil {
			diagnose.AddUse(out, p.Use)
		}
	case *corev1.Pod:
		diagnose.CountOutside(out, p)
	}
}

// sortByName orders one bucket by namespace and name, the order kubectl
// and a LIST return: some rules list what they found in input order, and a
// cache's map order would make the same cluster read differently from one
// diagnosis to the next (a finding "updated" for nothing).
func sortByName(objs []any) {
	key := func(o any) (string, string) {
		if m, ok := o.(metav1.Object); ok {
			return m.GetNamespace(), m.GetName()
		}
		return "", ""
	}
	sort.Slice(objs, func(i, j int) bool {
		ni, ai := key(objs[i])
		nj, aj := key(objs[j])
		if c := strings.Compare(ni, nj); c != 0 {
			return c < 0
		}
		return ai < aj
	})
}
