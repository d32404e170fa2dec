package live

import (
	"context"
	"fmt"
	"sync"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// LogTarget is one container whose logs a diagnosis can use.
type LogTarget struct {
	Namespace, Pod, Container string
	Previous                  bool
}

// CrashedContainers lists the containers that crashed or errored: only
// those get their logs fetched, current and previous instance.
func CrashedContainers(pods []*corev1.Pod) []LogTarget {
	var out []LogTarget
	for _, p := range pods {
		for _, list := range [][]corev1.ContainerStatus{p.Status.InitContainerStatuses, p.Status.ContainerStatuses} {
			for _, cs := range list {
				crashed := false
				if w := cs.State.Waiting; w != nil && (w.Reason == "CrashLoopBackOff" || w.Reason == "RunContainerError") {
					crashed = true
				}
				if t := cs.State.Terminated; t != nil && t.ExitCode != 0 {
					crashed = true
				}
				if t := cs.LastTerminationState.Terminated; t != nil && (t.ExitCode != 0 || cs.RestartCount > 2) {
					crashed = true
				}
				if !crashed {
					continue
				}
				out = append(out, LogTarget{p.Namespace, p.Name, cs.Name, false})
				if cs.RestartCount > 0 {
					out = append(out, LogTarget{p.Namespace, p.Name, cs.Name, true})
				}
			}
		}
	}
	return out
}

// FetchLogs reads the last lines of each target's log, eight at a time,
// into the builder. A log that cannot be read (no previous instance, the
// kubelet unreachable, forbidden) is skipped; forbidden is noted once.
func FetchLogs(ctx context.Context, cfg *rest.Config, b *snapshot.Builder, targets []LogTarget, lines int64) error {
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return fmt.Errorf("kubernetes client: %w", err)
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, 8)
	forbidden := false
	for _, t := range targets {
		wg.Add(1)
		sem <- struct{}{}
		go func(t LogTarget) {
			defer wg.Done()
			defer func() { <-sem }()
			raw, err := cs.CoreV1().Pods(t.Namespace).GetLogs(t.Pod, &corev1.PodLogOptions{Container: t.Container, Previous: t.Previous, TailLines: &lines}).DoRaw(ctx)
			mu.Lock()
			defer mu.Unlock()
			if err != nil {
				if isForbidden(err) {
					forbidden = true
				}
				return
			}
			b.AddLog(t.Namespace, t.Pod, t.Container, t.Previous, string(raw))
		}(t)
	}
	wg.Wait()
	if forbidden {
		b.Note(`logs could not be read (forbidden): grant verb "get" on "pods/log" for --logs`)
	}
	return nil
}
