// Command scale fills the test cluster for the live benchmark: N kwok
// nodes and Deployments whose pods land on them, about a fifth of them
// failing (unschedulable requests, a node selector nothing matches, a
// missing service account refused by admission).
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"sync"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"

	"github.com/podwhy/podwhy/internal/testcluster"
)

func main() {
	kubeconfig := flag.String("kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig")
	nodes := flag.Int("nodes", 1000, "kwok nodes")
	pods := flag.Int("pods", 10000, "pods")
	namespaces := flag.Int("namespaces", 50, "namespaces the Deployments are spread over")
	failEvery := flag.Int("fail-every", 5, "one Deployment in N fails (three ways in turn)")
	flag.Parse()
	cfg, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		fail(err)
	}
	cfg.QPS, cfg.Burst = 500, 1000
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		fail(err)
	}
	ctx := context.Background()
	parallel(*nodes, func(i int) error {
		return testcluster.CreateKwokNode(ctx, cs, testcluster.KwokNode{Name: fmt.Sprintf("scale-%04d", i), CPU: "16", Memory: "64Gi",
			Labels: map[string]string{"topology.kubernetes.io/zone": fmt.Sprintf("zone-%d", i%3)}})
	})
	const perDeploy = 10
	parallel(*namespaces, func(i int) error {
		_, err := cs.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("scale-%02d", i), Labels: map[string]string{"podwhy.dev/scale": "true"}}}, metav1.CreateOptions{})
		if apierrors.IsAlreadyExists(err) {
			return nil
		}
		return err
	})
	deploys := *pods / perDeploy
	parallel(deploys, func(i int) error {
		ns := fmt.Sprintf("scale-%02d", i%*namespaces)
		replicas := int32(perDeploy)
		spec := corev1.PodSpec{
			Tolerations:  []corev1.Toleration{{Key: testcluster.KwokTaint.Key, Operator: corev1.TolerationOpExists, Effect: corev1.TaintEffectNoSchedule}},
			NodeSelector: map[string]string{"type": "kwok"},
			Containers: []corev1.Container{{Name: "app", Image: fmt.Sprintf("registry.example.com/%s/svc-%d:1.0", ns, i),
				Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("100m"), corev1.ResourceMemory: resource.MustParse("128Mi")}}}},
		}
		if i%*failEvery == 0 { // failing, three ways in turn
			switch (i / *failEvery) % 3 {
			case 0:
				spec.Containers[0].Resources.Requests[corev1.ResourceCPU] = resource.MustParse("64")
			case 1:
				spec.NodeSelector["disktype"] = "nvme"
			case 2:
				spec.ServiceAccountName = "deployer"
			}
		}
		d := &appsv1.Deployment{
			ObjectMeta: metav1.ObjectMeta{Name: fmt.Sprintf("svc-%05d", i), Namespace: ns},
			Spec: appsv1.DeploymentSpec{Replicas: &replicas, Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"app": fmt.Sprintf("svc-%05d", i)}},
				Template: corev1.PodTemplateSpec{ObjectMeta: metav1.ObjectMeta{Labels: map[string]string{"app": fmt.Sprintf("svc-%05d", i)}}, Spec: spec}},
		}
		_, err := cs.AppsV1().Deployments(ns).Create(ctx, d, metav1.CreateOptions{})
		if apierrors.IsAlreadyExists(err) {
			return nil
		}
		return err
	})
	fmt.Printf("created %d nodes and %d deployments (%d pods)\n", *nodes, deploys, deploys*perDeploy)
}

func parallel(n int, f func(int) error) {
	var wg sync.WaitGroup
	sem := make(chan struct{}, 32)
	var once sync.Once
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			if err := f(i); err != nil {
				once.Do(func() { fmt.Fprintln(os.Stderr, "scale:", err) })
			}
		}(i)
	}
	wg.Wait()
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "scale:", err)
	os.Exit(1)
}
