package cli

import (
	"errors"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/lint"
	"github.com/podwhy/podwhy/internal/termsafe"
)

// currentCluster is --cluster given without a value: the kubeconfig's
// current cluster. A value names a kubeconfig cluster, as kubectl's
// --cluster=NAME does, so lint keeps that meaning of the flag too.
const currentCluster = "(current)"

type lintOptions struct {
	output  string
	lang    string
	failOn  string
	noColor bool
	cluster string
}

// lintCommand is "podwhy lint FILE|DIR|-…": manifests checked before they
// are applied. It writes the exit code into code, Main's, because only the
// root command's RunE sets it otherwise.
func lintCommand(o *options, stdio IO, code *int) *cobra.Command {
	lo := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint FILE|DIR|- ...",
		Short: "Check manifests before they are applied: unknown fields and where they belong, wrong types, and the mistakes podwhy later diagnoses",
		Long: `podwhy lint validates manifests (Pods, Deployments, StatefulSets, DaemonSets,
Jobs, CronJobs, ReplicaSets and the ConfigMaps, Secrets, Services, PVCs and
ServiceAccounts they use; Helm-rendered multi-document YAML; Lists) against
the real API types, and reports with file, line and column:

  - YAML syntax errors, keys written twice, unrendered Helm templates
  - unknown fields and fields at the wrong level, with where they belong
  - values of the wrong type, quantities and base64 that do not parse
  - what the API server refuses: missing names, images, containers,
    selectors that miss their template, a Job's restartPolicy
  - images without a tag or on :latest, invalid image references
  - missing CPU/memory requests and memory limits, requests above limits
  - probes on ports the container does not declare
  - ConfigMaps, Secrets, PVCs, ServiceAccounts (and keys) not in the input
  - hostPort, a StatefulSet without its headless Service

With --cluster the cluster is read too (read-only LISTs): references are
looked up there, and requests larger than any node are reported.`,
		Example: `  podwhy lint deploy.yaml
  helm template my-release ./chart | podwhy lint -
  podwhy lint k8s/ -o sarif > podwhy.sarif
  podwhy lint k8s/ --cluster -n shop --fail-on error`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			c, err := runLint(o, lo, args, stdio)
			*code = c
			return err
		},
	}
	fl := cmd.Flags()
	fl.StringVarP(&lo.output, "output", "o", "text", "output format: text, json or sarif")
	fl.StringVar(&lo.lang, "lang", "", "language of the report: en or zh (default from LC_ALL/LC_MESSAGES/LANG)")
	fl.StringVar(&lo.failOn, "fail-on", "warning", "exit 1 when a problem of this severity or worse exists: error, warning or info")
	fl.BoolVar(&lo.noColor, "no-color", false, "never color the text report (also: NO_COLOR set)")
	fl.StringVar(&lo.cluster, "cluster", "", "also read the cluster (read-only): references are looked up there and node sizes known; --cluster=NAME picks a kubeconfig cluster")
	fl.Lookup("cluster").NoOptDefVal = currentCluster
	_ = cmd.RegisterFlagCompletionFunc("output", cobra.FixedCompletions([]string{"text", "json", "sarif"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"en", "zh"}, cobra.ShellCompDirectiveNoFileComp))
	_ = cmd.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning", "info"}, cobra.ShellCompDirectiveNoFileComp))
	return cmd
}

func runLint(o *options, lo *lintOptions, args []string, stdio IO) (int, error) {
	lang, err := language(lo.lang)
	if err != nil {
		return ExitUsage, err
	}
	failOn, ok := lint.ParseSeverity(lo.failOn)
	if !ok {
		return ExitUsage, usageError{fmt.Errorf("--fail-on %q: use error, warning or info", lo.failOn)}
	}
	switch lo.output {
	case "text", "json", "sarif":
	default:
		return ExitUsage, usageError{fmt.Errorf("--output %q: use text, json or sarif", lo.output)}
	}

	var inputs []lint.Input
	stdinUsed := false
	for _, a := range args {
		if a == "-" {
			if stdinUsed {
				return ExitUsage, usageError{errors.New("- (stdin) given twice")}
			}
			stdinUsed = true
		}
		in, err := lint.ReadPath(a, stdio.In)
		if err != nil {
			return ExitUsage, err
		}
		inputs = append(inputs, in...)
	}

	opts := lint.Options{}
	if o.kube.Namespace != nil {
		opts.Namespace = *o.kube.Namespace
	}
	var clusterNotes []string
	if lo.cluster != "" {
		inv, ns, notes, err := lintCluster(o, lo, inputs, stdio)
		if err != nil {
			return ExitUsage, err
		}
		opts.Cluster, opts.Namespace, clusterNotes = inv, ns, notes
	}

	res := lint.Run(inputs, opts)
	for _, n := range clusterNotes {
		res.Notes = append(res.Notes, i18n.T("lint.note.cluster", n))
	}
	if res.Empty() {
		return ExitUsage, &lint.InputError{Input: inputNames(args), Err: lint.ErrNoObjects}
	}

	rep := lint.Build(res, lang)
	switch lo.output {
	case "json":
		err = lint.JSON(stdio.Out, rep)
	case "sarif":
		err = lint.SARIF(stdio.Out, rep, Version)
	default:
		color := stdio.IsTerminal && !lo.noColor && os.Getenv("NO_COLOR") == ""
		// File names and manifest values reach the terminal escaped.
		err = lint.Text(stdio.Out, termsafe.Copy(rep), lint.TextOptions{Lang: lang, Color: color})
	}
	if err != nil {
		return ExitUsage, err
	}
	if worst, any := res.Worst(); any && worst >= failOn {
		return ExitProblems, nil
	}
	return ExitOK, nil
}

func inputNames(args []string) string {
	names := make([]string, len(args))
	for i, a := range args {
		names[i] = a
		if a == "-" {
			names[i] = "stdin"
		}
	}
	return strings.Join(names, ", ")
}

// lintCluster reads what the references of the input may point at from
// the cluster, with the same read-only LISTs a diagnosis makes. It lists
// one namespace when the input stays in the kubeconfig's (or -n's), all
// of them when it names others.
func lintCluster(o *options, lo *lintOptions, inputs []lint.Input, stdio IO) (*lint.Inventory, string, []string, error) {
	if lo.cluster != currentCluster {
		name := lo.cluster
		o.kube.ClusterName = &name
	}
	ns, _, err := o.kube.ToRawKubeConfigLoader().Namespace()
	if err != nil {
		return nil, "", nil, fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
	}
	for _, n := range lint.Namespaces(inputs) {
		if n != ns {
			o.allNamespaces = true
		}
	}
	snap, _, err := liveSnapshot(o, time.Time{}, stdio, liveScope{allNodes: true})
	if err != nil {
		return nil, "", nil, err
	}
	return lint.FromSnapshot(snap), ns, snap.Notes, nil
}
