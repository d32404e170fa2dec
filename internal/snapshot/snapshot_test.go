package snapshot

import (
	"fmt"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	eventsv1 "k8s.io/api/events/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func mt(s string) metav1.Time {
	t, _ := time.Parse(time.RFC3339, s)
	return metav1.Time{Time: t}
}

func TestEventsFoldAndIndex(t *testing.T) {
	b := NewBuilder()
	pod := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "web-0", Namespace: "shop", UID: "new", CreationTimestamp: mt("2026-11-27T08:00:00Z")}}
	b.Add(pod)
	ref := corev1.ObjectReference{Kind: "Pod", Namespace: "shop", Name: "web-0", UID: "new"}
	// Two Event objects for the same occurrence (after the correlator
	// started a new one), one with the combined prefix: folded.
	b.Add(&corev1.Event{ObjectMeta: metav1.ObjectMeta{Name: "a", Namespace: "shop"}, InvolvedObject: ref, Reason: "BackOff", Type: "Warning",
		Message: "Back-off restarting failed container", Count: 5, FirstTimestamp: mt("2026-11-27T08:10:00Z"), LastTimestamp: mt("2026-11-27T08:20:00Z")})
	b.Add(&corev1.Event{ObjectMeta: metav1.ObjectMeta{Name: "b", Namespace: "shop"}, InvolvedObject: ref, Reason: "BackOff", Type: "Warning",
		Message: "(combined from similar events): Back-off restarting failed container", Count: 3, FirstTimestamp: mt("2026-11-27T08:21:00Z"), LastTimestamp: mt("2026-11-27T08:30:00Z")})
	// The same event read twice (two dump files): counted once.
	b.Add(&corev1.Event{ObjectMeta: metav1.ObjectMeta{Name: "b", Namespace: "shop"}, InvolvedObject: ref, Reason: "BackOff", Type: "Warning",
		Message: "(combined from similar events): Back-off restarting failed container", Count: 3, FirstTimestamp: mt("2026-11-27T08:21:00Z"), LastTimestamp: mt("2026-11-27T08:30:00Z")})
	// An events.k8s.io event with a series and no UID.
	b.Add(&eventsv1.Event{ObjectMeta: metav1.ObjectMeta{Name: "c", Namespace: "shop"}, Regarding: corev1.ObjectReference{Kind: "Pod", Namespace: "shop", Name: "web-0"},
		Reason: "FailedScheduling", Type: "Warning", Note: "0/3 nodes are available", ReportingController: "default-scheduler",
		EventTime: metav1.MicroTime{Time: mt("2026-11-27T08:01:00Z").Time}, Series: &eventsv1.EventSeries{Count: 7, LastObservedTime: metav1.MicroTime{Time: mt("2026-11-27T08:40:00Z").Time}}})
	// An event about the previous pod of the same name: not ours.
	b.Add(&corev1.Event{ObjectMeta: metav1.ObjectMeta{Name: "d", Namespace: "shop"}, InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: "shop", Name: "web-0", UID: "old"},
		Reason: "Killing", Message: "Stopping container web", Count: 1, LastTimestamp: mt("2026-11-27T07:00:00Z")})
	// podwhy serve --emit-events wrote these: its own words, never
	// evidence (they would find the finding again).
	b.Add(&corev1.Event{ObjectMeta: metav1.ObjectMeta{Name: "e", Namespace: "shop"}, InvolvedObject: ref, Reason: "CrashLoop", Type: "Warning",
		Message: "Back-off restarting failed container", Source: corev1.EventSource{Component: Component}, LastTimestamp: mt("2026-11-27T08:35:00Z")})
	b.Add(&corev1.Event{ObjectMeta: metav1.ObjectMeta{Name: "f", Namespace: "shop"}, InvolvedObject: ref, Reason: "CrashLoop", Type: "Warning",
		Message: "Back-off restarting failed container", ReportingController: Component, LastTimestamp: mt("2026-11-27T08:35:00Z")})
	s := b.Build(time.Time{})

	if want := mt("2026-11-27T08:40:00Z").Time; !s.Now.Equal(want) {
		t.Errorf("Now = %v, want the newest time in the input %v", s.Now, want)
	}
	evs := s.EventsFor(ObjectRef{Kind: "Pod", Namespace: "shop", Name: "web-0", UID: "new"})
	if len(evs) != 2 {
		t.Fatalf("events = %d, want 2 (BackOff folded, FailedScheduling): %+v", len(evs), evs)
	}
	bo := evs[0]
	if bo.Reason == "FailedScheduling" {
		bo = evs[1]
	}
	if bo.Count != 8 || !bo.First.Equal(mt("2026-11-27T08:10:00Z").Time) || !bo.Last.Equal(mt("2026-11-27T08:30:00Z").Time) {
		t.Errorf("folded BackOff = count %d %v–%v", bo.Count, bo.First, bo.Last)
	}
	for _, e := range evs {
		if e.Reason == "FailedScheduling" && (e.Count != 7 || e.Source != "default-scheduler") {
			t.Errorf("series event: %+v", e)
		}
	}
}

func TestSecretSanitized(t *testing.T) {
	b := NewBuilder()
	b.Add(&corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "reg", Namespace: "shop",
		Annotations: map[string]string{lastApplied: `{"data":{"x":"c2VjcmV0"}}`}},
		Type: corev1.SecretTypeDockerConfigJson,
		Data: map[string][]byte{".dockerconfigjson": []byte(`{"auths":{"https://index.docker.io/v1/":{"auth":"c2VjcmV0"},"harbor.acme.io:8443":{}}}`)}})
	b.Add(&corev1.Secret{ObjectMeta: metav1.ObjectMeta{Name: "bad", Namespace: "shop"}, Type: corev1.SecretTypeDockerConfigJson,
		Data: map[string][]byte{".dockerconfigjson": []byte(`not json`)}})
	s := b.Build(time.Time{})
	reg := s.Secret("shop", "reg")
	if len(reg.RegistryHosts) != 2 || reg.RegistryHosts[0] != "docker.io" || reg.RegistryHosts[1] != "harbor.acme.io:8443" {
		t.Errorf("hosts = %v", reg.RegistryHosts)
	}
	if bad := s.Secret("shop", "bad"); bad.DockerConfigError == "" {
		t.Error("invalid docker config not reported")
	}
	if !s.Has(KindSecret) || s.Has(KindConfigMap) {
		t.Errorf("kinds = %v", s.Kinds())
	}
}

func TestLastAppliedUnknownFields(t *testing.T) {
	b := NewBuilder()
	b.Add(&corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "mypod", Namespace: "default",
		Annotations: map[string]string{lastApplied: `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"mypod"},"spec":{"command":["sleep"],"containers":[{"name":"a","image":"busybox"}]}}`}}})
	s := b.Build(time.Time{})
	issues := s.SpecIssues[ObjectRef{Kind: "Pod", Namespace: "default", Name: "mypod"}]
	if len(issues) != 1 || issues[0].Path != "spec.command" || issues[0].Suggestion != "spec.containers[0].command" {
		t.Errorf("issues = %+v", issues)
	}
	if _, kept := s.Pod("default", "mypod").Annotations[lastApplied]; kept {
		t.Error("last-applied annotation kept in memory")
	}
}

func TestDedupeLaterWins(t *testing.T) {
	b := NewBuilder()
	b.Add(&corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "p", Namespace: "n", ResourceVersion: "1"}})
	b.Add(&corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "p", Namespace: "n", ResourceVersion: "2"}})
	s := b.Build(time.Time{})
	if len(s.Pods) != 1 || s.Pod("n", "p").ResourceVersion != "2" {
		t.Errorf("pods = %d, rv %s", len(s.Pods), s.Pod("n", "p").ResourceVersion)
	}
}

func TestEventsBoundedPerReason(t *testing.T) {
	b := NewBuilder()
	base := time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)
	pod := ObjectRef{Kind: KindPod, Namespace: "shop", Name: "web-0", UID: "u1"}
	// FailedScheduling with a new node count each time: 20 distinct
	// messages; a repeat of the newest folds into it.
	for i := 0; i < 20; i++ {
		b.AddEvent(&Event{Regarding: pod, Type: "Warning", Reason: "FailedScheduling", Count: 1,
			Message: fmt.Sprintf("0/%d nodes are available: %d Insufficient cpu.", 100+i, 100+i), Last: base.Add(time.Duration(i) * time.Minute)})
	}
	b.AddEvent(&Event{Regarding: pod, Type: "Warning", Reason: "FailedScheduling", Count: 3,
		Message: "0/119 nodes are available: 119 Insufficient cpu.", Last: base.Add(20 * time.Minute)})
	b.AddEvent(&Event{Regarding: pod, Type: "Normal", Reason: "Scheduled", Message: "Successfully assigned shop/web-0 to node-1", Last: base})
	s := b.Build(base.Add(time.Hour))
	var msgs []string
	counts := map[string]int32{}
	for _, e := range s.Events {
		if e.Reason == "FailedScheduling" {
			msgs = append(msgs, e.Message)
			counts[e.Message] = e.Count
		}
	}
	if len(msgs) != MaxEventsPerReason {
		t.Fatalf("kept %d FailedScheduling events, want %d", len(msgs), MaxEventsPerReason)
	}
	if msgs[0] != "0/112 nodes are available: 112 Insufficient cpu." || counts["0/119 nodes are available: 119 Insufficient cpu."] != 4 {
		t.Errorf("kept %v with counts %v: want the newest eight, the repeat folded into the last", msgs, counts)
	}
	if len(s.Events) != MaxEventsPerReason+1 {
		t.Errorf("another reason's event was dropped: %d events", len(s.Events))
	}
}
