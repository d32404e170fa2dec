package report

import (
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/i18n"
)

const hostile = "x\x1b]0;title\x07\x1b[2J\r\b\x7f\u009b\u202e\u2066\x00\xff"

// fill sets every string reachable from v to s and gives every slice one
// element, so a field added to the report later is covered too.
func fill(v reflect.Value, s string, depth int) {
	if depth > 8 {
		return
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			v.Set(reflect.ValueOf(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)))
			return
		}
		for i := 0; i < v.NumField(); i++ {
			if v.Field(i).CanSet() {
				fill(v.Field(i), s, depth+1)
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0), s, depth+1)
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), s, depth+1)
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k, s, depth+1)
		fill(e, s, depth+1)
		v.SetMapIndex(k, e)
	case reflect.Int, reflect.Int32, reflect.Int64:
		v.SetInt(3)
	case reflect.Bool:
		v.SetBool(true)
	}
}

var ownSGR = regexp.MustCompile(`\x1b\[[0-9;]*m`)

func checkSafe(t *testing.T, what, out string, color bool) {
	t.Helper()
	if color {
		if !strings.Contains(out, ansiBold) {
			t.Errorf("%s: podwhy's colour codes are gone", what)
		}
		out = ownSGR.ReplaceAllString(out, "")
	}
	for i, r := range out {
		if r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 || r == 0x202e || r == 0x2066 || r == 0xfffd {
			t.Fatalf("%s: raw %U at %d: %q", what, r, i, out[max(0, i-30):min(len(out), i+30)])
		}
	}
	if !strings.Contains(out, `x\x1b]0;title\x07\x1b[2J\r\x08\x7f\u009b\u202e\u2066\x00\xff`) {
		t.Errorf("%s: the hostile text is not shown escaped:\n%s", what, out)
	}
}

// Every string of a report — names, messages, evidence, commands, notes —
// reaches the terminal with its control characters escaped; the document
// itself keeps them (JSON shows the data as it is).
func TestTextAndMarkdownEscapeControlCharacters(t *testing.T) {
	var d Doc
	fill(reflect.ValueOf(&d).Elem(), hostile, 0)
	d.Findings[0].Severity, d.Findings[0].Confidence = "error", "high"
	d.Findings[0].Evidence[0].Kind = "event"
	d.Unexplained[0].Kind = "event"
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		for _, color := range []bool{false, true} {
			var b strings.Builder
			if err := Text(&b, d, TextOptions{Lang: lang, Color: color}); err != nil {
				t.Fatal(err)
			}
			checkSafe(t, "text", b.String(), color)
		}
		var b strings.Builder
		if err := Markdown(&b, d, lang); err != nil {
			t.Fatal(err)
		}
		checkSafe(t, "markdown", b.String(), false)
	}
	var b strings.Builder
	if err := SummaryLine(&b, d); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(b.String(), "\x1b\r\b") {
		t.Errorf("summary: %q", b.String())
	}
	if d.Findings[0].Headline != hostile {
		t.Error("rendering changed the document")
	}
}
