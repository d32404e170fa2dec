package diagnose

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// readiness explains a running pod that is not Ready, or that keeps
// restarting below the CrashLoopBackOff threshold (catalog §10).
func (c *ctx) readiness(p *corev1.Pod) []*Finding {
	if p.Status.Phase != corev1.PodRunning {
		return nil
	}
	evs := c.eventsOf(p)
	for i := range p.Status.ContainerStatuses {
		cs := &p.Status.ContainerStatuses[i]
		if cs.State.Running == nil || cs.Ready {
			continue
		}
		started := cs.State.Running.StartedAt.Time
		spec := containerSpec(p, cs.Name)
		probeEv := latestEvent(evs, cs.Name, func(e *snapshot.Event) bool {
			pr, ok := classify.ParseProbe(e.Message)
			return ok && (pr.Kind == "Readiness" || pr.Kind == "Startup")
		})
		if probeEv == nil && c.age(started) < c.opts.StartupGrace {
			continue
		}
		reason := "Readiness/NotReady"
		if probeEv != nil {
			reason = "Readiness/ProbeFailed"
		}
		f := c.newPodFinding(p, Warning, ClassNotReady, reason, "")
		f.Container = cs.Name
		detail := ""
		if probeEv != nil {
			pr, _ := classify.ParseProbe(probeEv.Message)
			detail = pr.Detail
			f.Evidence = append(f.Evidence, eventEvidence(probeEv))
			f.Since = probeEv.First
		}
		specHidden := c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec)
		if specHidden {
			f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.probe"))
		} else if spec != nil && spec.ReadinessProbe != nil {
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+cs.Name+"].readinessProbe", describeProbe(spec.ReadinessProbe)))
		}
		f.Headline = i18n.T("ready.probe.head", orPlaceholder(cs.Name, "<container>"), i18n.Dur(c.age(started)), clip(detail, 120))
		if started.IsZero() {
			// Known from its events alone: since when it runs is not shown.
			f.Headline = i18n.T("ready.probe.head-unseen", orPlaceholder(cs.Name, "<container>"), clip(detail, 120))
		}
		if probeEv == nil {
			f.Headline = i18n.T("ready.notready.head", orPlaceholder(cs.Name, "<container>"), i18n.Dur(c.age(started)))
		}
		c.addServiceEvidence(f, p)
		f.Explain = i18n.T("ready.probe.why")
		c.readinessDependency(f, p, cs.Name)
		nc := len(p.Spec.Containers) + len(p.Spec.InitContainers)
		cflag := containerFlag("-c", cs.Name, nc)
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("crash.liveness.step.try"), Command: execIn(p.Namespace, p.Name, cflag, readinessCommand(spec)...)},
			Step{Text: i18n.T("ready.step.logs"), Command: kubectl(p.Namespace, append(append([]string{"logs", p.Name}, cflag...), "--tail=50")...)},
			Step{Text: i18n.T("ready.step.endpoints"), Command: kubectl(p.Namespace, "get", "endpointslices", "-o", "wide")})
		return []*Finding{f}
	}
	// Restarting under the threshold: Ready now, but restarted recently.
	for i := range p.Status.ContainerStatuses {
		cs := &p.Status.ContainerStatuses[i]
		last := cs.LastTerminationState.Terminated
		if cs.RestartCount < c.opts.RestartThreshold || last == nil || c.age(last.FinishedAt.Time) > c.opts.RestartWindow {
			continue
		}
		if last.Reason == "OOMKilled" {
			// Running again, but killed for memory each time: the cause is
			// the memory limit, whatever the state between two kills.
			f := c.crash(p, cs)
			f.Container = cs.Name
			return []*Finding{f}
		}
		f := c.newPodFinding(p, Warning, ClassNotReady, "Readiness/Restarting", "")
		f.Container = cs.Name
		if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenExit) {
			// A RESTARTS column says how often and when, not how it ended.
			f.Headline = i18n.T("ready.restart.head-unseen", orPlaceholder(cs.Name, "<container>"), c.restarts(p, cs), i18n.Dur(c.age(last.FinishedAt.Time)))
		} else {
			f.Headline = i18n.T("ready.restart.head", orPlaceholder(cs.Name, "<container>"), c.restarts(p, cs), i18n.Dur(c.age(last.FinishedAt.Time)), orNone(last.Reason), last.ExitCode)
			txt := fmt.Sprintf("reason=%s exitCode=%d", orNone(last.Reason), last.ExitCode)
			if last.FinishedAt.IsZero() {
				// A status tail cut before finishedAt: when is not shown.
				f.Headline = i18n.T("ready.restart.head-notime", orPlaceholder(cs.Name, "<container>"), c.restarts(p, cs), orNone(last.Reason), last.ExitCode)
			} else {
				txt += " finishedAt=" + last.FinishedAt.UTC().Format("2006-01-02T15:04:05Z")
			}
			f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].lastState.terminated", txt))
		}
		if !c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenRestarts) {
			f.Evidence = append([]Evidence{statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].restartCount", fmt.Sprint(cs.RestartCount))}, f.Evidence...)
		}
		if e := latestEvent(evs, cs.Name, func(e *snapshot.Event) bool { return e.Type == "Warning" }); e != nil {
			f.Evidence = append(f.Evidence, eventEvidence(e))
		}
		c.addLogEvidence(f, p, cs.Name)
		f.Since = last.FinishedAt.Time
		f.Explain = i18n.T("ready.restart.why", exitMeaning(last.ExitCode, p))
		if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenExit) {
			f.Explain = i18n.T("ready.restart.why-unseen")
		} else if last.Reason == "OOMKilled" {
			f.Explain = i18n.T("crash.oom.why")
		}
		nc := len(p.Spec.Containers) + len(p.Spec.InitContainers)
		f.Steps = append(f.Steps, Step{Text: i18n.T("crash.step.logs-prev"), Command: kubectl(p.Namespace, append(append([]string{"logs", p.Name}, containerFlag("-c", cs.Name, nc)...), "--previous", "--tail=100")...)})
		return []*Finding{f}
	}
	return nil
}

func readinessCommand(spec *corev1.Container) []string {
	if spec == nil || spec.ReadinessProbe == nil {
		return []string{"sh"}
	}
	cp := *spec
	cp.LivenessProbe = spec.ReadinessProbe
	return probeCommand(&cp)
}

// addServiceEvidence names Services selecting this pod that have no ready
// pod behind them at all.
func (c *ctx) addServiceEvidence(f *Finding, p *corev1.Pod) {
	for _, svc := range c.s.Services {
		if svc.Namespace != p.Namespace || len(svc.Spec.Selector) == 0 {
			continue
		}
		sel := labels.SelectorFromSet(svc.Spec.Selector)
		if !sel.Matches(labels.Set(p.Labels)) {
			continue
		}
		ready, total := 0, 0
		for _, o := range c.s.PodsInNamespace(p.Namespace) {
			if sel.Matches(labels.Set(o.Labels)) && !terminated(o) {
				total++
				if podConditionTrue(o, corev1.PodReady) {
					ready++
				}
			}
		}
		note := i18n.T("ready.svc.some", ready, total)
		if ready == 0 {
			note = i18n.T("ready.svc.none", total)
			f.Severity = Error
		}
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: "Service", Namespace: svc.Namespace, Name: svc.Name}, Field: "spec.selector",
			Text: strings.TrimSpace(sel.String()), Note: note})
	}
}
