package diagnose

import (
	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// A finding belongs to the namespace it names; a finding with no namespace
// (a node, a cluster-scoped object's spec) is a cluster finding. A
// namespaced finding is made from its namespace's objects, the
// cluster-scoped objects and the pods of other namespaces only as evidence
// (what else holds a hostPort or uses a node's CPU), so after a change in
// some namespaces, re-diagnosing those namespaces and the cluster findings
// gives every finding that can open, resolve or change there (podwhy
// serve's incremental diagnosis).

// RunIn diagnoses only the namespaced findings of the given namespaces,
// plus every cluster finding. s must hold every cluster-scoped object; of
// the namespaced kinds, those namespaces' objects; and of the other
// namespaces' pods, those on a node with a finding (NodeHasFinding), or
// all of them when a pod of the scope waits to be scheduled (NeedsAllPods).
// Scanned counts only what s holds.
func RunIn(s *snapshot.Snapshot, o Options, namespaces map[string]bool) *Result {
	c := newCtx(s, o)
	c.scope = namespaces
	if c.scope == nil {
		c.scope = map[string]bool{}
	}
	return run(c)
}

// in reports whether namespaced findings of ns are to be made.
func (c *ctx) in(ns string) bool {
	return c.scope == nil || c.scope[ns]
}

// Merge returns prev with the findings of part taking the place of prev's
// findings in the namespaces part was run for (RunIn) and of all of prev's
// cluster findings; the rest of prev is kept as it was. Counts and notes
// are part's. Neither input is modified.
func Merge(prev, part *Result, namespaces map[string]bool) *Result {
	out := *part
	out.Findings = make([]*Finding, 0, len(prev.Findings)+len(part.Findings))
	for _, f := range prev.Findings {
		if f.Namespace != "" && !namespaces[f.Namespace] {
			out.Findings = append(out.Findings, f)
		}
	}
	out.Findings = append(out.Findings, part.Findings...)
	sortFindings(out.Findings)
	// A chain may cross namespaces: links are made again over the whole.
	link(out.Findings)
	return &out
}

// NeedsAllPods reports whether RunIn, for a scope holding these pods,
// needs the pods of every namespace: an unscheduled pod's evidence is what
// the others use of each node, which of them hold its host port and run on
// its scheduler, and whether the scheduler's own pods are ready.
func NeedsAllPods(scopePods []*corev1.Pod) bool {
	for _, p := range scopePods {
		if p.Spec.NodeName == "" {
			return true
		}
	}
	return false
}
