package kubetext

import (
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Placeholder names for what a bare message does not say, in kubectl's
// own usage style so a command shows where to put the real name.
const (
	placeholderPod       = "<pod>"
	placeholderNode      = "<node>"
	placeholderContainer = "<container>"
	placeholderRS        = "<replicaset>"
)

// A lone events row, pasted without its header: describe's "Warning
// Failed 3m kubelet MESSAGE" is read by describeEventRe; get events' "3m
// Warning Failed pod/x MESSAGE" by this.
var getEventRowRe = regexp.MustCompile(`^(?:(\S+)\s+)??(` + ageWord + `)\s+(Normal|Warning)\s+(\S+)\s+([a-zA-Z.]+/\S+)\s+(.*)$`)

// isGetEventRow is getEventRowRe.MatchString, run only on lines that
// name an event type.
func isGetEventRow(t string) bool { return getEventRow(t) != nil }

func getEventRow(t string) []string {
	if !strings.Contains(t, "Warning") && !strings.Contains(t, "Normal") {
		return nil
	}
	return getEventRowRe.FindStringSubmatch(t)
}

var (
	schedMsgRe        = regexp.MustCompile(`\d+/\d+ nodes are available|no nodes available to schedule pods|unbound immediate PersistentVolumeClaims|running (?:PreFilter|Filter) plugin|nodes are available|non-empty scheduling gates|No nodes are available that match all of|\d+ node\(s\) (?:didn't|had|were)|\bfit failure summary\b|failed to fit in any node|fit failure on node \(`)
	admissionRe       = regexp.MustCompile(`(?i)error creating:|is forbidden:|admission webhook|failed calling webhook|exceeded quota|serviceaccount "[^"]*" not found|violates PodSecurity`)
	stsCreateRe       = regexp.MustCompile(`create Pod (\S+) in StatefulSet (\S+) failed`)
	jobFailRe         = regexp.MustCompile(`Job was active longer than specified deadline|Job has reached the specified backoff limit|matching FailJob rule|failed indexes`)
	podDeadlineRe     = regexp.MustCompile(`Pod was active on the node longer than the specified deadline`)
	rejectRe          = regexp.MustCompile(`Pod Predicate (\S+) failed|Allocate failed|Node didn't have enough resource|Pod was rejected`)
	killingRe         = regexp.MustCompile(`failed (liveness|startup) probe, will be restarted`)
	killedContainerRe = regexp.MustCompile(`^Container (\S+) failed`)
	backOffRe         = regexp.MustCompile(`Back-off restarting failed container (\S+) in pod ([^_\s]+)_([^(\s]+)`)
	probeMsgRe        = regexp.MustCompile(`^(Liveness|Readiness|Startup) probe (?:failed|errored)`)
	runtimeRe         = regexp.MustCompile(`(?i)OCI runtime|runc|failed to create containerd task|starting container process|failed to start container|exec format error|executable file not found|failed to create shim|failed to reserve container name|^Error: `)
	sandboxWordRe     = regexp.MustCompile(`(?i)sandbox|cni|network plugin|networkready=false`)
	quotedPodRe       = regexp.MustCompile(`(?:pod|Pod) "([^"]+)"`)
	assignedRe        = regexp.MustCompile(`assigned ([^/\s]+)/(\S+) to (\S+)`)
	containerRe       = regexp.MustCompile(`container "([^"]+)"`)
	nodeLostRe        = regexp.MustCompile(`Kubelet stopped posting node status|Kubelet never posted node status|PLEG is not healthy|container runtime is down`)
)

// fitPodRe: the scheduler before 1.6 named the pod in parentheses, "pod
// (%s) failed to fit in any node".
var fitPodRe = regexp.MustCompile(`\bpod \(([a-z0-9][-a-z0-9.]*)\) failed to fit in any node`)

// bareMessage reads text that is no kubectl table or describe: a lone
// event row, or one event or status message. It builds the smallest set
// of objects that the message would have come with, so the ordinary
// rules diagnose it.
func (p *parser) bareMessage(text string) {
	p.bareLines(strings.Split(strings.TrimSpace(text), "\n"))
}

// bareLines is bareMessage of text already cut into lines, trimmed as
// the text would be: a section's lines are not joined only to be cut
// again.
func (p *parser) bareLines(lines []string) {
	lines = trimLines(lines)
	if len(lines) == 0 || strings.TrimSpace(lines[0]) == "" {
		return
	}
	// Rows of kubectl get pods whose header grep cut: the header they
	// had, from where READY stands, restores them.
	if h := podRowsHeader(lines); h != "" {
		if t := parseHeader(h); t != nil {
			n := p.found[GetPods]
			p.table(t, lines)
			if p.found[GetPods] > n {
				return
			}
		}
	}
	// Rows of an events table that lost their header.
	var rows []*event
	var tail wrapTail
	prevRow := false
	kindD, nameD := p.describedObject()
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if m := getEventRow(t); m != nil {
			kind, name := objectKind(m[5])
			if kind == "" {
				continue
			}
			e := &event{Namespace: firstNonEmpty(m[1], p.cmdNamespace()), Kind: kind, Name: name, Type: m[3], Reason: m[4], Count: 1}
			if d, ok := parseAge(m[2]); ok {
				e.LastAgo, e.FirstAgo, e.HasAge = d, d, true
			}
			e.setMessage(m[6])
			rows = append(rows, e)
		} else if e := oldEventRow(t, p.cmdNamespace(), kindD, nameD); e != nil {
			rows = append(rows, e)
		} else if evs := parseDescribeEventRow(t, p.cmdNamespace(), kindD, nameD); len(evs) == 1 && (evs[0].Type == "Warning" || evs[0].Type == "Normal") {
			rows = append(rows, evs...)
		} else if len(rows) > 0 && t != "" && prevRow {
			// A message the terminal or the poster wrapped: it continues
			// the row above it.
			tail.add(l)
			continue
		} else {
			prevRow = false
			continue
		}
		tail.start(rows[len(rows)-1])
		prevRow = true
	}
	tail.flush()
	// Rows of a node's Conditions table, cut from describe node.
	var conds []corev1.NodeCondition
	for _, l := range lines {
		if t := strings.TrimSpace(l); t != "" && strings.IndexByte("RMDPNOK", t[0]) >= 0 && nodeCondTypeRe.MatchString(t) {
			if c, ok := p.nodeCondition(strings.TrimSpace(l)); ok {
				conds = append(conds, c)
			}
		}
	}
	if len(conds) > 0 && len(rows) == 0 {
		n := &corev1.Node{}
		n.Kind, n.APIVersion = "Node", "v1"
		n.Name = placeholderNode
		// The newest row of each type is the node's state now.
		byType := map[corev1.NodeConditionType]int{}
		for _, c := range conds {
			if i, ok := byType[c.Type]; ok {
				if c.LastHeartbeatTime.After(n.Status.Conditions[i].LastHeartbeatTime.Time) {
					n.Status.Conditions[i] = c
				}
				continue
			}
			byType[c.Type] = len(n.Status.Conditions)
			n.Status.Conditions = append(n.Status.Conditions, c)
		}
		p.objects = append(p.objects, n)
		p.found[Message] += len(conds)
		return
	}
	if len(rows) > 0 {
		// Their pods are made with the other pods only events show.
		p.events = append(p.events, rows...)
		p.found[Message] += len(rows)
		return
	}

	msg := joinMessage(lines)
	if msg == "" || len(msg) > maxMessage {
		// Longer than any message: lines of something else (a log, prose),
		// which input reads one by one.
		return
	}
	e := &event{Namespace: p.cmdNamespace(), Kind: "Pod", Name: placeholderPod, Type: "Warning", Count: 1}
	e.setMessage(msg)
	msg = e.Message
	if m := quotedPodRe.FindStringSubmatch(msg); m != nil && !strings.Contains(msg, "is forbidden") {
		e.Name = m[1]
	} else if m := fitPodRe.FindStringSubmatch(msg); m != nil {
		e.Name = m[1]
	}
	switch {
	case schedMsgRe.MatchString(msg):
		e.Reason, e.Source = "FailedScheduling", "default-scheduler"
	case stsCreateRe.MatchString(msg):
		m := stsCreateRe.FindStringSubmatch(msg)
		e.Kind, e.Name, e.Reason, e.Source = "StatefulSet", m[2], "FailedCreate", "statefulset-controller"
		p.events = append(p.events, e)
		p.found[Message]++
		return
	case jobFailRe.MatchString(msg):
		reason := "BackoffLimitExceeded"
		switch {
		case strings.Contains(msg, "deadline"):
			reason = "DeadlineExceeded"
		case strings.Contains(msg, "FailJob"):
			reason = "PodFailurePolicy"
		case strings.Contains(msg, "failed indexes"):
			reason = "FailedIndexes"
		}
		e.Kind, e.Name, e.Reason, e.Source = "Job", "<job>", reason, "job-controller"
		p.events = append(p.events, e)
		p.found[Message]++
		return
	case podDeadlineRe.MatchString(msg), rejectRe.MatchString(msg):
		pod := newPod(e.Namespace, e.Name, placeholderContainer, corev1.PodFailed)
		pod.Status.Message = msg
		switch m := rejectRe.FindStringSubmatch(msg); {
		case p.classify(msg) == classify.Evicted:
			// The eviction manager's admission check rejects with reason
			// Evicted: "Pod was rejected: The node had condition: […]".
			pod.Status.Reason = "Evicted"
		case podDeadlineRe.MatchString(msg):
			pod.Status.Reason = "DeadlineExceeded"
		case m != nil && m[1] != "":
			pod.Status.Reason = m[1]
		case strings.HasPrefix(msg, "Allocate failed"):
			pod.Status.Reason = "UnexpectedAdmissionError"
		default:
			pod.Status.Reason = "OutOf" + rejectedResource(msg)
		}
		p.addPod(&textPod{pod: pod, describe: true, hidden: eventOnly})
		p.found[Message]++
		return
	case admissionRe.MatchString(msg):
		rs := &appsv1.ReplicaSet{}
		rs.Kind, rs.APIVersion = "ReplicaSet", "apps/v1"
		rs.Name, rs.Namespace = placeholderRS, e.Namespace
		one := int32(1)
		rs.Spec.Replicas = &one
		p.objects = append(p.objects, rs)
		e.Kind, e.Name, e.Reason, e.Source = "ReplicaSet", placeholderRS, "FailedCreate", "replicaset-controller"
		p.events = append(p.events, e)
		p.found[Message]++
		return
	case terminatedMsgRe.MatchString(msg):
		// "Terminated at … with exit code 137 (OOMKilled)" (dashboards),
		// "Last State: Terminated, Reason: OOMKilled": how the container
		// last ended, and nothing of what it does now.
		m := terminatedMsgRe.FindStringSubmatch(msg)
		t := &corev1.ContainerStateTerminated{Reason: firstNonEmpty(m[2], m[3])}
		if n, err := strconv.Atoi(m[1]); err == nil {
			t.ExitCode = int32(n)
		} else if t.Reason == "OOMKilled" {
			t.ExitCode = 137
		}
		pod := newPod(e.Namespace, e.Name, placeholderContainer, corev1.PodRunning)
		pod.Status.ContainerStatuses = []corev1.ContainerStatus{{Name: placeholderContainer, LastTerminationState: corev1.ContainerState{Terminated: t}}}
		pod.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionTrue}}
		hidden := eventOnly | snapshot.HiddenEvents
		if m[1] != "" || t.Reason == "OOMKilled" {
			hidden &^= snapshot.HiddenExit
		}
		p.addPod(&textPod{pod: pod, describe: true, hidden: hidden})
		p.found[Message]++
		return
	case admitRe.MatchString(msg):
		// The kubelet's eviction manager refusing a pod at admission
		// (eviction_manager.go Admit, before 1.2x: "Failed to admit pod
		// %v - node has conditions: %v"); its pod status says
		// "The node had condition: [...]".
		m := admitRe.FindStringSubmatch(msg)
		pod := newPod(m[2], m[1], placeholderContainer, corev1.PodFailed)
		pod.Status.Reason = "Evicted"
		pod.Status.Message = "The node had condition: [" + m[3] + "]."
		if n := kubeletHostRe.FindStringSubmatch(msg); n != nil {
			pod.Spec.NodeName = n[1]
		}
		p.addPod(&textPod{pod: pod, describe: true, hidden: eventOnly | snapshot.HiddenEvents})
		p.found[Message]++
		return
	case nodeLostRe.MatchString(msg):
		n := &corev1.Node{}
		n.Kind, n.APIVersion = "Node", "v1"
		n.Name = placeholderNode
		n.Status.Conditions = []corev1.NodeCondition{{Type: corev1.NodeReady, Status: corev1.ConditionUnknown, Reason: "NodeStatusUnknown", Message: msg}}
		if !strings.Contains(msg, "stopped posting") && !strings.Contains(msg, "never posted") {
			n.Status.Conditions[0].Status, n.Status.Conditions[0].Reason = corev1.ConditionFalse, "KubeletNotReady"
		}
		p.objects = append(p.objects, n)
		p.found[Message]++
		return
	default:
		if !p.kubeletMessage(e, msg) {
			return
		}
	}
	p.events = append(p.events, e)
	p.podFor(e.Namespace, e.Name, e)
	p.found[Message]++
}

// classify is classify.Classify of a kubelet message, asked once per
// message: the classifier runs many patterns over it, and a paste repeats
// its messages (one per pod, one per repeat of a table).
func (p *parser) classify(msg string) string {
	msg = capMessage(msg)
	if code, ok := p.classified[msg]; ok {
		return code
	}
	if p.classified == nil {
		p.classified = map[string]string{}
	}
	code := classify.Classify("kubelet", msg)
	p.classified[msg] = code
	return code
}

// imageFrom is classify.ImageFromMessage of an event's message, asked by
// impliedPods and podFor of every event. The messages that name an image
// say "image" or "Image" ("Failed to pull image", "Container image",
// "Back-off pulling image"); the classifier's pattern, which has no
// literal start, is run only on those.
func (p *parser) imageFrom(msg string) string {
	if !strings.Contains(msg, "mage") {
		return ""
	}
	return classify.ImageFromMessage(capMessage(msg))
}

// describedObject names the object whose events lone describe rows are:
// the one the prompt described, else a placeholder pod.
func (p *parser) describedObject() (kind, name string) {
	if p.cmd == nil || p.cmd.verb != "describe" {
		return "Pod", placeholderPod
	}
	switch p.cmd.kind {
	case "pods":
		return "Pod", firstNonEmpty(p.cmd.name, placeholderPod)
	case "persistentvolumeclaims":
		return "PersistentVolumeClaim", firstNonEmpty(p.cmd.name, "<pvc>")
	case "nodes":
		return "Node", firstNonEmpty(p.cmd.name, placeholderNode)
	}
	return "Pod", placeholderPod
}

// kubeletMessage fills in a kubelet event's reason and reports whether the
// message is one podwhy knows.
func (p *parser) kubeletMessage(e *event, msg string) bool {
	e.Source = "kubelet"
	if m := backOffRe.FindStringSubmatch(msg); m != nil {
		e.Reason, e.Name, e.Namespace = "BackOff", m[2], m[3]
		return true
	}
	if m := probeMsgRe.FindStringSubmatch(msg); m != nil {
		e.Reason = "Unhealthy"
		return true
	}
	if killingRe.MatchString(msg) {
		e.Reason = "Killing"
		if m := killedContainerRe.FindStringSubmatch(msg); m != nil {
			e.FieldPath = "spec.containers{" + m[1] + "}"
		}
		return true
	}
	code := p.classify(msg)
	switch {
	case strings.HasPrefix(code, "Evicted") || strings.HasPrefix(code, "Rejected"):
		e.Reason = "Evicted"
		if code == classify.Rejected {
			e.Reason = "OutOf" // a rejection's reason is OutOf<resource>; the message says which
		}
		return true
	case strings.HasPrefix(code, "Sandbox/") && (sandboxWordRe.MatchString(msg) || code == classify.SandboxDisk):
		e.Reason = "FailedCreatePodSandBox"
	case strings.HasPrefix(code, "Mount/"):
		e.Reason = "FailedMount"
	case strings.HasPrefix(code, "Config/"):
		e.Reason = "Failed"
	case strings.HasPrefix(code, "Image/") && classify.IsPullFailure(msg):
		e.Reason = "Failed"
		if code == classify.ImageInvalid {
			e.Reason = "InspectFailed"
		}
	case strings.HasPrefix(code, "Run/") && runtimeRe.MatchString(msg):
		e.Reason = "Failed"
	default:
		return false
	}
	if m := containerRe.FindStringSubmatch(msg); m != nil {
		e.FieldPath = "spec.containers{" + m[1] + "}"
	}
	return true
}

// podFor makes the pod an event implies, in the state its reason puts a
// pod in.
func (p *parser) podFor(ns, name string, e *event) {
	if _, ok := p.podIdx[ns+"/"+name]; ok {
		return
	}
	pod := &corev1.Pod{}
	pod.Kind, pod.APIVersion = "Pod", "v1"
	pod.Name, pod.Namespace = name, ns
	cname := placeholderContainer
	if m := fieldPathRe.FindStringSubmatch(e.FieldPath + ": "); m != nil {
		cname = m[2]
	}
	if m := backOffRe.FindStringSubmatch(e.Message); m != nil {
		cname = m[1]
	}
	image := p.imageFrom(e.Message)
	pod.Spec.Containers = []corev1.Container{{Name: cname, Image: image}}
	pod.Spec.NodeName = placeholderNode
	if m := assignedRe.FindStringSubmatch(e.Message); m != nil {
		pod.Spec.NodeName = m[3]
	}
	pod.Status.Phase = corev1.PodPending
	cs := corev1.ContainerStatus{Name: cname, Image: image}
	msg := e.Message
	switch e.Reason {
	case "FailedScheduling":
		pod.Spec.NodeName = ""
		pod.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionFalse, Reason: "Unschedulable", Message: msg}}
		if strings.Contains(msg, "scheduling gates") {
			// The PodScheduled condition of a gated pod, not an event.
			pod.Spec.SchedulingGates = []corev1.PodSchedulingGate{{Name: "<gate>"}}
			pod.Status.Conditions[0].Reason = "SchedulingGated"
		}
		p.addPod(&textPod{pod: pod, describe: true, hidden: eventOnly})
		return
	case "Evicted", "OutOf":
		pod.Status.Phase = corev1.PodFailed
		pod.Status.Reason = "Evicted"
		if e.Reason == "OutOf" {
			pod.Status.Reason = "OutOf" + rejectedResource(msg)
			e.Reason = pod.Status.Reason
		}
		pod.Status.Message = msg
		p.addPod(&textPod{pod: pod, describe: true, hidden: eventOnly})
		return
	case "FailedCreatePodSandBox", "FailedMount", "FailedAttachVolume", "FailedMapVolume", "Scheduled", "Pulling", "Pulled":
		cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "ContainerCreating"}
	case "BackOff", "Unhealthy", "Killing", "Started", "Created":
		if e.Reason == "BackOff" && pullBackOffRe.MatchString(msg) {
			// "Back-off pulling image": the pull failed before.
			cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "ImagePullBackOff", Message: msg}
			break
		}
		pod.Status.Phase = corev1.PodRunning
		if e.Reason == "Unhealthy" && strings.HasPrefix(msg, "Readiness") {
			cs.State.Running = &corev1.ContainerStateRunning{}
			t := true
			cs.Started = &t
			pod.Status.Conditions = append(pod.Status.Conditions, corev1.PodCondition{Type: corev1.PodReady, Status: corev1.ConditionFalse})
			break
		}
		// How the last instance ended and how often it restarted are not
		// in an event: left unknown, never guessed.
		cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}
	case "InspectFailed":
		cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "InvalidImageName", Message: msg}
	case "ErrImageNeverPull":
		cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "ErrImageNeverPull", Message: msg}
	default: // Failed
		// Only a failure needs the classifier, the costliest reading of a
		// message: a back-off or a probe says what it is by its reason.
		code := p.classify(msg)
		switch {
		case strings.HasPrefix(code, "Config/"):
			cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "CreateContainerConfigError", Message: strings.TrimPrefix(msg, "Error: ")}
		case strings.HasPrefix(code, "Image/"):
			reason := "ErrImagePull"
			if code == classify.ImageNeverPull {
				reason = "ErrImageNeverPull"
			}
			cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: reason, Message: msg}
		case strings.HasPrefix(code, "Run/") && runtimeRe.MatchString(msg):
			// The runtime could not start the process: the event's text is
			// all there is; how the status recorded it is not shown.
			pod.Status.Phase = corev1.PodRunning
			cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: "RunContainerError", Message: strings.TrimPrefix(msg, "Error: ")}
		default:
			// A failure podwhy cannot read: no state is claimed; the event
			// stays listed as not explained.
		}
	}
	pod.Status.ContainerStatuses = []corev1.ContainerStatus{cs}
	pod.Status.Conditions = append(pod.Status.Conditions, corev1.PodCondition{Type: corev1.PodScheduled, Status: corev1.ConditionTrue})
	p.addPod(&textPod{pod: pod, describe: true, hidden: eventOnly})
}

// newPod is the pod a message or a fragment implies: bound to a node the
// text may not name, one container, in the given phase; nothing else.
func newPod(ns, name, container string, phase corev1.PodPhase) *corev1.Pod {
	pod := &corev1.Pod{}
	pod.Kind, pod.APIVersion = "Pod", "v1"
	pod.Name, pod.Namespace = name, ns
	pod.Spec.NodeName = placeholderNode
	pod.Spec.Containers = []corev1.Container{{Name: container}}
	pod.Status.Phase = phase
	return pod
}

// eventOnly is what a pod made from one event does not show.
const eventOnly = snapshot.HiddenSpec | snapshot.HiddenRestarts | snapshot.HiddenExit

// pullBackOffRe is the kubelet's image back-off event (images/puller.go:
// "Back-off pulling image %q").
var pullBackOffRe = regexp.MustCompile(`^Back-off pulling image`)

// admitRe: the eviction manager's admission refusal, as the kubelet logs
// it; kubeletHostRe the host of a journal line ("Mar 17 12:44:49 node1
// kubelet[2278]: …").
var (
	admitRe       = regexp.MustCompile(`Failed to admit pod ([a-z0-9][-a-z0-9.]*)_([a-z0-9][-a-z0-9]*)\([^)]*\) - node has conditions: \[([A-Za-z]+)`)
	kubeletHostRe = regexp.MustCompile(`^\w{3}\s+\d+ [\d:]+ (\S+) kubelet\[`)
)

// terminatedMsgRe: how a container ended, as people copy it from
// dashboards and describe: an exit code and a reason.
var terminatedMsgRe = regexp.MustCompile(`(?i)\bterminated\b.{0,60}?\bexit code:?\s*(\d+)(?:\s*\((\w+)\))?|\b(OOMKilled)\b`)

// podRowsHeader gives the header of get pods rows pasted without it:
// NAME READY STATUS RESTARTS AGE, with NAMESPACE first under -A and the
// -o wide columns when the rows have them. "" when the lines are no rows.
func podRowsHeader(lines []string) string {
	ns, wide := false, false
	seen := 0
	for _, l := range lines {
		if strings.IndexByte(l, '/') < 0 {
			// No READY cell ("0/1") in it.
			continue
		}
		f := strings.Fields(l)
		i := -1
		for j := 1; j <= 2 && j < len(f); j++ {
			if readyRe.MatchString(f[j]) {
				i = j
				break
			}
		}
		if i < 0 || i+3 >= len(f) || !statusWord(f[i+1]) {
			continue
		}
		seen++
		ns = ns || i == 2
		// RESTARTS may carry "(73s ago)"; past AGE come IP and NODE.
		rest := len(f) - (i + 4)
		if strings.HasPrefix(f[min(i+3, len(f)-1)], "(") {
			rest -= 2
		}
		wide = wide || rest >= 2
	}
	if seen == 0 {
		return ""
	}
	h := "NAME   READY   STATUS   RESTARTS   AGE"
	if wide {
		h += "   IP   NODE   NOMINATED NODE   READINESS GATES"
	}
	if ns {
		h = "NAMESPACE   " + h
	}
	return h
}

// statusWord tells a STATUS column value of kubectl get pods.
func statusWord(s string) bool {
	s = strings.TrimPrefix(s, "Init:")
	switch s {
	case "Running", "Pending", "Completed", "Succeeded", "Failed", "Error", "Terminating", "Unknown", "OOMKilled",
		"ContainerStatusUnknown", "SchedulingGated", "StartError", "ContainerCannotRun":
		return true
	}
	return waitingReasons[s] || podReasons[s] || readyRe.MatchString(s) || signalRe.MatchString(s)
}

// nodeCondTypeRe starts a row of describe node's Conditions table.
var nodeCondTypeRe = regexp.MustCompile(`^(?:Ready|MemoryPressure|DiskPressure|PIDPressure|NetworkUnavailable|OutOfDisk|KernelDeadlock|ReadonlyFilesystem)\s+(?:True|False|Unknown)\s`)

var rejectedResRe = regexp.MustCompile(`Insufficient (\S+)|enough resource: (\S+?)[,.]`)

func rejectedResource(msg string) string {
	if m := rejectedResRe.FindStringSubmatch(msg); m != nil {
		return firstNonEmpty(m[1], m[2])
	}
	return "cpu"
}

// maxMessage bounds one message: what a component writes is far shorter,
// and text longer than this is no one message but a paste of many lines,
// each read on its own. Messages are matched by many patterns (the
// classifier's), so their length bounds the time a paste takes.
const maxMessage = 16 << 10

// capMessage cuts a message to maxMessage bytes, at a character boundary.
func capMessage(s string) string {
	if len(s) <= maxMessage {
		return s
	}
	cut := maxMessage
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut]
}

// parseDescribeEventRow reads one line as a describe events row: only a
// line starting with the type can be one.
func parseDescribeEventRow(t, ns, kind, name string) []*event {
	if !strings.HasPrefix(t, "Warning") && !strings.HasPrefix(t, "Normal") {
		return nil
	}
	return parseDescribeEvents([]string{t}, ns, kind, name)
}

// trimLines is what strings.TrimSpace does to the lines joined: blank
// lines at either end dropped, the first line's start and the last line's
// end trimmed. The ends are copied; the lines are not changed.
func trimLines(lines []string) []string {
	i, j := 0, len(lines)
	for i < j && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	for j > i && strings.TrimSpace(lines[j-1]) == "" {
		j--
	}
	if i == j {
		return nil
	}
	first := strings.TrimLeftFunc(lines[i], unicode.IsSpace)
	last := strings.TrimRightFunc(lines[j-1], unicode.IsSpace)
	if first == lines[i] && last == lines[j-1] {
		return lines[i:j]
	}
	out := append([]string(nil), lines[i:j]...)
	out[0] = first
	out[len(out)-1] = strings.TrimRightFunc(out[len(out)-1], unicode.IsSpace)
	return out
}

// joinMessage joins a message that was wrapped over lines and strips what
// posters put around it (quotes, "Error:" labels, backticks).
func joinMessage(lines []string) string {
	var b strings.Builder
	for i, l := range lines {
		if b.Len() > 2*maxMessage {
			// Too long for a message whatever the trimming below does:
			// the caller reads it as lines.
			break
		}
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t)
	}
	s := strings.TrimSpace(b.String())
	s = strings.Trim(s, "`")
	if len(s) >= 2 && (s[0] == '"' && s[len(s)-1] == '"' || s[0] == '\'' && s[len(s)-1] == '\'') {
		s = s[1 : len(s)-1]
	}
	return strings.TrimSpace(s)
}
