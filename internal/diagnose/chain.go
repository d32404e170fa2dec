package diagnose

import (
	"fmt"
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"
	rbacv1 "k8s.io/api/rbac/v1"
	"k8s.io/apimachinery/pkg/labels"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// A cause chain: what a crashed program names (a host, a ServiceAccount,
// a file, a variable) is looked up in the same snapshot and followed to
// the object that explains it. A finding records the pods it waits on
// (dependsOn); once every finding has its ID, link turns those into
// causedBy/causes between findings, root first.

// svcTarget is where a host or address of a log line leads.
type svcTarget struct {
	svc  *corev1.Service
	pod  *corev1.Pod // an address that is a pod's IP, or NAME.SVC.NS for a StatefulSet pod
	ns   string      // the namespace a short name was looked up in
	name string      // the Service name looked up when none was found
	// external: the name is not an in-cluster one (has dots that are not
	// NAME.NS[.svc[.domain]]); nothing in the snapshot can say more.
	external bool
}

// resolveTarget reads a host the way the pod's resolver would (its
// namespace first, then NAME.NS, NAME.NS.svc.DOMAIN and a StatefulSet
// pod's POD.SVC.NS…), or an IP as a Service's cluster IP or a pod's IP.
func (c *ctx) resolveTarget(p *corev1.Pod, host, ip string) svcTarget {
	if host == "" && ip != "" {
		if svc := c.s.ServiceByIP(ip); svc != nil {
			return svcTarget{svc: svc, ns: svc.Namespace, name: svc.Name}
		}
		if bp := c.s.PodByIP(ip); bp != nil {
			return svcTarget{pod: bp, ns: bp.Namespace}
		}
		return svcTarget{external: true}
	}
	host = strings.TrimSuffix(strings.ToLower(host), ".")
	if host == "localhost" || host == "" {
		return svcTarget{external: true}
	}
	labels := strings.Split(host, ".")
	if i := indexOf(labels, "svc"); i >= 0 {
		labels = labels[:i]
	} else if len(labels) > 2 {
		return svcTarget{external: true}
	}
	switch len(labels) {
	case 1:
		return c.serviceTarget(labels[0], p.Namespace)
	case 2:
		if c.s.Namespace(labels[1]) != nil || c.s.Service(labels[1], labels[0]) != nil || !c.s.Has(snapshot.KindNamespace) {
			return c.serviceTarget(labels[0], labels[1])
		}
		return svcTarget{external: true}
	case 3:
		// POD.SVC.NS: a StatefulSet pod's own record.
		t := c.serviceTarget(labels[1], labels[2])
		t.pod = c.s.Pod(labels[2], labels[0])
		return t
	}
	return svcTarget{external: true}
}

func (c *ctx) serviceTarget(name, ns string) svcTarget {
	return svcTarget{svc: c.s.Service(ns, name), ns: ns, name: name}
}

func indexOf(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// backends are the pods a Service sends traffic to, and how many are
// ready: from its EndpointSlices when the input has them, else from the
// pods its selector matches (a cluster-info dump has no slices).
type backends struct {
	pods      []*corev1.Pod
	ready     int
	total     int
	fromSlice bool
}

func (c *ctx) backendsOf(svc *corev1.Service) backends {
	var b backends
	if c.s.Has(snapshot.KindEndpointSlice) {
		seen := map[string]bool{}
		for _, es := range c.s.EndpointSlices {
			if es.Namespace != svc.Namespace || es.Labels["kubernetes.io/service-name"] != svc.Name {
				continue
			}
			b.fromSlice = true
			for _, ep := range es.Endpoints {
				b.total++
				if ep.Conditions.Ready == nil || *ep.Conditions.Ready {
					b.ready++
				}
				if r := ep.TargetRef; r != nil && r.Kind == "Pod" && !seen[r.Name] {
					seen[r.Name] = true
					if bp := c.s.Pod(svc.Namespace, r.Name); bp != nil {
						b.pods = append(b.pods, bp)
					}
				}
			}
		}
	}
	if len(svc.Spec.Selector) == 0 {
		return b
	}
	// The selected pods that have no endpoint (yet) are the ones a chain
	// needs: a Pending pod has no IP and so no endpoint at all.
	sel := labels.SelectorFromSet(svc.Spec.Selector)
	inSlice := map[*corev1.Pod]bool{}
	for _, bp := range b.pods {
		inSlice[bp] = true
	}
	for _, bp := range c.s.PodsInNamespace(svc.Namespace) {
		if inSlice[bp] || terminated(bp) || !sel.Matches(labels.Set(bp.Labels)) {
			continue
		}
		b.pods = append(b.pods, bp)
		if !b.fromSlice {
			b.total++
			if podConditionTrue(bp, corev1.PodReady) {
				b.ready++
			}
		}
	}
	sort.Slice(b.pods, func(i, j int) bool { return b.pods[i].Name < b.pods[j].Name })
	return b
}

func servicePorts(svc *corev1.Service) string {
	var out []string
	for _, sp := range svc.Spec.Ports {
		s := fmt.Sprintf("%d/%s", sp.Port, orDefaultProto(sp.Protocol))
		if tp := sp.TargetPort.String(); tp != "" && tp != "0" && tp != fmt.Sprint(sp.Port) {
			s += "→" + tp
		}
		out = append(out, s)
	}
	return strings.Join(out, " ")
}

func orDefaultProto(p corev1.Protocol) string {
	if p == "" {
		return "TCP"
	}
	return string(p)
}

// hasPort: the Service listens on port (a number), or the port is unknown.
func hasPort(svc *corev1.Service, port string) bool {
	if port == "" {
		return true
	}
	for _, sp := range svc.Spec.Ports {
		if fmt.Sprint(sp.Port) == port {
			return true
		}
	}
	return false
}

// similarServices are Services whose name is close to name in ns, and
// Services of exactly that name in other namespaces.
func (c *ctx) similarServices(ns, name string) (near []string, elsewhere []string) {
	for _, svc := range c.s.Services {
		switch {
		case svc.Name == name && svc.Namespace != ns:
			elsewhere = append(elsewhere, svc.Name+"."+svc.Namespace)
		case svc.Namespace == ns && svc.Name != name && editDistance(svc.Name, name) <= 2:
			near = append(near, svc.Name)
		}
	}
	sort.Strings(near)
	sort.Strings(elsewhere)
	return near, elsewhere
}

// bindingsOf lists the RoleBindings (in ns, or every namespace when ns is
// "") and ClusterRoleBindings that name a ServiceAccount, as "kind/name →
// role" texts, and whether one grants verb on resource.
func (c *ctx) bindingsOf(saNS, sa, ns, verb, resource, group string) (found []string, grants bool) {
	subject := func(subs []rbacv1.Subject) bool {
		for _, s := range subs {
			if s.Kind == "ServiceAccount" && s.Name == sa && (s.Namespace == saNS || s.Namespace == "") {
				return true
			}
			if s.Kind == "Group" && (s.Name == "system:serviceaccounts" || s.Name == "system:serviceaccounts:"+saNS) {
				return true
			}
		}
		return false
	}
	allows := func(rules []rbacv1.PolicyRule) bool {
		for _, r := range rules {
			if match(r.Verbs, verb) && match(r.Resources, resource) && match(r.APIGroups, group) {
				return true
			}
		}
		return false
	}
	roleRules := func(ref rbacv1.RoleRef, inNS string) ([]rbacv1.PolicyRule, bool) {
		if ref.Kind == "ClusterRole" {
			for _, r := range c.s.ClusterRoles {
				if r.Name == ref.Name {
					return r.Rules, true
				}
			}
			return nil, false
		}
		for _, r := range c.s.Roles {
			if r.Namespace == inNS && r.Name == ref.Name {
				return r.Rules, true
			}
		}
		return nil, false
	}
	for _, rb := range c.s.RoleBindings {
		if (ns != "" && rb.Namespace != ns) || !subject(rb.Subjects) {
			continue
		}
		rules, ok := roleRules(rb.RoleRef, rb.Namespace)
		found = append(found, "RoleBinding "+rb.Namespace+"/"+rb.Name+" → "+rb.RoleRef.Kind+" "+rb.RoleRef.Name+ruleSummary(rules, ok))
		grants = grants || allows(rules)
	}
	for _, crb := range c.s.ClusterRoleBindings {
		if !subject(crb.Subjects) {
			continue
		}
		rules, ok := roleRules(crb.RoleRef, "")
		found = append(found, "ClusterRoleBinding "+crb.Name+" → ClusterRole "+crb.RoleRef.Name+ruleSummary(rules, ok))
		grants = grants || allows(rules)
	}
	sort.Strings(found)
	return found, grants
}

func match(list []string, v string) bool {
	for _, x := range list {
		if x == "*" || x == v {
			return true
		}
	}
	return false
}

// ruleSummary is a role's rules in kubectl's words (verbs on resources).
func ruleSummary(rules []rbacv1.PolicyRule, known bool) string {
	if !known {
		return " (role not in the input)"
	}
	var parts []string
	for _, r := range rules {
		if len(r.Resources) == 0 {
			continue
		}
		parts = append(parts, strings.Join(r.Verbs, ",")+" "+strings.Join(r.Resources, ","))
	}
	if len(parts) > 4 {
		parts = append(parts[:4], "…")
	}
	return " (" + strings.Join(parts, "; ") + ")"
}

// mountFor is the volume mount of a container that holds path, deepest
// first, with the path inside it.
func mountFor(p *corev1.Pod, spec *corev1.Container, path string) (*corev1.VolumeMount, *corev1.Volume, string) {
	var best *corev1.VolumeMount
	for i := range spec.VolumeMounts {
		m := &spec.VolumeMounts[i]
		mp := strings.TrimSuffix(m.MountPath, "/")
		if path == mp || strings.HasPrefix(path, mp+"/") {
			if best == nil || len(mp) > len(strings.TrimSuffix(best.MountPath, "/")) {
				best = m
			}
		}
	}
	if best == nil {
		return nil, nil, ""
	}
	rel := strings.TrimPrefix(strings.TrimPrefix(path, strings.TrimSuffix(best.MountPath, "/")), "/")
	if best.SubPath != "" {
		rel = strings.TrimPrefix(best.SubPath+"/"+rel, "/")
		rel = strings.TrimSuffix(rel, "/")
	}
	for i := range p.Spec.Volumes {
		if p.Spec.Volumes[i].Name == best.Name {
			return best, &p.Spec.Volumes[i], rel
		}
	}
	return best, nil, rel
}

// link sets causedBy/causes from each finding's dependsOn pods to the
// findings about those pods. Findings whose links change are copied, so
// results shared with an earlier pass (Merge) are not modified.
func link(fs []*Finding) {
	byPod := map[string][]*Finding{}
	for _, f := range fs {
		for _, pr := range f.Pods {
			k := pr.Namespace + "/" + pr.Name
			byPod[k] = append(byPod[k], f)
		}
	}
	causedBy := map[*Finding][]string{}
	causes := map[*Finding][]string{}
	for _, f := range fs {
		for _, k := range f.dependsOn {
			for _, root := range byPod[k] {
				if root == f || root.ID == f.ID {
					continue
				}
				causedBy[f] = appendUnique(causedBy[f], root.ID)
				causes[root] = appendUnique(causes[root], f.ID)
			}
		}
	}
	for i, f := range fs {
		cb, cs := causedBy[f], causes[f]
		sort.Strings(cb)
		sort.Strings(cs)
		if equalStrings(cb, f.CausedBy) && equalStrings(cs, f.Causes) {
			continue
		}
		cp := *f
		cp.CausedBy, cp.Causes = cb, cs
		fs[i] = &cp
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// podState is a pod's STATUS column and, when it has one, the finding
// reason that explains it — the words of a chain's last link.
func podState(p *corev1.Pod) string {
	return p.Name + " " + PodStatus(p)
}
