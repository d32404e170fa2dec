package load

import (
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	discoveryv1 "k8s.io/api/discovery/v1"
	eventsv1 "k8s.io/api/events/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	storagev1 "k8s.io/api/storage/v1"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// newObject returns an empty typed object for an apiVersion and kind, or
// nil for kinds a diagnosis does not use. Older API groups
// (extensions/v1beta1, apps/v1beta2, batch/v1beta1) decode into today's
// types: the fields rules read kept their names.
func newObject(apiVersion, kind string) any {
	switch kind {
	case "Pod":
		return &corev1.Pod{}
	case "Node":
		return &corev1.Node{}
	case "Event":
		if strings.HasPrefix(apiVersion, "events.k8s.io/") {
			return &eventsv1.Event{}
		}
		return &corev1.Event{}
	case "ReplicaSet":
		return &appsv1.ReplicaSet{}
	case "Deployment":
		return &appsv1.Deployment{}
	case "StatefulSet":
		return &appsv1.StatefulSet{}
	case "DaemonSet":
		return &appsv1.DaemonSet{}
	case "Job":
		return &batchv1.Job{}
	case "CronJob":
		return &batchv1.CronJob{}
	case "PersistentVolumeClaim":
		return &corev1.PersistentVolumeClaim{}
	case "PersistentVolume":
		return &corev1.PersistentVolume{}
	case "StorageClass":
		return &storagev1.StorageClass{}
	case "ConfigMap":
		return &corev1.ConfigMap{}
	case "Secret":
		return &corev1.Secret{}
	case "ServiceAccount":
		return &corev1.ServiceAccount{}
	case "ResourceQuota":
		return &corev1.ResourceQuota{}
	case "LimitRange":
		return &corev1.LimitRange{}
	case "Namespace":
		return &corev1.Namespace{}
	case "Service":
		return &corev1.Service{}
	case "EndpointSlice":
		return &discoveryv1.EndpointSlice{}
	case "Role":
		return &rbacv1.Role{}
	case "ClusterRole":
		return &rbacv1.ClusterRole{}
	case "RoleBinding":
		return &rbacv1.RoleBinding{}
	case "ClusterRoleBinding":
		return &rbacv1.ClusterRoleBinding{}
	}
	return nil
}

// fileKinds maps the file names kubectl cluster-info dump and habit give
// (pods.json, events.yaml) to a kind, so an empty List still tells us the
// kind was collected.
var fileKinds = map[string]string{
	"pods": snapshot.KindPod, "nodes": snapshot.KindNode, "events": snapshot.KindEvent,
	"replicasets": snapshot.KindReplicaSet, "deployments": snapshot.KindDeployment,
	"statefulsets": snapshot.KindStatefulSet, "daemonsets": snapshot.KindDaemonSet,
	"jobs": snapshot.KindJob, "cronjobs": snapshot.KindCronJob,
	"persistentvolumeclaims": snapshot.KindPVC, "pvc": snapshot.KindPVC, "pvcs": snapshot.KindPVC,
	"persistentvolumes": snapshot.KindPV, "pv": snapshot.KindPV, "pvs": snapshot.KindPV,
	"storageclasses": snapshot.KindStorageClass, "configmaps": snapshot.KindConfigMap,
	"secrets": snapshot.KindSecret, "serviceaccounts": snapshot.KindServiceAccount,
	"resourcequotas": snapshot.KindResourceQuota, "limitranges": snapshot.KindLimitRange,
	"namespaces": snapshot.KindNamespace, "services": snapshot.KindService,
	"endpointslices": snapshot.KindEndpointSlice, "roles": snapshot.KindRole,
	"clusterroles": snapshot.KindClusterRole, "rolebindings": snapshot.KindRoleBinding,
	"clusterrolebindings": snapshot.KindCRoleBinding,
}
