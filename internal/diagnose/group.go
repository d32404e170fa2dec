package diagnose

import (
	"crypto/sha1"
	"encoding/hex"
	"sort"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// group merges per-pod findings with the same owner and cause into one
// (40 pods of a Deployment failing the same way are one finding), folds
// controller facts into the pod findings they explain, and sorts.
func group(c *ctx, in []*Finding) []*Finding {
	topTotals := map[snapshot.ObjectRef]int{}
	for _, p := range c.s.Pods {
		if terminated(p) && p.DeletionTimestamp == nil || !c.in(p.Namespace) {
			continue
		}
		if o := c.ownerOf(p); o.Top.Kind != "" {
			topTotals[refKey(o.Top)]++
		}
	}

	byKey := map[string]*Finding{}
	var out []*Finding
	var attach []*Finding
	for _, f := range in {
		if f.attachOnly {
			attach = append(attach, f)
			continue
		}
		if f.Subject.Kind == "Pod" && len(f.Pods) == 1 {
			if p := c.s.Pod(f.Namespace, f.Pods[0].Name); p != nil {
				if o := c.ownerOf(p); o.Top.Kind != "" {
					f.Subject = o.Top
					f.PodsTotal = topTotals[refKey(o.Top)]
				}
			}
		}
		key := f.Namespace + "|" + f.Subject.Kind + "/" + f.Subject.Name + "|" + f.Reason + "|" + f.Container + "|" + f.groupKey
		if g, ok := byKey[key]; ok {
			g.Pods = append(g.Pods, f.Pods...)
			for _, d := range f.dependsOn {
				g.dependsOn = appendUnique(g.dependsOn, d)
			}
			if f.Severity > g.Severity {
				g.Severity = f.Severity
			}
			if !f.Since.IsZero() && (g.Since.IsZero() || f.Since.Before(g.Since)) {
				g.Since = f.Since
			}
			if g.Node != f.Node {
				g.Node = ""
			}
			continue
		}
		byKey[key] = f
		out = append(out, f)
	}

	// Controller facts join the pod finding of the same subject that they
	// explain; alone, they are findings of their own.
	for _, a := range attach {
		var target *Finding
		for _, f := range out {
			if f.Namespace == a.Namespace && f.Subject.Kind == a.Subject.Kind && f.Subject.Name == a.Subject.Name {
				if target == nil || f.Severity > target.Severity {
					target = f
				}
			}
		}
		if target != nil {
			target.Evidence = append(target.Evidence, a.Evidence...)
			target.Tags = appendUnique(target.Tags, a.Reason)
			if a.Severity > target.Severity {
				target.Severity = a.Severity
			}
			target.Steps = append(target.Steps, a.extraSteps...)
			continue
		}
		a.attachOnly = false
		out = append(out, a)
	}

	for _, f := range out {
		sort.Slice(f.Pods, func(i, j int) bool { return f.Pods[i].Name < f.Pods[j].Name })
		f.ID = findingID(f)
	}
	sortFindings(out)
	link(out)
	return out
}

// sortFindings orders findings by severity, then namespace, subject, reason
// and container.
func sortFindings(out []*Finding) {
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Severity != b.Severity {
			return a.Severity > b.Severity
		}
		if a.Namespace != b.Namespace {
			return a.Namespace < b.Namespace
		}
		if a.Subject.Kind != b.Subject.Kind {
			return a.Subject.Kind < b.Subject.Kind
		}
		if a.Subject.Name != b.Subject.Name {
			return a.Subject.Name < b.Subject.Name
		}
		if a.Reason != b.Reason {
			return a.Reason < b.Reason
		}
		return a.Container < b.Container
	})
}

func refKey(r snapshot.ObjectRef) snapshot.ObjectRef {
	r.UID = ""
	return r
}

// findingID is stable across pod replacement: it hashes the owner and the
// cause, never a pod UID.
func findingID(f *Finding) string {
	h := sha1.New()
	for _, s := range []string{f.Reason, f.Namespace, f.Subject.Kind, f.Subject.Name, f.Container, f.groupKey} {
		h.Write([]byte(s))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))[:12]
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}
