package termsafe

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// hostile is text a cluster or paste may hold that acts on a terminal:
// tests elsewhere put it into names, messages and logs.
const hostile = "web\x1b[2J\x1b]0;pwned\x07\rX\bY\x7f\u009b31m\u202eevil\u2066i\u2069\u200b\x00\xff\xfe"

func TestStringEscapesControls(t *testing.T) {
	for in, want := range map[string]string{
		"plain pod web-1":          "plain pod web-1",
		"中文 ok — “quotes” 🔴":       "中文 ok — “quotes” 🔴",
		"a\nb\tc":                  "a\nb\tc",
		"\x1b[31mred\x1b[0m":       `\x1b[31mred\x1b[0m`,
		"\x1b]0;title\x07":         `\x1b]0;title\x07`,
		"over\rwrite":              `over\rwrite`,
		"back\bspace\x7f":          `back\x08space\x7f`,
		"c1 \u009b and \u0085":     `c1 \u009b and \u0085`,
		"bidi \u202ecod\u202c":     `bidi \u202ecod\u202c`,
		"iso \u2066x\u2069 \u200f": `iso \u2066x\u2069 \u200f`,
		"bom \ufeff zw\u200b":      `bom \ufeff zw\u200b`,
		"tag \U000e0041":           `tag \U000e0041`,
		"sep \u2028":               `sep \u2028`,
		"bad \x9b byte":            `bad \x9b byte`,
		"nul \x00":                 `nul \x00`,
	} {
		if got := String(in); got != want {
			t.Errorf("String(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Line("a\nb\tc"); got != `a\nb`+"\tc" {
		t.Errorf("Line kept a newline: %q", got)
	}
}

// AssertClean fails when s holds a byte or character String would escape.
func assertClean(t *testing.T, s string) {
	t.Helper()
	if String(s) != s {
		t.Fatalf("raw control characters left in %q", s)
	}
}

func TestStringIsClean(t *testing.T) {
	for _, s := range []string{hostile, strings.Repeat(hostile, 3), "\xe2\x80", "\xe2\x80\xae"} {
		out := String(s)
		assertClean(t, out)
		if !utf8.ValidString(out) {
			t.Errorf("String(%q) is not valid UTF-8", s)
		}
	}
}

type inner struct {
	Name string
	When time.Time
	ID   myString
}

type myString string

type doc struct {
	Title  string
	Items  []inner
	Ptr    *inner
	Map    map[string]int
	Any    any
	Tags   [2]string
	hidden string
}

func TestCopyEscapesEveryStringAndLeavesTheOriginal(t *testing.T) {
	now := time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)
	d := doc{Title: hostile, Items: []inner{{Name: hostile, When: now, ID: myString(hostile)}}, Ptr: &inner{Name: hostile},
		Map: map[string]int{hostile: 1}, Any: hostile, Tags: [2]string{hostile, "ok"}, hidden: "h"}
	c := Copy(d)
	for _, s := range []string{c.Title, c.Items[0].Name, string(c.Items[0].ID), c.Ptr.Name, c.Any.(string), c.Tags[0]} {
		assertClean(t, s)
	}
	for k := range c.Map {
		assertClean(t, k)
	}
	if !c.Items[0].When.Equal(now) || c.hidden != "h" || c.Tags[1] != "ok" {
		t.Errorf("copy lost data: %+v", c)
	}
	if d.Title != hostile || d.Items[0].Name != hostile || d.Ptr.Name != hostile {
		t.Error("Copy changed the original")
	}
}

func TestWriterHoldsSplitCharacters(t *testing.T) {
	var b bytes.Buffer
	w := NewWriter(&b)
	in := []byte("ok é \u202e\x1b[1m done")
	for i := range in {
		if _, err := w.Write(in[i : i+1]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if want := `ok é \u202e\x1b[1m done`; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}
