package testcluster

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
)

// KwokVersion is the kwok release built from the Go module proxy.
const KwokVersion = "v0.8.0"

// KwokTaint keeps ordinary pods off the simulated nodes; scenarios that
// need them say so.
var KwokTaint = corev1.Taint{Key: "kwok.x-k8s.io/node", Value: "fake", Effect: corev1.TaintEffectNoSchedule}

// kwokConfig: kwok applies no defaults when given a config file, so every
// option is set, and it has no stages of its own: these are ours. Nodes
// become Ready once; the Lease kwok renews is their heartbeat. Pods on them
// become Running and Ready, and deleted pods go away.
const kwokConfig = `apiVersion: config.kwok.x-k8s.io/v1alpha1
kind: KwokConfiguration
options:
  cidr: 10.240.0.1/16
  nodeIP: 10.240.0.1
  nodePort: 10247
  serverAddress: 127.0.0.1:10247
  manageAllNodes: false
  manageNodesWithAnnotationSelector: kwok.x-k8s.io/node=fake
  enableDebuggingHandlers: false
  enableContentionProfiling: false
  enableProfilingHandler: false
  podPlayStageParallelism: 16
  nodePlayStageParallelism: 16
  nodeLeaseDurationSeconds: 40
  nodeLeaseParallelism: 16
  podsOnNodeSyncParallelism: 4
  enablePodsOnNodeSyncListPager: true
  enablePodsOnNodeSyncStreamWatch: false
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: podwhy-node-ready
spec:
  resourceRef: {apiGroup: v1, kind: Node}
  selector:
    matchExpressions:
    - key: '.status.conditions.[] | select( .type == "Ready" ) | .status'
      operator: NotIn
      values: ['True']
  next:
    statusTemplate: |
      {{ $now := Now }}
      conditions:
      - {type: Ready, status: "True", reason: KubeletReady, message: "kubelet is posting ready status", lastHeartbeatTime: {{ $now | Quote }}, lastTransitionTime: {{ $now | Quote }}}
      - {type: MemoryPressure, status: "False", reason: KubeletHasSufficientMemory, message: "kubelet has sufficient memory available", lastHeartbeatTime: {{ $now | Quote }}, lastTransitionTime: {{ $now | Quote }}}
      - {type: DiskPressure, status: "False", reason: KubeletHasNoDiskPressure, message: "kubelet has no disk pressure", lastHeartbeatTime: {{ $now | Quote }}, lastTransitionTime: {{ $now | Quote }}}
      - {type: PIDPressure, status: "False", reason: KubeletHasSufficientPID, message: "kubelet has sufficient PID available", lastHeartbeatTime: {{ $now | Quote }}, lastTransitionTime: {{ $now | Quote }}}
      addresses:
      - {type: InternalIP, address: {{ NodeIP | Quote }}}
      - {type: Hostname, address: {{ .metadata.name | Quote }}}
      allocatable: {{ with .status.allocatable }}{{ YAML . 1 }}{{ else }}{cpu: "4", memory: 8Gi, pods: "110"}{{ end }}
      capacity: {{ with .status.capacity }}{{ YAML . 1 }}{{ else }}{cpu: "4", memory: 8Gi, pods: "110"}{{ end }}
      nodeInfo: {architecture: amd64, operatingSystem: linux, kubeletVersion: "` + KubeVersion + `", containerRuntimeVersion: "kwok://` + KwokVersion + `", osImage: kwok, kernelVersion: kwok, kubeProxyVersion: "", machineID: "", systemUUID: "", bootID: ""}
      phase: Running
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: podwhy-pod-running
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: DoesNotExist}
    - {key: '.status.podIP', operator: DoesNotExist}
    - {key: '.metadata.annotations["podwhy.dev/simulate"]', operator: DoesNotExist}
  next:
    statusTemplate: |
      {{ $now := Now }}
      conditions:
      - {type: PodScheduled, status: "True", lastTransitionTime: {{ $now | Quote }}}
      - {type: Initialized, status: "True", lastTransitionTime: {{ $now | Quote }}}
      - {type: ContainersReady, status: "True", lastTransitionTime: {{ $now | Quote }}}
      - {type: Ready, status: "True", lastTransitionTime: {{ $now | Quote }}}
      containerStatuses:
      {{ range .spec.containers }}
      - {name: {{ .name | Quote }}, image: {{ .image | Quote }}, ready: true, started: true, restartCount: 0, state: {running: {startedAt: {{ $now | Quote }}}}}
      {{ end }}
      hostIP: {{ NodeIPWith .spec.nodeName | Quote }}
      podIP: {{ PodIPWith .spec.nodeName ( or .spec.hostNetwork false ) ( or .metadata.uid "" ) ( or .metadata.name "" ) ( or .metadata.namespace "" ) | Quote }}
      phase: Running
      startTime: {{ $now | Quote }}
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: podwhy-pod-delete
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: Exists}
    - {key: '.metadata.finalizers', operator: DoesNotExist}
  next:
    delete: true
`

// simulateStage makes a Stage for a failure this machine cannot cause for
// real — a disk returning I/O errors, a CNI range out of addresses. Pods
// annotated podwhy.dev/simulate=NAME on kwok nodes stay ContainerCreating
// and get, every few seconds as on a real node, the event the kubelet
// writes for that failure.
func simulateStage(name, message string) string {
	return `---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: podwhy-simulate-` + name + `
spec:
  resourceRef: {apiGroup: v1, kind: Pod}
  selector:
    matchAnnotations: {podwhy.dev/simulate: ` + name + `}
    matchExpressions:
    - {key: '.metadata.deletionTimestamp', operator: DoesNotExist}
  delay: {durationMilliseconds: 5000}
  next:
    event:
      type: Warning
      reason: FailedCreatePodSandBox
      message: '` + message + `'
    statusTemplate: |
      phase: Pending
      conditions:
      - {type: PodScheduled, status: "True", lastTransitionTime: {{ Now | Quote }}}
      containerStatuses:
      {{ range .spec.containers }}
      - {name: {{ .name | Quote }}, image: {{ .image | Quote }}, imageID: "", ready: false, started: false, restartCount: 0, state: {waiting: {reason: ContainerCreating}}}
      {{ end }}
`
}

// simulated are the kubelet's texts (containerd 1.6 with host-local IPAM;
// runc on a failing disk) for the failures kwok stands in for.
var simulated = simulateStage("cni-ip-exhausted", `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "5c0f1e6d2b3a49f8a7e6d5c4b3a29180f7e6d5c4b3a2918070f6e5d4c3b2a190": plugin type="bridge" failed (add): failed to allocate for range 0: no IP addresses available in range set: 10.240.0.1-10.240.0.254`) +
	simulateStage("disk-io-error", `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to create new parent process: mkdir /run/containerd/io.containerd.runtime.v2.task/k8s.io/9e1d2c3b4a59: input/output error: unknown`)

// KwokNode describes one simulated node.
type KwokNode struct {
	Name          string
	Labels        map[string]string
	Taints        []corev1.Taint
	Unschedulable bool
	CPU, Memory   string
}

// DefaultKwokNodes are the scheduling scenarios' nodes: a plain one (also
// keeps the node lifecycle controller out of "master disruption mode" when
// the real node is lost), a dedicated GPU node, and a cordoned batch node.
var DefaultKwokNodes = []KwokNode{
	{Name: "kwok-general", Labels: map[string]string{"disktype": "hdd", "topology.kubernetes.io/zone": "zone-a"}, CPU: "4", Memory: "8Gi"},
	{Name: "kwok-gpu", Labels: map[string]string{"accelerator": "nvidia-tesla-t4"}, CPU: "8", Memory: "32Gi",
		Taints: []corev1.Taint{{Key: "nvidia.com/gpu", Value: "present", Effect: corev1.TaintEffectNoSchedule}}},
	{Name: "kwok-batch", Labels: map[string]string{"node-pool": "batch"}, CPU: "4", Memory: "8Gi", Unschedulable: true},
}

func (c *Cluster) kwokBin() string { return filepath.Join(c.BinDir, "kwok") }

// startKwok runs kwok and creates the simulated nodes.
func (c *Cluster) startKwok(ctx context.Context, cs kubernetes.Interface, nodes []KwokNode) error {
	if err := os.WriteFile(c.path("kwok.yaml"), []byte(kwokConfig+simulated), 0o644); err != nil {
		return err
	}
	// Leases of an earlier run would make kwok believe another instance
	// holds them.
	_ = cs.CoordinationV1().Leases("kube-node-lease").DeleteCollection(ctx, metav1.DeleteOptions{}, metav1.ListOptions{LabelSelector: "kwok.x-k8s.io/node=fake"})
	if err := c.start("kwok", c.kwokBin(), "--kubeconfig="+c.path("kwok.kubeconfig"), "--config="+c.path("kwok.yaml")); err != nil {
		return err
	}
	for _, n := range nodes {
		if err := CreateKwokNode(ctx, cs, n); err != nil {
			return err
		}
	}
	return waitFor("kwok nodes", 60*time.Second, func() error {
		if !c.Running("kwok") {
			return fmt.Errorf("kwok exited:\n%s", c.logTail("kwok", 15))
		}
		for _, n := range nodes {
			node, err := cs.CoreV1().Nodes().Get(ctx, n.Name, metav1.GetOptions{})
			if err != nil {
				return err
			}
			if nodeReady(node) != corev1.ConditionTrue {
				return fmt.Errorf("%s not Ready", n.Name)
			}
		}
		return nil
	})
}

// CreateKwokNode creates (or keeps) a simulated node.
func CreateKwokNode(ctx context.Context, cs kubernetes.Interface, n KwokNode) error {
	labels := map[string]string{"kubernetes.io/hostname": n.Name, "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64", "type": "kwok"}
	for k, v := range n.Labels {
		labels[k] = v
	}
	taints := append([]corev1.Taint{KwokTaint}, n.Taints...)
	if n.Unschedulable {
		taints = append(taints, corev1.Taint{Key: "node.kubernetes.io/unschedulable", Effect: corev1.TaintEffectNoSchedule})
	}
	res := corev1.ResourceList{corev1.ResourceCPU: resource.MustParse(n.CPU), corev1.ResourceMemory: resource.MustParse(n.Memory), corev1.ResourcePods: resource.MustParse("110")}
	node := &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: n.Name, Labels: labels, Annotations: map[string]string{"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"}},
		Spec:       corev1.NodeSpec{Taints: taints, Unschedulable: n.Unschedulable},
		Status:     corev1.NodeStatus{Allocatable: res, Capacity: res},
	}
	_, err := cs.CoreV1().Nodes().Create(ctx, node, metav1.CreateOptions{})
	if err != nil && !apierrors.IsAlreadyExists(err) {
		return fmt.Errorf("create node %s: %w", n.Name, err)
	}
	return nil
}

func nodeReady(n *corev1.Node) corev1.ConditionStatus {
	for _, c := range n.Status.Conditions {
		if c.Type == corev1.NodeReady {
			return c.Status
		}
	}
	return ""
}
