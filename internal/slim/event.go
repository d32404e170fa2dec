package slim

import (
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// Event is a core Event as serve's informer cache holds it: already the
// snapshot's own event (snapshot.CoreEvent), which is what every pass
// made of it, at about half the memory of a decoded corev1.Event. Events
// outnumber every other kind (five per pod in the benchmark cluster).
type Event struct {
	Key
	snapshot.Event
	// ReportingController beside Event.Source (the source component, or
	// else this): who wrote it.
	ReportingController string
}

// CompactEvent converts e, an event Transform has stripped (and whose
// strings it interned). e is not kept.
func CompactEvent(e *corev1.Event) *Event {
	c := &Event{Key: keyOf(&e.ObjectMeta), Event: *snapshot.CoreEvent(e), ReportingController: e.ReportingController}
	return c
}

// Snapshot is a copy of the event for a snapshot builder, which changes
// what it is given.
func (e *Event) Snapshot() *snapshot.Event {
	ev := e.Event
	return &ev
}

// GetObjectKind: the cache's objects carry no type meta.
func (e *Event) GetObjectKind() schema.ObjectKind { return schema.EmptyObjectKind }

// DeepCopyObject copies the event; its strings are shared, as Go's are.
func (e *Event) DeepCopyObject() runtime.Object {
	c := *e
	c.DeletionTimestamp = e.DeletionTimestamp.DeepCopy()
	return &c
}
