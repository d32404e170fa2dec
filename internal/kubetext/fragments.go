package kubetext

import (
	"regexp"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	"sigs.k8s.io/yaml"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// People paste the part of an output they think matters: one container
// block of a describe, its header without the sections, an indented
// status tail of -o yaml. Each is read as the pod it is part of, named by
// the prompt or, failing that, the paste's only pod.

// podKeyRe are keys only kubectl describe pod prints at the top level.
var podKeyRe = regexp.MustCompile(`^(?:Status|Start Time|Node|IP|IPs|Controlled By|QoS Class|Node-Selectors|Tolerations|Priority|Service Account|Conditions|Volumes|Containers|Init Containers|Reason|Message|Events):(\s|$)`)

// nodeKeyRe are keys only kubectl describe node prints at the top level.
var nodeKeyRe = regexp.MustCompile(`^(?:Allocated resources|Non-terminated Pods|Capacity|Allocatable|System Info|Taints|Unschedulable|Lease|Addresses|PodCIDRs?|ProviderID|Roles):(\s|$)`)

// nodeStatusNowRe is the node's own event "Node X status is now: Y".
var nodeStatusNowRe = regexp.MustCompile(`Node (\S+) status is now: `)

// containerKeyRe are keys of one container block of kubectl describe pod.
var containerKeyRe = regexp.MustCompile(`^\s*(?:Container ID|Image|Image ID|State|Last State|Restart Count|Ready|Exit Code|Limits|Requests|Liveness|Readiness|Startup|Mounts|Environment):(\s|$)`)

// describeFragment turns a describe pod cut from its "Name:" line into a
// describe block again; nil when the lines are no such fragment.
func (p *parser) describeFragment(lines []string) []string {
	top, cont, nodeKeys, minInd := 0, 0, 0, -1
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		ind := indentOf(l)
		if strings.IndexByte(l, ':') < 0 {
			// Every key these patterns know ends with a colon.
			continue
		}
		if ind == 0 && podKeyRe.MatchString(l) {
			top++
		}
		if containerKeyRe.MatchString(trimIndent(l)) {
			cont++
			if minInd < 0 || ind < minInd {
				minInd = ind
			}
		}
		if nodeKeyRe.MatchString(l) {
			nodeKeys++
		}
	}
	if nodeKeys > 0 && top <= 2 && cont == 0 {
		// A describe node cut above its Name.
		name := placeholderNode
		if p.cmd != nil && p.cmd.kind == "nodes" && p.cmd.name != "" {
			name = p.cmd.name
		}
		for _, l := range lines {
			if m := nodeStatusNowRe.FindStringSubmatch(l); m != nil {
				name = m[1]
				break
			}
		}
		p.fragmentKind = "Node"
		return append([]string{"Name:         " + name}, lines...)
	}
	p.fragmentKind = "Pod"
	head := []string{"Name:         " + p.fragmentPod()}
	switch {
	case top >= 2 || top >= 1 && cont >= 1:
		return append(head, lines...)
	case cont >= 3:
		// One container block: put it under Containers, at the indent
		// describe gives a container's keys.
		out := append(head, "Node:         "+placeholderNode, "Containers:", "  "+placeholderContainer+":")
		for _, l := range lines {
			if strings.TrimSpace(l) == "" {
				out = append(out, l)
				continue
			}
			ind := indentOf(l) - minInd + 4
			if ind < 4 {
				ind = 4
			}
			out = append(out, strings.Repeat(" ", ind)+strings.TrimSpace(l))
		}
		return out
	}
	return nil
}

// yamlKeyRe reads a "key: value" line of YAML, list dash and quotes
// allowed.
var yamlKeyRe = regexp.MustCompile(`^\s*(?:- )?([A-Za-z][A-Za-z0-9]*):\s*(.*?)\s*$`)

// statusTail reads an -o yaml fragment without apiVersion and kind (an
// indented status tail, a containerStatuses list cut from its pod) by its
// field names, indentation notwithstanding: posters re-indent such tails.
// It returns false when the lines hold no container state.
func (p *parser) statusTail(lines []string) bool {
	if p.yamlTail(lines) {
		return true
	}
	var (
		cs       *corev1.ContainerStatus
		statuses []corev1.ContainerStatus
		spec     = corev1.Container{Name: placeholderContainer}
		which    string // state or lastState
		whichInd int    // the indent of its key
		kind     string // waiting, running, terminated
		limits   bool
		phase    string
		reason   string
		message  string
		found    bool
	)
	flush := func() {
		if cs != nil {
			statuses = append(statuses, *cs)
		}
		cs, which, kind = nil, "", ""
	}
	cur := func() *corev1.ContainerStatus {
		if cs == nil {
			cs = &corev1.ContainerStatus{Name: placeholderContainer}
		}
		return cs
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.IndexByte(l, ':') < 0 {
			continue
		}
		m := yamlKeyRe.FindStringSubmatch(trimIndent(l))
		if m == nil {
			continue
		}
		key, val := m[1], strings.Trim(m[2], `'"`)
		if blockScalarRe.MatchString(val) {
			// A termination message is often a block ("message: |"); its
			// lines are text, not keys, however they read.
			var text []string
			for i+1 < len(lines) && (strings.TrimSpace(lines[i+1]) == "" || indentOf(lines[i+1]) > indentOf(l)) {
				i++
				text = append(text, strings.TrimSpace(lines[i]))
			}
			sep := "\n"
			if strings.HasPrefix(val, ">") {
				sep = " "
			}
			val = strings.TrimSpace(strings.Join(text, sep))
		}
		dash := strings.HasPrefix(strings.TrimSpace(l), "- ")
		switch key {
		case "containerStatuses", "initContainerStatuses":
			flush()
		case "containerID", "imageID":
			if dash {
				flush()
			}
		case "name":
			switch {
			case (dash || cs != nil) && val != "" && which == "":
				if dash && cs != nil && cs.Name != placeholderContainer {
					flush()
				}
				cur().Name = val
				spec.Name = val
			case cs != nil && val != "" && !dash && cs.Name == placeholderContainer && indentOf(l) <= whichInd:
				// No container state has a name: one no deeper than the
				// state's key is the container's, after its lastState
				// (-o yaml sorts the keys), and the state block has ended.
				// A deeper one is a volumeMounts entry's (1.30+).
				cs.Name, spec.Name = val, val
				which, kind = "", ""
			}
		case "state", "lastState":
			which, kind, whichInd = key, "", indentOf(l)
			cur()
		case "waiting", "running", "terminated":
			if which == "" {
				which = "state"
			}
			kind = key
			st := cur()
			target := &st.State
			if which == "lastState" {
				target = &st.LastTerminationState
			}
			switch key {
			case "waiting":
				target.Waiting = &corev1.ContainerStateWaiting{}
			case "running":
				target.Running = &corev1.ContainerStateRunning{}
			case "terminated":
				target.Terminated = &corev1.ContainerStateTerminated{}
			}
			found = true
		case "reason", "message", "exitCode", "signal":
			st := cur()
			target := &st.State
			if which == "lastState" {
				target = &st.LastTerminationState
			}
			switch {
			case kind == "waiting" && target.Waiting != nil:
				if key == "reason" {
					target.Waiting.Reason = val
				} else if key == "message" {
					target.Waiting.Message = val
				}
			case kind == "terminated" && target.Terminated != nil:
				switch key {
				case "reason":
					target.Terminated.Reason = val
				case "message":
					target.Terminated.Message = val
				case "exitCode":
					n, _ := strconv.Atoi(val)
					target.Terminated.ExitCode = int32(n)
				case "signal":
					n, _ := strconv.Atoi(val)
					target.Terminated.Signal = int32(n)
				}
			case which == "" && cs == nil && key == "reason":
				reason = val
			case which == "" && cs == nil && key == "message":
				message = val
			}
		case "restartCount":
			n, _ := strconv.Atoi(val)
			cur().RestartCount = int32(n)
		case "image":
			if val != "" {
				spec.Image = val
				if cs != nil {
					cs.Image = val
				}
			}
		case "ready":
			if cs != nil {
				cs.Ready = val == "true"
			}
		case "limits":
			limits = true
		case "requests":
			limits = false
		case "memory", "cpu", "ephemeral-storage":
			if q, err := resource.ParseQuantity(val); err == nil && limits {
				if spec.Resources.Limits == nil {
					spec.Resources.Limits = corev1.ResourceList{}
				}
				spec.Resources.Limits[corev1.ResourceName(key)] = q
			}
		case "phase":
			phase = val
		}
	}
	flush()
	if !found && reason == "" {
		return false
	}
	pod := newPod(p.cmdNamespace(), p.fragmentPod(), "", corev1.PodPhase(phase))
	pod.Spec.Containers = nil
	if pod.Status.Phase == "" {
		pod.Status.Phase = corev1.PodRunning
	}
	pod.Status.Reason, pod.Status.Message = reason, message
	if len(statuses) == 0 {
		statuses = []corev1.ContainerStatus{{Name: spec.Name}}
	}
	for i := range statuses {
		if statuses[i].Name == placeholderContainer {
			statuses[i].Name = spec.Name
		}
		pod.Spec.Containers = append(pod.Spec.Containers, corev1.Container{Name: statuses[i].Name, Image: firstNonEmpty(statuses[i].Image, spec.Image), Resources: spec.Resources})
	}
	if found {
		pod.Status.ContainerStatuses = statuses
	}
	pod.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionTrue}}
	hidden := snapshot.HiddenEvents
	if len(spec.Resources.Limits) == 0 {
		hidden |= snapshot.HiddenSpec
	}
	p.addPod(&textPod{pod: pod, describe: true, hidden: hidden})
	p.found["yaml-fragment"]++
	return true
}

// blockScalarRe is a YAML block scalar's header: the value is on the
// lines below, indented deeper.
var blockScalarRe = regexp.MustCompile(`^[|>][-+]?[0-9]?$`)

// yamlTailRe: the first line of a YAML fragment without apiVersion/kind.
var yamlTailRe = regexp.MustCompile(`^\s*(?:- )?(?:status|containerStatuses|initContainerStatuses|lastState|state|phase):`)

func isYAMLTail(l string) bool {
	return strings.IndexByte(l, ':') >= 0 && yamlTailRe.MatchString(trimIndent(l))
}

// trimIndent drops what a pattern's leading \s* would: the same match,
// without the regexp stepping over a deep indent.
func trimIndent(l string) string {
	i := 0
	for i < len(l) && (l[i] == ' ' || l[i] == '\t' || l[i] == '\n' || l[i] == '\f' || l[i] == '\r') {
		i++
	}
	return l[i:]
}

var nodeLostMsgRe = regexp.MustCompile(`^Node (\S+) which was running pod (\S+) is unresponsive`)

var podPhases = map[corev1.PodPhase]bool{corev1.PodPending: true, corev1.PodRunning: true, corev1.PodSucceeded: true, corev1.PodFailed: true, corev1.PodUnknown: true}

// yamlTail reads a status tail that is still valid YAML once dedented:
// every field of it, multi-line messages included.
func (p *parser) yamlTail(lines []string) bool {
	minInd := -1
	for _, l := range lines {
		if strings.TrimSpace(l) != "" && (minInd < 0 || indentOf(l) < minInd) {
			minInd = indentOf(l)
		}
	}
	var b strings.Builder
	first := ""
	for _, l := range lines {
		if len(l) >= minInd {
			l = l[minInd:]
		}
		if first == "" && strings.TrimSpace(l) != "" {
			first = l
		}
		b.WriteString(l + "\n")
	}
	doc := b.String()
	if !strings.HasPrefix(first, "status:") {
		// A part of status: put it back under its key.
		var w strings.Builder
		w.WriteString("status:\n")
		for _, l := range strings.Split(strings.TrimRight(doc, "\n"), "\n") {
			w.WriteString("  " + l + "\n")
		}
		doc = w.String()
	}
	var pod corev1.Pod
	if err := yaml.Unmarshal([]byte(doc), &pod); err != nil {
		return false
	}
	st := pod.Status
	podConds := false
	for _, c := range st.Conditions {
		switch c.Type {
		case corev1.PodScheduled, corev1.PodReady, corev1.PodInitialized, corev1.ContainersReady, corev1.DisruptionTarget, "PodReadyToStartContainers":
			podConds = true
		}
	}
	// A Job's or a Deployment's status has conditions too: only a pod's
	// phase, pod condition types or container statuses make it a pod.
	if !podConds && len(st.ContainerStatuses) == 0 && len(st.InitContainerStatuses) == 0 && !podPhases[st.Phase] {
		return false
	}
	if stateKeys(lines) > parsedStates(st) {
		// A tail whose indentation a poster flattened still parses, but
		// its states land beside the keys they belong under and are
		// lost: statusTail reads it by its keys instead.
		return false
	}
	pod.Kind, pod.APIVersion = "Pod", "v1"
	pod.Name, pod.Namespace = p.fragmentPod(), p.cmdNamespace()
	pod.Spec.NodeName = placeholderNode
	if m := nodeLostMsgRe.FindStringSubmatch(st.Message); m != nil && st.Reason == "NodeLost" {
		// The node controller's "Node X which was running pod Y is
		// unresponsive" names both.
		pod.Spec.NodeName, pod.Name = m[1], m[2]
	}
	for _, c := range st.Conditions {
		if c.Type == corev1.PodScheduled && c.Status == corev1.ConditionFalse {
			pod.Spec.NodeName = ""
		}
	}
	if st.Phase == "" {
		pod.Status.Phase = corev1.PodRunning
		if pod.Spec.NodeName == "" {
			pod.Status.Phase = corev1.PodPending
		}
	}
	for _, cs := range append(append([]corev1.ContainerStatus{}, st.InitContainerStatuses...), st.ContainerStatuses...) {
		c := corev1.Container{Name: cs.Name, Image: cs.Image}
		pod.Spec.Containers = append(pod.Spec.Containers, c)
	}
	pod.Spec.InitContainers = nil
	for _, cs := range st.InitContainerStatuses {
		pod.Spec.InitContainers = append(pod.Spec.InitContainers, corev1.Container{Name: cs.Name, Image: cs.Image})
	}
	pod.Spec.Containers = pod.Spec.Containers[len(st.InitContainerStatuses):]
	if st.StartTime != nil {
		p.seen(st.StartTime.Time)
	}
	p.addPod(&textPod{pod: &pod, describe: true, hidden: snapshot.HiddenEvents | snapshot.HiddenSpec})
	p.found["yaml-fragment"]++
	return true
}

// mergeFragments gives the paste's only named pod what fragments without
// a name showed of it (a status tail, a container block, a describe cut
// above its Name, lone describe event rows): one pod, never two.
func (p *parser) mergeFragments() {
	var named, frags []*textPod
	for _, tp := range p.pods {
		if tp.pod.Name == placeholderPod {
			frags = append(frags, tp)
		} else {
			named = append(named, tp)
		}
	}
	if len(named) != 1 {
		return
	}
	real := named[0]
	for _, e := range p.events {
		if e.Kind == "Pod" && e.Name == placeholderPod {
			e.Name = real.pod.Name
			if e.Namespace == "" {
				e.Namespace = real.pod.Namespace
			}
		}
	}
	for i := range p.logs {
		if p.logs[i].Pod == placeholderPod {
			p.logs[i].Pod, p.logs[i].Namespace = real.pod.Name, real.pod.Namespace
		}
	}
	if len(frags) == 0 {
		return
	}
	for _, f := range frags {
		if !f.describe {
			continue
		}
		pod := f.pod
		r := real.pod
		pod.Name, pod.Namespace = r.Name, firstNonEmpty(r.Namespace, pod.Namespace)
		if len(pod.Labels) == 0 {
			pod.Labels = r.Labels
		}
		if len(pod.OwnerReferences) == 0 {
			pod.OwnerReferences = r.OwnerReferences
		}
		if (pod.Spec.NodeName == placeholderNode || pod.Spec.NodeName == "") && r.Spec.NodeName != "" && r.Spec.NodeName != placeholderNode {
			pod.Spec.NodeName = r.Spec.NodeName
		}
		if pod.DeletionTimestamp == nil && real.terminating {
			f.terminating, f.deletionAgo, f.deletionFuture = true, real.deletionAgo, real.deletionFuture
		}
		// What the row showed and the fragment did not: restarts, age.
		if f.hidden&snapshot.HiddenRestarts != 0 && real.hidden&snapshot.HiddenRestarts == 0 && len(r.Status.ContainerStatuses) == len(pod.Status.ContainerStatuses) {
			for i := range pod.Status.ContainerStatuses {
				pod.Status.ContainerStatuses[i].RestartCount = r.Status.ContainerStatuses[i].RestartCount
			}
		}
		f.hidden &= real.hidden
		if !f.hasAge {
			f.ageAgo, f.hasAge = real.ageAgo, real.hasAge
		}
		if !f.hasLastRestart {
			f.lastRestartAgo, f.hasLastRestart = real.lastRestartAgo, real.hasLastRestart
		}
		*real = *f
		real.pod = pod
		break
	}
	var kept []*textPod
	for _, tp := range p.pods {
		if tp.pod.Name != placeholderPod || tp == real {
			kept = append(kept, tp)
		}
	}
	p.pods = kept
	p.podIdx = map[string]*textPod{}
	for _, tp := range p.pods {
		p.podIdx[tp.pod.Namespace+"/"+tp.pod.Name] = tp
	}
}

// yamlish: lines that are mostly YAML keys, one of them a pod status
// field — an -o yaml tail cut above its status: key.
func yamlish(lines []string) bool {
	n, keys, tail := 0, 0, false
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n++
		colon := strings.IndexByte(l, ':') >= 0
		if colon && yamlKeyRe.MatchString(trimIndent(l)) || strings.HasPrefix(strings.TrimSpace(l), "- ") {
			keys++
		}
		if colon && yamlTailRe.MatchString(trimIndent(l)) {
			tail = true
		}
	}
	return tail && n > 0 && keys*10 >= n*8 && !hasStart(lines)
}

// fragmentPod names the pod a fragment is part of: the one its prompt
// named, else a placeholder (merged later into the paste's only pod).
func (p *parser) fragmentPod() string {
	if p.cmd != nil && p.cmd.name != "" && (p.cmd.kind == "pods" || p.cmd.verb == "logs") {
		return p.cmd.name
	}
	return placeholderPod
}

// stateKeys counts the container state keys (waiting, running, terminated)
// the lines hold.
func stateKeys(lines []string) int {
	n := 0
	for _, l := range lines {
		if m := yamlKeyRe.FindStringSubmatch(l); m != nil && (m[1] == "waiting" || m[1] == "running" || m[1] == "terminated") {
			n++
		}
	}
	return n
}

// parsedStates counts the container states a parsed status holds.
func parsedStates(st corev1.PodStatus) int {
	n := 0
	for _, cs := range append(append([]corev1.ContainerStatus{}, st.InitContainerStatuses...), st.ContainerStatuses...) {
		for _, s := range []corev1.ContainerState{cs.State, cs.LastTerminationState} {
			if s.Waiting != nil {
				n++
			}
			if s.Running != nil {
				n++
			}
			if s.Terminated != nil {
				n++
			}
		}
	}
	return n
}
