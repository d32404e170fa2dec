package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/spf13/cobra"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/mcp"
	"github.com/podwhy/podwhy/internal/report"
)

// mcpCommand is `podwhy mcp`: podwhy's diagnoses as Model Context Protocol
// tools, for AI assistants and agents.
func mcpCommand(o *options) *cobra.Command {
	var addr, lang string
	cmd := &cobra.Command{
		Use:   "mcp",
		Short: "Serve podwhy as a Model Context Protocol server (diagnose, explain, lint, get_finding; read-only)",
		Long: `podwhy mcp serves podwhy's diagnoses to AI assistants and agents over the
Model Context Protocol: on stdin/stdout by default, or over streamable HTTP
at http://ADDR/mcp with --http ADDR.

Tools, all read-only (none changes a cluster):

  diagnose     unhealthy pods and their root causes: a live cluster (this
               kubeconfig, --context, -n), dump files, or pasted kubectl text;
               structured content in the report schema (podwhy.dev/v1)
  get_finding  one finding by id, with its evidence and steps as argv
  explain      a pod state (CrashLoopBackOff, …) or one pasted message
  lint         manifests before they are applied

Files are read with podwhy's permissions and the cluster with its
kubeconfig's: --http serves whoever reaches ADDR, with no authentication,
so keep it on 127.0.0.1 (the default host); requests to a loopback address
naming another Host are refused (DNS rebinding).`,
		Example: `  podwhy mcp                                  # stdio, e.g. in an assistant's MCP configuration
  podwhy mcp --context prod -n shop --lang zh
  podwhy mcp --http 127.0.0.1:8090            # http://127.0.0.1:8090/mcp`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			l, err := language(lang)
			if err != nil {
				return err
			}
			srv := newMCPServer(o, l)
			ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			if addr == "" {
				err := srv.Run(ctx, &sdk.StdioTransport{})
				if ctx.Err() != nil || errors.Is(err, io.EOF) {
					return nil
				}
				return err
			}
			return serveMCP(ctx, srv, addr, cmd.ErrOrStderr())
		},
	}
	cmd.Flags().StringVar(&addr, "http", "", "serve streamable HTTP on ADDR (e.g. 127.0.0.1:8090) at /mcp instead of stdio")
	cmd.Flags().StringVar(&lang, "lang", "", "language of answers when a call names none: en or zh (default from LC_ALL/LC_MESSAGES/LANG)")
	return cmd
}

// NewMCPServer is the server podwhy mcp runs, with the flags' defaults:
// the kubeconfig of the environment (tests run it in memory).
func NewMCPServer(lang i18n.Lang) *sdk.Server { return newMCPServer(newOptions(), lang) }

func newMCPServer(o *options, lang i18n.Lang) *sdk.Server {
	return mcp.New(&mcpBackend{o: o}, mcp.Options{Version: Version, Lang: lang})
}

// serveMCP answers streamable HTTP at /mcp until ctx ends.
func serveMCP(ctx context.Context, srv *sdk.Server, addr string, logw io.Writer) error {
	if !strings.Contains(addr, ":") {
		addr = "127.0.0.1:" + addr
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return usageError{fmt.Errorf("--http %s: %s", addr, oneLine(err.Error()))}
	}
	mux := http.NewServeMux()
	mux.Handle("/mcp", mcp.HTTPHandler(srv))
	hs := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 120 * time.Second}
	fmt.Fprintf(logw, "podwhy: MCP server on http://%s/mcp\n", ln.Addr())
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = hs.Shutdown(sctx)
	return nil
}

// mcpBackend does a tool's diagnosis as the root command does it, with the
// command line's kubeconfig flags and defaults.
type mcpBackend struct{ o *options }

func (b *mcpBackend) Diagnose(_ context.Context, r mcp.Request) (report.Doc, error) {
	o := &options{kube: b.o.kube, files: r.Files, namespace: r.Namespace, allNamespaces: r.AllNamespaces,
		selector: r.Selector, startupGrace: b.o.startupGrace, logs: r.Logs, logLines: b.o.logLines,
		inputFormat: "auto", maxInputSize: b.o.maxInputSize}
	if r.Text != "" {
		o.texts = []string{r.Text}
	}
	// stdout is the protocol's: nothing else is written there.
	res, err := diagnosis(o, r.Targets, IO{In: strings.NewReader(""), Out: io.Discard, Err: io.Discard})
	if err != nil {
		return report.Doc{}, err
	}
	return report.Build(res, r.Lang), nil
}

func (b *mcpBackend) ExplainMessage(_ context.Context, msg string, lang i18n.Lang) (report.Doc, error) {
	return explainMessage(msg, lang)
}
