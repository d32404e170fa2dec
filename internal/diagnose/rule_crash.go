package diagnose

import (
	"fmt"
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// crash explains a container that started and then exited: CrashLoopBackOff,
// or a terminated container in a pod that is still running (catalog §4).
func (c *ctx) crash(p *corev1.Pod, cs *corev1.ContainerStatus) *Finding {
	last := cs.LastTerminationState.Terminated
	if cs.State.Terminated != nil {
		last = cs.State.Terminated
	}
	if last != nil && isStartFailure(last) {
		f := c.run(p, cs, last.Message)
		f.Class = ClassCrashLoop
		return f
	}
	evs := c.eventsOf(p)
	spec := containerSpec(p, cs.Name)
	livenessEv := latestEvent(evs, cs.Name, func(e *snapshot.Event) bool {
		pr, ok := classify.ParseProbe(e.Message)
		return ok && (pr.Kind == "Liveness" || pr.Kind == "Startup")
	})
	killEv := latestEvent(evs, cs.Name, func(e *snapshot.Event) bool {
		return e.Reason == "Killing" && (strings.Contains(e.Message, "failed liveness probe") || strings.Contains(e.Message, "failed startup probe"))
	})
	backoff := latestEvent(evs, cs.Name, func(e *snapshot.Event) bool {
		return e.Reason == "BackOff" && strings.Contains(e.Message, "restarting failed container")
	})

	var f *Finding
	switch {
	case last != nil && last.Reason == "OOMKilled":
		f = c.newPodFinding(p, Error, ClassCrashLoop, "Crash/OOMKilled", "")
		limit := "<none>"
		if spec != nil {
			if q, ok := spec.Resources.Limits[corev1.ResourceMemory]; ok {
				limit = fmtQty(corev1.ResourceMemory, q)
			}
		}
		f.Headline = i18n.T("crash.oom.head", cs.Name, limit, cs.RestartCount)
		f.Evidence = append(f.Evidence, Evidence{Kind: "spec", Object: podObj(p), Field: "spec.containers[" + cs.Name + "].resources.limits.memory", Text: limit})
		f.Explain = i18n.T("crash.oom.why")
		if limit == "<none>" {
			f.Explain = i18n.T("crash.oom.why-nolimit")
		}
		newLimit := "<larger>"
		if spec != nil {
			if q, ok := spec.Resources.Limits[corev1.ResourceMemory]; ok {
				q2 := q.DeepCopy()
				q2.Add(q)
				newLimit = fmtQty(corev1.ResourceMemory, q2)
			}
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("crash.oom.step.raise"), Command: kubectl(p.Namespace, "set", "resources", c.target(p), "-c", cs.Name, "--limits=memory="+newLimit), Changes: true},
			Step{Text: i18n.T("crash.oom.step.leak"), Command: kubectl(p.Namespace, "top", "pod", p.Name, "--containers")})
	case (livenessEv != nil || killEv != nil) && (last == nil || last.ExitCode == 137 || last.ExitCode == 143 || last.ExitCode == 0 || last.Reason == "Error" || last.Reason == "Completed"):
		f = c.newPodFinding(p, Error, ClassCrashLoop, "Crash/Liveness", "")
		detail := ""
		if livenessEv != nil {
			pr, _ := classify.ParseProbe(livenessEv.Message)
			detail = pr.Detail
			f.Evidence = append(f.Evidence, eventEvidence(livenessEv))
		}
		if killEv != nil {
			f.Evidence = append(f.Evidence, eventEvidence(killEv))
			if detail == "" {
				detail = killEv.Message
			}
		}
		probe := "<none>"
		if spec != nil && spec.LivenessProbe != nil {
			probe = describeProbe(spec.LivenessProbe)
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+cs.Name+"].livenessProbe", probe))
		}
		f.Headline = i18n.T("crash.liveness.head", cs.Name, clip(detail, 120), cs.RestartCount)
		f.Explain = i18n.T("crash.liveness.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("crash.liveness.step.try"), Command: kubectl(p.Namespace, "exec", p.Name, "-c", cs.Name, "--", probeCommand(spec))},
			Step{Text: i18n.T("crash.liveness.step.tune")},
			Step{Text: i18n.T("crash.step.logs-prev"), Command: kubectl(p.Namespace, "logs", p.Name, "-c", cs.Name, "--previous")})
	default:
		code := int32(0)
		if last != nil {
			code = last.ExitCode
		}
		f = c.newPodFinding(p, Error, ClassCrashLoop, "Crash/Exit", fmt.Sprint(code))
		f.Headline = i18n.T("crash.exit.head", cs.Name, code, exitMeaning(code, p), cs.RestartCount)
		if last == nil {
			// The kubelet lost the last termination (it restarted, or the
			// status was trimmed): say so rather than invent exit 0.
			f.groupKey = "unknown"
			f.Headline = i18n.T("crash.unknown.head", cs.Name, cs.RestartCount)
		}
		if last != nil && code == 0 && p.Spec.RestartPolicy != corev1.RestartPolicyNever {
			f.Explain = i18n.T("crash.exit.why0")
			if spec != nil {
				f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+cs.Name+"].command/args", commandLine(spec)))
			}
		} else {
			f.Explain = i18n.T("crash.exit.why")
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("crash.step.logs-prev"), Command: kubectl(p.Namespace, "logs", p.Name, "-c", cs.Name, "--previous", "--tail=100")},
			Step{Text: i18n.T("crash.step.exec"), Command: kubectl(p.Namespace, "exec", "-it", p.Name, "-c", cs.Name, "--", "sh")},
			Step{Text: i18n.T("crash.step.debug"), Command: kubectl(p.Namespace, "debug", p.Name, "-it", "--copy-to="+p.Name+"-debug", "--container="+cs.Name, "--", "sh")})
	}
	if last != nil {
		field := "status.containerStatuses[" + cs.Name + "].lastState.terminated"
		if cs.State.Terminated != nil {
			field = "status.containerStatuses[" + cs.Name + "].state.terminated"
		}
		txt := fmt.Sprintf("reason=%s exitCode=%d", orNone(last.Reason), last.ExitCode)
		if last.Signal != 0 {
			txt += fmt.Sprintf(" signal=%d", last.Signal)
		}
		if !last.FinishedAt.IsZero() {
			txt += " finishedAt=" + last.FinishedAt.UTC().Format("2006-01-02T15:04:05Z")
		}
		if last.Message != "" {
			txt += " message=" + clip(last.Message, 200)
		}
		f.Evidence = append([]Evidence{statusEvidence(podObj(p), field, txt)}, f.Evidence...)
		f.Since = last.FinishedAt.Time
	}
	f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].restartCount", fmt.Sprint(cs.RestartCount)))
	if w := cs.State.Waiting; w != nil && w.Message != "" {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].state.waiting.message", w.Message))
	} else if backoff != nil {
		f.Evidence = append(f.Evidence, eventEvidence(backoff))
	}
	c.addLogEvidence(f, p, cs.Name)
	f.Steps = append(f.Steps, Step{Text: i18n.T("crash.step.node", orNone(p.Spec.NodeName)), Command: "journalctl -u kubelet --since '-30m' | grep " + p.Name + "; crictl ps -a --name " + cs.Name})
	return f
}

// isStartFailure: the runtime could not start the process at all (runc's
// StartError, exit 128; dockershim's ContainerCannotRun).
func isStartFailure(t *corev1.ContainerStateTerminated) bool {
	if t.Reason == "StartError" || t.Reason == "ContainerCannotRun" {
		return true
	}
	return t.ExitCode == 128 && strings.Contains(t.Message, "exec")
}

// exitMeaning explains an exit code in words.
func exitMeaning(code int32, p *corev1.Pod) i18n.Msg {
	switch code {
	case 0:
		return i18n.T("exit.0")
	case 1:
		return i18n.T("exit.1")
	case 2:
		return i18n.T("exit.2")
	case 126:
		return i18n.T("exit.126")
	case 127:
		return i18n.T("exit.127")
	case 128:
		return i18n.T("exit.128")
	case 134:
		return i18n.T("exit.134")
	case 137:
		return i18n.T("exit.137")
	case 139:
		return i18n.T("exit.139")
	case 143:
		return i18n.T("exit.143")
	case 255:
		return i18n.T("exit.255")
	}
	if code > 128 && code < 160 {
		return i18n.T("exit.signal", code-128)
	}
	return i18n.T("exit.app")
}

func describeProbe(pr *corev1.Probe) string {
	var what string
	switch {
	case pr.HTTPGet != nil:
		what = fmt.Sprintf("httpGet %s port %s", pr.HTTPGet.Path, pr.HTTPGet.Port.String())
	case pr.TCPSocket != nil:
		what = "tcpSocket port " + pr.TCPSocket.Port.String()
	case pr.Exec != nil:
		what = "exec " + strings.Join(pr.Exec.Command, " ")
	case pr.GRPC != nil:
		what = fmt.Sprintf("grpc port %d", pr.GRPC.Port)
	}
	return fmt.Sprintf("%s initialDelaySeconds=%d timeoutSeconds=%d periodSeconds=%d failureThreshold=%d",
		what, pr.InitialDelaySeconds, orDefault(pr.TimeoutSeconds, 1), orDefault(pr.PeriodSeconds, 10), orDefault(pr.FailureThreshold, 3))
}

func orDefault(v, d int32) int32 {
	if v == 0 {
		return d
	}
	return v
}

// probeCommand is a command that performs the probe by hand from inside the
// container, so a person sees what the kubelet sees.
func probeCommand(spec *corev1.Container) string {
	if spec == nil || spec.LivenessProbe == nil {
		return "sh"
	}
	pr := spec.LivenessProbe
	switch {
	case pr.HTTPGet != nil:
		scheme := strings.ToLower(string(pr.HTTPGet.Scheme))
		if scheme == "" {
			scheme = "http"
		}
		return fmt.Sprintf("wget -qO- %s://127.0.0.1:%s%s", scheme, portString(spec, pr.HTTPGet.Port.String()), pr.HTTPGet.Path)
	case pr.TCPSocket != nil:
		return "nc -zv 127.0.0.1 " + portString(spec, pr.TCPSocket.Port.String())
	case pr.Exec != nil:
		return strings.Join(pr.Exec.Command, " ")
	}
	return "sh"
}

// portString resolves a named port to its number.
func portString(spec *corev1.Container, p string) string {
	for _, cp := range spec.Ports {
		if cp.Name == p {
			return fmt.Sprint(cp.ContainerPort)
		}
	}
	return p
}

func commandLine(spec *corev1.Container) string {
	parts := append(append([]string{}, spec.Command...), spec.Args...)
	if len(parts) == 0 {
		return "<image default>"
	}
	return strings.Join(parts, " ")
}

// crashSignatures find the cause of a crash in a log tail.
var crashSignatures = []struct {
	key string
	re  *regexp.Regexp
}{
	{"log.panic", regexp.MustCompile(`(?m)^panic: |^goroutine \d+ \[|Traceback \(most recent call last\)|Exception in thread|^\s+at [\w.$]+\(|FATAL ERROR|Segmentation fault|core dumped`)},
	{"log.rbac", regexp.MustCompile(`forbidden: User "system:serviceaccount:[^"]+" cannot \w+ resource`)},
	{"log.perm", regexp.MustCompile(`(?i)permission denied`)},
	{"log.nofile", regexp.MustCompile(`(?i)no such file or directory|cannot find|not found`)},
	{"log.connrefused", regexp.MustCompile(`(?i)connection refused|could not connect|no such host|i/o timeout|ECONNREFUSED`)},
	{"log.config", regexp.MustCompile(`(?i)(missing|required|not set|undefined).{0,40}(env|environment|variable|config)|(env|environment variable|config).{0,40}(missing|required|not set)`)},
	{"log.oom", regexp.MustCompile(`(?i)out of memory|OutOfMemoryError|Cannot allocate memory`)},
	{"log.execformat", regexp.MustCompile(`exec format error`)},
}

// addLogEvidence quotes the lines of a log tail that match a crash
// signature, when the input carried logs.
func (c *ctx) addLogEvidence(f *Finding, p *corev1.Pod, container string) {
	// The crashed instance is the current one while it is terminated, the
	// previous one once the kubelet waits to restart it.
	order := []bool{true, false}
	for _, cs := range append(append([]corev1.ContainerStatus{}, p.Status.ContainerStatuses...), p.Status.InitContainerStatuses...) {
		if cs.Name == container && cs.State.Terminated != nil {
			order = []bool{false, true}
		}
	}
	for _, prev := range order {
		text, ok := c.s.Logs[snapshot.LogKey(p.Namespace, p.Name, container, prev)]
		if !ok {
			text, ok = c.s.Logs[snapshot.LogKey(p.Namespace, p.Name, "", prev)]
		}
		// The kubelet answers with this sentence when the log file of that
		// instance is gone: it is not the container's output.
		if !ok || strings.HasPrefix(text, "unable to retrieve container logs") || strings.TrimSpace(text) == "" {
			continue
		}
		lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
		if len(lines) > 200 {
			lines = lines[len(lines)-200:]
		}
		tail := strings.Join(lines, "\n")
		for _, sig := range crashSignatures {
			loc := sig.re.FindStringIndex(tail)
			if loc == nil {
				continue
			}
			line := lineAt(tail, loc[0])
			if sig.key == "log.rbac" {
				c.addRBACSteps(f, p, line)
			}
			f.Evidence = append(f.Evidence, Evidence{Kind: "log", Object: podObj(p), Field: logField(container, prev), Text: clip(line, 300), Note: i18n.T(sig.key)})
			return
		}
		if n := len(lines); n > 0 {
			f.Evidence = append(f.Evidence, Evidence{Kind: "log", Object: podObj(p), Field: logField(container, prev), Text: clip(lines[n-1], 300), Note: i18n.T("log.last")})
		}
		return
	}
}

func logField(container string, prev bool) string {
	if prev {
		return "logs[" + container + "] --previous"
	}
	return "logs[" + container + "]"
}

func lineAt(s string, i int) string {
	start := strings.LastIndexByte(s[:i], '\n') + 1
	end := strings.IndexByte(s[i:], '\n')
	if end < 0 {
		return s[start:]
	}
	return s[start : i+end]
}

var rbacRe = regexp.MustCompile(`User "system:serviceaccount:([^:"]+):([^"]+)" cannot (\w+) resource "([^"]+)"(?: in API group "([^"]*)")?(?: in the namespace "([^"]+)")?`)

// addRBACSteps turns a "forbidden" line into the Role and RoleBinding that
// grant exactly that verb on that resource.
func (c *ctx) addRBACSteps(f *Finding, p *corev1.Pod, line string) {
	m := rbacRe.FindStringSubmatch(line)
	if m == nil {
		return
	}
	ns, sa, verb, res, group, inNS := m[1], m[2], m[3], m[4], m[5], m[6]
	role := sa + "-" + verb + "-" + strings.ReplaceAll(res, "/", "-")
	if inNS == "" {
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("rbac.step.clusterrole", verb, res, ns+"/"+sa), Command: kubectl("", "create", "clusterrole", role, "--verb="+verb, "--resource="+resourceArg(res, group)), Changes: true},
			Step{Command: kubectl("", "create", "clusterrolebinding", role, "--clusterrole="+role, "--serviceaccount="+ns+":"+sa), Changes: true})
		return
	}
	f.Steps = append(f.Steps,
		Step{Text: i18n.T("rbac.step.role", verb, res, ns+"/"+sa, inNS), Command: kubectl(inNS, "create", "role", role, "--verb="+verb, "--resource="+resourceArg(res, group)), Changes: true},
		Step{Command: kubectl(inNS, "create", "rolebinding", role, "--role="+role, "--serviceaccount="+ns+":"+sa), Changes: true})
}

func resourceArg(res, group string) string {
	if group == "" {
		return res
	}
	return res + "." + group
}
