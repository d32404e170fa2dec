package slim

import (
	"fmt"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"

	"github.com/podwhy/podwhy/internal/diagnose"
)

// Pod is a pod as serve's informer cache holds it. A decoded corev1.Pod,
// even stripped, is about 3.6 KB in memory, most of it the zero fields of
// large structs (PodSpec, Container, VolumeSource); its protobuf encoding
// is about 1.2 KB. So the cache keeps the encoding, beside the few fields
// the engine reads of every pod between passes (its key, node, phase,
// whether it is being deleted, what it uses of its node), and a pass
// decodes only the pods of the namespaces it diagnoses. The rules still
// read corev1.Pod: Decode gives back exactly the pod Transform made.
type Pod struct {
	Key
	NodeName string
	Phase    corev1.PodPhase
	// Use is what the pod counts for in another namespace's pass
	// (diagnose.CountOutside); nil when nothing.
	Use   *diagnose.PodUse
	proto []byte
}

// Compact encodes p, a pod Transform has stripped. p is not kept.
func Compact(p *corev1.Pod) (*Pod, error) {
	data, err := p.Marshal()
	if err != nil {
		return nil, fmt.Errorf("encode pod %s/%s: %w", p.Namespace, p.Name, err)
	}
	c := &Pod{
		Key:      keyOf(&p.ObjectMeta),
		NodeName: p.Spec.NodeName,
		Phase:    p.Status.Phase,
		Use:      diagnose.UseOf(p),
		proto:    data,
	}
	if c.Use != nil {
		c.Use.Requests = internResourceList(c.Use.Requests)
	}
	return c, nil
}

// Decode returns the pod Compact encoded: a new object each time, the
// caller's to change.
func (p *Pod) Decode() (*corev1.Pod, error) {
	out := &corev1.Pod{}
	if err := out.Unmarshal(p.proto); err != nil {
		return nil, fmt.Errorf("decode cached pod %s/%s: %w", p.Namespace, p.Name, err)
	}
	return out, nil
}

// Size is the length of the encoding, for the cache's accounting.
func (p *Pod) Size() int { return len(p.proto) }

// GetObjectKind: the cache's objects carry no type meta.
func (p *Pod) GetObjectKind() schema.ObjectKind { return schema.EmptyObjectKind }

// DeepCopyObject copies the header; the encoding and Use are never
// changed after Compact, so the copy shares them.
func (p *Pod) DeepCopyObject() runtime.Object {
	c := *p
	c.DeletionTimestamp = p.DeletionTimestamp.DeepCopy()
	return &c
}
