package diagnose

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// failedPod explains a pod in phase Failed (catalog §5): evicted, rejected
// by the kubelet, past its deadline, or its containers failed with
// restartPolicy Never. Failed pods of a Job the snapshot holds are the
// Job rule's: a Job that succeeded on retry is healthy.
func (c *ctx) failedPod(p *corev1.Pod) []*Finding {
	owner := c.ownerOf(p)
	if owner.Direct.Kind == "Job" && c.s.Job(p.Namespace, owner.Direct.Name) != nil && p.Status.Reason == "" {
		return nil
	}
	reason, msg := p.Status.Reason, p.Status.Message
	var f *Finding
	switch {
	case reason == "Evicted":
		ev := classify.ParseEviction(msg)
		res := ev.Resource
		if res == "" {
			res = ev.Condition
		}
		// One finding per owner and starved resource, whatever the node:
		// evictions spread over a pool are one story.
		f = c.newPodFinding(p, Warning, ClassError, "Evicted", res)
		f.Headline = i18n.T("failed.evicted.head", orPlaceholder(p.Spec.NodeName, "<node>"), orNone(res))
		if msg == "" {
			// A STATUS word: the eviction message, which names the
			// resource, is not in the input.
			f.Headline = i18n.T("failed.evicted.head-unseen", orPlaceholder(p.Spec.NodeName, "<node>"))
			f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.message"))
		} else {
			f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.message", msg))
		}
		if n := c.s.Node(p.Spec.NodeName); n != nil {
			for _, t := range []corev1.NodeConditionType{corev1.NodeMemoryPressure, corev1.NodeDiskPressure, corev1.NodePIDPressure} {
				if cond := nodeCondition(n, t); cond != nil && cond.Status == corev1.ConditionTrue {
					f.Evidence = append(f.Evidence, statusEvidence(nodeObj(n.Name), "status.conditions["+string(t)+"]", "True: "+cond.Message))
				}
			}
		}
		f.Explain = i18n.T("failed.evicted.why")
		c.evictionSteps(f, p, ev)
	case reason == "DeadlineExceeded":
		f = c.newPodFinding(p, Error, ClassError, "Deadline", "")
		ads := "<unset>"
		if p.Spec.ActiveDeadlineSeconds != nil {
			ads = fmt.Sprint(*p.Spec.ActiveDeadlineSeconds)
		}
		f.Headline = i18n.T("failed.deadline.head", ads)
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.reason", strings.TrimSuffix(reason+": "+msg, ": ")))
		if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) && p.Spec.ActiveDeadlineSeconds == nil {
			f.Headline = i18n.T("failed.deadline.head-unseen")
			f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.spec"))
		} else {
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.activeDeadlineSeconds", ads))
		}
		f.Explain = i18n.T("failed.deadline.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("crash.step.logs-prev"), Command: kubectl(p.Namespace, "logs", orPlaceholder(p.Name, "<pod>"), "--all-containers")})
	case reason != "" && reason != "Error":
		r := classify.ParseRejection(reason, msg)
		f = c.newPodFinding(p, Error, ClassError, "Rejected", reason+"|"+p.Spec.NodeName)
		f.Headline = i18n.T("failed.rejected.head", orPlaceholder(p.Spec.NodeName, "<node>"), reason)
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.reason", reason+": "+msg))
		switch {
		case r.Resource != "" && r.Requested != "":
			f.Explain = i18n.T("failed.rejected.why-res", r.Resource, r.Requested, r.Used, r.Capacity)
		case strings.Contains(reason, "Affinity") || strings.Contains(reason, "Selector"):
			f.Explain = i18n.T("failed.rejected.why-affinity")
		case reason == "NodeShutdown" || reason == "Terminated" || reason == "Shutdown":
			f.Severity = Warning
			f.Explain = i18n.T("failed.rejected.why-shutdown")
		default:
			f.Explain = i18n.T("failed.rejected.why")
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("node.step.describe"), Command: kubectl("", "describe", "node", orPlaceholder(p.Spec.NodeName, "<node>"))},
			Step{Text: i18n.T("failed.evicted.step.cleanup"), Command: kubectl(p.Namespace, "delete", "pod", orPlaceholder(p.Name, "<pod>")), Changes: true})
	default:
		// Containers exited non-zero and will not be restarted.
		var bad *corev1.ContainerStatus
		for i := range p.Status.ContainerStatuses {
			cs := &p.Status.ContainerStatuses[i]
			if t := cs.State.Terminated; t != nil && t.ExitCode != 0 {
				bad = cs
				break
			}
		}
		if bad == nil {
			for i := range p.Status.InitContainerStatuses {
				cs := &p.Status.InitContainerStatuses[i]
				if t := cs.State.Terminated; t != nil && t.ExitCode != 0 {
					bad = cs
					break
				}
			}
		}
		if bad == nil {
			f = c.newPodFinding(p, Error, ClassError, "Failed", "")
			f.Headline = i18n.T("failed.other.head", orNone(msg))
			if msg == "" && c.s.FromText {
				f.Headline = i18n.T("failed.other.head-unseen")
			}
			f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.phase", "Failed "+reason+" "+msg))
			f.Explain = i18n.T("failed.other.why")
			f.Steps = append(f.Steps, Step{Text: i18n.T("step.describe-pod"), Command: kubectl(p.Namespace, "describe", "pod", orPlaceholder(p.Name, "<pod>"))})
			break
		}
		t := bad.State.Terminated
		if isStartFailure(t) {
			f = c.run(p, bad, t.Message)
			f.Class = ClassError
		} else if t.Reason == "OOMKilled" {
			f = c.crash(p, bad)
			f.Class = ClassError
		} else {
			f = c.newPodFinding(p, Error, ClassError, "Crash/Exit", fmt.Sprint(t.ExitCode))
			f.Headline = i18n.T("failed.exit.head", orPlaceholder(bad.Name, "<container>"), t.ExitCode, exitMeaning(t.ExitCode, p))
			if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenExit) {
				// STATUS said Error: no exit code.
				f.groupKey = "unseen"
				f.Headline = i18n.T("failed.exit.head-unseen", orPlaceholder(bad.Name, "<container>"), orNone(t.Reason))
			} else {
				f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+bad.Name+"].state.terminated",
					fmt.Sprintf("reason=%s exitCode=%d %s", orNone(t.Reason), t.ExitCode, clip(t.Message, 200))))
			}
			f.Explain = i18n.T("failed.exit.why")
			nc := len(p.Spec.Containers) + len(p.Spec.InitContainers)
			f.Steps = append(f.Steps, Step{Text: i18n.T("crash.step.logs-prev"), Command: kubectl(p.Namespace, append(append([]string{"logs", p.Name}, containerFlag("-c", bad.Name, nc)...), "--tail=100")...)})
			c.addLogEvidence(f, p, bad.Name)
		}
		f.Container = bad.Name
	}
	return []*Finding{f}
}

// evictionSteps act on what the eviction message says was over its bound:
// a container's or the pod's own ephemeral-storage limit, an emptyDir's
// sizeLimit, or the node's free memory or disk, where the pods using most
// above their requests go first.
func (c *ctx) evictionSteps(f *Finding, p *corev1.Pod, ev classify.Eviction) {
	node := orPlaceholder(p.Spec.NodeName, "<node>")
	storage := corev1.ResourceEphemeralStorage
	switch ev.Scope {
	case classify.EvictContainer:
		f.Explain = i18n.T("failed.evicted.container.why", ev.Container, ev.Limit)
		f.Steps = append(f.Steps, c.resourceSteps(p, ev.Container, i18n.T("failed.evicted.step.storage-limit", ev.Container),
			nil, map[corev1.ResourceName]string{storage: "<larger>"})...)
		f.Steps = append(f.Steps, Step{Text: i18n.T("failed.evicted.step.writes")})
	case classify.EvictPod:
		f.Explain = i18n.T("failed.evicted.pod.why", ev.Limit)
		f.Steps = append(f.Steps, c.resourceSteps(p, "", i18n.T("failed.evicted.step.storage-limit", "<container>"),
			nil, map[corev1.ResourceName]string{storage: "<larger>"})...)
		f.Steps = append(f.Steps, Step{Text: i18n.T("failed.evicted.step.writes")})
	case classify.EvictEmptyDir:
		f.Explain = i18n.T("failed.evicted.emptydir.why", ev.Container, ev.Limit)
		f.Steps = append(f.Steps, c.specSteps(p, i18n.T("failed.evicted.step.sizelimit", ev.Container), "volumes", func(target string) shell.Cmd {
			return kubectl(p.Namespace, "edit", target)
		})...)
	default:
		res := corev1.ResourceName(ev.Resource)
		switch {
		case res == "" && strings.Contains(ev.Condition, "DiskPressure"):
			res = storage
		case res == "" && strings.Contains(ev.Condition, "MemoryPressure"):
			res = corev1.ResourceMemory
		case res == "nodefs.available" || res == "imagefs.available" || res == "nodefs.inodesFree" || res == "imagefs.inodesFree":
			res = storage
		case res == "memory.available":
			res = corev1.ResourceMemory
		}
		switch res {
		case corev1.ResourceMemory, storage:
			for i, u := range ev.Usage {
				f.Evidence = append(f.Evidence, Evidence{Kind: "status", Object: podObj(p), Field: "status.message", Text: u,
					Note: i18n.T("failed.evicted.usage", ev.UsageContainers[i], string(res))})
			}
			cn := ""
			if len(ev.UsageContainers) == 1 {
				cn = ev.UsageContainers[0]
			}
			f.Steps = append(f.Steps, c.resourceSteps(p, cn, i18n.T("failed.evicted.step.requests-of", string(res)),
				map[corev1.ResourceName]string{res: "<actual use>"}, nil)...)
			if res == storage {
				f.Steps = append(f.Steps, Step{Text: i18n.T("failed.evicted.step.disk", node), Command: sh("df", "-h", "/var/lib/kubelet", "/var/lib/containerd").Seq("crictl", "rmi", "--prune")})
			}
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("failed.evicted.step.node"), Command: kubectl("", "describe", "node", node)})
	}
	f.Steps = append(f.Steps, Step{Text: i18n.T("failed.evicted.step.cleanup"), Command: kubectl(p.Namespace, "delete", "pods", "--field-selector=status.phase=Failed"), Changes: true})
}
