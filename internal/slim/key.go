package slim

import (
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/types"
)

// Key is the metadata a compact object keeps: what an informer's cache
// keys and indexes it by (namespace, name), what its handlers compare
// (UID, resource version) and whether it is being deleted. It implements
// metav1.Object so that client-go's caches take it as they take a full
// ObjectMeta (about 250 bytes before its strings); what it does not hold
// reads as empty and is not set.
type Key struct {
	Namespace, Name   string
	UID               types.UID
	ResourceVersion   string
	DeletionTimestamp *metav1.Time
}

var _ metav1.Object = (*Key)(nil)

func keyOf(m *metav1.ObjectMeta) Key {
	return Key{Namespace: m.Namespace, Name: m.Name, UID: m.UID, ResourceVersion: m.ResourceVersion, DeletionTimestamp: m.DeletionTimestamp}
}

func (k *Key) GetNamespace() string                          { return k.Namespace }
func (k *Key) SetNamespace(ns string)                        { k.Namespace = ns }
func (k *Key) GetName() string                               { return k.Name }
func (k *Key) SetName(n string)                              { k.Name = n }
func (k *Key) GetGenerateName() string                       { return "" }
func (k *Key) SetGenerateName(string)                        {}
func (k *Key) GetUID() types.UID                             { return k.UID }
func (k *Key) SetUID(u types.UID)                            { k.UID = u }
func (k *Key) GetResourceVersion() string                    { return k.ResourceVersion }
func (k *Key) SetResourceVersion(v string)                   { k.ResourceVersion = v }
func (k *Key) GetGeneration() int64                          { return 0 }
func (k *Key) SetGeneration(int64)                           {}
func (k *Key) GetSelfLink() string                           { return "" }
func (k *Key) SetSelfLink(string)                            {}
func (k *Key) GetCreationTimestamp() metav1.Time             { return metav1.Time{} }
func (k *Key) SetCreationTimestamp(metav1.Time)              {}
func (k *Key) GetDeletionTimestamp() *metav1.Time            { return k.DeletionTimestamp }
func (k *Key) SetDeletionTimestamp(t *metav1.Time)           { k.DeletionTimestamp = t }
func (k *Key) GetDeletionGracePeriodSeconds() *int64         { return nil }
func (k *Key) SetDeletionGracePeriodSeconds(*int64)          {}
func (k *Key) GetLabels() map[string]string                  { return nil }
func (k *Key) SetLabels(map[string]string)                   {}
func (k *Key) GetAnnotations() map[string]string             { return nil }
func (k *Key) SetAnnotations(map[string]string)              {}
func (k *Key) GetFinalizers() []string                       { return nil }
func (k *Key) SetFinalizers([]string)                        {}
func (k *Key) GetOwnerReferences() []metav1.OwnerReference   { return nil }
func (k *Key) SetOwnerReferences([]metav1.OwnerReference)    {}
func (k *Key) GetManagedFields() []metav1.ManagedFieldsEntry { return nil }
func (k *Key) SetManagedFields([]metav1.ManagedFieldsEntry)  {}

// The caches key compact objects through metav1.Object.
var (
	_ metav1.Object = (*Pod)(nil)
	_ metav1.Object = (*Event)(nil)
)
