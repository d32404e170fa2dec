package lint

import (
	"sort"
	"strings"

	yaml "go.yaml.in/yaml/v3"
	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/labels"

	"github.com/podwhy/podwhy/internal/i18n"
)

// workload is an object that makes pods, seen through what all of them
// share: a pod spec at some path, the labels its pods get, its selector.
type workload struct {
	o            *object
	spec         *corev1.PodSpec
	specPath     Path // spec, spec.template.spec, spec.jobTemplate.spec.template.spec
	labels       map[string]string
	labelsPath   Path
	selector     *metav1.LabelSelector
	selectorPath Path
	// replicas is how many pods run at once; 0 when that depends on the
	// cluster (a DaemonSet: one per node).
	replicas int32
	// controller: its pods must restart Always (Deployment, StatefulSet,
	// DaemonSet, ReplicaSet); job: Never or OnFailure.
	controller, job bool
	sts             *appsv1.StatefulSet
}

func workloadOf(o *object) *workload {
	tmpl := func(t *corev1.PodTemplateSpec, prefix Path) (*corev1.PodSpec, Path, map[string]string, Path) {
		tp := prefix.Field("template")
		return &t.Spec, tp.Field("spec"), t.Labels, tp.Field("metadata").Field("labels")
	}
	spec := Path{{Key: "spec"}}
	w := &workload{o: o, replicas: 1}
	one := func(p *int32) int32 {
		if p == nil {
			return 1
		}
		return *p
	}
	switch x := o.typed.(type) {
	case *corev1.Pod:
		w.spec, w.specPath, w.labels, w.labelsPath = &x.Spec, spec, x.Labels, Path{{Key: "metadata"}, {Key: "labels"}}
	case *appsv1.Deployment:
		w.spec, w.specPath, w.labels, w.labelsPath = tmpl(&x.Spec.Template, spec)
		w.selector, w.selectorPath, w.replicas, w.controller = x.Spec.Selector, spec.Field("selector"), one(x.Spec.Replicas), true
	case *appsv1.StatefulSet:
		w.spec, w.specPath, w.labels, w.labelsPath = tmpl(&x.Spec.Template, spec)
		w.selector, w.selectorPath, w.replicas, w.controller, w.sts = x.Spec.Selector, spec.Field("selector"), one(x.Spec.Replicas), true, x
	case *appsv1.DaemonSet:
		w.spec, w.specPath, w.labels, w.labelsPath = tmpl(&x.Spec.Template, spec)
		w.selector, w.selectorPath, w.replicas, w.controller = x.Spec.Selector, spec.Field("selector"), 0, true
	case *appsv1.ReplicaSet:
		w.spec, w.specPath, w.labels, w.labelsPath = tmpl(&x.Spec.Template, spec)
		w.selector, w.selectorPath, w.replicas, w.controller = x.Spec.Selector, spec.Field("selector"), one(x.Spec.Replicas), true
	case *batchv1.Job:
		w.spec, w.specPath, w.labels, w.labelsPath = tmpl(&x.Spec.Template, spec)
		w.replicas, w.job = one(x.Spec.Parallelism), true
	case *batchv1.CronJob:
		w.spec, w.specPath, w.labels, w.labelsPath = tmpl(&x.Spec.JobTemplate.Spec.Template, Path{{Key: "spec"}, {Key: "jobTemplate"}, {Key: "spec"}})
		w.replicas, w.job = one(x.Spec.JobTemplate.Spec.Parallelism), true
	default:
		return nil
	}
	return w
}

// ctr is one container of a workload and where it is written.
type ctr struct {
	c    *corev1.Container
	path Path
	init bool
}

// containers lists init then app containers that are written as mappings
// (an item that is not one was reported by the schema walk already).
func (w *workload) containers() []ctr {
	var out []ctr
	add := func(list []corev1.Container, field string, init bool) {
		for i := range list {
			p := w.specPath.Field(field).Index(i)
			if n := w.node(p); n == nil || n.Kind != yaml.MappingNode {
				continue
			}
			out = append(out, ctr{&list[i], p, init})
		}
	}
	add(w.spec.InitContainers, "initContainers", true)
	add(w.spec.Containers, "containers", false)
	return out
}

// node is the YAML node at a path of the workload's object.
func (w *workload) node(p Path) *yaml.Node { return Value(w.o.node, p) }

// has reports whether a path is written in the manifest (null counts as
// not written).
func (w *workload) has(p Path) bool {
	n := w.node(p)
	return n != nil && !(n.Kind == yaml.ScalarNode && n.ShortTag() == "!!null")
}

// checkWorkload finds what the API server would refuse outright.
func (c *checker) checkWorkload(w *workload) {
	o := w.o
	if !w.has(Path{{Key: "metadata"}, {Key: "name"}}) && !w.has(Path{{Key: "metadata"}, {Key: "generateName"}}) {
		c.add(o, Path{{Key: "metadata"}}, RuleRequired, i18n.T("lint.required", "metadata.name"))
	}
	if n := w.node(w.specPath.Field("containers")); len(w.spec.Containers) == 0 && (n == nil || len(n.Content) == 0) {
		c.add(o, w.specPath, RuleRequired, i18n.T("lint.required.containers", w.specPath.Field("containers").String()))
	}
	for _, ct := range w.containers() {
		if ct.c.Name == "" && !w.has(ct.path.Field("name")) {
			c.add(o, ct.path, RuleRequired, i18n.T("lint.required", ct.path.Field("name").String()))
		}
		if ct.c.Image == "" && !w.has(ct.path.Field("image")) {
			c.add(o, ct.path, RuleRequired, i18n.T("lint.required", ct.path.Field("image").String()))
		}
	}
	if cj, ok := o.typed.(*batchv1.CronJob); ok && cj.Spec.Schedule == "" && !w.has(Path{{Key: "spec"}, {Key: "schedule"}}) {
		c.add(o, Path{{Key: "spec"}}, RuleRequired, i18n.T("lint.required", "spec.schedule"))
	}
	c.checkSelector(w)
	c.checkRestartPolicy(w)
	c.checkVolumeMounts(w)
}

func (c *checker) checkSelector(w *workload) {
	if !w.controller {
		return
	}
	if w.selector == nil || (len(w.selector.MatchLabels) == 0 && len(w.selector.MatchExpressions) == 0) {
		if !w.has(w.selectorPath) {
			c.add(w.o, w.selectorPath[:1], RuleRequired, i18n.T("lint.required.selector", w.selectorPath.String(), w.o.apiVersion))
		}
		return
	}
	sel, err := metav1.LabelSelectorAsSelector(w.selector)
	if err != nil {
		c.add(w.o, w.selectorPath, RuleInvalidValue, i18n.T("lint.selector-invalid", w.selectorPath.String(), firstLine(err.Error())))
		return
	}
	if !sel.Matches(labels.Set(w.labels)) {
		c.add(w.o, w.selectorPath, RuleSelector, i18n.T("lint.selector-mismatch", w.selectorPath.String(), sel.String(), w.labelsPath.String(), labelString(w.labels)))
	}
}

func labelString(m map[string]string) string {
	if len(m) == 0 {
		return "∅"
	}
	return labels.Set(m).String()
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

func (c *checker) checkRestartPolicy(w *workload) {
	p := w.specPath.Field("restartPolicy")
	rp := w.spec.RestartPolicy
	switch {
	case w.job && (rp == "" || rp == corev1.RestartPolicyAlways):
		shown := string(rp)
		if shown == "" {
			shown = "Always"
		}
		c.add(w.o, p, RuleRestartPolicy, i18n.T("lint.restart-policy.job", p.String(), shown))
	case w.controller && rp != "" && rp != corev1.RestartPolicyAlways:
		c.add(w.o, p, RuleRestartPolicy, i18n.T("lint.restart-policy.controller", p.String(), string(rp), w.o.kind))
	}
}

// checkVolumeMounts: a mount must name a volume of the pod, or for a
// StatefulSet one of its volumeClaimTemplates.
func (c *checker) checkVolumeMounts(w *workload) {
	vols := map[string]bool{}
	for _, v := range w.spec.Volumes {
		vols[v.Name] = true
	}
	if w.sts != nil {
		for _, t := range w.sts.Spec.VolumeClaimTemplates {
			vols[t.Name] = true
		}
	}
	names := make([]string, 0, len(vols))
	for n := range vols {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, ct := range w.containers() {
		for i, m := range ct.c.VolumeMounts {
			if m.Name == "" || vols[m.Name] {
				continue
			}
			p := ct.path.Field("volumeMounts").Index(i).Field("name")
			if len(names) == 0 {
				c.add(w.o, p, RuleUnknownVolume, i18n.T("lint.unknown-volume.none", p.String(), m.Name))
			} else {
				c.add(w.o, p, RuleUnknownVolume, i18n.T("lint.unknown-volume", p.String(), m.Name, i18n.List(names)))
			}
		}
	}
}
