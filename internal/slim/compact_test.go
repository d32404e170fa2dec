package slim

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	apiequality "k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// shipped reads every pod and event of the shipped example clusters.
func shipped(t *testing.T) ([]*corev1.Pod, []*corev1.Event) {
	t.Helper()
	var pods []*corev1.Pod
	var events []*corev1.Event
	err := filepath.WalkDir("../../examples", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".json") {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		var l struct {
			Items []json.RawMessage `json:"items"`
		}
		if json.Unmarshal(data, &l) != nil {
			return nil
		}
		for _, it := range l.Items {
			var tm metav1.TypeMeta
			_ = json.Unmarshal(it, &tm)
			switch {
			case tm.Kind == "Pod" || strings.HasSuffix(path, "pods.json"):
				p := &corev1.Pod{}
				if json.Unmarshal(it, p) == nil {
					pods = append(pods, p)
				}
			case tm.Kind == "Event" || strings.HasSuffix(path, "events.json"):
				e := &corev1.Event{}
				if json.Unmarshal(it, e) == nil {
					events = append(events, e)
				}
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(pods) < 20 || len(events) < 20 {
		t.Fatalf("only %d pods and %d events in the examples", len(pods), len(events))
	}
	return pods, events
}

// TestCompactRoundTrip: the compact forms of serve's cache give back what
// the rules read. A pod decodes to exactly the stripped pod, its header
// and use agree with it; an event is the stripped event's conversion.
func TestCompactRoundTrip(t *testing.T) {
	pods, events := shipped(t)
	for _, p := range pods {
		x, _ := Transform(p.DeepCopy())
		want := x.(*corev1.Pod)
		c, err := Compact(want.DeepCopy())
		if err != nil {
			t.Fatal(err)
		}
		got, err := c.Decode()
		if err != nil {
			t.Fatal(err)
		}
		// Type meta is not part of the encoding; the cache's objects
		// never carry it.
		want.TypeMeta = metav1.TypeMeta{}
		if !apiequality.Semantic.DeepEqual(got, want) {
			t.Errorf("%s/%s: decoded pod differs from the stripped one", p.Namespace, p.Name)
		}
		if c.Namespace != p.Namespace || c.Name != p.Name || c.UID != p.UID || c.NodeName != p.Spec.NodeName ||
			c.Phase != p.Status.Phase || (c.DeletionTimestamp == nil) != (p.DeletionTimestamp == nil) {
			t.Errorf("%s/%s: header %+v", p.Namespace, p.Name, c.Key)
		}
		var a, b snapshot.Outside
		diagnose.CountOutside(&a, want)
		if c.Use != nil {
			diagnose.AddUse(&b, c.Use)
		}
		if !apiequality.Semantic.DeepEqual(a, b) {
			t.Errorf("%s/%s: use %+v, want %+v", p.Namespace, p.Name, b, a)
		}
		if again, _ := Transform(c); again != c {
			t.Errorf("%s/%s: Transform changed a compact pod", p.Namespace, p.Name)
		}
	}
	for _, e := range events {
		x, _ := Transform(e.DeepCopy())
		want := snapshot.CoreEvent(x.(*corev1.Event))
		c := CompactEvent(x.(*corev1.Event))
		if got := c.Snapshot(); !reflect.DeepEqual(got, want) {
			t.Errorf("%s/%s: event %+v, want %+v", e.Namespace, e.Name, got, want)
		}
		if c.Key.Namespace != e.Namespace || c.Key.Name != e.Name || c.ReportingController != e.ReportingController {
			t.Errorf("%s/%s: header %+v", e.Namespace, e.Name, c.Key)
		}
	}
}
