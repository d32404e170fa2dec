package kubetext

import (
	"bytes"
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// prefixRe is the prefix kubectl logs --prefix writes before each line:
// "[pod/NAME/CONTAINER] " (kubectl's logs.go, DefaultConsumeRequest with
// the "[%s/%s/%s] " prefix of the object, pod and container).
var prefixRe = regexp.MustCompile(`^\[pod/([a-z0-9][-a-z0-9.]*)/([a-z0-9][-a-z0-9]*)\] ?(.*)$`)

// prefixedLog reads one "kubectl logs --prefix" line into that pod's log.
func (p *parser) prefixedLog(l string) bool {
	if !strings.HasPrefix(l, "[pod/") {
		return false
	}
	m := prefixRe.FindStringSubmatch(l)
	if m == nil {
		return false
	}
	ns := p.cmdNamespace()
	prev := p.cmd != nil && p.cmd.verb == "logs" && p.cmd.previous
	// The lines of each log are gathered and joined once, in finish: a
	// log of many lines is not copied again for each.
	k := prefixedKey{ns: ns, pod: m[1], container: m[2], previous: prev}
	if i, ok := p.prefixed[k]; ok {
		p.prefixedLines[i] = append(p.prefixedLines[i], m[3])
		return true
	}
	if p.prefixed == nil {
		p.prefixed = map[prefixedKey]int{}
	}
	p.prefixed[k] = len(p.logs)
	p.logs = append(p.logs, Log{Namespace: ns, Pod: m[1], Container: m[2], Previous: prev, prefixed: true})
	if p.prefixedLines == nil {
		p.prefixedLines = map[int][]string{}
	}
	p.prefixedLines[len(p.logs)-1] = []string{m[3]}
	p.found["logs"]++
	return true
}

// prefixedKey names the log a --prefix line belongs to.
type prefixedKey struct {
	ns, pod, container string
	previous           bool
}

// joinPrefixed gives each --prefix log its text.
func (p *parser) joinPrefixed() {
	for i, lines := range p.prefixedLines {
		p.logs[i].Text = logText(lines)
	}
	p.prefixed, p.prefixedLines = nil, nil
}

// The kubelet's and API server's answers to kubectl logs when there is no
// log to give (kubelet_pods.go validateContainerLogStatus; the API
// server's pod log REST): facts about the pod they name.
var (
	waitingToStartRe = regexp.MustCompile(`container "([^"]+)" in pod "([^"]+)" is waiting to start: (.+)$`)
	noPreviousRe     = regexp.MustCompile(`previous terminated container "([^"]+)" in pod "([^"]+)" not found`)
	notAvailableRe   = regexp.MustCompile(`container "([^"]+)" in pod "([^"]+)" is (?:not available|terminated)`)
	noHostRe         = regexp.MustCompile(`pod "?([a-z0-9][-a-z0-9.]*)"? does not have a host assigned`)
	chooseOneRe      = regexp.MustCompile(`a container name must be specified for pod ([a-z0-9][-a-z0-9.]*), choose one of: \[([^\]]*)\]`)
	unableLogsRe     = regexp.MustCompile(`^(?:Error from server[^:]*: )?unable to retrieve container logs for `)
	noResourcesRe    = regexp.MustCompile(`^No resources found(?: in \S+ namespace)?\.?$`) // no period in some versions
	podNotFoundRe    = regexp.MustCompile(`^Error from server \(NotFound\): pods "([^"]+)" not found`)
)

// kubectlError reads a line kubectl prints instead of logs. The facts it
// gives go to the pod it names (made when the paste shows no other trace
// of it), never to a second pod.
func (p *parser) kubectlError(l string) bool {
	t := strings.TrimSpace(l)
	if len(t) > 2048 {
		return false
	}
	// What every pattern below needs, looked for before any of them runs.
	if !strings.Contains(t, "container") && !strings.Contains(t, "does not have a host") &&
		!strings.HasPrefix(t, "No resources found") && !strings.HasPrefix(t, "Error from server") {
		return false
	}
	ns := p.cmdNamespace()
	switch {
	case waitingToStartRe.MatchString(t):
		m := waitingToStartRe.FindStringSubmatch(t)
		reason := strings.TrimSpace(m[3])
		switch reason {
		case "image can't be pulled":
			reason = "ErrImagePull"
		case "trying and failing to pull image":
			reason = "ImagePullBackOff"
		}
		if strings.ContainsAny(reason, " :") {
			// A reason with a message after it; the reason is the word.
			reason, _, _ = strings.Cut(reason, " ")
			reason = strings.TrimSuffix(reason, ":")
		}
		p.errorFact(ns, m[2], m[1], func(cs *corev1.ContainerStatus, pod *corev1.Pod) {
			cs.State.Waiting = &corev1.ContainerStateWaiting{Reason: reason}
			if reason == "ContainerCreating" || reason == "PodInitializing" {
				pod.Status.Phase = corev1.PodPending
			}
		})
	case noPreviousRe.MatchString(t):
		// Nothing to add: the container has not restarted (or the kubelet
		// lost its previous instance). It is no pod state of its own.
		m := noPreviousRe.FindStringSubmatch(t)
		p.errorFact(ns, m[2], m[1], nil)
	case notAvailableRe.MatchString(t):
		m := notAvailableRe.FindStringSubmatch(t)
		p.errorFact(ns, m[2], m[1], nil)
	case noResourcesRe.MatchString(t):
		// "No resources found in NS namespace.": kubectl found nothing
		// to show; nothing is wrong with what is not there. Of all nodes,
		// though, none is a cluster that cannot run a pod.
		if p.listsAllNodes() {
			p.noNodes = true
		}
	case chooseOneRe.MatchString(t), unableLogsRe.MatchString(t), podNotFoundRe.MatchString(t), noHostRe.MatchString(t):
		// Facts about kubectl's call, not about the pod's health.
		if m := noHostRe.FindStringSubmatch(t); m != nil {
			p.errorFact(ns, m[1], "", func(_ *corev1.ContainerStatus, pod *corev1.Pod) {
				pod.Spec.NodeName = ""
				pod.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionFalse}}
			})
		}
	default:
		return false
	}
	p.found["kubectl-error"]++
	return true
}

// errorFact records what a kubectl error line says of a pod: merged into
// the pod the paste describes, or the start of one it does not.
func (p *parser) errorFact(ns, pod, container string, set func(*corev1.ContainerStatus, *corev1.Pod)) {
	p.facts = append(p.facts, fact{ns: ns, pod: pod, container: container, set: set})
}

type fact struct {
	ns, pod, container string
	set                func(*corev1.ContainerStatus, *corev1.Pod)
}

// applyFacts runs after every input was read: a fact about a pod the text
// showed otherwise is dropped when that text already says more (a
// describe, a table row), and else builds the pod from the fact alone.
func (p *parser) applyFacts() {
	if len(p.facts) == 0 {
		return
	}
	// Indexes, kept up to date as pods are made: a paste of many error
	// lines and many pods is read in time linear in their number.
	names := newPodNames(p.pods)
	podEvents := map[string]bool{} // names of pods events are about, by namespace/name
	for _, e := range p.events {
		if e.Kind == "Pod" {
			podEvents[e.Namespace+"/"+e.Name] = true
		}
	}
	for _, f := range p.facts {
		if f.set == nil {
			continue
		}
		ns := f.ns
		if ns == "" {
			ns = names.namespaceOf(f.pod)
		}
		if _, ok := p.podIdx[ns+"/"+f.pod]; ok {
			continue
		}
		name := firstNonEmpty(f.container, placeholderContainer)
		pod := newPod(ns, f.pod, name, corev1.PodRunning)
		cs := corev1.ContainerStatus{Name: name}
		f.set(&cs, pod)
		if pod.Spec.NodeName != "" {
			pod.Status.Conditions = append(pod.Status.Conditions, corev1.PodCondition{Type: corev1.PodScheduled, Status: corev1.ConditionTrue})
		}
		if cs.State.Waiting != nil || cs.State.Running != nil || cs.State.Terminated != nil {
			pod.Status.ContainerStatuses = []corev1.ContainerStatus{cs}
		}
		hidden := eventOnly | snapshot.HiddenEvents
		if podEvents[pod.Namespace+"/"+pod.Name] || podEvents["/"+pod.Name] {
			hidden &^= snapshot.HiddenEvents
		}
		p.addPod(&textPod{pod: pod, hidden: hidden})
		names.add(pod)
	}
}

// podNames counts the text's pods by name and its namespaces.
type podNames struct {
	byName map[string]nameCount
	all    map[string]bool
}

type nameCount struct {
	ns string
	n  int
}

func newPodNames(pods []*textPod) *podNames {
	pn := &podNames{byName: map[string]nameCount{}, all: map[string]bool{}}
	for _, tp := range pods {
		pn.add(tp.pod)
	}
	return pn
}

func (pn *podNames) add(pod *corev1.Pod) {
	pn.all[pod.Namespace] = true
	c := pn.byName[pod.Name]
	pn.byName[pod.Name] = nameCount{ns: pod.Namespace, n: c.n + 1}
}

// namespaceOf is the namespace the text gives a pod named only by name:
// the one pod of that name, else the text's only namespace.
func (pn *podNames) namespaceOf(name string) string {
	if c := pn.byName[name]; c.n == 1 {
		return c.ns
	}
	if len(pn.all) == 1 {
		for k := range pn.all {
			return k
		}
	}
	return ""
}

// logLineRe matches what log lines start with or hold: timestamps (RFC
// 3339, Go's log, klog, syslog), level words, JSON records, stack frames
// of Go, Java, Python and Node.js, and the errors processes die with.
var logLineRe = regexp.MustCompile(`^\s*(?:\[?\d{4}[-/]\d\d[-/]\d\d[T ]\d\d:\d\d|[IWEF]\d{4} \d\d:\d\d:\d\d|\[?(?:TRACE|DEBUG|INFO|NOTICE|WARN|WARNING|ERROR|ERR|FATAL|CRITICAL|PANIC)\b|\{"|level=|ts=|time=|panic: |goroutine \d+ \[|Traceback \(most recent call last\)|\s*at [\w.$<>]+\(|File "[^"]+", line \d+|Exception in thread|\w+(?:\.\w+)*(?:Error|Exception)\b:|Error: |exec \S+: |standard_init_linux|exec user process caused|/\S+: line \d+: )`)

// isLogLine is logLineRe.MatchString. The pattern starts with \s*: it
// reads the line from its first word on, not every space of a deep indent
// again; and a line starts as one of its alternatives must, or holds the
// Error or Exception a "x.y.FooError:" line does, before the regexp runs.
func isLogLine(l string) bool {
	t := trimIndent(l)
	if t == "" {
		return false
	}
	switch c := t[0]; {
	case c == '[', c == '/', c >= '0' && c <= '9', c >= 'A' && c <= 'Z':
		// Dates, klog headers, level words, Traceback, File, Exception
		// in thread, Error:, paths of shell errors.
	case c == '{':
		// A JSON record; no other alternative starts with a brace.
		if !strings.HasPrefix(t, `{"`) {
			return false
		}
	default:
		starts := false
		for _, p := range logLineStarts {
			if strings.HasPrefix(t, p) {
				starts = true
				break
			}
		}
		if !starts && !strings.Contains(t, "Error") && !strings.Contains(t, "Exception") {
			return false
		}
	}
	return logLineRe.MatchString(t)
}

// logLineStarts are the alternatives of logLineRe that start with a lower
// case letter.
var logLineStarts = []string{"at ", "level=", "ts=", "time=", "panic: ", "goroutine ", "exec ", "standard_init_linux"}

// orphanLog reads an input that held nothing else as the log of the one
// pod the run shows, when its lines look like a log; otherwise it is
// prose, and ignored.
func (p *parser) orphanLog(lines []string) {
	hits := 0
	for _, l := range lines {
		if len(l) < 8192 && isLogLine(l) {
			// One is enough to read the lines as a log.
			hits++
			break
		}
	}
	if hits == 0 {
		return
	}
	if len(p.pods) == 0 {
		// A log pasted alone, its pod not named: the log of "<pod>".
		p.logs = append(p.logs, Log{Pod: placeholderPod, Container: placeholderContainer, Text: strings.Join(lines, "\n")})
		p.found["logs"]++
		return
	}
	if len(p.pods) != 1 {
		return
	}
	tp := p.pods[0]
	container := ""
	if len(tp.pod.Spec.Containers) == 1 {
		container = tp.pod.Spec.Containers[0].Name
	}
	p.logs = append(p.logs, Log{Namespace: tp.pod.Namespace, Pod: tp.pod.Name, Container: container, Previous: crashed(tp.pod), Text: strings.Join(lines, "\n")})
	p.found["logs"]++
}

// crashed tells whether a pod's logs, fetched now, would be of the
// instance that crashed (--previous) rather than of a running one.
func crashed(pod *corev1.Pod) bool {
	for _, cs := range pod.Status.ContainerStatuses {
		if w := cs.State.Waiting; w != nil && w.Reason == "CrashLoopBackOff" {
			return true
		}
	}
	return false
}

// isKnownMessage is knownMessageRe.MatchString for a line of prose. The
// pattern ignores case and has no literal start, so the regexp tries it
// at every position of every line; a line first has to hold a word one of
// its texts needs (knownWords), which most lines do not.
func isKnownMessage(l string) bool {
	if len(l) < len("OOMKilled") {
		return false
	}
	if len(l) <= 4096 {
		var buf [4096]byte
		low := buf[:len(l)]
		for i := 0; i < len(l); i++ {
			c := l[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[i] = c
		}
		found := false
		for _, w := range knownWords {
			if bytes.Contains(low, []byte(w)) {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return knownMessageRe.MatchString(l)
}

// knownWords holds, in lower case, a part of each text knownMessageRe
// matches: every match contains one of them.
var knownWords = []string{
	"pull",             // Failed to pull image, pull access denied, ImagePullBackOff, ErrImagePull, Back-off pulling
	"back-off",         // Back-off restarting
	"crashloopbackoff", // CrashLoopBackOff
	"oomkilled",
	"nodes are available",
	"unbound immediate",
	"mountvolume",
	"unable to attach",
	"multi-attach",
	"sandbox",
	"createcontainerconfigerror",
	"couldn't find key",
	"not found", // configmap/secret "x" not found, executable file not found
	"probe failed",
	"exceeded quota",
	"podsecurity",
	"failed calling webhook",
	"low on resource",
	"exec format error",
	"runasnonroot",
	"failed to admit pod",
}

// knownMessageRe finds a line worth reading as a bare message among
// prose: the texts components write that podwhy's rules know.
var knownMessageRe = regexp.MustCompile(`(?i)Failed to pull image|pull access denied|ImagePullBackOff|ErrImagePull|Back-off (?:restarting|pulling)|CrashLoopBackOff|OOMKilled|\d+/\d+ nodes are available|failed to fit in any node|unbound immediate PersistentVolumeClaims|MountVolume\.\w+ failed|Unable to attach or mount|Multi-Attach error|Failed to create pod sandbox|CreateContainerConfigError|couldn't find key|configmap "[^"]+" not found|secret "[^"]+" not found|(?:Liveness|Readiness|Startup) probe failed|exceeded quota|violates PodSecurity|failed calling webhook|The node was low on resource|exec format error|executable file not found|runAsNonRoot|Failed to admit pod \S+ - node has conditions`)

var quotedRe = regexp.MustCompile(`"([^"]{8,})"|“([^”]{8,})”|` + "`([^`]{8,})`")

// messageIn takes a component's message out of a line of prose: the
// quoted part that holds it, else the line from where it starts.
func messageIn(l string) string {
	for _, m := range quotedRe.FindAllStringSubmatch(l, -1) {
		q := firstNonEmpty(m[1], m[2], m[3])
		if knownMessageRe.MatchString(q) {
			return q
		}
	}
	if loc := knownMessageRe.FindStringIndex(l); loc != nil {
		// From the start of the sentence that holds the match.
		start := strings.LastIndexAny(l[:loc[0]], ".!?;") + 1
		if start > loc[0] {
			start = loc[0]
		}
		return strings.TrimSpace(l[start:])
	}
	return l
}

// klogEventRe is the line client-go's event recorder logs for every event
// it emits (tools/record: "Event(%#v): type: '%v' reason: '%v' %v"), as
// components' logs show it.
var klogEventRe = regexp.MustCompile(`Event\(v1\.ObjectReference\{Kind:"([^"]*)", Namespace:"([^"]*)", Name:"([^"]*)",.*?FieldPath:"([^"]*)"\}\): type: '(Normal|Warning)' reason: '([^']*)' (.*)$`)

// klogEvent reads such a line as the event it records.
func (p *parser) klogEvent(l string) bool {
	if len(l) > 8192 || !strings.Contains(l, "Event(v1.ObjectReference{") {
		return false
	}
	m := klogEventRe.FindStringSubmatch(l)
	if m == nil {
		return false
	}
	e := &event{Kind: m[1], Namespace: m[2], Name: m[3], FieldPath: m[4], Type: m[5], Reason: m[6], Count: 1}
	e.Message = strings.TrimSpace(m[7])
	p.events = append(p.events, e)
	p.found[Events]++
	return true
}
