package cli

import (
	"fmt"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// target is one TARGET argument.
type target struct {
	kind string // Pod, Deployment, StatefulSet, DaemonSet, Job, CronJob, ReplicaSet, Node
	name string
}

var kindAliases = map[string]string{
	"pod": "Pod", "pods": "Pod", "po": "Pod",
	"deployment": "Deployment", "deployments": "Deployment", "deploy": "Deployment",
	"statefulset": "StatefulSet", "statefulsets": "StatefulSet", "sts": "StatefulSet",
	"daemonset": "DaemonSet", "daemonsets": "DaemonSet", "ds": "DaemonSet",
	"job": "Job", "jobs": "Job",
	"cronjob": "CronJob", "cronjobs": "CronJob", "cj": "CronJob",
	"replicaset": "ReplicaSet", "replicasets": "ReplicaSet", "rs": "ReplicaSet",
	"node": "Node", "nodes": "Node", "no": "Node",
}

func parseTargets(args []string) ([]target, error) {
	var out []target
	for _, a := range args {
		kind, name, ok := strings.Cut(a, "/")
		if !ok {
			out = append(out, target{kind: "Pod", name: a})
			continue
		}
		k, known := kindAliases[strings.ToLower(strings.SplitN(kind, ".", 2)[0])]
		if !known || name == "" {
			return nil, fmt.Errorf("target %q: use NAME, pod/NAME, deploy/NAME, sts/NAME, ds/NAME, job/NAME, cronjob/NAME, rs/NAME or node/NAME", a)
		}
		out = append(out, target{kind: k, name: name})
	}
	return out, nil
}

func parseSelector(s string) (labels.Selector, error) {
	if s == "" {
		return nil, nil
	}
	sel, err := labels.Parse(s)
	if err != nil {
		return nil, fmt.Errorf("-l %q: %v", s, err)
	}
	return sel, nil
}

// filterFindings keeps the findings in scope: the namespace, the targets
// and the label selector.
func filterFindings(fs []*diagnose.Finding, s *snapshot.Snapshot, ns string, tgts []target, sel labels.Selector) []*diagnose.Finding {
	var out []*diagnose.Finding
	for _, f := range fs {
		if ns != "" && !inNamespace(f, ns) {
			continue
		}
		if len(tgts) > 0 && !matchesAny(f, s, tgts) {
			continue
		}
		if sel != nil && !matchesSelector(f, s, sel) {
			continue
		}
		out = append(out, f)
	}
	return out
}

func inNamespace(f *diagnose.Finding, ns string) bool {
	if f.Namespace != "" {
		return f.Namespace == ns
	}
	for _, p := range f.Pods {
		if p.Namespace == ns {
			return true
		}
	}
	return false
}

func matchesAny(f *diagnose.Finding, s *snapshot.Snapshot, tgts []target) bool {
	for _, t := range tgts {
		switch t.kind {
		case "Pod":
			if f.Subject.Kind == "Pod" && f.Subject.Name == t.name {
				return true
			}
			for _, p := range f.Pods {
				if p.Name == t.name {
					return true
				}
			}
		case "Node":
			if f.Node == t.name || (f.Subject.Kind == "Node" && f.Subject.Name == t.name) {
				return true
			}
			for _, p := range f.Pods {
				if p.Node == t.name {
					return true
				}
			}
		case "ReplicaSet":
			for _, p := range f.Pods {
				if pod := s.Pod(p.Namespace, p.Name); pod != nil {
					if ref := metav1.GetControllerOf(pod); ref != nil && ref.Kind == "ReplicaSet" && ref.Name == t.name {
						return true
					}
				}
			}
			if f.Subject.Kind == "ReplicaSet" && f.Subject.Name == t.name {
				return true
			}
		default:
			if f.Subject.Kind == t.kind && f.Subject.Name == t.name {
				return true
			}
		}
	}
	return false
}

func matchesSelector(f *diagnose.Finding, s *snapshot.Snapshot, sel labels.Selector) bool {
	for _, p := range f.Pods {
		if pod := s.Pod(p.Namespace, p.Name); pod != nil && sel.Matches(labels.Set(pod.Labels)) {
			return true
		}
	}
	var l map[string]string
	switch f.Subject.Kind {
	case "Deployment":
		if d := s.Deployment(f.Subject.Namespace, f.Subject.Name); d != nil {
			l = d.Spec.Template.Labels
		}
	case "StatefulSet":
		if d := s.StatefulSet(f.Subject.Namespace, f.Subject.Name); d != nil {
			l = d.Spec.Template.Labels
		}
	case "DaemonSet":
		if d := s.DaemonSet(f.Subject.Namespace, f.Subject.Name); d != nil {
			l = d.Spec.Template.Labels
		}
	case "Job":
		if d := s.Job(f.Subject.Namespace, f.Subject.Name); d != nil {
			l = d.Spec.Template.Labels
		}
	case "Node":
		if n := s.Node(f.Subject.Name); n != nil {
			l = n.Labels
		}
	}
	return l != nil && sel.Matches(labels.Set(l))
}
