package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/podwhy/podwhy/internal/explain"
	"github.com/podwhy/podwhy/internal/i18n"
)

// explainCommand prints what a pod state means and how to check each of its
// usual causes, without a cluster.
func explainCommand(o *options) *cobra.Command {
	return &cobra.Command{
		Use:     "explain STATE",
		Short:   "Explain a pod state (CrashLoopBackOff, Pending, ImagePullBackOff, Terminating, …): its causes and how to check each",
		Example: "  podwhy explain CrashLoopBackOff\n  podwhy explain Pending --lang zh",
		Args:    cobra.ExactArgs(1),
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return explain.Names(), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			lang := i18n.FromEnv()
			if o.lang != "" {
				l, ok := i18n.ParseLang(o.lang)
				if !ok {
					return usageError{fmt.Errorf("--lang %q: use en or zh", o.lang)}
				}
				lang = l
			}
			s, ok := explain.Find(args[0])
			if !ok {
				return usageError{fmt.Errorf("%s", i18n.T("explain.unknown-state", args[0], i18n.List(explain.Names())).String(lang))}
			}
			out := cmd.OutOrStdout()
			fmt.Fprintln(out, s.Meaning.String(lang))
			fmt.Fprintln(out)
			fmt.Fprintln(out, i18n.T("explain.causes-title").String(lang))
			for _, line := range strings.Split(s.Causes.String(lang), "\n") {
				fmt.Fprintln(out, "  "+line)
			}
			return nil
		},
	}
}
