// Package report renders a diagnosis: text for terminals, JSON and YAML
// with a versioned schema (docs/schema/report-v1.json), and Markdown for
// tickets. All words come from the i18n catalog.
package report

import (
	"sort"
	"time"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/redact"
	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// APIVersion of the machine-readable report. Fields are only ever added
// within a version.
const APIVersion = "podwhy.dev/v1"

// Doc is the JSON/YAML document.
type Doc struct {
	APIVersion string    `json:"apiVersion"`
	Kind       string    `json:"kind"`
	Now        time.Time `json:"now"`
	Lang       string    `json:"lang"`
	Summary    Summary   `json:"summary"`
	Notes      []string  `json:"notes"`
	Findings   []Finding `json:"findings"`
	// Unexplained are the Warning events of pasted text no finding
	// accounts for.
	Unexplained []Evidence `json:"unexplainedWarnings,omitempty"`
}

// Summary counts findings.
type Summary struct {
	Findings     int            `json:"findings"`
	Errors       int            `json:"errors"`
	Warnings     int            `json:"warnings"`
	Infos        int            `json:"infos"`
	Namespaces   []string       `json:"namespaces"`
	ByReason     map[string]int `json:"byReason"`
	PodsScanned  int            `json:"podsScanned"`
	NodesScanned int            `json:"nodesScanned"`
	Text         string         `json:"text"`
}

// Finding is diagnose.Finding with its messages rendered.
type Finding struct {
	ID                string             `json:"id"`
	Severity          string             `json:"severity"`
	Class             string             `json:"class"`
	Reason            string             `json:"reason"`
	Tags              []string           `json:"tags,omitempty"`
	Namespace         string             `json:"namespace,omitempty"`
	Subject           snapshot.ObjectRef `json:"subject"`
	Container         string             `json:"container,omitempty"`
	InitContainer     bool               `json:"initContainer,omitempty"`
	Sidecar           bool               `json:"sidecar,omitempty"`
	OtherContainersOK *bool              `json:"otherContainersOK,omitempty"`
	Node              string             `json:"node,omitempty"`
	Pods              []diagnose.PodRef  `json:"pods"`
	PodsTotal         int                `json:"podsTotal,omitempty"`
	Headline          string             `json:"headline"`
	Explanation       string             `json:"explanation"`
	Evidence          []Evidence         `json:"evidence"`
	Steps             []Step             `json:"steps"`
	Unchecked         []string           `json:"unchecked,omitempty"`
	Confidence        string             `json:"confidence"`
	PasteNext         []string           `json:"pasteNext,omitempty"`
	Since             *time.Time         `json:"since,omitempty"`
	// CausedBy and Causes link findings of one cause chain by ID.
	CausedBy []string `json:"causedBy,omitempty"`
	Causes   []string `json:"causes,omitempty"`
}

// Evidence is a rendered diagnose.Evidence.
type Evidence struct {
	Kind      string             `json:"kind"`
	Object    snapshot.ObjectRef `json:"object"`
	Field     string             `json:"field,omitempty"`
	Reason    string             `json:"reason,omitempty"`
	Type      string             `json:"type,omitempty"`
	Text      string             `json:"text"`
	Count     int32              `json:"count,omitempty"`
	FirstSeen *time.Time         `json:"firstSeen,omitempty"`
	LastSeen  *time.Time         `json:"lastSeen,omitempty"`
	Note      string             `json:"note,omitempty"`
}

// Step is a rendered diagnose.Step.
type Step struct {
	Text string `json:"text,omitempty"`
	// Command is the command line as a POSIX shell reads it: quoted where
	// needed, joined only by podwhy's own operators.
	Command string `json:"command,omitempty"`
	// Argv is the first command's argument list, Then the ones joined to
	// it and OutputFile where the line writes its output: a tool can run
	// them without a shell.
	Argv       []string     `json:"argv,omitempty"`
	Then       []shell.Link `json:"then,omitempty"`
	OutputFile string       `json:"outputFile,omitempty"`
	// Placeholders name what only the reader knows (<pod>, <container>):
	// a command that has any must not be run as it is.
	Placeholders []string `json:"placeholders,omitempty"`
	Changes      bool     `json:"changesCluster,omitempty"`
}

func renderStep(s diagnose.Step, lang i18n.Lang) Step {
	return Step{Text: s.Text.String(lang), Command: s.Command.String(), Argv: s.Command.Argv, Then: s.Command.Then,
		OutputFile: s.Command.Out, Placeholders: s.Command.Placeholders(), Changes: s.Changes}
}

func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

// Build renders a result in a language.
func Build(res *diagnose.Result, lang i18n.Lang) Doc {
	d := Doc{APIVersion: APIVersion, Kind: "Report", Now: res.Now.UTC(), Lang: string(lang), Notes: []string{}, Findings: []Finding{}}
	for _, n := range res.Notes {
		d.Notes = append(d.Notes, n.String(lang))
	}
	d.Summary = summarize(res, lang)
	for _, f := range res.Findings {
		rf := Finding{
			ID: f.ID, Severity: f.Severity.String(), Class: f.Class, Reason: f.Reason, Tags: f.Tags,
			Namespace: f.Namespace, Subject: f.Subject, Container: f.Container, InitContainer: f.InitContainer,
			Sidecar: f.Sidecar, OtherContainersOK: f.OtherContainersOK, Node: f.Node, Pods: f.Pods, PodsTotal: f.PodsTotal,
			Headline: redact.Text(f.Headline.String(lang)), Explanation: f.Explain.String(lang), Since: timePtr(f.Since),
			CausedBy: f.CausedBy, Causes: f.Causes,
			Evidence: []Evidence{}, Steps: []Step{},
		}
		// A copy: the same findings are rendered again, and read, by
		// other goroutines (podwhy serve).
		rf.Pods = make([]diagnose.PodRef, len(f.Pods))
		for i, p := range f.Pods {
			p.Created = p.Created.UTC()
			rf.Pods[i] = p
		}
		for _, e := range f.Evidence {
			rf.Evidence = append(rf.Evidence, renderEvidence(e, lang))
		}
		for _, s := range f.Steps {
			rf.Steps = append(rf.Steps, renderStep(s, lang))
		}
		rf.Confidence, rf.PasteNext = f.Confidence, f.PasteNext
		for _, u := range f.Unchecked {
			rf.Unchecked = append(rf.Unchecked, u.String(lang))
		}
		d.Findings = append(d.Findings, rf)
	}
	for _, e := range res.Unexplained {
		d.Unexplained = append(d.Unexplained, renderEvidence(e, lang))
	}
	if len(d.Findings) == 0 && len(d.Unexplained) > 0 {
		d.Summary.Text = i18n.T("report.summary.unexplained", len(d.Unexplained)).String(lang)
	}
	return d
}

func renderEvidence(e diagnose.Evidence, lang i18n.Lang) Evidence {
	// Evidence quotes what the input said, and people paste credentials.
	return Evidence{Kind: e.Kind, Object: e.Object, Field: e.Field, Reason: e.Reason, Type: e.Type,
		Text: redact.Text(e.Text), Count: e.Count, FirstSeen: timePtr(e.First), LastSeen: timePtr(e.Last), Note: e.Note.String(lang)}
}

func summarize(res *diagnose.Result, lang i18n.Lang) Summary {
	s := Summary{ByReason: map[string]int{}, Namespaces: []string{}, PodsScanned: res.Scanned.Pods, NodesScanned: res.Scanned.Nodes}
	ns := map[string]bool{}
	unknownNS := false
	for _, f := range res.Findings {
		s.Findings++
		switch f.Severity {
		case diagnose.Error:
			s.Errors++
		case diagnose.Warning:
			s.Warnings++
		default:
			s.Infos++
		}
		if f.Namespace != "" {
			ns[f.Namespace] = true
		} else if f.Subject.Kind != snapshot.KindNode && f.Subject.Kind != snapshot.KindPV && f.Subject.Kind != snapshot.KindStorageClass {
			// A pod pasted without its namespace is in some namespace.
			unknownNS = true
		}
		s.ByReason[f.Reason]++
	}
	for n := range ns {
		s.Namespaces = append(s.Namespaces, n)
	}
	sort.Strings(s.Namespaces)
	nsCount := len(s.Namespaces)
	if unknownNS {
		nsCount++
	}
	s.Text = summaryText(s, nsCount, lang)
	return s
}

func summaryText(s Summary, nsCount int, lang i18n.Lang) string {
	if s.Findings == 0 {
		return i18n.T("report.summary.none", s.PodsScanned, s.NodesScanned).String(lang)
	}
	reasons := make([]string, 0, len(s.ByReason))
	for r := range s.ByReason {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(i, j int) bool {
		if s.ByReason[reasons[i]] != s.ByReason[reasons[j]] {
			return s.ByReason[reasons[i]] > s.ByReason[reasons[j]]
		}
		return reasons[i] < reasons[j]
	})
	if len(reasons) > 6 {
		reasons = append(reasons[:6], "…")
	}
	var sev []i18n.Msg
	for _, c := range []struct {
		n    int
		noun string
	}{{s.Errors, "error"}, {s.Warnings, "warning"}, {s.Infos, "info"}} {
		if c.n > 0 {
			sev = append(sev, count(c.n, c.noun))
		}
	}
	where := count(nsCount, "namespace")
	if nsCount == 0 {
		where = i18n.T("report.cluster-scope")
	}
	return i18n.T("report.summary", count(s.Findings, "problem"), where, i18n.List(renderAll(sev, lang)), i18n.List(reasons)).String(lang)
}

// count picks the singular or plural catalog entry for a noun.
func count(n int, noun string) i18n.Msg {
	if n == 1 {
		return i18n.T("report.n."+noun+".one", n)
	}
	return i18n.T("report.n."+noun, n)
}

func renderAll(ms []i18n.Msg, lang i18n.Lang) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.String(lang)
	}
	return out
}
