// Package mcp exposes podwhy over the Model Context Protocol: four
// read-only tools — diagnose, explain, lint and get_finding — answering
// with the report schema (docs/schema/report-v1.json) as structured content
// and the text report beside it, over stdio or streamable HTTP.
//
// The work itself is the commands': diagnose and a pasted message's
// explanation come from a Backend (internal/cli provides it, with the
// kubeconfig handling and input readers of the command line); states,
// manifests and rendering from internal/explain, internal/lint and
// internal/report.
package mcp

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"sync"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
)

// Request is one diagnosis a tool asks for.
type Request struct {
	// Namespace limits the report; "" is the kubeconfig context's for a
	// live cluster, every namespace of a dump or paste.
	Namespace     string
	AllNamespaces bool
	// Targets are TARGET arguments: NAME, pod/NAME, deploy/NAME, ….
	Targets  []string
	Selector string
	// Files are dumps (files or folders); Text is pasted kubectl output.
	// Neither: the live cluster.
	Files []string
	Text  string
	// Logs reads crashed containers' logs from a live cluster.
	Logs bool
	Lang i18n.Lang
}

// Live reports whether the request reads the cluster.
func (r Request) Live() bool { return len(r.Files) == 0 && r.Text == "" }

// Backend does the diagnoses, as the command line does them.
type Backend interface {
	// Diagnose reads the request's input and returns its report. Its
	// errors are what the command line prints for the same input.
	Diagnose(ctx context.Context, r Request) (report.Doc, error)
	// ExplainMessage diagnoses one pasted event or status message, as
	// "podwhy explain MESSAGE" does.
	ExplainMessage(ctx context.Context, msg string, lang i18n.Lang) (report.Doc, error)
}

// Options configure a server.
type Options struct {
	// Version is podwhy's, reported in serverInfo.
	Version string
	// Lang is the language of answers when a call names none.
	Lang i18n.Lang
	// NoFiles refuses the files input: a server others reach should not
	// read its own file system for them.
	NoFiles bool
}

// maxSessions bounds the last reports kept for get_finding.
const maxSessions = 64

// server holds what the tools share: the backend and each session's last
// report.
type server struct {
	b    Backend
	o    Options
	mu   sync.Mutex
	last map[*sdk.ServerSession]diagnosis
	// order is the sessions of last, oldest first.
	order []*sdk.ServerSession
}

// New returns an MCP server with podwhy's tools.
func New(b Backend, o Options) *sdk.Server {
	if o.Lang == "" {
		o.Lang = i18n.EN
	}
	if o.Version == "" {
		o.Version = "dev"
	}
	s := &server{b: b, o: o, last: map[*sdk.ServerSession]diagnosis{}}
	srv := sdk.NewServer(&sdk.Implementation{Name: "podwhy", Title: "podwhy", Version: o.Version}, &sdk.ServerOptions{
		Instructions: "podwhy diagnoses unhealthy Kubernetes pods: the root cause, the evidence that proves it and the commands that fix it. " +
			"Every tool is read-only: none changes a cluster. Call diagnose (a live cluster, dump files, or pasted kubectl output), " +
			"then get_finding with a finding's id for its evidence and steps as argv; explain for a state or one message; lint for manifests.",
	})
	srv.AddReceivingMiddleware(oneLineErrors)
	s.addTools(srv)
	return srv
}

// HTTPHandler serves srv over streamable HTTP. Requests that reach a
// loopback address with another Host are refused (DNS rebinding).
func HTTPHandler(srv *sdk.Server) http.Handler {
	return sdk.NewStreamableHTTPHandler(func(*http.Request) *sdk.Server { return srv }, nil)
}

// diagnosis is a session's last: what was asked and the answer.
type diagnosis struct {
	req Request
	doc report.Doc
}

// remember keeps a session's last report.
func (s *server) remember(ss *sdk.ServerSession, r Request, d report.Doc) {
	if ss == nil {
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.last[ss]; !ok {
		s.order = append(s.order, ss)
		if len(s.order) > maxSessions {
			delete(s.last, s.order[0])
			s.order = s.order[1:]
		}
	}
	s.last[ss] = diagnosis{r, d}
}

func (s *server) recall(ss *sdk.ServerSession) (diagnosis, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.last[ss]
	return d, ok
}

// oneLineErrors makes every tool error one line, the SDK's own (arguments
// that fail the input schema) included.
func oneLineErrors(next sdk.MethodHandler) sdk.MethodHandler {
	return func(ctx context.Context, method string, req sdk.Request) (sdk.Result, error) {
		res, err := next(ctx, method, req)
		if r, ok := res.(*sdk.CallToolResult); ok && r != nil && r.IsError {
			for _, c := range r.Content {
				if t, ok := c.(*sdk.TextContent); ok {
					t.Text = schemaError.Replace(oneLine(t.Text))
				}
			}
		}
		return res, err
	}
}

// schemaError shortens the SDK's words for arguments that fail the input
// schema: "arguments: lang: enum: fr does not equal any of: [en zh]".
var schemaError = strings.NewReplacer(`validating "arguments": validating root: validating /properties/`, "arguments: ",
	`validating "arguments": validating root: `, "arguments: ")

// oneLine joins a message's lines: tool errors are read as one sentence.
func oneLine(s string) string {
	return strings.Join(strings.Fields(s), " ")
}

// lang reads a lang input: en or zh, else the server's.
func (s *server) lang(in string) (i18n.Lang, error) {
	if in == "" {
		return s.o.Lang, nil
	}
	l, ok := i18n.ParseLang(in)
	if !ok {
		return l, fmt.Errorf("lang %q: use en or zh", in)
	}
	return l, nil
}
