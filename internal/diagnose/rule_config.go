package diagnose

import (
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// config explains CreateContainerConfigError: a ConfigMap, Secret or key
// the container's env refers to is missing, or runAsNonRoot cannot be
// satisfied (catalog §2 Config).
func (c *ctx) config(p *corev1.Pod, cs *corev1.ContainerStatus) *Finding {
	w := cs.State.Waiting
	text := w.Message
	if text == "" {
		if e := latestEvent(c.eventsOf(p), cs.Name, func(e *snapshot.Event) bool {
			return e.Reason == "Failed" && e.Message != "Error: CreateContainerConfigError"
		}); e != nil {
			text = strings.TrimPrefix(e.Message, "Error: ")
		}
	}
	cfg := classify.ParseConfig(text)
	name := orPlaceholder(cs.Name, "<container>")
	f := c.newPodFinding(p, Error, ClassWaiting, cfg.Code, cfg.Object.Kind+"/"+cfg.Object.Name+"/"+cfg.Object.Key+cfg.SubPath)
	f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].state.waiting", "CreateContainerConfigError: "+text))
	switch {
	case strings.TrimSpace(text) == "":
		// Only the state word was seen: its message (in the events and
		// the waiting state) is what names the cause.
		f.Headline = i18n.T("config.unseen.head", name)
		f.Explain = i18n.T("config.other.why")
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.message"))
		f.Steps = append(f.Steps, Step{Text: i18n.T("step.describe-pod"), Command: kubectl(p.Namespace, "describe", "pod", orPlaceholder(p.Name, "<pod>"))})
		return f
	case cfg.SubPath != "":
		f.Headline = i18n.T("config.subpath.head", cfg.SubPath, name)
		f.Explain = i18n.T("config.subpath.why")
		if cfg.SubPathDenied {
			f.Headline = i18n.T("config.subpath.denied.head", cfg.SubPath, name)
			f.Explain = i18n.T("config.subpath.denied.why")
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("config.subpath.step.log", orPlaceholder(p.Spec.NodeName, "<node>")), Command: journal("kubelet", "30m").Pipe("grep", "-i", "subpath")},
			Step{Text: i18n.T("config.subpath.step.fix")})
		return f
	}
	switch cfg.Code {
	case classify.ConfigMissingObject:
		c.explainMissingObject(f, p, cfg.Object, "config")
	case classify.ConfigMissingKey:
		o := cfg.Object
		f.Headline = i18n.T("config.key.head", o.Key, o.Kind, nsName(o.Namespace, o.Name))
		var keys []string
		switch o.Kind {
		case "ConfigMap":
			if cm := c.s.ConfigMap(o.Namespace, o.Name); cm != nil {
				keys = cm.Keys
			}
		case "Secret":
			if s := c.s.Secret(o.Namespace, o.Name); s != nil {
				keys = s.Keys
			}
		}
		if keys != nil {
			f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: o.Kind, Namespace: o.Namespace, Name: o.Name}, Field: "data", Text: strings.Join(keys, ", "), Note: i18n.T("config.key.has")})
			if near := nearestKey(o.Key, keys); near != "" {
				f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: o.Kind, Namespace: o.Namespace, Name: o.Name}, Field: "data", Text: near, Note: i18n.T("config.key.didyoumean", near, o.Key)})
			}
		} else {
			f.Unchecked = append(f.Unchecked, i18n.T("unchecked.keys", o.Kind, o.Name))
		}
		f.Explain = i18n.T("config.key.why")
		lower := "configmap"
		if o.Kind == "Secret" {
			lower = "secret"
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("config.key.step.keys"), Command: kubectl(o.Namespace, "get", lower, o.Name, "-o", "json").Pipe("jq", ".data | keys")},
			Step{Text: i18n.T("config.key.step.add", o.Key), Command: kubectl(o.Namespace, "edit", lower, o.Name), Changes: true},
			Step{Text: i18n.T("config.key.step.optional")})
	case classify.ConfigRunAsNonRoot:
		f.Headline = i18n.T("config.nonroot.head", name)
		f.Explain = i18n.T("config.nonroot.why")
		f.Steps = append(f.Steps, c.specSteps(p, i18n.T("config.nonroot.step.user"), "securityContext", func(target string) shell.Cmd {
			return kubectl(p.Namespace, "patch", target, "--type=json", "-p", jsonPatch("add", c.containerPath(p, cs.Name)+"/securityContext/runAsUser", 10001))
		})...)
		f.Steps = append(f.Steps, Step{Text: i18n.T("config.nonroot.step.image")})
	default:
		f.Headline = i18n.T("config.other.head", name, clip(text, 160))
		f.Explain = i18n.T("config.other.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("step.describe-pod"), Command: kubectl(p.Namespace, "describe", "pod", orPlaceholder(p.Name, "<pod>"))})
	}
	return f
}

// explainMissingObject reports a referenced ConfigMap/Secret/PVC that does
// not exist, confirming it against the snapshot and listing what exists.
func (c *ctx) explainMissingObject(f *Finding, p *corev1.Pod, o classify.ObjRef, prefix string) {
	ns := o.Namespace
	if ns == "" {
		ns = p.Namespace
	}
	f.Headline = i18n.T(prefix+".missing.head", o.Kind, nsName(ns, o.Name))
	var kind string
	var names []string
	switch o.Kind {
	case "ConfigMap":
		kind = snapshot.KindConfigMap
		for _, cm := range c.s.ConfigMaps {
			if cm.Namespace == ns {
				names = append(names, cm.Name)
			}
		}
	case "Secret":
		kind = snapshot.KindSecret
		for _, s := range c.s.Secrets {
			if s.Namespace == ns {
				names = append(names, s.Name)
			}
		}
	}
	if kind != "" && c.s.Has(kind) {
		exists := false
		for _, n := range names {
			if n == o.Name {
				exists = true
			}
		}
		if exists {
			f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: o.Kind, Namespace: ns, Name: o.Name}, Text: "exists now", Note: i18n.T("missing.exists-now")})
		} else {
			f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: o.Kind, Namespace: ns, Name: o.Name}, Text: strings.Join(names, ", "), Note: i18n.T("missing.others", o.Kind, ns)})
		}
	} else if kind != "" {
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.kind", o.Kind))
	}
	f.Explain = i18n.T(prefix + ".missing.why")
	// A pod reads ConfigMaps and Secrets of its own namespace only: one of
	// that name elsewhere is the usual mistake (created with the wrong -n,
	// or a manifest without its namespace applied in another).
	var elsewhere []string
	switch o.Kind {
	case "ConfigMap":
		for _, cm := range c.s.ConfigMaps {
			if cm.Name == o.Name && cm.Namespace != ns {
				elsewhere = append(elsewhere, cm.Namespace)
			}
		}
	case "Secret":
		for _, s := range c.s.Secrets {
			if s.Name == o.Name && s.Namespace != ns {
				elsewhere = append(elsewhere, s.Namespace)
			}
		}
	}
	if len(elsewhere) > 0 {
		slices.Sort(elsewhere)
		f.Headline = i18n.T("missing.elsewhere.head", o.Kind, o.Name, ns, i18n.List(elsewhere))
		for _, other := range elsewhere {
			f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: o.Kind, Namespace: other, Name: o.Name}, Text: "exists", Note: i18n.T("missing.elsewhere.note", other, ns)})
		}
		f.Explain = i18n.T("missing.elsewhere.why")
		// Copied through jq without the fields that belong to the original;
		// nothing is printed, so a Secret's values stay off the terminal.
		f.Steps = append(f.Steps, Step{Text: i18n.T("missing.elsewhere.step.copy", o.Kind, elsewhere[0], ns),
			Command: kubectl(elsewhere[0], "get", strings.ToLower(o.Kind), o.Name, "-o", "json").
				Pipe("jq", "del(.metadata.namespace, .metadata.uid, .metadata.resourceVersion, .metadata.creationTimestamp, .metadata.ownerReferences, .metadata.managedFields)").
				PipeCmd(kubectl(ns, "create", "-f", "-")), Changes: true})
	}
	switch o.Kind {
	case "ConfigMap":
		f.Steps = append(f.Steps, Step{Text: i18n.T("missing.step.create-cm", o.Name), Command: kubectl(ns, "create", "configmap", o.Name, "--from-file=<path>"), Changes: true})
	case "Secret":
		f.Steps = append(f.Steps, Step{Text: i18n.T("missing.step.create-secret", o.Name), Command: kubectl(ns, "create", "secret", "generic", o.Name, "--from-literal=<key>=<value>"), Changes: true})
	}
	f.Steps = append(f.Steps, Step{Text: i18n.T("missing.step.ref"), Command: kubectl(p.Namespace, "get", "pod", orPlaceholder(p.Name, "<pod>"), "-o", "yaml").Pipe(grepFor(o.Name, "-n")...)})
}

// nearestKey finds the key a reference most likely meant: the same name
// in another case, one that contains it or is contained in it
// (DB_HOST / DB_HOSTNAME), or one a couple of edits away.
func nearestKey(want string, keys []string) string {
	// One edit, or two in a long name; more is a different key.
	limit := 1
	if len(want) >= 10 {
		limit = 2
	}
	best, bestD := "", limit+1
	for _, k := range keys {
		switch {
		case strings.EqualFold(k, want):
			return k
		case strings.Contains(k, want) || strings.Contains(want, k):
			if bestD > 1 {
				best, bestD = k, 1
			}
		default:
			if d := editDistance(strings.ToLower(k), strings.ToLower(want)); d < bestD {
				best, bestD = k, d
			}
		}
	}
	return best
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur := make([]int, len(b)+1)
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev = cur
	}
	return prev[len(b)]
}

// nsName is NAMESPACE/NAME, or NAME alone when a paste did not show the
// namespace (never "/NAME").
func nsName(ns, name string) string {
	if ns == "" {
		return name
	}
	return ns + "/" + name
}
