package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/termsafe"
)

// TextOptions control the terminal report.
type TextOptions struct {
	Lang    i18n.Lang
	Color   bool
	Width   int // 0: 100
	MaxPods int // pods listed per finding before "+N more"; 0: 5
}

const (
	ansiReset  = "\x1b[0m"
	ansiBold   = "\x1b[1m"
	ansiDim    = "\x1b[2m"
	ansiRed    = "\x1b[31m"
	ansiYellow = "\x1b[33m"
	ansiBlue   = "\x1b[34m"
	ansiCyan   = "\x1b[36m"
)

type tw struct {
	w     io.Writer
	o     TextOptions
	err   error
	width int
}

func (t *tw) c(code, s string) string {
	if !t.o.Color || s == "" {
		return s
	}
	return code + s + ansiReset
}

func (t *tw) line(s string) {
	if t.err == nil {
		_, t.err = io.WriteString(t.w, s+"\n")
	}
}

// wrap breaks text to the width with an indent, by words for English and
// by characters where there are no spaces (Chinese). Widths are visible
// cells: colour codes count for nothing, and a coloured text is coloured
// line by line so that no indent carries its colour.
func (t *tw) wrap(indent, first, text string) {
	width := t.width - displayWidth(indent)
	if width < 30 {
		width = 30
	}
	code, plain := splitColor(text)
	pad := strings.Repeat(" ", displayWidth(first))
	for i, l := range wrapText(plain, width-displayWidth(first)) {
		if code != "" && l != "" {
			l = code + l + ansiReset
		}
		if i == 0 {
			t.line(indent + first + l)
		} else {
			t.line(indent + pad + l)
		}
	}
}

// splitColor takes one colour code that wraps a whole text (t.c's output)
// off it.
func splitColor(s string) (code, plain string) {
	if !strings.HasPrefix(s, "\x1b[") || !strings.HasSuffix(s, ansiReset) {
		return "", s
	}
	end := strings.IndexByte(s, 'm')
	inner := s[end+1 : len(s)-len(ansiReset)]
	if strings.Contains(inner, "\x1b[") {
		return "", s
	}
	return s[:end+1], inner
}

func wrapText(s string, width int) []string {
	const closing = "，。、；：）》」』！？"
	var out []string
	for _, para := range strings.Split(s, "\n") {
		var cur strings.Builder
		curW := 0
		flush := func() {
			out = append(out, trimRightVisible(cur.String()))
			cur.Reset()
			curW = 0
		}
		words := splitWords(para)
		for i, word := range words {
			ww := displayWidth(word)
			// Chinese closing punctuation never starts a line: the
			// character before it goes down with it.
			isClosing := strings.ContainsAny(word, closing)
			over := curW+ww > width
			if !isClosing && !over {
				need := curW + ww
				for _, next := range words[i+1:] {
					if !strings.ContainsAny(next, closing) {
						break
					}
					need += displayWidth(next)
				}
				over = need > width
			}
			if curW > 0 && over && !isClosing {
				flush()
				word = strings.TrimLeft(word, " ")
				ww = displayWidth(word)
			}
			cur.WriteString(word)
			curW += ww
		}
		if cur.Len() > 0 || len(out) == 0 {
			flush()
		}
	}
	return out
}

// trimRightVisible drops the spaces that end a line, also those followed
// only by colour codes.
func trimRightVisible(s string) string {
	tail := ""
	for {
		s = strings.TrimRight(s, " ")
		if !strings.HasSuffix(s, "m") {
			return s + tail
		}
		i := strings.LastIndex(s, "\x1b[")
		if i < 0 || strings.ContainsAny(s[i+2:len(s)-1], "\x1bm") {
			return s + tail
		}
		tail = s[i:] + tail
		s = s[:i]
	}
}

// splitWords splits into space-led words, and wide characters each alone,
// so Chinese wraps between characters.
func splitWords(s string) []string {
	var out []string
	var cur strings.Builder
	for _, r := range s {
		switch {
		case r == ' ':
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			cur.WriteRune(r)
		case isWide(r):
			if cur.Len() > 0 {
				out = append(out, cur.String())
				cur.Reset()
			}
			out = append(out, string(r))
		default:
			cur.WriteRune(r)
		}
	}
	if cur.Len() > 0 {
		out = append(out, cur.String())
	}
	return out
}

func isWide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) ||
		(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6))
}

// displayWidth is the number of terminal cells s takes: wide characters
// two, ANSI escape sequences (CSI … final byte) none.
func displayWidth(s string) int {
	w := 0
	inEsc := false
	for i, r := range s {
		switch {
		case inEsc:
			if i > 0 && s[i-1] != '\x1b' && r >= 0x40 && r <= 0x7e {
				inEsc = false
			}
		case r == '\x1b':
			inEsc = true
		case isWide(r):
			w += 2
		default:
			w++
		}
	}
	return w
}

// label puts a space after an English label ("Why:") but not after a
// full-width colon ("原因：").
func label(s string) string {
	if strings.HasSuffix(s, "：") {
		return s
	}
	return s + " "
}

// Text writes the terminal report.
func Text(w io.Writer, d Doc, o TextOptions) error {
	if o.Width <= 0 {
		o.Width = 100
	}
	if o.MaxPods <= 0 {
		o.MaxPods = 5
	}
	// Names, messages and logs come from the cluster or a paste: what
	// would act on the terminal is shown escaped, before podwhy adds its
	// own colour codes.
	d = termsafe.Copy(d)
	t := &tw{w: w, o: o, width: o.Width}
	L := func(key string, args ...any) string { return i18n.T(key, args...).String(o.Lang) }
	now := d.Now
	findings, effect := chainOrder(d.Findings)
	for i, f := range findings {
		if i > 0 {
			t.line("")
		}
		sev := strings.ToUpper(L("sev." + f.Severity))
		col := ansiBlue
		switch f.Severity {
		case "error":
			col = ansiRed
		case "warning":
			col = ansiYellow
		}
		head := t.c(ansiBold+col, sev) + "  " + t.c(ansiBold, f.Class+" · "+f.Reason) + "  " + t.c(ansiDim, "["+f.ID+"]")
		if f.Confidence != "" && f.Confidence != "high" {
			head += "  " + t.c(ansiDim, L("report.confidence."+f.Confidence))
		}
		if effect[f.ID] {
			head = "↳ " + head
		}
		t.line(head)
		t.wrap("  ", "", strings.TrimPrefix(subjectLine(f, L), "  "))
		t.wrap("  ", "", t.c(ansiBold, f.Headline))
		for _, id := range f.CausedBy {
			t.wrap("  ", t.c(ansiDim, label(L("report.caused-by"))), chainLine(d.Findings, id))
		}
		for _, id := range f.Causes {
			t.wrap("  ", t.c(ansiDim, label(L("report.causes"))), chainLine(d.Findings, id))
		}
		if len(f.Pods) > 0 && !(len(f.Pods) == 1 && f.Subject.Kind == "Pod") {
			var ps []string
			for j, p := range f.Pods {
				if j == o.MaxPods {
					ps = append(ps, L("report.more", len(f.Pods)-o.MaxPods))
					break
				}
				s := p.Name + " (" + p.Status
				if p.Node != "" {
					s += ", " + p.Node
				}
				ps = append(ps, s+")")
			}
			t.wrap("  ", t.c(ansiDim, label(L("report.pods"))), strings.Join(ps, L("report.sep")))
		} else if len(f.Pods) == 1 {
			p := f.Pods[0]
			s := p.Status
			if p.Node != "" {
				s += " " + L("report.on-node", p.Node)
			}
			if p.Restarts > 0 {
				s += L("report.sep") + L("report.restarts", p.Restarts)
			}
			t.wrap("  ", t.c(ansiDim, label(L("report.status"))), s)
		}
		if len(f.Evidence) > 0 {
			t.line("  " + t.c(ansiDim, L("report.evidence")))
			for _, e := range f.Evidence {
				t.wrap("    ", "• ", evidenceLabel(e, now, L))
				if e.Text != "" && e.Kind != "spec" && e.Kind != "status" && e.Kind != "object" || len(e.Text) > 60 {
					t.wrap("      ", "", t.c(ansiCyan, e.Text))
				}
				if e.Note != "" {
					t.wrap("      ", "", t.c(ansiDim, e.Note))
				}
			}
		}
		if f.Explanation != "" {
			t.wrap("  ", t.c(ansiDim, label(L("report.why"))), f.Explanation)
		}
		for _, u := range f.Unchecked {
			t.wrap("  ", t.c(ansiDim, label(L("report.unchecked"))), u)
		}
		if len(f.PasteNext) > 0 {
			t.line("  " + t.c(ansiDim, strings.TrimSpace(label(L("report.paste-next")))))
			for _, cmd := range f.PasteNext {
				t.line("    " + t.c(ansiCyan, "$ "+cmd))
			}
		}
		if len(f.Steps) > 0 {
			t.line("  " + t.c(ansiDim, L("report.next")))
			n := 0
			for _, s := range f.Steps {
				if s.Text != "" {
					n++
					suffix := ""
					if s.Changes {
						suffix = " " + t.c(ansiYellow, L("report.changes"))
					}
					t.wrap("    ", fmt.Sprintf("%d. ", n), s.Text+suffix)
				}
				if s.Command != "" {
					t.line("       " + t.c(ansiBold, "$ "+s.Command))
				}
			}
		}
	}
	if len(d.Unexplained) > 0 {
		t.line("")
		t.line(t.c(ansiYellow, L("report.unexplained")))
		for _, e := range d.Unexplained {
			t.wrap("  ", "• ", evidenceLabel(e, now, L))
			if e.Kind == "event" {
				t.wrap("    ", "", t.c(ansiCyan, e.Text))
			}
		}
	}
	if len(d.Notes) > 0 {
		t.line("")
		for _, n := range d.Notes {
			t.wrap("", t.c(ansiYellow, "! "), n)
		}
	}
	if len(d.Findings) > 0 {
		t.line("")
	}
	t.wrap("", "", t.c(ansiBold, d.Summary.Text))
	return t.err
}

func subjectLine(f Finding, L func(string, ...any) string) string {
	var parts []string
	ns := f.Namespace
	if ns == "" {
		ns = "-"
	}
	subj := f.Subject.Kind + " " + f.Subject.Name
	if f.Subject.Namespace != "" || f.Namespace != "" {
		subj = f.Subject.Kind + " " + ns + "/" + f.Subject.Name
	}
	parts = append(parts, subj)
	if f.Subject.Kind != "Pod" && f.Subject.Kind != "Node" && len(f.Pods) > 0 {
		if f.PodsTotal > 0 {
			parts = append(parts, L("report.pods-of", len(f.Pods), f.PodsTotal))
		} else {
			parts = append(parts, L("report.pods-n", len(f.Pods)))
		}
	}
	if f.Subject.Kind == "Node" && len(f.Pods) > 0 {
		parts = append(parts, L("report.pods-affected", len(f.Pods)))
	}
	if f.Container != "" {
		c := L("report.container", f.Container)
		if f.InitContainer {
			c = L("report.init-container", f.Container)
		} else if f.Sidecar {
			c = L("report.sidecar", f.Container)
		}
		if f.OtherContainersOK != nil {
			if *f.OtherContainersOK {
				c += " (" + L("report.others-ok") + ")"
			} else {
				c += " (" + L("report.others-bad") + ")"
			}
		}
		parts = append(parts, c)
	}
	for _, tag := range f.Tags {
		parts = append(parts, tag)
	}
	return "  " + strings.Join(parts, " · ")
}

// evidenceLabel: "event Failed ×12 over 20m, last 30s ago (pod/web-1)" or
// "status.containerStatuses[web].restartCount: 7".
func evidenceLabel(e Evidence, now time.Time, L func(string, ...any) string) string {
	obj := strings.ToLower(e.Object.Kind)
	if e.Object.Name != "" {
		obj += "/" + e.Object.Name
	}
	switch e.Kind {
	case "event":
		s := L("report.event", e.Reason)
		if e.Count > 1 && e.FirstSeen != nil && e.LastSeen != nil {
			s += " " + L("report.event.repeat", e.Count, i18n.Dur(e.LastSeen.Sub(*e.FirstSeen)))
		}
		if e.LastSeen != nil {
			s += L("report.sep") + L("report.event.ago", i18n.Dur(now.Sub(*e.LastSeen)))
		}
		return s + " (" + obj + ")"
	case "log":
		return L("report.log", e.Field) + " (" + obj + ")"
	}
	label := e.Field
	if label == "" {
		label = obj
	} else if e.Object.Name != "" {
		label = obj + " " + label
	}
	if e.Text != "" && len(e.Text) <= 60 {
		return label + ": " + e.Text
	}
	return label
}

// Summary writes only the summary line.
func SummaryLine(w io.Writer, d Doc) error {
	_, err := fmt.Fprintln(w, termsafe.Line(d.Summary.Text))
	return err
}

// Explanation writes what a state means and its usual causes (podwhy
// explain STATE), wrapped and coloured like the report.
func Explanation(w io.Writer, meaning, title string, causes []string, o TextOptions) error {
	if o.Width <= 0 {
		o.Width = 100
	}
	t := &tw{w: w, o: o, width: o.Width}
	t.wrap("", "", t.c(ansiBold, meaning))
	t.line("")
	t.line(t.c(ansiDim, title))
	for _, c := range causes {
		if c == "" {
			t.line("")
			continue
		}
		first := ""
		if rest, ok := strings.CutPrefix(c, "• "); ok {
			first, c = "• ", rest
		}
		t.wrap("  ", first, c)
	}
	return t.err
}
