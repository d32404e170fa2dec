package diagnose

import (
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// A change to a pod's spec goes to the object that owns the field. For a
// pod a controller made, that is the controller's pod template: a change
// to the Pod itself would be undone by the next pod the controller makes,
// and most of a Pod's spec cannot be changed at all. A Pod without a
// controller is re-created from its own manifest with the change.

// specSteps change a field the API server does not let a running Pod
// change (command, securityContext, imagePullPolicy, workingDir…).
func (c *ctx) specSteps(p *corev1.Pod, text i18n.Msg, field string, change func(target string) shell.Cmd) []Step {
	if target := c.target(p); !strings.HasPrefix(target, "pod/") {
		return []Step{{Text: text, Command: change(target), Changes: true}}
	}
	return append([]Step{{Text: text}}, c.recreateSteps(p, field, i18n.T("step.pod.immutable", field))...)
}

// recreateSteps save a bare Pod's manifest and re-create the Pod from it
// once it is edited: kubectl replace --force deletes and creates it.
func (c *ctx) recreateSteps(p *corev1.Pod, field string, why i18n.Msg) []Step {
	name := orPlaceholder(p.Name, "<pod>")
	file := name + ".yaml"
	return []Step{
		{Text: why, Command: kubectl(p.Namespace, "get", "pod", name, "-o", "yaml").To(file)},
		{Text: i18n.T("step.pod.replace", file, field), Command: kubectl(p.Namespace, "replace", "--force", "-f", file), Changes: true},
	}
}

// resourceSteps set a container's requests or limits ("memory" →
// "512Mi"). A controller's template takes kubectl set resources; a bare
// Pod is resized in place (the resize subresource, Kubernetes 1.33 and
// later), or re-created where the server cannot resize.
func (c *ctx) resourceSteps(p *corev1.Pod, container string, text i18n.Msg, requests, limits map[corev1.ResourceName]string) []Step {
	target := c.target(p)
	if !strings.HasPrefix(target, "pod/") {
		argv := []string{"set", "resources", target}
		argv = append(argv, containerFlag("-c", container, len(p.Spec.Containers))...)
		if s := resourceList(requests); s != "" {
			argv = append(argv, "--requests="+s)
		}
		if s := resourceList(limits); s != "" {
			argv = append(argv, "--limits="+s)
		}
		return []Step{{Text: text, Command: kubectl(p.Namespace, argv...), Changes: true}}
	}
	switch {
	case p.Status.Phase == corev1.PodFailed || p.Status.Phase == corev1.PodSucceeded:
		// A pod that has ended does not run again: only a new one can.
		return append([]Step{{Text: text}}, c.recreateSteps(p, "resources", i18n.T("step.pod.ended", "resources"))...)
	case p.Spec.NodeName == "":
		// Only a pod on a node is resized: the kubelet does it.
		return append([]Step{{Text: text}}, c.recreateSteps(p, "resources", i18n.T("step.pod.immutable", "resources"))...)
	case bestEffort(p):
		// A resize may not change the pod's QoS class, and any request or
		// limit would make a BestEffort pod Burstable.
		return append([]Step{{Text: text}}, c.recreateSteps(p, "resources", i18n.T("step.pod.immutable", "resources"))...)
	}
	name := orPlaceholder(container, "<container>")
	if container == "" && len(p.Spec.Containers) == 1 {
		name = p.Spec.Containers[0].Name
	}
	spec := podContainer(p, container)
	res := map[string]map[string]string{}
	put := func(kind string, m map[corev1.ResourceName]string) {
		for k, v := range m {
			if res[kind] == nil {
				res[kind] = map[string]string{}
			}
			res[kind][string(k)] = v
		}
	}
	put("requests", requests)
	put("limits", limits)
	if spec != nil {
		// A resize may not change the pod's QoS class: where the request
		// equals the limit (Guaranteed), both move together.
		for k, v := range limits {
			lim, hasLimit := spec.Resources.Limits[k]
			if r, ok := spec.Resources.Requests[k]; ok && hasLimit && lim.Cmp(r) == 0 && requests[k] == "" {
				put("requests", map[corev1.ResourceName]string{k: v})
			}
		}
	}
	list := "containers"
	for _, ic := range p.Spec.InitContainers {
		if ic.Name == container {
			list = "initContainers"
		}
	}
	patch := mergePatch(map[string]any{"spec": map[string]any{list: []any{map[string]any{"name": name, "resources": res}}}})
	return append([]Step{{Text: i18n.T("step.pod.resize", text), Command: kubectl(p.Namespace, "patch", "pod", orPlaceholder(p.Name, "<pod>"), "--subresource", "resize", "-p", patch), Changes: true}},
		c.recreateSteps(p, "resources", i18n.T("step.pod.immutable-old", "resources"))...)
}

func resourceList(m map[corev1.ResourceName]string) string {
	var parts []string
	for k, v := range m {
		parts = append(parts, string(k)+"="+v)
	}
	slices.Sort(parts)
	return strings.Join(parts, ",")
}

// podContainer is the container named, or the pod's only container when
// the name is not known.
func podContainer(p *corev1.Pod, name string) *corev1.Container {
	if name == "" && len(p.Spec.Containers) == 1 {
		return &p.Spec.Containers[0]
	}
	return containerSpec(p, name)
}

// tolerateStep adds a toleration of the taint. Tolerations are one of the
// few fields a running Pod lets you add to; a controller's template gets
// its whole list back with the new one, since a strategic merge patch
// replaces that list.
func (c *ctx) tolerateStep(p *corev1.Pod, t corev1.Taint, text i18n.Msg) Step {
	tol := corev1.Toleration{Key: t.Key, Operator: corev1.TolerationOpEqual, Value: t.Value, Effect: t.Effect}
	if t.Value == "" {
		tol = corev1.Toleration{Key: t.Key, Operator: corev1.TolerationOpExists, Effect: t.Effect}
	}
	target := c.target(p)
	hidden := c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec)
	if strings.HasPrefix(target, "pod/") || hidden {
		return Step{Text: text, Command: kubectl(p.Namespace, "patch", target, "--type=json", "-p", jsonPatch("add", c.podSpecPath(p)+"/tolerations/-", tol)), Changes: true}
	}
	var list []corev1.Toleration
	for _, have := range p.Spec.Tolerations {
		// The API server adds these two to every pod it admits; they are
		// not in the template.
		if (have.Key == "node.kubernetes.io/not-ready" || have.Key == "node.kubernetes.io/unreachable") && have.TolerationSeconds != nil && *have.TolerationSeconds == 300 {
			continue
		}
		list = append(list, have)
	}
	list = append(list, tol)
	return Step{Text: text, Command: kubectl(p.Namespace, "patch", target, "-p", c.podSpecPatch(p, map[string]any{"tolerations": list})), Changes: true}
}

// bestEffort: no container of the pod requests or limits cpu or memory.
func bestEffort(p *corev1.Pod) bool {
	if p.Status.QOSClass != "" {
		return p.Status.QOSClass == corev1.PodQOSBestEffort
	}
	for _, ct := range append(slices.Clone(p.Spec.Containers), p.Spec.InitContainers...) {
		for _, r := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory} {
			if _, ok := ct.Resources.Requests[r]; ok {
				return false
			}
			if _, ok := ct.Resources.Limits[r]; ok {
				return false
			}
		}
	}
	return true
}

// drainStep cordons and drains a node. kubectl drain refuses a node that
// runs pods no controller would re-create: where the snapshot shows such
// pods, the step names them and adds --force, which deletes them for good.
func (c *ctx) drainStep(node string, text i18n.Msg) Step {
	argv := []string{"drain", orPlaceholder(node, "<node>"), "--ignore-daemonsets", "--delete-emptydir-data"}
	var bare []string
	for _, p := range c.s.PodsOnNode(node) {
		// A pasted table does not show owners: only objects that do count.
		if c.ownerOf(p).Top.Kind == "" && !c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) && p.Annotations[corev1.MirrorPodAnnotationKey] == "" &&
			p.Status.Phase != corev1.PodSucceeded && p.Status.Phase != corev1.PodFailed {
			bare = append(bare, p.Namespace+"/"+p.Name)
		}
	}
	if len(bare) > 0 {
		slices.Sort(bare)
		text = i18n.T("step.drain.bare", text, i18n.List(bare))
		argv = append(argv, "--force")
	}
	return Step{Text: text, Command: kubectl("", "cordon", orPlaceholder(node, "<node>")).AndCmd(kubectl("", argv...)), Changes: true}
}

// podSpecPath is the JSON pointer of the pod spec in the object c.target
// names: a Pod's own spec, a controller's template, a CronJob's job
// template.
func (c *ctx) podSpecPath(p *corev1.Pod) string {
	switch c.ownerOf(p).Top.Kind {
	case "", "Pod", "Node":
		return "/spec"
	case "CronJob":
		return "/spec/jobTemplate/spec/template/spec"
	}
	return "/spec/template/spec"
}

// podSpecPatch is a merge patch setting fields of that pod spec.
func (c *ctx) podSpecPatch(p *corev1.Pod, fields map[string]any) string {
	v := any(fields)
	parts := strings.Split(strings.TrimPrefix(c.podSpecPath(p), "/"), "/")
	for i := len(parts) - 1; i >= 0; i-- {
		v = map[string]any{parts[i]: v}
	}
	return mergePatch(v)
}
