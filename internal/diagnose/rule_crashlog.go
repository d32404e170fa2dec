package diagnose

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/labels"

	"github.com/podwhy/podwhy/internal/crashlog"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// crashLog is the log of the instance that crashed, when the input
// carried it: the current one while the container is terminated, the
// previous one once the kubelet waits to restart it.
func (c *ctx) crashLog(p *corev1.Pod, container string) (string, bool, bool) {
	order := []bool{true, false}
	for _, cs := range append(append([]corev1.ContainerStatus{}, p.Status.ContainerStatuses...), p.Status.InitContainerStatuses...) {
		if cs.Name == container && cs.State.Terminated != nil {
			order = []bool{false, true}
		}
	}
	for _, prev := range order {
		if text, ok := c.logText(p, container, prev); ok {
			return text, prev, true
		}
	}
	return "", false, false
}

// logCause names a crash from the signature its log holds (the
// internal/crashlog catalog) and follows what the line names into the
// snapshot. It reports false when the log holds none, or there is no log.
func (c *ctx) logCause(f *Finding, p *corev1.Pod, container, name string, cflag []string, restarts i18n.Msg) bool {
	text, _, ok := c.crashLog(p, container)
	if !ok {
		return false
	}
	m, ok := crashlog.Find(text)
	if !ok {
		return false
	}
	f.Reason = m.Sig.Reason
	spec := containerSpec(p, container)
	if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) {
		spec = nil
	}
	podArg := orPlaceholder(p.Name, "<pod>")
	target := c.target(p)
	// A Pod's env cannot change: kubectl set env goes to its controller,
	// a bare Pod is re-created with the variable.
	setEnv := func(text i18n.Msg, kv ...string) []Step {
		return c.specSteps(p, text, "env", func(target string) shell.Cmd {
			return kubectl(p.Namespace, append(append([]string{"set", "env", target}, cflag...), kv...)...)
		})
	}
	short := strings.TrimPrefix(m.Sig.Reason, "Crash/")
	words := sigWords[m.Sig.Reason]
	detail := ""
	switch m.Sig.Reason {
	case crashlog.Dependency:
		return c.dependencyCause(f, p, m, name, restarts)
	case crashlog.RBAC:
		detail = m.Field("verb") + " " + resourceArg(m.Field("resource"), m.Field("group"))
		f.groupKey = "rbac:" + detail
		c.rbacCause(f, p, m)
	case crashlog.MissingEnv:
		env := m.Field("env")
		detail = orPlaceholder(env, "<variable>")
		f.groupKey = "env:" + env
		c.envCause(f, p, spec, env)
		f.Steps = append(f.Steps, setEnv(i18n.T("sig.missingenv.step.set", detail), detail+"=<value>")...)
		if env != "" && !strings.HasPrefix(target, "pod/") {
			f.Steps = append(f.Steps, setEnv(i18n.T("sig.missingenv.step.secret", env), "--from=secret/<secret>", "--keys="+env)...)
		}
	case crashlog.MissingFile:
		detail = orPlaceholder(m.Field("path"), "<path>")
		f.groupKey = "file:" + detail
		c.fileCause(f, p, spec, detail)
	case crashlog.MissingModule:
		detail = orPlaceholder(m.Field("module"), "<module>")
		f.groupKey = "module:" + detail
		f.Steps = append(f.Steps, c.rollbackSteps(p)...)
	case crashlog.Port, crashlog.PrivilegedPort:
		detail = orPlaceholder(m.Field("port"), "<port>")
		f.groupKey = "port:" + detail
		c.portCause(f, p, spec, m.Sig.Reason, detail)
	case crashlog.Permission, crashlog.ReadOnlyFS, crashlog.DataDir:
		detail = orPlaceholder(m.Field("path"), m.Field("detail"))
		if detail == "" {
			detail = "<path>"
		}
		f.groupKey = short + ":" + detail
		c.fsCause(f, p, spec, m, detail, setEnv)
	case crashlog.Arch:
		arch := "<unknown>"
		if n := c.s.Node(p.Spec.NodeName); n != nil {
			arch = orPlaceholder(n.Status.NodeInfo.Architecture, n.Labels["kubernetes.io/arch"])
			f.Evidence = append(f.Evidence, statusEvidence(nodeObj(n.Name), "status.nodeInfo.architecture", arch))
		}
		detail = arch
		image := "<image>"
		if spec != nil {
			image = spec.Image
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("sig.arch.step.platforms", image), Command: sh("crane", "manifest", image).Pipe("jq", ".manifests[]?.platform")},
			Step{Text: i18n.T("sig.arch.step.build"), Command: sh("docker", "buildx", "build", "--platform", "linux/amd64,linux/arm64", "-t", image, "--push", ".")})
	case crashlog.Interpreter:
		detail = orPlaceholder(m.Field("path"), "<interpreter>")
		if m.Field("crlf") != "" {
			words = [2]i18n.Msg{i18n.T("sig.crlf.head"), i18n.T("sig.crlf.why")}
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.crlf.step"), Command: sh("sed", "-i", `s/\r$//`, "<script>")})
		} else {
			debug := append([]string{"debug", podArg, "-it", "--copy-to=" + podArg + "-debug"}, containerFlag("--container=", container, len(p.Spec.Containers)+len(p.Spec.InitContainers))...)
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.interpreter.step"), Command: kubectl(p.Namespace, append(debug, "--", "sh", "-c", "head -1 "+shell.Quote(detail)+"; ls -l /lib*/ld-*")...), Changes: true})
		}
	case crashlog.JavaHeap, crashlog.Heap:
		detail = m.Field("detail")
		if detail == "" {
			detail = strings.TrimSpace(lineAt(m.Text, 0))
		}
		limit := ""
		if spec != nil {
			if q, ok := spec.Resources.Limits[corev1.ResourceMemory]; ok {
				limit = fmtQty(corev1.ResourceMemory, q)
				f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+container+"].resources.limits.memory", limit))
			}
		}
		if m.Sig.Reason == crashlog.JavaHeap {
			f.Steps = append(f.Steps, setEnv(i18n.T("sig.javaheap.step.ram"), "JAVA_TOOL_OPTIONS=-XX:MaxRAMPercentage=75.0")...)
		} else if mib := heapMiB(spec); mib > 0 && strings.Contains(m.Text, "JavaScript heap") {
			f.Steps = append(f.Steps, setEnv(i18n.T("sig.heap.step.node"), fmt.Sprintf("NODE_OPTIONS=--max-old-space-size=%d", mib))...)
		}
		newLimit := "<larger>"
		if spec != nil {
			if q, ok := spec.Resources.Limits[corev1.ResourceMemory]; ok {
				q2 := q.DeepCopy()
				q2.Add(q)
				newLimit = fmtQty(corev1.ResourceMemory, q2)
			}
		}
		f.Steps = append(f.Steps, c.resourceSteps(p, container, i18n.T("crash.oom.step.raise"), nil, map[corev1.ResourceName]string{corev1.ResourceMemory: newLimit})...)
	case crashlog.TLS:
		detail = clip(strings.TrimSpace(lineAt(m.Text, 0)), 120)
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("sig.tls.step.ca"), Command: kubectl(p.Namespace, "create", "configmap", "ca-bundle", "--from-file=ca.crt=<ca.crt>"), Changes: true})
	case crashlog.Panic:
		detail = orPlaceholder(m.Field("detail"), strings.TrimSpace(lineAt(m.Text, 0)))
		detail = clip(detail, 120)
		f.Steps = append(f.Steps, c.rollbackSteps(p)...)
	}
	f.Headline = i18n.T(words[0].Key, name, detail, restarts)
	f.Explain = words[1]
	return true
}

// sigWords are the headline and explanation of each reason a signature
// sets (Dependency words its own).
var sigWords = map[string][2]i18n.Msg{
	crashlog.RBAC:           {i18n.T("sig.rbac.head"), i18n.T("sig.rbac.why")},
	crashlog.MissingEnv:     {i18n.T("sig.missingenv.head"), i18n.T("sig.missingenv.why")},
	crashlog.MissingFile:    {i18n.T("sig.missingfile.head"), i18n.T("sig.missingfile.why")},
	crashlog.MissingModule:  {i18n.T("sig.missingmodule.head"), i18n.T("sig.missingmodule.why")},
	crashlog.Port:           {i18n.T("sig.port.head"), i18n.T("sig.port.why")},
	crashlog.PrivilegedPort: {i18n.T("sig.privilegedport.head"), i18n.T("sig.privilegedport.why")},
	crashlog.Permission:     {i18n.T("sig.permission.head"), i18n.T("sig.permission.why")},
	crashlog.ReadOnlyFS:     {i18n.T("sig.readonlyfs.head"), i18n.T("sig.readonlyfs.why")},
	crashlog.DataDir:        {i18n.T("sig.datadir.head"), i18n.T("sig.datadir.why")},
	crashlog.Arch:           {i18n.T("sig.arch.head"), i18n.T("sig.arch.why")},
	crashlog.Interpreter:    {i18n.T("sig.interpreter.head"), i18n.T("sig.interpreter.why")},
	crashlog.JavaHeap:       {i18n.T("sig.javaheap.head"), i18n.T("sig.javaheap.why")},
	crashlog.Heap:           {i18n.T("sig.heap.head"), i18n.T("sig.heap.why")},
	crashlog.TLS:            {i18n.T("sig.tls.head"), i18n.T("sig.tls.why")},
	crashlog.Panic:          {i18n.T("sig.panic.head"), i18n.T("sig.panic.why")},
}

// heapMiB is three quarters of the container's memory limit in MiB: room
// for V8's heap with the rest of the process beside it.
func heapMiB(spec *corev1.Container) int64 {
	if spec == nil {
		return 0
	}
	q, ok := spec.Resources.Limits[corev1.ResourceMemory]
	if !ok {
		return 0
	}
	return q.Value() * 3 / 4 / (1 << 20)
}

// rollbackSteps: code the image does not have, or a bug it has, came with
// a new image; the previous revision is the way back while it is fixed.
func (c *ctx) rollbackSteps(p *corev1.Pod) []Step {
	o := c.ownerOf(p)
	if o.Top.Kind == "Deployment" {
		if d := c.s.Deployment(p.Namespace, o.Top.Name); d != nil && c.previousRevision(d) {
			return []Step{{Text: i18n.T("sig.step.rollback"), Command: kubectl(p.Namespace, "rollout", "undo", workloadArg(o.Top)), Changes: true}}
		}
	}
	return []Step{{Text: i18n.T("sig.step.image")}}
}

// dependencyCause follows the host or address a program could not reach
// to the Service and the pods behind it.
func (c *ctx) dependencyCause(f *Finding, p *corev1.Pod, m crashlog.Match, name string, restarts i18n.Msg) bool {
	host, ip, port := m.Field("host"), m.Field("ip"), m.Field("port")
	shown := host
	if shown == "" {
		shown = ip
	}
	if shown == "" {
		shown = "<host>"
	}
	if port != "" {
		shown += ":" + port
	}
	kind := orPlaceholder(m.Field("kind"), "refused")
	f.groupKey = "dep:" + shown
	f.Explain = i18n.T("sig.dependency.why." + kind)
	t := c.resolveTarget(p, host, ip)
	var link i18n.Msg
	switch {
	case t.svc != nil:
		svc := t.svc
		ref := snapshot.ObjectRef{Kind: snapshot.KindService, Namespace: svc.Namespace, Name: svc.Name, UID: svc.UID}
		b := c.backendsOf(svc)
		sel := labels.SelectorFromSet(svc.Spec.Selector).String()
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: ref, Field: "spec",
			Text: fmt.Sprintf("selector %s; ports %s; %d/%d endpoints ready", orNone(sel), orNone(servicePorts(svc)), b.ready, b.total)})
		var waiting []string
		for _, bp := range b.pods {
			if !podConditionTrue(bp, corev1.PodReady) {
				f.dependsOn = appendUnique(f.dependsOn, bp.Namespace+"/"+bp.Name)
				waiting = append(waiting, podState(bp))
				if len(waiting) <= 3 {
					f.Evidence = append(f.Evidence, statusEvidence(podObj(bp), "status.phase", PodStatus(bp)))
				}
			}
		}
		svcName := svc.Name
		if svc.Namespace != p.Namespace {
			svcName = svc.Name + "." + svc.Namespace
		}
		switch {
		case !hasPort(svc, port):
			link = i18n.T("sig.dependency.link.port", svcName, port, orNone(servicePorts(svc)))
		case len(svc.Spec.Selector) == 0 && !b.fromSlice:
			link = i18n.T("sig.dependency.link.noselector", svcName)
		case len(b.pods) == 0 && b.total == 0:
			link = i18n.T("sig.dependency.link.nopods", svcName, sel)
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.dependency.step.labels", sel), Command: kubectl(svc.Namespace, "get", "pods", "--show-labels")})
		case b.ready == 0:
			link = i18n.T("sig.dependency.link.noready", svcName, strings.Join(firstN(waiting, 3), ", "))
		default:
			link = i18n.T("sig.dependency.link.ready", svcName, b.ready)
		}
		if sel != "" {
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.dependency.step.backends", svcName), Command: kubectl(svc.Namespace, "get", "pods", "-l", sel, "-o", "wide")})
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("sig.dependency.step.endpoints", svcName),
			Command: kubectl(svc.Namespace, "get", "endpointslices", "-l", "kubernetes.io/service-name="+svc.Name)})
		if len(f.dependsOn) > 0 {
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.dependency.step.root")})
		}
	case t.pod != nil:
		f.Evidence = append(f.Evidence, statusEvidence(podObj(t.pod), "status.podIP", t.pod.Status.PodIP+" "+PodStatus(t.pod)))
		if !podConditionTrue(t.pod, corev1.PodReady) {
			f.dependsOn = appendUnique(f.dependsOn, t.pod.Namespace+"/"+t.pod.Name)
		}
		link = i18n.T("sig.dependency.link.pod", t.pod.Namespace+"/"+t.pod.Name, PodStatus(t.pod))
	case !c.s.Has(snapshot.KindService) && (ip != "" || !t.external):
		// Services were not in the input: where the address leads is
		// not known here, only how to look it up.
		if ip != "" {
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.dependency.step.find", ip),
				Command: kubectl("", "get", "services", "--all-namespaces", "-o", "wide").Pipe(grepFor(ip)...)})
		} else {
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.dependency.step.find", t.name),
				Command: kubectl(t.ns, "get", "service", t.name, "-o", "wide")})
		}
	case !t.external:
		near, elsewhere := c.similarServices(t.ns, t.name)
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: snapshot.KindService, Namespace: t.ns, Name: t.name},
			Text: "not found", Note: i18n.T("sig.dependency.nosvc", t.name, t.ns)})
		link = i18n.T("sig.dependency.link.missing", t.name, t.ns)
		if len(near)+len(elsewhere) > 0 {
			link = i18n.T("sig.dependency.link.similar", t.name, t.ns, strings.Join(append(near, elsewhere...), ", "))
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("sig.dependency.step.services", t.ns), Command: kubectl(t.ns, "get", "services")})
	case t.external:
		f.Steps = append(f.Steps, Step{Text: i18n.T("sig.dependency.step.external", shown),
			Command: kubectl(p.Namespace, "run", "podwhy-netcheck", "--rm", "-i", "--restart=Never", "--image=busybox:1.36", "--", "nc", "-zv", "-w", "3", orPlaceholder(host+ip, "<host>"), orPlaceholder(port, "<port>")), Changes: true})
	}
	if link.Key != "" {
		f.Headline = i18n.T("sig.dependency.head.link", name, shown, i18n.T("sig.kind."+kind), restarts, link)
	} else {
		f.Headline = i18n.T("sig.dependency.head", name, shown, i18n.T("sig.kind."+kind), restarts)
	}
	return true
}

func firstN(s []string, n int) []string {
	if len(s) > n {
		return append(s[:n:n], "…")
	}
	return s
}

// rbacCause lists what the refused ServiceAccount is bound to, and adds
// the Role and RoleBinding that grant exactly the refused verb.
func (c *ctx) rbacCause(f *Finding, p *corev1.Pod, m crashlog.Match) {
	ns, sa, verb, res, group, inNS := m.Field("ns"), m.Field("sa"), m.Field("verb"), m.Field("resource"), m.Field("group"), m.Field("inns")
	saRef := snapshot.ObjectRef{Kind: snapshot.KindServiceAccount, Namespace: ns, Name: sa}
	if c.s.Has(snapshot.KindRoleBinding) || c.s.Has(snapshot.KindCRoleBinding) {
		found, grants := c.bindingsOf(ns, sa, inNS, verb, res, group)
		ev := Evidence{Kind: "object", Object: saRef, Field: "bindings", Text: strings.Join(found, "; "), Note: i18n.T("sig.rbac.bindings")}
		if len(found) == 0 {
			ev.Text, ev.Note = "<none>", i18n.T("sig.rbac.nobinding")
		}
		f.Evidence = append(f.Evidence, ev)
		if grants {
			// The snapshot says it is allowed now: granted after the crash.
			f.Unchecked = append(f.Unchecked, i18n.T("sig.rbac.granted"))
		}
	} else {
		f.Unchecked = append(f.Unchecked, i18n.T("sig.rbac.unchecked"))
	}
	line := fmt.Sprintf(`forbidden: User "system:serviceaccount:%s:%s" cannot %s resource "%s" in API group "%s"`, ns, sa, verb, res, group)
	if inNS != "" {
		line += ` in the namespace "` + inNS + `"`
	}
	c.addRBACSteps(f, p, line)
	canI := []string{"auth", "can-i", verb, resourceArg(res, group), "--as=system:serviceaccount:" + ns + ":" + sa}
	if inNS == "" {
		canI = append(canI, "--all-namespaces")
	}
	f.Steps = append(f.Steps, Step{Text: i18n.T("sig.rbac.step.check"), Command: kubectl(inNS, canI...)})
}

// envCause says where the variable could have come from: the container's
// env, its envFrom sources and their keys.
func (c *ctx) envCause(f *Finding, p *corev1.Pod, spec *corev1.Container, env string) {
	if spec == nil || env == "" {
		return
	}
	field := "spec.containers[" + spec.Name + "]"
	for _, e := range spec.Env {
		if e.Name == env {
			ev := specEvidence(podObj(p), field+".env["+env+"]", "set")
			ev.Note = i18n.T("sig.missingenv.set-empty")
			f.Evidence = append(f.Evidence, ev)
			return
		}
	}
	var from []string
	for _, ef := range spec.EnvFrom {
		switch {
		case ef.ConfigMapRef != nil:
			cm := c.s.ConfigMap(p.Namespace, ef.ConfigMapRef.Name)
			desc := "configMap " + ef.ConfigMapRef.Name
			if cm != nil {
				desc += " (keys: " + orNone(strings.Join(cm.Keys, ", ")) + ")"
			}
			from = append(from, desc)
		case ef.SecretRef != nil:
			sec := c.s.Secret(p.Namespace, ef.SecretRef.Name)
			desc := "secret " + ef.SecretRef.Name
			if sec != nil {
				desc += " (keys: " + orNone(strings.Join(sec.Keys, ", ")) + ")"
			}
			from = append(from, desc)
		}
	}
	names := make([]string, len(spec.Env))
	for i, e := range spec.Env {
		names[i] = e.Name
	}
	text := "env: " + orNone(strings.Join(names, ", "))
	if len(from) > 0 {
		text += "; envFrom: " + strings.Join(from, "; ")
	}
	ev := specEvidence(podObj(p), field+".env", text)
	ev.Note = i18n.T("sig.missingenv.notset", env)
	f.Evidence = append(f.Evidence, ev)
}

// fileCause finds the volume a missing file should have come from.
func (c *ctx) fileCause(f *Finding, p *corev1.Pod, spec *corev1.Container, path string) {
	if spec == nil {
		return
	}
	vm, vol, rel := mountFor(p, spec, path)
	field := "spec.containers[" + spec.Name + "].volumeMounts"
	if vm == nil {
		ev := specEvidence(podObj(p), field, orNone(mountList(spec)))
		ev.Note = i18n.T("sig.missingfile.nomount", path)
		f.Evidence = append(f.Evidence, ev)
		return
	}
	desc := vm.Name + " at " + vm.MountPath
	if vol == nil {
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), field, desc))
		return
	}
	var keys []string
	var src string
	switch {
	case vol.ConfigMap != nil:
		src = "configMap " + vol.ConfigMap.Name
		if cm := c.s.ConfigMap(p.Namespace, vol.ConfigMap.Name); cm != nil {
			keys = cm.Keys
		}
		if len(vol.ConfigMap.Items) > 0 {
			keys = nil
			for _, it := range vol.ConfigMap.Items {
				keys = append(keys, it.Path)
			}
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("sig.missingfile.step.keys", vol.ConfigMap.Name), Command: kubectl(p.Namespace, "describe", "configmap", vol.ConfigMap.Name)})
	case vol.Secret != nil:
		src = "secret " + vol.Secret.SecretName
		if s := c.s.Secret(p.Namespace, vol.Secret.SecretName); s != nil {
			keys = s.Keys
		}
		if len(vol.Secret.Items) > 0 {
			keys = nil
			for _, it := range vol.Secret.Items {
				keys = append(keys, it.Path)
			}
		}
		// describe shows a Secret's key names and sizes, never values.
		f.Steps = append(f.Steps, Step{Text: i18n.T("sig.missingfile.step.keys", vol.Secret.SecretName), Command: kubectl(p.Namespace, "describe", "secret", vol.Secret.SecretName)})
	case vol.EmptyDir != nil:
		src = "emptyDir (empty at start)"
	case vol.PersistentVolumeClaim != nil:
		src = "persistentVolumeClaim " + vol.PersistentVolumeClaim.ClaimName
	default:
		src = "volume " + vol.Name
	}
	desc += " ← " + src
	ev := specEvidence(podObj(p), field+"["+vm.Name+"]", desc)
	if keys != nil {
		ev.Text += "; files: " + orNone(strings.Join(keys, ", "))
		if rel != "" && indexOf(keys, strings.SplitN(rel, "/", 2)[0]) < 0 {
			ev.Note = i18n.T("sig.missingfile.nokey", rel, src)
		}
	}
	f.Evidence = append(f.Evidence, ev)
}

// portCause: a taken port (another container of the pod, or the node's
// network) or a privileged port under a non-root user.
func (c *ctx) portCause(f *Finding, p *corev1.Pod, spec *corev1.Container, reason, port string) {
	if reason == crashlog.Port {
		if p.Spec.HostNetwork {
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.hostNetwork", "true"))
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.port.step.node", orPlaceholder(p.Spec.NodeName, "<node>")), Command: sh("ss", "-ltnp").Pipe(grepFor(":" + port)...)})
		}
		for _, other := range append(append([]corev1.Container{}, p.Spec.InitContainers...), p.Spec.Containers...) {
			if spec != nil && other.Name == spec.Name {
				continue
			}
			for _, cp := range other.Ports {
				if fmt.Sprint(cp.ContainerPort) == port {
					f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+other.Name+"].ports", fmt.Sprint(cp.ContainerPort)))
				}
			}
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("sig.port.step.change")})
		return
	}
	user := runAsText(p, spec)
	if user != "" {
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "securityContext", user))
	}
	if spec != nil {
		path := c.containerPath(p, spec.Name) + "/securityContext/capabilities/add"
		patch := "[" + jsonPatch("add", path, []string{"NET_BIND_SERVICE"}) + "]"
		if spec.SecurityContext != nil && spec.SecurityContext.Capabilities != nil && spec.SecurityContext.Capabilities.Add != nil {
			patch = "[" + jsonPatch("add", path+"/-", "NET_BIND_SERVICE") + "]"
		}
		f.Steps = append(f.Steps, c.specSteps(p, i18n.T("sig.privport.step.cap"), "securityContext.capabilities", func(target string) shell.Cmd {
			return kubectl(p.Namespace, "patch", target, "--type=json", "-p", patch)
		})...)
	}
	f.Steps = append(f.Steps, Step{Text: i18n.T("sig.privport.step.port", port)})
}

// runAsText is the user a container runs as, as the spec says.
func runAsText(p *corev1.Pod, spec *corev1.Container) string {
	var parts []string
	if sc := p.Spec.SecurityContext; sc != nil {
		if sc.RunAsUser != nil {
			parts = append(parts, fmt.Sprintf("pod runAsUser=%d", *sc.RunAsUser))
		}
		if sc.RunAsNonRoot != nil {
			parts = append(parts, fmt.Sprintf("pod runAsNonRoot=%t", *sc.RunAsNonRoot))
		}
		if sc.FSGroup != nil {
			parts = append(parts, fmt.Sprintf("pod fsGroup=%d", *sc.FSGroup))
		}
	}
	if spec != nil && spec.SecurityContext != nil {
		sc := spec.SecurityContext
		if sc.RunAsUser != nil {
			parts = append(parts, fmt.Sprintf("runAsUser=%d", *sc.RunAsUser))
		}
		if sc.RunAsNonRoot != nil {
			parts = append(parts, fmt.Sprintf("runAsNonRoot=%t", *sc.RunAsNonRoot))
		}
		if sc.ReadOnlyRootFilesystem != nil {
			parts = append(parts, fmt.Sprintf("readOnlyRootFilesystem=%t", *sc.ReadOnlyRootFilesystem))
		}
	}
	return strings.Join(parts, " ")
}

// fsCause: a path the process may not write — a read-only root
// filesystem, a volume owned by another user, a database's data
// directory it refuses.
func (c *ctx) fsCause(f *Finding, p *corev1.Pod, spec *corev1.Container, m crashlog.Match, path string, setEnv func(i18n.Msg, ...string) []Step) {
	if user := runAsText(p, spec); user != "" {
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "securityContext", user))
	}
	var vm *corev1.VolumeMount
	if spec != nil && strings.HasPrefix(path, "/") {
		vm, _, _ = mountFor(p, spec, path)
		if vm != nil {
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+spec.Name+"].volumeMounts["+vm.Name+"]", vm.MountPath))
		}
	}
	switch m.Sig.Reason {
	case crashlog.ReadOnlyFS:
		if spec == nil {
			return
		}
		dir := path
		if i := strings.LastIndexByte(path, '/'); i > 0 && strings.Contains(path[i:], ".") {
			dir = path[:i]
		}
		vol := "writable-" + strings.Trim(strings.NewReplacer("/", "-", ".", "-", "_", "-").Replace(strings.ToLower(dir)), "-")
		if len(vol) > 63 {
			vol = vol[:63]
		}
		specPath := c.podSpecPath(p)
		cpath := c.containerPath(p, spec.Name)
		var ops []string
		if len(p.Spec.Volumes) == 0 {
			ops = append(ops, jsonPatch("add", specPath+"/volumes", []map[string]any{{"name": vol, "emptyDir": map[string]any{}}}))
		} else {
			ops = append(ops, jsonPatch("add", specPath+"/volumes/-", map[string]any{"name": vol, "emptyDir": map[string]any{}}))
		}
		if len(spec.VolumeMounts) == 0 {
			ops = append(ops, jsonPatch("add", cpath+"/volumeMounts", []map[string]any{{"name": vol, "mountPath": dir}}))
		} else {
			ops = append(ops, jsonPatch("add", cpath+"/volumeMounts/-", map[string]any{"name": vol, "mountPath": dir}))
		}
		patch := "[" + strings.Join(ops, ",") + "]"
		f.Steps = append(f.Steps, c.specSteps(p, i18n.T("sig.readonlyfs.step.emptydir", dir), "volumes", func(target string) shell.Cmd {
			return kubectl(p.Namespace, "patch", target, "--type=json", "-p", patch)
		})...)
	case crashlog.Permission:
		if vm != nil && spec != nil {
			gid := int64(1000)
			if sc := p.Spec.SecurityContext; sc != nil && sc.RunAsGroup != nil {
				gid = *sc.RunAsGroup
			} else if spec.SecurityContext != nil && spec.SecurityContext.RunAsUser != nil {
				gid = *spec.SecurityContext.RunAsUser
			} else if sc := p.Spec.SecurityContext; sc != nil && sc.RunAsUser != nil {
				gid = *sc.RunAsUser
			}
			patch := c.podSpecPatch(p, map[string]any{"securityContext": map[string]any{"fsGroup": gid}})
			f.Steps = append(f.Steps, c.specSteps(p, i18n.T("sig.permission.step.fsgroup", gid), "securityContext.fsGroup", func(target string) shell.Cmd {
				return kubectl(p.Namespace, "patch", target, "--type=merge", "-p", patch)
			})...)
		} else {
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.permission.step.image", path)})
		}
	case crashlog.DataDir:
		switch m.Sig.ID {
		case "postgres.lostfound", "postgres.notempty":
			f.Steps = append(f.Steps, setEnv(i18n.T("sig.datadir.step.pgdata"), "PGDATA="+strings.TrimSuffix(path, "/")+"/pgdata")...)
		case "postgres.ownership", "postgres.chmod":
			patch := c.podSpecPatch(p, map[string]any{"securityContext": map[string]any{"fsGroup": 999, "runAsUser": 999}})
			f.Steps = append(f.Steps, c.specSteps(p, i18n.T("sig.datadir.step.owner"), "securityContext", func(target string) shell.Cmd {
				return kubectl(p.Namespace, "patch", target, "--type=merge", "-p", patch)
			})...)
		case "mysql.datadir":
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.datadir.step.subpath")})
		default:
			f.Steps = append(f.Steps, Step{Text: i18n.T("sig.datadir.step.mount", path)})
		}
	}
}

func mountList(spec *corev1.Container) string {
	var out []string
	for _, m := range spec.VolumeMounts {
		out = append(out, m.MountPath)
	}
	return strings.Join(out, ", ")
}

// readinessDependency: a container that runs but is not Ready often says
// why in its log — a dependency it cannot reach. The readiness finding
// then names it and joins the same chain a crash would.
func (c *ctx) readinessDependency(f *Finding, p *corev1.Pod, container string) {
	text, ok := c.logText(p, container, false)
	if !ok {
		return
	}
	m, ok := crashlog.Find(text)
	if !ok || m.Sig.Reason != crashlog.Dependency {
		return
	}
	dep := &Finding{}
	c.dependencyCause(dep, p, m, container, i18n.T("restarts.n", 0))
	f.Evidence = append(f.Evidence, Evidence{Kind: "log", Object: podObj(p), Field: logField(container, false), Text: clip(logExcerpt(m.Text), 400), Note: i18n.T("log.sig", m.Sig.ID)})
	f.Evidence = append(f.Evidence, dep.Evidence...)
	f.dependsOn = dep.dependsOn
	f.Steps = append(dep.Steps, f.Steps...)
	f.Headline = i18n.T("ready.dependency.head", orPlaceholder(container, "<container>"), dep.Headline)
}
