package watch

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/slim"
)

// forCache is the informers' transform (cache.TransformFunc): every object
// stripped (slim.Transform), and pods and events, the bulk of a cluster,
// held in their compact forms (slim.Pod, slim.Event). podwhy's own Events
// stay whole: serve reads their annotations. Like slim.Transform it is
// idempotent.
func forCache(obj any) (any, error) {
	obj, err := slim.Transform(obj)
	if err != nil {
		return nil, err
	}
	switch o := obj.(type) {
	case *corev1.Pod:
		return slim.Compact(o)
	case *corev1.Event:
		if !ownEvent(o) {
			return slim.CompactEvent(o), nil
		}
	}
	return obj, nil
}
