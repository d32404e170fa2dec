package mcp

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/google/jsonschema-go/jsonschema"
	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/explain"
	"github.com/podwhy/podwhy/internal/fix"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/lint"
	"github.com/podwhy/podwhy/internal/report"
)

// readOnly is said in every tool's description and annotations.
const readOnly = " Read-only: it never changes a cluster."

// Input is what a diagnosis reads and where it looks.
type Input struct {
	Namespace     string   `json:"namespace,omitempty" jsonschema:"only this namespace; default: the kubeconfig context's for a live cluster, every namespace of files or text"`
	AllNamespaces bool     `json:"allNamespaces,omitempty" jsonschema:"every namespace (like kubectl -A)"`
	Target        string   `json:"target,omitempty" jsonschema:"one object or several separated by spaces: NAME (a pod), pod/NAME, deploy/NAME, sts/NAME, ds/NAME, job/NAME, cronjob/NAME, rs/NAME or node/NAME; default: every unhealthy pod in scope"`
	Selector      string   `json:"selector,omitempty" jsonschema:"label selector of the pods and workloads to report, e.g. app=web,tier!=db"`
	Files         []string `json:"files,omitempty" jsonschema:"paths of dumps on the server's machine: kubectl get -o json|yaml output, kubectl cluster-info dump folders, saved kubectl describe/events/logs text"`
	Text          string   `json:"text,omitempty" jsonschema:"pasted kubectl output of any kind: describe, get pods, events, logs, -o yaml or json, or one message"`
	Logs          bool     `json:"logs,omitempty" jsonschema:"live cluster only: also read the last lines of crashed containers' logs to find crash signatures"`
	Lang          string   `json:"lang,omitempty" jsonschema:"language of the report: en or zh"`
}

// FindingInput names a finding, and optionally the input to diagnose again.
type FindingInput struct {
	ID string `json:"id" jsonschema:"the finding's id as diagnose gave it (a unique prefix of 6 or more characters will do)"`
	Input
}

// ExplainInput is a state or a message.
type ExplainInput struct {
	Query string `json:"query" jsonschema:"a pod state (CrashLoopBackOff, Pending, ImagePullBackOff, …) or one event or status message pasted from kubectl describe or a ticket"`
	Lang  string `json:"lang,omitempty" jsonschema:"language of the answer: en or zh"`
}

// ExplainOutput is what a state means, or a message's diagnosis.
type ExplainOutput struct {
	// Kind is "state" or "message".
	Kind   string      `json:"kind" jsonschema:"state: the query named a pod state; message: it was diagnosed as a message"`
	State  *State      `json:"state,omitempty"`
	Report *report.Doc `json:"report,omitempty" jsonschema:"a message's diagnosis, in the report schema podwhy.dev/v1"`
}

// State is an explained pod state.
type State struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases"`
	Meaning string   `json:"meaning"`
	// Causes are the usual causes, each with how to check it.
	Causes []string `json:"causes"`
}

// LintInput is a manifest to check.
type LintInput struct {
	Manifest  string `json:"manifest" jsonschema:"the manifest text: YAML (one or many documents, e.g. helm template output) or JSON"`
	Name      string `json:"name,omitempty" jsonschema:"the file name problems are reported against; default manifest.yaml"`
	Namespace string `json:"namespace,omitempty" jsonschema:"the namespace objects without one will be applied to"`
	Lang      string `json:"lang,omitempty" jsonschema:"language of the report: en or zh"`
}

func (s *server) addTools(srv *sdk.Server) {
	no := false
	yes := true
	ann := func(title string, open bool) *sdk.ToolAnnotations {
		a := &sdk.ToolAnnotations{Title: title, ReadOnlyHint: true, IdempotentHint: true, DestructiveHint: &no, OpenWorldHint: &no}
		if open {
			a.OpenWorldHint = &yes
		}
		return a
	}
	sdk.AddTool(srv, &sdk.Tool{
		Name:  "diagnose",
		Title: "Diagnose unhealthy pods",
		Description: "Find every unhealthy pod in scope and name its root cause, with the evidence that proves it and the commands that fix it. " +
			"Reads dump files, pasted kubectl output (text), or, given neither, the live cluster of the server's kubeconfig (read-only LISTs). " +
			"Structured content is the report (schema podwhy.dev/v1: summary, findings with id, reason, evidence, steps); the text content is the terminal report." + readOnly,
		Annotations: ann("Diagnose unhealthy pods", true),
		InputSchema: schema[Input](),
	}, safe(s.diagnose))
	sdk.AddTool(srv, &sdk.Tool{
		Name:  "get_finding",
		Title: "Get one finding",
		Description: "One finding by its id, with its evidence and its next steps, each step's command as argv (run without a shell; a step with placeholders must be completed first, one marked changesCluster changes the cluster). " +
			"Looks the id up in this session's last diagnose, or diagnoses again when input (namespace, target, files, text…) is given or there was none." + readOnly,
		Annotations: ann("Get one finding", true),
		InputSchema: schema[FindingInput](),
	}, safe(s.getFinding))
	sdk.AddTool(srv, &sdk.Tool{
		Name:  "explain",
		Title: "Explain a pod state or message",
		Description: "Explain a pod state (CrashLoopBackOff, Pending, ImagePullBackOff, …): what it means, its usual causes and how to check each. " +
			"Anything else is read as one event or status message and diagnosed by the same rules as a cluster. No cluster needed." + readOnly,
		Annotations: ann("Explain a pod state or message", false),
		InputSchema: schema[ExplainInput](),
	}, safe(s.explain))
	sdk.AddTool(srv, &sdk.Tool{
		Name:  "lint",
		Title: "Lint manifests",
		Description: "Check Kubernetes manifests before they are applied: YAML errors, unknown or misplaced fields, wrong types, what the API server refuses, " +
			"images on :latest, missing requests and limits, probes on undeclared ports, references to ConfigMaps, Secrets, PVCs and ServiceAccounts not in the input; each with line and column." + readOnly,
		Annotations: ann("Lint manifests", false),
		InputSchema: schema[LintInput](),
	}, safe(s.lint))
}

// schema is T's input schema, with the languages listed.
func schema[T any]() *jsonschema.Schema {
	sc, err := jsonschema.For[T](nil)
	if err != nil {
		panic(fmt.Sprintf("schema of %T: %v", *new(T), err))
	}
	if p := sc.Properties["lang"]; p != nil {
		p.Enum = []any{"en", "zh"}
	}
	return sc
}

// safe turns a panic into a tool error: one bad input must not end the
// server.
func safe[In, Out any](h sdk.ToolHandlerFor[In, Out]) sdk.ToolHandlerFor[In, Out] {
	return func(ctx context.Context, req *sdk.CallToolRequest, in In) (res *sdk.CallToolResult, out Out, err error) {
		defer func() {
			if p := recover(); p != nil {
				var zero Out
				res, out, err = nil, zero, fmt.Errorf("internal error: %v", p)
			}
		}()
		return h(ctx, req, in)
	}
}

func textResult(s string) *sdk.CallToolResult {
	return &sdk.CallToolResult{Content: []sdk.Content{&sdk.TextContent{Text: s}}}
}

// given reports whether the input names what to read or where to look:
// anything but the language.
func (in Input) given() bool {
	return in.Namespace != "" || in.AllNamespaces || in.Target != "" || in.Selector != "" ||
		len(in.Files) > 0 || in.Text != "" || in.Logs
}

// request checks a diagnosis input.
func (s *server) request(in Input) (Request, error) {
	lang, err := s.lang(in.Lang)
	if err != nil {
		return Request{}, err
	}
	for _, f := range in.Files {
		switch {
		case s.o.NoFiles:
			return Request{}, errors.New("files: this server reads no files; paste the kubectl output in text")
		case f == "-":
			return Request{}, errors.New(`files: "-" (stdin) is not readable here; paste the kubectl output in text`)
		case strings.TrimSpace(f) == "":
			return Request{}, errors.New("files: an empty path")
		}
	}
	if in.Text != "" && strings.TrimSpace(in.Text) == "" {
		return Request{}, errors.New("text: only white space; paste kubectl output")
	}
	return Request{Namespace: in.Namespace, AllNamespaces: in.AllNamespaces, Targets: strings.Fields(in.Target),
		Selector: in.Selector, Files: in.Files, Text: in.Text, Logs: in.Logs, Lang: lang}, nil
}

// reportText is the terminal report, without color.
func reportText(d report.Doc, lang i18n.Lang) string {
	var b bytes.Buffer
	if err := report.Text(&b, d, report.TextOptions{Lang: lang, Width: 100}); err != nil {
		return d.Summary.Text
	}
	return b.String()
}

func (s *server) diagnose(ctx context.Context, req *sdk.CallToolRequest, in Input) (*sdk.CallToolResult, report.Doc, error) {
	r, err := s.request(in)
	if err != nil {
		return nil, report.Doc{}, err
	}
	d, err := s.b.Diagnose(ctx, r)
	if err != nil {
		return nil, report.Doc{}, err
	}
	s.remember(req.Session, r, d)
	return textResult(reportText(d, r.Lang)), d, nil
}

func (s *server) getFinding(ctx context.Context, req *sdk.CallToolRequest, in FindingInput) (*sdk.CallToolResult, report.Finding, error) {
	id := strings.TrimSpace(in.ID)
	if id == "" {
		return nil, report.Finding{}, errors.New("id: name a finding's id, as diagnose gave it")
	}
	r, err := s.request(in.Input)
	if err != nil {
		return nil, report.Finding{}, err
	}
	var d report.Doc
	where := "the last diagnose"
	last, ok := s.recall(req.Session)
	if !in.Input.given() && ok {
		d = last.doc
		if in.Lang != "" && last.req.Lang != r.Lang {
			// Words are rendered late: the same input again, in the
			// language asked for.
			last.req.Lang = r.Lang
			if d, err = s.b.Diagnose(ctx, last.req); err != nil {
				return nil, report.Finding{}, err
			}
		}
	} else {
		if r.Live() && r.Namespace == "" {
			// Like podwhy fix: a live cluster is searched in every
			// namespace unless one is named.
			r.AllNamespaces = true
		}
		if d, err = s.b.Diagnose(ctx, r); err != nil {
			return nil, report.Finding{}, err
		}
		s.remember(req.Session, r, d)
		where = "the diagnosis"
	}
	// fix.Lookup is how podwhy reads a finding ID (exact, or a unique
	// prefix): it is given the report's IDs.
	refs := make([]*diagnose.Finding, len(d.Findings))
	for i, f := range d.Findings {
		refs[i] = &diagnose.Finding{ID: f.ID}
	}
	m, err := fix.Lookup(refs, id)
	var amb *fix.AmbiguousIDError
	if errors.As(err, &amb) {
		return nil, report.Finding{}, fmt.Errorf("id %q matches %d findings: %s", id, len(amb.IDs), strings.Join(amb.IDs, ", "))
	}
	if m == nil {
		return nil, report.Finding{}, fmt.Errorf("no finding %q in %s (%d found); run diagnose, or give the input the id came from", id, where, len(d.Findings))
	}
	var f report.Finding
	for _, x := range d.Findings {
		if x.ID == m.ID {
			f = x
		}
	}
	one := d
	one.Findings, one.Notes, one.Unexplained = []report.Finding{f}, nil, nil
	one.Summary.Text = ""
	return textResult(strings.TrimRight(reportText(one, i18n.Lang(d.Lang)), "\n") + "\n"), f, nil
}

func (s *server) explain(ctx context.Context, _ *sdk.CallToolRequest, in ExplainInput) (*sdk.CallToolResult, ExplainOutput, error) {
	lang, err := s.lang(in.Lang)
	if err != nil {
		return nil, ExplainOutput{}, err
	}
	q := strings.TrimSpace(in.Query)
	if q == "" {
		return nil, ExplainOutput{}, fmt.Errorf("query: name a state (%s) or paste a message", strings.Join(explain.Names(), ", "))
	}
	if st, ok := explain.Find(q); ok {
		out := ExplainOutput{Kind: "state", State: &State{Name: st.Aliases[0], Aliases: st.Aliases,
			Meaning: st.Meaning.String(lang), Causes: st.CauseLines(lang)}}
		// Unwrapped: an assistant reads paragraphs, not a terminal.
		var b bytes.Buffer
		if err := st.Write(&b, report.TextOptions{Lang: lang, Width: 1 << 20}); err != nil {
			return nil, ExplainOutput{}, err
		}
		return textResult(b.String()), out, nil
	}
	d, err := s.b.ExplainMessage(ctx, q, lang)
	if err != nil {
		return nil, ExplainOutput{}, err
	}
	return textResult(reportText(d, lang)), ExplainOutput{Kind: "message", Report: &d}, nil
}

func (s *server) lint(_ context.Context, _ *sdk.CallToolRequest, in LintInput) (*sdk.CallToolResult, *lint.Report, error) {
	lang, err := s.lang(in.Lang)
	if err != nil {
		return nil, nil, err
	}
	name := in.Name
	if name == "" {
		name = "manifest.yaml"
	}
	if strings.TrimSpace(in.Manifest) == "" {
		return nil, nil, fmt.Errorf("manifest: empty; paste the YAML or JSON to check")
	}
	res := lint.Run([]lint.Input{{Name: name, Data: []byte(in.Manifest)}}, lint.Options{Namespace: in.Namespace})
	if res.Empty() {
		return nil, nil, &lint.InputError{Input: name, Err: lint.ErrNoObjects}
	}
	rep := lint.Build(res, lang)
	var b bytes.Buffer
	if err := lint.Text(&b, rep, lint.TextOptions{Lang: lang}); err != nil {
		return nil, nil, err
	}
	return textResult(b.String()), rep, nil
}
