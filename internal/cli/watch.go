package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/rest"
	"k8s.io/klog/v2"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/memlimit"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/termsafe"
	"github.com/podwhy/podwhy/internal/watch"
)

// streamFlags are the flags watch and serve share with the one-off run.
type streamFlags struct {
	lang         string
	all          bool
	startupGrace time.Duration
}

func (f *streamFlags) add(cmd *cobra.Command) {
	cmd.Flags().StringVar(&f.lang, "lang", "", "language: en or zh (default from LC_ALL/LC_MESSAGES/LANG)")
	cmd.Flags().BoolVarP(&f.all, "all-namespaces", "A", false, "watch all namespaces")
	cmd.Flags().DurationVar(&f.startupGrace, "startup-grace", diagnose.DefaultOptions().StartupGrace, "how long a pod may be Pending/ContainerCreating without an error before it is reported")
}

func (f *streamFlags) language() (i18n.Lang, error) { return language(f.lang) }

func (f *streamFlags) diagnoseOptions() diagnose.Options {
	d := diagnose.DefaultOptions()
	d.StartupGrace = f.startupGrace
	return d
}

// kubeClient makes a client from kubectl's flags, speaking protobuf like
// the one-off run (smaller and faster to decode for informers too).
func kubeClient(o *options) (kubernetes.Interface, *rest.Config, error) {
	cfg, err := o.kube.ToRESTConfig()
	if err != nil {
		return nil, nil, fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
	}
	cfg = rest.CopyConfig(cfg)
	cfg.ContentType = "application/vnd.kubernetes.protobuf"
	cfg.AcceptContentTypes = "application/vnd.kubernetes.protobuf,application/json"
	if cfg.QPS == 0 {
		cfg.QPS, cfg.Burst = 50, 100
	}
	cs, err := kubernetes.NewForConfig(cfg)
	if err != nil {
		return nil, nil, fmt.Errorf("kubernetes client: %w", err)
	}
	return cs, cfg, nil
}

// engineClient is the client of the engine's informers: its transport
// tells the engine when the API server stops answering.
func engineClient(cfg *rest.Config, e *watch.Engine) (kubernetes.Interface, error) {
	c := rest.CopyConfig(cfg)
	c.Wrap(e.Observe)
	cs, err := kubernetes.NewForConfig(c)
	if err != nil {
		return nil, fmt.Errorf("kubernetes client: %w", err)
	}
	return cs, nil
}

// contextNamespace is the kubeconfig context's namespace (like kubectl).
func contextNamespace(o *options) (string, error) {
	n, _, err := o.kube.ToRawKubeConfigLoader().Namespace()
	if err != nil {
		return "", fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
	}
	return n, nil
}

// requestTimeout reads --request-timeout (default 30 s).
func requestTimeout(o *options) (time.Duration, error) {
	if o.kube.Timeout != nil && *o.kube.Timeout != "" && *o.kube.Timeout != "0" {
		d, err := time.ParseDuration(*o.kube.Timeout)
		if err != nil {
			return 0, usageError{fmt.Errorf("--request-timeout %q: use a duration like 10s", *o.kube.Timeout)}
		}
		return d, nil
	}
	return 30 * time.Second, nil
}

// watchCommand is `podwhy watch`: the diagnosis kept current, printed as
// findings open and resolve — a live view on a terminal, JSON lines
// otherwise.
func watchCommand(o *options) *cobra.Command {
	var f streamFlags
	cmd := &cobra.Command{
		Use:   "watch",
		Short: "Watch the cluster and print findings as they open and resolve (JSON lines when not on a terminal)",
		Long: `podwhy watch keeps the diagnosis of the cluster current with informers
(one LIST, then WATCH) and prints what changes: on a terminal, the current
findings and then each new or resolved one as it happens; otherwise one JSON
object per line:

  {"type":"opened","time":"…","initial":true,"finding":{…}}
  {"type":"resolved","time":"…","id":"…","finding":{…}}
  {"type":"updated","time":"…","finding":{…}}
  {"type":"error","time":"…","error":"…"}

Findings are the report schema's (podwhy.dev/v1). Read-only: it needs list
and watch on the kinds podwhy reads (deploy/rbac.yaml plus "watch").`,
		Example: `  podwhy watch -A
  podwhy watch -n shop --lang zh
  podwhy watch -A | jq -c 'select(.type=="opened") | .finding.reason'`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runWatch(cmd.Context(), o, &f, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
	}
	f.add(cmd)
	return cmd
}

func runWatch(ctx context.Context, o *options, f *streamFlags, out, errw io.Writer) error {
	lang, err := f.language()
	if err != nil {
		return err
	}
	ns := ""
	if !f.all {
		if ns, err = contextNamespace(o); err != nil {
			return err
		}
	}
	timeout, err := requestTimeout(o)
	if err != nil {
		return err
	}
	_, cfg, err := kubeClient(o)
	if err != nil {
		return err
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	v := newWatchView(out, lang)
	// client-go's own log lines would break the view; the engine reports
	// API trouble itself.
	klog.LogToStderr(false)
	klog.SetOutput(io.Discard)
	memlimit.Apply(os.Getenv, "/sys/fs/cgroup")
	e := watch.New(watch.Options{Namespace: ns, Diagnose: f.diagnoseOptions(), Host: cfg.Host, RequestTimeout: timeout,
		OnAPIError: func(_ string, err error) { v.apiError(err) }})
	v.render = func(st *watch.State, fs []*diagnose.Finding) report.Doc { return e.Render(st, fs, lang) }
	e.OnScan(v.scan)
	scope := i18n.T("watch.scope.all")
	if ns != "" {
		scope = i18n.T("watch.scope.ns", ns)
	}
	if v.tty {
		fmt.Fprintln(errw, i18n.T("watch.syncing", scope, cfg.Host).String(lang))
	}
	ecs, err := engineClient(cfg, e)
	if err != nil {
		return err
	}
	if err := e.Start(ctx, ecs); err != nil {
		return err
	}
	if v.tty {
		go func() {
			for !e.Ready() {
				select {
				case <-ctx.Done():
					return
				case <-time.After(50 * time.Millisecond):
				}
			}
			v.line(i18n.T("watch.watching", scope).String(lang))
		}()
	}
	<-ctx.Done()
	e.Stop()
	return nil
}

// watchView prints changes: text on a terminal, JSON lines otherwise.
type watchView struct {
	mu      sync.Mutex
	w       io.Writer
	lang    i18n.Lang
	tty     bool
	color   bool
	width   int
	lost    bool
	lastErr string
	// render is the engine's (report.Build serialised).
	render func(*watch.State, []*diagnose.Finding) report.Doc
}

func newWatchView(w io.Writer, lang i18n.Lang) *watchView {
	v := &watchView{w: w, lang: lang}
	if fd, ok := w.(interface{ Fd() uintptr }); ok && term.IsTerminal(int(fd.Fd())) {
		v.tty = true
		v.color = os.Getenv("NO_COLOR") == ""
		if cw, _, err := term.GetSize(int(fd.Fd())); err == nil {
			v.width = cw
		}
	}
	return v
}

func (v *watchView) line(s string) {
	v.mu.Lock()
	defer v.mu.Unlock()
	fmt.Fprintln(v.w, s)
}

func (v *watchView) json(obj any) {
	v.mu.Lock()
	defer v.mu.Unlock()
	b, err := json.Marshal(obj)
	if err == nil {
		fmt.Fprintf(v.w, "%s\n", b)
	}
}

// watchLine is one JSON line of podwhy watch.
type watchLine struct {
	Type    string          `json:"type"`
	Time    time.Time       `json:"time"`
	Initial bool            `json:"initial,omitempty"`
	ID      string          `json:"id,omitempty"`
	Finding *report.Finding `json:"finding,omitempty"`
	Error   string          `json:"error,omitempty"`
}

func (v *watchView) apiError(err error) {
	v.mu.Lock()
	already := v.lost && v.lastErr == err.Error()
	v.lost, v.lastErr = true, err.Error()
	v.mu.Unlock()
	if already {
		return
	}
	if !v.tty {
		v.json(watchLine{Type: "error", Time: time.Now().UTC(), Error: err.Error()})
		return
	}
	v.line(v.stamp() + i18n.T("watch.lost", termsafe.Line(err.Error())).String(v.lang))
}

func (v *watchView) stamp() string { return time.Now().Format("15:04:05") + "  " }

func (v *watchView) scan(st *watch.State, ch watch.Change) {
	v.mu.Lock()
	back := v.lost && ch.Gen > 0
	v.lost = false
	v.mu.Unlock()
	if ch.Empty() && !ch.Initial {
		return
	}
	render := func(fs []*diagnose.Finding) report.Doc { return v.render(st, fs) }
	if !v.tty {
		for _, c := range []struct {
			typ string
			fs  []*diagnose.Finding
		}{{"opened", ch.Opened}, {"updated", ch.Updated}, {"resolved", ch.Resolved}} {
			if len(c.fs) == 0 {
				continue
			}
			for _, f := range render(c.fs).Findings {
				l := watchLine{Type: c.typ, Time: ch.Time.UTC(), Initial: ch.Initial, Finding: &f}
				if c.typ == "resolved" {
					l.ID = f.ID
				}
				v.json(l)
			}
		}
		return
	}
	v.mu.Lock()
	defer v.mu.Unlock()
	if back && !ch.Initial {
		fmt.Fprintln(v.w, v.stamp()+i18n.T("watch.back").String(v.lang))
	}
	opts := report.TextOptions{Lang: v.lang, Color: v.color, Width: v.width}
	if ch.Initial {
		doc := render(st.Result.Findings)
		if len(doc.Findings) == 0 {
			fmt.Fprintln(v.w, i18n.T("watch.no-problems").String(v.lang))
		}
		_ = report.Text(v.w, doc, opts)
		fmt.Fprintln(v.w)
		return
	}
	if len(ch.Opened) > 0 {
		fmt.Fprintln(v.w, v.paint("\x1b[1;31m", v.stamp()+i18n.T("watch.opened").String(v.lang)))
		doc := render(ch.Opened)
		doc.Notes = nil
		// The summary line is the whole cluster's, printed once below.
		_ = report.Text(v.w, report.Doc{Now: doc.Now, Findings: doc.Findings}, opts)
	}
	for _, f := range render(ch.Resolved).Findings {
		f = termsafe.Copy(f)
		subj := f.Subject.Kind + " " + f.Subject.Name
		if f.Namespace != "" {
			subj = f.Subject.Kind + " " + f.Namespace + "/" + f.Subject.Name
		}
		fmt.Fprintln(v.w, v.paint("\x1b[1;32m", v.stamp()+i18n.T("watch.resolved").String(v.lang))+"  "+f.Class+" · "+f.Reason+"  ["+f.ID+"]  "+subj)
	}
	if len(ch.Opened)+len(ch.Resolved) > 0 {
		fmt.Fprintln(v.w, v.paint("\x1b[2m", render(st.Result.Findings).Summary.Text))
		fmt.Fprintln(v.w)
	}
}

func (v *watchView) paint(code, s string) string {
	if !v.color {
		return s
	}
	return code + s + "\x1b[0m"
}
