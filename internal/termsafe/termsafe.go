// Package termsafe makes text from a cluster or a paste safe to print on a
// terminal. Pod names, event messages, image strings and log lines are
// written by whoever controls the cluster or the paste; a raw ESC, an OSC
// title, a carriage return, a backspace or a bidi override in them could
// rewrite what the user sees (hide a line, forge a command, set the window
// title). Every such character is shown as a visible escape instead
// (\x1b, \r, \u202e), so the text stays readable and nothing in it acts on
// the terminal. JSON and YAML output do not need this: their encoders
// escape control characters already, and the data stays as it was.
package termsafe

import (
	"fmt"
	"io"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"
)

// String escapes everything a terminal would act on, except newline and
// tab: multi-line messages and logs keep their lines.
func String(s string) string { return escape(s, false) }

// Line is String for text that must stay on one line (a note on stderr, a
// name in a table): newlines are escaped too.
func Line(s string) string { return escape(s, true) }

// unsafeRune reports runes that act on a terminal or reorder what it shows
// rather than print: C0 and C1 controls, DEL, and Unicode format
// characters (bidi overrides and isolates, zero-width joiners, the BOM,
// tag characters), plus the line and paragraph separators some terminals
// and editors treat as newlines.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028, r == 0x2029:
		return true
	}
	return r >= 0xa0 && unicode.Is(unicode.Cf, r)
}

// needs is the fast path: most text has nothing to escape.
func needs(s string, oneLine bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\n':
			if oneLine {
				return true
			}
		case c == '\t':
		case c < 0x20, c == 0x7f, c >= 0x80:
			if c < 0x80 {
				return true
			}
			r, n := utf8.DecodeRuneInString(s[i:])
			if r == utf8.RuneError && n <= 1 || unsafeRune(r) {
				return true
			}
			i += n - 1
		}
	}
	return false
}

func escape(s string, oneLine bool) string {
	if !needs(s, oneLine) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			// A lone byte such as 0x9b is CSI on terminals that read
			// 8-bit controls.
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' && oneLine:
			b.WriteString(`\n`)
		case r == '\n', r == '\t':
			b.WriteRune(r)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20, r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r) && r <= 0xffff:
			fmt.Fprintf(&b, `\u%04x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\U%08x`, r)
		default:
			b.WriteString(s[i : i+n])
		}
		i += n
	}
	return b.String()
}

// Copy returns a deep copy of v with every string in it passed through
// String: a whole report made safe before it is laid out, so no field
// (today's or one added later) reaches the terminal raw. v itself is not
// changed; reports are shared with other goroutines (podwhy serve).
func Copy[T any](v T) T {
	rv := reflect.ValueOf(&v).Elem()
	out := reflect.New(rv.Type()).Elem()
	out.Set(copyValue(rv, 0))
	return out.Interface().(T)
}

// maxDepth stops a cyclic value; reports are a few levels deep.
const maxDepth = 32

func copyValue(v reflect.Value, depth int) reflect.Value {
	if depth > maxDepth {
		return v
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if e := String(s); e != s {
			c := reflect.New(v.Type()).Elem()
			c.SetString(e)
			return c
		}
		return v
	case reflect.Struct:
		c := reflect.New(v.Type()).Elem()
		// The unexported fields (time.Time's) come along as they are.
		c.Set(v)
		for i := 0; i < v.NumField(); i++ {
			if f := c.Field(i); f.CanSet() {
				f.Set(copyValue(v.Field(i), depth+1))
			}
		}
		return c
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(copyValue(v.Index(i), depth+1))
		}
		return c
	case reflect.Array:
		c := reflect.New(v.Type()).Elem()
		for i := 0; i < v.Len(); i++ {
			c.Index(i).Set(copyValue(v.Index(i), depth+1))
		}
		return c
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		c := reflect.MakeMapWithSize(v.Type(), v.Len())
		it := v.MapRange()
		for it.Next() {
			c.SetMapIndex(copyValue(it.Key(), depth+1), copyValue(it.Value(), depth+1))
		}
		return c
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		c := reflect.New(v.Type().Elem())
		c.Elem().Set(copyValue(v.Elem(), depth+1))
		return c
	case reflect.Interface:
		if v.IsNil() {
			return v
		}
		inner := copyValue(v.Elem(), depth+1)
		c := reflect.New(v.Type()).Elem()
		c.Set(inner)
		return c
	}
	return v
}

// Writer escapes what is written through it like String. A character
// split across two writes is held until it is whole, so an escape is
// never decided on half a character.
type Writer struct {
	w    io.Writer
	tail []byte
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{w: w} }

func (t *Writer) Write(p []byte) (int, error) {
	buf := append(t.tail, p...)
	t.tail = nil
	// Hold back an incomplete character at the end.
	cut := len(buf)
	for k := 1; k <= utf8.UTFMax-1 && k <= len(buf); k++ {
		c := buf[len(buf)-k]
		if c < 0x80 {
			break
		}
		if utf8.RuneStart(c) {
			if !utf8.FullRune(buf[len(buf)-k:]) {
				cut = len(buf) - k
			}
			break
		}
	}
	t.tail = append([]byte(nil), buf[cut:]...)
	if _, err := io.WriteString(t.w, String(string(buf[:cut]))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// Flush writes a held incomplete character, escaped.
func (t *Writer) Flush() error {
	if len(t.tail) == 0 {
		return nil
	}
	s := String(string(t.tail))
	t.tail = nil
	_, err := io.WriteString(t.w, s)
	return err
}
