// Command serveprobe measures how fast podwhy serve reflects a change: it
// creates pods bound to a node that does not exist, one at a time, times
// until each appears in /api/v1/findings, deletes it and times until its
// finding is gone. No other component takes part (no scheduler, no
// kubelet): what is timed is podwhy's own pipeline, the watch event, the
// debounce and a diagnosis of every cached object.
package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"net/http"
	"os"
	"sort"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
)

const ns = "podwhy-bench-probe"

func main() {
	kubeconfig := flag.String("kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig")
	url := flag.String("url", "http://127.0.0.1:8080", "podwhy serve")
	n := flag.Int("n", 10, "probes")
	flag.Parse()
	cfg, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		fail(err)
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		fail(err)
	}
	ctx := context.Background()
	cs.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{})
	// call are the API server's own answers to the create and delete: the
	// part of each latency that is not podwhy's.
	var appear, resolve, call []time.Duration
	// after are the same latencies counted from the API server's answer:
	// the change is committed by then, so this is at least podwhy's part.
	var appearAfter, resolveAfter []time.Duration
	for i := 0; i < *n; i++ {
		name := fmt.Sprintf("probe-%d-%d", time.Now().Unix(), i)
		pod := &corev1.Pod{
			ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: ns},
			Spec: corev1.PodSpec{NodeName: "podwhy-probe-no-such-node",
				Containers: []corev1.Container{{Name: "app", Image: "docker.io/library/busybox:1.36"}}},
		}
		t0 := time.Now()
		if _, err := cs.CoreV1().Pods(ns).Create(ctx, pod, metav1.CreateOptions{}); err != nil {
			fail(err)
		}
		call = append(call, time.Since(t0))
		ack := time.Now()
		id := waitFor(*url, name, true)
		appear = append(appear, time.Since(t0))
		appearAfter = append(appearAfter, time.Since(ack))
		zero := int64(0)
		t1 := time.Now()
		if err := cs.CoreV1().Pods(ns).Delete(ctx, name, metav1.DeleteOptions{GracePeriodSeconds: &zero}); err != nil {
			fail(err)
		}
		call = append(call, time.Since(t1))
		ack = time.Now()
		waitGone(*url, id)
		resolve = append(resolve, time.Since(t1))
		resolveAfter = append(resolveAfter, time.Since(ack))
	}
	cs.CoreV1().Namespaces().Delete(ctx, ns, metav1.DeleteOptions{})
	fmt.Printf("appear (pod created → finding): %s\n", stats(appear))
	fmt.Printf("resolve (pod deleted → finding gone): %s\n", stats(resolve))
	fmt.Printf("of which the API server's create/delete call: %s\n", stats(call))
	fmt.Printf("appear after the API server's answer: %s\n", stats(appearAfter))
	fmt.Printf("resolve after the API server's answer: %s\n", stats(resolveAfter))
}

func waitFor(url, pod string, _ bool) string {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		var d struct {
			Findings []struct {
				ID   string
				Pods []struct{ Name string }
			}
		}
		if resp, err := http.Get(url + "/api/v1/findings?namespace=" + ns); err == nil {
			json.NewDecoder(resp.Body).Decode(&d)
			resp.Body.Close()
		}
		for _, f := range d.Findings {
			for _, p := range f.Pods {
				if p.Name == pod {
					return f.ID
				}
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	fail(fmt.Errorf("%s: no finding after 60s", pod))
	return ""
}

func waitGone(url, id string) {
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get(url + "/api/v1/findings/" + id); err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusNotFound {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	fail(fmt.Errorf("finding %s still there after 60s", id))
}

func stats(d []time.Duration) string {
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	return fmt.Sprintf("min %s, median %s, max %s (%d probes)", d[0].Round(time.Millisecond), d[len(d)/2].Round(time.Millisecond), d[len(d)-1].Round(time.Millisecond), len(d))
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "serveprobe:", err)
	os.Exit(1)
}
