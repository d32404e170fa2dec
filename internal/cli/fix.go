package cli

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/spf13/cobra"
	authnv1 "k8s.io/api/authentication/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/fix"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/termsafe"
)

type fixFlags struct {
	all, dryRun, yes, machineGone, forceSTS bool
	dockerConfig, secretName, attachTo      string
	changeLog                               string
	lostAfter                               time.Duration
}

// fixCommand applies the mechanical remedies of findings. It is the one
// diagnosis command that changes the cluster, and only with --yes.
func fixCommand(o *options, stdio IO, code *int) *cobra.Command {
	ff := &fixFlags{}
	cmd := &cobra.Command{
		Use:   "fix FINDING-ID... | --all",
		Short: "Apply the safe, mechanical remedy of a finding (dry run unless --yes; changes the cluster)",
		Long: `fix re-diagnoses the cluster, then for each finding shows the changes that
fix it as a server-side dry run with a diff. With --yes it applies them and
logs who changed what, when, and how to undo it.

Remedies: Image/Auth (create the pull secret from --docker-config, attach it
to the ServiceAccount or the workload), Terminating/Finalizer (remove
finalizers whose controller is gone), Unknown/NodeUnreachable, Node/NotReady
(delete the Node of a machine confirmed gone with --machine-gone),
Terminating/NodeLost (force-delete pods on a lost node; StatefulSet pods
only with --force-statefulset and a machine confirmed gone).`,
		Example: `  podwhy fix --all --dry-run
  podwhy fix 1a2b3c4d5e6f --docker-config ~/.docker/config.json --yes
  podwhy fix 7ced3c963b80 --force-statefulset --machine-gone --yes`,
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := runFix(o, ff, args, stdio)
			*code = c
			return err
		},
	}
	fl := cmd.Flags()
	fl.BoolVar(&ff.all, "all", false, "every finding that has a remedy")
	fl.BoolVar(&ff.dryRun, "dry-run", false, "only show the changes (the default without --yes)")
	fl.BoolVar(&ff.yes, "yes", false, "apply the changes")
	fl.StringVar(&ff.dockerConfig, "docker-config", "", "Image/Auth: docker config.json holding credentials for the registry")
	fl.StringVar(&ff.secretName, "secret-name", "regcred", "Image/Auth: name of the pull secret to create")
	fl.StringVar(&ff.attachTo, "attach-to", "serviceaccount", "Image/Auth: attach the secret to the serviceaccount or the workload")
	fl.BoolVar(&ff.machineGone, "machine-gone", false, "confirm that the lost node's machine no longer exists")
	fl.BoolVar(&ff.forceSTS, "force-statefulset", false, "allow force-deleting StatefulSet pods on a lost node (risk of split brain)")
	fl.DurationVar(&ff.lostAfter, "lost-after", fix.DefaultLostAfter, "how long a node must be not Ready before it counts as lost")
	fl.StringVar(&ff.changeLog, "change-log", fix.DefaultLogPath(), "file the applied changes are appended to (JSON lines)")
	fl.StringVar(&o.lang, "lang", "", "language: en or zh")
	return cmd
}

func runFix(o *options, ff *fixFlags, ids []string, stdio IO) (int, error) {
	lang, err := language(o.lang)
	if err != nil {
		return ExitUsage, err
	}
	if len(ids) == 0 && !ff.all {
		return ExitUsage, usageError{fmt.Errorf("name a FINDING-ID (as podwhy prints it) or use --all")}
	}
	if ff.attachTo != "serviceaccount" && ff.attachTo != "workload" {
		return ExitUsage, usageError{fmt.Errorf("--attach-to %q: use serviceaccount or workload", ff.attachTo)}
	}
	if ff.yes && ff.dryRun {
		return ExitUsage, usageError{fmt.Errorf("--yes and --dry-run contradict each other")}
	}
	opts := fix.Options{SecretName: ff.secretName, AttachTo: ff.attachTo, MachineGone: ff.machineGone, ForceStatefulSet: ff.forceSTS, LostAfter: ff.lostAfter}
	if ff.dockerConfig != "" {
		data, err := os.ReadFile(ff.dockerConfig)
		if err != nil {
			return ExitUsage, fmt.Errorf("--docker-config: %s", describeErr(err))
		}
		opts.DockerConfig = data
	}
	// Findings are looked up in every namespace unless -n is given.
	if o.kube.Namespace == nil || *o.kube.Namespace == "" {
		o.allNamespaces = true
	}
	snap, _, err := liveSnapshot(o, time.Time{}, stdio, liveScope{})
	if err != nil {
		return ExitUsage, err
	}
	res := diagnose.Run(snap, diagnose.DefaultOptions())
	var chosen []*diagnose.Finding
	if ff.all {
		for _, f := range res.Findings {
			for _, r := range fix.Fixable {
				if f.Reason == r {
					chosen = append(chosen, f)
				}
			}
		}
	}
	for _, id := range ids {
		match, err := fix.Lookup(res.Findings, id)
		if err != nil {
			return ExitUsage, usageError{err}
		}
		if match == nil {
			return ExitUsage, fmt.Errorf("%s", i18n.T("fix.unknown-id", id).String(lang))
		}
		chosen = append(chosen, match)
	}
	cfg, err := o.kube.ToRESTConfig()
	if err != nil {
		return ExitUsage, fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return ExitUsage, fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	log := &fix.Log{Path: ff.changeLog, User: whoAmI(ctx, o, cs), Cluster: cfg.Host}
	apply := ff.yes
	exit := ExitOK
	// The plans print object names and diffs of what the cluster holds;
	// fix writes no colour, so all of its output can go through the
	// escaping writer.
	out := termsafe.NewWriter(stdio.Out)
	defer out.Flush()
	for i, f := range chosen {
		if i > 0 {
			fmt.Fprintln(out)
		}
		p := fix.PlanFor(f, snap, opts)
		if len(p.Refused) > 0 || !p.Note.IsZero() && len(p.Changes) == 0 {
			exit = ExitProblems
		}
		if err := p.Run(ctx, cs, apply, out, lang, log); err != nil {
			return ExitUsage, fmt.Errorf("fix %s: %s", f.ID, oneLine(err.Error()))
		}
	}
	return exit, nil
}

// whoAmI names the user for the change log: the API server's answer when
// it allows the question, else the kubeconfig's user entry.
func whoAmI(ctx context.Context, o *options, cs kubernetes.Interface) string {
	if r, err := cs.AuthenticationV1().SelfSubjectReviews().Create(ctx, &authnv1.SelfSubjectReview{}, metav1.CreateOptions{}); err == nil && r.Status.UserInfo.Username != "" {
		return r.Status.UserInfo.Username
	}
	raw, err := o.kube.ToRawKubeConfigLoader().RawConfig()
	if err != nil {
		return os.Getenv("USER")
	}
	ctxName := raw.CurrentContext
	if o.kube.Context != nil && *o.kube.Context != "" {
		ctxName = *o.kube.Context
	}
	if c, ok := raw.Contexts[ctxName]; ok {
		return c.AuthInfo
	}
	return os.Getenv("USER")
}

func describeErr(err error) string {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Path + ": " + pe.Err.Error()
	}
	return err.Error()
}
