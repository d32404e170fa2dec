// Package serve is podwhy running inside the cluster: the watch engine
// behind an HTTP server with Prometheus metrics, a JSON API of findings in
// the report's own schema (podwhy.dev/v1), a stream of changes
// (server-sent events) and a web page embedded in the binary.
package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/watch"
)

// Options for a server.
type Options struct {
	// Lang is the language of log lines and emitted Events, and of the API
	// when a request names none.
	Lang i18n.Lang
	// Log receives one line per notable happening; nil discards.
	Log io.Writer
	// ShutdownTimeout bounds a graceful shutdown (default 10 s).
	ShutdownTimeout time.Duration
	// Heartbeat is the interval of keep-alive comments on event streams
	// (default 15 s), so proxies do not close idle ones.
	Heartbeat time.Duration
	// ReadTimeout bounds reading a whole request, headers included
	// (default 30 s): a client trickling bytes cannot hold a connection.
	ReadTimeout time.Duration
	// WriteTimeout bounds writing a response (default 60 s). An event
	// stream lives longer: it renews the limit before each write, so only
	// a client that stops reading is let go.
	WriteTimeout time.Duration
	// IdleTimeout closes a kept-alive connection that sends nothing
	// (default 120 s).
	IdleTimeout time.Duration
	// MaxStreams caps concurrent event streams (default 100): each holds a
	// connection, a goroutine and a subscription to the engine. One more
	// gets 503 with Retry-After.
	MaxStreams int
	// Auth, when set, admits a request (all but /healthz and /readyz, for the
	// kubelet's probes) only with a bearer token Kubernetes accepts whose
	// user may get findings.podwhy.dev.
	Auth *KubeAuth
	// AllowedHosts are Host names (with or without a port) accepted beside
	// localhost, 127.0.0.1, [::1] and the listen address when serving
	// without Auth on loopback; see Serve.
	AllowedHosts []string
	// MCP, when set, answers at /mcp (podwhy's MCP tools over streamable
	// HTTP), behind the same Host check and authentication.
	MCP http.Handler
}

// Server serves one engine.
type Server struct {
	e       *watch.Engine
	o       Options
	reg     *prometheus.Registry
	metrics *metrics
	mux     *http.ServeMux
	// closing ends event streams at shutdown: http.Server.Shutdown waits
	// for handlers, and a stream would otherwise never return.
	closing   chan struct{}
	closeOnce sync.Once
	logMu     sync.Mutex
	// streams holds one token per open event stream (MaxStreams).
	streams chan struct{}
}

// New makes a server for an engine that has not been started yet (its
// metrics listen to every diagnosis from the first).
func New(e *watch.Engine, o Options) *Server {
	if o.Lang == "" {
		o.Lang = i18n.EN
	}
	if o.ShutdownTimeout <= 0 {
		o.ShutdownTimeout = 10 * time.Second
	}
	if o.Heartbeat <= 0 {
		o.Heartbeat = 15 * time.Second
	}
	if o.ReadTimeout <= 0 {
		o.ReadTimeout = 30 * time.Second
	}
	if o.WriteTimeout <= 0 {
		o.WriteTimeout = 60 * time.Second
	}
	if o.IdleTimeout <= 0 {
		o.IdleTimeout = 120 * time.Second
	}
	if o.MaxStreams <= 0 {
		o.MaxStreams = 100
	}
	s := &Server{e: e, o: o, reg: prometheus.NewRegistry(), closing: make(chan struct{}),
		streams: make(chan struct{}, o.MaxStreams)}
	s.metrics = newMetrics(e, s.reg)
	e.OnScan(s.metrics.observe)
	s.routes()
	return s
}

// Handler is the server's HTTP handler, authentication included when
// Options.Auth is set (tests use it with httptest). The Host check needs
// the listen address: Serve adds it.
func (s *Server) Handler() http.Handler {
	if s.o.Auth == nil {
		return s.mux
	}
	return s.o.Auth.wrap(s.mux, s.Logf)
}

// Registry holds the server's metrics.
func (s *Server) Registry() *prometheus.Registry { return s.reg }

// Serve answers on ln until ctx ends, then shuts down gracefully: new
// connections are refused, streams end, requests in flight finish (up to
// ShutdownTimeout). Without Auth on a loopback address (or with
// AllowedHosts) it answers only requests whose Host it knows: a web page
// elsewhere that rebinds its own name to 127.0.0.1 cannot read it.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	h := s.Handler()
	switch {
	case s.o.Auth != nil:
		s.Logf(i18n.T("serve.auth-on", AuthVerb, AuthResource+"."+AuthGroup))
	case isLoopback(ln.Addr()) || len(s.o.AllowedHosts) > 0:
		h = hostCheck(ln.Addr().String(), s.o.AllowedHosts, h)
	}
	if s.o.Auth == nil && !isLoopback(ln.Addr()) {
		// A Host check authenticates nobody: say so where it matters.
		s.Logf(i18n.T("serve.auth-off", ln.Addr().String()))
	}
	hs := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: min(10*time.Second, s.o.ReadTimeout),
		ReadTimeout:       s.o.ReadTimeout,
		WriteTimeout:      s.o.WriteTimeout,
		IdleTimeout:       s.o.IdleTimeout,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	hs.RegisterOnShutdown(s.close)
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		s.close()
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	s.Logf(i18n.T("serve.shutting"))
	sctx, cancel := context.WithTimeout(context.Background(), s.o.ShutdownTimeout)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}

func (s *Server) close() { s.closeOnce.Do(func() { close(s.closing) }) }

// Logf writes one line in the server's language.
func (s *Server) Logf(m i18n.Msg) {
	if s.o.Log == nil {
		return
	}
	s.logMu.Lock()
	defer s.logMu.Unlock()
	fmt.Fprintf(s.o.Log, "%s %s\n", time.Now().UTC().Format(time.RFC3339), m.String(s.o.Lang))
}
