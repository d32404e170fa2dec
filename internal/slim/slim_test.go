package slim

import (
	"bytes"
	"encoding/json"
	"reflect"
	"testing"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/snapshot"
)

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
