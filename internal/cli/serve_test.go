package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	networkingv1 "k8s.io/api/networking/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/runtime"
)

// TestServeDefaults: serve listens on loopback unless told otherwise, and
// reads without authentication only there. The old default was ":8080",
// every interface, unauthenticated.
func TestServeDefaults(t *testing.T) {
	cmd := serveCommand(&options{})
	for flag, want := range map[string]string{"addr": "127.0.0.1:8080", "auth": "none", "max-streams": "100"} {
		if got := cmd.Flags().Lookup(flag).DefValue; got != want {
			t.Errorf("--%s defaults to %q, want %q", flag, got, want)
		}
	}
}

// secretRules are the rules of objs that grant anything on Secrets, by
// role name.
func secretRules(objs []runtime.Object) map[string][]string {
	out := map[string][]string{}
	check := func(name string, rules []rbacv1.PolicyRule) {
		for _, r := range rules {
			for _, res := range r.Resources {
				if res == "secrets" || res == "*" {
					out[name] = append(out[name], r.Verbs...)
				}
			}
		}
	}
	for _, o := range objs {
		switch r := o.(type) {
		case *rbacv1.ClusterRole:
			check(r.Name, r.Rules)
		case *rbacv1.Role:
			check(r.Name, r.Rules)
		}
	}
	return out
}

// TestDeployLeastPrivilege: the manifests applied by default grant no
// access to Secrets; the optional file that does binds no group; serve runs with --addr=:8080
// and --auth=kubernetes behind a NetworkPolicy, with the reviews
// auth-delegator allows; Secrets are in a file of their own. The chart
// does the same unless readSecrets=true.
func TestDeployLeastPrivilege(t *testing.T) {
	read := func(f string) []runtime.Object {
		data, err := os.ReadFile(filepath.Join("../../deploy", f))
		if err != nil {
			t.Fatal(err)
		}
		objs, _ := strictDecode(t, f, data)
		return objs
	}
	for _, f := range []string{"serve.yaml", "rbac.yaml", "serve-events.yaml"} {
		if s := secretRules(read(f)); len(s) > 0 {
			t.Errorf("deploy/%s grants Secrets by default: %v", f, s)
		}
	}
	opt := read("rbac-secrets.yaml")
	if s := secretRules(opt); len(s) == 0 {
		t.Error("deploy/rbac-secrets.yaml grants no Secrets")
	}
	for _, o := range opt {
		if b, ok := o.(*rbacv1.ClusterRoleBinding); ok {
			for _, s := range b.Subjects {
				if s.Kind == rbacv1.GroupKind {
					t.Errorf("deploy/rbac-secrets.yaml binds %s to the whole group %s", b.RoleRef.Name, s.Name)
				}
			}
		}
	}
	checkServeHardened(t, "deploy/serve.yaml", read("serve.yaml"))

	helm, err := exec.LookPath("helm")
	if err != nil {
		t.Log("helm not installed: chart not rendered")
		return
	}
	for _, set := range []string{"", "watchNamespace=shop", "readSecrets=true", "readSecrets=true,watchNamespace=shop"} {
		objs := renderChart(t, helm, set)
		s := secretRules(objs)
		if want := strings.Contains(set, "readSecrets=true"); (len(s) > 0) != want {
			t.Errorf("chart --set %q: rules on Secrets %v, want them: %v", set, s, want)
		}
		checkServeHardened(t, "chart --set "+set, objs)
	}
}

// checkServeHardened: the Deployment listens on :8080 with
// --auth=kubernetes, its ServiceAccount may review tokens, and a
// NetworkPolicy selects its pods.
func checkServeHardened(t *testing.T, name string, objs []runtime.Object) {
	t.Helper()
	var labels map[string]string
	var sa string
	delegator, policy := false, false
	for _, o := range objs {
		if d, ok := o.(*appsv1.Deployment); ok {
			labels, sa = d.Spec.Template.Labels, d.Spec.Template.Spec.ServiceAccountName
			args := strings.Join(d.Spec.Template.Spec.Containers[0].Args, " ")
			if !strings.Contains(args, "--addr=:8080") || !strings.Contains(args, "--auth=kubernetes") {
				t.Errorf("%s: serve args %q lack --addr=:8080 --auth=kubernetes", name, args)
			}
		}
	}
	for _, o := range objs {
		switch x := o.(type) {
		case *rbacv1.ClusterRoleBinding:
			if x.RoleRef.Name == "system:auth-delegator" && len(x.Subjects) == 1 && x.Subjects[0].Name == sa {
				delegator = true
			}
		case *networkingv1.NetworkPolicy:
			match := len(x.Spec.PodSelector.MatchLabels) > 0
			for k, v := range x.Spec.PodSelector.MatchLabels {
				match = match && labels[k] == v
			}
			policy = policy || match && len(x.Spec.Ingress) > 0
		}
	}
	if !delegator {
		t.Errorf("%s: ServiceAccount %q is not bound to system:auth-delegator (TokenReview, SubjectAccessReview)", name, sa)
	}
	if !policy {
		t.Errorf("%s: no NetworkPolicy selects podwhy's pods", name)
	}
}
