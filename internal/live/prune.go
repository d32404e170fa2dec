package live

import (
	"maps"
	"slices"
	"strings"
	"sync"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Target is one TARGET of the command line, its kind as the findings name
// it (Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet,
// Node).
type Target struct{ Kind, Name string }

// maxNodeCalls is the most nodes a namespaced run lists one by one (a
// LIST with fieldSelector metadata.name=X, which the API server answers
// from a single key); needing more, it lists them all in one call.
const maxNodeCalls = 4

// outsidePods selects the pods that hold a node's resources, as the
// scheduler counts them: placed, and not finished. spec.nodeName and
// status.phase are among the pod fields the API server selects on (the
// scheduler's own informer excludes finished pods so).
const outsidePods = "spec.nodeName!=,status.phase!=Succeeded,status.phase!=Failed"

// firstPhase keeps, while the first phase lists a namespace, what of its
// objects decides the second: a few facts per pod, how ReplicaSets and
// Jobs chain to their owners, and which DaemonSets read every node. It
// keeps no object, so that ListOnly stays a floor.
type firstPhase struct {
	mu   sync.Mutex
	pods []podFacts
	// rsOwner and jobOwner are the Deployment of each ReplicaSet and the
	// CronJob of each Job listed ("" when it has none).
	rsOwner, jobOwner map[string]string
	dsReadsNodes      map[string]bool
}

type podFacts struct {
	name, nodeName     string
	ctrlKind, ctrlName string
	templateHash       string
	// What the rules read to diagnose the pod (diagnose.PodReadsNodes,
	// PodReadsVolumes), and whether --logs reads its logs.
	allNodes bool
	node     string
	volumes  bool
	logs     bool
}

func newFirstPhase() *firstPhase {
	return &firstPhase{rsOwner: map[string]string{}, jobOwner: map[string]string{}, dsReadsNodes: map[string]bool{}}
}

// observe takes in one page of the first phase, before it is stripped.
func (s *firstPhase) observe(items []any) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, it := range items {
		switch o := it.(type) {
		case *corev1.Pod:
			f := podFacts{name: o.Name, nodeName: o.Spec.NodeName, templateHash: o.Labels["pod-template-hash"],
				volumes: diagnose.PodReadsVolumes(o), logs: len(CrashedContainers([]*corev1.Pod{o})) > 0}
			f.allNodes, f.node = diagnose.PodReadsNodes(o)
			if ref := metav1.GetControllerOf(o); ref != nil {
				f.ctrlKind, f.ctrlName = ref.Kind, ref.Name
			}
			s.pods = append(s.pods, f)
		case *appsv1.ReplicaSet:
			s.rsOwner[o.Name] = controllerName(o.ObjectMeta, "Deployment")
		case *batchv1.Job:
			s.jobOwner[o.Name] = controllerName(o.ObjectMeta, "CronJob")
		case *appsv1.DaemonSet:
			s.dsReadsNodes[o.Name] = diagnose.DaemonSetReadsNodes(o)
		}
	}
}

func controllerName(m metav1.ObjectMeta, kind string) string {
	if ref := metav1.GetControllerOf(&m); ref != nil && ref.Kind == kind {
		return ref.Name
	}
	return ""
}

// top is the owner a pod's findings are grouped under, as diagnose's
// ownerOf finds it: a ReplicaSet's Deployment (by the pod-template-hash
// when the ReplicaSet is not listed), a Job's CronJob, else the
// controller; none for a bare or static pod.
func (s *firstPhase) top(p podFacts) (kind, name string) {
	switch p.ctrlKind {
	case "", "Node":
		return "", ""
	case "ReplicaSet":
		if d, listed := s.rsOwner[p.ctrlName]; listed {
			if d != "" {
				return "Deployment", d
			}
		} else if p.templateHash != "" && strings.HasSuffix(p.ctrlName, "-"+p.templateHash) {
			return "Deployment", strings.TrimSuffix(p.ctrlName, "-"+p.templateHash)
		}
	case "Job":
		if cj := s.jobOwner[p.ctrlName]; cj != "" {
			return "CronJob", cj
		}
	}
	return p.ctrlKind, p.ctrlName
}

// inScope returns the pods whose facts a run's findings can show, the
// DaemonSets whose findings it can show, and the nodes its targets name.
//
// Without targets that is every pod and DaemonSet of the namespace. A
// target keeps the findings that name it (cli's matchesAny): its pods'
// findings, which are grouped by owner and cause and show the evidence
// of the group's first pod, so any pod with the same owner may speak for
// it; the node findings that list its pods; its controller's findings.
// Hence a target brings in every pod under the same top owner as a pod
// it matches, and a pod without an owner alone.
func (s *firstPhase) inScope(targets []Target) (pods []podFacts, daemonSets, nodes []string) {
	if len(targets) == 0 {
		for ds := range s.dsReadsNodes {
			daemonSets = append(daemonSets, ds)
		}
		return s.pods, daemonSets, nil
	}
	type key struct{ kind, name string }
	tops := map[key]bool{}
	alone := map[string]bool{}
	for _, t := range targets {
		switch t.Kind {
		case "Node":
			nodes = append(nodes, t.Name)
		case "DaemonSet":
			daemonSets = append(daemonSets, t.Name)
		}
	}
	for _, p := range s.pods {
		tk, tn := s.top(p)
		matched := false
		for _, t := range targets {
			switch t.Kind {
			case "Pod":
				matched = matched || p.name == t.Name
			case "Node":
				matched = matched || p.nodeName == t.Name
			default:
				matched = matched || tk == t.Kind && tn == t.Name || p.ctrlKind == t.Kind && p.ctrlName == t.Name
			}
		}
		switch {
		case !matched:
		case tk == "":
			alone[p.name] = true
		default:
			tops[key{tk, tn}] = true
		}
	}
	for _, p := range s.pods {
		tk, tn := s.top(p)
		if tk == "" && alone[p.name] || tk != "" && tops[key{tk, tn}] {
			pods = append(pods, p)
		}
	}
	for k := range tops {
		if k.kind == "DaemonSet" {
			daemonSets = append(daemonSets, k.name)
		}
	}
	return pods, daemonSets, nodes
}

// second is the second phase of a namespaced run: the cluster-scoped
// kinds, each only where the first phase's objects in scope make the
// rules read it (see diagnose.PodReadsNodes and its neighbours for what
// each rule reads).
//
//   - Nodes. All of them for a pod the scheduler has not placed (which
//     nodes fit, what each has free) and for a DaemonSet short of pods
//     (which nodes lack one); else the nodes the pods run on, one LIST
//     each by name, up to maxNodeCalls of them, else all; none for a
//     namespace whose pods all succeeded, or that has no pods.
//   - The pods of every namespace, placed and not finished, for a pod
//     the scheduler has not placed: what they request of each node, the
//     host ports they hold and the schedulers that placed them are its
//     evidence. They are summed up page by page (diagnose.CountOutside),
//     never held: the rest of the report is the namespace's alone.
//   - PersistentVolumes and StorageClasses, for a pod not placed that
//     uses a claim: its volume explanation follows the claim to them.
//   - ClusterRoles and ClusterRoleBindings, when logs will be read
//     (--logs) and a pod in scope has a crashed container: the RBAC
//     chain starts only at a "forbidden" line in a crashed container's
//     log (rbacCause), and follows the RoleBindings of the namespace to
//     the ClusterRoles they name and the ServiceAccount's
//     ClusterRoleBindings. Events and statuses never start it.
//
// When unsure it lists: a pod not placed counts whatever else holds it
// (scheduling gates, its start-up grace, a failed phase), a DaemonSet
// whose finding its nodes' state may explain away still brings in every
// node, and so does any crashed container for the RBAC kinds, whatever
// its log turns out to say.
func (s *firstPhase) second(o Options) []call {
	pods, daemonSets, named := s.inScope(o.Targets)
	allNodes, outside, volumes, rbac := false, false, false, false
	nodes := map[string]bool{}
	for _, p := range pods {
		if p.allNodes {
			allNodes, outside = true, true
		} else if p.node != "" {
			nodes[p.node] = true
		}
		volumes = volumes || p.volumes
		rbac = rbac || o.Logs && p.logs
	}
	for _, ds := range daemonSets {
		allNodes = allNodes || s.dsReadsNodes[ds]
	}
	for _, n := range named {
		nodes[n] = true
	}
	if len(nodes) > maxNodeCalls {
		allNodes = true
	}
	var out []call
	for _, l := range listers {
		switch l.kind {
		case snapshot.KindNode:
			switch {
			case o.AllNodes:
				// Listed in the first phase.
			case allNodes:
				out = append(out, call{lister: l})
			default:
				for _, n := range slices.Sorted(maps.Keys(nodes)) {
					out = append(out, call{lister: l, fields: "metadata.name=" + n})
				}
			}
		case snapshot.KindPod:
			if outside {
				l.required = false
				out = append(out, call{lister: l, fields: outsidePods, outside: true})
			}
		case snapshot.KindPV, snapshot.KindStorageClass:
			if volumes {
				out = append(out, call{lister: l})
			}
		case snapshot.KindClusterRole, snapshot.KindCRoleBinding:
			if rbac {
				out = append(out, call{lister: l})
			}
		}
	}
	return out
}
