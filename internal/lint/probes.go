package lint

import (
	"fmt"
	"sort"
	"strconv"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/util/intstr"

	"github.com/podwhy/podwhy/internal/i18n"
)

// checkProbes: the kubelet resolves a probe's named port among the
// container's own ports and fails the probe when it is not there; a
// numeric port the container does not declare is usually a typo or a
// port from another container (the probe then restarts this container for
// the other's failure).
func (c *checker) checkProbes(w *workload) {
	owner := map[int32]string{}
	for _, ct := range w.containers() {
		for _, p := range ct.c.Ports {
			if _, ok := owner[p.ContainerPort]; !ok {
				owner[p.ContainerPort] = ct.c.Name
			}
		}
	}
	for _, ct := range w.containers() {
		probes := []struct {
			field string
			p     *corev1.Probe
		}{{"livenessProbe", ct.c.LivenessProbe}, {"readinessProbe", ct.c.ReadinessProbe}, {"startupProbe", ct.c.StartupProbe}}
		for _, pr := range probes {
			if pr.p == nil {
				continue
			}
			base := ct.path.Field(pr.field)
			switch {
			case pr.p.HTTPGet != nil:
				c.probePort(w, ct, base.Field("httpGet").Field("port"), pr.p.HTTPGet.Port, owner)
			case pr.p.TCPSocket != nil:
				c.probePort(w, ct, base.Field("tcpSocket").Field("port"), pr.p.TCPSocket.Port, owner)
			case pr.p.GRPC != nil:
				c.probePort(w, ct, base.Field("grpc").Field("port"), intstr.FromInt32(pr.p.GRPC.Port), owner)
			}
		}
	}
}

func portList(ports []corev1.ContainerPort) i18n.List {
	var out []string
	for _, p := range ports {
		s := strconv.Itoa(int(p.ContainerPort))
		if p.Name != "" {
			s = fmt.Sprintf("%s=%d", p.Name, p.ContainerPort)
		}
		out = append(out, s)
	}
	sort.Strings(out)
	return i18n.List(out)
}

func (c *checker) probePort(w *workload, ct ctr, p Path, port intstr.IntOrString, owner map[int32]string) {
	ports := ct.c.Ports
	if port.Type == intstr.String {
		for _, cp := range ports {
			if cp.Name == port.StrVal {
				return
			}
		}
		if len(ports) == 0 {
			c.add(w.o, p, RuleProbeNamedPort, i18n.T("lint.probe-named-port.none", p.String(), port.StrVal, ct.c.Name))
		} else {
			c.add(w.o, p, RuleProbeNamedPort, i18n.T("lint.probe-named-port", p.String(), port.StrVal, ct.c.Name, portList(ports)))
		}
		return
	}
	n := port.IntVal
	for _, cp := range ports {
		if cp.ContainerPort == n {
			return
		}
	}
	switch other := owner[n]; {
	case other != "" && other != ct.c.Name:
		c.add(w.o, p, RuleProbePort, i18n.T("lint.probe-port.other", p.String(), int(n), ct.c.Name, other))
	case len(ports) == 0:
		c.addSev(w.o, p, RuleProbePort, Info, i18n.T("lint.probe-port.none", p.String(), int(n), ct.c.Name))
	default:
		c.add(w.o, p, RuleProbePort, i18n.T("lint.probe-port", p.String(), int(n), ct.c.Name, portList(ports)))
	}
}
