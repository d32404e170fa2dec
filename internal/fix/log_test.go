package fix

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
	"k8s.io/client-go/kubernetes"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// The literal secrets of the objects below; none may reach the output or
// the change log.
var literals = []string{"hunter2", "s3cr3t-db-pass", "tok-9f8e7d"}

func billing() (*appsv1.Deployment, *corev1.ServiceAccount, *corev1.Pod) {
	labels := map[string]string{"app": "billing"}
	tmpl := corev1.PodTemplateSpec{
		ObjectMeta: metav1.ObjectMeta{Labels: labels, Annotations: map[string]string{"team": "pay"}},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{
			Name: "billing", Image: "registry.example.com:5000/team/billing:1.2",
			Args: []string{"--db-password=tok-9f8e7d", "--port=8080"},
			Env: []corev1.EnvVar{
				{Name: "DB_PASSWORD", Value: "hunter2"},
				{Name: "DB_USER", ValueFrom: &corev1.EnvVarSource{SecretKeyRef: &corev1.SecretKeySelector{LocalObjectReference: corev1.LocalObjectReference{Name: "db"}, Key: "user"}}},
			},
		}}},
	}
	applied := `{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"billing","namespace":"shop"},"spec":{"template":{"spec":{"containers":[{"name":"billing","env":[{"name":"DB_PASSWORD","value":"hunter2"}]}]}}}}`
	d := &appsv1.Deployment{
		TypeMeta:   metav1.TypeMeta{APIVersion: "apps/v1", Kind: "Deployment"},
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "billing", UID: "d-uid", Annotations: map[string]string{lastApplied: applied}},
		Spec:       appsv1.DeploymentSpec{Selector: &metav1.LabelSelector{MatchLabels: labels}, Template: tmpl},
	}
	saApplied := `{"apiVersion":"v1","kind":"ServiceAccount","metadata":{"name":"default","annotations":{"note":"s3cr3t-db-pass"}}}`
	sa := &corev1.ServiceAccount{
		TypeMeta:         metav1.TypeMeta{APIVersion: "v1", Kind: "ServiceAccount"},
		ObjectMeta:       metav1.ObjectMeta{Namespace: "shop", Name: "default", ResourceVersion: "7", Annotations: map[string]string{lastApplied: saApplied}},
		ImagePullSecrets: []corev1.LocalObjectReference{{Name: "old"}},
	}
	pod := &corev1.Pod{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Pod"},
		ObjectMeta: metav1.ObjectMeta{Namespace: "shop", Name: "billing-x", UID: "p-uid"},
		Spec:       *tmpl.Spec.DeepCopy(),
	}
	pod.Spec.NodeName = "n1"
	return d, sa, pod
}

func readLog(t *testing.T, path string) (string, []entry) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var es []entry
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var e entry
		if err := json.Unmarshal(sc.Bytes(), &e); err != nil {
			t.Fatalf("log line %q: %v", sc.Text(), err)
		}
		es = append(es, e)
	}
	return string(data), es
}

// undo applies every undo patch of the log, newest first, as "kubectl
// patch --type=merge" would.
func undo(t *testing.T, cs kubernetes.Interface, es []entry) {
	t.Helper()
	ctx := context.Background()
	for i := len(es) - 1; i >= 0; i-- {
		e := es[i]
		if e.Verb != "patch" {
			continue
		}
		if len(e.UndoPatch) == 0 {
			t.Fatalf("%s: no undo patch in the log", e.Object)
		}
		if bytes.Contains(e.UndoPatch, []byte("env")) || bytes.Contains(e.UndoPatch, []byte(lastApplied)) {
			t.Errorf("%s: undo patch touches fields the fix never changed: %s", e.Object, e.UndoPatch)
		}
		var err error
		switch e.Object {
		case "shop/serviceaccount/default":
			_, err = cs.CoreV1().ServiceAccounts("shop").Patch(ctx, "default", types.MergePatchType, e.UndoPatch, metav1.PatchOptions{})
		case "shop/deployment/billing":
			_, err = cs.AppsV1().Deployments("shop").Patch(ctx, "billing", types.MergePatchType, e.UndoPatch, metav1.PatchOptions{})
		default:
			t.Fatalf("unexpected patch of %s", e.Object)
		}
		if err != nil {
			t.Fatalf("undo %s: %v", e.Object, err)
		}
	}
}

// TestChangeLogMasksAndUndoes: the log of a fix holds no env literal, no
// last-applied configuration and no credential of a flag, and its undo
// patches put the patched objects back exactly.
func TestChangeLogMasksAndUndoes(t *testing.T) {
	cfg := []byte(`{"auths":{"registry.example.com:5000":{"auth":"Ym90OnMzY3IzdC12YWx1ZQ=="}}}`)
	for _, attach := range []string{"serviceaccount", "workload"} {
		t.Run(attach, func(t *testing.T) {
			d, sa, pod := billing()
			s := snap(d, sa, pod)
			f := finding("Image/Auth", snapshot.ObjectRef{Kind: "Deployment", Namespace: "shop", Name: "billing"}, pod)
			f.Container = "billing"
			p := PlanFor(f, s, Options{Now: now, DockerConfig: cfg, AttachTo: attach})
			cs := dryRunFake(d.DeepCopy(), sa.DeepCopy(), pod.DeepCopy())
			logPath := filepath.Join(t.TempDir(), "changes.log")
			var out bytes.Buffer
			if err := p.Run(context.Background(), cs, true, &out, i18n.EN, &Log{Path: logPath, User: "alice"}); err != nil {
				t.Fatal(err)
			}
			raw, es := readLog(t, logPath)
			for _, lit := range append(literals, "Ym90OnMzY3IzdC12YWx1ZQ") {
				if strings.Contains(raw, lit) {
					t.Errorf("change log holds %q:\n%s", lit, raw)
				}
				if strings.Contains(out.String(), lit) {
					t.Errorf("output shows %q:\n%s", lit, out.String())
				}
			}
			// What was withheld is still said to be there.
			if !strings.Contains(raw, "DB_PASSWORD") || !strings.Contains(raw, "<redacted: 7 bytes>") {
				t.Errorf("change log does not show the masked env value:\n%s", raw)
			}

			ctx := context.Background()
			changed, _ := cs.AppsV1().Deployments("shop").Get(ctx, "billing", metav1.GetOptions{})
			if reflect.DeepEqual(changed.Spec.Template, d.Spec.Template) {
				t.Fatal("the fix changed nothing")
			}
			undo(t, cs, es)
			gotD, _ := cs.AppsV1().Deployments("shop").Get(ctx, "billing", metav1.GetOptions{})
			if !reflect.DeepEqual(gotD.Spec, d.Spec) || !reflect.DeepEqual(gotD.Annotations, d.Annotations) {
				t.Errorf("deployment after undo:\n%+v\nwant\n%+v", gotD.Spec.Template, d.Spec.Template)
			}
			gotSA, _ := cs.CoreV1().ServiceAccounts("shop").Get(ctx, "default", metav1.GetOptions{})
			if !reflect.DeepEqual(gotSA.ImagePullSecrets, sa.ImagePullSecrets) || !reflect.DeepEqual(gotSA.Annotations, sa.Annotations) {
				t.Errorf("serviceaccount after undo: %v %v", gotSA.ImagePullSecrets, gotSA.Annotations)
			}
		})
	}
}

// TestChangeLogMasksDeletedPod: a pod deleted by a fix is logged whole so
// it can be recreated, but with its env literals masked.
func TestChangeLogMasksDeletedPod(t *testing.T) {
	_, _, tmpl := billing()
	pod := deletingPod("a", "lone", "n1", nil, "example.com/cleanup")
	pod.Spec = tmpl.Spec
	pod.Annotations = map[string]string{lastApplied: `{"spec":{"containers":[{"env":[{"name":"DB_PASSWORD","value":"hunter2"}]}]}}`}
	s := snap(pod, node("n1", corev1.ConditionTrue, 0))
	p := PlanFor(finding("Terminating/Finalizer", snapshot.ObjectRef{Kind: "Pod", Namespace: "a", Name: "lone"}, pod), s, Options{Now: now})
	logPath := filepath.Join(t.TempDir(), "changes.log")
	if err := p.Run(context.Background(), dryRunFake(pod.DeepCopy()), true, &bytes.Buffer{}, i18n.EN, &Log{Path: logPath}); err != nil {
		t.Fatal(err)
	}
	raw, es := readLog(t, logPath)
	for _, lit := range literals {
		if strings.Contains(raw, lit) {
			t.Errorf("change log holds %q:\n%s", lit, raw)
		}
	}
	if len(es) != 1 || !strings.Contains(es[0].Before, "example.com/cleanup") || !strings.Contains(es[0].Before, "busybox") && !strings.Contains(es[0].Before, "billing:1.2") {
		t.Errorf("log lost the manifest: %+v", es)
	}
	if len(es[0].UndoPatch) != 0 {
		t.Errorf("an undo patch for a pod that is gone: %s", es[0].UndoPatch)
	}
}
