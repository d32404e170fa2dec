// Package cli is podwhy's command line: kubectl's flags and habits, a thin
// layer over load → snapshot → diagnose → report.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
	"k8s.io/apimachinery/pkg/api/resource"
	"k8s.io/cli-runtime/pkg/genericclioptions"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
	"github.com/podwhy/podwhy/internal/termsafe"
)

// Exit codes.
const (
	ExitOK       = 0
	ExitProblems = 1
	ExitUsage    = 2
)

// Version and Commit are stamped by the release build (hack/release) with
// -ldflags "-X github.com/podwhy/podwhy/internal/cli.Version=… -X ….Commit=…".
var (
	Version = "dev"
	Commit  = ""
)

// usageError marks errors that exit 2.
type usageError struct{ error }

// IO is where a command reads and writes; tests substitute buffers.
type IO struct {
	In       io.Reader
	Out, Err io.Writer
	// IsTerminal reports whether Out is a terminal (color, width).
	IsTerminal bool
	// ErrIsTerminal: Err is a terminal (progress lines).
	ErrIsTerminal bool
	Width         int
	// Name is the program as it was invoked (os.Args[0]); as kubectl-why
	// podwhy is the kubectl plugin and says "kubectl why" in its help.
	Name string
}

// StdIO returns the process streams.
func StdIO() IO {
	t := term.IsTerminal(int(os.Stdout.Fd()))
	w := 0
	if t {
		if cw, _, err := term.GetSize(int(os.Stdout.Fd())); err == nil {
			w = cw
		}
	}
	return IO{In: os.Stdin, Out: os.Stdout, Err: os.Stderr, IsTerminal: t, Width: w, ErrIsTerminal: term.IsTerminal(int(os.Stderr.Fd())), Name: os.Args[0]}
}

type options struct {
	kube          *genericclioptions.ConfigFlags
	files         []string
	output        string
	lang          string
	noColor       bool
	summary       bool
	failOn        string
	now           string
	allNamespaces bool
	selector      string
	startupGrace  time.Duration
	width         int
	logs          bool
	logLines      int64
	consistent    optBool
	inputFormat   string
	maxInputSize  string

	// namespace, when set, is the one a caller of `podwhy mcp` named: it
	// wins over -n and the kubeconfig context's.
	namespace string
	// texts are pasted kubectl output given as strings (`podwhy mcp`),
	// read with the -f inputs.
	texts []string
}

// newOptions are the defaults of the flags.
func newOptions() *options {
	return &options{kube: genericclioptions.NewConfigFlags(true), startupGrace: diagnose.DefaultOptions().StartupGrace,
		logLines: 50, inputFormat: "auto", maxInputSize: strings.ReplaceAll(load.Size(load.DefaultMaxInput), " ", "")}
}

// newCommand is podwhy's command tree; code receives the exit code of a
// run.
func newCommand(stdio IO, code *int) *cobra.Command {
	o := newOptions()
	root := &cobra.Command{
		Use:   "podwhy [TARGET...]",
		Short: "Explain why Kubernetes pods are unhealthy, with evidence and the commands that fix them",
		Long: `podwhy finds every unhealthy pod in scope, names the root cause with the
evidence that proves it, and prints the commands that fix it.

TARGET is NAME or pod/NAME, deploy/NAME, sts/NAME, ds/NAME, job/NAME,
cronjob/NAME, rs/NAME or node/NAME. Without a target every unhealthy pod in
scope is reported.

Input is a live cluster (kubeconfig) or, with -f, a dump: kubectl get -o
json|yaml output (files, folders, or - for stdin) and kubectl cluster-info
dump output.`,
		Example: `  podwhy -f examples/broken-cluster
  podwhy -n shop deploy/web
  kubectl get pods,events -A -o json | podwhy -f - --lang zh
  podwhy -A -o json --fail-on error`,
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, targets []string) error {
			c, err := run(o, targets, stdio)
			*code = c
			return err
		},
	}
	root.SetIn(stdio.In)
	root.SetOut(stdio.Out)
	root.SetErr(stdio.Err)

	fl := root.Flags()
	o.kube.AddFlags(root.PersistentFlags())
	fl.StringArrayVarP(&o.files, "filename", "f", nil, "read objects from a dump: a file, a folder (recursively) or - for stdin; repeatable")
	fl.StringVarP(&o.output, "output", "o", "text", "output format: text, json, yaml or markdown")
	fl.StringVar(&o.lang, "lang", "", "language of the report: en or zh (default from LC_ALL/LC_MESSAGES/LANG)")
	fl.BoolVar(&o.noColor, "no-color", false, "never color the text report (also: NO_COLOR set)")
	fl.BoolVar(&o.summary, "summary", false, "print only the one-line summary")
	fl.StringVar(&o.failOn, "fail-on", "warning", "exit 1 when a finding of this severity or worse exists: error, warning or info")
	fl.StringVar(&o.now, "now", "", "reference time for ages (RFC 3339); default: the newest time in a dump, or the clock for a live cluster")
	fl.BoolVarP(&o.allNamespaces, "all-namespaces", "A", false, "report on all namespaces")
	fl.StringVarP(&o.selector, "selector", "l", "", "only pods (and workloads) matching this label selector, e.g. app=web,tier!=db")
	fl.DurationVar(&o.startupGrace, "startup-grace", o.startupGrace, "how long a pod may be Pending/ContainerCreating without an error before it is reported")
	fl.IntVar(&o.width, "width", 0, "text width (default: the terminal's, or 100)")
	fl.BoolVar(&o.logs, "logs", false, "live cluster: read the last lines of crashed containers' logs (current and previous instance) to find crash signatures")
	fl.Int64Var(&o.logLines, "log-lines", o.logLines, "with --logs: how many lines of each log")
	fl.Var(&o.consistent, "consistent-read", "live cluster: true, list with consistent reads in pages of 500 (served from the watch cache since Kubernetes 1.34, by etcd before); false, from the watch cache at resourceVersion 0 (one page per kind). Default: consistent on 1.34 and later")
	fl.Lookup("consistent-read").NoOptDefVal = "true"
	fl.StringVar(&o.inputFormat, "input-format", o.inputFormat, "format of -f input: auto, json, yaml, describe, events, get-pods, message or text (pasted kubectl output of any kind)")
	fl.StringVar(&o.maxInputSize, "max-input-size", o.maxInputSize, "the most read of one -f input (a file, a FIFO, stdin), e.g. 512MiB or 1GiB; pasted text may be a quarter of it, one YAML object an eighth")
	_ = root.RegisterFlagCompletionFunc("output", cobra.FixedCompletions([]string{"text", "json", "yaml", "markdown"}, cobra.ShellCompDirectiveNoFileComp))
	_ = root.RegisterFlagCompletionFunc("input-format", cobra.FixedCompletions(inputFormats, cobra.ShellCompDirectiveNoFileComp))
	_ = root.RegisterFlagCompletionFunc("lang", cobra.FixedCompletions([]string{"en", "zh"}, cobra.ShellCompDirectiveNoFileComp))
	_ = root.RegisterFlagCompletionFunc("fail-on", cobra.FixedCompletions([]string{"error", "warning", "info"}, cobra.ShellCompDirectiveNoFileComp))

	root.AddCommand(&cobra.Command{
		Use:   "version",
		Short: "Print podwhy's version",
		Args:  cobra.NoArgs,
		Run: func(cmd *cobra.Command, _ []string) {
			commit := ""
			if Commit != "" {
				commit = ", commit " + Commit
			}
			fmt.Fprintf(cmd.OutOrStdout(), "podwhy %s (report schema %s%s)\n", Version, report.APIVersion, commit)
		},
	})
	root.AddCommand(labCommand(o))
	root.AddCommand(watchCommand(o), serveCommand(o))
	root.AddCommand(fixCommand(o, stdio, code))
	root.AddCommand(lintCommand(o, stdio, code))
	root.AddCommand(mcpCommand(o))
	explainCmd := explainCommand(o, stdio, code)
	explainCmd.Flags().StringVar(&o.lang, "lang", "", "language: en or zh (default from LC_ALL/LC_MESSAGES/LANG)")
	explainCmd.Flags().StringVarP(&o.output, "output", "o", "text", "for a message: text, json or yaml")
	explainCmd.Flags().BoolVar(&o.noColor, "no-color", false, "never color the report")
	explainCmd.Flags().IntVar(&o.width, "width", 0, "text width (default: the terminal's, or 100)")
	root.AddCommand(explainCmd)
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	if isPlugin(stdio.Name) {
		asPlugin(root)
	}
	return root
}

// Main runs podwhy with args and returns the exit code.
func Main(args []string, stdio IO) int {
	code := ExitOK
	root := newCommand(stdio, &code)
	root.SetArgs(args)
	if err := root.Execute(); err != nil {
		// Errors quote input names and what the input said.
		fmt.Fprintln(stdio.Err, "podwhy: "+termsafe.Line(oneLine(err.Error())))
		var ue usageError
		var le *load.Error
		if errors.As(err, &ue) || errors.As(err, &le) || code == ExitOK {
			return ExitUsage
		}
		return ExitUsage
	}
	return code
}

// parseSize reads a byte count: 268435456, 256Mi, 256MiB, 1Gi, 500M.
func parseSize(s string) (int64, error) {
	t := strings.TrimSpace(s)
	// Quantities say Mi; people also write MiB and MB.
	if strings.HasSuffix(t, "iB") || strings.HasSuffix(t, "B") && len(t) > 1 && t[len(t)-2] >= 'A' && t[len(t)-2] <= 'Z' {
		t = strings.TrimSuffix(t, "B")
	}
	t = strings.ReplaceAll(t, " ", "")
	q, err := resource.ParseQuantity(t)
	if err != nil {
		return 0, fmt.Errorf("not a size: use bytes or a unit, e.g. 512MiB or 1GiB")
	}
	n, ok := q.AsInt64()
	if !ok || n < 1<<10 {
		return 0, fmt.Errorf("use at least 1KiB")
	}
	return n, nil
}

func oneLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return s
}

// language reads a --lang flag: en or zh, else the environment's.
func language(flag string) (i18n.Lang, error) {
	if flag == "" {
		return i18n.FromEnv(), nil
	}
	l, ok := i18n.ParseLang(flag)
	if !ok {
		return l, usageError{fmt.Errorf("--lang %q: use en or zh", flag)}
	}
	return l, nil
}

func run(o *options, targets []string, stdio IO) (int, error) {
	lang, err := language(o.lang)
	if err != nil {
		return ExitUsage, err
	}
	failOn, ok := diagnose.ParseSeverity(o.failOn)
	if !ok {
		return ExitUsage, usageError{fmt.Errorf("--fail-on %q: use error, warning or info", o.failOn)}
	}
	switch o.output {
	case "text", "json", "yaml", "markdown", "md":
	default:
		return ExitUsage, usageError{fmt.Errorf("--output %q: use text, json, yaml or markdown", o.output)}
	}
	res, err := diagnosis(o, targets, stdio)
	if err != nil {
		return ExitUsage, err
	}
	doc := report.Build(res, lang)

	switch {
	case o.summary:
		err = report.SummaryLine(stdio.Out, doc)
	case o.output == "json":
		err = report.JSON(stdio.Out, doc)
	case o.output == "yaml":
		err = report.YAML(stdio.Out, doc)
	case o.output == "markdown" || o.output == "md":
		err = report.Markdown(stdio.Out, doc, lang)
	default:
		err = report.Text(stdio.Out, doc, textOptions(o, stdio, lang))
	}
	if err != nil {
		return ExitUsage, fmt.Errorf("write report: %w", err)
	}
	for _, f := range res.Findings {
		if f.Severity >= failOn {
			return ExitProblems, nil
		}
	}
	return ExitOK, nil
}

// isPlugin: installed as kubectl-why (kubectl-why.exe on Windows), podwhy
// runs as the kubectl plugin "kubectl why".
func isPlugin(name string) bool {
	base := name[strings.LastIndexAny(name, `/\`)+1:]
	base = strings.TrimSuffix(strings.ToLower(base), ".exe")
	return strings.HasPrefix(base, "kubectl-")
}

// asPlugin makes help, usage and examples of every command say
// "kubectl why …": cobra names a command path after the root's first word,
// which would be kubectl's own (kubectl explain is another command).
func asPlugin(root *cobra.Command) {
	root.Use = strings.Replace(root.Use, "podwhy", "why", 1)
	if root.Annotations == nil {
		root.Annotations = map[string]string{}
	}
	root.Annotations[cobra.CommandDisplayNameAnnotation] = "kubectl why"
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.Example = pluginExamples.ReplaceAllString(c.Example, "${1}kubectl why")
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
}

// pluginExamples finds podwhy as the command of an example line or after a
// pipe.
var pluginExamples = regexp.MustCompile(`(?m)(^[ \t]*|\|[ \t]*)podwhy\b`)

// textOptions are the terminal report's layout: --width, else the
// terminal's; colour on a terminal unless --no-color or NO_COLOR.
func textOptions(o *options, stdio IO, lang i18n.Lang) report.TextOptions {
	width := o.width
	if width == 0 {
		width = stdio.Width
	}
	color := stdio.IsTerminal && !o.noColor && os.Getenv("NO_COLOR") == ""
	return report.TextOptions{Lang: lang, Color: color, Width: width}
}

// diagnosis reads a run's input — the -f dumps and pasted texts, or else
// the live cluster — runs the rules and keeps the findings in scope: the
// namespace, the targets and the label selector. `podwhy mcp` asks it too.
func diagnosis(o *options, targets []string, stdio IO) (*diagnose.Result, error) {
	var now time.Time
	if o.now != "" {
		t, err := time.Parse(time.RFC3339, o.now)
		if err != nil {
			return nil, usageError{fmt.Errorf("--now %q: not an RFC 3339 time like 2026-01-02T15:04:05Z", o.now)}
		}
		now = t
	}
	tgts, err := parseTargets(targets)
	if err != nil {
		return nil, usageError{err}
	}
	sel, err := parseSelector(o.selector)
	if err != nil {
		return nil, usageError{err}
	}

	dopts := diagnose.DefaultOptions()
	dopts.StartupGrace = o.startupGrace
	var snap *snapshot.Snapshot
	namespace := ""
	if len(o.files) == 0 && len(o.texts) == 0 && o.allNamespaces && !o.logs && len(tgts) == 0 && sel == nil {
		// Every namespace, nothing to filter by: the whole cluster is
		// held compact and diagnosed a chunk at a time (liveListed).
		return liveListed(o, now, stdio, dopts)
	}
	if len(o.files) > 0 || len(o.texts) > 0 {
		if snap, err = dumpSnapshot(o, now, stdio); err != nil {
			return nil, err
		}
		// A dump is read whole: a namespace applies only when asked for.
		switch {
		case o.allNamespaces:
		case o.namespace != "":
			namespace = o.namespace
		case o.kube.Namespace != nil:
			namespace = *o.kube.Namespace
		}
	} else {
		s, ns, err := liveSnapshot(o, now, stdio, liveScope{targets: tgts})
		if err != nil {
			return nil, err
		}
		snap, namespace = s, ns
	}

	res := diagnose.Run(snap, dopts)
	res.Findings = filterFindings(res.Findings, snap, namespace, tgts, sel)
	return res, nil
}

// dumpSnapshot reads the -f inputs and the pasted texts into one snapshot.
func dumpSnapshot(o *options, now time.Time, stdio IO) (*snapshot.Snapshot, error) {
	b := snapshot.NewBuilder()
	in, err := newInputs(b, o.inputFormat, now)
	if err != nil {
		return nil, usageError{err}
	}
	l := in.l
	l.Stdin = stdio.In
	if l.MaxInput, err = parseSize(o.maxInputSize); err != nil {
		return nil, usageError{fmt.Errorf("--max-input-size %q: %w", o.maxInputSize, err)}
	}
	// One unreadable input does not hide what the others hold: it is
	// named on stderr and in the report's notes.
	var errs []error
	names := slices.Clone(o.files)
	for i := range len(o.files) + len(o.texts) {
		if i < len(o.files) {
			err = l.Path(o.files[i])
		} else {
			name := "text"
			if len(o.texts) > 1 {
				name = fmt.Sprintf("text %d", i-len(o.files)+1)
			}
			names = append(names, name)
			err = l.Reader(name, "", strings.NewReader(o.texts[i-len(o.files)]))
		}
		if err != nil {
			if errors.Is(err, load.ErrLimit) {
				// Read only in part: what was read of it would be
				// diagnosed as if it were all.
				return nil, err
			}
			errs = append(errs, err)
		}
	}
	if err := in.finish(); err != nil {
		errs = append(errs, err)
	}
	for _, s := range l.Skipped {
		errs = append(errs, s)
	}
	if l.Stats.Objects == 0 {
		if len(errs) > 0 {
			return nil, errs[0]
		}
		input := strings.Join(names, ", ")
		if input == "-" {
			input = "stdin"
		}
		return nil, &load.Error{Input: input, Msg: "no Kubernetes objects podwhy can use (pods, events, nodes, workloads…)"}
	}
	for _, err := range errs {
		fmt.Fprintln(stdio.Err, "podwhy: skipped "+termsafe.Line(oneLine(err.Error())))
		b.Note("skipped " + oneLine(err.Error()))
	}
	return b.Build(now), nil
}
