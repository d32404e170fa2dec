package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/explain"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/kubetext"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// explainCommand prints what a pod state means and how to check each of its
// usual causes, without a cluster.
func explainCommand(o *options, stdio IO, code *int) *cobra.Command {
	return &cobra.Command{
		Use:   "explain STATE|MESSAGE",
		Short: "Explain a pod state (CrashLoopBackOff, Pending, …) or diagnose one pasted event or status message",
		Long: `With a state name, explain prints what the state means, its usual causes
and how to check each. With anything else, the words are read as one event
or status message (as pasted from kubectl describe or a ticket) and
diagnosed by the same rules as a cluster.`,
		Example: `  podwhy explain CrashLoopBackOff
  podwhy explain Pending --lang zh
  podwhy explain 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "1a2b": plugin type="flannel" failed (add): failed to find plugin "flannel" in path [/opt/cni/bin]'`,
		Args: cobra.MinimumNArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return explain.Names(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			lang, err := language(o.lang)
			if err != nil {
				return err
			}
			s, ok := explain.Find(args[0])
			if !ok || len(args) > 1 {
				doc, err := explainMessage(strings.Join(args, " "), lang)
				if err != nil {
					return usageError{err}
				}
				c, err := writeExplained(o, doc, cmd.OutOrStdout(), textOptions(o, stdio, lang))
				*code = c
				return err
			}
			return s.Write(cmd.OutOrStdout(), textOptions(o, stdio, lang))
		},
	}
}

// explainMessage diagnoses one message: it becomes the objects it would
// have come with, and the ordinary rules do the rest. Its error is the one
// line that says which states explain knows. `podwhy mcp` asks it too.
func explainMessage(msg string, lang i18n.Lang) (report.Doc, error) {
	unknown := fmt.Errorf("%s", i18n.T("explain.unknown", clipArg(msg), i18n.List(explain.Names())).String(lang))
	b := snapshot.NewBuilder()
	res, err := kubetext.Load(b, []byte(msg), kubetext.Options{Format: kubetext.Message})
	if err != nil {
		return report.Doc{}, unknown
	}
	r := diagnose.Run(b.Build(res.Now), diagnose.DefaultOptions())
	if len(r.Findings) == 0 {
		return report.Doc{}, unknown
	}
	return report.Build(r, lang), nil
}

// writeExplained prints a message's report as -o asks.
func writeExplained(o *options, doc report.Doc, out io.Writer, to report.TextOptions) (int, error) {
	var err error
	switch o.output {
	case "json":
		err = report.JSON(out, doc)
	case "yaml":
		err = report.YAML(out, doc)
	default:
		err = report.Text(out, doc, to)
	}
	if err != nil {
		return ExitUsage, fmt.Errorf("write report: %w", err)
	}
	return ExitProblems, nil
}

func clipArg(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}
