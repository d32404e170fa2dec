package lint

import (
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v3"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	resourcehelper "k8s.io/component-helpers/resource"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// FromSnapshot turns what a live collection listed into an inventory.
// Secrets arrive reduced to key names by the collection already.
func FromSnapshot(s *snapshot.Snapshot) *Inventory {
	inv := newInventory()
	for _, k := range []string{snapshot.KindConfigMap, snapshot.KindSecret, snapshot.KindPVC, snapshot.KindServiceAccount, snapshot.KindService, snapshot.KindNode} {
		inv.Listed[k] = s.Has(k)
	}
	for _, cm := range s.ConfigMaps {
		inv.ConfigMaps[nsName{cm.Namespace, cm.Name}] = cm.Keys
	}
	for _, sec := range s.Secrets {
		inv.Secrets[nsName{sec.Namespace, sec.Name}] = sec.Keys
	}
	for _, p := range s.PVCs {
		inv.PVCs[nsName{p.Namespace, p.Name}] = true
	}
	for _, sa := range s.ServiceAccounts {
		inv.ServiceAccounts[nsName{sa.Namespace, sa.Name}] = true
	}
	for _, svc := range s.Services {
		inv.Services[nsName{svc.Namespace, svc.Name}] = ServiceInfo{Headless: svc.Spec.ClusterIP == corev1.ClusterIPNone, Selector: svc.Spec.Selector}
	}
	for _, n := range s.Nodes {
		inv.Nodes = append(inv.Nodes, NodeInfo{Name: n.Name, Allocatable: n.Status.Allocatable, Unschedulable: n.Spec.Unschedulable})
	}
	return inv
}

// Namespaces returns the namespaces the input's objects name, sorted, so
// the caller can list only those from the cluster.
func Namespaces(inputs []Input) []string {
	seen := map[string]bool{}
	for _, in := range inputs {
		docs, _ := parse(in)
		for _, d := range docs {
			root := resolve(d.root)
			if root == nil {
				continue
			}
			objs := []*yaml.Node{root}
			if items := Value(root, Path{{Key: "items"}}); items != nil && strings.HasSuffix(scalarAt(root, "kind"), "List") {
				objs = items.Content
			}
			for _, o := range objs {
				if md := Value(o, Path{{Key: "metadata"}}); md != nil {
					if ns := scalarAt(md, "namespace"); ns != "" {
						seen[ns] = true
					}
				}
			}
		}
	}
	out := make([]string, 0, len(seen))
	for ns := range seen {
		out = append(out, ns)
	}
	sort.Strings(out)
	return out
}

// podRequests is what the scheduler needs free on one node for a pod of
// the workload, after the API server's defaulting (limits stand in for
// missing requests).
func podRequests(w *workload) corev1.ResourceList {
	spec := w.spec.DeepCopy()
	for _, list := range [][]corev1.Container{spec.InitContainers, spec.Containers} {
		for i := range list {
			list[i].Resources.Requests = effectiveRequests(&list[i])
		}
	}
	return resourcehelper.PodRequests(&corev1.Pod{Spec: *spec}, resourcehelper.PodResourcesOptions{})
}

// checkNodeFit: with --cluster, a pod that needs more than any node has
// allocatable stays Pending forever (Unschedulable/Resources), however
// empty the cluster is.
func (c *checker) checkNodeFit(w *workload) {
	cl := c.opts.Cluster
	if cl == nil || len(cl.Nodes) == 0 {
		return
	}
	req := podRequests(w)
	nodes := cl.Nodes
	if schedulableNodes(cl) > 0 {
		nodes = nil
		for _, n := range cl.Nodes {
			if !n.Unschedulable {
				nodes = append(nodes, n)
			}
		}
	}
	names := make([]string, 0, len(req))
	for r, q := range req {
		if !q.IsZero() {
			names = append(names, string(r))
		}
	}
	if len(names) == 0 {
		return
	}
	sort.Strings(names)
	for _, n := range nodes {
		fits := true
		for _, r := range names {
			a := n.Allocatable[corev1.ResourceName(r)]
			if q := req[corev1.ResourceName(r)]; a.Cmp(q) < 0 {
				fits = false
				break
			}
		}
		if fits {
			return
		}
	}
	// Say, per resource, what is asked and the most any node has.
	var parts []i18n.Msg
	for _, r := range names {
		rn := corev1.ResourceName(r)
		q := req[rn]
		var best resource.Quantity
		bestNode := ""
		for _, n := range nodes {
			if a := n.Allocatable[rn]; bestNode == "" || a.Cmp(best) > 0 {
				best, bestNode = a, n.Name
			}
		}
		if q.Cmp(best) > 0 {
			parts = append(parts, i18n.T("lint.too-large.part", r, q.String(), best.String(), bestNode))
		}
	}
	at := firstWritten(w, w.specPath.Field("containers").Index(0).Field("resources"), w.specPath)
	if len(parts) == 0 {
		c.add(w.o, at, RuleTooLarge, i18n.T("lint.too-large.combined", w.o.ref.Name, len(nodes)))
		return
	}
	c.add(w.o, at, RuleTooLarge, i18n.T("lint.too-large", w.o.ref.Name, parts))
}
