package diagnose

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// run explains a container the runtime could not start: RunContainerError,
// StartError (exit 128), CreateContainerError, ContainerCannotRun (catalog
// §2 Run; the seed's 容器参数配置错误).
func (c *ctx) run(p *corev1.Pod, cs *corev1.ContainerStatus, text string) *Finding {
	if text == "" {
		if e := latestEvent(c.eventsOf(p), cs.Name, func(e *snapshot.Event) bool { return e.Reason == "Failed" && len(e.Message) > 20 }); e != nil {
			text = e.Message
		}
	}
	r := classify.ParseRun(text)
	spec := containerSpec(p, cs.Name)
	f := c.newPodFinding(p, Error, ClassWaiting, r.Code, r.Executable)
	if w := cs.State.Waiting; w != nil {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].state.waiting", w.Reason+": "+clip(w.Message, 300)))
	}
	if t := cs.LastTerminationState.Terminated; t != nil && t.Message != "" && (cs.State.Waiting == nil || cs.State.Waiting.Message != t.Message) {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].lastState.terminated", t.Reason+" exitCode="+fmt.Sprint(t.ExitCode)+": "+clip(t.Message, 300)))
	}
	cmd := "<image default>"
	if spec != nil {
		cmd = commandLine(spec)
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+cs.Name+"].command/args", cmd))
	}
	exe := r.Executable
	if exe == "" {
		exe = cmd
	}
	switch r.Code {
	case classify.RunNotFound:
		f.Headline = i18n.T("run.notfound.head", exe, cs.Image)
		f.Explain = i18n.T("run.notfound.why")
	case classify.RunExecFormat:
		f.Headline = i18n.T("run.format.head", exe, cs.Image)
		f.Explain = i18n.T("run.format.why")
		if n := c.s.Node(p.Spec.NodeName); n != nil {
			f.Evidence = append(f.Evidence, statusEvidence(nodeObj(n.Name), "status.nodeInfo.architecture", n.Status.NodeInfo.Architecture))
		}
	case classify.RunPermission:
		f.Headline = i18n.T("run.perm.head", exe)
		f.Explain = i18n.T("run.perm.why")
	default:
		f.Headline = i18n.T("run.other.head", cs.Name, clip(text, 160))
		f.Explain = i18n.T("run.other.why")
	}
	img := cs.Image
	if spec != nil {
		img = spec.Image
	}
	f.Steps = append(f.Steps,
		Step{Text: i18n.T("run.step.inspect"), Command: "crictl inspecti " + img + " | jq '.info.imageSpec.config | {Entrypoint, Cmd, User, WorkingDir}'"},
		Step{Text: i18n.T("run.step.debug"), Command: kubectl(p.Namespace, "debug", p.Name, "-it", "--copy-to="+p.Name+"-debug", "--container="+cs.Name, "--", "sh")},
		Step{Text: i18n.T("run.step.fix"), Command: kubectl(p.Namespace, "edit", c.target(p)), Changes: true})
	return f
}
