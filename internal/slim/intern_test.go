package slim

import (
	"reflect"
	"testing"
	"unsafe"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

func podWith(name, image, cpu string) *corev1.Pod {
	return &corev1.Pod{
		ObjectMeta: metav1.ObjectMeta{Name: name, Namespace: string([]byte("shop")), Labels: map[string]string{"app": string([]byte("web"))}},
		Spec: corev1.PodSpec{NodeName: string([]byte("worker-1")), Containers: []corev1.Container{{
			Name: "app", Image: string([]byte(image)),
			Resources: corev1.ResourceRequirements{Requests: corev1.ResourceList{
				corev1.ResourceCPU: resource.MustParse(cpu), corev1.ResourceMemory: resource.MustParse("128Mi")}},
		}}},
	}
}

// TestInternShares: pods decoded separately share equal strings and equal
// resource lists after Transform, and keep their values.
func TestInternShares(t *testing.T) {
	a, _ := Transform(podWith("web-1", "registry.example.com/web:1.2", "100m"))
	b, _ := Transform(podWith("web-2", "registry.example.com/web:1.2", "100m"))
	c, _ := Transform(podWith("web-3", "registry.example.com/web:1.2", "250m"))
	pa, pb, pc := a.(*corev1.Pod), b.(*corev1.Pod), c.(*corev1.Pod)
	same := func(x, y string) bool { return unsafe.StringData(x) == unsafe.StringData(y) }
	if !same(pa.Namespace, pb.Namespace) || !same(pa.Spec.NodeName, pb.Spec.NodeName) || !same(pa.Spec.Containers[0].Image, pb.Spec.Containers[0].Image) || !same(pa.Labels["app"], pb.Labels["app"]) {
		t.Error("equal strings of two pods are still two copies")
	}
	ra, rb, rc := pa.Spec.Containers[0].Resources.Requests, pb.Spec.Containers[0].Resources.Requests, pc.Spec.Containers[0].Resources.Requests
	if reflect.ValueOf(ra).Pointer() != reflect.ValueOf(rb).Pointer() {
		t.Error("equal requests are not one shared list")
	}
	if reflect.ValueOf(ra).Pointer() == reflect.ValueOf(rc).Pointer() {
		t.Error("different requests share a list")
	}
	if q := rc[corev1.ResourceCPU]; q.String() != "250m" {
		t.Errorf("cpu = %s, want 250m", q.String())
	}
	if q := ra[corev1.ResourceMemory]; q.String() != "128Mi" {
		t.Errorf("memory = %s, want 128Mi", q.String())
	}
}
