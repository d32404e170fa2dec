package live

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/client-go/rest"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/live/livetest"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

const lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

// cluster is five pods in shop and one in other, each carrying what no
// rule reads (managedFields, a last-applied copy, an env value), with a
// node, a ConfigMap and a Secret that hold values.
func cluster() []runtime.Object {
	now := metav1.NewTime(time.Date(2026, 1, 2, 15, 4, 5, 0, time.UTC))
	var objs []runtime.Object
	pod := func(ns, name string) *corev1.Pod {
		return &corev1.Pod{
			ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name, UID: types.UID("uid-" + ns + "-" + name), CreationTimestamp: now,
				ManagedFields: []metav1.ManagedFieldsEntry{{Manager: "kubectl", Operation: metav1.ManagedFieldsOperationApply}},
				Annotations:   map[string]string{lastApplied: `{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"app","image":"app:1"}]}}`}},
			Spec: corev1.PodSpec{NodeName: "n1", Containers: []corev1.Container{{Name: "app", Image: "app:1",
				Env: []corev1.EnvVar{{Name: "DB_PASSWORD", Value: "hunter2"}}}}},
			Status: corev1.PodStatus{Phase: corev1.PodRunning},
		}
	}
	for i := range 5 {
		objs = append(objs, pod("shop", fmt.Sprintf("web-%d", i)))
	}
	objs = append(objs, pod("other", "db-0"),
		&corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "n1", UID: "uid-n1"},
			Status: corev1.NodeStatus{Images: []corev1.ContainerImage{{Names: []string{"app:1"}, SizeBytes: 1 << 20}}}},
		&corev1.ConfigMap{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "conf"}, Data: map[string]string{"app.conf": "token=s3cret"}},
		&corev1.Secret{ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "db"}, Data: map[string][]byte{"password": []byte("hunter2")}},
	)
	return objs
}

func server(t *testing.T, objs ...runtime.Object) (*livetest.Server, *rest.Config) {
	t.Helper()
	srv, err := livetest.New(objs...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(srv.Close)
	return srv, &rest.Config{Host: srv.URL}
}

// TestPagesOneByOne: a kind is read page by page, each page handed on
// before the next is asked for, with the continue token of the one before.
// By default the first page is read from the watch cache (resourceVersion
// "0") and the next ones by their token alone; a consistent read sends no
// version at all; a cache that ignores the limit at "0" answers in one
// page, and that is the end of the list.
func TestPagesOneByOne(t *testing.T) {
	for _, tc := range []struct {
		name       string
		o          Options
		wholeAtRV0 bool
		pages      [][]string
		requests   []string
	}{
		{"watch cache", Options{PageSize: 2}, false,
			[][]string{{"web-0", "web-1"}, {"web-2", "web-3"}, {"web-4"}},
			[]string{"pods ns=shop rv=0 limit=2", "pods ns=shop limit=2 continue=page-at-2", "pods ns=shop limit=2 continue=page-at-4"}},
		{"consistent", Options{PageSize: 2, Consistent: true}, false,
			[][]string{{"web-0", "web-1"}, {"web-2", "web-3"}, {"web-4"}},
			[]string{"pods ns=shop limit=2", "pods ns=shop limit=2 continue=page-at-2", "pods ns=shop limit=2 continue=page-at-4"}},
		{"cache ignores the limit", Options{PageSize: 2}, true,
			[][]string{{"web-0", "web-1", "web-2", "web-3", "web-4"}},
			[]string{"pods ns=shop rv=0 limit=2"}},
		{"consistent, cache ignores the limit", Options{PageSize: 2, Consistent: true}, true,
			[][]string{{"web-0", "web-1"}, {"web-2", "web-3"}, {"web-4"}},
			[]string{"pods ns=shop limit=2", "pods ns=shop limit=2 continue=page-at-2", "pods ns=shop limit=2 continue=page-at-4"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, cfg := server(t, cluster()...)
			srv.WholeAtRV0 = tc.wholeAtRV0
			cs, _, err := client(cfg, tc.o)
			if err != nil {
				t.Fatal(err)
			}
			var got [][]string
			err = pages(context.Background(), cs, call{lister: listers[0], ns: "shop"}, tc.o, func(items []any) {
				// The server has answered exactly one more request by the
				// time a page arrives: it was not read ahead and buffered.
				if n := len(srv.Requests()); n != len(got)+1 {
					t.Errorf("page %d handed on after %d requests", len(got)+1, n)
				}
				var names []string
				for _, it := range items {
					names = append(names, it.(*corev1.Pod).Name)
				}
				got = append(got, names)
			})
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.pages) {
				t.Errorf("pages %v, want %v", got, tc.pages)
			}
			var reqs []string
			for _, r := range srv.Requests() {
				if !r.Protobuf {
					t.Errorf("%s: answered in JSON, want protobuf", r)
				}
				reqs = append(reqs, r.String())
			}
			if !reflect.DeepEqual(reqs, tc.requests) {
				t.Errorf("requests\n%s\nwant\n%s", strings.Join(reqs, "\n"), strings.Join(tc.requests, "\n"))
			}
		})
	}
}

// TestCollectStrips: what reaches the builder is what slim.Transform
// keeps — no managedFields, last-applied copy, env value, node image list,
// ConfigMap or Secret value — over several pages.
func TestCollectStrips(t *testing.T) {
	_, cfg := server(t, cluster()...)
	b, err := Collect(context.Background(), cfg, Options{PageSize: 2})
	if err != nil {
		t.Fatal(err)
	}
	pods := b.Pods()
	if len(pods) != 6 {
		t.Fatalf("%d pods, want 6 (all pages)", len(pods))
	}
	for _, p := range pods {
		if p.ManagedFields != nil || p.Annotations[lastApplied] != "" {
			t.Errorf("%s: metadata kept: %+v", p.Name, p.ObjectMeta)
		}
		if env := p.Spec.Containers[0].Env; len(env) != 1 || env[0].Name != "DB_PASSWORD" || env[0].Value != "" {
			t.Errorf("%s: env %+v, want the name without its value", p.Name, env)
		}
	}
	s := b.Build(time.Time{})
	if n := s.Node("n1"); n == nil || n.Status.Images != nil {
		t.Errorf("node: %+v", n)
	}
	if cm := s.ConfigMap("shop", "conf"); cm == nil || !reflect.DeepEqual(cm.Keys, []string{"app.conf"}) {
		t.Errorf("configmap: %+v", cm)
	}
	if sec := s.Secret("shop", "db"); sec == nil || !reflect.DeepEqual(sec.Keys, []string{"password"}) {
		t.Errorf("secret: %+v", sec)
	}
	for _, k := range []string{snapshot.KindPod, snapshot.KindNode, snapshot.KindEvent, snapshot.KindClusterRole} {
		if !s.Has(k) {
			t.Errorf("%s not marked as listed", k)
		}
	}
}

// TestCollectForbidden: a kind podwhy may not list is a note, and not
// "listed" — its objects are unknown, not absent.
func TestCollectForbidden(t *testing.T) {
	srv, cfg := server(t, cluster()...)
	srv.Forbidden["secrets"] = true
	b, err := Collect(context.Background(), cfg, Options{Namespace: "shop"})
	if err != nil {
		t.Fatal(err)
	}
	s := b.Build(time.Time{})
	if s.Has(snapshot.KindSecret) || !s.Has(snapshot.KindConfigMap) {
		t.Errorf("listed kinds: %v", s.Kinds())
	}
	if len(s.Notes) != 1 || !strings.Contains(s.Notes[0], `grant verb "list" on "secrets" in namespace shop`) {
		t.Errorf("notes: %q", s.Notes)
	}
	srv.Forbidden["pods"] = true
	if _, err := Collect(context.Background(), cfg, Options{Namespace: "shop"}); err == nil || !strings.Contains(err.Error(), "not allowed to list pods") {
		t.Errorf("pods forbidden: %v", err)
	}
}

// requests returns the server's requests as sorted strings, and forgets
// them.
func requests(srv *livetest.Server) []string {
	var out []string
	for _, r := range srv.Requests() {
		out = append(out, r.String())
	}
	sort.Strings(out)
	srv.Reset()
	return out
}

// TestListOnlyMatchesCollect: the benchmark floor makes the very requests
// a diagnosis makes, in every scope.
func TestListOnlyMatchesCollect(t *testing.T) {
	srv, cfg := server(t, cluster()...)
	for _, o := range []Options{{}, {Namespace: "shop"}, {Namespace: "shop", PageSize: 2}, {PageSize: 2, Consistent: true}} {
		if _, err := Collect(context.Background(), cfg, o); err != nil {
			t.Fatal(err)
		}
		collect := requests(srv)
		n, err := ListOnly(context.Background(), cfg, o)
		if err != nil {
			t.Fatal(err)
		}
		if want := len(cluster()); o.Namespace == "" && n != want {
			t.Errorf("ListOnly counted %d objects, want %d", n, want)
		}
		if floor := requests(srv); !slices.Equal(collect, floor) {
			t.Errorf("%+v: Collect made\n%s\nListOnly made\n%s", o, strings.Join(collect, "\n"), strings.Join(floor, "\n"))
		}
	}
}

// decodeDir decodes the kubectl JSON lists of a folder into the typed
// objects the fake server can serve.
func decodeDir(t *testing.T, dir string) []runtime.Object {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no JSON in %s: %v", dir, err)
	}
	dec := scheme.Codecs.UniversalDeserializer()
	var out []runtime.Object
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var l struct {
			Items []json.RawMessage `json:"items"`
		}
		if err := json.Unmarshal(data, &l); err != nil {
			t.Fatal(err)
		}
		for _, it := range l.Items {
			if obj, _, err := dec.Decode(it, nil, nil); err == nil && livetest.Serves(obj) {
				out = append(out, obj)
			}
		}
	}
	return out
}

// TestCollectKeepsFindings: the shipped clusters, listed page by page and
// stripped on the way, give the findings their objects give when added
// whole — in every namespace and in one.
func TestCollectKeepsFindings(t *testing.T) {
	for dir, namespace := range map[string]string{"../../examples/broken-cluster": "shop", "../../examples/lab-capture": "podwhy-lab-hostport"} {
		objs := decodeDir(t, dir)
		_, cfg := server(t, objs...)
		for _, ns := range []string{"", namespace} {
			want := snapshot.NewBuilder()
			for _, c := range plan(Options{Namespace: ns}) {
				want.MarkKind(c.kind)
			}
			for _, o := range objs {
				if m, _ := meta.Accessor(o); ns == "" || m.GetNamespace() == ns || m.GetNamespace() == "" && !isNamespaceObject(o) {
					want.Add(o.DeepCopyObject())
				}
			}
			b, err := Collect(context.Background(), cfg, Options{Namespace: ns, PageSize: 7})
			if err != nil {
				t.Fatal(err)
			}
			now := want.Latest()
			a := report.Build(diagnose.Run(want.Build(now), diagnose.DefaultOptions()), i18n.EN)
			g := report.Build(diagnose.Run(b.Build(now), diagnose.DefaultOptions()), i18n.EN)
			if len(a.Findings) == 0 || ns == "" && len(a.Findings) < 5 {
				t.Fatalf("%s ns=%q: only %d findings", dir, ns, len(a.Findings))
			}
			wj, _ := json.MarshalIndent(a, "", " ")
			gj, _ := json.MarshalIndent(g, "", " ")
			if !bytes.Equal(wj, gj) {
				t.Errorf("%s ns=%q: the report differs when listed live (%d vs %d findings)\nwhole:\n%s\nlisted:\n%s", dir, ns, len(a.Findings), len(g.Findings), wj, gj)
			}
		}
	}
}

func isNamespaceObject(o runtime.Object) bool {
	_, ok := o.(*corev1.Namespace)
	return ok
}

// TestNamespacedRunFollowsClusterRBAC: in a namespaced run the RBAC chain
// of a refused ServiceAccount still sees the ClusterRole its RoleBinding
// names and the ClusterRoleBindings that name it.
func TestNamespacedRunFollowsClusterRBAC(t *testing.T) {
	created := metav1.NewTime(time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC))
	crashed := metav1.NewTime(created.Add(17 * time.Minute))
	sa := rbacv1.Subject{Kind: "ServiceAccount", Name: "reporter", Namespace: "ops"}
	objs := []runtime.Object{
		&corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "worker-1", UID: "node-1"},
			Status: corev1.NodeStatus{Conditions: []corev1.NodeCondition{{Type: corev1.NodeReady, Status: corev1.ConditionTrue, LastHeartbeatTime: crashed}}}},
		&corev1.Pod{
			ObjectMeta: metav1.ObjectMeta{Namespace: "ops", Name: "inventory-report", UID: "pod-1", CreationTimestamp: created},
			Spec:       corev1.PodSpec{NodeName: "worker-1", ServiceAccountName: "reporter", Containers: []corev1.Container{{Name: "report", Image: "bitnami/kubectl:1.37"}}},
			Status: corev1.PodStatus{Phase: corev1.PodRunning, ContainerStatuses: []corev1.ContainerStatus{{
				Name: "report", RestartCount: 5,
				State:                corev1.ContainerState{Waiting: &corev1.ContainerStateWaiting{Reason: "CrashLoopBackOff"}},
				LastTerminationState: corev1.ContainerState{Terminated: &corev1.ContainerStateTerminated{ExitCode: 1, Reason: "Error", FinishedAt: crashed}},
			}}},
		},
		&corev1.ServiceAccount{ObjectMeta: metav1.ObjectMeta{Namespace: "ops", Name: "reporter"}},
		&rbacv1.RoleBinding{ObjectMeta: metav1.ObjectMeta{Namespace: "ops", Name: "reporter-view"},
			RoleRef: rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "ClusterRole", Name: "view"}, Subjects: []rbacv1.Subject{sa}},
		&rbacv1.ClusterRole{ObjectMeta: metav1.ObjectMeta{Name: "view"},
			Rules: []rbacv1.PolicyRule{{APIGroups: []string{""}, Resources: []string{"configmaps"}, Verbs: []string{"get", "list"}}}},
		&rbacv1.ClusterRoleBinding{ObjectMeta: metav1.ObjectMeta{Name: "reporter-nodes"},
			RoleRef: rbacv1.RoleRef{APIGroup: rbacv1.GroupName, Kind: "ClusterRole", Name: "node-reader"}, Subjects: []rbacv1.Subject{sa}},
		&rbacv1.ClusterRole{ObjectMeta: metav1.ObjectMeta{Name: "node-reader"},
			Rules: []rbacv1.PolicyRule{{APIGroups: []string{""}, Resources: []string{"nodes"}, Verbs: []string{"get"}}}},
	}
	_, cfg := server(t, objs...)
	b, err := Collect(context.Background(), cfg, Options{Namespace: "ops"})
	if err != nil {
		t.Fatal(err)
	}
	b.AddLog("ops", "inventory-report", "report", true, `Error from server (Forbidden): pods is forbidden: User "system:serviceaccount:ops:reporter" cannot list resource "pods" in API group "" in the namespace "ops"`)
	res := diagnose.Run(b.Build(crashed.Add(time.Minute)), diagnose.DefaultOptions())
	var bindings string
	for _, f := range res.Findings {
		for _, ev := range f.Evidence {
			if f.Reason == "Crash/RBAC" && ev.Field == "bindings" {
				bindings = ev.Text
			}
		}
	}
	want := "ClusterRoleBinding reporter-nodes → ClusterRole node-reader (get nodes); RoleBinding ops/reporter-view → ClusterRole view (get,list configmaps)"
	if bindings != want {
		t.Errorf("bindings of the ServiceAccount: %q, want %q", bindings, want)
	}
}
