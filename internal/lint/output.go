package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/podwhy/podwhy/internal/i18n"
)

// APIVersion and ReportKind head -o json output. Within v1 fields are only
// added; rule IDs keep their meaning once shipped.
const (
	APIVersion = "podwhy.dev/v1"
	ReportKind = "LintReport"
)

// Report is a result rendered in one language: what -o json prints.
type Report struct {
	APIVersion string          `json:"apiVersion"`
	Kind       string          `json:"kind"`
	Lang       string          `json:"lang"`
	Summary    Summary         `json:"summary"`
	Notes      []string        `json:"notes"`
	Problems   []ReportProblem `json:"problems"`
}

// Summary counts a run.
type Summary struct {
	Files     int            `json:"files"`
	Objects   int            `json:"objects"`
	Unchecked map[string]int `json:"unchecked,omitempty"`
	Errors    int            `json:"errors"`
	Warnings  int            `json:"warnings"`
	Infos     int            `json:"infos"`
	ByRule    map[string]int `json:"byRule"`
	Text      string         `json:"text"`
}

// ReportProblem is a Problem in words.
type ReportProblem struct {
	File     string    `json:"file"`
	Line     int       `json:"line"`
	Column   int       `json:"column"`
	Severity string    `json:"severity"`
	Rule     string    `json:"rule"`
	Object   ObjectRef `json:"object"`
	Path     string    `json:"path,omitempty"`
	Message  string    `json:"message"`
	Why      string    `json:"why"`
	Predicts []string  `json:"predicts,omitempty"`
}

func sevWord(s Severity, l i18n.Lang) string {
	switch s {
	case Error:
		return i18n.T("sev.error").String(l)
	case Warning:
		return i18n.T("sev.warning").String(l)
	}
	return i18n.T("sev.info").String(l)
}

// Build renders a result in a language.
func Build(r *Result, l i18n.Lang) *Report {
	rep := &Report{APIVersion: APIVersion, Kind: ReportKind, Lang: string(l), Notes: []string{}, Problems: []ReportProblem{}}
	s := &rep.Summary
	s.Files, s.Objects, s.ByRule = r.Files, r.Objects, map[string]int{}
	if len(r.Unchecked) > 0 {
		s.Unchecked = r.Unchecked
	}
	for _, p := range r.Problems {
		rule := ruleByID[p.Rule]
		rep.Problems = append(rep.Problems, ReportProblem{
			File: p.File, Line: p.Pos.Line, Column: p.Pos.Column, Severity: p.Severity.String(), Rule: p.Rule,
			Object: p.Object, Path: p.Path, Message: p.Msg.String(l), Why: rule.Why.String(l), Predicts: rule.Predicts,
		})
		s.ByRule[p.Rule]++
		switch p.Severity {
		case Error:
			s.Errors++
		case Warning:
			s.Warnings++
		default:
			s.Infos++
		}
	}
	for _, n := range r.Notes {
		rep.Notes = append(rep.Notes, n.String(l))
	}
	s.Text = summaryText(r, l)
	return rep
}

func count(l i18n.Lang, n int, one, many i18n.Msg) string {
	if n == 1 {
		return one.String(l)
	}
	return many.String(l)
}

func summaryText(r *Result, l i18n.Lang) string {
	objs := count(l, r.Objects, i18n.T("lint.n.object.one", r.Objects), i18n.T("lint.n.object", r.Objects))
	files := count(l, r.Files, i18n.T("lint.n.file.one", r.Files), i18n.T("lint.n.file", r.Files))
	if len(r.Problems) == 0 {
		return i18n.T("lint.summary.clean", objs, files).String(l)
	}
	var parts []string
	if n := r.Count(Error); n > 0 {
		parts = append(parts, count(l, n, i18n.T("report.n.error.one", n), i18n.T("report.n.error", n)))
	}
	if n := r.Count(Warning); n > 0 {
		parts = append(parts, count(l, n, i18n.T("report.n.warning.one", n), i18n.T("report.n.warning", n)))
	}
	if n := r.Count(Info); n > 0 {
		parts = append(parts, count(l, n, i18n.T("report.n.info.one", n), i18n.T("report.n.info", n)))
	}
	return i18n.T("lint.summary", i18n.List(parts), objs, files).String(l)
}

// JSON writes the report as indented JSON.
func JSON(w io.Writer, rep *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(rep); err != nil {
		return fmt.Errorf("encode lint report: %w", err)
	}
	return nil
}

// TextOptions control the text layout.
type TextOptions struct {
	Lang  i18n.Lang
	Color bool
}

const (
	colRed    = "\x1b[31m"
	colYellow = "\x1b[33m"
	colCyan   = "\x1b[36m"
	colBold   = "\x1b[1m"
	colDim    = "\x1b[2m"
	colReset  = "\x1b[0m"
)

// Text writes one block per problem, compiler style (FILE:LINE:COL, which
// editors and terminals turn into links), each rule's reason the first
// time the rule appears, then the summary.
func Text(w io.Writer, rep *Report, o TextOptions) error {
	var b strings.Builder
	paint := func(code, s string) string {
		if !o.Color {
			return s
		}
		return code + s + colReset
	}
	explained := map[string]bool{}
	for _, p := range rep.Problems {
		loc := p.File
		if p.Line > 0 {
			loc = fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Column)
		}
		sev := Info
		if s, ok := ParseSeverity(p.Severity); ok {
			sev = s
		}
		col := map[Severity]string{Error: colRed, Warning: colYellow, Info: colCyan}[sev]
		fmt.Fprintf(&b, "%s  %s  %s", paint(colBold, loc), paint(col, sevWord(sev, o.Lang)), p.Rule)
		if p.Object.Kind != "" || p.Object.Name != "" {
			fmt.Fprintf(&b, "  %s", p.Object)
		}
		b.WriteString("\n    " + p.Message + "\n")
		if !explained[p.Rule] && p.Why != "" {
			explained[p.Rule] = true
			why := i18n.T("lint.why-prefix", p.Why).String(o.Lang)
			b.WriteString("    " + paint(colDim, why) + "\n")
		}
	}
	if len(rep.Problems) > 0 {
		b.WriteString("\n")
	}
	for _, n := range rep.Notes {
		b.WriteString(i18n.T("lint.note-prefix", n).String(o.Lang) + "\n")
	}
	if len(rep.Summary.Unchecked) > 0 {
		kinds := make([]string, 0, len(rep.Summary.Unchecked))
		for k := range rep.Summary.Unchecked {
			kinds = append(kinds, k)
		}
		sort.Strings(kinds)
		for i, k := range kinds {
			kinds[i] = fmt.Sprintf("%s ×%d", k, rep.Summary.Unchecked[k])
		}
		b.WriteString(i18n.T("lint.unchecked", i18n.List(kinds)).String(o.Lang) + "\n")
	}
	b.WriteString(rep.Summary.Text + "\n")
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("write lint report: %w", err)
	}
	return nil
}
