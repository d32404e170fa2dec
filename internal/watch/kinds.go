package watch

import (
	"context"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/cache"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// kind is one resource the rules read. The list is exactly internal/live's
// (kinds.go there); TestKindsMatchLive keeps the two from drifting apart.
type kind struct {
	name          string // snapshot.Kind*
	resource      string // plural, for RBAC notes
	group         string
	clusterScoped bool
	// required kinds stop podwhy when they cannot be listed; the others
	// only sharpen findings and become a note.
	required bool
	informer func(f informers.SharedInformerFactory) cache.SharedIndexInformer
	// probe is one LIST of a single item: it tells "forbidden" from "fine"
	// before an informer would retry a forbidden LIST forever.
	probe func(ctx context.Context, cs kubernetes.Interface, ns string) error
}

var one = metav1.ListOptions{Limit: 1}

var kinds = []kind{
	{name: snapshot.KindPod, resource: "pods", required: true,
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().Pods().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.CoreV1().Pods(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindEvent, resource: "events",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().Events().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.CoreV1().Events(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindNode, resource: "nodes", clusterScoped: true,
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().Nodes().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, _ string) error {
			_, err := cs.CoreV1().Nodes().List(ctx, one)
			return err
		}},
	{name: snapshot.KindReplicaSet, resource: "replicasets", group: "apps",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Apps().V1().ReplicaSets().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.AppsV1().ReplicaSets(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindDeployment, resource: "deployments", group: "apps",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Apps().V1().Deployments().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.AppsV1().Deployments(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindStatefulSet, resource: "statefulsets", group: "apps",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Apps().V1().StatefulSets().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.AppsV1().StatefulSets(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindDaemonSet, resource: "daemonsets", group: "apps",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Apps().V1().DaemonSets().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.AppsV1().DaemonSets(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindJob, resource: "jobs", group: "batch",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Batch().V1().Jobs().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.BatchV1().Jobs(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindCronJob, resource: "cronjobs", group: "batch",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Batch().V1().CronJobs().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.BatchV1().CronJobs(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindPVC, resource: "persistentvolumeclaims",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().PersistentVolumeClaims().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.CoreV1().PersistentVolumeClaims(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindPV, resource: "persistentvolumes", clusterScoped: true,
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().PersistentVolumes().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, _ string) error {
			_, err := cs.CoreV1().PersistentVolumes().List(ctx, one)
			return err
		}},
	{name: snapshot.KindStorageClass, resource: "storageclasses", group: "storage.k8s.io", clusterScoped: true,
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Storage().V1().StorageClasses().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, _ string) error {
			_, err := cs.StorageV1().StorageClasses().List(ctx, one)
			return err
		}},
	{name: snapshot.KindConfigMap, resource: "configmaps",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().ConfigMaps().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.CoreV1().ConfigMaps(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindSecret, resource: "secrets",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().Secrets().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			// The probe's answer holds at most one secret; it is dropped
			// unread.
			_, err := cs.CoreV1().Secrets(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindServiceAccount, resource: "serviceaccounts",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().ServiceAccounts().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.CoreV1().ServiceAccounts(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindResourceQuota, resource: "resourcequotas",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().ResourceQuotas().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.CoreV1().ResourceQuotas(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindLimitRange, resource: "limitranges",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().LimitRanges().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.CoreV1().LimitRanges(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindNamespace, resource: "namespaces", clusterScoped: true,
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().Namespaces().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, _ string) error {
			_, err := cs.CoreV1().Namespaces().List(ctx, one)
			return err
		}},
	{name: snapshot.KindService, resource: "services",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Core().V1().Services().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.CoreV1().Services(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindEndpointSlice, resource: "endpointslices", group: "discovery.k8s.io",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Discovery().V1().EndpointSlices().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.DiscoveryV1().EndpointSlices(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindRole, resource: "roles", group: "rbac.authorization.k8s.io",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Rbac().V1().Roles().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.RbacV1().Roles(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindRoleBinding, resource: "rolebindings", group: "rbac.authorization.k8s.io",
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Rbac().V1().RoleBindings().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, ns string) error {
			_, err := cs.RbacV1().RoleBindings(ns).List(ctx, one)
			return err
		}},
	{name: snapshot.KindClusterRole, resource: "clusterroles", group: "rbac.authorization.k8s.io", clusterScoped: true,
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Rbac().V1().ClusterRoles().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, _ string) error {
			_, err := cs.RbacV1().ClusterRoles().List(ctx, one)
			return err
		}},
	{name: snapshot.KindCRoleBinding, resource: "clusterrolebindings", group: "rbac.authorization.k8s.io", clusterScoped: true,
		informer: func(f informers.SharedInformerFactory) cache.SharedIndexInformer {
			return f.Rbac().V1().ClusterRoleBindings().Informer()
		},
		probe: func(ctx context.Context, cs kubernetes.Interface, _ string) error {
			_, err := cs.RbacV1().ClusterRoleBindings().List(ctx, one)
			return err
		}},
}

// inScope says whether a kind is watched for a namespace ("" = all). A
// namespaced run still reads nodes, PVs and StorageClasses (scheduling and
// volume checks need them) but not the namespace list. internal/live's
// namespaced run also lists ClusterRoles and ClusterRoleBindings, which
// the RBAC chain reads (see plan there); the informers do not watch them
// yet, so a namespaced watch or serve names such a role "not in the input".
func (k kind) inScope(namespace string) bool {
	return !k.clusterScoped || namespace == "" || k.name == snapshot.KindNode || k.name == snapshot.KindPV || k.name == snapshot.KindStorageClass
}
