package watch

import (
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// eventCache keeps each cached Event converted to the snapshot's form, so
// a diagnosis converts only the events that changed since the last one:
// on a big cluster events outnumber every other kind (50,000 for 10,000
// pods in the benchmark) and converting them all was the largest cost of a
// diagnosis after the rules themselves.
type eventCache struct {
	m map[*corev1.Event]*snapshot.Event
}

// add feeds the events, in order, to b. The conversion is the builder's
// own (a one-event builder), so the snapshot is what a one-off run of the
// same objects gives (TestTransformKeepsFindings).
func (c *eventCache) add(b *snapshot.Builder, objs []any) {
	next := make(map[*corev1.Event]*snapshot.Event, len(objs))
	for _, o := range objs {
		ev, ok := o.(*corev1.Event)
		if !ok || ownEvent(ev) {
			continue
		}
		se, ok := c.m[ev]
		if !ok {
			se = convertEvent(ev)
		}
		next[ev] = se
		if se == nil {
			continue
		}
		// The builder folds repeats into the event it was given: give it
		// a copy.
		cp := *se
		b.AddEvent(&cp)
	}
	c.m = next
}

// epoch is any fixed time: a one-event snapshot's clock is not used.
var epoch = time.Unix(0, 0)

func convertEvent(ev *corev1.Event) *snapshot.Event {
	one := snapshot.NewBuilder()
	one.Add(ev)
	if s := one.Build(epoch); len(s.Events) == 1 {
		return s.Events[0]
	}
	return nil
}
