// Package gendump writes a large synthetic cluster dump for benchmarks:
// thousands of nodes, pods and events in kubectl's JSON List format, with
// healthy pods and every common failure class mixed in, using the real
// message texts of the scheduler, kubelet and runtimes.
package gendump

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/apimachinery/pkg/util/intstr"
)

// Spec sizes the dump.
type Spec struct {
	Nodes, Pods, Events int
	// FailingPercent of pods are unhealthy (spread over the classes).
	FailingPercent int
}

// Default is the size the benchmark names.
var Default = Spec{Nodes: 1000, Pods: 10000, Events: 50000, FailingPercent: 20}

// Now is the dump's reference time.
var Now = time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC)

type list struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Items      []any  `json:"items"`
	Metadata   struct {
		ResourceVersion string `json:"resourceVersion"`
	} `json:"metadata"`
}

func uid(kind string, i int) types.UID {
	return types.UID(fmt.Sprintf("%08x-0000-4000-8000-%012x", len(kind)*7919+i/1000000, i))
}

func ts(d time.Duration) metav1.Time { return metav1.Time{Time: Now.Add(-d)} }

// Write generates the dump into dir and returns its size in bytes.
func Write(dir string, s Spec) (int64, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return 0, err
	}
	nodes := make([]any, 0, s.Nodes)
	for i := 0; i < s.Nodes; i++ {
		nodes = append(nodes, node(i))
	}
	const perDeploy = 10
	var pods, events, rss, deploys, nss []any
	nsCount := s.Pods / 100
	if nsCount < 1 {
		nsCount = 1
	}
	for n := 0; n < nsCount; n++ {
		nss = append(nss, &corev1.Namespace{TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Namespace"},
			ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("team-%03d", n), UID: uid("ns", n), CreationTimestamp: ts(30 * 24 * time.Hour)}})
	}
	failEvery := 100
	if s.FailingPercent > 0 {
		failEvery = 100 / s.FailingPercent
	}
	class := 0
	for i := 0; i < s.Pods; i += perDeploy {
		ns := fmt.Sprintf("team-%03d", (i/perDeploy)%nsCount)
		name := fmt.Sprintf("svc-%05d", i/perDeploy)
		failing := (i/perDeploy)%failEvery == 0
		c := -1
		if failing {
			c = class % len(classes)
			class++
		}
		d, rs := workload(ns, name, i)
		deploys = append(deploys, d)
		rss = append(rss, rs)
		for k := 0; k < perDeploy && i+k < s.Pods; k++ {
			p := pod(ns, rs, i+k, (i+k)%s.Nodes)
			if c >= 0 {
				ev := classes[c](p, i+k)
				events = append(events, ev...)
			} else {
				events = append(events, normalEvents(p, i+k)...)
			}
			pods = append(pods, p)
		}
	}
	// Top up with normal events to the requested count.
	for j := 0; len(events) < s.Events; j++ {
		p := pods[j%len(pods)].(*corev1.Pod)
		events = append(events, event(p, j+len(pods)*10, "Normal", "Pulled", "", "Container image \""+p.Spec.Containers[0].Image+"\" already present on machine", 1, time.Duration(j%3600)*time.Second))
	}
	if len(events) > s.Events && s.Events > 0 {
		events = events[:s.Events]
	}
	files := map[string]any{
		"nodes.json": nodes, "pods.json": pods, "events.json": events,
		"replicasets.json": rss, "deployments.json": deploys, "namespaces.json": nss,
	}
	var total int64
	for name, items := range files {
		l := list{APIVersion: "v1", Kind: "List", Items: items.([]any)}
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			return 0, err
		}
		enc := json.NewEncoder(f)
		enc.SetIndent("", "    ")
		if err := enc.Encode(l); err != nil {
			f.Close()
			return 0, err
		}
		st, _ := f.Stat()
		total += st.Size()
		if err := f.Close(); err != nil {
			return 0, err
		}
	}
	return total, nil
}

func node(i int) *corev1.Node {
	name := fmt.Sprintf("node-%04d", i)
	ready := corev1.NodeCondition{Type: corev1.NodeReady, Status: corev1.ConditionTrue, Reason: "KubeletReady", Message: "kubelet is posting ready status",
		LastHeartbeatTime: ts(10 * time.Second), LastTransitionTime: ts(20 * 24 * time.Hour)}
	var taints []corev1.Taint
	if i%97 == 5 {
		ready = corev1.NodeCondition{Type: corev1.NodeReady, Status: corev1.ConditionUnknown, Reason: "NodeStatusUnknown", Message: "Kubelet stopped posting node status.",
			LastHeartbeatTime: ts(40 * time.Minute), LastTransitionTime: ts(39 * time.Minute)}
		taints = []corev1.Taint{{Key: "node.kubernetes.io/unreachable", Effect: corev1.TaintEffectNoSchedule}, {Key: "node.kubernetes.io/unreachable", Effect: corev1.TaintEffectNoExecute}}
	}
	return &corev1.Node{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Node"},
		ObjectMeta: metav1.ObjectMeta{Name: name, UID: uid("node", i), CreationTimestamp: ts(30 * 24 * time.Hour), Labels: map[string]string{"kubernetes.io/hostname": name, "kubernetes.io/os": "linux", "topology.kubernetes.io/zone": fmt.Sprintf("zone-%c", 'a'+i%3)}},
		Spec:       corev1.NodeSpec{PodCIDR: fmt.Sprintf("10.%d.%d.0/24", 64+i/256, i%256), Taints: taints},
		Status: corev1.NodeStatus{
			Capacity:    corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("8"), corev1.ResourceMemory: resource.MustParse("32Gi"), corev1.ResourcePods: resource.MustParse("110")},
			Allocatable: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("7800m"), corev1.ResourceMemory: resource.MustParse("31Gi"), corev1.ResourcePods: resource.MustParse("110")},
			Conditions: []corev1.NodeCondition{
				{Type: corev1.NodeMemoryPressure, Status: corev1.ConditionFalse, Reason: "KubeletHasSufficientMemory", Message: "kubelet has sufficient memory available", LastHeartbeatTime: ts(10 * time.Second), LastTransitionTime: ts(20 * 24 * time.Hour)},
				{Type: corev1.NodeDiskPressure, Status: corev1.ConditionFalse, Reason: "KubeletHasNoDiskPressure", Message: "kubelet has no disk pressure", LastHeartbeatTime: ts(10 * time.Second), LastTransitionTime: ts(20 * 24 * time.Hour)},
				{Type: corev1.NodePIDPressure, Status: corev1.ConditionFalse, Reason: "KubeletHasSufficientPID", Message: "kubelet has sufficient PID available", LastHeartbeatTime: ts(10 * time.Second), LastTransitionTime: ts(20 * 24 * time.Hour)},
				ready,
			},
			NodeInfo:  corev1.NodeSystemInfo{Architecture: "amd64", OperatingSystem: "linux", KubeletVersion: "v1.37.2", ContainerRuntimeVersion: "containerd://1.7.24", OSImage: "Debian GNU/Linux 12 (bookworm)", KernelVersion: "6.1.0-27-amd64"},
			Addresses: []corev1.NodeAddress{{Type: corev1.NodeInternalIP, Address: fmt.Sprintf("10.0.%d.%d", i/256, i%256)}, {Type: corev1.NodeHostName, Address: name}},
		},
	}
}

func workload(ns, name string, i int) (*appsv1.Deployment, *appsv1.ReplicaSet) {
	replicas := int32(10)
	tmpl := corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": name}},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "app", Image: "registry.example.com/" + ns + "/" + name + ":1.0"}}}}
	d := &appsv1.Deployment{TypeMeta: metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns, UID: uid("deploy", i), CreationTimestamp: ts(10 * 24 * time.Hour), Generation: 1},
		Spec:       appsv1.DeploymentSpec{Replicas: &replicas, Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": name}}, Template: tmpl},
		Status:     appsv1.DeploymentStatus{Replicas: replicas, UpdatedReplicas: replicas, ObservedGeneration: 1}}
	rs := &appsv1.ReplicaSet{TypeMeta: metav1.TypeMeta{APIVersion: "apps/v1", Kind: "ReplicaSet"},
		ObjectMeta: metav1.ObjectMeta{Name: name + "-7d9f8b6c5d", Namespace: ns, UID: uid("rs", i), CreationTimestamp: ts(10 * 24 * time.Hour),
			Labels:          map[string]string{"app": name, "pod-template-hash": "7d9f8b6c5d"},
			OwnerReferences: []metav1.OwnerReference{{APIVersion: "apps/v1", Kind: "Deployment", Name: name, UID: d.UID, Controller: ptr(true)}}},
		Spec:   appsv1.ReplicaSetSpec{Replicas: &replicas, Selector: d.Spec.Selector, Template: tmpl},
		Status: appsv1.ReplicaSetStatus{Replicas: replicas}}
	return d, rs
}

func ptr[T any](v T) *T { return &v }

func pod(ns string, rs *appsv1.ReplicaSet, i, nodeIdx int) *corev1.Pod {
	name := fmt.Sprintf("%s-%05x", rs.Name, i)
	node := fmt.Sprintf("node-%04d", nodeIdx)
	if nodeIdx%97 == 5 {
		node = fmt.Sprintf("node-%04d", nodeIdx+1)
	}
	img := rs.Spec.Template.Spec.Containers[0].Image
	return &corev1.Pod{
		TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns, UID: uid("pod", i), CreationTimestamp: ts(3 * 24 * time.Hour), ResourceVersion: fmt.Sprint(100000 + i),
			Labels:          map[string]string{"app": rs.Labels["app"], "pod-template-hash": "7d9f8b6c5d"},
			OwnerReferences: []metav1.OwnerReference{{APIVersion: "apps/v1", Kind: "ReplicaSet", Name: rs.Name, UID: rs.UID, Controller: ptr(true), BlockOwnerDeletion: ptr(true)}}},
		Spec: corev1.PodSpec{
			NodeName: node, ServiceAccountName: "default", RestartPolicy: corev1.RestartPolicyAlways, SchedulerName: "default-scheduler",
			Containers: []corev1.Container{{Name: "app", Image: img, ImagePullPolicy: corev1.PullIfNotPresent,
				Ports:          []corev1.ContainerPort{{Name: "http", ContainerPort: 8080, Protocol: corev1.ProtocolTCP}},
				Resources:      corev1.ResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("100m"), corev1.ResourceMemory: resource.MustParse("128Mi")}, Limits: corev1.ResourceList{corev1.ResourceMemory: resource.MustParse("256Mi")}},
				Env:            []corev1.EnvVar{{Name: "LOG_LEVEL", Value: "info"}, {Name: "POD_NAME", ValueFrom: &corev1.EnvVarSource{FieldRef: &corev1.ObjectFieldSelector{FieldPath: "metadata.name"}}}},
				ReadinessProbe: &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/ready", Port: intstrPort("http")}}, PeriodSeconds: 10},
			}},
			Tolerations: []corev1.Toleration{{Key: "node.kubernetes.io/not-ready", Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoExecute, TolerationSeconds: ptr(int64(300))},
				{Key: "node.kubernetes.io/unreachable", Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoExecute, TolerationSeconds: ptr(int64(300))}},
		},
		Status: corev1.PodStatus{
			Phase: corev1.PodRunning, HostIP: "10.0.0.1", PodIP: fmt.Sprintf("10.%d.%d.%d", 64+nodeIdx/256, nodeIdx%256, 2+i%250), QOSClass: corev1.PodQOSBurstable,
			StartTime: ptr(ts(3 * 24 * time.Hour)),
			Conditions: []corev1.PodCondition{
				{Type: corev1.PodReadyToStartContainers, Status: corev1.ConditionTrue, LastTransitionTime: ts(3 * 24 * time.Hour)},
				{Type: corev1.PodInitialized, Status: corev1.ConditionTrue, LastTransitionTime: ts(3 * 24 * time.Hour)},
				{Type: corev1.PodReady, Status: corev1.ConditionTrue, LastTransitionTime: ts(3 * 24 * time.Hour)},
				{Type: corev1.ContainersReady, Status: corev1.ConditionTrue, LastTransitionTime: ts(3 * 24 * time.Hour)},
				{Type: corev1.PodScheduled, Status: corev1.ConditionTrue, LastTransitionTime: ts(3 * 24 * time.Hour)},
			},
			ContainerStatuses: []corev1.ContainerStatus{{Name: "app", Ready: true, Started: ptr(true), Image: img, ImageID: img + "@sha256:4f2a", ContainerID: fmt.Sprintf("containerd://%064x", i),
				State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{StartedAt: ts(3 * 24 * time.Hour)}}}},
		},
	}
}

func event(p *corev1.Pod, i int, typ, reason, field, msg string, count int32, ago time.Duration) *corev1.Event {
	return &corev1.Event{
		TypeMeta:       metav1.TypeMeta{APIVersion: "v1", Kind: "Event"},
		ObjectMeta:     metav1.ObjectMeta{Name: fmt.Sprintf("%s.%x", p.Name, 0x187b1d2a3c4d0000+i), Namespace: p.Namespace, UID: uid("event", i), CreationTimestamp: ts(ago + time.Hour)},
		InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: p.Namespace, Name: p.Name, UID: p.UID, APIVersion: "v1", FieldPath: field},
		Reason:         reason, Message: msg, Type: typ, Count: count,
		Source:         corev1.EventSource{Component: "kubelet", Host: p.Spec.NodeName},
		FirstTimestamp: ts(ago + time.Hour), LastTimestamp: ts(ago),
		ReportingController: "kubelet", ReportingInstance: p.Spec.NodeName,
	}
}

func normalEvents(p *corev1.Pod, i int) []any {
	return []any{
		event(p, i*10, "Normal", "Pulled", "spec.containers{app}", "Container image \""+p.Spec.Containers[0].Image+"\" already present on machine", 1, 50*time.Minute),
		event(p, i*10+1, "Normal", "Started", "spec.containers{app}", "Started container app", 1, 50*time.Minute),
	}
}

func waiting(p *corev1.Pod, reason, msg string) {
	p.Status.Phase = corev1.PodPending
	p.Status.Conditions[2].Status = corev1.ConditionFalse
	p.Status.ContainerStatuses[0] = corev1.ContainerStatus{Name: "app", Image: p.Spec.Containers[0].Image, Started: ptr(false),
		State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: reason, Message: msg}}}
}

func crashing(p *corev1.Pod, exit int32, reason string, restarts int32) {
	p.Status.Conditions[2].Status = corev1.ConditionFalse
	cs := &p.Status.ContainerStatuses[0]
	cs.Ready, cs.RestartCount, cs.Started = false, restarts, ptr(false)
	cs.State = corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff", Message: fmt.Sprintf("back-off 5m0s restarting failed container=app pod=%s_%s(%s)", p.Name, p.Namespace, p.UID)}}
	cs.LastTerminationState = corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: exit, Reason: reason, StartedAt: ts(3 * time.Minute), FinishedAt: ts(2 * time.Minute)}}
}

// classes turn a healthy pod into a failing one and return its events.
var classes = []func(p *corev1.Pod, i int) []any{
	func(p *corev1.Pod, i int) []any { // image tag not found
		img := p.Spec.Containers[0].Image
		waiting(p, "ImagePullBackOff", "Back-off pulling image \""+img+"\"")
		return []any{
			event(p, i*10, "Warning", "Failed", "spec.containers{app}", "Failed to pull image \""+img+"\": rpc error: code = NotFound desc = failed to pull and unpack image \""+img+"\": failed to resolve reference \""+img+"\": "+img+": not found", 12, time.Minute),
			event(p, i*10+1, "Normal", "BackOff", "spec.containers{app}", "Back-off pulling image \""+img+"\"", 140, 20*time.Second),
		}
	},
	func(p *corev1.Pod, i int) []any { // OOMKilled
		crashing(p, 137, "OOMKilled", 14)
		return []any{event(p, i*10, "Warning", "BackOff", "spec.containers{app}", "Back-off restarting failed container app in pod "+p.Name+"_"+p.Namespace+"("+string(p.UID)+")", 60, time.Minute)}
	},
	func(p *corev1.Pod, i int) []any { // app error
		crashing(p, 1, "Error", 9)
		return []any{event(p, i*10, "Warning", "BackOff", "spec.containers{app}", "Back-off restarting failed container app in pod "+p.Name+"_"+p.Namespace+"("+string(p.UID)+")", 40, time.Minute)}
	},
	func(p *corev1.Pod, i int) []any { // Pending: insufficient cpu
		p.Spec.NodeName = ""
		p.Spec.Containers[0].Resources.Requests[corev1.ResourceCPU] = resource.MustParse("12")
		p.Status = corev1.PodStatus{Phase: corev1.PodPending, QOSClass: corev1.PodQOSBurstable, Conditions: []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionFalse, Reason: "Unschedulable",
			Message: "0/1000 nodes are available: 10 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 990 Insufficient cpu. preemption: 0/1000 nodes are available: 10 Preemption is not helpful for scheduling, 990 No preemption victims found for incoming pod.", LastTransitionTime: ts(30 * time.Minute)}}}
		e := event(p, i*10, "Warning", "FailedScheduling", "", p.Status.Conditions[0].Message, 0, time.Minute)
		e.Source = corev1.EventSource{}
		e.ReportingController = "default-scheduler"
		e.Series = &corev1.EventSeries{Count: 9, LastObservedTime: metav1.MicroTime{Time: Now.Add(-time.Minute)}}
		return []any{e}
	},
	func(p *corev1.Pod, i int) []any { // missing ConfigMap
		p.Spec.Containers[0].EnvFrom = []corev1.EnvFromSource{{ConfigMapRef: &corev1.ConfigMapEnvSource{LocalObjectReference: corev1.LocalObjectReference{Name: "app-settings"}}}}
		waiting(p, "CreateContainerConfigError", `configmap "app-settings" not found`)
		return []any{event(p, i*10, "Warning", "Failed", "spec.containers{app}", `Error: configmap "app-settings" not found`, 30, time.Minute)}
	},
	func(p *corev1.Pod, i int) []any { // liveness
		crashing(p, 137, "Error", 7)
		p.Spec.Containers[0].LivenessProbe = &corev1.Probe{ProbeHandler: corev1.ProbeHandler{HTTPGet: &corev1.HTTPGetAction{Path: "/healthz", Port: intstrPort("http")}}, FailureThreshold: 3}
		return []any{
			event(p, i*10, "Warning", "Unhealthy", "spec.containers{app}", "Liveness probe failed: HTTP probe failed with statuscode: 503", 21, time.Minute),
			event(p, i*10+1, "Normal", "Killing", "spec.containers{app}", "Container app failed liveness probe, will be restarted", 7, time.Minute),
		}
	},
	func(p *corev1.Pod, i int) []any { // readiness
		p.Status.Conditions[2].Status = corev1.ConditionFalse
		p.Status.ContainerStatuses[0].Ready = false
		return []any{event(p, i*10, "Warning", "Unhealthy", "spec.containers{app}", fmt.Sprintf("Readiness probe failed: Get \"http://%s:8080/ready\": dial tcp %s:8080: connect: connection refused", p.Status.PodIP, p.Status.PodIP), 300, 10*time.Second)}
	},
	func(p *corev1.Pod, i int) []any { // evicted
		p.Status = corev1.PodStatus{Phase: corev1.PodFailed, Reason: "Evicted", Message: "The node was low on resource: memory. Threshold quantity: 100Mi, available: 81204Ki. Container app was using 1923564Ki, request is 128Mi, has larger consumption of memory. "}
		return []any{event(p, i*10, "Warning", "Evicted", "", p.Status.Message, 1, 2*time.Hour)}
	},
	func(p *corev1.Pod, i int) []any { // runtime cannot start the command
		crashing(p, 128, "StartError", 5)
		p.Status.ContainerStatuses[0].LastTerminationState.Terminated.Message = `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "run-migrations": executable file not found in $PATH: unknown`
		return nil
	},
	func(p *corev1.Pod, i int) []any { // CNI
		waiting(p, "ContainerCreating", "")
		return []any{event(p, i*10, "Warning", "FailedCreatePodSandBox", "", `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "3f1c0e5a": plugin type="calico" failed (add): error getting ClusterInformation: connection is unauthorized: Unauthorized`, 25, time.Minute)}
	},
}

func intstrPort(name string) intstr.IntOrString { return intstr.FromString(name) }
