package cli

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/mcp"
	"github.com/podwhy/podwhy/internal/memlimit"
	"github.com/podwhy/podwhy/internal/serve"
	"github.com/podwhy/podwhy/internal/watch"
)

// serveFlags are serve's own flags.
type serveFlags struct {
	addr         string
	auth         string
	allowedHosts []string
	maxStreams   int
	emit         bool
}

// serveCommand is `podwhy serve`: the watch engine behind an HTTP server
// (web page, /metrics, /api/v1/findings), meant to run in the cluster.
func serveCommand(o *options) *cobra.Command {
	var f streamFlags
	var sf serveFlags
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the live diagnosis: a web page, Prometheus /metrics and a JSON API (runs in the cluster)",
		Long: `podwhy serve watches the cluster like podwhy watch and serves:

  /                        the findings by namespace and owner, live (English, Chinese)
  /metrics                 Prometheus: podwhy_findings{namespace,class,reason,severity,owner_kind,owner},
                           podwhy_findings_opened_total, podwhy_findings_resolved_total,
                           podwhy_scan_duration_seconds, podwhy_informer_synced{kind}, …
  /api/v1/findings         the report document (podwhy.dev/v1); filters ?namespace= ?class=
                           ?severity= ?reason= ?ownerKind= ?owner= (comma lists), ?lang=en|zh
  /api/v1/findings/{id}    one finding
  /api/v1/events           server-sent events: opened, updated, resolved, scan
  /healthz, /readyz        alive; ready once every informer has synced
  /mcp                     the tools of podwhy mcp (streamable HTTP; read-only; files
                           refused: paste kubectl output as text)

It listens on 127.0.0.1:8080 unless --addr says otherwise, and there answers
only requests addressed to localhost, 127.0.0.1, [::1] or --allowed-host
(a web page elsewhere cannot read it by rebinding its name to 127.0.0.1).
In a cluster use --addr=:8080 --auth=kubernetes: every request but /healthz
and /readyz then needs a bearer token that the API server accepts
(TokenReview) and whose user may get findings.podwhy.dev
(SubjectAccessReview; RBAC: apiGroups [podwhy.dev], resources [findings],
verbs [get]). podwhy's ServiceAccount needs create on tokenreviews and
subjectaccessreviews (the ClusterRole system:auth-delegator).

Without -n it watches every namespace. It only reads, unless --emit-events:
then it writes one Kubernetes Event on the object of each finding that opens
(RBAC: create and patch on events). SIGTERM or SIGINT shut it down
gracefully. deploy/serve.yaml and charts/podwhy run it in a cluster.`,
		Example: `  podwhy serve                                   # http://127.0.0.1:8080
  podwhy serve --addr=:8080 --auth=kubernetes    # in a cluster
  podwhy serve -n shop --lang zh --emit-events`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runServe(cmd.Context(), o, &f, &sf, cmd)
		},
	}
	f.add(cmd)
	cmd.Flags().Lookup("all-namespaces").Usage = "watch all namespaces (the default unless -n is given)"
	cmd.Flags().StringVar(&sf.addr, "addr", "127.0.0.1:8080", "address to listen on (:8080 for every interface, as in a cluster)")
	cmd.Flags().StringVar(&sf.auth, "auth", "none", "none, or kubernetes: each request needs a bearer token allowed to get findings.podwhy.dev (TokenReview, SubjectAccessReview)")
	cmd.Flags().StringArrayVar(&sf.allowedHosts, "allowed-host", nil, "a Host name (with or without :port) to answer besides localhost, 127.0.0.1 and [::1] without --auth (repeatable)")
	cmd.Flags().IntVar(&sf.maxStreams, "max-streams", 100, "most event streams (/api/v1/events) open at once; one more gets 503")
	cmd.Flags().BoolVar(&sf.emit, "emit-events", false, "write a Kubernetes Event on the affected object when a finding opens (podwhy's only write)")
	return cmd
}

func runServe(ctx context.Context, o *options, f *streamFlags, sf *serveFlags, cmd *cobra.Command) error {
	lang, err := f.language()
	if err != nil {
		return err
	}
	if sf.auth != "none" && sf.auth != "kubernetes" {
		return usageError{fmt.Errorf("--auth %q: use none or kubernetes", sf.auth)}
	}
	if sf.maxStreams < 1 {
		return usageError{fmt.Errorf("--max-streams %d: at least 1", sf.maxStreams)}
	}
	// In a cluster the context namespace is the pod's own: serve watches
	// everything unless told otherwise.
	ns := ""
	if !f.all && o.kube.Namespace != nil && *o.kube.Namespace != "" {
		ns = *o.kube.Namespace
	}
	timeout, err := requestTimeout(o)
	if err != nil {
		return err
	}
	cs, cfg, err := kubeClient(o)
	if err != nil {
		return err
	}
	// Listen first: a taken or malformed address fails at once.
	ln, err := net.Listen("tcp", sf.addr)
	if err != nil {
		return usageError{fmt.Errorf("--addr %s: %s", sf.addr, oneLine(err.Error()))}
	}
	if ctx == nil {
		ctx = context.Background()
	}
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()

	logw := cmd.ErrOrStderr()
	var s *serve.Server
	e := watch.New(watch.Options{Namespace: ns, Diagnose: f.diagnoseOptions(), Host: cfg.Host, RequestTimeout: timeout,
		WaitForAPI: true, OnAPIError: func(_ string, err error) { s.Logf(i18n.T("serve.api-error", err.Error())) }})
	so := serve.Options{Lang: lang, Log: logw, MaxStreams: sf.maxStreams, AllowedHosts: sf.allowedHosts}
	// The MCP tools read the cluster with serve's own credentials, and no
	// files of the pod: callers paste text instead.
	so.MCP = mcp.HTTPHandler(mcp.New(&mcpBackend{o: o}, mcp.Options{Version: Version, Lang: lang, NoFiles: true}))
	if sf.auth == "kubernetes" {
		so.Auth = serve.NewKubeAuth(cs, serve.KubeAuthOptions{})
	}
	s = serve.New(e, so)
	e.OnScan(func(_ *watch.State, ch watch.Change) {
		if ch.Initial {
			s.Logf(i18n.T("serve.ready", e.Doc(lang).Summary.Text))
		}
	})
	if sf.emit {
		em := serve.EmitEvents(ctx, e, cs, lang)
		defer em.Stop()
		s.Logf(i18n.T("serve.events-on"))
	}
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln) }()
	s.Logf(i18n.T("serve.listening", ln.Addr().String()))
	if m := memlimit.Apply(os.Getenv, "/sys/fs/cgroup"); m.Limit > 0 {
		s.Logf(i18n.T("serve.memlimit", m.Limit>>20, m.Cgroup>>20))
	}
	ecs, err := engineClient(cfg, e)
	if err != nil {
		stop()
		<-served
		return err
	}
	if err := e.Start(ctx, ecs); err != nil {
		stop()
		<-served
		if ctx.Err() != nil && errors.Is(err, context.Canceled) {
			return nil
		}
		return err
	}
	err = <-served
	stop()
	e.Stop()
	return err
}
