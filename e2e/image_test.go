//go:build e2e

package e2e

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/utils/ptr"
)

// TestReleaseImage: the container image hack/release builds from the
// release binary runs under the real kubelet, containerd and runc, as the
// numeric non-root user the image names (runAsNonRoot admits it), with the
// version stamped: the image deploy/ and the chart pin.
func TestReleaseImage(t *testing.T) {
	c := cluster(t)
	cs, err := c.Client()
	if err != nil {
		t.Fatal(err)
	}
	repo, _ := filepath.Abs("..")
	version, err := os.ReadFile(filepath.Join(repo, "VERSION"))
	if err != nil {
		t.Fatal(err)
	}
	tag := "v" + strings.TrimSpace(string(version))
	out := t.TempDir()
	cmd := exec.Command("go", "run", ".", "-targets", "linux/amd64", "-out", out)
	cmd.Dir = filepath.Join(repo, "hack", "release")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("hack/release: %v\n%s", err, b)
	}
	if err := c.ImportImage(filepath.Join(out, "podwhy_"+tag+"_image.oci.tar")); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ns := "podwhy-e2e-image"
	cs.CoreV1().Namespaces().Create(ctx, &corev1.Namespace{ObjectMeta: metav1.ObjectMeta{Name: ns}}, metav1.CreateOptions{})
	defer cs.CoreV1().Namespaces().Delete(context.Background(), ns, metav1.DeleteOptions{})
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "podwhy-version", Namespace: ns},
		Spec: corev1.PodSpec{
			RestartPolicy:                corev1.RestartPolicyNever,
			AutomountServiceAccountToken: ptr.To(false),
			SecurityContext:              &corev1.PodSecurityContext{RunAsNonRoot: ptr.To(true)},
			Containers: []corev1.Container{{
				Name: "podwhy", Image: "ghcr.io/podwhy/podwhy:" + tag, ImagePullPolicy: corev1.PullNever,
				Args: []string{"version"},
				SecurityContext: &corev1.SecurityContext{AllowPrivilegeEscalation: ptr.To(false), ReadOnlyRootFilesystem: ptr.To(true),
					Capabilities: &corev1.Capabilities{Drop: []corev1.Capability{"ALL"}}},
			}},
		},
	}
	// The ServiceAccount controller makes "default" a moment after the
	// namespace.
	if err := waitUntil(30*time.Second, func() bool {
		_, err := cs.CoreV1().Pods(ns).Create(ctx, pod, metav1.CreateOptions{})
		return err == nil
	}); err != nil {
		t.Fatal("pod not created")
	}
	var phase corev1.PodPhase
	if err := waitUntil(2*time.Minute, func() bool {
		p, err := cs.CoreV1().Pods(ns).Get(ctx, pod.Name, metav1.GetOptions{})
		if err == nil {
			phase = p.Status.Phase
		}
		return phase == corev1.PodSucceeded || phase == corev1.PodFailed
	}); err != nil || phase != corev1.PodSucceeded {
		p, _ := cs.CoreV1().Pods(ns).Get(ctx, pod.Name, metav1.GetOptions{})
		t.Fatalf("the release image did not run: phase %q, %+v", phase, p.Status.ContainerStatuses)
	}
	logs, err := cs.CoreV1().Pods(ns).GetLogs(pod.Name, &corev1.PodLogOptions{}).DoRaw(ctx)
	if err != nil || !strings.HasPrefix(string(logs), "podwhy "+tag+" ") || !strings.Contains(string(logs), "commit ") {
		t.Errorf("podwhy version in the release image: %q %v", logs, err)
	}
}
