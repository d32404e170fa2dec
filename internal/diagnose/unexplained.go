package diagnose

import (
	"github.com/podwhy/podwhy/internal/snapshot"
)

// unexplained lists the Warning events of pasted text that no finding
// accounts for: neither quoted as evidence nor about an object a finding
// covers. A paste is never answered "no problems" while one stands
// unexplained; the report names them instead.
func (c *ctx) unexplained(fs []*Finding) []Evidence {
	covered := map[string]bool{}
	cited := map[string]bool{}
	key := func(kind, ns, name string) string { return kind + "/" + ns + "/" + name }
	for _, f := range fs {
		covered[key(f.Subject.Kind, f.Subject.Namespace, f.Subject.Name)] = true
		for _, p := range f.Pods {
			covered[key(snapshot.KindPod, p.Namespace, p.Name)] = true
		}
		if f.Node != "" && f.Subject.Kind == snapshot.KindNode {
			covered[key(snapshot.KindNode, "", f.Node)] = true
		}
		for _, e := range f.Evidence {
			if e.Kind == "event" {
				cited[e.Reason+"|"+e.Text] = true
			}
		}
	}
	var out []Evidence
	// A pod the paste shows unhealthy that no finding covers (a Pending
	// row within the start-up grace, a status tail without its reason).
	for _, p := range c.s.Pods {
		if !c.in(p.Namespace) || covered[key(snapshot.KindPod, p.Namespace, p.Name)] {
			continue
		}
		st := PodStatus(p)
		healthy := st == "Completed" || st == "Succeeded"
		if st == "Running" {
			healthy = true
			for _, cs := range p.Status.ContainerStatuses {
				if !cs.Ready {
					healthy = false
				}
			}
		}
		if !healthy {
			out = append(out, statusEvidence(podObj(p), "status", st))
		}
	}
	for _, e := range c.s.WarningEvents() {
		r := e.Regarding
		if cited[e.Reason+"|"+e.Message] || covered[key(r.Kind, r.Namespace, r.Name)] {
			continue
		}
		out = append(out, eventEvidence(e))
	}
	return out
}
