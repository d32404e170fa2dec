// Package slim strips cluster objects down to what podwhy's rules read,
// so that neither the one-off LIST (internal/live) nor the informers'
// caches (internal/watch) hold managedFields, env values, node image lists
// or Secret values.
package slim

import (
	"encoding/json"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	storagev1 "k8s.io/api/storage/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/fieldcheck"
	"github.com/podwhy/podwhy/internal/snapshot"
)

const lastApplied = "kubectl.kubernetes.io/last-applied-configuration"

// Transform runs on every object before it enters an informer's cache
// (cache.TransformFunc), and on every page of a one-off LIST before the
// page reaches the snapshot builder: it drops what no rule reads, so a
// cluster of 10,000 pods stays small in memory, and it drops every Secret
// value, so they never stay in podwhy's memory. It must be idempotent:
// client-go may hand it an object it already transformed.
//
// What stays is what the rules in internal/diagnose read; the test
// TestTransformKeepsFindings (internal/watch) diagnoses the shipped
// example clusters with and without it and requires the same findings.
func Transform(obj any) (any, error) {
	switch o := obj.(type) {
	case *corev1.Pod:
		stripMeta(snapshot.KindPod, &o.ObjectMeta)
		// Literal env values are never read by a rule and are where
		// people put passwords; names and valueFrom references stay.
		stripEnv(o.Spec.InitContainers)
		stripEnv(o.Spec.Containers)
		for i := range o.Spec.EphemeralContainers {
			stripEnvVars(o.Spec.EphemeralContainers[i].Env)
		}
		stripStatuses(o.Status.InitContainerStatuses)
		stripStatuses(o.Status.ContainerStatuses)
		stripStatuses(o.Status.EphemeralContainerStatuses)
		internPod(o)
	case *corev1.Node:
		stripMeta(snapshot.KindNode, &o.ObjectMeta)
		internMeta(&o.ObjectMeta)
		// The image list is the bulk of a Node (50 names and sizes on a
		// busy node) and no rule reads it, nor the volume lists.
		o.Status.Images = nil
		o.Status.VolumesInUse = nil
		o.Status.VolumesAttached = nil
	case *corev1.Event:
		stripMeta(snapshot.KindEvent, &o.ObjectMeta)
		internEvent(o)
	case *corev1.ConfigMap:
		// Only key names matter (Config/MissingKey); values may be large.
		stripMeta(snapshot.KindConfigMap, &o.ObjectMeta)
		for k := range o.Data {
			o.Data[k] = ""
		}
		for k := range o.BinaryData {
			o.BinaryData[k] = nil
		}
	case *corev1.Secret:
		return sanitizeSecret(o), nil
	case *appsv1.ReplicaSet:
		stripMeta(snapshot.KindReplicaSet, &o.ObjectMeta)
		stripTemplate(&o.Spec.Template)
	case *appsv1.Deployment:
		stripMeta(snapshot.KindDeployment, &o.ObjectMeta)
		stripTemplate(&o.Spec.Template)
	case *appsv1.StatefulSet:
		stripMeta(snapshot.KindStatefulSet, &o.ObjectMeta)
		stripTemplate(&o.Spec.Template)
	case *appsv1.DaemonSet:
		stripMeta(snapshot.KindDaemonSet, &o.ObjectMeta)
		stripTemplate(&o.Spec.Template)
	case *batchv1.Job:
		stripMeta(snapshot.KindJob, &o.ObjectMeta)
		stripTemplate(&o.Spec.Template)
	case *batchv1.CronJob:
		stripMeta(snapshot.KindCronJob, &o.ObjectMeta)
		stripTemplate(&o.Spec.JobTemplate.Spec.Template)
	case *corev1.PersistentVolumeClaim:
		stripMeta(snapshot.KindPVC, &o.ObjectMeta)
	case *corev1.PersistentVolume:
		stripMeta(snapshot.KindPV, &o.ObjectMeta)
	case *storagev1.StorageClass:
		stripMeta(snapshot.KindStorageClass, &o.ObjectMeta)
	case *corev1.ServiceAccount:
		stripMeta(snapshot.KindServiceAccount, &o.ObjectMeta)
	case *corev1.ResourceQuota:
		stripMeta(snapshot.KindResourceQuota, &o.ObjectMeta)
	case *corev1.LimitRange:
		stripMeta(snapshot.KindLimitRange, &o.ObjectMeta)
	case *corev1.Namespace:
		stripMeta(snapshot.KindNamespace, &o.ObjectMeta)
	case *corev1.Service:
		stripMeta(snapshot.KindService, &o.ObjectMeta)
	case *discoveryv1.EndpointSlice:
		stripMeta("", &o.ObjectMeta)
	case *rbacv1.Role:
		stripMeta("", &o.ObjectMeta)
	case *rbacv1.ClusterRole:
		stripMeta("", &o.ObjectMeta)
	case *rbacv1.RoleBinding:
		stripMeta("", &o.ObjectMeta)
	case *rbacv1.ClusterRoleBinding:
		stripMeta("", &o.ObjectMeta)
	}
	return obj, nil
}

// stripMeta drops managedFields (often the largest part of an object) and
// the last-applied configuration, a second copy of the spec. The one rule
// that reads last-applied (Spec/UnknownField: a field the API dropped) needs
// it only when it holds such a field, so it is kept exactly then: the check
// is run here once per change instead of on every diagnosis. kind "" is a
// pod template, whose metadata never carries it.
func stripMeta(kind string, m *metav1.ObjectMeta) {
	m.ManagedFields = nil
	la, ok := m.Annotations[lastApplied]
	if !ok {
		return
	}
	if kind != "" && len(fieldcheck.Check(kind, []byte(la))) > 0 {
		return
	}
	delete(m.Annotations, lastApplied)
}

// stripTemplate strips a controller's pod template as a pod is stripped.
func stripTemplate(t *corev1.PodTemplateSpec) {
	stripMeta("", &t.ObjectMeta)
	stripEnv(t.Spec.InitContainers)
	stripEnv(t.Spec.Containers)
	internResources(t.Spec.InitContainers)
	internResources(t.Spec.Containers)
}

func stripEnv(cs []corev1.Container) {
	for i := range cs {
		stripEnvVars(cs[i].Env)
	}
}

func stripEnvVars(env []corev1.EnvVar) {
	for j := range env {
		env[j].Value = ""
	}
}

// stripStatuses drops what the kubelet mirrors into a container's status
// and no rule reads: the mounts (the spec has them), the resources it
// allocated and the user it ran as. On a real node the mounts alone are a
// third of a pod's status.
func stripStatuses(cs []corev1.ContainerStatus) {
	for i := range cs {
		cs[i].VolumeMounts = nil
		cs[i].AllocatedResources = nil
		cs[i].AllocatedResourcesStatus = nil
		cs[i].Resources = nil
		cs[i].User = nil
	}
}

// sanitizeSecret replaces a Secret by one that carries exactly what
// snapshot.SanitizeSecret keeps — key names, the registry hosts of a docker
// config and why it could not be read — and no value: data keys map to
// empty values, and a docker config becomes {"auths":{"HOST":{}}} with the
// hosts only. snapshot.SanitizeSecret of the result equals that of the
// original (TestSanitizeSecretRoundTrip), so rules see the same secret.
func sanitizeSecret(o *corev1.Secret) *corev1.Secret {
	s := snapshot.SanitizeSecret(o)
	out := &corev1.Secret{
		TypeMeta: o.TypeMeta,
		ObjectMeta: metav1.ObjectMeta{
			Name: o.Name, Namespace: o.Namespace, UID: o.UID, ResourceVersion: o.ResourceVersion,
			CreationTimestamp: o.CreationTimestamp, DeletionTimestamp: o.DeletionTimestamp,
			Labels: o.Labels, OwnerReferences: o.OwnerReferences,
		},
		Type: o.Type,
	}
	if len(s.Keys) > 0 {
		out.Data = make(map[string][]byte, len(s.Keys))
		for _, k := range s.Keys {
			out.Data[k] = nil
		}
	}
	// Which docker key SanitizeSecret read, if any, by its own test (a nil
	// value counts as absent): .dockerconfigjson wins over the legacy
	// .dockercfg.
	key := ""
	if o.Data[corev1.DockerConfigJsonKey] != nil {
		key = corev1.DockerConfigJsonKey
	} else if o.Data[corev1.DockerConfigKey] != nil {
		key = corev1.DockerConfigKey
	} else if _, ok := o.StringData[corev1.DockerConfigJsonKey]; ok {
		key = corev1.DockerConfigJsonKey
	}
	if key == "" {
		return out
	}
	var v []byte
	switch {
	case s.DockerConfigError == "no \"auths\" entry":
		v = []byte("{}")
	case s.DockerConfigError != "":
		// Neither JSON nor base64 of JSON: SanitizeSecret reports it as
		// "not valid JSON" again.
		v = []byte("-")
	default:
		hosts := make(map[string]struct{}, len(s.RegistryHosts))
		for _, h := range s.RegistryHosts {
			hosts[h] = struct{}{}
		}
		if key == corev1.DockerConfigKey {
			v, _ = json.Marshal(hosts)
		} else {
			v, _ = json.Marshal(map[string]any{"auths": hosts})
		}
	}
	if out.Data == nil {
		out.Data = map[string][]byte{}
	}
	out.Data[key] = v
	return out
}
