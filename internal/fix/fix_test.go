package fix

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

var now = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

func ctrl(kind, name string, uid types.UID) []metav1.OwnerReference {
	t := true
	return []metav1.OwnerReference{{APIVersion: "apps/v1", Kind: kind, Name: name, UID: uid, Controller: &t}}
}

func deletingPod(ns, name, node string, owner []metav1.OwnerReference, finalizers ...string) *corev1.Pod {
	del := metav1.NewTime(now.Add(-20 * time.Minute))
	grace := int64(30)
	return &corev1.Pod{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
		ObjectMeta: metav1.ObjectMeta{Namespace: ns, Name: name, UID: types.UID("uid-" + name), OwnerReferences: owner, Finalizers: finalizers, DeletionTimestamp: &del, DeletionGracePeriodSeconds: &grace},
		Spec:       corev1.PodSpec{NodeName: node, Containers: []corev1.Container{{Name: "app", Image: "busybox"}}},
		Status:     corev1.PodStatus{Phase: corev1.PodRunning},
	}
}

func node(name string, ready corev1.ConditionStatus, since time.Duration) *corev1.Node {
	t := metav1.NewTime(now.Add(-since))
	return &corev1.Node{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Node"},
		ObjectMeta: metav1.ObjectMeta{Name: name, UID: types.UID("uid-" + name)},
		Status:     corev1.NodeStatus{Conditions: []corev1.NodeCondition{{Type: corev1.NodeReady, Status: ready, LastTransitionTime: t, LastHeartbeatTime: t}}},
	}
}

// dryRunFake is a fake clientset that answers dry-run writes without
// storing them, as the API server does (client-go's fake would store
// them). What a real dry run returns is checked end to end.
func dryRunFake(objs ...runtime.Object) *fake.Clientset {
	cs := fake.NewSimpleClientset(objs...)
	cs.PrependReactor("*", "*", func(a k8stesting.Action) (bool, runtime.Object, error) {
		switch act := a.(type) {
		case k8stesting.CreateActionImpl:
			if len(act.CreateOptions.DryRun) > 0 {
				return true, act.GetObject(), nil
			}
		case k8stesting.PatchActionImpl:
			if len(act.PatchOptions.DryRun) > 0 {
				obj, err := cs.Tracker().Get(act.GetResource(), act.GetNamespace(), act.GetName())
				return true, obj, err
			}
		case k8stesting.DeleteActionImpl:
			if len(act.DeleteOptions.DryRun) > 0 {
				return true, nil, nil
			}
		}
		return false, nil, nil
	})
	return cs
}

func snap(objs ...runtime.Object) *snapshot.Snapshot {
	b := snapshot.NewBuilder()
	b.MarkKind(snapshot.KindNode)
	for _, o := range objs {
		b.Add(o.DeepCopyObject())
	}
	return b.Build(now)
}

func finding(reason string, subject snapshot.ObjectRef, pods ...*corev1.Pod) *diagnose.Finding {
	f := &diagnose.Finding{ID: "0123456789ab", Reason: reason, Subject: subject, Namespace: subject.Namespace}
	for _, p := range pods {
		f.Pods = append(f.Pods, diagnose.PodRef{Namespace: p.Namespace, Name: p.Name, Node: p.Spec.NodeName})
	}
	return f
}

func keys(p *Plan) (changes, refused []string) {
	for _, c := range p.Changes {
		changes = append(changes, c.Verb+" "+refString(c.Object))
	}
	for _, r := range p.Refused {
		refused = append(refused, refString(r.Object)+": "+r.Why.Key)
	}
	return
}

func TestFinalizerPlan(t *testing.T) {
	rs := &appsv1.ReplicaSet{TypeMeta: metav1.TypeMeta{APIVersion: "apps/v1", Kind: "ReplicaSet"}, ObjectMeta: metav1.ObjectMeta{Namespace: "a", Name: "web-1", UID: "rs-uid"}}
	job := &batchv1.Job{TypeMeta: metav1.TypeMeta{APIVersion: "batch/v1", Kind: "Job"}, ObjectMeta: metav1.ObjectMeta{Namespace: "a", Name: "sync", UID: "job-uid"}}
	lone := deletingPod("a", "lone", "n1", nil, "example.com/cleanup")
	owned := deletingPod("a", "web-1-x", "n1", ctrl("ReplicaSet", "web-1", "rs-uid"), "example.com/cleanup")
	orphan := deletingPod("a", "old-x", "n1", ctrl("ReplicaSet", "old", "gone-uid"), "example.com/cleanup")
	tracked := deletingPod("a", "sync-x", "n1", ctrl("Job", "sync", "job-uid"), "batch.kubernetes.io/job-tracking")
	s := snap(rs, job, lone, owned, orphan, tracked, node("n1", corev1.ConditionTrue, time.Hour))
	for _, tc := range []struct {
		pod             *corev1.Pod
		change, refusal string
	}{
		{lone, "patch a/pod/lone", ""},
		{orphan, "patch a/pod/old-x", ""},
		{owned, "", "a/pod/web-1-x: fix.finalizer.owner-alive"},
		{tracked, "", "a/pod/sync-x: fix.finalizer.owner-alive"},
	} {
		p := PlanFor(finding("Terminating/Finalizer", snapshot.ObjectRef{Kind: "Pod", Namespace: "a", Name: tc.pod.Name}, tc.pod), s, Options{Now: now})
		ch, ref := keys(p)
		if strings.Join(ch, ";") != tc.change || strings.Join(ref, ";") != tc.refusal {
			t.Errorf("%s: changes %v refused %v", tc.pod.Name, ch, ref)
		}
	}

	// Applied: the finalizers are gone and the log holds the manifest.
	cs := dryRunFake(lone.DeepCopy())
	logPath := filepath.Join(t.TempDir(), "changes.log")
	p := PlanFor(finding("Terminating/Finalizer", snapshot.ObjectRef{Kind: "Pod", Namespace: "a", Name: "lone"}, lone), s, Options{Now: now})
	var out bytes.Buffer
	if err := p.Run(context.Background(), cs, true, &out, i18n.EN, &Log{Path: logPath, User: "alice", Cluster: "https://k"}); err != nil {
		t.Fatal(err)
	}
	got, err := cs.CoreV1().Pods("a").Get(context.Background(), "lone", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Finalizers) != 0 {
		t.Errorf("finalizers left: %v\n%s", got.Finalizers, out.String())
	}
	if !strings.Contains(out.String(), "- - example.com/cleanup") && !strings.Contains(out.String(), "example.com/cleanup") {
		t.Errorf("no diff shown:\n%s", out.String())
	}
	var e entry
	data, _ := os.ReadFile(logPath)
	if err := json.Unmarshal(bytes.TrimSpace(data), &e); err != nil {
		t.Fatalf("log: %v: %s", err, data)
	}
	if e.User != "alice" || e.Verb != "patch" || e.Object != "a/pod/lone" || !strings.Contains(e.Before, "example.com/cleanup") || e.Result != "done" {
		t.Errorf("log entry %+v", e)
	}
}

func TestNodePlans(t *testing.T) {
	sts := deletingPod("db", "pg-0", "lost", ctrl("StatefulSet", "pg", "sts-uid"))
	dep := deletingPod("db", "api-x", "lost", ctrl("ReplicaSet", "api-1", "rs-uid"))
	fresh := deletingPod("db", "api-y", "flaky", ctrl("ReplicaSet", "api-1", "rs-uid"))
	s := snap(sts, dep, fresh, node("lost", corev1.ConditionUnknown, 20*time.Minute), node("flaky", corev1.ConditionUnknown, time.Minute), node("ok", corev1.ConditionTrue, time.Hour))

	force := func(o Options, pods ...*corev1.Pod) (string, string) {
		o.Now = now
		p := PlanFor(finding("Terminating/NodeLost", snapshot.ObjectRef{Kind: "StatefulSet", Namespace: "db", Name: "pg"}, pods...), s, o)
		ch, ref := keys(p)
		return strings.Join(ch, ";"), strings.Join(ref, ";")
	}
	if ch, ref := force(Options{}, sts, dep); ch != "force-delete db/pod/api-x" || ref != "db/pod/pg-0: fix.force.sts-flag" {
		t.Errorf("no flags: %q / %q", ch, ref)
	}
	if ch, ref := force(Options{ForceStatefulSet: true}, sts); ch != "" || ref != "db/pod/pg-0: fix.force.sts-confirm" {
		t.Errorf("--force-statefulset alone: %q / %q", ch, ref)
	}
	if ch, ref := force(Options{ForceStatefulSet: true, MachineGone: true}, sts); ch != "force-delete db/pod/pg-0" || ref != "" {
		t.Errorf("both flags: %q / %q", ch, ref)
	}
	if ch, ref := force(Options{}, fresh); ch != "" || ref != "db/pod/api-y: fix.node.not-lost" {
		t.Errorf("node lost 1m ago: %q / %q", ch, ref)
	}

	del := func(name string, o Options) (string, string) {
		o.Now = now
		f := finding("Unknown/NodeUnreachable", snapshot.ObjectRef{Kind: "Node", Name: name})
		f.Node = name
		ch, ref := keys(PlanFor(f, s, o))
		return strings.Join(ch, ";"), strings.Join(ref, ";")
	}
	if ch, ref := del("lost", Options{}); ch != "" || ref != "node/lost: fix.node.confirm" {
		t.Errorf("delete unconfirmed: %q / %q", ch, ref)
	}
	if ch, ref := del("ok", Options{MachineGone: true}); ch != "" || ref != "node/ok: fix.node.not-lost" {
		t.Errorf("delete a Ready node: %q / %q", ch, ref)
	}
	if ch, _ := del("lost", Options{MachineGone: true}); ch != "delete node/lost" {
		t.Errorf("delete confirmed: %q", ch)
	}
	// The StatefulSet warning is shown before the change.
	p := PlanFor(finding("Terminating/NodeLost", snapshot.ObjectRef{Kind: "StatefulSet", Namespace: "db", Name: "pg"}, sts), s, Options{Now: now, ForceStatefulSet: true, MachineGone: true})
	if len(p.Changes) != 1 || p.Changes[0].Warning.Key != "fix.force.sts-warn" {
		t.Errorf("no split-brain warning: %+v", p.Changes)
	}
}

func TestPullSecretPlan(t *testing.T) {
	d := &appsv1.Deployment{TypeMeta: metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"}, ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "billing", UID: "d-uid"}}
	sa := &corev1.ServiceAccount{TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "ServiceAccount"}, ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "default"}}
	pod := &corev1.Pod{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "billing-x", UID: "p-uid"},
		Spec:       corev1.PodSpec{NodeName: "n1", Containers: []corev1.Container{{Name: "billing", Image: "registry.example.com:5000/team/billing:1.2"}}},
	}
	s := snap(d, sa, pod)
	f := finding("Image/Auth", snapshot.ObjectRef{Kind: "Deployment", Namespace: "shop", Name: "billing"}, pod)
	f.Container = "billing"

	if _, ref := keys(PlanFor(f, s, Options{Now: now})); strings.Join(ref, ";") != "shop/deployment/billing: fix.pullsecret.need-config" {
		t.Errorf("without credentials: %v", ref)
	}
	other := []byte(`{"auths":{"ghcr.io":{"auth":"b3RoZXI6c2VjcmV0"}}}`)
	if _, ref := keys(PlanFor(f, s, Options{Now: now, DockerConfig: other})); strings.Join(ref, ";") != "shop/deployment/billing: fix.pullsecret.bad-config" {
		t.Errorf("credentials for another registry: %v", ref)
	}
	cfg := []byte(`{"auths":{"registry.example.com:5000":{"auth":"Ym90OnMzY3IzdC12YWx1ZQ=="},"ghcr.io":{"auth":"b3RoZXI6c2VjcmV0"}}}`)
	p := PlanFor(f, s, Options{Now: now, DockerConfig: cfg})
	ch, ref := keys(p)
	if strings.Join(ch, ";") != "create shop/secret/regcred;patch shop/serviceaccount/default;patch shop/deployment/billing" || len(ref) != 0 {
		t.Fatalf("plan %v refused %v", ch, ref)
	}
	cs := dryRunFake(d.DeepCopy(), sa.DeepCopy(), pod.DeepCopy())
	var out bytes.Buffer
	if err := p.Run(context.Background(), cs, true, &out, i18n.EN, nil); err != nil {
		t.Fatal(err)
	}
	sec, err := cs.CoreV1().Secrets("shop").Get(context.Background(), "regcred", metav1.GetOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sec.Type != corev1.SecretTypeDockerConfigJson || !strings.Contains(string(sec.Data[".dockerconfigjson"]), "registry.example.com:5000") || strings.Contains(string(sec.Data[".dockerconfigjson"]), "ghcr.io") {
		t.Errorf("secret holds %s", sec.Data[".dockerconfigjson"])
	}
	gotSA, _ := cs.CoreV1().ServiceAccounts("shop").Get(context.Background(), "default", metav1.GetOptions{})
	if len(gotSA.ImagePullSecrets) != 1 || gotSA.ImagePullSecrets[0].Name != "regcred" {
		t.Errorf("ServiceAccount pull secrets %v", gotSA.ImagePullSecrets)
	}
	// The credentials never reach the output.
	for _, secret := range []string{"Ym90OnMzY3IzdC12YWx1ZQ", "s3cr3t-value", "b3RoZXI6c2VjcmV0"} {
		if strings.Contains(out.String(), secret) {
			t.Errorf("output shows a credential:\n%s", out.String())
		}
	}
	if !strings.Contains(out.String(), "bytes, not shown") {
		t.Errorf("secret diff not redacted as expected:\n%s", out.String())
	}

	// An existing secret of that name is never overwritten.
	existing := &corev1.Secret{TypeMeta: metav1.TypeMeta{APIVersion: "v1", Kind: "Secret"}, ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "regcred"}}
	if _, ref := keys(PlanFor(f, snap(d, sa, pod, existing), Options{Now: now, DockerConfig: cfg})); strings.Join(ref, ";") != "shop/secret/regcred: fix.pullsecret.exists" {
		t.Errorf("existing secret: %v", ref)
	}
}

func TestNoRemedy(t *testing.T) {
	p := PlanFor(finding("Crash/OOMKilled", snapshot.ObjectRef{Kind: "Deployment", Namespace: "a", Name: "x"}), snap(), Options{})
	if p.Note.Key != "fix.none" || len(p.Changes) != 0 {
		t.Errorf("plan %+v", p)
	}
}
