package lint

import (
	"sort"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
)

// effectiveRequests is what the API server stores: a resource with a limit
// and no request gets the limit as its request.
func effectiveRequests(c *corev1.Container) corev1.ResourceList {
	out := corev1.ResourceList{}
	for k, v := range c.Resources.Limits {
		out[k] = v.DeepCopy()
	}
	for k, v := range c.Resources.Requests {
		out[k] = v.DeepCopy()
	}
	return out
}

// runsAlongside: app containers and native sidecars run for the pod's
// life; a plain init container runs before them and is done.
func (ct ctr) runsAlongside() bool {
	return !ct.init || (ct.c.RestartPolicy != nil && *ct.c.RestartPolicy == corev1.ContainerRestartPolicyAlways)
}

// checkResources: requests are what the scheduler places pods by, and
// without them a pod is BestEffort, the first evicted under pressure; a
// memory limit stops one container from taking a node's memory. CPU
// limits are not required: they throttle, and many teams leave them off on
// purpose. Pod-level resources (spec.resources) stand in for the
// containers'.
func (c *checker) checkResources(w *workload) {
	podReq, podLim := corev1.ResourceList{}, corev1.ResourceList{}
	if w.spec.Resources != nil {
		for k, v := range w.spec.Resources.Limits {
			podLim[k], podReq[k] = v, v
		}
		for k, v := range w.spec.Resources.Requests {
			podReq[k] = v
		}
	}
	for _, ct := range w.containers() {
		rp := ct.path.Field("resources")
		for name, req := range ct.c.Resources.Requests {
			if lim, ok := ct.c.Resources.Limits[name]; ok && req.Cmp(lim) > 0 {
				p := rp.Field("requests").Field(string(name))
				c.add(w.o, p, RuleRequestOver, i18n.T("lint.request-over", p.String(), req.String(), lim.String()))
			}
		}
		if !ct.runsAlongside() {
			continue
		}
		req := effectiveRequests(ct.c)
		var missing []string
		for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			_, own := req[r]
			_, pod := podReq[r]
			// Written but invalid was reported by the schema walk already.
			written := w.has(rp.Field("requests").Field(string(r))) || w.has(rp.Field("limits").Field(string(r)))
			if !own && !pod && !written {
				missing = append(missing, string(r))
			}
		}
		if len(missing) > 0 {
			sort.Strings(missing)
			c.add(w.o, firstWritten(w, rp, ct.path), RuleNoRequests, i18n.T("lint.no-requests", ct.c.Name, i18n.List(missing)))
		}
		_, own := ct.c.Resources.Limits[corev1.ResourceMemory]
		_, pod := podLim[corev1.ResourceMemory]
		if !own && !pod && !w.has(rp.Field("limits").Field("memory")) {
			c.add(w.o, firstWritten(w, rp, ct.path), RuleNoLimits, i18n.T("lint.no-limits", ct.c.Name))
		}
	}
}

// firstWritten is the first of the paths the manifest has, so a problem
// about something missing points at where it would go.
func firstWritten(w *workload, paths ...Path) Path {
	for _, p := range paths {
		if w.has(p) {
			return p
		}
	}
	return paths[len(paths)-1]
}
