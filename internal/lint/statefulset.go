package lint

import (
	"k8s.io/apimachinery/pkg/labels"

	"github.com/podwhy/podwhy/internal/i18n"
)

// checkStatefulSet: a StatefulSet's pods get their stable names
// (web-0.web.shop.svc) from the headless Service named in serviceName.
// Without it, or with a Service that has a cluster IP or selects other
// pods, peers that find each other by those names never do, and with
// OrderedReady the first pod that waits for its peers blocks the rest.
func (c *checker) checkStatefulSet(w *workload) {
	if w.sts == nil {
		return
	}
	p := Path{{Key: "spec"}, {Key: "serviceName"}}
	name := w.sts.Spec.ServiceName
	if name == "" {
		c.add(w.o, firstWritten(w, p, Path{{Key: "spec"}}), RuleStsService, i18n.T("lint.sts-no-service-name", w.o.ref.Name))
		return
	}
	ns := w.o.namespace
	svc, ok := find(c.input.Services, ns, name)
	if !ok && c.opts.Cluster != nil {
		svc, ok = find(c.opts.Cluster.Services, ns, name)
	}
	if !ok {
		switch cl := c.opts.Cluster; {
		case cl != nil && cl.Listed["Service"]:
			c.addSev(w.o, p, RuleStsService, Error, i18n.T("lint.sts-service.cluster", name, nsShown(ns)))
		case cl != nil:
			c.note(i18n.T("lint.note.not-listed", "Service"))
			c.add(w.o, p, RuleStsService, i18n.T("lint.sts-service.unlisted", name))
		default:
			c.add(w.o, p, RuleStsService, i18n.T("lint.sts-service.input", name))
		}
		return
	}
	// Point at the Service when it is in the input: that is what to fix.
	at, atPath := w.o, p
	if svc.obj != nil {
		at, atPath = svc.obj, Path{{Key: "spec"}}
		if pos, exact := Locate(svc.obj.node, Path{{Key: "spec"}, {Key: "clusterIP"}}); exact && pos.Line > 0 {
			atPath = Path{{Key: "spec"}, {Key: "clusterIP"}}
		}
	}
	if !svc.Headless {
		c.add(at, atPath, RuleStsHeadless, i18n.T("lint.sts-headless", name, w.o.ref.Name))
	}
	if len(svc.Selector) > 0 && !labels.SelectorFromSet(svc.Selector).Matches(labels.Set(w.labels)) {
		sp := p
		if svc.obj != nil {
			at, sp = svc.obj, Path{{Key: "spec"}, {Key: "selector"}}
		}
		c.add(at, sp, RuleStsSelector, i18n.T("lint.sts-selector", name, labelString(svc.Selector), w.o.ref.Name, labelString(w.labels)))
	}
}
