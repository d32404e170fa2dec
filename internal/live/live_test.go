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
		{"consistent", Options{PageSize: 2, Read: ReadConsistent}, false,
			[][]string{{"web-0", "web-1"}, {"web-2", "web-3"}, {"web-4"}},
			[]string{"pods ns=shop limit=2", "pods ns=shop limit=2 continue=page-at-2", "pods ns=shop limit=2 continue=page-at-4"}},
		{"cache ignores the limit", Options{PageSize: 2}, true,
			[][]string{{"web-0", "web-1", "web-2", "web-3", "web-4"}},
			[]string{"pods ns=shop rv=0 limit=2"}},
		{"consistent, cache ignores the limit", Options{PageSize: 2, Read: ReadConsistent}, true,
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
// a diagnosis makes, in every scope, the second phase of a namespaced run
// included (which the broken cluster's namespaces call for in every
// form: nodes by name or all of them, other namespaces' pods, volumes,
// the cluster RBAC kinds).
func TestListOnlyMatchesCollect(t *testing.T) {
	broken := decodeDir(t, "../../examples/broken-cluster")
	for _, tc := range []struct {
		objs []runtime.Object
		opts []Options
	}{
		{cluster(), []Options{{}, {Namespace: "shop"}, {Namespace: "shop", PageSize: 2}, {PageSize: 2, Read: ReadConsistent}}},
		{broken, []Options{{}, {Namespace: "shop"}, {Namespace: "shop", PageSize: 7, Read: ReadConsistent}, {Namespace: "shop", Logs: true},
			{Namespace: "shop", Targets: []Target{{"Deployment", "web"}}}, {Namespace: "data"}, {Namespace: "kube-system", Logs: true},
			{Namespace: "payments", AllNodes: true}, {Namespace: "monitoring"}}},
	} {
		srv, cfg := server(t, tc.objs...)
		for _, o := range tc.opts {
			if _, err := Collect(context.Background(), cfg, o); err != nil {
				t.Fatal(err)
			}
			collect := requests(srv)
			n, err := ListOnly(context.Background(), cfg, o)
			if err != nil {
				t.Fatal(err)
			}
			if want := len(tc.objs); o.Namespace == "" && n != want {
				t.Errorf("ListOnly counted %d objects, want %d", n, want)
			}
			if floor := requests(srv); !slices.Equal(collect, floor) {
				t.Errorf("%+v: Collect made\n%s\nListOnly made\n%s", o, strings.Join(collect, "\n"), strings.Join(floor, "\n"))
			}
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
// whole. A run of every namespace gives the whole report. A run of one
// namespace, which lists of the cluster-scoped kinds only what its
// objects read and sums up the pods of the others, gives that
// namespace's findings of the whole cluster's diagnosis, evidence and
// all: the most free CPU on any node counts every namespace's pods. What
// it cannot hold are other namespaces' pods where a node's finding lists
// its pods (a node finding is the namespace's when it lists one of its
// pods) and what Namespace objects say (a namespaced run lists none; see
// plan), so the whole is diagnosed without those.
func TestCollectKeepsFindings(t *testing.T) {
	for _, dir := range []string{"../../examples/broken-cluster", "../../examples/lab-capture"} {
		objs := decodeDir(t, dir)
		_, cfg := server(t, objs...)
		b, err := Collect(context.Background(), cfg, Options{PageSize: 7})
		if err != nil {
			t.Fatal(err)
		}
		a := report.Build(whole(objs, true), i18n.EN)
		g := report.Build(diagnose.Run(b.Build(latest(objs)), diagnose.DefaultOptions()), i18n.EN)
		if len(a.Findings) < 5 {
			t.Fatalf("%s: only %d findings", dir, len(a.Findings))
		}
		wj, _ := json.MarshalIndent(a, "", " ")
		gj, _ := json.MarshalIndent(g, "", " ")
		if !bytes.Equal(wj, gj) {
			t.Errorf("%s: the report differs when listed live (%d vs %d findings)\nwhole:\n%s\nlisted:\n%s", dir, len(a.Findings), len(g.Findings), wj, gj)
		}

		all := whole(objs, false)
		found := 0
		for _, ns := range podNamespaces(objs) {
			found += sameAsWhole(t, cfg, objs, all, Options{Namespace: ns, PageSize: 7})
		}
		if found < 5 {
			t.Errorf("%s: only %d findings in the namespaces", dir, found)
		}
	}
}

// whole diagnoses objs added whole, without the Namespace objects unless
// namespaces.
func whole(objs []runtime.Object, namespaces bool) *diagnose.Result {
	b := snapshot.NewBuilder()
	for _, c := range plan(Options{}) {
		if namespaces || c.kind != snapshot.KindNamespace {
			b.MarkKind(c.kind)
		}
	}
	for _, o := range objs {
		if namespaces || !isNamespaceObject(o) {
			b.Add(o.DeepCopyObject())
		}
	}
	return diagnose.Run(b.Build(latest(objs)), diagnose.DefaultOptions())
}

// sameAsWhole checks that a namespaced run over the server holding objs
// gives the findings of the whole cluster's diagnosis all (see
// TestCollectKeepsFindings) in its namespace, and returns how many.
func sameAsWhole(t *testing.T, cfg *rest.Config, objs []runtime.Object, all *diagnose.Result, o Options) int {
	t.Helper()
	b, err := Collect(context.Background(), cfg, o)
	if err != nil {
		t.Fatal(err)
	}
	want := findingsIn(all, o.Namespace)
	got := findingsIn(diagnose.Run(b.Build(latest(objs)), diagnose.DefaultOptions()), o.Namespace)
	wj, _ := json.MarshalIndent(want, "", " ")
	gj, _ := json.MarshalIndent(got, "", " ")
	if !bytes.Equal(wj, gj) {
		t.Errorf("-n %s: the findings differ from the whole cluster's (%d vs %d)\nwhole:\n%s\nnamespaced:\n%s", o.Namespace, len(want), len(got), wj, gj)
	}
	return len(want)
}

// latest is the newest time in objs, as a dump's diagnosis takes it.
func latest(objs []runtime.Object) time.Time {
	b := snapshot.NewBuilder()
	for _, o := range objs {
		b.Add(o.DeepCopyObject())
	}
	return b.Latest()
}

func podNamespaces(objs []runtime.Object) []string {
	var out []string
	for _, o := range objs {
		if p, ok := o.(*corev1.Pod); ok && !slices.Contains(out, p.Namespace) {
			out = append(out, p.Namespace)
		}
	}
	sort.Strings(out)
	return out
}

// findingsIn is the report of the findings podwhy -n ns shows (those of
// ns, and the cluster findings that list one of its pods), each listing
// only ns's pods.
func findingsIn(res *diagnose.Result, ns string) []report.Finding {
	var keep []*diagnose.Finding
	for _, f := range res.Findings {
		g := *f
		g.Pods = nil
		for _, p := range f.Pods {
			if p.Namespace == ns {
				g.Pods = append(g.Pods, p)
			}
		}
		if f.Namespace == ns || f.Namespace == "" && len(g.Pods) > 0 {
			keep = append(keep, &g)
		}
	}
	return report.Build(&diagnose.Result{Now: res.Now, Findings: keep}, i18n.EN).Findings
}

func isNamespaceObject(o runtime.Object) bool {
	_, ok := o.(*corev1.Namespace)
	return ok
}

// TestNamespacedRunFollowsClusterRBAC: in a namespaced run that reads the
// logs of crashed containers, the RBAC chain of a refused ServiceAccount
// still sees the ClusterRole its RoleBinding names and the
// ClusterRoleBindings that name it.
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
	b, err := Collect(context.Background(), cfg, Options{Namespace: "ops", Logs: true})
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

// TestNamespacedRunCountsOtherNamespaces: what a pod waiting for the
// scheduler is told of the nodes counts every namespace's pods, not only
// those of the namespace listed. On the broken cluster, shop's
// recommender asks for 2 CPU; worker-1 and worker-2 have 500m free once
// the other namespaces' pods are counted, and 2600m and 2900m if only
// shop's were. Those pods are summed up from one LIST that leaves out
// pods not placed and finished ones, and are not diagnosed.
func TestNamespacedRunCountsOtherNamespaces(t *testing.T) {
	srv, cfg := server(t, decodeDir(t, "../../examples/broken-cluster")...)
	b, err := Collect(context.Background(), cfg, Options{Namespace: "shop"})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := requests(srv), "pods rv=0 limit=500 fields=spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed"; !slices.Contains(got, want) {
		t.Errorf("requests\n%s\nwant among them %s", strings.Join(got, "\n"), want)
	}
	s := b.Build(time.Time{})
	for _, p := range s.Pods {
		if p.Namespace != "shop" {
			t.Errorf("pod %s/%s of another namespace in the snapshot", p.Namespace, p.Name)
		}
	}
	var headline, note string
	for _, f := range report.Build(diagnose.Run(s, diagnose.DefaultOptions()), i18n.EN).Findings {
		if f.Subject.Name == "recommender" {
			headline = f.Headline
			for _, ev := range f.Evidence {
				if strings.HasPrefix(ev.Note, "free cpu") {
					note = ev.Note
				}
			}
		}
	}
	if want := "requests 2 cpu, but the most free on any node is 500m (worker-1)"; headline != want {
		t.Errorf("recommender: %q, want %q", headline, want)
	}
	if want := "free cpu on the closest nodes: worker-1 500m, worker-2 500m"; note != want {
		t.Errorf("recommender: %q, want %q", note, want)
	}
}

// TestNamespacedRunNamesOtherNamespacesHostPorts: a pod refused for a
// host port is told which pod holds it, in whatever namespace; and where
// the other namespaces' pods may not be listed, the run goes on with a
// note saying what that leaves out.
func TestNamespacedRunNamesOtherNamespacesHostPorts(t *testing.T) {
	at := metav1.NewTime(time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC))
	ports := []corev1.ContainerPort{{ContainerPort: 80, HostPort: 8080}}
	objs := []runtime.Object{
		&corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "n1", UID: "node-1"},
			Status: corev1.NodeStatus{Conditions: []corev1.NodeCondition{{Type: corev1.NodeReady, Status: corev1.ConditionTrue, LastHeartbeatTime: at}}}},
		&corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: "edge", Name: "proxy", UID: "pod-1", CreationTimestamp: at},
			Spec:   corev1.PodSpec{Containers: []corev1.Container{{Name: "proxy", Image: "proxy:1", Ports: ports}}},
			Status: corev1.PodStatus{Phase: corev1.PodPending}},
		&corev1.Event{ObjectMeta: metav1.ObjectMeta{Namespace: "edge", Name: "proxy.1"},
			InvolvedObject: corev1.ObjectReference{Kind: "Pod", Namespace: "edge", Name: "proxy", UID: "pod-1"},
			Reason:         "FailedScheduling", Type: "Warning", Count: 3, FirstTimestamp: at, LastTimestamp: at,
			Message: "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod."},
		&corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: "ingress", Name: "controller", UID: "pod-2", CreationTimestamp: at},
			Spec:   corev1.PodSpec{NodeName: "n1", Containers: []corev1.Container{{Name: "nginx", Image: "nginx:1", Ports: ports}}},
			Status: corev1.PodStatus{Phase: corev1.PodRunning}},
	}
	srv, cfg := server(t, objs...)
	holders := func() string {
		t.Helper()
		b, err := Collect(context.Background(), cfg, Options{Namespace: "edge"})
		if err != nil {
			t.Fatal(err)
		}
		s := b.Build(at.Add(time.Hour))
		var out []string
		for _, f := range diagnose.Run(s, diagnose.DefaultOptions()).Findings {
			for _, ev := range f.Evidence {
				if strings.Contains(ev.Text, "@n1(") {
					out = append(out, ev.Text)
				}
			}
		}
		return strings.Join(append(out, s.Notes...), "; ")
	}
	if got := holders(); !strings.Contains(got, "ingress/controller@n1(8080)") {
		t.Errorf("evidence %q, want the holder ingress/controller@n1(8080)", got)
	}
	if sameAsWhole(t, cfg, objs, whole(objs, false), Options{Namespace: "edge"}) != 1 {
		t.Error("no finding for edge/proxy")
	}
	srv.ForbiddenClusterWide["pods"] = true
	got := holders()
	if strings.Contains(got, "ingress/controller") || !strings.Contains(got, `pods of other namespaces could not be listed (forbidden)`) {
		t.Errorf("other namespaces' pods forbidden: %q", got)
	}
}

// TestNamespacedRunSchedulerEvidence: a pod no scheduler has picked up is
// told, as in the whole cluster's diagnosis, how many pods its custom
// scheduler placed in any namespace, and which kube-scheduler pods of
// kube-system are not ready.
func TestNamespacedRunSchedulerEvidence(t *testing.T) {
	created := metav1.NewTime(time.Date(2026, 11, 30, 10, 0, 0, 0, time.UTC))
	now := metav1.NewTime(created.Add(time.Hour))
	pod := func(ns, name, node, scheduler string, phase corev1.PodPhase) *corev1.Pod {
		return &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name, UID: types.UID(ns + "-" + name), CreationTimestamp: created},
			Spec:   corev1.PodSpec{NodeName: node, SchedulerName: scheduler, Containers: []corev1.Container{{Name: "app", Image: "app:1"}}},
			Status: corev1.PodStatus{Phase: phase}}
	}
	sched := pod("kube-system", "kube-scheduler-cp-1", "n1", "default-scheduler", corev1.PodRunning)
	sched.Labels = map[string]string{"component": "kube-scheduler"}
	sched.Status.Conditions = []corev1.PodCondition{{Type: corev1.PodReady, Status: corev1.ConditionFalse}}
	objs := []runtime.Object{
		&corev1.Node{ObjectMeta: metav1.ObjectMeta{Name: "n1", UID: "node-1"},
			Status: corev1.NodeStatus{Conditions: []corev1.NodeCondition{{Type: corev1.NodeReady, Status: corev1.ConditionTrue, LastHeartbeatTime: now}}}},
		pod("batch", "train", "", "volcano", corev1.PodPending),
		pod("batch", "plain", "", "default-scheduler", corev1.PodPending),
		pod("ml", "infer", "n1", "volcano", corev1.PodRunning),
		pod("ml", "infer-2", "n1", "volcano", corev1.PodRunning),
		sched,
	}
	_, cfg := server(t, objs...)
	all := whole(objs, false)
	if sameAsWhole(t, cfg, objs, all, Options{Namespace: "batch"}) != 2 {
		t.Errorf("want the findings of batch/train and batch/plain: %s", dumpFindings(all))
	}
	var evidence []string
	for _, f := range findingsIn(all, "batch") {
		for _, ev := range f.Evidence {
			evidence = append(evidence, ev.Object.Name+": "+ev.Text)
		}
		evidence = append(evidence, f.Explanation)
	}
	text := strings.Join(evidence, "\n")
	for _, want := range []string{"kube-scheduler-cp-1: Running", "2 other pods using it were placed"} {
		if !strings.Contains(text, want) {
			t.Errorf("evidence lacks %q:\n%s", want, text)
		}
	}
}

func dumpFindings(r *diagnose.Result) string {
	j, _ := json.MarshalIndent(report.Build(r, i18n.EN).Findings, "", " ")
	return string(j)
}

// TestParseVersion: /version as vanilla and managed clusters answer it.
func TestParseVersion(t *testing.T) {
	for _, tc := range []struct {
		major, minor string
		ok           bool
		want         [2]int
	}{
		{"1", "37", true, [2]int{1, 37}},
		{"1", "34+", true, [2]int{1, 34}},
		{"1", "", false, [2]int{}},
		{"", "", false, [2]int{}},
	} {
		ma, mi, ok := parseVersion(tc.major, tc.minor)
		if ok != tc.ok || (ok && [2]int{ma, mi} != tc.want) {
			t.Errorf("parseVersion(%q, %q) = %d, %d, %v", tc.major, tc.minor, ma, mi, ok)
		}
	}
}
