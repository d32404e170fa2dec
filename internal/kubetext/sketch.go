package kubetext

import (
	"regexp"
	"strconv"
	"strings"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// Pod-level reasons kubectl get pods shows in STATUS for a failed pod
// (status.reason: evictions and kubelet admission rejections).
var podReasons = map[string]bool{
	"Evicted": true, "OutOfcpu": true, "OutOfmemory": true, "OutOfpods": true, "OutOfephemeral-storage": true,
	"NodeAffinity": true, "NodeLost": true, "UnexpectedAdmissionError": true, "Shutdown": true, "Terminated": true,
	"NodePorts": true, "InvalidNodeInfo": true, "PreStartHookError": false, "DeadlineExceeded": true, "NodeShutdown": true,
}

// waitingReasons are the container waiting reasons STATUS shows.
var waitingReasons = map[string]bool{
	"ContainerCreating": true, "PodInitializing": true, "ImagePullBackOff": true, "ErrImagePull": true,
	"InvalidImageName": true, "ErrImageNeverPull": true, "CrashLoopBackOff": true, "CreateContainerConfigError": true,
	"CreateContainerError": true, "RunContainerError": true, "PreStartHookError": true, "PostStartHookError": true,
	"ImageInspectError": true, "RegistryUnavailable": true, "SignatureValidationFailed": true,
}

// generatedRe matches a Deployment's pod name: NAME-<template hash>-<5>,
// both suffixes drawn from the alphabet of rand.SafeEncodeString.
var generatedRe = regexp.MustCompile(`^(.+)-([bcdfghjklmnpqrstvwxz2456789]{6,10})-([bcdfghjklmnpqrstvwxz2456789]{5})$`)

// ownByName gives a pod named like a Deployment's pod its ReplicaSet, as
// the name proves it; a pod that names its owner keeps it.
func ownByName(pod *corev1.Pod) {
	m := generatedRe.FindStringSubmatch(pod.Name)
	if m == nil || len(pod.OwnerReferences) > 0 {
		return
	}
	t := true
	pod.Labels = map[string]string{"pod-template-hash": m[2]}
	pod.OwnerReferences = []metav1.OwnerReference{{APIVersion: "apps/v1", Kind: "ReplicaSet", Name: m[1] + "-" + m[2], Controller: &t}}
}

var signalRe = regexp.MustCompile(`^(Signal|ExitCode):(-?\d+)$`)

// sketchPod builds the pod a get pods row describes: its STATUS turned
// back into the fields kubectl computed it from (printPod), nothing more.
func sketchPod(r *podRow) *textPod {
	pod := &corev1.Pod{}
	pod.Kind, pod.APIVersion = "Pod", "v1"
	pod.Name, pod.Namespace = r.Name, r.Namespace
	pod.Spec.NodeName = r.Node
	pod.Status.PodIP = r.IP
	pod.Status.NominatedNodeName = r.Nominate
	ownByName(pod)
	tp := &textPod{pod: pod, ageAgo: r.Age, hasAge: r.HasAge, lastRestartAgo: r.LastRestartAgo, hasLastRestart: r.HasLastRestart}
	// A row shows STATUS, READY, RESTARTS and AGE: no spec, no events, and
	// an exit code only where STATUS names one.
	tp.hidden = snapshot.HiddenSpec | snapshot.HiddenEvents
	if !exitShown(r.Status) {
		tp.hidden |= snapshot.HiddenExit
	}

	total := max(r.Total, 1)
	status := r.Status
	init := false
	if rest, ok := strings.CutPrefix(status, "Init:"); ok {
		init, status = true, rest
	}
	for i := 0; i < total; i++ {
		pod.Spec.Containers = append(pod.Spec.Containers, corev1.Container{Name: containerName(i, total)})
	}
	running := func(i int) corev1.ContainerStatus {
		t := true
		return corev1.ContainerStatus{Name: containerName(i, total), Ready: i < r.Ready, Started: &t,
			State: corev1.ContainerState{Running: &corev1.ContainerStateRunning{}}}
	}
	setStatuses := func(bad corev1.ContainerStatus) {
		for i := 0; i < total; i++ {
			if i == r.Ready {
				bad.Name = containerName(i, total)
				bad.RestartCount = r.Restarts
				pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, bad)
				continue
			}
			pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, running(i))
		}
	}
	pod.Status.Phase = corev1.PodRunning
	if pod.Spec.NodeName == "" && status != "Pending" && status != "SchedulingGated" && !podReasons[status] {
		// Every other STATUS means the pod was bound; a table without
		// -o wide just does not say where.
		pod.Spec.NodeName = placeholderNode
	}
	switch {
	case init:
		pod.Status.Phase = corev1.PodPending
		pod.Spec.InitContainers = []corev1.Container{{Name: "init"}}
		ics := corev1.ContainerStatus{Name: "init", RestartCount: r.Restarts}
		switch {
		case readyRe.MatchString(status): // Init:1/2, the init containers done
			ics.State.Running = &corev1.ContainerStateRunning{}
		case waitingReasons[status]:
			// CrashLoopBackOff: how it last ended is not in the row, and the
			// rules say "exit code unknown" rather than guess one.
			ics.State.Waiting = &corev1.ContainerStateWaiting{Reason: status}
		default:
			ics.State.Terminated = terminatedFor(status)
		}
		pod.Status.InitContainerStatuses = []corev1.ContainerStatus{ics}
		for i := 0; i < total; i++ {
			pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, corev1.ContainerStatus{Name: containerName(i, total),
				State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "PodInitializing"}}})
		}
	case status == "Pending":
		pod.Status.Phase = corev1.PodPending
		if r.Node == "" {
			pod.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionFalse, Reason: "Unschedulable"}}
		}
	case status == "SchedulingGated":
		pod.Status.Phase = corev1.PodPending
		pod.Spec.SchedulingGates = []corev1.PodSchedulingGate{{Name: "unknown"}}
		pod.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodScheduled, Status: corev1.ConditionFalse, Reason: "SchedulingGated"}}
	case status == "Terminating":
		tp.terminating = true
		for i := 0; i < total; i++ {
			pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, running(i))
		}
	case status == "Unknown":
		pod.Status.Phase = corev1.PodUnknown
	case status == "Completed" && r.Ready == 0:
		pod.Status.Phase = corev1.PodSucceeded
	case status == "Running":
		for i := 0; i < total; i++ {
			pod.Status.ContainerStatuses = append(pod.Status.ContainerStatuses, running(i))
		}
		if r.Ready < total {
			pod.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodReady, Status: corev1.ConditionFalse}}
		}
	case podReasons[status]:
		pod.Status.Phase = corev1.PodFailed
		pod.Status.Reason = status
	case waitingReasons[status]:
		if status == "ContainerCreating" || status == "PodInitializing" {
			pod.Status.Phase = corev1.PodPending
		}
		cs := corev1.ContainerStatus{State: corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: status}}}
		setStatuses(cs)
	default:
		// Error, OOMKilled, Completed, ContainerCannotRun, StartError,
		// ContainerStatusUnknown, Signal:N, ExitCode:N.
		cs := corev1.ContainerStatus{State: corev1.ContainerState{Terminated: terminatedFor(status)}}
		if r.Restarts == 0 && r.Ready == 0 {
			pod.Status.Phase = corev1.PodFailed
		}
		setStatuses(cs)
	}
	if pod.Spec.NodeName != "" {
		pod.Status.Conditions = append(pod.Status.Conditions, corev1.PodCondition{Type: corev1.PodScheduled, Status: corev1.ConditionTrue})
	}
	if len(r.Containers) == total {
		// The table of kubectl before 1.0 names each container.
		for i := range pod.Spec.Containers {
			pod.Spec.Containers[i].Name, pod.Spec.Containers[i].Image = r.Containers[i], r.Images[i]
		}
		for i := range pod.Status.ContainerStatuses {
			if i < total {
				pod.Status.ContainerStatuses[i].Name, pod.Status.ContainerStatuses[i].Image = r.Containers[i], r.Images[i]
			}
		}
	}
	return tp
}

func terminatedFor(status string) *corev1.ContainerStateTerminated {
	t := &corev1.ContainerStateTerminated{Reason: status, ExitCode: 1}
	if m := signalRe.FindStringSubmatch(status); m != nil {
		n, _ := strconv.Atoi(m[2])
		t.Reason = ""
		if m[1] == "Signal" {
			t.Signal, t.ExitCode = int32(n), int32(128+n)
		} else {
			t.ExitCode = int32(n)
		}
	}
	switch status {
	case "OOMKilled":
		t.ExitCode = 137
	case "Completed":
		t.ExitCode = 0
	case "StartError", "ContainerCannotRun":
		t.ExitCode = 128
	}
	return t
}

// containerName names the containers a table row counts but does not
// name: a single container has no name to give (commands then omit -c).
func containerName(i, total int) string {
	if total == 1 {
		return ""
	}
	// Placeholders in angle brackets, as in kubectl's own usage texts.
	return "<container-" + strconv.Itoa(i+1) + ">"
}

// exitShown tells the STATUS words that say how a container ended: the
// exit code itself, or a reason that fixes it.
func exitShown(status string) bool {
	status = strings.TrimPrefix(status, "Init:")
	switch status {
	case "OOMKilled", "Completed", "StartError", "ContainerCannotRun":
		return true
	}
	return signalRe.MatchString(status)
}
