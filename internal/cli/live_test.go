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
// server sees them. All of them read the watch cache (resourceVersion 0)
// unless --consistent-read; a namespaced run lists its namespace, the
// cluster-scoped kinds its rules read (not Namespaces), and a target
// changes nothing (see live.plan for why).
func TestLiveLists(t *testing.T) {
	srv, err := livetest.New(
		&corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "web-0"}, Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "app", Image: "app:1"}}}},
		&corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "n1"}},
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
	lists := func(ns, rv string, cluster ...string) []string {
		var out []string
		for _, r := range namespaced {
			out = append(out, livetest.Request{Resource: r, Namespace: ns, ResourceVersion: rv, Limit: "500"}.String())
		}
		for _, r := range cluster {
			out = append(out, livetest.Request{Resource: r, ResourceVersion: rv, Limit: "500"}.String())
		}
		sort.Strings(out)
		return out
	}
	inNamespace := []string{"clusterrolebindings", "clusterroles", "nodes", "persistentvolumes", "storageclasses"}
	everywhere := append(slices.Clone(inNamespace), "namespaces")
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"-A"}, lists("", "0", everywhere...)},
		{[]string{"-n", "shop"}, lists("shop", "0", inNamespace...)},
		{[]string{"-n", "shop", "pod/web-0"}, lists("shop", "0", inNamespace...)},
		{[]string{"-n", "shop", "deploy/web", "node/n1"}, lists("shop", "0", inNamespace...)},
		{[]string{}, lists("default", "0", inNamespace...)},
		{[]string{"-n", "shop", "--consistent-read"}, lists("shop", "", inNamespace...)},
		{[]string{"-A", "--consistent-read"}, lists("", "", everywhere...)},
	} {
		srv.Reset()
		args := append([]string{"--kubeconfig", kc, "-o", "json"}, tc.args...)
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
}
