package diagnose

import (
	"sort"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// specIssues reports fields that a workload's last applied manifest set but
// the API type does not have: the API server dropped them, so the pod does
// not do what its author intended (catalog §8, "command not
// taking effect").
func (c *ctx) specIssues() []*Finding {
	refs := make([]snapshot.ObjectRef, 0, len(c.s.SpecIssues))
	for r := range c.s.SpecIssues {
		if r.Namespace != "" && !c.in(r.Namespace) {
			continue
		}
		refs = append(refs, r)
	}
	sort.Slice(refs, func(i, j int) bool {
		return refs[i].Namespace+refs[i].Kind+refs[i].Name < refs[j].Namespace+refs[j].Kind+refs[j].Name
	})
	var out []*Finding
	for _, r := range refs {
		issues := c.s.SpecIssues[r]
		var paths []string
		f := &Finding{Severity: Warning, Class: ClassMisbehave, Reason: "Spec/UnknownField", Namespace: r.Namespace, Subject: r}
		for _, is := range issues {
			paths = append(paths, is.Path)
			note := i18n.T("spec.unknown.nohome")
			if is.Suggestion != "" {
				note = i18n.T("spec.unknown.didyoumean", is.Suggestion)
			}
			f.Evidence = append(f.Evidence, Evidence{Kind: "spec", Object: r, Field: "metadata.annotations[kubectl.kubernetes.io/last-applied-configuration]", Text: is.Path, Note: note})
		}
		f.groupKey = strings.Join(paths, ",")
		f.Headline = i18n.T("spec.unknown.head", i18n.List(paths))
		f.Explain = i18n.T("spec.unknown.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("spec.unknown.step.validate"), Command: kubectl("", "apply", "--validate=strict", "--dry-run=server", "-f", "<manifest.yaml>")},
			Step{Text: i18n.T("spec.unknown.step.check"), Command: kubectl(r.Namespace, "get", strings.ToLower(r.Kind), r.Name, "-o", "yaml")})
		if r.Kind == "Pod" {
			f.Steps = append(f.Steps, Step{Text: i18n.T("spec.unknown.step.recreate"), Command: kubectl(r.Namespace, "delete", "pod", r.Name).AndCmd(kubectl("", "create", "--validate=true", "-f", "<manifest.yaml>")), Changes: true})
		}
		out = append(out, f)
	}
	return out
}

// addStaticPodNote explains that a mirror pod is only a reflection of a
// static pod: edits go to the node's manifest file, and a change the
// kubelet did not pick up needs a kubelet restart.
func addStaticPodNote(p *corev1.Pod, f *Finding) {
	f.Tags = append(f.Tags, "Spec/StaticPod")
	f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: podObj(p), Field: "metadata.annotations[kubernetes.io/config.mirror]", Text: p.Annotations["kubernetes.io/config.mirror"],
		Note: i18n.T("static.note", orPlaceholder(p.Spec.NodeName, "<node>"))})
	f.Steps = append(f.Steps,
		Step{Text: i18n.T("static.step.edit", orPlaceholder(p.Spec.NodeName, "<node>")), Command: sh("ls", "-l", "/etc/kubernetes/manifests/")},
		Step{Text: i18n.T("static.step.restart"), Command: sh("systemctl", "restart", "kubelet"), Changes: true})
}
