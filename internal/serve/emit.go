package serve

import (
	"context"
	"strings"
	"unicode"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/kubernetes/scheme"
	typedcorev1 "k8s.io/client-go/kubernetes/typed/core/v1"
	"k8s.io/client-go/tools/record"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
	"github.com/podwhy/podwhy/internal/watch"
)

// AnnotationFinding marks the Events podwhy writes with the finding's ID,
// so a restarted podwhy does not write them again.
const AnnotationFinding = "podwhy.dev/finding"

// Emitter writes a Kubernetes Event on the subject of each finding that
// opens (serve --emit-events): podwhy's only write, through client-go's
// EventRecorder (which rate-limits and aggregates repeats).
type Emitter struct {
	e           *watch.Engine
	lang        i18n.Lang
	broadcaster record.EventBroadcaster
	rec         record.EventRecorder
}

// EmitEvents makes an emitter and registers it with the engine (before
// Start). Stop it at shutdown to flush.
func EmitEvents(ctx context.Context, e *watch.Engine, cs kubernetes.Interface, lang i18n.Lang) *Emitter {
	b := record.NewBroadcaster(record.WithContext(ctx))
	b.StartRecordingToSink(&typedcorev1.EventSinkImpl{Interface: cs.CoreV1().Events("")})
	m := &Emitter{e: e, lang: lang, broadcaster: b,
		rec: b.NewRecorder(scheme.Scheme, corev1.EventSource{Component: watch.Component})}
	e.OnScan(m.observe)
	return m
}

// Stop ends the recorder.
func (m *Emitter) Stop() { m.broadcaster.Shutdown() }

func (m *Emitter) observe(_ *watch.State, ch watch.Change) {
	var written map[string]bool
	if ch.Initial {
		// At start every current finding "opens": write only those the
		// cluster has no podwhy Event about yet (a restart, a second
		// replica).
		written = map[string]bool{}
		for _, o := range m.e.Objects(snapshot.KindEvent) {
			if ev, ok := o.(*corev1.Event); ok && ev.Source.Component == watch.Component {
				written[ev.Annotations[AnnotationFinding]] = true
			}
		}
	}
	for _, f := range ch.Opened {
		if written[f.ID] {
			continue
		}
		m.emit(f)
	}
}

func (m *Emitter) emit(f *diagnose.Finding) {
	ref := &corev1.ObjectReference{Kind: f.Subject.Kind, APIVersion: apiVersion(f.Subject.Kind),
		Namespace: f.Subject.Namespace, Name: f.Subject.Name, UID: f.Subject.UID}
	msg := i18n.T("serve.event", f.Reason, f.Headline, f.ID).String(m.lang)
	if len(msg) > 1000 { // the API server refuses notes over 1 KiB
		msg = strings.ToValidUTF8(msg[:1000], "") + "…"
	}
	m.rec.AnnotatedEventf(ref, map[string]string{AnnotationFinding: f.ID}, eventType(f.Severity), eventReason(f.Reason), "%s", msg)
}

func eventType(s diagnose.Severity) string {
	if s == diagnose.Info {
		return corev1.EventTypeNormal
	}
	return corev1.EventTypeWarning
}

// eventReason turns a reason code into an Event reason: Image/NotFound →
// PodwhyImageNotFound (UpperCamelCase, as Event reasons are).
func eventReason(code string) string {
	var b strings.Builder
	b.WriteString("Podwhy")
	for _, r := range code {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func apiVersion(kind string) string {
	switch kind {
	case "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet":
		return "apps/v1"
	case "Job", "CronJob":
		return "batch/v1"
	case "StorageClass":
		return "storage.k8s.io/v1"
	}
	return "v1"
}
