package classify

import (
	"regexp"
	"strings"
)

// Reason codes for pods the kubelet stopped or refused.
const (
	Evicted  = "Evicted"
	Rejected = "Rejected"
	Deadline = "Deadline"

	CrashLiveness  = "Crash/Liveness"
	ReadinessProbe = "Readiness/ProbeFailed"
)

// Eviction is a parsed eviction message.
type Eviction struct {
	Resource  string // memory, ephemeral-storage, pids, …
	Threshold string
	Available string
	Condition string // DiskPressure etc. for "The node had condition: [X]."
	// Containers over their request, as "app was using 1923564Ki, request is 256Mi".
	Usage []string
	// UsageContainers are the containers of Usage, in order.
	UsageContainers []string
	// Scope is what was over its bound: EvictNode (the node ran low),
	// EvictPod (the pod's total ephemeral storage over its containers'
	// limits), EvictContainer (one container over its own limit),
	// EvictEmptyDir (an emptyDir over its sizeLimit).
	Scope string
	// Container and Limit name the container (or emptyDir volume) and the
	// limit it went over.
	Container, Limit string
}

// Eviction scopes.
const (
	EvictNode      = "node"
	EvictPod       = "pod"
	EvictContainer = "container"
	EvictEmptyDir  = "emptyDir"
)

var (
	evictLowRe   = regexp.MustCompile(`low on resource: ([\w./-]+)\.(?: Threshold quantity: (\S+?), available: (\S+?)\.)?`)
	evictUsageRe = regexp.MustCompile(`Container (\S+) was using (\S+), (?:request|which exceeds its request of) (?:is )?(\S+?)[,.]`)
	evictCondRe  = regexp.MustCompile(`The node had condition: \[([^\]]+)\]`)
	evictLocalRe = regexp.MustCompile(`(?i)ephemeral local storage|EmptyDir volume|local ephemeral storage limit`)
	// The eviction manager's formats (pkg/kubelet/eviction/helpers.go,
	// eviction_manager.go): podEphemeralStorageMessageFmt,
	// containerEphemeralStorageMessageFmt, emptyDirMessageFmt.
	evictPodRe       = regexp.MustCompile(`Pod ephemeral local storage usage exceeds the total limit of containers (\S+?)\.?(?:\s|$)`)
	evictContainerRe = regexp.MustCompile(`Container (\S+) exceeded its local ephemeral storage limit "([^"]*)"`)
	evictEmptyDirRe  = regexp.MustCompile(`Usage of EmptyDir volume "([^"]*)" exceeds the limit "([^"]*)"`)
)

// ParseEviction reads the eviction manager's message (pkg/kubelet/eviction).
func ParseEviction(msg string) Eviction {
	var e Eviction
	if m := evictLowRe.FindStringSubmatch(msg); m != nil {
		e.Resource, e.Threshold, e.Available = m[1], m[2], m[3]
	}
	for _, m := range evictUsageRe.FindAllStringSubmatch(msg, -1) {
		e.Usage = append(e.Usage, m[1]+" "+m[2]+" / "+m[3])
		e.UsageContainers = append(e.UsageContainers, m[1])
	}
	switch {
	case e.Resource != "":
		e.Scope = EvictNode
	case evictContainerRe.MatchString(msg):
		m := evictContainerRe.FindStringSubmatch(msg)
		e.Scope, e.Container, e.Limit = EvictContainer, m[1], m[2]
	case evictEmptyDirRe.MatchString(msg):
		m := evictEmptyDirRe.FindStringSubmatch(msg)
		e.Scope, e.Container, e.Limit = EvictEmptyDir, m[1], m[2]
	case evictPodRe.MatchString(msg):
		e.Scope, e.Limit = EvictPod, evictPodRe.FindStringSubmatch(msg)[1]
	}
	if m := evictCondRe.FindStringSubmatch(msg); m != nil {
		e.Condition = m[1]
	}
	if e.Resource == "" && evictLocalRe.MatchString(msg) {
		e.Resource = "ephemeral-storage"
	}
	return e
}

var rejectResRe = regexp.MustCompile(`Node didn't have enough resource: ([\w./-]+), requested: (\d+), used: (\d+), capacity: (\d+)`)

// Rejection is a parsed kubelet admission failure (pod phase Failed).
type Rejection struct {
	Resource                  string
	Requested, Used, Capacity string
}

// ParseRejection reads "Pod was rejected: Node didn't have enough resource: cpu, requested: 2000, used: 3500, capacity: 4000".
func ParseRejection(reason, msg string) Rejection {
	var r Rejection
	if m := rejectResRe.FindStringSubmatch(msg); m != nil {
		r.Resource, r.Requested, r.Used, r.Capacity = m[1], m[2], m[3], m[4]
		return r
	}
	if strings.HasPrefix(reason, "OutOf") {
		r.Resource = strings.TrimPrefix(reason, "OutOf")
	}
	return r
}

// Probe is a parsed probe failure event.
type Probe struct {
	Kind   string // Liveness, Readiness, Startup
	Detail string // text after "probe failed: "
}

var probeRe = regexp.MustCompile(`^(Liveness|Readiness|Startup) probe (?:failed|errored)(?: and resulted in unknown state)?:?\s*(.*)$`)

// ParseProbe reads "Liveness probe failed: HTTP probe failed with statuscode: 500".
func ParseProbe(msg string) (Probe, bool) {
	m := probeRe.FindStringSubmatch(strings.TrimSpace(msg))
	if m == nil {
		return Probe{}, false
	}
	return Probe{Kind: m[1], Detail: m[2]}, true
}

// Classify gives the reason code for a message from a known source; the
// sources are those of testdata/corpus.tsv.
func Classify(source, msg string) string {
	l := strings.ToLower(msg)
	switch source {
	case "scheduler":
		return ParseSched(msg).Code
	case "pod-status":
		switch {
		case strings.Contains(l, "scheduling gates"):
			return UnschedOther
		case isEviction(msg):
			return Evicted
		case strings.Contains(l, "deadline"):
			return Deadline
		default:
			return Rejected
		}
	case "controller-event":
		switch {
		case isMountText(msg):
			return ParseMount(msg).Code
		case isJobFailure(msg):
			return Deadline
		}
		return ParseAdmission(msg).Code
	}
	// kubelet events, container and node messages: by their own words.
	if p, ok := ParseProbe(msg); ok {
		if p.Kind == "Readiness" {
			return ReadinessProbe
		}
		return CrashLiveness
	}
	switch {
	case strings.Contains(msg, "failed liveness probe") || strings.Contains(msg, "failed startup probe"):
		return CrashLiveness
	case isEviction(msg):
		return Evicted
	case strings.Contains(msg, "Node didn't have enough resource") || strings.Contains(msg, "Pod was rejected"):
		return Rejected
	case strings.Contains(l, "sandbox") || strings.Contains(l, "networkready=false") || strings.Contains(l, "network plugin") ||
		strings.Contains(l, "cni plugin not initialized") || strings.Contains(l, "cni config uninitialized"):
		return Sandbox(msg).Code
	case isMountText(msg):
		return ParseMount(msg).Code
	case isConfigText(msg):
		return ParseConfig(msg).Code
	case IsPullFailure(msg):
		return ImagePull(msg)
	case diskRe.MatchString(msg) && !strings.Contains(l, "exec"):
		return SandboxDisk
	}
	return ParseRun(msg).Code
}

func isEviction(msg string) bool {
	return strings.Contains(msg, "low on resource") || strings.Contains(msg, "The node had condition") ||
		evictLocalRe.MatchString(msg) || strings.Contains(msg, "Evicted") || strings.Contains(msg, "evicted")
}

func isMountText(msg string) bool {
	return strings.Contains(msg, "MountVolume") || strings.Contains(msg, "AttachVolume") ||
		strings.Contains(msg, "Multi-Attach") || strings.Contains(msg, "Unable to attach or mount") ||
		strings.Contains(msg, "MapVolume") || strings.Contains(msg, "UnmountVolume")
}

func isJobFailure(msg string) bool {
	return strings.Contains(msg, "Job was active longer") || strings.Contains(msg, "backoff limit") ||
		strings.Contains(msg, "FailJob rule") || strings.Contains(msg, "failed indexes")
}

// isConfigText: CreateContainerConfigError texts (kubelet_pods.go,
// security_context_others.go, configmap/secret managers).
func isConfigText(msg string) bool {
	l := strings.ToLower(msg)
	return strings.Contains(l, "runasnonroot") || strings.Contains(l, "non-root") ||
		strings.Contains(msg, "couldn't find key") || strings.Contains(msg, "failed to sync configmap cache") ||
		strings.Contains(msg, "failed to sync secret cache") || strings.Contains(msg, "subPath") ||
		missingObjRe.MatchString(msg)
}
