// Package i18n is podwhy's one message catalog. Every user-facing sentence
// is a key with an English and a Chinese text, written for readers of each
// language rather than translated word by word. Findings carry keys and
// arguments, so the same finding renders in either language.
package i18n

import (
	"fmt"
	"os"
	"strings"
	"time"
)

// Lang is an output language.
type Lang string

const (
	EN Lang = "en"
	ZH Lang = "zh"
)

// ParseLang accepts en, zh and locale names (zh_CN.UTF-8, en-US).
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "en" || strings.HasPrefix(s, "en_") || strings.HasPrefix(s, "en-") || s == "c" || s == "posix" || strings.HasPrefix(s, "c."):
		return EN, true
	case s == "zh" || strings.HasPrefix(s, "zh_") || strings.HasPrefix(s, "zh-") || strings.HasPrefix(s, "zh."):
		return ZH, true
	}
	return EN, false
}

// FromEnv picks the language from LC_ALL, LC_MESSAGES, LANG (in POSIX order).
func FromEnv() Lang {
	for _, v := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if s := os.Getenv(v); s != "" {
			l, _ := ParseLang(s)
			return l
		}
	}
	return EN
}

// Text is one catalog entry.
type Text struct{ EN, ZH string }

var catalog = map[string]Text{}

func add(m map[string]Text) {
	for k, v := range m {
		if _, dup := catalog[k]; dup {
			panic("i18n: duplicate key " + k)
		}
		catalog[k] = v
	}
}

// Keys returns every catalog key (for tests).
func Keys() map[string]Text { return catalog }

// Msg is a catalog key with arguments. Arguments may be strings, numbers,
// List, Dur, or nested Msg values, all rendered in the message's language.
type Msg struct {
	Key  string `json:"key"`
	Args []any  `json:"args,omitempty"`
}

// T makes a message.
func T(key string, args ...any) Msg { return Msg{Key: key, Args: args} }

// IsZero reports an empty message.
func (m Msg) IsZero() bool { return m.Key == "" }

// String renders the message in a language.
func (m Msg) String(l Lang) string {
	if m.Key == "" {
		return ""
	}
	t, ok := catalog[m.Key]
	if !ok {
		return "!" + m.Key
	}
	f := t.EN
	if l == ZH && t.ZH != "" {
		f = t.ZH
	}
	if len(m.Args) == 0 {
		return f
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = render(a, l)
	}
	return fmt.Sprintf(f, args...)
}

func render(a any, l Lang) any {
	switch v := a.(type) {
	case Msg:
		return v.String(l)
	case List:
		sep := ", "
		if l == ZH {
			sep = "、"
		}
		return strings.Join(v, sep)
	case Dur:
		return v.String()
	case []Msg:
		parts := make([]string, len(v))
		for i, m := range v {
			parts[i] = m.String(l)
		}
		sep := "; "
		if l == ZH {
			sep = "；"
		}
		return strings.Join(parts, sep)
	}
	return a
}

// List renders as "a, b, c" in English and "a、b、c" in Chinese.
type List []string

// Dur renders a duration the way kubectl prints ages: 45s, 12m, 3h20m, 5d.
type Dur time.Duration

func (d Dur) String() string { return Age(time.Duration(d)) }

// Age formats like kubectl's duration.HumanDuration, shortened.
func Age(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < 10*time.Minute:
		m := int(d.Minutes())
		if s := int(d.Seconds()) % 60; s != 0 {
			return fmt.Sprintf("%dm%ds", m, s)
		}
		return fmt.Sprintf("%dm", m)
	case d < 3*time.Hour:
		h := int(d.Hours())
		m := int(d.Minutes()) % 60
		if h == 0 {
			return fmt.Sprintf("%dm", m)
		}
		if m == 0 {
			return fmt.Sprintf("%dh", h)
		}
		return fmt.Sprintf("%dh%dm", h, m)
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	default:
		return fmt.Sprintf("%dd", int(d.Hours()/24))
	}
}
