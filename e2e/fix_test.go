//go:build e2e

package e2e

import (
	"bytes"
	"context"
	"encoding/base64"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/cli"
	"github.com/podwhy/podwhy/internal/testcluster"
)

// runFix runs podwhy fix and returns its exit code and output.
func runFix(t *testing.T, c *testcluster.Cluster, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(append([]string{"fix", "--kubeconfig", c.Kubeconfig(), "--lang", "en"}, args...), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

func apply(t *testing.T, c *testcluster.Cluster, manifest string) {
	t.Helper()
	cmd := exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "apply", "-f", "-")
	cmd.Stdin = strings.NewReader(manifest)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("apply: %v: %s", err, out)
	}
}

// findingIn waits for a finding of the reason in the namespace and
// returns its ID.
func findingIn(t *testing.T, c *testcluster.Cluster, ns, reason string) string {
	t.Helper()
	id := ""
	if err := waitUntil(3*time.Minute, func() bool {
		_, d, _ := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-n", ns, "--startup-grace", "10s")
		for _, f := range d.Findings {
			if f.Reason == reason {
				id = f.ID
				return true
			}
		}
		return false
	}); err != nil {
		t.Fatalf("no %s finding in %s", reason, ns)
	}
	return id
}

// TestFixPullSecret: Image/Auth against the test registry. The dry run
// changes nothing; --yes creates the secret from the docker config,
// attaches it to the ServiceAccount, restarts the Deployment, and the
// image is pulled.
func TestFixPullSecret(t *testing.T) {
	c := cluster(t)
	cs, err := c.Client()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const ns = "podwhy-e2e-fix-auth"
	apply(t, c, `apiVersion: v1
kind: Namespace
metadata: {name: `+ns+`}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: billing, namespace: `+ns+`}
spec:
  replicas: 1
  selector: {matchLabels: {app: billing}}
  template:
    metadata: {labels: {app: billing}}
    spec:
      containers: [{name: billing, image: `+testcluster.RegistryAuthAddr+`/busybox:1.35, command: [sh, -c, exec sleep 3600]}]
`)
	t.Cleanup(func() { _ = cs.CoreV1().Namespaces().Delete(context.Background(), ns, metav1.DeleteOptions{}) })
	id := findingIn(t, c, ns, "Image/Auth")

	cfg := filepath.Join(t.TempDir(), "config.json")
	auth := base64.StdEncoding.EncodeToString([]byte(testcluster.RegistryUser + ":" + testcluster.RegistryPassword))
	os.WriteFile(cfg, []byte(`{"auths":{"`+testcluster.RegistryAuthAddr+`":{"auth":"`+auth+`"},"other.example.com":{"auth":"eDp5"}}}`), 0o600)
	saBefore, _ := cs.CoreV1().ServiceAccounts(ns).Get(ctx, "default", metav1.GetOptions{})
	depBefore, _ := cs.AppsV1().Deployments(ns).Get(ctx, "billing", metav1.GetOptions{})

	// Without credentials: refused, exit 1.
	if code, out, _ := runFix(t, c, id); code != 1 || !strings.Contains(out, "--docker-config") {
		t.Errorf("without --docker-config: exit %d\n%s", code, out)
	}
	// Dry run (the default): the server checks, nothing changes.
	code, out, errOut := runFix(t, c, id, "--docker-config", cfg)
	if code != 0 || !strings.Contains(out, "Dry run") || !strings.Contains(out, "+ type: kubernetes.io/dockerconfigjson") || !strings.Contains(out, "+ - name: regcred") {
		t.Fatalf("dry run: exit %d %s\n%s", code, errOut, out)
	}
	if _, err := cs.CoreV1().Secrets(ns).Get(ctx, "regcred", metav1.GetOptions{}); err == nil {
		t.Error("dry run created the secret")
	}
	saAfter, _ := cs.CoreV1().ServiceAccounts(ns).Get(ctx, "default", metav1.GetOptions{})
	depAfter, _ := cs.AppsV1().Deployments(ns).Get(ctx, "billing", metav1.GetOptions{})
	if saAfter.ResourceVersion != saBefore.ResourceVersion || depAfter.ResourceVersion != depBefore.ResourceVersion {
		t.Error("dry run changed the ServiceAccount or the Deployment")
	}
	for _, secret := range []string{testcluster.RegistryPassword, auth} {
		if strings.Contains(out, secret) {
			t.Errorf("dry run output shows a credential")
		}
	}

	logFile := filepath.Join(t.TempDir(), "changes.log")
	code, out, errOut = runFix(t, c, id, "--docker-config", cfg, "--yes", "--change-log", logFile)
	if code != 0 {
		t.Fatalf("--yes: exit %d %s\n%s", code, errOut, out)
	}
	sec, err := cs.CoreV1().Secrets(ns).Get(ctx, "regcred", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(sec.Data[".dockerconfigjson"]), "other.example.com") {
		t.Error("secret carries credentials of another registry")
	}
	logged, _ := os.ReadFile(logFile)
	if n := strings.Count(string(logged), "\n"); n != 3 || !strings.Contains(string(logged), `"user":"`) || strings.Contains(string(logged), testcluster.RegistryPassword) {
		t.Errorf("change log (%d lines):\n%s", n, logged)
	}
	// The restarted pod pulls with the secret.
	if err := waitUntil(2*time.Minute, func() bool {
		_, d, _ := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-n", ns)
		return len(d.Findings) == 0
	}); err != nil {
		t.Error("Image/Auth still reported after the fix")
	}
}

// TestFixFinalizer: a pod held by a finalizer nobody removes is released;
// one whose controller still exists is refused; --dry-run changes nothing.
func TestFixFinalizer(t *testing.T) {
	c := cluster(t)
	cs, err := c.Client()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const ns = "podwhy-e2e-fix-finalizer"
	apply(t, c, `apiVersion: v1
kind: Namespace
metadata: {name: `+ns+`}
---
apiVersion: v1
kind: Pod
metadata: {name: holder, namespace: `+ns+`, finalizers: [podwhy.dev/cleanup]}
spec:
  terminationGracePeriodSeconds: 1
  containers: [{name: app, image: docker.io/library/busybox:1.36, imagePullPolicy: IfNotPresent, command: [sh, -c, exec sleep 3600]}]
---
apiVersion: apps/v1
kind: ReplicaSet
metadata: {name: keeper, namespace: `+ns+`}
spec:
  replicas: 1
  selector: {matchLabels: {app: keeper}}
  template:
    metadata: {labels: {app: keeper}, finalizers: [podwhy.dev/cleanup]}
    spec:
      terminationGracePeriodSeconds: 1
      containers: [{name: app, image: docker.io/library/busybox:1.36, imagePullPolicy: IfNotPresent, command: [sh, -c, exec sleep 3600]}]
`)
	t.Cleanup(func() {
		// Release whatever is left so the namespace can go.
		pods, _ := cs.CoreV1().Pods(ns).List(context.Background(), metav1.ListOptions{})
		for _, p := range pods.Items {
			exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "-n", ns, "patch", "pod", p.Name, "--type=json", `-p=[{"op":"remove","path":"/metadata/finalizers"}]`).Run()
		}
		_ = cs.CoreV1().Namespaces().Delete(context.Background(), ns, metav1.DeleteOptions{})
	})
	if err := waitUntil(90*time.Second, func() bool {
		pods, _ := cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
		return len(pods.Items) == 2
	}); err != nil {
		t.Fatal("pods not created")
	}
	pods, _ := cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
	for _, p := range pods.Items {
		if err := cs.CoreV1().Pods(ns).Delete(ctx, p.Name, metav1.DeleteOptions{}); err != nil {
			t.Fatal(err)
		}
	}
	time.Sleep(3 * time.Second) // past the 1s grace period
	var holderID, keeperID string
	if err := waitUntil(2*time.Minute, func() bool {
		_, d, _ := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-n", ns)
		for _, f := range d.Findings {
			if f.Reason == "Terminating/Finalizer" && f.Subject.Name == "holder" {
				holderID = f.ID
			}
			if f.Reason == "Terminating/Finalizer" && f.Subject.Kind == "ReplicaSet" {
				keeperID = f.ID
			}
		}
		return holderID != "" && keeperID != ""
	}); err != nil {
		t.Fatalf("findings: holder %q keeper %q", holderID, keeperID)
	}
	before, _ := cs.CoreV1().Pods(ns).Get(ctx, "holder", metav1.GetOptions{})
	code, out, errOut := runFix(t, c, holderID, "--dry-run")
	// The API server's dry-run answer, diffed: the finalizer line removed.
	if code != 0 || !strings.Contains(out, "-   - podwhy.dev/cleanup") {
		t.Fatalf("dry run: exit %d %s\n%s", code, errOut, out)
	}
	after, _ := cs.CoreV1().Pods(ns).Get(ctx, "holder", metav1.GetOptions{})
	if after.ResourceVersion != before.ResourceVersion || len(after.Finalizers) != 1 {
		t.Error("--dry-run changed the pod")
	}
	if code, out, _ := runFix(t, c, keeperID, "--yes"); code != 1 || !strings.Contains(out, "still exists") {
		t.Errorf("owner alive: exit %d\n%s", code, out)
	}
	if code, out, errOut := runFix(t, c, holderID, "--yes", "--change-log", filepath.Join(t.TempDir(), "log")); code != 0 {
		t.Fatalf("--yes: exit %d %s\n%s", code, errOut, out)
	}
	if err := waitUntil(30*time.Second, func() bool {
		_, err := cs.CoreV1().Pods(ns).Get(ctx, "holder", metav1.GetOptions{})
		return err != nil
	}); err != nil {
		t.Error("pod still there after its finalizer was removed")
	}
}
