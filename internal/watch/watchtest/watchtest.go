// Package watchtest makes objects for tests of the watch engine and the
// server: a pod that fails the way a real cluster shows it, with the
// status and event texts the kubelet writes (taken from the lab capture,
// examples/lab-capture, scenario image-notfound).
package watchtest

import (
	"context"
	"fmt"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"
)

// Image is the image ImagePullPod cannot pull.
const Image = "127.0.0.1:5001/inventory:2.4.1"

// ImagePullPod returns a bare pod in ImagePullBackOff for a tag that does
// not exist (containerd's NotFound), created age ago, and the kubelet's
// events about it.
func ImagePullPod(ns, name string, now time.Time, age time.Duration) (*corev1.Pod, []*corev1.Event) {
	created := metav1.NewTime(now.Add(-age))
	uid := types.UID(fmt.Sprintf("0000-%s-%s", ns, name))
	notFound := `rpc error: code = NotFound desc = failed to pull and unpack image "` + Image + `": failed to resolve reference "` + Image + `": ` + Image + `: not found`
	p := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns, UID: uid, CreationTimestamp: created, Labels: map[string]string{"app": "inventory"}},
		Spec: corev1.PodSpec{
			NodeName:   NodeName,
			Containers: []corev1.Container{{Name: "inventory", Image: Image, Env: []corev1.EnvVar{{Name: "DB_PASSWORD", Value: "hunter2"}}}},
		},
		Status: corev1.PodStatus{
			Phase:     corev1.PodPending,
			StartTime: &created,
			Conditions: []corev1.PodCondition{
				{Type: corev1.PodScheduled, Status: corev1.ConditionTrue, LastTransitionTime: created},
				{Type: corev1.PodReady, Status: corev1.ConditionFalse, LastTransitionTime: created, Reason: "ContainersNotReady", Message: "containers with unready status: [inventory]"},
			},
			ContainerStatuses: []corev1.ContainerStatus{{
				Name: "inventory", Image: Image,
				State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{
					Reason:  "ImagePullBackOff",
					Message: `Back-off pulling image "` + Image + `": ErrImagePull: ` + notFound,
				}},
			}},
		},
	}
	ref := corev1.ObjectReference{Kind: "Pod", Namespace: ns, Name: name, UID: uid, APIVersion: "v1", FieldPath: "spec.containers{inventory}"}
	ev := func(i int, typ, reason, msg string, count int32) *corev1.Event {
		first := metav1.NewTime(now.Add(-age + 2*time.Second))
		last := metav1.NewTime(now.Add(-5 * time.Second))
		return &corev1.Event{
			ObjectMeta:     metav1.ObjectMeta{Name: fmt.Sprintf("%s.%d", name, i), Namespace: ns, CreationTimestamp: first},
			InvolvedObject: ref, Type: typ, Reason: reason, Message: msg, Count: count,
			FirstTimestamp: first, LastTimestamp: last,
			Source: corev1.EventSource{Component: "kubelet", Host: NodeName},
		}
	}
	return p, []*corev1.Event{
		ev(1, corev1.EventTypeNormal, "Pulling", `Pulling image "`+Image+`"`, 4),
		ev(2, corev1.EventTypeWarning, "Failed", `Failed to pull image "`+Image+`": `+notFound, 4),
		ev(3, corev1.EventTypeWarning, "Failed", "Error: ErrImagePull", 4),
		ev(4, corev1.EventTypeNormal, "BackOff", `Back-off pulling image "`+Image+`"`, 6),
		ev(5, corev1.EventTypeWarning, "Failed", "Error: ImagePullBackOff", 6),
	}
}

// NodeName is the node ImagePullPod runs on.
const NodeName = "podwhy-node"

// Node returns a healthy, Ready node.
func Node(name string, now time.Time) *corev1.Node {
	hb := metav1.NewTime(now.Add(-10 * time.Second))
	return &corev1.Node{
		ObjectMeta: metav1.ObjectMeta{Name: name, UID: types.UID("node-" + name), CreationTimestamp: metav1.NewTime(now.Add(-24 * time.Hour))},
		Status: corev1.NodeStatus{
			Conditions: []corev1.NodeCondition{{Type: corev1.NodeReady, Status: corev1.ConditionTrue, Reason: "KubeletReady",
				Message: "kubelet is posting ready status", LastHeartbeatTime: hb, LastTransitionTime: metav1.NewTime(now.Add(-24 * time.Hour))}},
			Allocatable: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("4"), corev1.ResourceMemory: resource.MustParse("8Gi"), corev1.ResourcePods: resource.MustParse("110")},
			Capacity:    corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("4"), corev1.ResourceMemory: resource.MustParse("8Gi"), corev1.ResourcePods: resource.MustParse("110")},
		},
	}
}

// CreateImagePullPod creates ImagePullPod's pod and events, and its node
// when missing, through a client (a fake clientset in tests).
func CreateImagePullPod(ctx context.Context, cs kubernetes.Interface, ns, name string, now time.Time) error {
	if _, err := cs.CoreV1().Nodes().Create(ctx, Node(NodeName, now), metav1.CreateOptions{}); err != nil && !apierrors.IsAlreadyExists(err) {
		return fmt.Errorf("create node: %w", err)
	}
	p, evs := ImagePullPod(ns, name, now, 10*time.Minute)
	if _, err := cs.CoreV1().Pods(ns).Create(ctx, p, metav1.CreateOptions{}); err != nil {
		return fmt.Errorf("create pod %s/%s: %w", ns, name, err)
	}
	for _, e := range evs {
		if _, err := cs.CoreV1().Events(ns).Create(ctx, e, metav1.CreateOptions{}); err != nil {
			return fmt.Errorf("create event %s: %w", e.Name, err)
		}
	}
	return nil
}
