package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"
	"k8s.io/client-go/kubernetes"

	"github.com/podwhy/podwhy/internal/lab"
)

// labCommand is the failure lab. Unlike the rest of podwhy it changes the
// cluster: it creates and deletes podwhy-lab-* namespaces.
func labCommand(o *options) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "lab",
		Short: "Reproduce each failure class on a cluster (creates podwhy-lab-* namespaces; changes the cluster)",
	}
	client := func() (kubernetes.Interface, error) {
		cfg, err := o.kube.ToRESTConfig()
		if err != nil {
			return nil, fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
		}
		return kubernetes.NewForConfig(cfg)
	}
	cmd.AddCommand(&cobra.Command{
		Use:   "list",
		Short: "List the scenarios and the reason code each must produce",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			all, err := lab.All()
			if err != nil {
				return err
			}
			w := tabwriter.NewWriter(cmd.OutOrStdout(), 0, 4, 2, ' ', 0)
			fmt.Fprintln(w, "SCENARIO\tREASON\tPRODUCED BY")
			for _, s := range all {
				fmt.Fprintf(w, "%s\t%s\t%s\n", s.Name, s.Reason, s.Source)
			}
			return w.Flush()
		},
	})
	var all bool
	apply := &cobra.Command{
		Use:   "apply SCENARIO... | --all",
		Short: "Create scenarios, each in its own namespace podwhy-lab-SCENARIO",
		RunE: func(cmd *cobra.Command, args []string) error {
			cs, err := client()
			if err != nil {
				return err
			}
			var list []lab.Scenario
			if all {
				if list, err = lab.All(); err != nil {
					return err
				}
			} else {
				if len(args) == 0 {
					return usageError{fmt.Errorf("name a scenario, or --all (see podwhy lab list)")}
				}
				for _, a := range args {
					s, err := lab.Get(a)
					if err != nil {
						return usageError{err}
					}
					list = append(list, s)
				}
			}
			ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
			defer cancel()
			for _, s := range list {
				if err := lab.Apply(ctx, cs, s); err != nil {
					return err
				}
				fmt.Fprintf(cmd.OutOrStdout(), "applied %s in namespace %s (expect %s)\n", s.Name, s.Namespace(), s.Reason)
			}
			return nil
		},
	}
	apply.Flags().BoolVar(&all, "all", false, "apply every scenario")
	cmd.AddCommand(apply)
	cmd.AddCommand(&cobra.Command{
		Use:   "delete [SCENARIO]",
		Short: "Delete one scenario's namespace, or every lab namespace",
		Args:  cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cs, err := client()
			if err != nil {
				return err
			}
			name := ""
			if len(args) == 1 {
				name = args[0]
			}
			ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
			defer cancel()
			return lab.Delete(ctx, cs, name)
		},
	})
	return cmd
}
