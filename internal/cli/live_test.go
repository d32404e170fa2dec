package cli

import (
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/live/livetest"
)

// TestLiveLists: the LISTs a live run makes in each scope, as the API
// server sees them. All of them read the watch cache at resourceVersion 0
// when the server is older than 1.34 or its version unknown, or
// --consistent-read=false; else they are consistent reads. A run of every namespace lists every kind. A
// namespaced run lists the namespaced kinds in its namespace, then only
// the cluster-scoped kinds its objects make the rules read (never
// Namespaces): the nodes its pods run on, one by one; every node, and the
// placed pods of every namespace to count what they use, for a pod not
// placed; PersistentVolumes and StorageClasses when such a pod has a
// claim; the cluster RBAC kinds when --logs reads a crashed container's
// log. A target narrows that second phase to the pods that can speak for
// it (see live.plan).
func TestLiveLists(t *testing.T) {
	running := func(ns, name, node string) *corev1.Pod {
		return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name},
			Spec:   corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: "app", Image: "app:1"}}},
			Status: corev1.PodStatus{Phase: corev1.PodRunning}}
	}
	pending := running("batch", "worker-0", "")
	pending.Status.Phase = corev1.PodPending
	pending.Spec.Volumes = []corev1.Volume{{Name: "data", VolumeSource: corev1.VolumeSource{PersistentVolumeClaim: &corev1.PersistentVolumeClaimVolumeSource{ClaimName: "data"}}}}
	crashing := running("ops", "report-0", "n1")
	crashing.Status.ContainerStatuses = []corev1.ContainerStatus{{Name: "app", RestartCount: 4,
		State:                corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}},
		LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 1}}}}
	srv, err := livetest.New(
		running("shop", "web-0", "n1"),
		pending, running("batch", "report-0", "n2"),
		crashing,
		&corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "n1"}},
		&corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "n2"}},
	)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	kc := t.TempDir() + "/kubeconfig"
	cfg := `apiVersion: v1
kind: Config
clusters:
- name: fake
  cluster: {server: "` + srv.URL + `"}
contexts:
- name: fake
  context: {cluster: fake, user: u, namespace: default}
current-context: fake
users:
- name: u
  user: {token: t}
`
	if err := os.WriteFile(kc, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}

	namespaced := []string{"configmaps", "cronjobs", "daemonsets", "deployments", "endpointslices", "events", "jobs", "limitranges",
		"persistentvolumeclaims", "pods", "replicasets", "resourcequotas", "rolebindings", "roles", "secrets", "serviceaccounts", "services", "statefulsets"}
	// lists is the namespaced kinds in ns, then the cluster-wide LISTs,
	// each "resource" or "resource fields=SELECTOR".
	lists := func(ns, rv string, cluster ...string) []string {
		var out []string
		for _, r := range namespaced {
			out = append(out, livetest.Request{Resource: r, Namespace: ns, ResourceVersion: rv, Limit: "500"}.String())
		}
		for _, c := range cluster {
			r, fields, _ := strings.Cut(c, " fields=")
			out = append(out, livetest.Request{Resource: r, ResourceVersion: rv, Limit: "500", FieldSelector: fields}.String())
		}
		sort.Strings(out)
		return out
	}
	everything := []string{"clusterrolebindings", "clusterroles", "namespaces", "nodes", "persistentvolumes", "storageclasses"}
	n1, n2 := "nodes fields=metadata.name=n1", "nodes fields=metadata.name=n2"
	unscheduled := []string{"nodes", "pods fields=spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed", "persistentvolumes", "storageclasses"}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"-A"}, lists("", "0", everything...)},
		{[]string{"-A", "--logs"}, lists("", "0", everything...)},
		{[]string{"-A", "--consistent-read"}, lists("", "", everything...)},
		// The server's version decides when the flag is not given: from
		// 1.34 its cache serves every page of a consistent read.
		{[]string{"-A", "--server-version=v1.37.2"}, lists("", "", everything...)},
		{[]string{"-A", "--server-version=v1.33.4"}, lists("", "0", everything...)},
		{[]string{"-A", "--server-version=v1.37.2", "--consistent-read=false"}, lists("", "0", everything...)},
		{[]string{"-n", "shop", "--server-version=v1.34.0"}, lists("shop", "", n1)},
		// A healthy namespace: the node its pod runs on.
		{[]string{"-n", "shop"}, lists("shop", "0", n1)},
		{[]string{"-n", "shop", "--consistent-read"}, lists("shop", "", n1)},
		// A pod not placed, with a claim.
		{[]string{"-n", "batch"}, lists("batch", "0", unscheduled...)},
		{[]string{"-n", "batch", "pod/worker-0"}, lists("batch", "0", unscheduled...)},
		// A target on the placed pod of that namespace.
		{[]string{"-n", "batch", "pod/report-0"}, lists("batch", "0", n2)},
		{[]string{"-n", "batch", "report-0", "node/n1"}, lists("batch", "0", n1, n2)},
		{[]string{"-n", "shop", "deploy/web"}, lists("shop", "0")},
		// A crashed container: the cluster RBAC kinds if its log is read.
		{[]string{"-n", "ops"}, lists("ops", "0", n1)},
		{[]string{"-n", "ops", "--logs"}, lists("ops", "0", n1, "clusterrolebindings", "clusterroles")},
		// The context's namespace, empty.
		{[]string{}, lists("default", "0")},
	} {
		srv.Reset()
		// --server-version is the fake server's, not podwhy's.
		srv.Version = ""
		args := []string{"--kubeconfig", kc, "-o", "json"}
		for _, a := range tc.args {
			if v, ok := strings.CutPrefix(a, "--server-version="); ok {
				srv.Version = v
			} else {
				args = append(args, a)
			}
		}
		if code, _, errOut := runCLI(t, "", args...); code == ExitUsage {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errOut)
		}
		var got []string
		for _, r := range srv.Requests() {
			got = append(got, r.String())
		}
		sort.Strings(got)
		if !slices.Equal(got, tc.want) {
			t.Errorf("podwhy %s listed\n  %s\nwant\n  %s", strings.Join(tc.args, " "), strings.Join(got, "\n  "), strings.Join(tc.want, "\n  "))
		}
	}

	// podwhy lint --cluster checks manifests against every node, whatever
	// the namespace runs: the nodes are listed with the namespace, once.
	manifest := t.TempDir() + "/web.yaml"
	if err := os.WriteFile(manifest, []byte("apiVersion: v1\nkind: Pod\nmetadata: {name: web-1, namespace: shop}\nspec:\n  containers: [{name: app, image: app:1}]\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	srv.Reset()
	if code, _, errOut := runCLI(t, "", "lint", "--kubeconfig", kc, "--cluster", "-n", "shop", manifest); code == ExitUsage {
		t.Fatalf("lint: exit %d: %s", code, errOut)
	}
	var got []string
	for _, r := range srv.Requests() {
		got = append(got, r.String())
	}
	sort.Strings(got)
	if want := lists("shop", "0", "nodes"); !slices.Equal(got, want) {
		t.Errorf("podwhy lint --cluster -n shop listed\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(want, "\n  "))
	}
}
