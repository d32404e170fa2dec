package live

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/podwhy/podwhy/internal/snapshot"
)

func ptrs[T any](items []T) []any {
	out := make([]any, len(items))
	for i := range items {
		out[i] = &items[i]
	}
	return out
}

// listers are the LIST calls a diagnosis needs; pods are required, the rest
// only sharpen findings.
var listers = []lister{
	{kind: snapshot.KindPod, resource: "pods", required: true, list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().Pods(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindEvent, resource: "events", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().Events(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindNode, resource: "nodes", clusterScoped: true, list: func(ctx context.Context, cs kubernetes.Interface, _ string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().Nodes().List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindReplicaSet, resource: "replicasets", group: "apps", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.AppsV1().ReplicaSets(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindDeployment, resource: "deployments", group: "apps", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.AppsV1().Deployments(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindStatefulSet, resource: "statefulsets", group: "apps", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.AppsV1().StatefulSets(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindDaemonSet, resource: "daemonsets", group: "apps", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.AppsV1().DaemonSets(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindJob, resource: "jobs", group: "batch", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.BatchV1().Jobs(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindCronJob, resource: "cronjobs", group: "batch", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.BatchV1().CronJobs(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindPVC, resource: "persistentvolumeclaims", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().PersistentVolumeClaims(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindPV, resource: "persistentvolumes", clusterScoped: true, list: func(ctx context.Context, cs kubernetes.Interface, _ string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().PersistentVolumes().List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindStorageClass, resource: "storageclasses", group: "storage.k8s.io", clusterScoped: true, list: func(ctx context.Context, cs kubernetes.Interface, _ string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.StorageV1().StorageClasses().List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindConfigMap, resource: "configmaps", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().ConfigMaps(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindSecret, resource: "secrets", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().Secrets(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		// Values are dropped here, page by page: only key names and
		// registry hosts go on.
		out := make([]any, len(l.Items))
		for i := range l.Items {
			out[i] = snapshot.SanitizeSecret(&l.Items[i])
		}
		return out, l.Continue, nil
	}},
	{kind: snapshot.KindServiceAccount, resource: "serviceaccounts", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().ServiceAccounts(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindResourceQuota, resource: "resourcequotas", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().ResourceQuotas(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindLimitRange, resource: "limitranges", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().LimitRanges(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindNamespace, resource: "namespaces", clusterScoped: true, list: func(ctx context.Context, cs kubernetes.Interface, _ string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().Namespaces().List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindService, resource: "services", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.CoreV1().Services(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindEndpointSlice, resource: "endpointslices", group: "discovery.k8s.io", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.DiscoveryV1().EndpointSlices(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindRole, resource: "roles", group: "rbac.authorization.k8s.io", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.RbacV1().Roles(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindRoleBinding, resource: "rolebindings", group: "rbac.authorization.k8s.io", list: func(ctx context.Context, cs kubernetes.Interface, ns string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.RbacV1().RoleBindings(ns).List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindClusterRole, resource: "clusterroles", group: "rbac.authorization.k8s.io", clusterScoped: true, list: func(ctx context.Context, cs kubernetes.Interface, _ string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.RbacV1().ClusterRoles().List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
	{kind: snapshot.KindCRoleBinding, resource: "clusterrolebindings", group: "rbac.authorization.k8s.io", clusterScoped: true, list: func(ctx context.Context, cs kubernetes.Interface, _ string, o metav1.ListOptions) ([]any, string, error) {
		l, err := cs.RbacV1().ClusterRoleBindings().List(ctx, o)
		if err != nil {
			return nil, "", err
		}
		return ptrs(l.Items), l.Continue, nil
	}},
}
