// Package classify reads the messages Kubernetes components write — the
// scheduler's FailedScheduling text, kubelet events, container status
// messages from containerd, CRI-O and dockershim, admission errors — and
// names the cause. It is built from the format strings in those sources
// (see docs/messages.md), not from samples.
package classify

import (
	"regexp"
	"strconv"
	"strings"
)

// Reason codes produced from scheduler messages.
const (
	UnschedResources = "Unschedulable/Resources"
	UnschedHostPort  = "Unschedulable/HostPort"
	UnschedTaints    = "Unschedulable/Taints"
	UnschedAffinity  = "Unschedulable/Affinity"
	UnschedVolume    = "Unschedulable/Volume"
	UnschedCordoned  = "Unschedulable/Cordoned"
	UnschedNoNodes   = "Unschedulable/NoNodes"
	UnschedOther     = "Unschedulable/Other"
)

// SchedReason is one "<count> <reason>" item of a FailedScheduling message.
type SchedReason struct {
	Count int    // nodes with this reason; 0 when the item had no count
	Text  string // the reason text as written
	Code  string
	// Resource is set for "Insufficient <resource>" ("cpu", "nvidia.com/gpu")
	// and "Too many pods" ("pods").
	Resource string
	// TaintKey/TaintValue are set when the message names the taint
	// (versions before 1.25 or so); newer ones say "untolerated taint(s)".
	TaintKey, TaintValue string
	// Claim is set for "persistentvolumeclaim \"x\" not found".
	Claim string
	// StorageClass for "storageclass.storage.k8s.io \"x\" not found".
	StorageClass string
	// VolumeNodeConflict is set for a bound volume whose node affinity
	// (for cloud disks: its zone) the node does not match.
	VolumeNodeConflict bool
	// PodAffinity is set for "didn't match pod affinity rules": the pod
	// asks to run beside pods it names, which these nodes do not have.
	PodAffinity bool
}

// Sched is a parsed FailedScheduling message.
type Sched struct {
	Available, Total int // "0/5 nodes are available"
	Reasons          []SchedReason
	Preemption       []SchedReason // after "preemption: 0/5 nodes are available:"
	HasPreemption    bool
	// Code is the reason blocking the most nodes, ties broken by code order.
	Code string
	// Plain is set when the message is not in the "0/N nodes" frame
	// (binding errors, "no nodes available to schedule pods", …).
	Plain string
}

var (
	fitFrame = regexp.MustCompile(`^(\d+)/(\d+) nodes are available(?::\s*|\.?$)`)
	// fitAnywhere finds the frame inside other text: a log line
	// (err="0/3 nodes are available: …"), prose, a YAML condition.
	fitAnywhere = regexp.MustCompile(`(?:^|[^\d/])(\d+/\d+ nodes are available)(?::|\.|$)`)
	countItem   = regexp.MustCompile(`^(\d+) (.*)$`)
	taintNamed  = regexp.MustCompile(`taints? \{([^:{}]+):\s?([^{}]*)\}`)
	pvcMissing  = regexp.MustCompile(`persistentvolumeclaim "([^"]+)" not found`)
	scMissing   = regexp.MustCompile(`storageclass(?:\.storage\.k8s\.io)? "([^"]+)" not found`)
)

// codeOrder breaks ties between reasons blocking as many nodes.
var codeOrder = []string{UnschedResources, UnschedHostPort, UnschedTaints, UnschedAffinity, UnschedVolume, UnschedCordoned, UnschedNoNodes, UnschedOther}

// CodeBefore reports whether reason code a wins a tie with b.
func CodeBefore(a, b string) bool { return codeRank(a) < codeRank(b) }

func codeRank(c string) int {
	for i, x := range codeOrder {
		if x == c {
			return i
		}
	}
	return len(codeOrder)
}

// ParseSched parses a FailedScheduling event message of any version from
// 1.20 to 1.37.
func ParseSched(msg string) Sched {
	// A paste may carry the frame of a terminal UI after the text
	// (k9s, lens: "… 3 Insufficient cpu.     │").
	msg = strings.TrimRight(Embedded(strings.TrimSpace(msg)), " \t│┃║|")
	var s Sched
	main, pre, hasPre := msg, "", false
	if i := strings.Index(msg, "preemption: "); i >= 0 {
		main, pre, hasPre = msg[:i], msg[i+len("preemption: "):], true
	}
	// Since 1.34 the tail may start "no new claims to deallocate, " (DRA),
	// and some versions say "not eligible"; none of it is a node reason.
	for _, tail := range []string{". no new claims to deallocate", ". not eligible"} {
		if i := strings.Index(main, tail); i >= 0 {
			main = main[:i+1]
		}
	}
	s.HasPreemption = hasPre
	m := fitFrame.FindStringSubmatch(main)
	if m == nil {
		if r, nodes := nodeFitFailures(main); r != nil {
			// Before 1.6: "pod (web-1) failed to fit in any node" and one
			// "fit failure on node (NODE): REASONS" line per node.
			s.Total, s.Reasons = nodes, r
			s.Code = bestCode(r)
			return s
		}
		if r := predicateFrame(main); r != nil {
			// Before 1.8: "No nodes are available that match all of the
			// predicates: Insufficient cpu (19), PodToleratesNodeTaints (10)."
			s.Reasons = r
			s.Code = bestCode(r)
			return s
		}
		if countItem.MatchString(main) && countedStart.MatchString(main) {
			// The list of a FitError whose "0/N nodes are available:"
			// was cut off.
			s.Reasons = splitReasons(main)
			s.Code = bestCode(s.Reasons)
			return s
		}
		s.Plain = msg
		s.Code = plainCode(msg)
		if s.Code == UnschedVolume {
			if mm := pvcMissing.FindStringSubmatch(msg); mm != nil {
				s.Reasons = []SchedReason{{Text: msg, Code: UnschedVolume, Claim: mm[1]}}
			}
		}
		return s
	}
	s.Available, _ = strconv.Atoi(m[1])
	s.Total, _ = strconv.Atoi(m[2])
	s.Reasons = splitReasons(main[len(m[0]):])
	if hasPre {
		pre = strings.TrimSpace(pre)
		if pm := fitFrame.FindStringSubmatch(pre); pm != nil {
			s.Preemption = splitReasons(pre[len(pm[0]):])
		}
	}
	best := bestCode(s.Reasons)
	if best == "" {
		best = UnschedOther
		if s.Total == 0 {
			best = UnschedNoNodes
		}
	}
	s.Code = best
	return s
}

// bestCode is the code of the reason blocking the most nodes, ties
// broken by code order; "" without reasons.
func bestCode(rs []SchedReason) string {
	best, bestCount := "", -1
	for _, r := range rs {
		if r.Count > bestCount || (r.Count == bestCount && CodeBefore(r.Code, best)) {
			best, bestCount = r.Code, r.Count
		}
	}
	return best
}

// The FitError of schedulers before 1.6 (plugin/pkg/scheduler/
// generic_scheduler.go): "pod (%s) failed to fit in any node\n", then
// "fit failure on node (%s): %s\n" for each node, its reasons joined by
// ", ". A reason is the failing predicate's name ("PodToleratesNodeTaints")
// or "Insufficient <resource>", which 1.3 and before spelled CPU, Memory
// and PodCount.
var (
	oldFitNode     = regexp.MustCompile(`fit failure on node \(([^()\s]*)\):`)
	oldFitReason   = regexp.MustCompile(`^(?:Insufficient [\w./-]+|[A-Z][A-Za-z]+)`)
	oldResourceFix = map[string]string{"CPU": "cpu", "Memory": "memory", "PodCount": "pods", "NvidiaGpu": "alpha.kubernetes.io/nvidia-gpu"}
)

// nodeFitFailures reads the node lines of that FitError into reasons
// counted by node, as "0/N nodes are available" counts them, and the
// number of nodes. A paste often has the lines joined by spaces, so a node
// line ends where the next starts; a reason ends at its name, and what
// follows a name that is not ", " is no longer the message.
func nodeFitFailures(msg string) ([]SchedReason, int) {
	locs := oldFitNode.FindAllStringIndex(msg, -1)
	if locs == nil {
		return nil, 0
	}
	var out []SchedReason
	idx := map[string]int{}
	for i, loc := range locs {
		end := len(msg)
		if i+1 < len(locs) {
			end = locs[i+1][0]
		}
		body := msg[loc[1]:end]
		if nl := strings.IndexByte(body, '\n'); nl >= 0 {
			body = body[:nl]
		}
		seen := map[string]bool{}
		for _, item := range strings.Split(body, ",") {
			item = strings.TrimSpace(item)
			m := oldFitReason.FindString(item)
			name := strings.TrimSuffix(m, ".")
			if name == "" {
				break
			}
			if !seen[name] {
				seen[name] = true
				if j, ok := idx[name]; ok {
					out[j].Count++
				} else {
					r := SchedReason{Count: 1, Text: name}
					classifyReason(&r)
					if fixed, ok := oldResourceFix[r.Resource]; ok {
						r.Resource = fixed
					}
					idx[name] = len(out)
					out = append(out, r)
				}
			}
			if rest := strings.TrimSpace(strings.TrimPrefix(item[len(m):], ".")); rest != "" {
				break
			}
		}
	}
	if len(out) == 0 {
		return nil, 0
	}
	return out, len(locs)
}

var (
	predFrame    = regexp.MustCompile(`(?i)^No nodes are available that match all of the (?:following )?predicates:+\s*(.*)$`)
	predItem     = regexp.MustCompile(`([^,(]+?) \((\d+)\)`)
	countedStart = regexp.MustCompile(`^\d+ (?:node\(s\)|Insufficient |Too many pods|pod has|Preemption)`)
)

// predicateFrame reads the scheduler message of Kubernetes 1.7 and
// earlier, which counts nodes after each predicate: "Insufficient cpu
// (19), PodToleratesNodeTaints (10)".
func predicateFrame(msg string) []SchedReason {
	m := predFrame.FindStringSubmatch(strings.TrimSpace(msg))
	if m == nil {
		return nil
	}
	var out []SchedReason
	for _, it := range predItem.FindAllStringSubmatch(m[1], -1) {
		r := SchedReason{Text: strings.TrimSpace(it[1])}
		r.Count, _ = strconv.Atoi(it[2])
		classifyReason(&r)
		out = append(out, r)
	}
	return out
}

// splitReasons splits "1 Insufficient cpu, 2 node(s) had taint {a: b}, that
// the pod didn't tolerate." into items. A comma only separates items when a
// count follows, because the old taint text itself contains ", that".
func splitReasons(body string) []SchedReason {
	body = strings.TrimSpace(body)
	body = strings.TrimSuffix(body, ".")
	var items []string
	start := 0
	for i := 0; i+2 < len(body); i++ {
		if body[i] == ',' && body[i+1] == ' ' && isDigit(body[i+2]) {
			// "…, 2 node(s)…": a new counted item.
			j := i + 2
			for j < len(body) && isDigit(body[j]) {
				j++
			}
			if j < len(body) && body[j] == ' ' {
				items = append(items, body[start:i])
				start = i + 2
			}
		}
	}
	items = append(items, body[start:])
	var out []SchedReason
	for _, it := range items {
		it = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(it), "."))
		if it == "" {
			continue
		}
		r := SchedReason{Text: it}
		if m := countItem.FindStringSubmatch(it); m != nil {
			r.Count, _ = strconv.Atoi(m[1])
			r.Text = m[2]
		}
		classifyReason(&r)
		out = append(out, r)
	}
	return out
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// predicateCodes are the predicate names schedulers before 1.9 or so
// printed instead of reason texts ("3 MatchNodeSelector"): the names the
// predicates were registered under (CheckNodeMemoryPressure) and the names
// their failure errors carried (NodeUnderMemoryPressure). Each has the
// code of the text the same predicate printed from 1.8 on
// (predicates/error.go: "node(s) had memory pressure").
var predicateCodes = map[string]string{
	"PodFitsResources": UnschedResources, "PodFitsHostPorts": UnschedHostPort, "PodFitsPorts": UnschedHostPort,
	"PodToleratesNodeTaints": UnschedTaints, "PodToleratesNodeNoExecuteTaints": UnschedTaints,
	"MatchNodeSelector": UnschedAffinity, "MatchInterPodAffinity": UnschedAffinity, "HostName": UnschedOther,
	"PodAffinityRulesNotMatch": UnschedAffinity, "PodAntiAffinityRulesNotMatch": UnschedAffinity,
	"ExistingPodsAntiAffinityRulesNotMatch": UnschedAffinity, "CheckServiceAffinity": UnschedAffinity,
	"CheckNodeLabelPresence": UnschedOther, "NodeUnknownCondition": UnschedOther,
	"NodeUnschedulable": UnschedCordoned, "CheckNodeUnschedulable": UnschedCordoned,
	"NoVolumeZoneConflict": UnschedVolume, "NoDiskConflict": UnschedVolume, "CheckVolumeBinding": UnschedVolume,
	"VolumeNodeAffinityConflict": UnschedVolume, "VolumeBindingNoMatch": UnschedVolume, "MaxVolumeCount": UnschedVolume,
	"MaxEBSVolumeCount": UnschedVolume, "MaxGCEPDVolumeCount": UnschedVolume, "MaxAzureDiskVolumeCount": UnschedVolume,
	"MaxCSIVolumeCountPred":   UnschedVolume,
	"CheckNodeMemoryPressure": UnschedTaints, "CheckNodeDiskPressure": UnschedTaints, "CheckNodePIDPressure": UnschedTaints,
	"NodeUnderMemoryPressure": UnschedTaints, "NodeUnderDiskPressure": UnschedTaints, "NodeUnderPIDPressure": UnschedTaints,
	"CheckNodeCondition": UnschedTaints, "NodeNotReady": UnschedTaints, "NodeOutOfDisk": UnschedTaints, "NodeNetworkUnavailable": UnschedTaints,
}

// conditionTaints are the node conditions older schedulers named in words
// ("node(s) had disk pressure"); newer ones see them as these taints.
var conditionTaints = []struct{ words, key string }{
	{"memory pressure", "node.kubernetes.io/memory-pressure"},
	{"disk pressure", "node.kubernetes.io/disk-pressure"},
	{"pid pressure", "node.kubernetes.io/pid-pressure"},
	{"not ready", "node.kubernetes.io/not-ready"},
	{"out of disk", "node.kubernetes.io/out-of-disk"},
	{"network unavailable", "node.kubernetes.io/network-unavailable"},
	// 1.8 to 1.11: "node(s) had unavailable network".
	{"unavailable network", "node.kubernetes.io/network-unavailable"},
	{"CheckNodeMemoryPressure", "node.kubernetes.io/memory-pressure"},
	{"CheckNodeDiskPressure", "node.kubernetes.io/disk-pressure"},
	{"CheckNodePIDPressure", "node.kubernetes.io/pid-pressure"},
	{"NodeUnderMemoryPressure", "node.kubernetes.io/memory-pressure"},
	{"NodeUnderDiskPressure", "node.kubernetes.io/disk-pressure"},
	{"NodeUnderPIDPressure", "node.kubernetes.io/pid-pressure"},
	{"NodeNotReady", "node.kubernetes.io/not-ready"},
	{"NodeOutOfDisk", "node.kubernetes.io/out-of-disk"},
	{"NodeNetworkUnavailable", "node.kubernetes.io/network-unavailable"},
}

func classifyReason(r *SchedReason) {
	t := r.Text
	lt := strings.ToLower(t)
	if code, ok := predicateCodes[t]; ok {
		r.Code = code
		r.VolumeNodeConflict = t == "NoVolumeZoneConflict"
		for _, ct := range conditionTaints {
			if ct.words == t {
				r.TaintKey = ct.key
			}
		}
		return
	}
	if strings.HasPrefix(lt, "node(s) had ") || strings.HasPrefix(lt, "node(s) were ") {
		for _, ct := range conditionTaints {
			if strings.Contains(lt, ct.words) {
				r.Code, r.TaintKey = UnschedTaints, ct.key
				return
			}
		}
	}
	switch {
	case strings.HasPrefix(t, "Insufficient "):
		r.Code, r.Resource = UnschedResources, strings.TrimSpace(strings.TrimPrefix(t, "Insufficient "))
	case strings.HasPrefix(t, "Too many pods"):
		r.Code, r.Resource = UnschedResources, "pods"
	case strings.Contains(lt, "free ports"):
		r.Code = UnschedHostPort
	case strings.Contains(lt, "were unschedulable"), strings.Contains(t, "node.kubernetes.io/unschedulable"):
		r.Code = UnschedCordoned
	case strings.Contains(lt, "taint"):
		r.Code = UnschedTaints
		if m := taintNamed.FindStringSubmatch(t); m != nil {
			r.TaintKey, r.TaintValue = strings.TrimSpace(m[1]), strings.TrimSpace(m[2])
		}
	case strings.Contains(lt, "persistentvolumeclaim"), strings.Contains(lt, "persistent volume"),
		strings.Contains(lt, "volume node affinity"), strings.Contains(lt, "storageclass"),
		strings.Contains(lt, "max volume count"), strings.Contains(lt, "volume"),
		strings.Contains(lt, "pvc"), strings.Contains(lt, "storage"), strings.Contains(lt, "disk"):
		r.Code = UnschedVolume
		r.VolumeNodeConflict = strings.Contains(lt, "volume node affinity") || strings.Contains(lt, "persistentvolume's node affinity") ||
			strings.Contains(lt, "volume zone")
		if m := pvcMissing.FindStringSubmatch(t); m != nil {
			r.Claim = m[1]
		}
		if m := scMissing.FindStringSubmatch(t); m != nil {
			r.StorageClass = m[1]
		}
	case strings.Contains(lt, "node name"), strings.Contains(lt, "requested hostname"):
		// spec.nodeName names another node (1.8 to 1.19 said "hostname").
		r.Code = UnschedOther
	case strings.Contains(lt, "affinity"), strings.Contains(lt, "selector"),
		strings.Contains(lt, "topology spread"),
		strings.Contains(lt, "didn't match"), strings.Contains(lt, "didn't satisfy"):
		r.Code = UnschedAffinity
		r.PodAffinity = strings.Contains(lt, "pod affinity rules")
	default:
		r.Code = UnschedOther
	}
}

// plainCode classifies FailedScheduling texts outside the "0/N nodes" frame.
func plainCode(msg string) string {
	l := strings.ToLower(msg)
	switch {
	case strings.Contains(l, "no nodes available"):
		return UnschedNoNodes
	case strings.Contains(l, "persistentvolumeclaim"), strings.Contains(l, "volume"):
		return UnschedVolume
	}
	return UnschedOther
}

// Embedded returns the scheduler's message when it is quoted inside other
// text — a scheduler log line (err="0/3 nodes are available: …"), a
// tool's progress line (message: 0/1 nodes …), prose in parentheses, a
// YAML condition (message: '0/3 … didn”t …') or a table row whose columns
// were not split — and the text itself otherwise. The message ends where
// its quote or bracket closes, at the end of its line, or at a sentence
// that does not continue the frame (a counted item, "preemption: …").
func Embedded(msg string) string {
	if fitFrame.MatchString(msg) {
		return msg
	}
	loc := fitAnywhere.FindStringSubmatchIndex(msg)
	if loc == nil {
		return msg
	}
	start := loc[2]
	var quote byte
	if start > 0 && (msg[start-1] == '"' || msg[start-1] == '\'') {
		quote = msg[start-1]
	}
	var b strings.Builder
	depth := 0
scan:
	for i := start; i < len(msg); i++ {
		c := msg[i]
		switch {
		case quote == '"' && c == '\\' && i+1 < len(msg) && msg[i+1] == '"':
			b.WriteByte('"')
			i++
			continue
		case quote == '\'' && c == '\'' && i+1 < len(msg) && msg[i+1] == '\'':
			b.WriteByte('\'')
			i++
			continue
		case quote != 0 && c == quote:
			break scan
		case quote == 0 && (c == '\n' || c == '\r'):
			break scan
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth == 0 {
				break scan
			}
			depth--
		case quote == 0 && c == '.' && depth == 0 && i+1 < len(msg) && (msg[i+1] == ' ' || msg[i+1] == '\t'):
			if !continuesFrame(strings.TrimLeft(msg[i+1:], " \t")) {
				b.WriteByte('.')
				break scan
			}
		}
		b.WriteByte(c)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

var continueRe = regexp.MustCompile(`^(?:\d+ [^\d\s]|\.|preemption: |pod group preemption: |no new claims|not eligible|not found)`)

// continuesFrame tells whether the text after ". " is still part of a
// FitError: the next counted item list, or the PostFilter's tail.
func continuesFrame(rest string) bool { return continueRe.MatchString(rest) }
