//go:build e2e

// Package e2e runs podwhy against the real test cluster (hack/e2e.sh brings
// it up): every lab scenario is applied, the real components produce the
// failure, and podwhy must name it — from the live API and from a
// kubectl get -o json dump of the same objects alike.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/cli"
	"github.com/podwhy/podwhy/internal/lab"
	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/testcluster"
)

type finding struct {
	ID        string
	Reason    string
	Headline  string
	CausedBy  []string
	Causes    []string
	Tags      []string
	Namespace string
	Subject   struct{ Kind, Name string }
	Container string
	Node      string
	Pods      []struct{ Name, Node string }
	Steps     []step
}

type step struct {
	Text         string
	Command      string
	Argv         []string
	Then         []shell.Link
	OutputFile   string
	Placeholders []string
	Changes      bool `json:"changesCluster"`
}

type doc struct {
	Findings []finding
	Notes    []string
}

func cluster(t *testing.T) *testcluster.Cluster {
	repo, _ := filepath.Abs("..")
	c := testcluster.New(repo)
	if _, err := os.Stat(c.Kubeconfig()); err != nil {
		t.Fatalf("no test cluster (run hack/e2e.sh): %v", err)
	}
	return c
}

func podwhy(t *testing.T, args ...string) (int, doc, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := cli.Main(append(args, "-o", "json"), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	var d doc
	if code != 2 {
		if err := json.Unmarshal(out.Bytes(), &d); err != nil {
			t.Fatalf("podwhy %v: %v\n%s", args, err, errb.String())
		}
	}
	return code, d, errb.String()
}

func byNamespace(d doc) map[string][]string {
	out := map[string][]string{}
	for _, f := range d.Findings {
		out[f.Namespace] = append(out[f.Namespace], f.Reason)
		out[f.Namespace] = append(out[f.Namespace], f.Tags...)
	}
	return out
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// dumpKinds is what a person would dump for a ticket.
const dumpKinds = "pods,events,nodes,replicasets,deployments,statefulsets,daemonsets,jobs,cronjobs,persistentvolumeclaims,persistentvolumes,storageclasses,configmaps,secrets,serviceaccounts,resourcequotas,limitranges,namespaces,services,endpointslices,roles,rolebindings,clusterroles,clusterrolebindings"

func TestLabScenarios(t *testing.T) {
	c := cluster(t)
	cs, err := c.Client()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	scenarios, err := lab.All()
	if err != nil {
		t.Fatal(err)
	}
	// Each scenario that has a controller also runs as a bare Pod: there a
	// step must re-create the pod instead of changing the controller.
	for _, s := range scenarios {
		if b, ok := lab.Bare(s); ok {
			scenarios = append(scenarios, b)
		}
	}
	t.Cleanup(func() { _ = lab.Delete(context.Background(), cs, "") })
	for _, s := range scenarios {
		if err := lab.Apply(ctx, cs, s); err != nil {
			t.Fatalf("apply %s: %v", s.Name, err)
		}
	}
	// Wait until every scenario shows its reason (the real components take
	// their time: back-offs, probes, controllers).
	pending := map[string]lab.Scenario{}
	for _, s := range scenarios {
		if s.Reason != "-" {
			pending[s.Namespace()] = s
		}
	}
	deadline := time.Now().Add(4 * time.Minute)
	var last doc
	for len(pending) > 0 && time.Now().Before(deadline) {
		_, last, _ = podwhy(t, "--kubeconfig", c.Kubeconfig(), "-A", "--startup-grace", "20s")
		got := byNamespace(last)
		for ns, s := range pending {
			if has(got[ns], s.Reason) {
				t.Logf("%-18s %s found after %s", s.Name, s.Reason, time.Since(deadline.Add(-4*time.Minute)).Round(time.Second))
				delete(pending, ns)
			}
		}
		time.Sleep(3 * time.Second)
	}
	got := byNamespace(last)
	for ns, s := range pending {
		t.Errorf("%s: want %s, podwhy found %v (produced by %s)", s.Name, s.Reason, got[ns], s.Source)
	}

	for _, s := range scenarios {
		if s.Reason == "-" && len(got[s.Namespace()]) > 0 {
			t.Errorf("%s: healthy workload has findings %v", s.Name, got[s.Namespace()])
		}
	}

	// --logs reads the crashed containers' logs: runc 1.1.5 leaves "exec
	// format error" only there, and the crash-exit app logs its cause.
	for ns, want := range map[string]string{"podwhy-lab-exec-format": "exec format error", "podwhy-lab-crash-exit": "connection refused"} {
		found := false
		for i := 0; i < 10 && !found; i++ {
			var out, errb bytes.Buffer
			cli.Main([]string{"--kubeconfig", c.Kubeconfig(), "-n", ns, "--logs", "-o", "json"}, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
			found = strings.Contains(out.String(), `"kind": "log"`) && strings.Contains(out.String(), want)
			if !found {
				time.Sleep(3 * time.Second)
			}
		}
		if !found {
			t.Errorf("%s: --logs did not quote %q", ns, want)
		}
	}

	// Cause chains from the real components' logs (issue: crash
	// signatures): live with --logs and from the real kubectl's
	// cluster-info dump, which carries the logs.
	t.Run("chains", func(t *testing.T) { checkChains(t, c) })

	// The lab's pull secrets hold real credentials of the test registry:
	// no output format may show them.
	for _, o := range []string{"text", "json", "yaml", "markdown"} {
		var out, errb bytes.Buffer
		cli.Main([]string{"--kubeconfig", c.Kubeconfig(), "-A", "--logs", "-o", o}, cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
		for _, secret := range []string{testcluster.RegistryPassword, "cG9kd2h5OnBvZHdoeS1sYWItcGFzc3dvcmQ", "eyJhdXRocyI6"} {
			if strings.Contains(out.String(), secret) {
				t.Errorf("-o %s shows a secret value (%q)", o, secret)
			}
		}
	}

	// What the real kubectl prints about each scenario, pasted as text,
	// gives the live findings (issue 4). describe shows no finalizers, so
	// that scenario is diagnosed by what describe does show.
	kubectlOut := func(args ...string) string {
		out, _ := exec.Command(filepath.Join(c.BinDir, "kubectl"), append([]string{"--kubeconfig", c.Kubeconfig()}, args...)...).CombinedOutput()
		return string(out)
	}
	nodes := kubectlOut("describe", "nodes")
	for _, s := range scenarios {
		if s.Name == "finalizer" {
			continue
		}
		ns := s.Namespace()
		var a, b string
		for attempt := 0; attempt < 4; attempt++ {
			paste := "$ kubectl describe pods -n " + ns + "\n" + kubectlOut("describe", "pods", "-n", ns) +
				"\n$ kubectl get events -n " + ns + "\n" + kubectlOut("get", "events", "-n", ns) +
				"\n$ kubectl get pods -n " + ns + " -o wide\n" + kubectlOut("get", "pods", "-n", ns, "-o", "wide") +
				"\n$ kubectl describe nodes\n" + nodes
			var out, errb bytes.Buffer
			code := cli.Main([]string{"-f", "-", "--startup-grace", "20s", "-o", "json"}, cli.IO{In: strings.NewReader(paste), Out: &out, Err: &errb})
			var fromText doc
			if code != 2 {
				if err := json.Unmarshal(out.Bytes(), &fromText); err != nil {
					t.Fatalf("%s text: %v", s.Name, err)
				}
			}
			_, live, _ := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-n", ns, "--startup-grace", "20s")
			a, b = nsKeys(live, ns), nsKeys(fromText, ns)
			if a == b {
				break
			}
			time.Sleep(3 * time.Second)
		}
		if a != b {
			t.Errorf("%s: live and pasted kubectl text differ:\nlive: %s\ntext: %s", s.Name, a, b)
		}
	}

	// The same objects as a kubectl dump give the same findings.
	for attempt := 0; attempt < 3; attempt++ {
		dump := filepath.Join(t.TempDir(), "dump.json")
		out, err := exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "get", dumpKinds, "-A", "-o", "json").Output()
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dump, out, 0o644); err != nil {
			t.Fatal(err)
		}
		_, live, _ := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-A", "--startup-grace", "20s")
		_, fromDump, _ := podwhy(t, "-f", dump, "--startup-grace", "20s")
		a, b := labKeys(live), labKeys(fromDump)
		if a == b {
			break
		}
		if attempt == 2 {
			t.Errorf("live and dump differ:\nlive: %s\ndump: %s", a, b)
		}
		time.Sleep(5 * time.Second)
	}

	// Last, since a step that re-creates a bare pod restarts its failure.
	t.Run("steps", func(t *testing.T) { proveSteps(t, c, last, 40) })
}

// nsKeys lists the findings of one namespace as "id reason".
func nsKeys(d doc, ns string) string {
	var keys []string
	for _, f := range d.Findings {
		if f.Namespace == ns {
			keys = append(keys, f.ID+" "+f.Reason)
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// labKeys lists the findings in lab namespaces as "id reason".
func labKeys(d doc) string {
	var keys []string
	for _, f := range d.Findings {
		if strings.HasPrefix(f.Namespace, "podwhy-lab-") {
			keys = append(keys, f.ID+" "+f.Reason)
		}
	}
	sort.Strings(keys)
	return strings.Join(keys, ", ")
}

// TestDeadServer: an address nothing listens on gives one clear line and
// exit 2, quickly.
func TestDeadServer(t *testing.T) {
	cfg := filepath.Join(t.TempDir(), "dead.kubeconfig")
	os.WriteFile(cfg, []byte(`apiVersion: v1
kind: Config
clusters: [{name: dead, cluster: {server: "https://127.0.0.1:1", insecure-skip-tls-verify: true}}]
users: [{name: u, user: {token: x}}]
contexts: [{name: dead, context: {cluster: dead, user: u}}]
current-context: dead
`), 0o600)
	start := time.Now()
	code, _, errOut := podwhy(t, "--kubeconfig", cfg, "-A")
	if code != 2 || !strings.Contains(errOut, "cannot reach the API server at https://127.0.0.1:1") || strings.Count(strings.TrimSpace(errOut), "\n") > 0 {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("took %s", d)
	}
}

func TestMain(m *testing.M) {
	if os.Getenv("PODWHY_E2E") == "" {
		fmt.Println("e2e: PODWHY_E2E not set; run hack/e2e.sh")
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// TestRBAC: with a user that may not list nodes or secrets, podwhy still
// diagnoses and says which checks did not run and what permission would
// enable them; with deploy/rbac.yaml bound, only Secrets are missing (they
// are opt-in); with deploy/rbac-secrets.yaml's role too, nothing is.
func TestRBAC(t *testing.T) {
	c := cluster(t)
	kubectl := func(stdin string, args ...string) {
		t.Helper()
		cmd := exec.Command(filepath.Join(c.BinDir, "kubectl"), append([]string{"--kubeconfig", c.Kubeconfig()}, args...)...)
		cmd.Stdin = strings.NewReader(stdin)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("kubectl %v: %v\n%s", args, err, out)
		}
	}
	rbac, err := os.ReadFile("../deploy/rbac.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kubectl(string(rbac), "apply", "-f", "-")
	t.Cleanup(func() {
		// podwhy-secrets-reader's own binding is serve's ServiceAccount:
		// TestServe proves the default role without it.
		exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "delete", "clusterrolebinding", "podwhy-limited", "podwhy-limited-full", "podwhy-limited-secrets", "podwhy-secrets-reader", "--ignore-not-found").Run()
		exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "delete", "clusterrole", "podwhy-limited", "--ignore-not-found").Run()
	})
	kubectl("", "create", "clusterrole", "podwhy-limited", "--verb=list",
		"--resource=pods,events,persistentvolumeclaims,persistentvolumes,configmaps,serviceaccounts,resourcequotas,limitranges,namespaces,services,replicasets.apps,deployments.apps,statefulsets.apps,daemonsets.apps,jobs.batch,cronjobs.batch,storageclasses.storage.k8s.io,endpointslices.discovery.k8s.io,roles.rbac.authorization.k8s.io,rolebindings.rbac.authorization.k8s.io,clusterroles.rbac.authorization.k8s.io,clusterrolebindings.rbac.authorization.k8s.io")
	kubectl("", "create", "clusterrolebinding", "podwhy-limited", "--clusterrole=podwhy-limited", "--user=podwhy-limited")

	code, d, errOut := podwhy(t, "--kubeconfig", c.LimitedKubeconfig(), "-A")
	if code == 2 {
		t.Fatalf("limited user: exit 2: %s", errOut)
	}
	notes := strings.Join(d.Notes, "\n")
	for _, want := range []string{`"list" on "nodes" cluster-wide`, `"list" on "secrets" cluster-wide`} {
		if !strings.Contains(notes, want) {
			t.Errorf("notes %q lack %s", notes, want)
		}
	}
	// The role shipped in deploy/rbac.yaml is enough for everything but
	// Secrets, which it leaves out on purpose.
	kubectl("", "create", "clusterrolebinding", "podwhy-limited-full", "--clusterrole=podwhy-reader", "--user=podwhy-limited")
	onlySecrets := func() bool {
		_, d, _ := podwhy(t, "--kubeconfig", c.LimitedKubeconfig(), "-A")
		return len(d.Notes) == 1 && strings.Contains(d.Notes[0], `"list" on "secrets" cluster-wide`)
	}
	if err := waitUntil(30*time.Second, onlySecrets); err != nil {
		_, d, _ := podwhy(t, "--kubeconfig", c.LimitedKubeconfig(), "-A")
		t.Errorf("with podwhy-reader bound, want only the Secrets note: %v", d.Notes)
	}
	// The opt-in role of deploy/rbac-secrets.yaml, bound to this one user,
	// completes it.
	secrets, err := os.ReadFile("../deploy/rbac-secrets.yaml")
	if err != nil {
		t.Fatal(err)
	}
	kubectl(string(secrets), "apply", "-f", "-")
	kubectl("", "create", "clusterrolebinding", "podwhy-limited-secrets", "--clusterrole=podwhy-secrets-reader", "--user=podwhy-limited")
	if err := waitUntil(30*time.Second, func() bool {
		_, d, _ := podwhy(t, "--kubeconfig", c.LimitedKubeconfig(), "-A")
		return len(d.Notes) == 0
	}); err != nil {
		_, d, _ := podwhy(t, "--kubeconfig", c.LimitedKubeconfig(), "-A")
		t.Errorf("with podwhy-secrets-reader bound too, notes remain: %v", d.Notes)
	}
}

func waitUntil(timeout time.Duration, f func() bool) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if f() {
			return nil
		}
		time.Sleep(time.Second)
	}
	return fmt.Errorf("timed out")
}

// TestAPIServerRestart: while the API server is down podwhy fails fast with
// one line; once it is back podwhy works again.
func TestAPIServerRestart(t *testing.T) {
	c := cluster(t)
	done := make(chan struct{})
	go func() {
		defer close(done)
		c.Stop("kube-apiserver", 20*time.Second)
	}()
	// Runs during the shutdown: findings or one clear line, never a hang.
	for i := 0; i < 5; i++ {
		start := time.Now()
		code, _, errOut := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-A", "--request-timeout", "5s")
		if d := time.Since(start); d > 15*time.Second {
			t.Errorf("run %d took %s", i, d)
		}
		if code == 2 && (strings.Count(strings.TrimSpace(errOut), "\n") > 0 || !strings.HasPrefix(errOut, "podwhy: ")) {
			t.Errorf("run %d: not one line: %q", i, errOut)
		}
		time.Sleep(time.Second)
	}
	<-done
	code, _, errOut := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-A", "--request-timeout", "5s")
	if code != 2 || !strings.Contains(errOut, "cannot reach the API server") {
		t.Errorf("server down: exit %d %q", code, errOut)
	}
	if err := c.StartAPIServer(); err != nil {
		t.Fatal(err)
	}
	if code, _, errOut := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-A"); code == 2 {
		t.Errorf("after restart: %s", errOut)
	}
}

// TestNodeLost stops the real node's kubelet: the node lifecycle controller
// marks it Unknown, taints it, and evicts its pods, which stay Terminating
// while the node is gone (the Terminating/Unknown case of a lost node).
func TestNodeLost(t *testing.T) {
	c := cluster(t)
	const ns = "podwhy-e2e-nodelost"
	manifest := `apiVersion: v1
kind: Namespace
metadata: {name: ` + ns + `}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: ` + ns + `}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      nodeSelector: {podwhy.dev/node: real}
      terminationGracePeriodSeconds: 5
      containers: [{name: db, image: docker.io/library/busybox:1.36, imagePullPolicy: IfNotPresent, command: [sh, -c, exec sleep 3600]}]
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: ` + ns + `}
spec:
  replicas: 1
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      nodeSelector: {podwhy.dev/node: real}
      terminationGracePeriodSeconds: 5
      containers: [{name: api, image: docker.io/library/busybox:1.36, imagePullPolicy: IfNotPresent, command: [sh, -c, exec sleep 3600]}]
`
	kubectl := exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "apply", "-f", "-")
	kubectl.Stdin = strings.NewReader(manifest)
	if out, err := kubectl.CombinedOutput(); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	t.Cleanup(func() {
		_ = c.StartKubelet(context.Background())
		exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "delete", "ns", ns, "--wait=false").Run()
	})
	if err := waitUntil(90*time.Second, func() bool {
		out, _ := exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "-n", ns, "get", "pods", "--no-headers").Output()
		return strings.Count(string(out), "Running") == 2
	}); err != nil {
		t.Fatal("pods not Running")
	}
	c.StopKubelet()
	want := map[string]bool{"Unknown/NodeUnreachable node": false, "Terminating/NodeLost StatefulSet/db": false, "Terminating/NodeLost Deployment/api": false}
	ids := map[string]string{}
	start := time.Now()
	for time.Since(start) < 3*time.Minute {
		_, d, _ := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-A")
		for _, f := range d.Findings {
			switch {
			case f.Reason == "Unknown/NodeUnreachable" && f.Subject.Kind == "Node" && f.Subject.Name == c.NodeName:
				want["Unknown/NodeUnreachable node"] = true
				ids["node"] = f.ID
			case f.Namespace == ns:
				want[f.Reason+" "+f.Subject.Kind+"/"+f.Subject.Name] = true
				ids[f.Reason+" "+f.Subject.Kind] = f.ID
			}
		}
		done := true
		for _, ok := range want {
			done = done && ok
		}
		if done {
			t.Logf("node loss diagnosed after %s", time.Since(start).Round(time.Second))
			fixNodeLost(t, c, ns, ids)
			return
		}
		time.Sleep(3 * time.Second)
	}
	t.Errorf("after 3m: %v", want)
}

// fixNodeLost runs podwhy fix on the lost node (issue 6): the dry run
// changes nothing; the Deployment's pod is force-deleted; the
// StatefulSet's pod is refused without --force-statefulset and, with it,
// while the machine is not confirmed gone; the Node is deleted only with
// --machine-gone. (--lost-after shortens the 5 minutes the node must have
// been lost, so the test need not wait.)
func fixNodeLost(t *testing.T, c *testcluster.Cluster, ns string, ids map[string]string) {
	cs, err := c.Client()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	podsNow := func() map[string]bool {
		m := map[string]bool{}
		pods, _ := cs.CoreV1().Pods(ns).List(ctx, metav1.ListOptions{})
		for _, p := range pods.Items {
			m[p.Name] = p.DeletionTimestamp != nil
		}
		return m
	}
	before := podsNow()
	time.Sleep(12 * time.Second) // past --lost-after
	code, out, errOut := runFix(t, c, "--all", "--lost-after", "10s")
	if code != 1 || !strings.Contains(out, "--force-statefulset") || !strings.Contains(out, "--machine-gone") ||
		!strings.Contains(out, "force-delete "+ns+"/pod/api-") || !strings.Contains(out, "Dry run") {
		t.Errorf("fix --all (dry run): exit %d %s\n%s", code, errOut, out)
	}
	if after := podsNow(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("dry run changed pods: %v → %v", before, after)
	}
	if code, out, errOut := runFix(t, c, ids["Terminating/NodeLost Deployment"], "--yes", "--lost-after", "10s", "--change-log", filepath.Join(t.TempDir(), "log")); code != 0 {
		t.Errorf("force-delete the Deployment's pod: exit %d %s\n%s", code, errOut, out)
	}
	if code, out, _ := runFix(t, c, ids["Terminating/NodeLost StatefulSet"], "--force-statefulset", "--yes", "--lost-after", "10s"); code != 1 || !strings.Contains(out, "--machine-gone") {
		t.Errorf("StatefulSet pod with the node still there: exit %d\n%s", code, out)
	}
	after := podsNow()
	for name, deleting := range after {
		if strings.HasPrefix(name, "api-") && deleting {
			t.Errorf("Deployment pod %s still Terminating after force-delete", name)
		}
	}
	if _, ok := after["db-0"]; !ok {
		t.Error("the StatefulSet pod was deleted although refused")
	}
	if code, out, _ := runFix(t, c, ids["node"], "--yes", "--lost-after", "10s"); code != 1 || !strings.Contains(out, "--machine-gone") {
		t.Errorf("node delete without --machine-gone: exit %d\n%s", code, out)
	}
	if code, out, errOut := runFix(t, c, ids["node"], "--yes", "--machine-gone", "--lost-after", "10s", "--change-log", filepath.Join(t.TempDir(), "log")); code != 0 {
		t.Errorf("node delete: exit %d %s\n%s", code, errOut, out)
	}
	if _, err := cs.CoreV1().Nodes().Get(ctx, c.NodeName, metav1.GetOptions{}); err == nil {
		t.Error("Node still there after fix --machine-gone --yes")
	}
}
