// Package shelltest reads a printed command back the way a POSIX shell
// does, with an independent parser (mvdan.cc/sh), so tests can prove that
// what podwhy prints is exactly the argument lists it built. Only tests
// import it.
package shelltest

import (
	"fmt"
	"strings"

	"mvdan.cc/sh/v3/syntax"

	"github.com/podwhy/podwhy/internal/shell"
)

// Parse splits a printed command into its argument lists and the operators
// between them. Anything a shell would expand, redirect or glob is an
// error: podwhy never prints such a thing unquoted.
func Parse(s string) (shell.Cmd, error) {
	f, err := syntax.NewParser(syntax.Variant(syntax.LangPOSIX)).Parse(strings.NewReader(s), "")
	if err != nil {
		return shell.Cmd{}, fmt.Errorf("parse %q: %w", s, err)
	}
	var lists [][]string
	var ops []shell.Op
	out := ""
	var walk func(st *syntax.Stmt) error
	walk = func(st *syntax.Stmt) error {
		if st.Negated || st.Background || st.Coprocess {
			return fmt.Errorf("%q: negation or background", s)
		}
		for _, r := range st.Redirs {
			if r.Op != syntax.RdrOut || r.N != nil || out != "" {
				return fmt.Errorf("%q: redirection %s", s, r.Op)
			}
			file, err := literal(r.Word)
			if err != nil {
				return fmt.Errorf("%q: %w", s, err)
			}
			out = file
		}
		switch c := st.Cmd.(type) {
		case *syntax.CallExpr:
			if len(c.Assigns) > 0 {
				return fmt.Errorf("%q: an assignment", s)
			}
			var argv []string
			for _, w := range c.Args {
				a, err := literal(w)
				if err != nil {
					return fmt.Errorf("%q: %w", s, err)
				}
				argv = append(argv, a)
			}
			lists = append(lists, argv)
		case *syntax.BinaryCmd:
			if err := walk(c.X); err != nil {
				return err
			}
			switch c.Op {
			case syntax.Pipe:
				ops = append(ops, shell.Pipe)
			case syntax.AndStmt:
				ops = append(ops, shell.And)
			case syntax.OrStmt:
				ops = append(ops, shell.Or)
			default:
				return fmt.Errorf("%q: operator %s", s, c.Op)
			}
			return walk(c.Y)
		default:
			return fmt.Errorf("%q: shell syntax %T", s, st.Cmd)
		}
		return nil
	}
	for i, st := range f.Stmts {
		if i > 0 {
			ops = append(ops, shell.Seq)
		}
		if err := walk(st); err != nil {
			return shell.Cmd{}, err
		}
	}
	if len(lists) == 0 {
		return shell.Cmd{}, fmt.Errorf("%q: no command", s)
	}
	c := shell.Cmd{Argv: lists[0], Out: out}
	for i, l := range lists[1:] {
		c.Then = append(c.Then, shell.Link{Op: ops[i], Argv: l})
	}
	return c, nil
}

// literal is the word's value when it has only literal text and quotes.
func literal(w *syntax.Word) (string, error) {
	var b strings.Builder
	for _, p := range w.Parts {
		switch p := p.(type) {
		case *syntax.Lit:
			if strings.ContainsAny(p.Value, "*?[~{}") {
				return "", fmt.Errorf("unquoted pattern %q", p.Value)
			}
			b.WriteString(unescape(p.Value))
		case *syntax.SglQuoted:
			if p.Dollar {
				return "", fmt.Errorf("$'…' quoting")
			}
			b.WriteString(p.Value)
		case *syntax.DblQuoted:
			for _, q := range p.Parts {
				lit, ok := q.(*syntax.Lit)
				if !ok {
					return "", fmt.Errorf("expansion %T inside double quotes", q)
				}
				b.WriteString(unescapeDbl(lit.Value))
			}
		default:
			return "", fmt.Errorf("expansion %T", p)
		}
	}
	return b.String(), nil
}

// unescape removes the backslashes of an unquoted word.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
			if s[i] == '\n' {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// unescapeDbl removes the backslashes that are escapes inside "…".
func unescapeDbl(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) && strings.IndexByte("$`\"\\\n", s[i+1]) >= 0 {
			i++
			if s[i] == '\n' {
				continue
			}
		}
		b.WriteByte(s[i])
	}
	return b.String()
}
