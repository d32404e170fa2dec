package lint

import (
	"github.com/podwhy/podwhy/internal/i18n"
)

// checkHostPorts: a hostPort is a node's port, so two pods that want it
// cannot share a node; the scheduler leaves the rest Pending
// (Unschedulable/HostPort). With --cluster, more replicas than schedulable
// nodes is certain to leave some Pending.
func (c *checker) checkHostPorts(w *workload) {
	for _, ct := range w.containers() {
		for i, p := range ct.c.Ports {
			if p.HostPort == 0 {
				continue
			}
			proto := string(p.Protocol)
			if proto == "" {
				proto = "TCP"
			}
			path := ct.path.Field("ports").Index(i).Field("hostPort")
			if w.o.kind == "DaemonSet" {
				// One pod per node by design: only another workload's pod
				// on the same port can collide.
				c.addSev(w.o, path, RuleHostPort, Info, i18n.T("lint.host-port.daemonset", ct.c.Name, int(p.HostPort), proto))
			} else {
				c.add(w.o, path, RuleHostPort, i18n.T("lint.host-port", ct.c.Name, int(p.HostPort), proto))
			}
			if cl := c.opts.Cluster; cl != nil && cl.Listed["Node"] && w.replicas > 0 {
				if n := schedulableNodes(cl); int(w.replicas) > n {
					c.add(w.o, path, RuleHostPortNodes, i18n.T("lint.host-port-nodes", int(w.replicas), int(p.HostPort), proto, n, int(w.replicas)-n))
				}
			}
		}
	}
}

func schedulableNodes(inv *Inventory) int {
	n := 0
	for _, nd := range inv.Nodes {
		if !nd.Unschedulable {
			n++
		}
	}
	return n
}
