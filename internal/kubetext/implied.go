package kubetext

import (
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// impliedPods makes the pods that only events show (kubectl get events
// pasted alone, or beside a describe of another pod). Each is put in the
// state its most telling event implies, and marks everything else —
// restarts, exit, spec — as not shown. Pods whose events are all Normal
// are not made: nothing says they are unhealthy.
func (p *parser) impliedPods() {
	byPod := map[string][]*event{}
	var order []string
	for _, e := range p.events {
		if e.Kind != "Pod" || e.Name == "" {
			continue
		}
		k := e.Namespace + "/" + e.Name
		if _, ok := p.podIdx[k]; ok {
			continue
		}
		if _, ok := byPod[k]; !ok {
			order = append(order, k)
		}
		byPod[k] = append(byPod[k], e)
	}
	for _, k := range order {
		evs := byPod[k]
		d := p.decisiveEvent(evs)
		if d == nil {
			continue
		}
		p.podFor(d.Namespace, d.Name, d)
		tp, ok := p.podIdx[k]
		if !ok {
			continue
		}
		// podFor already marked what one event cannot show.
		tp.describe = false
		pod := tp.pod
		cname := ""
		for _, e := range evs {
			if m := assignedRe.FindStringSubmatch(e.Message); m != nil && pod.Spec.NodeName == placeholderNode {
				pod.Spec.NodeName = m[3]
			}
			if m := fieldPathRe.FindStringSubmatch(e.FieldPath + ": "); m != nil && strings.HasPrefix(m[1], "spec.containers") && cname == "" {
				cname = m[2]
			}
			if m := backOffRe.FindStringSubmatch(e.Message); m != nil && cname == "" {
				cname = m[1]
			}
			if img := p.imageFrom(e.Message); img != "" && len(pod.Spec.Containers) == 1 && pod.Spec.Containers[0].Image == "" {
				pod.Spec.Containers[0].Image = img
				for i := range pod.Status.ContainerStatuses {
					pod.Status.ContainerStatuses[i].Image = img
				}
			}
		}
		if pod.Spec.NodeName == placeholderNode {
			// The kubelet that wrote an event runs on the pod's node.
			for _, e := range evs {
				if e.Host != "" && e.Source == "kubelet" {
					pod.Spec.NodeName = e.Host
					break
				}
			}
		}
		if cname != "" && len(pod.Spec.Containers) == 1 && pod.Spec.Containers[0].Name == placeholderContainer {
			pod.Spec.Containers[0].Name = cname
			for i := range pod.Status.ContainerStatuses {
				pod.Status.ContainerStatuses[i].Name = cname
			}
		}
		ownByName(pod)
	}
}

// logPods makes the pods only logs name (kubectl logs NAME pasted
// alone): nothing of their state is shown, only what they printed.
func (p *parser) logPods() {
	for _, l := range p.logs {
		if l.Pod == "" {
			continue
		}
		if _, ok := p.podIdx[l.Namespace+"/"+l.Pod]; ok {
			continue
		}
		name := firstNonEmpty(l.Container, placeholderContainer)
		pod := newPod(l.Namespace, l.Pod, name, corev1.PodRunning)
		pod.Status.ContainerStatuses = []corev1.ContainerStatus{{Name: name}}
		pod.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionTrue}}
		ownByName(pod)
		p.addPod(&textPod{pod: pod, hidden: eventOnly | snapshot.HiddenEvents})
	}
}

// decisiveEvent picks the event that tells most about a pod's state: an
// eviction over a failed pull, a failure over its back-off, a scheduling
// failure only while no Scheduled event followed it. Nil when no event
// says anything is wrong.
func (p *parser) decisiveEvent(evs []*event) *event {
	scheduled := false
	for _, e := range evs {
		if e.Reason == "Scheduled" {
			scheduled = true
		}
	}
	var best *event
	bestRank := 0
	for _, e := range evs {
		r := p.eventRank(e, scheduled)
		// Among equals the newest wins (rows are newest last in get
		// events, and ages order them when known).
		if r > bestRank || r == bestRank && r > 0 && best != nil && e.HasAge && best.HasAge && e.LastAgo < best.LastAgo {
			best, bestRank = e, r
		}
	}
	return best
}

func (p *parser) eventRank(e *event, scheduled bool) int {
	msg := e.Message
	switch e.Reason {
	case "Evicted":
		return 100
	case "FailedScheduling":
		if scheduled {
			return 0
		}
		return 95
	case "Failed", "InspectFailed", "ErrImageNeverPull":
		if strings.HasPrefix(msg, "Error: ") && len(strings.Fields(msg)) <= 2 {
			// The kubelet's one-word follow-up ("Error: ErrImagePull")
			// says less than the failure it follows.
			return 85
		}
		if p.knownKubeletFailure(msg) {
			return 90
		}
		return 80
	case "BackOff":
		return 70
	case "Unhealthy":
		if pr, ok := classify.ParseProbe(msg); ok && pr.Kind == "Readiness" {
			return 40
		}
		return 65
	case "Killing":
		if strings.Contains(msg, "failed liveness probe") || strings.Contains(msg, "failed startup probe") {
			return 60
		}
	case "FailedMount", "FailedAttachVolume", "FailedCreatePodSandBox", "FailedMapVolume":
		return 50
	case "FailedSync":
		// Kubelets before 1.9 reported every sync error so: 'Error syncing
		// pod, skipping: failed to "StartContainer" for "c" with
		// ErrImagePull: "…"'; the message says what failed.
		if p.knownKubeletFailure(msg) {
			return 75
		}
	}
	return 0
}

// ImplyPods makes the pods that only events of a dump show (kubectl get
// events -o yaml pasted alone), as impliedPods does for event tables.
func ImplyPods(b *snapshot.Builder) {
	evs := b.OrphanPodEvents()
	if len(evs) == 0 {
		return
	}
	p := &parser{podIdx: map[string]*textPod{}, nodes: map[string]bool{}, found: map[Format]int{}}
	now := b.Latest()
	oldest := map[string]time.Time{}
	for _, e := range evs {
		k := e.Regarding.Namespace + "/" + e.Regarding.Name
		p.events = append(p.events, &event{Namespace: e.Regarding.Namespace, Kind: "Pod", Name: e.Regarding.Name, FieldPath: e.FieldPath,
			Type: e.Type, Reason: e.Reason, Message: e.Message, Source: e.Source, Host: e.Host, Count: e.Count,
			LastAgo: now.Sub(e.Last), FirstAgo: now.Sub(e.First), HasAge: !e.Last.IsZero()})
		if t, ok := oldest[k]; !ok || e.First.Before(t) {
			oldest[k] = e.First
		}
	}
	p.impliedPods()
	p.controllers()
	var sketches []string
	for _, tp := range p.pods {
		k := tp.pod.Namespace + "/" + tp.pod.Name
		tp.pod.CreationTimestamp = metav1.NewTime(oldest[k])
		b.AddUnlisted(tp.pod)
		b.SetHidden(k, tp.hidden)
		sketches = append(sketches, k)
	}
	for _, o := range p.objects {
		b.AddUnlisted(o)
	}
	b.FromText(sketches)
}

// knownKubeletFailure: a kubelet failure message whose grammar podwhy
// knows, by the same words kubeletMessage requires of a bare message.
func (p *parser) knownKubeletFailure(msg string) bool {
	code := p.classify(msg)
	switch {
	case strings.HasPrefix(code, "Image/"):
		return classify.IsPullFailure(msg)
	case strings.HasPrefix(code, "Run/"):
		return runtimeRe.MatchString(msg)
	case strings.HasPrefix(code, "Sandbox/"):
		return sandboxWordRe.MatchString(msg) || code == classify.SandboxDisk
	case strings.HasPrefix(code, "Config/"), strings.HasPrefix(code, "Mount/"):
		return true
	}
	return false
}
