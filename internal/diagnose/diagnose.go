package diagnose

import (
	"sort"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Run diagnoses a snapshot. It never calls out: everything comes from s.
func Run(s *snapshot.Snapshot, o Options) *Result {
	return run(newCtx(s, o))
}

func run(c *ctx) *Result {
	s := c.s
	var all []*Finding

	pods := make([]*corev1.Pod, 0, len(s.Pods))
	for _, p := range s.Pods {
		if c.in(p.Namespace) {
			pods = append(pods, p)
		}
	}
	sort.Slice(pods, func(i, j int) bool {
		if pods[i].Namespace != pods[j].Namespace {
			return pods[i].Namespace < pods[j].Namespace
		}
		return pods[i].Name < pods[j].Name
	})
	for _, p := range pods {
		all = append(all, c.pod(p)...)
	}
	all = append(all, c.nodes()...)
	all = append(all, c.controllers()...)
	all = append(all, c.specIssues()...)
	all = append(all, c.claims()...)

	res := &Result{Now: c.now, Findings: group(c, all)}
	c.rate(res.Findings)
	if s.FromText {
		res.Unexplained = c.unexplained(res.Findings)
	}
	res.Scanned.Pods = len(s.Pods)
	res.Scanned.Nodes = len(s.Nodes)
	res.Scanned.Namespaces = len(s.NamespaceList())
	for _, n := range s.Notes {
		res.Notes = append(res.Notes, i18n.T("note.input", n))
	}
	return res
}

// pod runs the per-pod rules. The order encodes precedence: a pod being
// deleted, or on a lost node, is explained by that and nothing else.
func (c *ctx) pod(p *corev1.Pod) []*Finding {
	if p.Status.Phase == corev1.PodSucceeded {
		return nil
	}
	if p.DeletionTimestamp != nil {
		return c.terminating(p)
	}
	if p.Status.Phase != corev1.PodRunning && c.hasTearDownEvent(p) {
		// The kubelet tears volumes down only for a pod on its way out.
		return c.terminating(p)
	}
	if f := c.nodeLost(p); f != nil {
		if f.skip {
			return nil
		}
		return []*Finding{f}
	}
	if p.Status.Phase == corev1.PodFailed {
		return c.failedPod(p)
	}
	if p.Spec.NodeName == "" {
		return c.pending(p)
	}
	var out []*Finding
	out = append(out, c.sandbox(p)...)
	out = append(out, c.mounts(p)...)
	initBlocked := false
	for i := range p.Status.InitContainerStatuses {
		cs := &p.Status.InitContainerStatuses[i]
		if f := c.container(p, cs, true); f != nil {
			out = append(out, f)
			if !isSidecar(p, cs.Name) {
				initBlocked = true
			}
		}
	}
	if !initBlocked {
		for i := range p.Status.ContainerStatuses {
			if f := c.container(p, &p.Status.ContainerStatuses[i], false); f != nil {
				out = append(out, f)
			}
		}
	}
	if len(out) == 0 {
		out = append(out, c.slowStart(p)...)
	}
	if len(out) == 0 {
		out = append(out, c.readiness(p)...)
	}
	markOtherContainers(p, out)
	if isMirror(p) {
		for _, f := range out {
			addStaticPodNote(p, f)
		}
	}
	return out
}

// container dispatches on a container's state to the rule for its class.
func (c *ctx) container(p *corev1.Pod, cs *corev1.ContainerStatus, init bool) *Finding {
	var f *Finding
	if w := cs.State.Waiting; w != nil {
		switch w.Reason {
		case "ErrImagePull", "ImagePullBackOff", "InvalidImageName", "ErrImageNeverPull", "ImageInspectError", "RegistryUnavailable", "ErrImageInspect":
			f = c.image(p, cs)
		case "CreateContainerConfigError":
			f = c.config(p, cs)
		case "CreateContainerError", "RunContainerError", "StartError", "ContainerCannotRun":
			f = c.run(p, cs, w.Message)
		case "CrashLoopBackOff":
			f = c.crash(p, cs)
		}
	} else if t := cs.State.Terminated; t != nil && p.Status.Phase != corev1.PodFailed &&
		(t.ExitCode != 0 || cs.RestartCount > 0 && (p.Spec.RestartPolicy == corev1.RestartPolicyAlways || p.Spec.RestartPolicy == "") && !init) {
		// Exit 0 of an app container that is restarted over and over is a
		// crash loop too (restartPolicy Always keeps restarting it).
		f = c.crash(p, cs)
	} else if t := cs.LastTerminationState.Terminated; t != nil && cs.State == (corev1.ContainerState{}) &&
		(t.ExitCode != 0 || t.Reason == "OOMKilled" ||
			cs.RestartCount >= c.opts.RestartThreshold && !cs.Ready && !init && (p.Spec.RestartPolicy == corev1.RestartPolicyAlways || p.Spec.RestartPolicy == "")) {
		// A paste cut above the container's State shows only how it last
		// ended: a failure there is the finding, and so is exit 0 of a
		// container that is not ready and was restarted again and again,
		// as for a terminated one above.
		f = c.crash(p, cs)
	} else if cs.State == (corev1.ContainerState{}) && cs.LastTerminationState == (corev1.ContainerState{}) && c.hasLogs(p, cs.Name) {
		// Only its log is known (kubectl logs pasted alone): what it
		// printed is the evidence.
		f = c.crash(p, cs)
	} else if r := cs.State.Running; r != nil && cs.LastTerminationState.Terminated != nil &&
		c.age(r.StartedAt.Time) < 5*time.Minute && c.backingOff(p, cs.Name) {
		// Between two crashes the container is briefly Running; the
		// kubelet's recent back-off says it is a crash loop all the same.
		f = c.crash(p, cs)
	}
	if f == nil {
		return nil
	}
	f.Container = cs.Name
	f.InitContainer = init && !isSidecar(p, cs.Name)
	f.Sidecar = init && isSidecar(p, cs.Name)
	if f.InitContainer && f.Class != ClassImagePull {
		f.Class = ClassWaiting
	}
	return f
}

// backingOff: within the last five minutes the kubelet reported "Back-off
// restarting failed container" for this container, or killed it for
// failing its liveness or startup probe.
func (c *ctx) backingOff(p *corev1.Pod, container string) bool {
	e := latestEvent(c.eventsOf(p), container, func(e *snapshot.Event) bool {
		return e.Reason == "BackOff" && strings.Contains(e.Message, "restarting failed container") ||
			e.Reason == "Killing" && (strings.Contains(e.Message, "failed liveness probe") || strings.Contains(e.Message, "failed startup probe"))
	})
	return e != nil && c.age(e.Last) < 5*time.Minute && e.Last.After(p.CreationTimestamp.Time)
}

// markOtherContainers records, for container findings, whether the pod's
// other app containers are running and ready.
func markOtherContainers(p *corev1.Pod, fs []*Finding) {
	for _, f := range fs {
		if f.Container == "" || len(p.Spec.Containers) < 2 {
			continue
		}
		ok := true
		for _, cs := range p.Status.ContainerStatuses {
			if cs.Name == f.Container {
				continue
			}
			if !cs.Ready || cs.State.Running == nil {
				ok = false
			}
		}
		f.OtherContainersOK = &ok
	}
}

// newPodFinding starts a finding about one pod.
func (c *ctx) newPodFinding(p *corev1.Pod, sev Severity, class, reason, key string) *Finding {
	return &Finding{
		Severity:  sev,
		Class:     class,
		Reason:    reason,
		Namespace: p.Namespace,
		Subject:   podObj(p),
		Pods:      []PodRef{c.podRef(p)},
		Node:      p.Spec.NodeName,
		Since:     p.CreationTimestamp.Time,
		groupKey:  key,
	}
}

// hasLogs: the input carried a log of the container.
func (c *ctx) hasLogs(p *corev1.Pod, container string) bool {
	for _, name := range []string{container, ""} {
		for _, prev := range []bool{false, true} {
			if t, ok := c.s.Logs[snapshot.LogKey(p.Namespace, p.Name, name, prev)]; ok && strings.TrimSpace(t) != "" {
				return true
			}
		}
	}
	return false
}
