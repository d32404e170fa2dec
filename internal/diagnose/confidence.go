package diagnose

import (
	"github.com/podwhy/podwhy/internal/shell"
	"strings"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Confidence says how much of what decides a finding the input showed.
const (
	// ConfidenceHigh: the objects and messages that prove the cause were
	// all there.
	ConfidenceHigh = "high"
	// ConfidenceMedium: the cause is proven, but something that could
	// change the advice was not in the input (see Unchecked).
	ConfidenceMedium = "medium"
	// ConfidenceLow: only a status word was seen (a get pods row), or the
	// names are placeholders from a bare message.
	ConfidenceLow = "low"
)

// rate sets each finding's confidence and, for pasted text, names the
// kubectl output to paste next for what could not be checked. It reads
// only what the rules already recorded; it adds no diagnosis.
func (c *ctx) rate(fs []*Finding) {
	for _, f := range fs {
		sketch, placeholder := false, strings.HasPrefix(f.Subject.Name, "<")
		for _, p := range f.Pods {
			if c.s.IsSketch(p.Namespace, p.Name) {
				sketch = true
			}
			if strings.HasPrefix(p.Name, "<") {
				placeholder = true
			}
		}
		if c.s.FromText {
			c.pasteNext(f, sketch)
		}
		switch {
		case sketch:
			f.Confidence = ConfidenceLow
		case len(f.Unchecked) > 0 || placeholder:
			f.Confidence = ConfidenceMedium
		default:
			f.Confidence = ConfidenceHigh
		}
	}
}

// pasteNext turns "not in the input" into the text to paste: describe
// output, or list output that holds names only (never `get secret -o
// yaml`, which would put secret values into a ticket).
func (c *ctx) pasteNext(f *Finding, sketch bool) {
	ns := f.Namespace
	pod := ""
	if len(f.Pods) > 0 && !strings.HasPrefix(f.Pods[0].Name, "<") {
		pod = f.Pods[0].Name
	}
	add := func(c shell.Cmd) {
		cmd := c.String()
		for _, p := range f.PasteNext {
			if p == cmd {
				return
			}
		}
		f.PasteNext = append(f.PasteNext, cmd)
	}
	if sketch && pod != "" {
		add(kubectl(ns, "describe", "pod", pod))
	}
	var kept []i18n.Msg
	for _, u := range f.Unchecked {
		switch u.Key {
		case "unchecked.nodes":
			if f.Node != "" {
				add(kubectl("", "describe", "node", f.Node))
			} else {
				add(kubectl("", "describe", "nodes"))
			}
			u = i18n.T("unchecked.text.nodes")
		case "unchecked.events":
			if pod != "" {
				add(kubectl(ns, "describe", "pod", pod))
			} else {
				add(kubectl(ns, "get", "events"))
			}
			u = i18n.T("unchecked.text.events")
		case "unchecked.text.scheduler":
			if pod != "" {
				add(kubectl(ns, "get", "pod", pod, "-o", "jsonpath={.spec.schedulerName} {.spec.schedulingGates}"))
			}
		case "unchecked.text.requests", "unchecked.text.probe", "unchecked.text.spec", "unchecked.text.schedule", "unchecked.text.command":
			// describe prints each container's requests, limits, probes,
			// command, args and mounts.
			if pod != "" {
				add(kubectl(ns, "describe", "pod", pod))
			}
		case "unchecked.text.pullsecrets":
			// describe does not print imagePullSecrets; their names are
			// no secret.
			if pod != "" {
				add(kubectl(ns, "get", "pod", pod, "-o", "jsonpath={.spec.imagePullSecrets} {.spec.serviceAccountName}"))
			}
		case "unchecked.text.deletion":
			if pod != "" {
				add(kubectl(ns, "get", "pod", pod, "-o", "jsonpath={.metadata.deletionTimestamp} {.spec.nodeName}"))
			}
		case "unchecked.text.message":
			if pod != "" {
				add(kubectl(ns, "describe", "pod", pod))
			} else {
				add(kubectl(ns, "get", "events"))
			}
		case "crash.unchecked.logs":
			if len(u.Args) > 1 {
				p, _ := u.Args[0].(string)
				cn, _ := u.Args[1].(string)
				if !strings.HasPrefix(p, "<") {
					argv := []string{"logs", p}
					if cn != "" && !strings.HasPrefix(cn, "<") {
						argv = append(argv, "-c", cn)
					}
					add(kubectl(ns, append(argv, "--previous", "--tail=100")...))
				}
			}
		case "unchecked.pvc":
			add(kubectl(ns, "describe", "pvc"))
			u = i18n.T("unchecked.text.pvc")
		case "unchecked.serviceaccount":
			if len(u.Args) > 0 {
				sa, _ := u.Args[0].(string)
				add(kubectl(ns, "get", "serviceaccount", sa, "-o", "yaml"))
				add(kubectl(ns, "get", "secrets"))
				u = i18n.T("unchecked.text.serviceaccount", sa)
			}
		case "unchecked.kind", "unchecked.keys":
			if len(u.Args) > 0 {
				kind, _ := u.Args[0].(string)
				res := strings.ToLower(kind) + "s"
				if u.Key == "unchecked.keys" && len(u.Args) > 1 {
					name, _ := u.Args[1].(string)
					// describe secret prints key names and sizes, not values.
					add(kubectl(ns, "describe", strings.ToLower(kind), name))
				} else {
					add(kubectl(ns, "get", res))
				}
				u = i18n.T("unchecked.text.kind", kind)
			}
		}
		kept = append(kept, u)
	}
	f.Unchecked = kept
	if (f.Reason == "Terminating/Stuck" || f.Reason == "Terminating/Slow") && pod != "" && !strings.Contains(f.groupKey, "|teardown|") {
		// describe prints no finalizers; a finalizer is the usual reason a
		// pod stays Terminating on a healthy node.
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.finalizers"))
		add(kubectl(ns, "get", "pod", pod, "-o", "jsonpath={.metadata.finalizers}"))
	}
	if f.Subject.Kind == snapshot.KindNode && f.Node != "" && len(f.Evidence) == 1 {
		add(kubectl("", "describe", "node", f.Node))
	}
}
