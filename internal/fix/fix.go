// Package fix applies the mechanical remedies of some findings: create a
// missing image pull secret and attach it, remove a finalizer nobody will
// remove, delete the Node of a machine that is gone, force-delete the pods
// stuck on it. A Plan is computed from the snapshot alone; Run shows each
// change as a server-side dry run with a diff and applies it only when
// asked, logging who changed what and when, and how to undo it.
package fix

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"k8s.io/client-go/kubernetes"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Options are what some remedies need from the person running them.
type Options struct {
	// DockerConfig is the content of a docker config.json with
	// credentials for the registry of an Image/Auth finding.
	DockerConfig []byte
	// SecretName names the pull secret to create (default regcred).
	SecretName string
	// AttachTo is "serviceaccount" (default) or "workload".
	AttachTo string
	// MachineGone is the operator's confirmation that a NotReady node's
	// machine no longer exists (deleted VM, dead hardware).
	MachineGone bool
	// ForceStatefulSet allows force-deleting StatefulSet pods on a lost
	// node, which risks two pods with the same identity.
	ForceStatefulSet bool
	// LostAfter is how long a node must be not Ready before it counts as
	// lost (default DefaultLostAfter).
	LostAfter time.Duration
	// Now is the reference time (tests); zero means the clock.
	Now time.Time
}

// Change is one write to the cluster.
type Change struct {
	// Verb is create, patch, delete or force-delete.
	Verb   string
	Object snapshot.ObjectRef
	// What says the change in words.
	What i18n.Msg
	// Warning is shown before a change that can do harm.
	Warning i18n.Msg
	// Undo is how to reverse the change, as far as the API allows.
	Undo string
	// noInverse: the patch cannot be undone by patching back (the object
	// is gone once it applies), so the log holds no undo patch.
	noInverse bool
	// run performs the change (dryRun: the server validates and answers
	// without persisting) and returns the object before and after, as YAML.
	run func(ctx context.Context, cs kubernetes.Interface, dryRun bool) (before, after string, err error)
}

// Refusal is a change podwhy will not make, and why.
type Refusal struct {
	Object snapshot.ObjectRef
	Why    i18n.Msg
}

// Plan is what fixing one finding takes.
type Plan struct {
	Finding *diagnose.Finding
	Changes []Change
	Refused []Refusal
	// Note is shown when the finding has no mechanical remedy.
	Note i18n.Msg
}

// Fixable lists the reasons that have a remedy here.
var Fixable = []string{"Image/Auth", "Terminating/Finalizer", "Terminating/NodeLost", "Unknown/NodeUnreachable", "Unknown/NodeGone", "Node/NotReady"}

// PlanFor computes the changes that fix a finding, from the snapshot.
func PlanFor(f *diagnose.Finding, s *snapshot.Snapshot, o Options) *Plan {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	if o.LostAfter == 0 {
		o.LostAfter = DefaultLostAfter
	}
	if o.SecretName == "" {
		o.SecretName = "regcred"
	}
	p := &Plan{Finding: f}
	switch f.Reason {
	case "Image/Auth":
		planPullSecret(p, s, o)
	case "Terminating/Finalizer":
		planFinalizers(p, s, o)
	case "Terminating/NodeLost":
		planForceDelete(p, s, o)
	case "Unknown/NodeUnreachable", "Unknown/NodeGone", "Node/NotReady":
		planDeleteNode(p, s, o)
	default:
		p.Note = i18n.T("fix.none", f.Reason, strings.Join(Fixable, ", "))
	}
	return p
}

// Run shows every change as a server-side dry run with its diff, and
// applies it when apply is set. Each applied change is logged.
func (p *Plan) Run(ctx context.Context, cs kubernetes.Interface, apply bool, out io.Writer, lang i18n.Lang, log *Log) error {
	L := func(m i18n.Msg) string { return m.String(lang) }
	fmt.Fprintf(out, "%s  %s  [%s]\n", p.Finding.Reason, refString(p.Finding.Subject), p.Finding.ID)
	if !p.Note.IsZero() {
		fmt.Fprintln(out, "  "+L(p.Note))
	}
	for _, r := range p.Refused {
		fmt.Fprintf(out, "  ✗ %s: %s\n", refString(r.Object), L(r.Why))
	}
	for _, c := range p.Changes {
		fmt.Fprintf(out, "  • %s %s: %s\n", c.Verb, refString(c.Object), L(c.What))
		if !c.Warning.IsZero() {
			fmt.Fprintln(out, "    ! "+L(c.Warning))
		}
		before, after, err := c.run(ctx, cs, true)
		if err != nil {
			return fmt.Errorf("%s %s (dry run): %w", c.Verb, refString(c.Object), err)
		}
		for _, l := range diffLines(before, after) {
			fmt.Fprintln(out, "      "+l)
		}
		if !apply {
			continue
		}
		// The log keeps the images of the write itself: the object may
		// have changed between the dry run and now.
		realBefore, realAfter, err := c.run(ctx, cs, false)
		if err != nil {
			_ = log.Record(p.Finding, c, before, "", err)
			return fmt.Errorf("%s %s: %w", c.Verb, refString(c.Object), err)
		}
		if realBefore == "" {
			realBefore = before
		}
		if err := log.Record(p.Finding, c, realBefore, realAfter, nil); err != nil {
			return err
		}
		fmt.Fprintln(out, "    "+L(i18n.T("fix.done", c.Undo)))
	}
	if !apply && len(p.Changes) > 0 {
		fmt.Fprintln(out, "  "+L(i18n.T("fix.dry-run")))
	}
	return nil
}

func refString(r snapshot.ObjectRef) string {
	s := strings.ToLower(r.Kind) + "/" + r.Name
	if r.Namespace != "" {
		s = r.Namespace + "/" + s
	}
	return s
}
