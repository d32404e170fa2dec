package report_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
)

var ansi = regexp.MustCompile("\x1b\\[[0-9;]*m")

// cells counts terminal cells the way a terminal does for this text:
// CJK and full-width forms two, everything else one.
func cells(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x1100 && (r <= 0x115f || (r >= 0x2e80 && r <= 0xa4cf) || (r >= 0xac00 && r <= 0xd7a3) ||
			(r >= 0xf900 && r <= 0xfaff) || (r >= 0xfe30 && r <= 0xfe4f) || (r >= 0xff00 && r <= 0xff60) || (r >= 0xffe0 && r <= 0xffe6)) {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// TestColorKeepsLayout: at 80 columns, the coloured report is the plain
// report with colour codes added: same line breaks, same indents, no
// line wider than the terminal except an unbreakable word (a command or
// a URL), in English and Chinese. Colour codes counted as width pushed
// continuation lines 8 columns right and broke them early.
func TestColorKeepsLayout(t *testing.T) {
	for name, files := range inputs(t) {
		res := diagnoseFiles(t, files)
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			doc := report.Build(res, lang)
			var plain, color bytes.Buffer
			if err := report.Text(&plain, doc, report.TextOptions{Lang: lang, Width: 80}); err != nil {
				t.Fatal(err)
			}
			if err := report.Text(&color, doc, report.TextOptions{Lang: lang, Width: 80, Color: true}); err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(color.String(), "\x1b[") {
				t.Fatalf("%s (%s): no colour in the coloured report", name, lang)
			}
			stripped := ansi.ReplaceAllString(color.String(), "")
			if stripped != plain.String() {
				pl, cl := strings.Split(plain.String(), "\n"), strings.Split(stripped, "\n")
				for i := 0; i < len(pl) && i < len(cl); i++ {
					if pl[i] != cl[i] {
						t.Errorf("%s (%s) line %d:\n plain %q\n color %q", name, lang, i+1, pl[i], cl[i])
						break
					}
				}
				continue
			}
			for i, l := range strings.Split(stripped, "\n") {
				if cells(l) <= 80 {
					continue
				}
				// Commands are printed whole, to be copied; a word longer
				// than half the width (a URL, an image reference) cannot
				// be broken. Anything else must fit.
				trimmed := strings.TrimSpace(l)
				words := strings.Fields(trimmed)
				if strings.HasPrefix(trimmed, "$ ") || cells(words[len(words)-1]) > 40 {
					continue
				}
				t.Errorf("%s (%s) line %d is %d cells wide: %q", name, lang, i+1, cells(l), l)
			}
		}
	}
}
