package watch

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// TestKindsMatchLive: the informers watch exactly the kinds the one-off
// run lists.
func TestKindsMatchLive(t *testing.T) {
	src, err := os.ReadFile("../live/kinds.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`kind: snapshot\.(Kind\w+), resource: "(\w+)"`)
	var live, ours []string
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		live = append(live, m[2])
	}
	for _, k := range kinds {
		ours = append(ours, k.resource)
	}
	sort.Strings(live)
	sort.Strings(ours)
	if len(live) == 0 || !reflect.DeepEqual(live, ours) {
		t.Fatalf("internal/live lists %v, watch watches %v", live, ours)
	}
}

func TestSanitizeSecretRoundTrip(t *testing.T) {
	dcj := func(s string) map[string][]byte { return map[string][]byte{corev1.DockerConfigJsonKey: []byte(s)} }
	cases := []*corev1.Secret{
		{Type: corev1.SecretTypeOpaque, Data: map[string][]byte{"password": []byte("hunter2"), "user": []byte("admin")}},
		{Type: corev1.SecretTypeDockerConfigJson, Data: dcj(`{"auths":{"https://Registry.Example.com/v1/":{"auth":"dXNlcjpwYXNz"},"index.docker.io":{"auth":"eDp5"}}}`)},
		{Type: corev1.SecretTypeDockerConfigJson, Data: dcj(`not json`)},
		{Type: corev1.SecretTypeDockerConfigJson, Data: dcj(`{"credsStore":"x"}`)},
		{Type: corev1.SecretTypeDockerConfigJson, Data: dcj(`{"auths":{}}`)},
		{Type: corev1.SecretTypeDockerConfigJson, Data: map[string][]byte{"other": []byte("x")}},
		{Type: corev1.SecretTypeDockercfg, Data: map[string][]byte{corev1.DockerConfigKey: []byte(`{"quay.io":{"auth":"eDp5"}}`)}},
		{Type: corev1.SecretTypeDockerConfigJson, StringData: map[string]string{corev1.DockerConfigJsonKey: `{"auths":{"ghcr.io":{"password":"s3cret"}}}`}},
		// kubectl's base64 kept as text in a YAML dump.
		{Type: corev1.SecretTypeDockerConfigJson, Data: dcj("eyJhdXRocyI6eyJyZWcuaW8iOnsiYXV0aCI6ImVEcDUifX19")},
	}
	for i, s := range cases {
		s.Name, s.Namespace, s.UID = "s", "ns", "u1"
		s.Annotations = map[string]string{lastApplied: `{"data":{"password":"aHVudGVyMg=="}}`}
		want := snapshot.SanitizeSecret(s)
		once, _ := Transform(s.DeepCopy())
		twice, _ := Transform(once.(*corev1.Secret).DeepCopy())
		for n, got := range []*corev1.Secret{once.(*corev1.Secret), twice.(*corev1.Secret)} {
			if g := snapshot.SanitizeSecret(got); !reflect.DeepEqual(g, want) {
				t.Errorf("case %d, transform ×%d: sanitized %+v, want %+v", i, n+1, g, want)
			}
			raw, _ := json.Marshal(got)
			for _, secret := range []string{"hunter2", "aHVudGVyMg", "dXNlcjpwYXNz", "eDp5", "s3cret", "admin"} {
				if bytes.Contains(raw, []byte(secret)) {
					t.Errorf("case %d: value %q survives the transform: %s", i, secret, raw)
				}
			}
		}
	}
}

func TestTransformStrips(t *testing.T) {
	mf := []metav1.ManagedFieldsEntry{{Manager: "kubectl"}}
	pod := &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: "p", Namespace: "ns", ManagedFields: mf,
			Annotations: map[string]string{lastApplied: `{"apiVersion":"v1","kind":"Pod","spec":{"containers":[{"name":"a","image":"x"}]}}`, "keep": "me"}},
		Spec: corev1.PodSpec{Containers: []corev1.Container{{Name: "a", Env: []corev1.EnvVar{{Name: "DB_PASSWORD", Value: "hunter2"},
			{Name: "FROM", ValueFrom: &corev1.EnvVarSource{ConfigMapKeyRef: &corev1.ConfigMapKeySelector{Key: "k"}}}}}}},
	}
	Transform(pod)
	if pod.ManagedFields != nil || pod.Annotations[lastApplied] != "" || pod.Annotations["keep"] != "me" {
		t.Errorf("metadata: %+v", pod.ObjectMeta)
	}
	if env := pod.Spec.Containers[0].Env; env[0].Name != "DB_PASSWORD" || env[0].Value != "" || env[1].ValueFrom == nil {
		t.Errorf("env: %+v", env)
	}

	// A last-applied configuration holding a field the API dropped is the
	// evidence of Spec/UnknownField: it stays.
	bad := &corev1.Pod{ObjectMeta: metav1.ObjectMeta{Name: "p", Namespace: "ns",
		Annotations: map[string]string{lastApplied: `{"apiVersion":"v1","kind":"Pod","spec":{"command":["x"],"containers":[{"name":"a","image":"x"}]}}`}}}
	Transform(bad)
	if bad.Annotations[lastApplied] == "" {
		t.Error("last-applied with an unknown field was dropped")
	}

	node := &corev1.Node{Status: corev1.NodeStatus{Images: []corev1.ContainerImage{{Names: []string{"a"}}}}}
	Transform(node)
	if node.Status.Images != nil {
		t.Error("node images kept")
	}
	cm := &corev1.ConfigMap{Data: map[string]string{"app.conf": "big"}, BinaryData: map[string][]byte{"bin": {1}}}
	Transform(cm)
	if v, ok := cm.Data["app.conf"]; !ok || v != "" || cm.BinaryData["bin"] != nil {
		t.Errorf("configmap: %+v", cm)
	}
}

// TestTransformKeepsFindings: the shipped clusters give the same findings
// from transformed caches as from the objects themselves.
func TestTransformKeepsFindings(t *testing.T) {
	for _, dir := range []string{"../../examples/broken-cluster", "../../examples/lab-capture"} {
		objs := decodeDir(t, dir)
		want := direct(objs, time.Time{})
		e := storeEngine(t, objs, Options{Now: func() time.Time { return want.Now }})
		e.Scan()
		got := e.State().Result
		if len(want.Findings) < 5 {
			t.Fatalf("%s: only %d findings", dir, len(want.Findings))
		}
		a, _ := json.MarshalIndent(report.Build(want, i18n.EN).Findings, "", " ")
		b, _ := json.MarshalIndent(report.Build(got, i18n.EN).Findings, "", " ")
		if !bytes.Equal(a, b) {
			t.Errorf("%s: findings differ with the transform (%d vs %d findings)\n%s", dir, len(want.Findings), len(got.Findings), firstDiff(string(a), string(b)))
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			lo := max(0, i-5)
			return "without: " + strings.Join(al[lo:min(len(al), i+3)], "\n") + "\nwith:    " + strings.Join(bl[lo:min(len(bl), i+3)], "\n")
		}
	}
	return "(one is a prefix of the other)"
}
