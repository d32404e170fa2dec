package diagnose

import (
	"fmt"
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/crashlog"
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
	if last == nil || last.ExitCode == 1 || last.ExitCode == 126 || last.ExitCode == 127 || last.ExitCode == 128 {
		// The runtime's own words in the container's log (runc's
		// "exec format error", a shell's "Permission denied" on the
		// entrypoint) name the start failure the status did not.
		if line := c.logStartFailure(p, cs.Name); line != "" {
			f := c.run(p, cs, line)
			f.Class = ClassCrashLoop
			f.Evidence = append(f.Evidence, Evidence{Kind: "log", Object: podObj(p), Field: logField(cs.Name, false), Text: clip(line, 300), Note: i18n.T("log.start")})
			return f
		}
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

	restarts := c.restarts(p, cs)
	name := orPlaceholder(cs.Name, "<container>")
	podArg := orPlaceholder(p.Name, "<pod>")
	nc := len(p.Spec.Containers) + len(p.Spec.InitContainers)
	flagName := cs.Name
	if strings.HasPrefix(cs.Name, "<") || cs.Name == "" {
		// A placeholder: a log pasted with `logs -c <name>` names it.
		if real := c.strayLogName(p); real != "" {
			name, flagName = real, real
		}
	}
	cflag := containerFlag("-c", flagName, nc)
	specHidden := c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec)
	exitHidden := c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenExit)
	if exitHidden && last != nil && last.Reason != "OOMKilled" {
		// A STATUS word such as "Error" is no exit code.
		last = nil
	}
	var f *Finding
	switch {
	case last != nil && last.Reason == "OOMKilled":
		f = c.newPodFinding(p, Error, ClassCrashLoop, "Crash/OOMKilled", "")
		limit := "<none>"
		if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) {
			limit = "<not shown>"
		} else if spec != nil {
			if q, ok := spec.Resources.Limits[corev1.ResourceMemory]; ok {
				limit = fmtQty(corev1.ResourceMemory, q)
			}
		}
		f.Headline = i18n.T("crash.oom.head", name, limit, restarts)
		if limit != "<not shown>" {
			f.Evidence = append(f.Evidence, Evidence{Kind: "spec", Object: podObj(p), Field: "spec.containers[" + cs.Name + "].resources.limits.memory", Text: limit})
		}
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
		f.Steps = append(f.Steps, c.resourceSteps(p, flagName, i18n.T("crash.oom.step.raise"), nil, map[corev1.ResourceName]string{corev1.ResourceMemory: newLimit})...)
		f.Steps = append(f.Steps, Step{Text: i18n.T("crash.oom.step.leak"), Command: kubectl(p.Namespace, "top", "pod", podArg, "--containers")})
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
		if specHidden {
			f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.probe"))
		} else if spec != nil && spec.LivenessProbe != nil {
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+cs.Name+"].livenessProbe", describeProbe(spec.LivenessProbe)))
		}
		f.Headline = i18n.T("crash.liveness.head", name, clip(detail, 120), restarts)
		f.Explain = i18n.T("crash.liveness.why")
		try := probeCommand(spec)
		if specHidden || spec == nil || spec.LivenessProbe == nil {
			// The probe's own failure names what it asked for.
			try = probeFromDetail(detail)
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("crash.liveness.step.try"), Command: execIn(p.Namespace, podArg, cflag, try...)})
		if port := refusedPort(detail); port != "" {
			// Nothing listened where the probe knocked.
			f.Steps = append(f.Steps, Step{Text: i18n.T("crash.liveness.step.refused", port),
				Command: kubectl(p.Namespace, append(append([]string{"exec", podArg}, cflag...), "--", "sh", "-c", "netstat -ltn 2>/dev/null || ss -ltn")...)})
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("crash.liveness.step.tune")},
			Step{Text: i18n.T("crash.step.logs-prev"), Command: kubectl(p.Namespace, append(append([]string{"logs", podArg}, cflag...), "--previous")...)})
	default:
		code := int32(0)
		if last != nil {
			code = last.ExitCode
		}
		f = c.newPodFinding(p, Error, ClassCrashLoop, "Crash/Exit", fmt.Sprint(code))
		f.Headline = i18n.T("crash.exit.head", name, code, exitMeaning(code, p), restarts)
		if last == nil {
			// The kubelet lost the last termination (it restarted, or the
			// status was trimmed): say so rather than invent exit 0.
			f.groupKey = "unknown"
			f.Headline = i18n.T("crash.unknown.head", name, restarts)
			if exitHidden {
				f.Headline = i18n.T("crash.unseen.head", name, restarts)
			}
			if cs.State == (corev1.ContainerState{}) {
				// Known from its log alone: nothing says it restarts.
				f.Headline = i18n.T("crash.logonly.head", name)
			}
		}
		exit0 := last != nil && code == 0 && p.Spec.RestartPolicy != corev1.RestartPolicyNever
		if exit0 {
			f.Explain = i18n.T("crash.exit.why0")
			if spec != nil && !specHidden {
				f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+cs.Name+"].command/args", commandLine(spec)))
			}
		} else {
			f.Explain = i18n.T("crash.exit.why")
		}
		named := false
		if code != 0 || last == nil {
			if sig, _ := c.logSignature(p, cs.Name); sig != "log.flag" {
				named = c.logCause(f, p, cs.Name, name, cflag, restarts)
			}
		}
		if _, _, ok := c.crashLog(p, cs.Name); !ok && !exit0 {
			// What the program printed last would most often name the
			// cause: say so, rather than end at an exit code.
			f.Unchecked = append(f.Unchecked, i18n.T("crash.unchecked.logs", podArg, flagName))
		}
		if sig, line := c.logSignature(p, cs.Name); !named && sig == "log.flag" {
			// The program refused its own command line.
			flag := flagFromLog(line)
			f.groupKey = "flag:" + flag
			f.Headline = i18n.T("crash.flag.head", name, flag, restarts)
			f.Explain = i18n.T("crash.flag.why")
			f.Steps = append(f.Steps, Step{Text: i18n.T("crash.flag.step.args", flag),
				Command: kubectl(p.Namespace, "get", "pod", podArg, "-o", "jsonpath={.spec.containers[*].args}")})
		}
		if exit0 {
			// A process that ends on purpose: a Job, or the server's own
			// foreground mode.
			f.Steps = append(f.Steps,
				Step{Text: i18n.T("crash.exit0.step.job")},
				Step{Text: i18n.T("crash.exit0.step.foreground")})
		}
		debug := append([]string{"debug", podArg, "-it", "--copy-to=" + podArg + "-debug"}, containerFlag("--container=", flagName, nc)...)
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("crash.step.logs-prev"), Command: kubectl(p.Namespace, append(append([]string{"logs", podArg}, cflag...), "--previous", "--tail=100")...)},
			// No exec into the container: in a crash loop it is not running
			// most of the time. A copy with a shell is.
			Step{Text: i18n.T("crash.step.debug"), Command: kubectl(p.Namespace, append(debug, "--", "sh")...), Changes: true})
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
	if !c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenRestarts) {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].restartCount", fmt.Sprint(cs.RestartCount)))
	}
	if w := cs.State.Waiting; w != nil && w.Message != "" {
		f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].state.waiting.message", w.Message))
	} else if backoff != nil {
		f.Evidence = append(f.Evidence, eventEvidence(backoff))
	}
	c.addLogEvidence(f, p, cs.Name)
	f.Steps = append(f.Steps, Step{Text: i18n.T("crash.step.node", orPlaceholder(p.Spec.NodeName, "<node>")), Command: journal("kubelet", "30m").Pipe(grepFor(podArg)...).SeqCmd(sh("crictl", "ps", "-a", "--name", name))})
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
func probeCommand(spec *corev1.Container) []string {
	if spec == nil || spec.LivenessProbe == nil {
		return []string{"sh"}
	}
	pr := spec.LivenessProbe
	switch {
	case pr.HTTPGet != nil:
		scheme := strings.ToLower(string(pr.HTTPGet.Scheme))
		if scheme == "" {
			scheme = "http"
		}
		return []string{"wget", "-qO-", fmt.Sprintf("%s://127.0.0.1:%s%s", scheme, portString(spec, pr.HTTPGet.Port.String()), pr.HTTPGet.Path)}
	case pr.TCPSocket != nil:
		return []string{"nc", "-zv", "127.0.0.1", portString(spec, pr.TCPSocket.Port.String())}
	case pr.GRPC != nil:
		argv := []string{"grpc_health_probe", fmt.Sprintf("-addr=127.0.0.1:%d", pr.GRPC.Port)}
		if pr.GRPC.Service != nil && *pr.GRPC.Service != "" {
			argv = append(argv, "-service="+*pr.GRPC.Service)
		}
		return argv
	case pr.Exec != nil && len(pr.Exec.Command) > 0:
		// The probe's own argument list, as the kubelet runs it.
		return pr.Exec.Command
	}
	return []string{"sh"}
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
	{"log.flag", flagSignature},
	{"log.panic", regexp.MustCompile(`(?m)^panic: |^goroutine \d+ \[|Traceback \(most recent call last\)|Exception in thread|^\s+at [\w.$]+\(|FATAL ERROR|Segmentation fault|core dumped`)},
	{"log.rbac", regexp.MustCompile(`forbidden: User "system:serviceaccount:[^"]+" cannot \w+ resource`)},
	{"log.perm", regexp.MustCompile(`(?i)permission denied`)},
	{"log.nofile", regexp.MustCompile(`(?i)no such file or directory|cannot find|not found`)},
	{"log.connrefused", regexp.MustCompile(`(?i)connection refused|could not connect|no such host|i/o timeout|ECONNREFUSED`)},
	{"log.config", regexp.MustCompile(`(?i)(missing|required|not set|undefined).{0,40}(env|environment|variable|config)|(env|environment variable|config).{0,40}(missing|required|not set)`)},
	{"log.oom", regexp.MustCompile(`(?i)out of memory|OutOfMemoryError|Cannot allocate memory`)},
	{"log.execformat", regexp.MustCompile(`exec format error`)},
}

// flagSignature: a program that rejects its command line prints usage and
// exits — Go's flag package ("flag provided but not defined: -x"), pflag
// and cobra ("unknown flag: --x", "unknown shorthand flag: 'x' in -x"),
// Python's argparse ("unrecognized arguments: --x"), getopt ("unrecognized
// option '--x'", "invalid option -- 'x'").
var flagSignature = regexp.MustCompile(`flag provided but not defined: (-{1,2}[\w.-]+)|unknown (?:shorthand )?flag: ('?-{0,2}[\w.-]+'?)|unrecognized arguments?: (-{1,2}[\w.=-]+)|unrecognized option:? '?(-{1,2}[\w.-]+)|invalid option -- '?(\w)`)

// flagFromLog is the flag a usage error names.
func flagFromLog(line string) string {
	m := flagSignature.FindStringSubmatch(line)
	if m == nil {
		return "<flag>"
	}
	for _, g := range m[1:] {
		if g != "" {
			return strings.Trim(g, "'")
		}
	}
	return "<flag>"
}

// logSignature reports a usage error in a container's log tail, when the
// input carried one: its key and the line.
func (c *ctx) logSignature(p *corev1.Pod, container string) (string, string) {
	for _, prev := range []bool{true, false} {
		text, ok := c.logText(p, container, prev)
		if !ok {
			continue
		}
		if loc := flagSignature.FindStringIndex(text); loc != nil {
			return "log.flag", lineAt(text, loc[0])
		}
	}
	return "", ""
}

// logText is the log of a container instance the input carried. A
// container whose name the input did not show ("<container-2>") takes the
// one log pasted for its pod under another name.
func (c *ctx) logText(p *corev1.Pod, container string, prev bool) (string, bool) {
	text, ok := c.s.Logs[snapshot.LogKey(p.Namespace, p.Name, container, prev)]
	if !ok {
		text, ok = c.s.Logs[snapshot.LogKey(p.Namespace, p.Name, "", prev)]
	}
	if !ok && (container == "" || strings.HasPrefix(container, "<")) {
		var found []string
		for k := range c.s.Logs {
			if c.strayLog(k, p, prev) {
				found = append(found, k)
			}
		}
		if len(found) == 1 {
			text, ok = c.s.Logs[found[0]], true
		}
	}
	// The kubelet answers with this sentence when the log file of that
	// instance is gone: it is not the container's output.
	if !ok || strings.HasPrefix(text, "unable to retrieve container logs") || strings.TrimSpace(text) == "" {
		return "", false
	}
	return text, true
}

// strayLogName is the container name of the one log pasted for the pod
// under a name none of its statuses has.
func (c *ctx) strayLogName(p *corev1.Pod) string {
	name := ""
	for k := range c.s.Logs {
		for _, prev := range []bool{false, true} {
			if !c.strayLog(k, p, prev) {
				continue
			}
			const mark = "\x00"
			before, after, _ := strings.Cut(snapshot.LogKey(p.Namespace, p.Name, mark, prev), mark)
			n := k[len(before) : len(k)-len(after)]
			if name != "" && name != n {
				return ""
			}
			name = n
		}
	}
	return name
}

// strayLog: log key k is of pod p's instance (previous or current) under
// a container name none of the pod's statuses has.
func (c *ctx) strayLog(k string, p *corev1.Pod, prev bool) bool {
	for _, cs := range append(append([]corev1.ContainerStatus{}, p.Status.ContainerStatuses...), p.Status.InitContainerStatuses...) {
		if k == snapshot.LogKey(p.Namespace, p.Name, cs.Name, prev) {
			return false
		}
	}
	const mark = "\x00"
	before, after, _ := strings.Cut(snapshot.LogKey(p.Namespace, p.Name, mark, prev), mark)
	if len(k) <= len(before)+len(after) || !strings.HasPrefix(k, before) || !strings.HasSuffix(k, after) {
		return false
	}
	name := k[len(before) : len(k)-len(after)]
	return !strings.Contains(name, "/")
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
		text, ok := c.logText(p, container, prev)
		if !ok {
			continue
		}
		lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
		if len(lines) > 200 {
			lines = lines[len(lines)-200:]
		}
		tail := strings.Join(lines, "\n")
		if m, ok := crashlog.Find(tail); ok {
			f.Evidence = append(f.Evidence, Evidence{Kind: "log", Object: podObj(p), Field: logField(container, prev), Text: clip(logExcerpt(m.Text), 400), Note: i18n.T("log.sig", m.Sig.ID)})
			return
		}
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

var probeGetRe = regexp.MustCompile(`Get "?(https?)://[^/:"\s]+(:\d+)?(/[^"\s]*)?`)

// probeFromDetail rebuilds an HTTP probe from its failure ("Get
// \"http://10.0.0.5:8080/healthz\": …") as a request from inside the
// container; a shell otherwise.
func probeFromDetail(detail string) []string {
	m := probeGetRe.FindStringSubmatch(detail)
	if m == nil {
		return []string{"sh"}
	}
	path := m[3]
	if path == "" {
		path = "/"
	}
	return []string{"wget", "-qO-", m[1] + "://127.0.0.1" + m[2] + path}
}

var refusedRe = regexp.MustCompile(`dial tcp [^\s]*:(\d+): connect: connection refused`)

// refusedPort is the port a probe found nothing listening on.
func refusedPort(detail string) string {
	if m := refusedRe.FindStringSubmatch(detail); m != nil {
		return m[1]
	}
	return ""
}

// restarts says how often a container restarted, or that the input did
// not show it.
func (c *ctx) restarts(p *corev1.Pod, cs *corev1.ContainerStatus) i18n.Msg {
	if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenRestarts) {
		return i18n.T("restarts.hidden")
	}
	return i18n.T("restarts.n", cs.RestartCount)
}

// startFailureLogRe: lines a runtime or shell prints when the entrypoint
// itself cannot run — runc's standard_init_linux / exec user process
// errors, and sh's "X: Permission denied" / "X: not found" for the
// command it was asked to start.
var startFailureLogRe = regexp.MustCompile(`exec user process caused|standard_init_linux\.go:\d+: exec|exec format error|^(?:/bin/)?(?:ba|da)?sh: (?:\d+: )?\S+: (?:Permission denied|not found)$|^exec \S+: (?:permission denied|no such file or directory|exec format error)`)

// logStartFailure returns the log line that says the container's
// command could not be started, when the input carried its log.
func (c *ctx) logStartFailure(p *corev1.Pod, container string) string {
	for _, name := range []string{container, ""} {
		for _, prev := range []bool{true, false} {
			text, ok := c.s.Logs[snapshot.LogKey(p.Namespace, p.Name, name, prev)]
			if !ok {
				continue
			}
			for _, l := range strings.Split(text, "\n") {
				l = strings.TrimSpace(l)
				if len(l) < 2048 && startFailureLogRe.MatchString(l) && strings.HasPrefix(classify.Classify("kubelet", l), "Run/") {
					return l
				}
			}
		}
	}
	return ""
}

// logExcerpt is a matched stretch of log on one line: a long one (a
// traceback) as its first and last lines, the ones that name the cause.
func logExcerpt(text string) string {
	lines := strings.Split(text, "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	if len(lines) > 2 {
		lines = []string{lines[0], "…", lines[len(lines)-1]}
	}
	return strings.Join(lines, " ⏎ ")
}
