package report

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"sigs.k8s.io/yaml"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/termsafe"
)

// JSON writes the report document, indented.
func JSON(w io.Writer, d Doc) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// YAML writes the same document as YAML.
func YAML(w io.Writer, d Doc) error {
	b, err := yaml.Marshal(d)
	if err != nil {
		return fmt.Errorf("encode yaml: %w", err)
	}
	_, err = w.Write(b)
	return err
}

// Markdown writes a report to paste into a ticket.
func Markdown(w io.Writer, d Doc, lang i18n.Lang) error {
	L := func(key string, args ...any) string { return i18n.T(key, args...).String(lang) }
	// Markdown is read on terminals too (and pasted from them): the
	// cluster's control characters are shown escaped, as in the text
	// report.
	d = termsafe.Copy(d)
	var b strings.Builder
	fmt.Fprintf(&b, "## podwhy: %s\n\n", d.Summary.Text)
	for _, f := range d.Findings {
		subj := f.Subject.Kind + " `" + f.Subject.Name + "`"
		if f.Namespace != "" {
			subj = f.Subject.Kind + " `" + f.Namespace + "/" + f.Subject.Name + "`"
		}
		fmt.Fprintf(&b, "### %s %s — %s\n\n", sevIcon(f.Severity), subj, mdEscape(f.Headline))
		fmt.Fprintf(&b, "**%s** · `%s` · %s `%s`", L("sev."+f.Severity), f.Reason, f.Class, f.ID)
		if f.Container != "" {
			fmt.Fprintf(&b, " · %s", L("report.container", "`"+f.Container+"`"))
		}
		b.WriteString("\n\n")
		if len(f.Pods) > 0 {
			fmt.Fprintf(&b, "| %s | %s | %s | %s |\n|---|---|---|---|\n", L("md.pod"), L("md.status"), L("md.node"), L("md.restarts"))
			for i, p := range f.Pods {
				if i == 20 {
					fmt.Fprintf(&b, "| %s | | | |\n", L("report.more", len(f.Pods)-20))
					break
				}
				fmt.Fprintf(&b, "| `%s` | %s | %s | %d |\n", p.Name, p.Status, p.Node, p.Restarts)
			}
			b.WriteString("\n")
		}
		if len(f.Evidence) > 0 {
			fmt.Fprintf(&b, "**%s**\n\n", strings.TrimSuffix(L("report.evidence"), ":"))
			for _, e := range f.Evidence {
				label := evidenceLabel(e, d.Now, L)
				fmt.Fprintf(&b, "- %s\n", mdEscape(label))
				if e.Text != "" {
					fmt.Fprintf(&b, "  ```\n  %s\n  ```\n", strings.ReplaceAll(e.Text, "\n", "\n  "))
				}
				if e.Note != "" {
					fmt.Fprintf(&b, "  %s\n", mdEscape(e.Note))
				}
			}
			b.WriteString("\n")
		}
		if f.Explanation != "" {
			fmt.Fprintf(&b, "**%s** %s\n\n", L("report.why"), mdEscape(f.Explanation))
		}
		for _, u := range f.Unchecked {
			fmt.Fprintf(&b, "> %s %s\n\n", L("report.unchecked"), mdEscape(u))
		}
		if len(f.PasteNext) > 0 {
			fmt.Fprintf(&b, "%s\n\n```sh\n%s\n```\n\n", L("report.paste-next"), strings.Join(f.PasteNext, "\n"))
		}
		if len(f.Steps) > 0 {
			fmt.Fprintf(&b, "**%s**\n\n", strings.TrimSuffix(L("report.next"), ":"))
			for _, s := range f.Steps {
				if s.Text != "" {
					ch := ""
					if s.Changes {
						ch = " " + L("report.changes")
					}
					fmt.Fprintf(&b, "1. %s%s\n", mdEscape(s.Text), ch)
				}
				if s.Command != "" {
					fmt.Fprintf(&b, "   ```sh\n   %s\n   ```\n", s.Command)
				}
			}
			b.WriteString("\n")
		}
	}
	for _, n := range d.Notes {
		fmt.Fprintf(&b, "> ⚠ %s\n\n", mdEscape(n))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func sevIcon(s string) string {
	switch s {
	case "error":
		return "🔴"
	case "warning":
		return "🟡"
	}
	return "🔵"
}

func mdEscape(s string) string {
	r := strings.NewReplacer("|", "\\|", "<", "&lt;", ">", "&gt;")
	return r.Replace(s)
}
