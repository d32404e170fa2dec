package diagnose

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
	storagev1 "k8s.io/api/storage/v1"

	"k8s.io/component-helpers/scheduling/corev1/nodeaffinity"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// pending explains a pod the scheduler has not placed (catalog §1).
func (c *ctx) pending(p *corev1.Pod) []*Finding {
	evs := c.eventsOf(p)
	fs := latestEvent(evs, "", func(e *snapshot.Event) bool { return e.Reason == "FailedScheduling" })
	msg := ""
	if fs != nil {
		msg = fs.Message
	} else if cond := podCondition(p, corev1.PodScheduled); cond != nil && cond.Status == corev1.ConditionFalse && cond.Reason == "Unschedulable" {
		msg = cond.Message
	}
	if len(p.Spec.SchedulingGates) > 0 {
		return []*Finding{c.gated(p)}
	}
	if msg == "" && c.s.Has(snapshot.KindNode) && len(c.s.Nodes) == 0 {
		// The input listed the nodes and there is none: no scheduler can
		// place the pod, whatever it said or has yet to say, and however
		// young the pod is.
		f := c.newPodFinding(p, Error, ClassPending, classify.UnschedNoNodes, "")
		f.Headline = i18n.T("pending.nonodes.head")
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.phase", "Pending, spec.nodeName empty"),
			Evidence{Kind: "object", Object: nodeObj(""), Text: "none", Note: i18n.T("pending.nonodes.listed")})
		f.Explain = i18n.T("pending.nonodes.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("step.get-nodes"), Command: kubectl("", "get", "nodes", "-o", "wide")})
		return []*Finding{f}
	}
	if msg == "" {
		if c.age(p.CreationTimestamp.Time) < c.opts.StartupGrace && !c.s.AgeUnknown[p.Namespace+"/"+p.Name] {
			return nil
		}
		f := c.notScheduled(p)
		if c.s.AgeUnknown[p.Namespace+"/"+p.Name] {
			// Pasted describe output shows no creation time: the pod may
			// still be inside its startup grace.
			f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.age"))
		}
		return []*Finding{f}
	}
	sc := classify.ParseSched(msg)
	sc.Code = c.schedCode(p, sc)
	f := c.newPodFinding(p, Error, ClassPending, sc.Code, "")
	if fs != nil {
		f.Evidence = append(f.Evidence, eventEvidence(fs))
		f.Since = fs.First
	} else {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.conditions[PodScheduled].message", msg))
	}
	switch sc.Code {
	case classify.UnschedResources:
		c.explainResources(f, p, sc)
	case classify.UnschedHostPort:
		c.explainHostPort(f, p)
	case classify.UnschedTaints:
		c.explainTaints(f, p, sc)
	case classify.UnschedAffinity:
		c.explainAffinity(f, p, sc)
	case classify.UnschedVolume:
		c.explainVolume(f, p, sc)
	case classify.UnschedCordoned:
		c.explainCordoned(f, p, sc)
	case classify.UnschedNoNodes:
		f.Headline = i18n.T("pending.nonodes.head")
		f.Explain = i18n.T("pending.nonodes.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("step.get-nodes"), Command: kubectl("", "get", "nodes", "-o", "wide")})
	default:
		f.Headline = i18n.T("pending.other.head", clip(msg, 160))
		f.Explain = i18n.T("pending.other.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("step.describe-pod"), Command: kubectl(p.Namespace, "describe", "pod", orPlaceholder(p.Name, "<pod>"))})
	}
	c.explainPreemption(f, sc)
	c.explainOtherGroups(f, sc)
	return []*Finding{f}
}

// explainOtherGroups goes through the message's other node groups: each
// failed a different filter, and what would let the pod use those nodes
// is a different change. The finding's own reason is explained above.
func (c *ctx) explainOtherGroups(f *Finding, sc classify.Sched) {
	if len(sc.Reasons) < 2 {
		return
	}
	for _, r := range sc.Reasons {
		if r.Code == sc.Code || r.Count == 0 {
			continue
		}
		var fit i18n.Msg
		switch r.Code {
		case classify.UnschedResources:
			fit = i18n.T("pending.group.resources", r.Resource)
		case classify.UnschedHostPort:
			fit = i18n.T("pending.group.hostport")
		case classify.UnschedTaints:
			key := r.TaintKey
			if key == "" {
				key = "<taint>"
			}
			if why := taintMeaning(key); !why.IsZero() {
				fit = why
			} else {
				fit = i18n.T("pending.group.taint", key)
			}
		case classify.UnschedAffinity:
			if r.PodAffinity {
				fit = i18n.T("pending.group.podaffinity")
			} else {
				fit = i18n.T("pending.group.selector")
			}
		case classify.UnschedVolume:
			fit = i18n.T("pending.group.volume")
		case classify.UnschedCordoned:
			fit = i18n.T("pending.group.cordoned")
		default:
			continue
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("pending.group.step", r.Count, r.Text, fit)})
	}
}

func clip(s string, n int) string {
	s = strings.TrimSpace(s)
	if len([]rune(s)) <= n {
		return s
	}
	return string([]rune(s)[:n]) + "…"
}

// schedCode picks the reason that blocks the pod. The scheduler names one
// failing filter per node, and many of those nodes are excluded on purpose:
// by the pod's own node selector, by taints of dedicated or control-plane
// nodes, or because they are down. What matters is what stops the pod on
// the nodes it could use, so with Node objects at hand the candidates are
// the nodes its selector and affinity allow: all cordoned → Cordoned, all
// tainted → Taints, none at all → Affinity; otherwise the message's other
// reasons (resources, ports, volumes) decide.
func (c *ctx) schedCode(p *corev1.Pod, sc classify.Sched) string {
	code := c.placementCode(p, sc)
	if code == classify.UnschedResources && volumeNodeConflict(sc) {
		// The scheduler checks resources before volumes, so a node
		// reported with a volume node affinity conflict had room: the
		// room is outside the zone (or node) the pod's volume is tied
		// to, and that tie is what to act on.
		return classify.UnschedVolume
	}
	return code
}

// volumeNodeConflict: some node failed only because the pod's bound
// volume cannot be used there (its zone or node).
func volumeNodeConflict(sc classify.Sched) bool {
	for _, r := range sc.Reasons {
		if r.VolumeNodeConflict {
			return true
		}
	}
	return false
}

func (c *ctx) placementCode(p *corev1.Pod, sc classify.Sched) string {
	// A pod whose spec the input hid may have a selector all the same:
	// "didn't match node selector" says it has one.
	hasSelector := len(p.Spec.NodeSelector) > 0 || (p.Spec.Affinity != nil && p.Spec.Affinity.NodeAffinity != nil &&
		p.Spec.Affinity.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution != nil) ||
		c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec)
	pick := func(skip func(r classify.SchedReason) bool) string {
		best, bestCount := "", -1
		for _, r := range sc.Reasons {
			if skip(r) {
				continue
			}
			if r.Count > bestCount || (r.Count == bestCount && classify.CodeBefore(r.Code, best)) {
				best, bestCount = r.Code, r.Count
			}
		}
		return best
	}
	// Only node selection is the pod's own choice; pod (anti-)affinity and
	// topology spread failures are real blockers.
	intended := func(r classify.SchedReason) bool {
		nodeSel := nodeSelectorReason(r.Text)
		// Positive pod affinity is a choice too: the pod asks to run
		// beside certain pods, so nodes without them are excluded on
		// purpose, and what stops it on the nodes that have them is the
		// message's other reason.
		return r.Code == classify.UnschedAffinity && (nodeSel && (hasSelector || strings.Contains(r.Text, "[NodeAffinity]")) ||
			r.PodAffinity && len(sc.Reasons) > 1)
	}
	placement := func(r classify.SchedReason) bool {
		return intended(r) || r.Code == classify.UnschedTaints || r.Code == classify.UnschedCordoned
	}
	if sc.Plain != "" || len(sc.Reasons) == 0 {
		return sc.Code
	}
	if len(c.s.Nodes) > 0 {
		req := nodeaffinity.GetRequiredNodeAffinity(p)
		var cand, cordoned, tainted int
		for _, n := range c.s.Nodes {
			if ok, _ := req.Match(n); !ok {
				continue
			}
			cand++
			switch {
			case n.Spec.Unschedulable && !tolerates(p.Spec.Tolerations, unschedulableTaint):
				cordoned++
			case hasUntoleratedTaint(p, n):
				tainted++
			}
		}
		switch {
		case cand == 0 && hasSelector:
			return classify.UnschedAffinity
		case cand > 0 && cordoned+tainted == cand:
			if tainted >= cordoned {
				return classify.UnschedTaints
			}
			return classify.UnschedCordoned
		}
	}
	// Schedulers before 1.9 or so count a node once per failing
	// predicate, so counts can add up to more than the nodes. When the
	// placement reasons alone account for every node, the others were
	// counted on nodes excluded anyway: the blocker is the placement
	// reason that is not the pod's own choice (the node its selector
	// allows is cordoned or tainted).
	placed := 0
	for _, r := range sc.Reasons {
		if placement(r) {
			placed += r.Count
		}
	}
	if sc.Total > 0 && placed >= sc.Total {
		if best := pick(func(r classify.SchedReason) bool { return intended(r) || !placement(r) }); best != "" {
			return best
		}
	}
	if best := pick(placement); best != "" {
		return best
	}
	if best := pick(intended); best != "" {
		return best
	}
	return sc.Code
}

// unschedulableTaint is what a cordoned node carries; pods that tolerate
// it (DaemonSet pods do) pass the NodeUnschedulable filter.
var unschedulableTaint = corev1.Taint{Key: "node.kubernetes.io/unschedulable", Effect: corev1.TaintEffectNoSchedule}

func hasUntoleratedTaint(p *corev1.Pod, n *corev1.Node) bool {
	for _, t := range n.Spec.Taints {
		if (t.Effect == corev1.TaintEffectNoSchedule || t.Effect == corev1.TaintEffectNoExecute) && !tolerates(p.Spec.Tolerations, t) {
			return true
		}
	}
	return false
}

// explainPreemption says whether evicting lower-priority pods could help:
// not when every node answered "Preemption is not helpful" or "No
// preemption victims found".
func (c *ctx) explainPreemption(f *Finding, sc classify.Sched) {
	if !sc.HasPreemption || len(sc.Preemption) == 0 {
		return
	}
	hopeless := 0
	var parts []string
	for _, r := range sc.Preemption {
		if strings.Contains(r.Text, "not helpful") || strings.Contains(r.Text, "No preemption victims") || strings.Contains(r.Text, "No victims") {
			hopeless += r.Count
		}
		parts = append(parts, fmt.Sprintf("%d %s", r.Count, r.Text))
	}
	note := i18n.T("pending.preempt.some")
	if hopeless >= sc.Total && sc.Total > 0 {
		note = i18n.T("pending.preempt.none")
	}
	f.Evidence = append(f.Evidence, Evidence{Kind: "status", Object: f.Subject, Field: "preemption", Text: strings.Join(parts, ", "), Note: note})
}

// explainResources does the capacity maths: what the pod requests against
// allocatable minus the requests of non-terminated pods on each node.
func (c *ctx) explainResources(f *Finding, p *corev1.Pod, sc classify.Sched) {
	req := podRequests(p)
	// The resource short on the most nodes first: "2 Insufficient memory,
	// 9 Insufficient cpu" is a CPU story.
	var resNames []string
	count := map[string]int{}
	for _, r := range sc.Reasons {
		if r.Code == classify.UnschedResources && r.Resource != "" {
			if _, seen := count[r.Resource]; !seen {
				resNames = append(resNames, r.Resource)
			}
			count[r.Resource] += r.Count
		}
	}
	if len(resNames) == 0 {
		resNames = []string{"cpu"}
	}
	f.groupKey = strings.Join(resNames, ",")
	sort.SliceStable(resNames, func(i, j int) bool { return count[resNames[i]] > count[resNames[j]] })
	first := corev1.ResourceName(resNames[0])
	cands := c.candidates(p, first)
	want := req[first]
	wantS := fmtQty(first, want)
	if want.IsZero() {
		wantS = "0"
	}
	specHidden := c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) ||
		len(p.Spec.Containers) > 0 && strings.HasPrefix(p.Spec.Containers[0].Name, "<")
	switch {
	case specHidden:
		// The pod's requests are not in the input: no maths with zeros.
		f.Headline = i18n.T("pending.res.head-unknown", string(first))
		if len(cands) > 0 {
			f.Headline = i18n.T("pending.res.head-hidden", string(first), cands[0].free, cands[0].node)
		}
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.requests"))
		if !c.s.Has(snapshot.KindNode) {
			f.Unchecked = append(f.Unchecked, i18n.T("unchecked.nodes"))
		}
	case len(cands) > 0:
		var closest []string
		for i, cd := range cands {
			if i == 3 {
				break
			}
			closest = append(closest, fmt.Sprintf("%s %s", cd.node, cd.free))
		}
		f.Headline = i18n.T("pending.res.head", string(first), wantS, cands[0].free, cands[0].node)
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: podObj(p), Field: "spec.containers[*].resources.requests." + string(first),
			Text: wantS, Note: i18n.T("pending.res.closest", string(first), i18n.List(closest))})
	case !c.s.Has(snapshot.KindNode):
		f.Headline = i18n.T("pending.res.head-nonodes", string(first), wantS)
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.nodes"))
	default:
		f.Headline = i18n.T("pending.res.head-noready", string(first), wantS)
	}
	for _, r := range resNames[1:] {
		if specHidden {
			break
		}
		rn := corev1.ResourceName(r)
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: podObj(p), Field: "spec.containers[*].resources.requests." + r, Text: fmtQty(rn, req[rn])})
	}
	f.Explain = i18n.T("pending.res.why")
	cn := ""
	if len(p.Spec.Containers) > 0 {
		cn = p.Spec.Containers[0].Name
	}
	f.Steps = append(f.Steps, Step{Text: i18n.T("pending.res.step.top"), Command: kubectl("", "describe", "nodes").Pipe("grep", "-A", "8", "Allocated resources")})
	f.Steps = append(f.Steps, c.resourceSteps(p, cn, i18n.T("pending.res.step.lower", string(first)), map[corev1.ResourceName]string{first: "<smaller>"}, nil)...)
	f.Steps = append(f.Steps, Step{Text: i18n.T("pending.res.step.nodes")})
}

// cand is a node and how much of a resource it has free.
type cand struct {
	node string
	free string
	cmp  int64
}

// candidates are the Ready, schedulable nodes the pod may use, most free
// first. Pods of one workload share selector and tolerations, so the list
// is computed once per placement.
func (c *ctx) candidates(p *corev1.Pod, res corev1.ResourceName) []cand {
	var b strings.Builder
	fmt.Fprint(&b, res, p.Spec.NodeSelector)
	for _, t := range p.Spec.Tolerations {
		fmt.Fprintf(&b, "|%s %s %s %s", t.Key, t.Operator, t.Value, t.Effect)
	}
	if a := p.Spec.Affinity; a != nil && a.NodeAffinity != nil {
		b.WriteString("|" + a.NodeAffinity.String())
	}
	key := b.String()
	if c.candCache == nil {
		c.candCache = map[string][]cand{}
	}
	if cs, ok := c.candCache[key]; ok {
		return cs
	}
	var cands []cand
	for _, n := range c.s.Nodes {
		if (n.Spec.Unschedulable && !tolerates(p.Spec.Tolerations, unschedulableTaint)) || nodeReady(n) != corev1.ConditionTrue || !podFitsNode(p, n) {
			continue
		}
		q, ok := c.freeOn(n)[res]
		if !ok {
			q = n.Status.Allocatable[res]
		}
		cands = append(cands, cand{n.Name, "", q.MilliValue()})
	}
	sort.Slice(cands, func(i, j int) bool {
		if cands[i].cmp != cands[j].cmp {
			return cands[i].cmp > cands[j].cmp
		}
		return cands[i].node < cands[j].node
	})
	if len(cands) > 3 {
		cands = cands[:3]
	}
	for i := range cands {
		q, ok := c.freeOn(c.s.Node(cands[i].node))[res]
		if !ok {
			q = c.s.Node(cands[i].node).Status.Allocatable[res]
		}
		cands[i].free = fmtQty(res, q)
	}
	c.candCache[key] = cands
	return cands
}

// podFitsNode: the node passes the pod's node selector and its NoSchedule
// taints are tolerated — the nodes a resource shortage is measured on.
func podFitsNode(p *corev1.Pod, n *corev1.Node) bool {
	if ok, _ := nodeaffinity.GetRequiredNodeAffinity(p).Match(n); !ok {
		return false
	}
	return !hasUntoleratedTaint(p, n)
}

// explainHostPort names the pods already holding the pod's host ports.
func (c *ctx) explainHostPort(f *Finding, p *corev1.Pod) {
	type hp struct {
		port  int32
		proto corev1.Protocol
	}
	want := map[hp]bool{}
	var wantS []string
	for _, ct := range p.Spec.Containers {
		for _, port := range ct.Ports {
			if port.HostPort != 0 {
				proto := port.Protocol
				if proto == "" {
					proto = corev1.ProtocolTCP
				}
				want[hp{port.HostPort, proto}] = true
				wantS = append(wantS, fmt.Sprintf("%d/%s", port.HostPort, proto))
			}
		}
	}
	var holders []string
	for _, other := range c.s.Pods {
		if other.UID == p.UID || other.Spec.NodeName == "" || terminated(other) {
			continue
		}
		for _, ct := range other.Spec.Containers {
			for _, port := range ct.Ports {
				proto := port.Protocol
				if proto == "" {
					proto = corev1.ProtocolTCP
				}
				if port.HostPort != 0 && want[hp{port.HostPort, proto}] {
					holders = append(holders, fmt.Sprintf("%s/%s@%s(%d)", other.Namespace, other.Name, other.Spec.NodeName, port.HostPort))
				}
			}
		}
	}
	if out := c.s.Outside; out != nil {
		for _, h := range out.HostPorts {
			if want[hp{h.Port, h.Protocol}] {
				holders = append(holders, fmt.Sprintf("%s/%s@%s(%d)", h.Namespace, h.Pod, h.Node, h.Port))
			}
		}
	}
	sort.Strings(holders)
	f.groupKey = strings.Join(wantS, ",")
	f.Headline = i18n.T("pending.hostport.head", i18n.List(wantS))
	if len(wantS) == 0 {
		// The pod's ports are not in the input.
		f.Headline = i18n.T("pending.hostport.head-unseen")
		if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) {
			f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.spec"))
		}
	}
	if len(holders) > 0 {
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: podObj(p), Text: strings.Join(holders, ", "), Note: i18n.T("pending.hostport.holders")})
	}
	f.Explain = i18n.T("pending.hostport.why")
	f.Steps = append(f.Steps,
		Step{Text: i18n.T("pending.hostport.step.find"), Command: kubectl("", "get", "pods", "-A", "-o", "wide", "--field-selector=status.phase=Running").Pipe("grep", "-w", "<node>")},
		Step{Text: i18n.T("pending.hostport.step.service")},
	)
}

// tolerates follows the scheduler's toleration matching
// (k8s.io/api/core/v1 Toleration.ToleratesTaint).
func tolerates(tols []corev1.Toleration, t corev1.Taint) bool {
	for _, tol := range tols {
		if tol.Effect != "" && tol.Effect != t.Effect {
			continue
		}
		if tol.Key == "" && tol.Operator == corev1.TolerationOpExists {
			return true
		}
		if tol.Key != t.Key {
			continue
		}
		switch tol.Operator {
		case corev1.TolerationOpExists:
			return true
		case "", corev1.TolerationOpEqual:
			if tol.Value == t.Value {
				return true
			}
		}
	}
	return false
}

// explainTaints lists the taints the pod does not tolerate, node by node,
// finding them on the Node objects when the message only says "untolerated
// taint(s)" (1.25+).
func (c *ctx) explainTaints(f *Finding, p *corev1.Pod, sc classify.Sched) {
	byTaint := map[string][]string{}
	taints := map[string]corev1.Taint{}
	for _, n := range c.s.Nodes {
		for _, t := range n.Spec.Taints {
			if t.Effect == corev1.TaintEffectPreferNoSchedule || tolerates(p.Spec.Tolerations, t) {
				continue
			}
			k := taintString(t)
			byTaint[k] = append(byTaint[k], n.Name)
			taints[k] = t
		}
	}
	if len(byTaint) == 0 {
		for _, r := range sc.Reasons {
			if r.TaintKey != "" {
				t := corev1.Taint{Key: r.TaintKey, Value: r.TaintValue, Effect: corev1.TaintEffectNoSchedule}
				k := r.TaintKey
				if r.TaintValue != "" {
					k += "=" + r.TaintValue
				}
				byTaint[k] = append(byTaint[k], fmt.Sprintf("%d node(s)", r.Count))
				taints[k] = t
			}
		}
	}
	keys := sortedKeys(byTaint)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s (%s)", k, strings.Join(byTaint[k], ", ")))
	}
	f.Headline = i18n.T("pending.taint.head", i18n.List(keys))
	if len(keys) == 0 {
		f.Headline = i18n.T("pending.taint.head-unnamed")
	}
	if other := selectorExcluded(sc); other > 0 {
		f.Evidence = append(f.Evidence, Evidence{Kind: "status", Object: podObj(p), Field: "FailedScheduling", Text: fmt.Sprintf("%d node(s) didn't match the node selector", other),
			Note: i18n.T("pending.selected.note", other)})
	}
	// The group key stays empty: the taints come from Node objects, which
	// one input may hold and another not, and the finding's ID must not
	// depend on that.
	if len(parts) > 0 {
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: nodeObj(""), Field: "spec.taints", Text: strings.Join(parts, "; "), Note: i18n.T("pending.taint.nodes")})
	}
	if !c.s.Has(snapshot.KindNode) {
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.nodes"))
	}
	f.Explain = i18n.T("pending.taint.why")
	for _, k := range keys {
		t := taints[k]
		if why := taintMeaning(t.Key); !why.IsZero() {
			f.Steps = append(f.Steps, Step{Text: why})
			continue
		}
		f.Steps = append(f.Steps, c.tolerateStep(p, t, i18n.T("pending.taint.step.tolerate", k)))
	}
}

func taintString(t corev1.Taint) string {
	if t.Value == "" {
		return t.Key + ":" + string(t.Effect)
	}
	return t.Key + "=" + t.Value + ":" + string(t.Effect)
}

// taintMeaning explains the taints Kubernetes itself sets: for these the
// fix is the node's condition, not a toleration.
func taintMeaning(key string) i18n.Msg {
	switch key {
	case "node.kubernetes.io/not-ready":
		return i18n.T("taint.not-ready")
	case "node.kubernetes.io/unreachable":
		return i18n.T("taint.unreachable")
	case "node.kubernetes.io/disk-pressure":
		return i18n.T("taint.disk-pressure")
	case "node.kubernetes.io/memory-pressure":
		return i18n.T("taint.memory-pressure")
	case "node.kubernetes.io/pid-pressure":
		return i18n.T("taint.pid-pressure")
	case "node.kubernetes.io/network-unavailable":
		return i18n.T("taint.network-unavailable")
	case "node.kubernetes.io/unschedulable":
		return i18n.T("taint.unschedulable")
	case "node-role.kubernetes.io/control-plane", "node-role.kubernetes.io/master":
		return i18n.T("taint.control-plane")
	case "node.cloudprovider.kubernetes.io/uninitialized":
		return i18n.T("taint.uninitialized")
	}
	return i18n.Msg{}
}

// explainAffinity shows the selector and the labels nodes actually have.
func (c *ctx) explainAffinity(f *Finding, p *corev1.Pod, sc classify.Sched) {
	var terms []string
	keys := map[string]bool{}
	for _, k := range sortedKeys(p.Spec.NodeSelector) {
		terms = append(terms, k+"="+p.Spec.NodeSelector[k])
		keys[k] = true
	}
	if a := p.Spec.Affinity; a != nil && a.NodeAffinity != nil && a.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution != nil {
		for _, t := range a.NodeAffinity.RequiredDuringSchedulingIgnoredDuringExecution.NodeSelectorTerms {
			for _, e := range t.MatchExpressions {
				terms = append(terms, fmt.Sprintf("%s %s %s", e.Key, e.Operator, strings.Join(e.Values, ",")))
				keys[e.Key] = true
			}
		}
	}
	other := ""
	for _, r := range sc.Reasons {
		if r.Code == classify.UnschedAffinity && !nodeSelectorReason(r.Text) {
			other = r.Text
		}
	}
	f.groupKey = strings.Join(terms, ",")
	if other != "" {
		// Pod affinity or topology spread, not the node selector, blocks.
		f.Headline = i18n.T("pending.affinity.head-other", other)
		f.groupKey = other
	} else {
		f.Headline = i18n.T("pending.affinity.head", i18n.List(terms))
		if len(terms) == 0 {
			// The pod's selector is not in the input (or not printed).
			f.Headline = i18n.T("pending.affinity.head-unseen")
			if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) {
				f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.spec"))
			}
		}
	}
	if len(terms) > 0 {
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.nodeSelector / spec.affinity.nodeAffinity", strings.Join(terms, "; ")))
	}
	if a := p.Spec.Affinity; a != nil && (a.PodAffinity != nil || a.PodAntiAffinity != nil) {
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.affinity.podAffinity/podAntiAffinity", describePodAffinity(a)))
	}
	if len(p.Spec.TopologySpreadConstraints) > 0 {
		var ts []string
		for _, t := range p.Spec.TopologySpreadConstraints {
			ts = append(ts, fmt.Sprintf("%s maxSkew=%d %s", t.TopologyKey, t.MaxSkew, t.WhenUnsatisfiable))
		}
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.topologySpreadConstraints", strings.Join(ts, "; ")))
	}
	// The labels present on nodes for the keys the pod asks about.
	for _, k := range sortedKeys(keys) {
		vals := map[string]int{}
		for _, n := range c.s.Nodes {
			if v, ok := n.Labels[k]; ok {
				vals[v]++
			}
		}
		if len(vals) == 0 {
			f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: nodeObj(""), Field: "metadata.labels", Text: k, Note: i18n.T("pending.affinity.nolabel", k, len(c.s.Nodes))})
			continue
		}
		var vs []string
		for _, v := range sortedKeys(vals) {
			vs = append(vs, fmt.Sprintf("%s=%s (%d)", k, v, vals[v]))
		}
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: nodeObj(""), Field: "metadata.labels", Text: strings.Join(vs, ", "), Note: i18n.T("pending.affinity.labels")})
	}
	f.Explain = i18n.T("pending.affinity.why")
	f.Steps = append(f.Steps, Step{Text: i18n.T("pending.affinity.step.labels"), Command: kubectl("", "get", "nodes", "--show-labels")})
	for _, k := range sortedKeys(p.Spec.NodeSelector) {
		f.Steps = append(f.Steps, Step{Text: i18n.T("pending.affinity.step.label"), Command: kubectl("", "label", "node", "<node>", k+"="+p.Spec.NodeSelector[k]), Changes: true})
		break
	}
}

// selectorExcluded counts the nodes the scheduler says the pod's node
// selector or affinity rules out.
func selectorExcluded(sc classify.Sched) int {
	n := 0
	for _, r := range sc.Reasons {
		if r.Code == classify.UnschedAffinity && nodeSelectorReason(r.Text) {
			n += r.Count
		}
	}
	return n
}

// nodeSelectorReason: the scheduler's reason is about the pod's node
// selector or required node affinity, in any version's words.
func nodeSelectorReason(text string) bool {
	return strings.Contains(text, "node affinity/selector") || strings.Contains(text, "node selector") ||
		strings.Contains(text, "[NodeAffinity]") || strings.Contains(text, "scheduler-enforced node affinity") ||
		text == "MatchNodeSelector"
}

func describePodAffinity(a *corev1.Affinity) string {
	var parts []string
	if a.PodAffinity != nil {
		for _, t := range a.PodAffinity.RequiredDuringSchedulingIgnoredDuringExecution {
			parts = append(parts, "affinity "+selectorString(t.LabelSelector)+" topologyKey="+t.TopologyKey)
		}
	}
	if a.PodAntiAffinity != nil {
		for _, t := range a.PodAntiAffinity.RequiredDuringSchedulingIgnoredDuringExecution {
			parts = append(parts, "anti-affinity "+selectorString(t.LabelSelector)+" topologyKey="+t.TopologyKey)
		}
	}
	return strings.Join(parts, "; ")
}

// explainVolume follows the pod's claims to their PVC, StorageClass and
// provisioner events.
func (c *ctx) explainVolume(f *Finding, p *corev1.Pod, sc classify.Sched) {
	missing := ""
	for _, r := range sc.Reasons {
		if r.Claim != "" {
			missing = r.Claim
		}
	}
	var claims []string
	for _, v := range p.Spec.Volumes {
		if v.PersistentVolumeClaim != nil {
			claims = append(claims, v.PersistentVolumeClaim.ClaimName)
		} else if v.Ephemeral != nil {
			claims = append(claims, p.Name+"-"+v.Name)
		}
	}
	// The key is the claims the pod names (spec), not what the checks
	// below find, so every input gives the same finding ID.
	f.groupKey = strings.Join(claims, ",")
	if missing != "" {
		f.groupKey = "missing:" + missing
		f.Headline = i18n.T("pending.vol.missing.head", missing)
		f.Explain = i18n.T("pending.vol.missing.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("pending.vol.step.get"), Command: kubectl(p.Namespace, "get", "pvc")})
		if o := c.ownerOf(p); o.Top.Kind == "StatefulSet" {
			f.Steps = append(f.Steps, Step{Text: i18n.T("pending.vol.step.sts", o.Top.Name)})
		}
		return
	}
	if volumeNodeConflict(sc) {
		c.explainVolumeZone(f, p, sc, claims)
		return
	}
	f.Headline = i18n.T("pending.vol.head", i18n.List(claims))
	if len(claims) == 0 {
		f.Headline = i18n.T("pending.vol.head-unnamed")
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.pvc"))
	}
	f.Explain = i18n.T("pending.vol.why")
	for _, name := range claims {
		pvc := c.s.PVC(p.Namespace, name)
		if pvc == nil {
			if c.s.Has(snapshot.KindPVC) {
				f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: "PersistentVolumeClaim", Namespace: p.Namespace, Name: name}, Text: "not found"})
			} else {
				f.Unchecked = append(f.Unchecked, i18n.T("unchecked.pvc"))
			}
			continue
		}
		ref := snapshot.ObjectRef{Kind: "PersistentVolumeClaim", Namespace: p.Namespace, Name: name, UID: pvc.UID}
		scName := ""
		if pvc.Spec.StorageClassName != nil {
			scName = *pvc.Spec.StorageClassName
		}
		f.Evidence = append(f.Evidence, statusEvidence(ref, "status.phase", fmt.Sprintf("%s (storageClassName: %s)", pvc.Status.Phase, orNone(scName))))
		for _, e := range c.s.EventsFor(ref) {
			if e.Type == "Warning" || e.Reason == "ExternalProvisioning" || e.Reason == "WaitForFirstConsumer" || e.Reason == "WaitForPodScheduled" {
				f.Evidence = append(f.Evidence, eventEvidence(e))
			}
		}
		switch {
		case scName == "" && pvc.Spec.VolumeName == "":
			if def := defaultStorageClass(c.s.StorageClasses); def == nil && c.s.Has(snapshot.KindStorageClass) {
				f.Headline = i18n.T("pending.vol.nodefault.head", name)
			}
		case scName != "" && c.s.Has(snapshot.KindStorageClass) && c.s.StorageClass(scName) == nil:
			f.Headline = i18n.T("pending.vol.nosc.head", name, scName)
			f.Steps = append(f.Steps, Step{Text: i18n.T("pending.vol.step.sc"), Command: kubectl("", "get", "storageclass")})
		case scName != "":
			if cls := c.s.StorageClass(scName); cls != nil {
				mode := "Immediate"
				if cls.VolumeBindingMode != nil {
					mode = string(*cls.VolumeBindingMode)
				}
				f.Evidence = append(f.Evidence, specEvidence(snapshot.ObjectRef{Kind: "StorageClass", Name: scName}, "provisioner", cls.Provisioner+" (volumeBindingMode: "+mode+")"))
				f.Steps = append(f.Steps, Step{Text: i18n.T("pending.vol.step.provisioner", cls.Provisioner)})
			}
		}
	}
	f.Steps = append(f.Steps, Step{Text: i18n.T("pending.vol.step.describe"), Command: kubectl(p.Namespace, "describe", "pvc")})
}

// explainVolumeZone: a claim is bound to a volume that only some nodes
// can use (a cloud disk lives in one zone, a local volume on one node),
// and none of those nodes can take the pod.
func (c *ctx) explainVolumeZone(f *Finding, p *corev1.Pod, sc classify.Sched, claims []string) {
	conflict, other := 0, map[string]int{}
	var otherCodes []string
	for _, r := range sc.Reasons {
		switch {
		case r.VolumeNodeConflict:
			conflict += r.Count
		case r.Code == classify.UnschedResources:
			if _, ok := other[r.Text]; !ok {
				otherCodes = append(otherCodes, r.Text)
			}
			other[r.Text] += r.Count
		}
	}
	var short, resources []string
	for _, t := range otherCodes {
		short = append(short, fmt.Sprintf("%d %s", other[t], t))
	}
	short4 := map[string]int{}
	for _, r := range sc.Reasons {
		if r.Code == classify.UnschedResources && r.Resource != "" {
			if !slices.Contains(resources, r.Resource) {
				resources = append(resources, r.Resource)
			}
			short4[r.Resource] += r.Count
		}
	}
	sort.SliceStable(resources, func(i, j int) bool { return short4[resources[i]] > short4[resources[j]] })
	claim := "<pvc>"
	if len(claims) > 0 {
		claim = claims[0]
	}
	f.groupKey = "zone:" + strings.Join(claims, ",")
	f.Headline = i18n.T("pending.vol.zone.head", i18n.List(claims))
	if len(claims) == 0 {
		f.Headline = i18n.T("pending.vol.zone.head-unnamed")
	}
	if len(resources) > 0 {
		// Where the volume can go, nodes are short of these.
		f.Headline = i18n.T("pending.vol.zone.head-res", i18n.List(claims), i18n.List(resources))
		if len(claims) == 0 {
			f.Headline = i18n.T("pending.vol.zone.head-res-unnamed", i18n.List(resources))
		}
	}
	if len(short) > 0 {
		f.Evidence = append(f.Evidence, Evidence{Kind: "status", Object: podObj(p), Field: "FailedScheduling", Text: strings.Join(short, ", "),
			Note: i18n.T("pending.vol.zone.short", conflict)})
	}
	// The cluster autoscaler says the same when no node group can help.
	if e := latestEvent(c.eventsOf(p), "", func(e *snapshot.Event) bool { return e.Reason == "NotTriggerScaleUp" }); e != nil {
		f.Evidence = append(f.Evidence, eventEvidence(e))
	}
	for _, name := range claims {
		pvc := c.s.PVC(p.Namespace, name)
		if pvc == nil || pvc.Spec.VolumeName == "" {
			continue
		}
		if pv := c.s.PV(pvc.Spec.VolumeName); pv != nil && pv.Spec.NodeAffinity != nil && pv.Spec.NodeAffinity.Required != nil {
			var terms []string
			for _, t := range pv.Spec.NodeAffinity.Required.NodeSelectorTerms {
				for _, e := range t.MatchExpressions {
					terms = append(terms, fmt.Sprintf("%s %s %s", e.Key, e.Operator, strings.Join(e.Values, ",")))
				}
			}
			f.Evidence = append(f.Evidence, specEvidence(snapshot.ObjectRef{Kind: "PersistentVolume", Name: pv.Name}, "spec.nodeAffinity", strings.Join(terms, "; ")))
		}
	}
	if len(claims) == 0 && c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) {
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.pvc"))
	}
	f.Explain = i18n.T("pending.vol.zone.why")
	f.Steps = append(f.Steps,
		Step{Text: i18n.T("pending.vol.zone.step.pv"), Command: kubectl(p.Namespace, "get", "pvc", claim, "-o", "jsonpath={.spec.volumeName}").PipeCmd(sh("xargs", "kubectl", "get", "pv", "-o", "jsonpath={.spec.nodeAffinity}"))},
		Step{Text: i18n.T("pending.vol.zone.step.nodes"), Command: kubectl("", "get", "nodes", "-L", "topology.kubernetes.io/zone")},
		Step{Text: i18n.T("pending.vol.zone.step.fix")})
}

func orNone(s string) string {
	if s == "" {
		return "<none>"
	}
	return s
}

func defaultStorageClass(scs []*storagev1.StorageClass) *storagev1.StorageClass {
	for _, s := range scs {
		if s.Annotations["storageclass.kubernetes.io/is-default-class"] == "true" {
			return s
		}
	}
	return nil
}

func (c *ctx) explainCordoned(f *Finding, p *corev1.Pod, sc classify.Sched) {
	var cordoned []string
	for _, n := range c.s.Nodes {
		if n.Spec.Unschedulable {
			cordoned = append(cordoned, n.Name)
		}
	}
	count := len(cordoned)
	if !c.s.Has(snapshot.KindNode) {
		// The nodes are not in the input: the scheduler's count says.
		count = 0
		for _, r := range sc.Reasons {
			if r.Code == classify.UnschedCordoned {
				count += r.Count
			}
		}
	}
	f.Headline = i18n.T("pending.cordon.head", count)
	if other := selectorExcluded(sc); other > 0 {
		// The selector leaves only the cordoned node(s).
		f.Headline = i18n.T("pending.cordon.head-selected", count, other)
	}
	if !c.s.Has(snapshot.KindNode) {
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.nodes"))
	}
	if len(cordoned) > 0 {
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: nodeObj(""), Field: "spec.unschedulable", Text: strings.Join(cordoned, ", "), Note: i18n.T("pending.cordon.nodes")})
	}
	f.Explain = i18n.T("pending.cordon.why")
	node := "<node>"
	if len(cordoned) > 0 {
		node = cordoned[0]
	}
	f.Steps = append(f.Steps, Step{Text: i18n.T("pending.cordon.step.uncordon"), Command: kubectl("", "uncordon", node), Changes: true})
}

// notScheduled: Pending with no node, no FailedScheduling event, and past
// the start-up grace. Either no scheduler is running, or the pod names a
// scheduler that does not exist.
func (c *ctx) notScheduled(p *corev1.Pod) *Finding {
	sched := p.Spec.SchedulerName
	if sched == "" {
		// The API server defaults it; only pasted describe text, which
		// does not print it, leaves it empty.
		sched = "default-scheduler"
	}
	if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenEvents) {
		// The paste shows no events of this pod: the scheduler may well
		// have said why; that is not visible, so nothing is claimed.
		f := c.newPodFinding(p, Error, ClassPending, "NotScheduled", "unseen")
		f.Headline = i18n.T("pending.unseen.head")
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.phase", "Pending"))
		f.Explain = i18n.T("pending.unseen.why")
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.schedule"))
		f.Steps = append(f.Steps, Step{Text: i18n.T("pending.unseen.step"), Command: kubectl(p.Namespace, "get", "events", "--field-selector", "involvedObject.name="+p.Name)})
		return f
	}
	f := c.newPodFinding(p, Error, ClassPending, "NotScheduled", sched)
	if p.Spec.SchedulerName == "" && c.s.FromText {
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.scheduler"))
	}
	phase := fmt.Sprintf("Pending for %s, spec.nodeName empty, no FailedScheduling event", i18n.Age(c.age(p.CreationTimestamp.Time)))
	if c.s.AgeUnknown[p.Namespace+"/"+p.Name] {
		phase = "Pending, spec.nodeName empty, no FailedScheduling event"
	}
	f.Evidence = append(f.Evidence,
		statusEvidence(podObj(p), "status.phase", phase),
		specEvidence(podObj(p), "spec.schedulerName", sched))
	if sched != "default-scheduler" {
		used := 0
		for _, o := range c.s.Pods {
			if o.Spec.SchedulerName == sched && o.Spec.NodeName != "" {
				used++
			}
		}
		if out := c.s.Outside; out != nil {
			used += out.Schedulers[sched]
		}
		f.Headline = i18n.T("pending.nosched.custom.head", sched)
		if used == 0 {
			f.Explain = i18n.T("pending.nosched.custom.why-none", sched)
		} else {
			f.Explain = i18n.T("pending.nosched.custom.why-some", sched, used)
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("pending.nosched.step.find"), Command: kubectl("", "get", "pods", "-A", "-o", "wide").Pipe(grepFor(sched, "-i")...)},
			Step{Text: i18n.T("pending.nosched.step.default")})
		return f
	}
	f.Headline = i18n.T("pending.nosched.head")
	f.Explain = i18n.T("pending.nosched.why")
	for _, sp := range c.s.PodsInNamespace("kube-system") {
		if isSchedulerPod(sp) && !podConditionTrue(sp, corev1.PodReady) {
			f.Evidence = append(f.Evidence, statusEvidence(podObj(sp), "status", PodStatus(sp)))
		}
	}
	if out := c.s.Outside; out != nil {
		for _, sp := range out.SchedulerPods {
			if !sp.Ready {
				f.Evidence = append(f.Evidence, statusEvidence(sp.Ref, "status", sp.Status))
			}
		}
	}
	f.Steps = append(f.Steps,
		Step{Text: i18n.T("pending.nosched.step.check"), Command: kubectl("kube-system", "get", "pods", "-l", "component=kube-scheduler")},
		Step{Text: i18n.T("pending.nosched.step.logs"), Command: kubectl("kube-system", "logs", "-l", "component=kube-scheduler", "--tail=50")})
	return f
}

// gated: the pod waits for its scheduling gates to be removed.
func (c *ctx) gated(p *corev1.Pod) *Finding {
	var gates []string
	for _, g := range p.Spec.SchedulingGates {
		gates = append(gates, g.Name)
	}
	f := c.newPodFinding(p, Warning, ClassPending, "NotScheduled", "gated")
	f.Headline = i18n.T("pending.gated.head", i18n.List(gates))
	f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.schedulingGates", strings.Join(gates, ", ")))
	f.Explain = i18n.T("pending.gated.why")
	f.Steps = append(f.Steps, Step{Text: i18n.T("pending.gated.step"), Command: kubectl(p.Namespace, "get", "pod", orPlaceholder(p.Name, "<pod>"), "-o", "jsonpath={.spec.schedulingGates}")})
	return f
}
