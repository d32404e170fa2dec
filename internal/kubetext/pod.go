package kubetext

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// textPod is a pod rebuilt from text, with what is known only relative to
// the moment the text was printed.
type textPod struct {
	pod *corev1.Pod
	// describe is true for a kubectl describe pod; false for a get row.
	describe bool
	ageAgo   time.Duration
	hasAge   bool
	// deletionAgo is how long ago deletion began ("Terminating (lasts
	// 5m)"); deletionFuture marks "<invalid>": inside the grace period.
	deletionAgo    time.Duration
	deletionFuture bool
	terminating    bool
	// lastRestartAgo comes from get pods' RESTARTS "(73s ago)".
	lastRestartAgo time.Duration
	hasLastRestart bool
	// hidden are the parts of the pod the text did not show.
	hidden snapshot.Hidden
}

const rfc1123z = time.RFC1123Z

func parseTime(s string) (time.Time, bool) {
	s = noneToEmpty(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, f := range []string{time.RFC1123Z, time.RFC1123, time.RFC3339, "Mon, 2 Jan 2006 15:04:05 -0700"} {
		if t, err := time.Parse(f, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// describePod turns one kubectl describe pod block into a Pod and its
// events.
func (p *parser) describePod(tree *node) {
	pod := &corev1.Pod{}
	pod.Kind, pod.APIVersion = "Pod", "v1"
	pod.Name = tree.get("Name")
	pod.Namespace = firstNonEmpty(tree.get("Namespace"), p.cmdNamespace())
	if pr := tree.get("Priority"); pr != "" {
		if n, err := strconv.Atoi(pr); err == nil {
			v := int32(n)
			pod.Spec.Priority = &v
		}
	}
	pod.Spec.PriorityClassName = tree.get("Priority Class Name")
	pod.Spec.ServiceAccountName = tree.get("Service Account")
	// "Host:" before 1.0; "/" alone when the pod is on no node.
	if n := firstNonEmpty(tree.get("Node"), tree.get("Host")); n != "" {
		name, ip, _ := strings.Cut(n, "/")
		pod.Spec.NodeName, pod.Status.HostIP = name, ip
	}
	if t, ok := parseTime(tree.get("Start Time")); ok {
		p.seen(t)
		mt := metav1.NewTime(t)
		pod.Status.StartTime = &mt
	}
	pod.Labels = parseLabels(tree.values("Labels"))
	pod.Annotations = parseAnnotations(tree.values("Annotations"))
	tp := &textPod{pod: pod, describe: true}
	status := tree.get("Status")
	if rest, ok := strings.CutPrefix(status, "Terminating"); ok {
		tp.terminating = true
		rest = strings.Trim(strings.TrimSpace(rest), "()")
		rest = strings.TrimSpace(strings.TrimPrefix(rest, "lasts"))
		if d, ok := parseAge(rest); ok {
			tp.deletionAgo = d
		} else {
			tp.deletionFuture = true
		}
		if g, ok := parseAge(tree.get("Termination Grace Period")); ok {
			s := int64(g / time.Second)
			pod.DeletionGracePeriodSeconds = &s
		}
	} else {
		pod.Status.Phase = corev1.PodPhase(status)
	}
	pod.Status.Reason = tree.get("Reason")
	pod.Status.Message = strings.Join(tree.values("Message"), " ")
	pod.Status.PodIP = tree.get("IP")
	pod.OwnerReferences = ownerOf(tree)
	pod.Status.NominatedNodeName = tree.get("NominatedNodeName")
	pod.Spec.InitContainers, pod.Status.InitContainerStatuses = p.containers(tree.kid("Init Containers"))
	pod.Spec.Containers, pod.Status.ContainerStatuses = p.containers(tree.kid("Containers"))
	if c := tree.kid("Conditions"); c != nil {
		for _, r := range c.Rows {
			f := strings.Fields(r)
			if len(f) < 2 || f[0] == "Type" || strings.HasPrefix(f[0], "--") {
				continue
			}
			pod.Status.Conditions = append(pod.Status.Conditions, corev1.PodCondition{Type: corev1.PodConditionType(f[0]), Status: corev1.ConditionStatus(f[1])})
		}
	}
	if v := tree.kid("Volumes"); v != nil {
		for _, k := range v.Kids {
			pod.Spec.Volumes = append(pod.Spec.Volumes, volume(k))
		}
	}
	pod.Status.QOSClass = corev1.PodQOSClass(tree.get("QoS Class"))
	if sel := parseLabels(tree.values("Node-Selectors")); len(sel) > 0 {
		pod.Spec.NodeSelector = sel
	}
	for _, t := range tree.values("Tolerations") {
		if tol, ok := parseToleration(t); ok {
			pod.Spec.Tolerations = append(pod.Spec.Tolerations, tol)
		}
	}
	if tp.terminating && pod.Status.Phase == "" {
		pod.Status.Phase = corev1.PodRunning
		if pod.Spec.NodeName == "" {
			pod.Status.Phase = corev1.PodPending
		}
	}
	if pod.Status.Phase == "" {
		// A describe cut above its Status: a bound pod with container
		// statuses runs; else it waits.
		pod.Status.Phase = corev1.PodPending
		if pod.Spec.NodeName != "" && len(pod.Status.ContainerStatuses) > 0 {
			pod.Status.Phase = corev1.PodRunning
		}
	}
	if pod.Spec.NodeName != "" && podConditionMissing(pod, corev1.PodScheduled) {
		pod.Status.Conditions = append(pod.Status.Conditions, corev1.PodCondition{Type: corev1.PodScheduled, Status: corev1.ConditionTrue})
	}
	if ev := tree.kid("Events"); ev != nil {
		p.events = append(p.events, parseDescribeEvents(ev.Rows, pod.Namespace, "Pod", pod.Name)...)
	} else {
		tp.hidden |= snapshot.HiddenEvents
	}
	if cs := tree.kid("Containers"); cs == nil || len(cs.Kids) == 0 {
		// A describe cut after its header: nothing of the containers.
		tp.hidden |= snapshot.HiddenSpec | snapshot.HiddenRestarts | snapshot.HiddenExit
	} else {
		for _, k := range cs.Kids {
			if k.kid("Restart Count") == nil {
				tp.hidden |= snapshot.HiddenRestarts
			}
			if k.kid("Image") == nil && k.kid("Limits") == nil && k.kid("Requests") == nil {
				tp.hidden |= snapshot.HiddenSpec
			}
		}
	}
	p.addPod(tp)
}

func podConditionMissing(p *corev1.Pod, t corev1.PodConditionType) bool {
	for _, c := range p.Status.Conditions {
		if c.Type == t {
			return false
		}
	}
	return true
}

// apiVersionOf gives the group/version of the owner kinds describe prints.
func apiVersionOf(kind string) string {
	switch kind {
	case "ReplicaSet", "Deployment", "StatefulSet", "DaemonSet":
		return "apps/v1"
	case "Job", "CronJob":
		return "batch/v1"
	}
	return "v1"
}

func parseLabels(vals []string) map[string]string {
	if len(vals) == 0 {
		return nil
	}
	out := map[string]string{}
	for _, v := range vals {
		k, val, _ := strings.Cut(strings.TrimSpace(v), "=")
		if k != "" {
			out[k] = val
		}
	}
	return out
}

func parseAnnotations(vals []string) map[string]string {
	if len(vals) == 0 {
		return nil
	}
	out := map[string]string{}
	for _, v := range vals {
		k, val, ok := strings.Cut(strings.TrimSpace(v), ":")
		if !ok {
			continue
		}
		out[k] = strings.TrimSpace(val)
	}
	return out
}

// tolerationRe is printPodTolerationsMultiline's "key=value:Effect op=Exists
// for 30s".
var tolerationRe = regexp.MustCompile(`^([^=:\s]*)(?:=([^:\s]*))?(?::(\S+))?(?:\s+op=(\S+))?(?:\s+for\s+(\d+)s)?$`)

func parseToleration(s string) (corev1.Toleration, bool) {
	m := tolerationRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return corev1.Toleration{}, false
	}
	t := corev1.Toleration{Key: m[1], Value: m[2], Effect: corev1.TaintEffect(m[3]), Operator: corev1.TolerationOperator(m[4])}
	if t.Operator == "" {
		t.Operator = corev1.TolerationOpEqual
	}
	if m[5] != "" {
		n, _ := strconv.ParseInt(m[5], 10, 64)
		t.TolerationSeconds = &n
	}
	return t, true
}

// containers reads a Containers or Init Containers section.
func (p *parser) containers(n *node) ([]corev1.Container, []corev1.ContainerStatus) {
	if n == nil {
		return nil, nil
	}
	var specs []corev1.Container
	var statuses []corev1.ContainerStatus
	for _, c := range n.Kids {
		spec, st := p.container(c)
		specs = append(specs, spec)
		if st != nil {
			statuses = append(statuses, *st)
		}
	}
	return specs, statuses
}

// container reads one container block: its spec, and its status when
// describe printed one (Container ID or State present).
func (p *parser) container(n *node) (corev1.Container, *corev1.ContainerStatus) {
	c := corev1.Container{Name: n.Key, Image: n.get("Image")}
	if cmd := n.kid("Command"); cmd != nil {
		c.Command = cmd.Rows
	}
	if args := n.kid("Args"); args != nil {
		c.Args = args.Rows
	}
	ports := firstNonEmpty(n.get("Ports"), n.get("Port"))
	hostPorts := firstNonEmpty(n.get("Host Ports"), n.get("Host Port"))
	hp := strings.Split(hostPorts, ",")
	for i, ps := range strings.Split(ports, ",") {
		ps = strings.TrimSpace(ps)
		if ps == "" {
			continue
		}
		num, proto, _ := strings.Cut(ps, "/")
		// "8080/TCP (http)" names the port.
		proto, name, _ := strings.Cut(proto, " ")
		v, err := strconv.Atoi(num)
		if err != nil {
			continue
		}
		port := corev1.ContainerPort{ContainerPort: int32(v), Protocol: corev1.Protocol(proto), Name: strings.Trim(name, "()")}
		if i < len(hp) {
			h, _, _ := strings.Cut(strings.TrimSpace(hp[i]), "/")
			if hv, err := strconv.Atoi(h); err == nil {
				port.HostPort = int32(hv)
			}
		}
		c.Ports = append(c.Ports, port)
	}
	c.Resources.Limits = resources(n.kid("Limits"))
	c.Resources.Requests = resources(n.kid("Requests"))
	c.LivenessProbe = parseProbe(n.get("Liveness"))
	c.ReadinessProbe = parseProbe(n.get("Readiness"))
	c.StartupProbe = parseProbe(n.get("Startup"))
	if env := n.kid("Environment"); env != nil {
		for _, e := range env.Kids {
			c.Env = append(c.Env, envVar(e))
		}
	}
	if ef := n.kid("Environment Variables from"); ef != nil {
		lines := append([]string{}, ef.Rows...)
		for _, k := range ef.Kids {
			lines = append(lines, k.Key+": "+k.Val)
		}
		for _, l := range lines {
			if src, ok := envFrom(l); ok {
				c.EnvFrom = append(c.EnvFrom, src)
			}
		}
	}
	if m := n.kid("Mounts"); m != nil {
		for _, r := range m.Rows {
			if vm, ok := mount(r); ok {
				c.VolumeMounts = append(c.VolumeMounts, vm)
			}
		}
	}
	if n.kid("Container ID") == nil && n.kid("State") == nil && n.kid("Last State") == nil && n.kid("Restart Count") == nil {
		return c, nil
	}
	st := &corev1.ContainerStatus{Name: c.Name, Image: c.Image, ImageID: n.get("Image ID"), ContainerID: n.get("Container ID")}
	st.State = p.state(n.kid("State"))
	if ls := n.kid("Last State"); ls != nil {
		st.LastTerminationState = p.state(ls)
	}
	st.Ready = n.get("Ready") == "True"
	if rc, err := strconv.Atoi(n.get("Restart Count")); err == nil {
		st.RestartCount = int32(rc)
	}
	if st.State.Running != nil {
		t := true
		st.Started = &t
	}
	return c, st
}

func (p *parser) state(n *node) corev1.ContainerState {
	var s corev1.ContainerState
	if n == nil {
		return s
	}
	switch n.Val {
	case "Running":
		r := &corev1.ContainerStateRunning{}
		if t, ok := parseTime(n.get("Started")); ok {
			p.seen(t)
			r.StartedAt = metav1.NewTime(t)
		}
		s.Running = r
	case "Terminated":
		t := &corev1.ContainerStateTerminated{Reason: n.get("Reason"), Message: strings.Join(n.values("Message"), "\n")}
		if v, err := strconv.Atoi(n.get("Exit Code")); err == nil {
			t.ExitCode = int32(v)
		}
		if v, err := strconv.Atoi(n.get("Signal")); err == nil {
			t.Signal = int32(v)
		}
		if ts, ok := parseTime(n.get("Started")); ok {
			p.seen(ts)
			t.StartedAt = metav1.NewTime(ts)
		}
		if ts, ok := parseTime(n.get("Finished")); ok {
			p.seen(ts)
			t.FinishedAt = metav1.NewTime(ts)
		}
		s.Terminated = t
	default:
		s.Waiting = &corev1.ContainerStateWaiting{Reason: n.get("Reason")}
	}
	return s
}

func resources(n *node) corev1.ResourceList {
	if n == nil || len(n.Kids) == 0 {
		return nil
	}
	out := corev1.ResourceList{}
	for _, k := range n.Kids {
		if q, err := resource.ParseQuantity(strings.TrimSpace(k.Val)); err == nil {
			out[corev1.ResourceName(k.Key)] = q
		}
	}
	return out
}

// probeRe is DescribeProbe's "http-get http://:8080/healthz delay=0s
// timeout=1s period=10s #success=1 #failure=3" (also exec, tcp-socket,
// grpc).
var probeRe = regexp.MustCompile(`^(http-get|exec|tcp-socket|grpc|unknown)\s+(.*?)\s*delay=(\d+)s\s+timeout=(\d+)s\s+period=(\d+)s\s+#success=(\d+)\s+#failure=(\d+)`)

func parseProbe(s string) *corev1.Probe {
	m := probeRe.FindStringSubmatch(s)
	if m == nil {
		return nil
	}
	atoi := func(s string) int32 { v, _ := strconv.Atoi(s); return int32(v) }
	pr := &corev1.Probe{InitialDelaySeconds: atoi(m[3]), TimeoutSeconds: atoi(m[4]), PeriodSeconds: atoi(m[5]), SuccessThreshold: atoi(m[6]), FailureThreshold: atoi(m[7])}
	target := m[2]
	switch m[1] {
	case "http-get":
		// "http://:8080/healthz" or "https://10.0.0.1:http/ready"
		scheme, rest, _ := strings.Cut(target, "://")
		hostport, path, _ := strings.Cut(rest, "/")
		host, port, _ := strings.Cut(hostport, ":")
		pr.HTTPGet = &corev1.HTTPGetAction{Scheme: corev1.URIScheme(strings.ToUpper(scheme)), Host: host, Path: "/" + path, Port: intstr.Parse(port)}
	case "tcp-socket":
		host, port, _ := strings.Cut(target, ":")
		pr.TCPSocket = &corev1.TCPSocketAction{Host: host, Port: intstr.Parse(port)}
	case "grpc":
		_, port, _ := strings.Cut(target, ":")
		v, _ := strconv.Atoi(port)
		pr.GRPC = &corev1.GRPCAction{Port: int32(v)}
	case "exec":
		cmd := strings.Trim(target, "[]")
		pr.Exec = &corev1.ExecAction{Command: strings.Fields(cmd)}
	}
	return pr
}

var envRefRe = regexp.MustCompile(`^<set to the key '([^']*)' (of config map|in secret) '([^']*)'>(?:\s+Optional:\s*(true|false))?`)

func envVar(n *node) corev1.EnvVar {
	e := corev1.EnvVar{Name: n.Key}
	m := envRefRe.FindStringSubmatch(n.Val)
	if m == nil {
		e.Value = strings.Join(append([]string{n.Val}, n.More...), "\n")
		return e
	}
	opt := m[4] == "true"
	if m[2] == "in secret" {
		e.ValueFrom = &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{LocalObjectReference: corev1.LocalObjectReference{Name: m[3]}, Key: m[1], Optional: &opt}}
	} else {
		e.ValueFrom = &corev1.EnvVarSource{ConfigMapKeyRef: &corev1.ConfigMapKeySelector{LocalObjectReference: corev1.LocalObjectReference{Name: m[3]}, Key: m[1], Optional: &opt}}
	}
	return e
}

// envFromRe is describeContainerEnvFrom's "NAME  ConfigMap  Optional: false"
// (with " with prefix 'P'" after the kind when set).
var envFromRe = regexp.MustCompile(`^(\S+)\s+(ConfigMap|Secret)(?:\s+with prefix '([^']*)')?\s+Optional:\s*(true|false)`)

func envFrom(l string) (corev1.EnvFromSource, bool) {
	m := envFromRe.FindStringSubmatch(strings.TrimSpace(l))
	if m == nil {
		return corev1.EnvFromSource{}, false
	}
	opt := m[4] == "true"
	src := corev1.EnvFromSource{Prefix: m[3]}
	if m[2] == "Secret" {
		src.SecretRef = &corev1.SecretEnvSource{LocalObjectReference: corev1.LocalObjectReference{Name: m[1]}, Optional: &opt}
	} else {
		src.ConfigMapRef = &corev1.ConfigMapEnvSource{LocalObjectReference: corev1.LocalObjectReference{Name: m[1]}, Optional: &opt}
	}
	return src, true
}

var mountRe = regexp.MustCompile(`^(\S+) from (\S+) \(([^)]*)\)`)

func mount(r string) (corev1.VolumeMount, bool) {
	m := mountRe.FindStringSubmatch(strings.TrimSpace(r))
	if m == nil {
		return corev1.VolumeMount{}, false
	}
	vm := corev1.VolumeMount{MountPath: m[1], Name: m[2]}
	for _, f := range strings.Split(m[3], ",") {
		switch {
		case f == "ro":
			vm.ReadOnly = true
		case strings.HasPrefix(f, "path="):
			vm.SubPath = strings.Trim(strings.TrimPrefix(f, "path="), `"`)
		}
	}
	return vm, true
}

// volume reads one entry of the Volumes section by its Type line.
func volume(n *node) corev1.Volume {
	v := corev1.Volume{Name: n.Key}
	typ, _, _ := strings.Cut(n.get("Type"), " ")
	optional := func() *bool { b := n.get("Optional") == "true"; return &b }
	switch typ {
	case "ConfigMap":
		v.ConfigMap = &corev1.ConfigMapVolumeSource{LocalObjectReference: corev1.LocalObjectReference{Name: n.get("Name")}, Optional: optional()}
	case "Secret":
		v.Secret = &corev1.SecretVolumeSource{SecretName: n.get("SecretName"), Optional: optional()}
	case "PersistentVolumeClaim":
		v.PersistentVolumeClaim = &corev1.PersistentVolumeClaimVolumeSource{ClaimName: n.get("ClaimName"), ReadOnly: n.get("ReadOnly") == "true"}
	case "HostPath":
		ht := corev1.HostPathType(n.get("HostPathType"))
		v.HostPath = &corev1.HostPathVolumeSource{Path: n.get("Path"), Type: &ht}
	case "EmptyDir":
		v.EmptyDir = &corev1.EmptyDirVolumeSource{Medium: corev1.StorageMedium(n.get("Medium"))}
	case "Projected":
		v.Projected = &corev1.ProjectedVolumeSource{}
		if cm := n.get("ConfigMapName"); cm != "" {
			opt := n.get("ConfigMapOptional") == "true" || n.get("Optional") == "true"
			v.Projected.Sources = append(v.Projected.Sources, corev1.VolumeProjection{ConfigMap: &corev1.ConfigMapProjection{LocalObjectReference: corev1.LocalObjectReference{Name: cm}, Optional: &opt}})
		}
	default:
		v.EmptyDir = &corev1.EmptyDirVolumeSource{}
	}
	return v
}
