package diagnose

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// run explains a container the runtime could not start: RunContainerError,
// StartError (exit 128), CreateContainerError, ContainerCannotRun (catalog
// §2 Run: 容器参数配置错误, wrong container arguments).
func (c *ctx) run(p *corev1.Pod, cs *corev1.ContainerStatus, text string) *Finding {
	if text == "" {
		if e := latestEvent(c.eventsOf(p), cs.Name, func(e *snapshot.Event) bool { return e.Reason == "Failed" && len(e.Message) > 20 }); e != nil {
			text = e.Message
		}
	}
	r := classify.ParseRun(text)
	spec := containerSpec(p, cs.Name)
	specHidden := c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec)
	f := c.newPodFinding(p, Error, ClassWaiting, r.Code, r.Executable+r.Dir)
	if w := cs.State.Waiting; w != nil {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].state.waiting", w.Reason+": "+clip(w.Message, 300)))
	}
	if t := cs.LastTerminationState.Terminated; t != nil && t.Message != "" && (cs.State.Waiting == nil || cs.State.Waiting.Message != t.Message) {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].lastState.terminated", t.Reason+" exitCode="+fmt.Sprint(t.ExitCode)+": "+clip(t.Message, 300)))
	}
	cmd := "<command>"
	if spec != nil && !specHidden {
		cmd = commandLine(spec)
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+cs.Name+"].command/args", cmd))
		if spec.WorkingDir != "" {
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+cs.Name+"].workingDir", spec.WorkingDir))
		}
	} else if specHidden {
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.command"))
	}
	exe := r.Executable
	if exe == "" {
		exe = cmd
	}
	img := cs.Image
	if spec != nil && spec.Image != "" {
		img = spec.Image
	}
	shownImg := orPlaceholder(img, "<image>")
	name := orPlaceholder(cs.Name, "<container>")
	switch {
	case r.Dir != "" && r.Code == classify.RunPermission:
		f.Headline = i18n.T("run.cwd.perm.head", r.Dir, name)
		f.Explain = i18n.T("run.cwd.perm.why", r.Dir)
	case r.Dir != "":
		f.Headline = i18n.T("run.cwd.other.head", r.Dir, name)
		f.Explain = i18n.T("run.cwd.other.why", r.Dir)
	case r.Code == classify.RunNotFound:
		f.Headline = i18n.T("run.notfound.head", exe, shownImg)
		f.Explain = i18n.T("run.notfound.why")
	case r.Code == classify.RunExecFormat:
		f.Headline = i18n.T("run.format.head", exe, shownImg)
		f.Explain = i18n.T("run.format.why")
		if n := c.s.Node(p.Spec.NodeName); n != nil {
			f.Evidence = append(f.Evidence, statusEvidence(nodeObj(n.Name), "status.nodeInfo.architecture", n.Status.NodeInfo.Architecture))
		}
	case r.Code == classify.RunPermission:
		f.Headline = i18n.T("run.perm.head", exe)
		f.Explain = i18n.T("run.perm.why")
	default:
		f.Headline = i18n.T("run.other.head", name, clip(text, 160))
		f.Explain = i18n.T("run.other.why")
	}
	nc := len(p.Spec.Containers) + len(p.Spec.InitContainers)
	podArg := orPlaceholder(p.Name, "<pod>")
	debug := append([]string{"debug", podArg, "-it", "--copy-to=" + podArg + "-debug"}, containerFlag("--container=", cs.Name, nc)...)
	if r.Dir != "" {
		// The fix is the directory, not the command.
		f.Steps = append(f.Steps, Step{Text: i18n.T("run.cwd.step.user"), Command: sh("crictl", "inspecti", shownImg).Pipe("jq", ".info.imageSpec.config | {User, WorkingDir}")})
		f.Steps = append(f.Steps, c.specSteps(p, i18n.T("run.cwd.step.fix", r.Dir), "workingDir", func(target string) shell.Cmd {
			return kubectl(p.Namespace, "patch", target, "--type=json", "-p", jsonPatch("add", c.containerPath(p, cs.Name)+"/workingDir", "/tmp"))
		})...)
		return f
	}
	f.Steps = append(f.Steps,
		Step{Text: i18n.T("run.step.inspect"), Command: sh("crictl", "inspecti", shownImg).Pipe("jq", ".info.imageSpec.config | {Entrypoint, Cmd, User, WorkingDir}")},
		Step{Text: i18n.T("run.step.debug"), Command: kubectl(p.Namespace, append(debug, "--", "sh")...), Changes: true})
	f.Steps = append(f.Steps, c.specSteps(p, i18n.T("run.step.fix"), "command", func(target string) shell.Cmd {
		return kubectl(p.Namespace, "edit", target)
	})...)
	return f
}
