// Package kubetext rebuilds Kubernetes objects from the text people paste
// into tickets: kubectl describe (pods, nodes, controllers, PVCs), kubectl
// get pods / events / nodes tables, kubectl logs excerpts, and bare event
// or status messages. The objects go into the same snapshot as JSON input,
// so the same rules diagnose them; there is no second rule set for text.
package kubetext

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// Format names an input format; Auto detects it.
type Format string

const (
	Auto     Format = ""
	Describe Format = "describe"
	Events   Format = "events"
	GetPods  Format = "get-pods"
	Message  Format = "message"
	// Text is any mix of the above (a ticket with several outputs).
	Text Format = "text"
)

// Formats lists the text formats --input-format accepts.
var Formats = []Format{Describe, Events, GetPods, Message, Text}

// Options steer parsing.
type Options struct {
	// Now is when the text was printed; kubectl prints ages, so every
	// time is relative to it. Zero means: estimate from the absolute times
	// in the text (Start Time, Started, Finished), else the wall clock.
	Now time.Time
	// Format forces a format; Auto detects.
	Format Format
	// Anchor is the newest time the run's other inputs (dumps) hold: text
	// ages are resolved against it when the text shows no later time.
	Anchor time.Time
	// Structured receives the parts of a paste that are kubectl -o json
	// or -o yaml output (a ticket often has both kinds); nil drops them.
	Structured func(data []byte) error
}

// Result is what a paste held.
type Result struct {
	Objects []any
	Events  []*snapshot.Event
	// Sketches are pods known only from a get pods row (ns/name).
	Sketches []string
	// AgeUnknown are pods whose age nothing in the text shows.
	AgeUnknown []string
	// Hidden are the parts of each pod (namespace/name) the text did not
	// show.
	Hidden    map[string]snapshot.Hidden
	Allocated map[string]corev1.ResourceList
	Logs      []Log
	// Found counts what was recognized, by format.
	Found map[Format]int
	// Now is the clock the ages were resolved against.
	Now time.Time
	// Structured are the kubectl -o json/yaml parts of the paste.
	Structured []string
	// Listed are the kinds the text shows a whole list of: kubectl get
	// nodes that printed no node at all.
	Listed []string
}

// Log is a kubectl logs excerpt.
type Log struct {
	Namespace, Pod, Container string
	Previous                  bool
	Text                      string
	// prefixed: read from kubectl logs --prefix lines.
	prefixed bool
}

// ErrNotKubectl is returned for text that holds no kubectl output and no
// message podwhy knows.
var ErrNotKubectl = fmt.Errorf("no kubectl describe, get or events output and no known Kubernetes message found")

type parser struct {
	cmd        *command
	pods       []*textPod
	podIdx     map[string]*textPod
	events     []*event
	objects    []any
	nodes      map[string]bool
	allocated  map[string]corev1.ResourceList
	logs       []Log
	found      map[Format]int
	maxAbs     time.Time
	loose      []string
	structured []string
	facts      []fact
	// noNodes: kubectl get nodes, unfiltered, listed none.
	noNodes bool
	// fragmentKind: the block being read is a describe of this kind
	// rebuilt from a fragment (describeFragment).
	fragmentKind string
	opts         Options
	// prefixed indexes the kubectl logs --prefix logs in logs; their
	// lines wait in prefixedLines until finish joins them.
	prefixed      map[prefixedKey]int
	prefixedLines map[int][]string
	// classified remembers the classifier's answer for each message.
	classified map[string]string
}

func (p *parser) seen(t time.Time) {
	// Zero-ish times (kubectl prints "Mon, 01 Jan 0001") are not a clock.
	if t.Year() > 1970 && t.After(p.maxAbs) {
		p.maxAbs = t
	}
}

func (p *parser) cmdNamespace() string {
	if p.cmd != nil {
		return p.cmd.namespace
	}
	return ""
}

// Input is one text of a run: a file, stdin. The texts of one run are
// read together, so an events table joins the pods a describe in another
// file showed, and every age is resolved against one clock.
type Input struct {
	Name string
	Data []byte
}

// Parse reads a paste.
func Parse(data []byte, o Options) (*Result, error) {
	return ParseAll([]Input{{Data: data}}, o)
}

// ParseAll reads the texts of one run. Text that is no kubectl output is
// read as what it most likely is: kubectl's own error lines are facts
// about the pod they name, log lines are that pod's logs, prose is
// ignored. It fails only when no input holds anything podwhy can read.
func ParseAll(inputs []Input, o Options) (*Result, error) {
	p := &parser{podIdx: map[string]*textPod{}, nodes: map[string]bool{}, allocated: map[string]corev1.ResourceList{}, found: map[Format]int{}, opts: o}
	var unread [][]string
	for _, in := range inputs {
		if rest := p.input(in.Data); len(rest) > 0 {
			unread = append(unread, rest)
		}
	}
	// Lines that were nothing else are the logs of the one pod the run
	// shows, when they look like logs.
	for _, lines := range unread {
		p.orphanLog(lines)
	}
	if len(p.found) == 0 {
		return nil, ErrNotKubectl
	}
	if o.Format != Auto && o.Format != Text && p.found[o.Format] == 0 {
		return nil, fmt.Errorf("no %s output found", o.Format)
	}
	return p.finish(), nil
}

// input reads one text and returns its lines that no reader took.
func (p *parser) input(data []byte) []string {
	o := p.opts
	p.cmd = nil
	before := p.total()
	var loose []string
	for _, s := range split(string(data)) {
		n := p.total()
		p.loose = nil
		p.section(s)
		if len(p.loose) == 0 {
			continue
		}
		// Lines of a command's output that no reader took are one message
		// (or lone event rows) when that output held nothing else.
		if p.total() == n && (o.Format == Message || o.Format == Auto || o.Format == Text) {
			p.bareLines(p.loose)
			if p.total() > n {
				continue
			}
		}
		if loose == nil {
			loose = p.loose
		} else {
			loose = append(loose, p.loose...)
		}
	}
	p.loose = nil
	if len(loose) == 0 {
		return nil
	}
	if o.Format == Message || (p.total() == before && o.Format != Describe && o.Format != Events && o.Format != GetPods) {
		if o.Format == Message {
			p.bareLines(loose)
		}
		if p.total() > before {
			return nil
		}
		// Last resort: one line that holds a message a component writes,
		// among prose or logs.
		for _, l := range loose {
			n := p.total()
			if len(l) < 4096 && isKnownMessage(l) {
				p.bareMessage(messageIn(l))
			}
			if p.total() > n {
				return nil
			}
		}
	}
	if p.total() > before {
		return nil
	}
	return loose
}

func (p *parser) total() int {
	n := 0
	for _, v := range p.found {
		n += v
	}
	return n
}

// section reads one command's output: describe blocks, tables, logs, and
// loose lines (a message pasted without a table).
func (p *parser) section(s section) {
	p.cmd = s.cmd
	if s.cmd != nil && s.cmd.verb == "logs" {
		if s.cmd.name != "" {
			p.logs = append(p.logs, Log{Namespace: s.cmd.namespace, Pod: s.cmd.name, Container: s.cmd.container, Previous: s.cmd.previous, Text: logText(s.lines)})
			p.found["logs"]++
		}
		return
	}
	lines := s.lines
	if isStructured(s) {
		doc, rest := structuredPart(lines, s.cmd)
		p.structured = append(p.structured, strings.Join(doc, "\n"))
		p.found["structured"]++
		if len(rest) == 0 {
			return
		}
		lines = rest
	}
	// From here on every line is read by patterns: none is longer than
	// they may read.
	lines = capLines(lines)
	if first := firstLine(lines); (isYAMLTail(first) || yamlish(lines)) && p.statusTail(lines) {
		return
	}
	if !hasStart(lines) {
		if frag := p.describeFragment(lines); frag != nil {
			lines = frag
			defer func() { p.fragmentKind = "" }()
		}
	}
	for i := 0; i < len(lines); {
		l := lines[i]
		if isDescribeStart(l) {
			j := i + 1
			for j < len(lines) && !isDescribeStart(lines[j]) && parseHeader(lines[j]) == nil {
				j++
			}
			p.describe(lines[i:j])
			i = j
			continue
		}
		if t := p.header(l); t != nil {
			j := i + 1
			for j < len(lines) && strings.TrimSpace(lines[j]) != "" && !isDescribeStart(lines[j]) && parseHeader(lines[j]) == nil {
				j++
			}
			p.table(t, lines[i+1:j])
			i = j
			continue
		}
		if isYAMLTail(l) && indentOf(l) > 0 {
			// An indented -o yaml status tail inside other output.
			j := i + 1
			for j < len(lines) && (strings.TrimSpace(lines[j]) == "" || indentOf(lines[j]) > indentOf(l) || strings.HasPrefix(strings.TrimSpace(lines[j]), "- ") && indentOf(lines[j]) == indentOf(l)) {
				j++
			}
			if p.statusTail(lines[i:j]) {
				i = j
				continue
			}
		}
		if p.kubectlError(l) || p.prefixedLog(l) || p.klogEvent(l) {
			i++
			continue
		}
		if strings.TrimSpace(l) != "" {
			if p.loose == nil {
				// Sized once: a paste of nothing but loose lines is not
				// copied again and again as the slice grows.
				p.loose = make([]string, 0, len(lines)-i)
			}
			p.loose = append(p.loose, l)
		}
		i++
	}
}

// maxLogBytes is how much of a pasted log is kept, as for the logs of a
// dump (load keeps the tail of logs.txt): the end of a log is where a
// crash shows, and the rules read every line of what is kept.
const maxLogBytes = 1 << 20

// logText joins a log's lines, keeping its last maxLogBytes with each
// line capped.
func logText(lines []string) string {
	n, i := 0, len(lines)
	for i > 0 && n < maxLogBytes {
		i--
		n += min(len(lines[i]), maxLine) + 1
	}
	return strings.TrimRight(strings.Join(capLines(lines[i:]), "\n"), "\n")
}

var describeStartRe = regexp.MustCompile(`^Name:\s+\S`)

// structuredStartRe: a JSON value or a Kubernetes YAML object starts the
// section. "[pod/web/app] log line" and "{{ template }}" are no JSON.
var structuredStartRe = regexp.MustCompile(`^(?:\{\s*(?:"|}|$)|\[\s*(?:[\[{"\]0-9tfn-]|$)|apiVersion:|kind:|items:|- apiVersion:)`)

// isStructured tells kubectl -o json/yaml output inside a paste.
func isStructured(s section) bool {
	if s.cmd != nil && (s.cmd.output == "json" || s.cmd.output == "yaml") {
		return true
	}
	for _, l := range s.lines {
		if strings.TrimSpace(l) != "" {
			return structuredStartRe.MatchString(capLine(l))
		}
	}
	return false
}

func isDescribeStart(l string) bool {
	return strings.HasPrefix(l, "Name:") && describeStartRe.MatchString(capLine(l))
}

func firstLine(lines []string) string {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" {
			return l
		}
	}
	return ""
}

// hasStart tells whether lines hold the start of a describe block or a
// table; without one, they may be a fragment.
func hasStart(lines []string) bool {
	for _, l := range lines {
		if isDescribeStart(l) || parseHeader(l) != nil {
			return true
		}
	}
	return false
}

// yamlLineRe matches what a line of a YAML document can start with at
// column 0: a key, a list item, a comment, a document marker.
var yamlLineRe = regexp.MustCompile(`^(?:---|\.\.\.|#|- |-$|[A-Za-z_"'][^:]*:(?:\s|$))`)

// structuredPart cuts a -o yaml/json part from what a poster wrote after
// it (logs, prose, another output without its prompt): YAML ends at the
// first line at column 0 that YAML could not continue with; JSON at the
// end of its first value.
func structuredPart(lines []string, cmd *command) (doc, rest []string) {
	first := strings.TrimSpace(firstLine(lines))
	if strings.HasPrefix(first, "{") || strings.HasPrefix(first, "[") {
		depth, inStr, esc := 0, false, false
		for i, l := range lines {
			for _, c := range l {
				switch {
				case esc:
					esc = false
				case inStr && c == '\\':
					esc = true
				case c == '"':
					inStr = !inStr
				case inStr:
				case c == '{' || c == '[':
					depth++
				case c == '}' || c == ']':
					depth--
				}
			}
			if depth <= 0 && strings.TrimSpace(l) != "" {
				return lines[:i+1], lines[i+1:]
			}
		}
		return lines, nil
	}
	for i, l := range lines {
		if i > 0 && l != "" && indentOf(l) == 0 && !yamlLineRe.MatchString(capLine(l)) {
			return lines[:i], lines[i:]
		}
	}
	return lines, nil
}

// describe reads one described object, its kind taken from the command
// when there was one and else from the keys only that kind prints.
func (p *parser) describe(lines []string) {
	tree := parseTree(lines)
	kind := describedKind(tree)
	if kind == "" && p.fragmentKind != "" {
		// A describe cut from its header: its keys said which kind.
		kind = p.fragmentKind
	}
	if kind == "" && p.cmd != nil {
		kind = map[string]string{"pods": "Pod", "nodes": "Node", "deployments": "Deployment", "replicasets": "ReplicaSet",
			"statefulsets": "StatefulSet", "daemonsets": "DaemonSet", "jobs": "Job", "persistentvolumeclaims": "PersistentVolumeClaim"}[p.cmd.kind]
	}
	switch kind {
	case "Event":
		p.describeEvent(tree)
	case "Pod":
		p.describePod(tree)
	case "Node":
		p.describeNode(tree)
	case "":
		return
	default:
		p.describeWorkload(kind, tree)
	}
	p.found[Describe]++
}

// describedKind tells the kind of a describe block by the keys only that
// kind's describer prints.
func describedKind(t *node) string {
	has := func(k string) bool { return t.kid(k) != nil }
	switch {
	case has("Containers") && has("QoS Class"), has("Containers") && has("Node") && has("IP"),
		// A header cut before its sections (an evicted pod's Status,
		// Reason and Message are all there is to see).
		has("Namespace") && has("Status") && (has("Start Time") || has("Node")),
		// kubectl before 1.1 printed a pod's images on one line, and
		// before 1.0 its node as Host.
		has("Image(s)") && (has("Host") || has("Node")):
		return "Pod"
	case has("Involved Object") && has("Message"):
		return "Event"
	case has("Roles") && !has("Namespace"),
		has("Kubelet Version"), has("Taints") && (has("Capacity") || has("Unschedulable") || has("Conditions")), has("Non-terminated Pods"), has("System Info"):
		return "Node"
	case has("StrategyType"), has("NewReplicaSet"), has("OldReplicaSets"):
		return "Deployment"
	case has("Desired Number of Nodes Scheduled"):
		return "DaemonSet"
	case has("Update Strategy") && has("Pods Status"), has("Volume Claims"):
		return "StatefulSet"
	case has("Replicas") && has("Pods Status"):
		return "ReplicaSet"
	case has("Completions") || has("Backoff Limit") || has("Parallelism"):
		return "Job"
	case has("Access Modes") || has("VolumeMode") && has("StorageClass") || has("Used By"):
		return "PersistentVolumeClaim"
	}
	return ""
}

func (p *parser) table(t *table, rows []string) {
	ns := p.cmdNamespace()
	n := 0
	switch t.kind {
	case "pods":
		if t.old {
			for _, pr := range t.oldPodRows(rows) {
				pr.Namespace = ns
				tp := sketchPod(pr)
				// A pod before 1.0 has no RESTARTS column to show.
				tp.hidden |= snapshot.HiddenRestarts
				p.addPod(tp)
				n++
			}
			p.found[GetPods] += n
			return
		}
		rows = unwrapRows(rows, func(r string) bool { _, ok := t.podRow(r); return ok })
		for _, r := range rows {
			if pr, ok := t.podRow(r); ok {
				if pr.Namespace == "" {
					pr.Namespace = ns
				}
				p.addPod(sketchPod(pr))
				n++
			}
		}
		if n > 0 {
			p.found[GetPods] += n
		}
	case "events":
		rows = unwrapRows(rows, func(r string) bool { _, ok := t.eventRow(r, ns); return ok })
		for _, r := range rows {
			if e, ok := t.eventRow(r, ns); ok {
				p.events = append(p.events, e)
				n++
			}
		}
		if n > 0 {
			p.found[Events] += n
		}
	case "nodes":
		for _, r := range rows {
			if nr, ok := t.nodeRow(r); ok {
				p.tableNode(nr)
				n++
			}
		}
		if n > 0 {
			p.found["get-nodes"] += n
		} else if strings.TrimSpace(strings.Join(rows, "")) == "" && p.listsAllNodes() {
			// Old kubectl printed the header of an empty list where
			// today's prints "No resources found".
			p.noNodes = true
			p.found["get-nodes"]++
		}
	}
}

// header is parseHeader with what the prompt adds: the get nodes tables
// that only the command tells from other kinds' (oldNodesHeader).
func (p *parser) header(l string) *table {
	if t := parseHeader(l); t != nil {
		return t
	}
	if c := p.cmd; c != nil && c.verb == "get" && c.kind == "nodes" && (c.output == "" || c.output == "wide") {
		return oldNodesHeader(l)
	}
	return nil
}

// listsAllNodes: the output is kubectl get nodes of every node, in a table
// (no name, no selector, no pipe): what it does not show does not exist.
func (p *parser) listsAllNodes() bool {
	c := p.cmd
	return c != nil && c.verb == "get" && c.kind == "nodes" && c.name == "" && !c.filtered && (c.output == "" || c.output == "wide")
}

// unwrapRows joins table rows a terminal wrapped: a line that is not a
// row on its own continues the one above it, cut exactly at the edge.
func unwrapRows(rows []string, isRow func(string) bool) []string {
	var out []string
	// The row being joined is built once, not copied for each line.
	var join strings.Builder
	joining := false
	flush := func() {
		if joining {
			out[len(out)-1] = capLine(join.String())
			join.Reset()
			joining = false
		}
	}
	for _, r := range rows {
		if len(out) > 0 && !isRow(r) && !strings.HasPrefix(r, " ") {
			if joining || len(out[len(out)-1]) >= 40 {
				if !joining {
					join.WriteString(out[len(out)-1])
					joining = true
				}
				if join.Len() < maxLine {
					join.WriteString(r)
				}
				continue
			}
		}
		flush()
		out = append(out, r)
	}
	flush()
	return out
}

// addPod keeps one pod per namespace/name; a describe beats a table row,
// whose STATUS is all it knows.
func (p *parser) addPod(tp *textPod) {
	key := tp.pod.Namespace + "/" + tp.pod.Name
	if old, ok := p.podIdx[key]; ok {
		if old.describe && !tp.describe {
			if !old.hasAge && tp.hasAge {
				old.ageAgo, old.hasAge = tp.ageAgo, true
			}
			return
		}
		if tp.describe && !old.describe && old.hasAge && !tp.hasAge {
			tp.ageAgo, tp.hasAge = old.ageAgo, true
		}
		*old = *tp
		return
	}
	// A pod described without namespace (no Namespace line and no -n)
	// matches a row of the same name.
	p.podIdx[key] = tp
	p.pods = append(p.pods, tp)
}

func (p *parser) tableNode(r *nodeRow) {
	if p.nodes[r.Name] {
		return
	}
	n := &corev1.Node{}
	n.Kind, n.APIVersion = "Node", "v1"
	n.Name = r.Name
	ready := corev1.ConditionTrue
	for _, s := range strings.Split(r.Status, ",") {
		switch s {
		case "NotReady":
			ready = corev1.ConditionFalse
		case "Unknown":
			ready = corev1.ConditionUnknown
		case "SchedulingDisabled":
			n.Spec.Unschedulable = true
		}
	}
	n.Status.Conditions = []corev1.NodeCondition{{Type: corev1.NodeReady, Status: ready}}
	n.Status.NodeInfo.KubeletVersion = r.Version
	p.objects = append(p.objects, n)
	p.nodes[r.Name] = true
}

// finish resolves ages against the paste's clock and returns the objects.
func (p *parser) finish() *Result {
	p.joinPrefixed()
	p.mergeFragments()
	p.resolveNamespaces()
	p.applyFacts()
	p.impliedPods()
	p.logPods()
	p.controllers()
	// The oldest event of each pod bounds its age; merging repeats below
	// keeps the same maxima.
	oldest := oldestEvents(p.events)
	now := p.opts.Now
	if now.IsZero() {
		now = p.estimateNow(oldest)
	}
	now = now.UTC()
	at := func(ago time.Duration) metav1.Time { return metav1.NewTime(now.Add(-ago)) }
	res := &Result{Found: p.found, Now: now, Allocated: p.allocated, Hidden: make(map[string]snapshot.Hidden, len(p.pods)),
		Objects: make([]any, 0, len(p.pods)+len(p.objects))}
	evs := p.mergeEvents()
	for _, tp := range p.pods {
		pod := tp.pod
		k := pod.Namespace + "/" + pod.Name
		created := now
		known := false
		if tp.hasAge {
			created, known = now.Add(-tp.ageAgo), true
		}
		if o, ok := oldest[k]; ok && now.Add(-o).Before(created) {
			created, known = now.Add(-o), true
		}
		if st := pod.Status.StartTime; st != nil && st.Time.Before(created) {
			created, known = st.Time, true
		}
		if !known {
			res.AgeUnknown = append(res.AgeUnknown, k)
		}
		if tp.hidden != 0 {
			res.Hidden[k] = tp.hidden
		}
		pod.CreationTimestamp = metav1.NewTime(created)
		if tp.terminating {
			var del metav1.Time
			if tp.deletionFuture {
				grace := int64(30)
				if pod.DeletionGracePeriodSeconds != nil {
					grace = *pod.DeletionGracePeriodSeconds
				}
				del = metav1.NewTime(now.Add(time.Duration(grace) * time.Second))
			} else {
				del = at(tp.deletionAgo)
			}
			pod.DeletionTimestamp = &del
		}
		if tp.hasLastRestart {
			for i := range pod.Status.ContainerStatuses {
				if t := pod.Status.ContainerStatuses[i].LastTerminationState.Terminated; t != nil && t.FinishedAt.IsZero() {
					t.FinishedAt = at(tp.lastRestartAgo)
				}
			}
		}
		if !tp.describe {
			res.Sketches = append(res.Sketches, k)
			// A row says how old the pod is, not when its containers
			// started: no later than the last restart, else its creation.
			for i := range pod.Status.ContainerStatuses {
				if r := pod.Status.ContainerStatuses[i].State.Running; r != nil && r.StartedAt.IsZero() {
					r.StartedAt = metav1.NewTime(created)
					if tp.hasLastRestart {
						r.StartedAt = at(tp.lastRestartAgo)
					}
				}
			}
		}
		res.Objects = append(res.Objects, pod)
	}
	res.Objects = append(res.Objects, p.objects...)
	for _, e := range evs {
		ev := &snapshot.Event{
			Namespace: e.Namespace,
			Regarding: snapshot.ObjectRef{Kind: e.Kind, Namespace: e.Namespace, Name: e.Name},
			FieldPath: e.FieldPath, Type: e.Type, Reason: e.Reason, Message: e.Message,
			Source: e.Source, Host: e.Host, Count: e.Count,
		}
		if e.Kind == "Node" {
			ev.Regarding.Namespace = ""
		}
		if !e.LastAt.IsZero() {
			ev.Last, ev.First = e.LastAt, e.FirstAt
		} else if e.HasAge {
			ev.Last = now.Add(-e.LastAgo)
			ev.First = now.Add(-e.FirstAgo)
		} else {
			ev.Last, ev.First, ev.Untimed = now, now, true
		}
		res.Events = append(res.Events, ev)
	}
	res.Logs = p.logs
	res.Structured = p.structured
	if p.noNodes && len(p.nodes) == 0 && !hasNode(p.objects) {
		res.Listed = append(res.Listed, snapshot.KindNode)
	}
	sort.Strings(res.Sketches)
	return res
}

// resolveNamespaces gives a namespace to what was printed without one
// (kubectl get in the current namespace): the namespace of the described
// pod of the same name, else the paste's only namespace.
func (p *parser) resolveNamespaces() {
	// Maps sized once: a paste of many pods is not rehashed as they grow.
	byName := make(map[string]string, len(p.pods))
	all := map[string]bool{}
	for _, tp := range p.pods {
		if ns := tp.pod.Namespace; ns != "" {
			all[ns] = true
			if old, ok := byName[tp.pod.Name]; ok && old != ns {
				byName[tp.pod.Name] = "\x00"
			} else {
				byName[tp.pod.Name] = ns
			}
		}
	}
	for _, e := range p.events {
		if e.Namespace != "" {
			all[e.Namespace] = true
		}
		// The scheduler's "Successfully assigned NS/NAME to NODE" names
		// the pod's namespace even where the table printed none.
		if m := assignedRe.FindStringSubmatch(e.Message); m != nil && e.Kind == "Pod" {
			all[m[1]] = true
			if old, ok := byName[m[2]]; ok && old != m[1] {
				byName[m[2]] = "\x00"
			} else {
				byName[m[2]] = m[1]
			}
		}
	}
	only := ""
	if len(all) == 1 {
		for ns := range all {
			only = ns
		}
	}
	guess := func(name string) string {
		if ns, ok := byName[name]; ok && ns != "\x00" {
			return ns
		}
		return only
	}
	p.podIdx = make(map[string]*textPod, len(p.pods))
	old := p.pods
	p.pods = make([]*textPod, 0, len(old))
	for _, tp := range old {
		if tp.pod.Namespace == "" {
			tp.pod.Namespace = guess(tp.pod.Name)
		}
		p.addPod(tp)
	}
	for _, e := range p.events {
		if e.Namespace == "" && e.Kind != "Node" {
			if e.Kind == "Pod" {
				e.Namespace = guess(e.Name)
			} else {
				e.Namespace = only
			}
		}
	}
	// A get pods row does not name its single container; its events do
	// ("spec.containers{app}", "failed container app in pod").
	podEvents := make(map[string][]*event, len(p.pods))
	for _, e := range p.events {
		if e.Kind == "Pod" {
			podEvents[e.Namespace+"/"+e.Name] = append(podEvents[e.Namespace+"/"+e.Name], e)
		}
	}
	for _, tp := range p.pods {
		if tp.describe || len(tp.pod.Spec.Containers) != 1 || tp.pod.Spec.Containers[0].Name != "" {
			continue
		}
		name := ""
		for _, e := range podEvents[tp.pod.Namespace+"/"+tp.pod.Name] {
			if m := fieldPathRe.FindStringSubmatch(e.FieldPath + ": "); m != nil && strings.HasPrefix(m[1], "spec.containers") {
				name = m[2]
			} else if m := backOffRe.FindStringSubmatch(e.Message); m != nil {
				name = m[1]
			}
		}
		if name != "" {
			tp.pod.Spec.Containers[0].Name = name
			for i := range tp.pod.Status.ContainerStatuses {
				tp.pod.Status.ContainerStatuses[i].Name = name
			}
		}
	}
	for i := range p.logs {
		l := &p.logs[i]
		if l.Namespace == "" {
			l.Namespace = guess(l.Pod)
		}
		if tp, ok := p.podIdx[l.Namespace+"/"+l.Pod]; ok && l.Container == "" && len(tp.pod.Spec.Containers) > 0 {
			l.Container = tp.pod.Spec.Containers[0].Name
		}
	}
}

// oldestEvents gives the age of each pod's oldest event (namespace/name).
func oldestEvents(evs []*event) map[string]time.Duration {
	oldest := map[string]time.Duration{}
	for _, e := range evs {
		if e.Kind == "Pod" && e.HasAge {
			k := e.Namespace + "/" + e.Name
			if e.FirstAgo > oldest[k] {
				oldest[k] = e.FirstAgo
			}
		}
	}
	return oldest
}

// estimateNow finds the moment the text was printed: no earlier than any
// absolute time in it, and no earlier than a pod's start plus the age of
// its oldest event.
func (p *parser) estimateNow(oldest map[string]time.Duration) time.Time {
	now := p.maxAbs
	if p.opts.Anchor.After(now) {
		now = p.opts.Anchor
	}
	if now.IsZero() {
		return time.Now().Truncate(time.Second)
	}
	for _, tp := range p.pods {
		st := tp.pod.Status.StartTime
		if st == nil {
			continue
		}
		// The Scheduled event comes a moment before the start; within a
		// minute that is the same clock.
		if o, ok := oldest[tp.pod.Namespace+"/"+tp.pod.Name]; ok && o < 24*time.Hour {
			if t := st.Time.Add(o); t.After(now) {
				now = t
			}
		}
	}
	return now
}

// mergeEvents folds the same event seen twice (in describe and in get
// events, or repeated by --watch) into one.
func (p *parser) mergeEvents() []*event {
	idx := map[string]*event{}
	var out []*event
	for _, e := range p.events {
		k := e.Namespace + "|" + e.Kind + "|" + e.Name + "|" + e.Type + "|" + e.Reason + "|" + e.Message
		old, ok := idx[k]
		if !ok {
			idx[k] = e
			out = append(out, e)
			continue
		}
		if e.Count > old.Count {
			old.Count = e.Count
		}
		if e.HasAge {
			if !old.HasAge || e.LastAgo < old.LastAgo {
				old.LastAgo = e.LastAgo
			}
			if !old.HasAge || e.FirstAgo > old.FirstAgo {
				old.FirstAgo = e.FirstAgo
			}
			old.HasAge = true
		}
		if old.FieldPath == "" {
			old.FieldPath = e.FieldPath
		}
		if old.Source == "" {
			old.Source, old.Host = e.Source, e.Host
		}
	}
	return out
}

// Load parses a paste into a snapshot builder. Kinds are marked as listed
// only where the text shows a whole list (Result.Listed): a describe of
// one node says nothing of the others.
func Load(b *snapshot.Builder, data []byte, o Options) (*Result, error) {
	return LoadAll(b, []Input{{Data: data}}, o)
}

// LoadAll parses the texts of one run together into a builder.
func LoadAll(b *snapshot.Builder, inputs []Input, o Options) (*Result, error) {
	res, err := ParseAll(inputs, o)
	if err != nil {
		return nil, err
	}
	for _, k := range res.Listed {
		b.MarkKind(k)
	}
	for _, obj := range res.Objects {
		b.AddUnlisted(obj)
	}
	for _, e := range res.Events {
		b.AddEvent(e)
	}
	for n, a := range res.Allocated {
		b.SetNodeAllocated(n, a)
	}
	for _, l := range res.Logs {
		b.AddLog(l.Namespace, l.Pod, l.Container, l.Previous, l.Text)
	}
	if o.Structured != nil {
		for _, d := range res.Structured {
			// A broken part of a paste hides nothing else in it: named
			// in the notes, the rest is read.
			if err := o.Structured([]byte(d)); err != nil {
				if len(res.Objects)+len(res.Events)+len(res.Logs) == 0 && len(res.Structured) == 1 {
					return nil, err
				}
				b.Note("skipped part of the paste: " + err.Error())
			}
		}
	}
	b.FromText(res.Sketches)
	for k, h := range res.Hidden {
		b.SetHidden(k, h)
	}
	b.SetAgeUnknown(res.AgeUnknown)
	b.Seen(res.Now)
	return res, nil
}

var yamlObjectRe = regexp.MustCompile(`(?m)^(?:- )?(?:apiVersion|kind|items):`)

// Sniff tells pasted kubectl text from a YAML dump by its first bytes.
// "Name:  web" is valid YAML, so text wins when it shows a prompt, a
// describe block or a table header, or when nothing in it is a
// Kubernetes object (no apiVersion, kind or items key).
func Sniff(head []byte) bool {
	for _, s := range split(string(head)) {
		if s.cmd != nil && s.cmd.verb != "" {
			return true
		}
		for _, l := range s.lines {
			if isDescribeStart(l) || parseHeader(l) != nil {
				return true
			}
		}
	}
	return !yamlObjectRe.Match(head)
}

// hasNode: the text showed a node (a describe, an event's node).
func hasNode(objs []any) bool {
	for _, o := range objs {
		if _, ok := o.(*corev1.Node); ok {
			return true
		}
	}
	return false
}
