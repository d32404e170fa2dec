// Package shell holds the commands podwhy prints: argument lists, joined
// only by the operators podwhy itself writes, and printed with POSIX shell
// quoting. Names, images, probe commands and messages come from objects
// other people control; building a command as text would let a `;` or a
// `$(…)` in one of them run in the reader's shell when the step is pasted.
package shell

import (
	"regexp"
	"strings"
)

// Op joins two commands. Only these are printed unquoted.
type Op string

const (
	Pipe Op = "|"
	And  Op = "&&"
	Seq  Op = ";"
	Or   Op = "||"
)

// Link is a further command and the operator before it.
type Link struct {
	Op   Op       `json:"op"`
	Argv []string `json:"argv"`
}

// Cmd is one command line: a first argument list and the ones joined to it.
type Cmd struct {
	Argv []string
	Then []Link
	// Out is a file the last command's output is written to (> file).
	Out string
}

// New is a command of one argument list.
func New(argv ...string) Cmd { return Cmd{Argv: argv} }

// Kubectl is a kubectl command in namespace ns ("" for cluster-scoped).
func Kubectl(ns string, args ...string) Cmd {
	argv := make([]string, 0, len(args)+3)
	argv = append(argv, "kubectl")
	if ns != "" {
		argv = append(argv, "-n", ns)
	}
	return Cmd{Argv: append(argv, args...)}
}

// Join appends argv after op. The receiver is not changed.
func (c Cmd) Join(op Op, argv ...string) Cmd {
	then := make([]Link, len(c.Then), len(c.Then)+1)
	copy(then, c.Then)
	return Cmd{Argv: c.Argv, Then: append(then, Link{Op: op, Argv: argv})}
}

// Pipe is c | argv.
func (c Cmd) Pipe(argv ...string) Cmd { return c.Join(Pipe, argv...) }

// And is c && argv.
func (c Cmd) And(argv ...string) Cmd { return c.Join(And, argv...) }

// Then is c; argv.
func (c Cmd) Seq(argv ...string) Cmd { return c.Join(Seq, argv...) }

// AndCmd is c && d.
func (c Cmd) AndCmd(d Cmd) Cmd { return c.chain(And, d) }

// PipeCmd is c | d.
func (c Cmd) PipeCmd(d Cmd) Cmd { return c.chain(Pipe, d) }

// SeqCmd is c; d.
func (c Cmd) SeqCmd(d Cmd) Cmd { return c.chain(Seq, d) }

func (c Cmd) chain(op Op, d Cmd) Cmd {
	out := c.Join(op, d.Argv...)
	out.Then = append(out.Then, d.Then...)
	out.Out = d.Out
	return out
}

// To writes the output of the command line to a file.
func (c Cmd) To(file string) Cmd {
	c.Out = file
	return c
}

// IsZero reports a step without a command.
func (c Cmd) IsZero() bool { return len(c.Argv) == 0 }

// Lists returns every argument list, in order.
func (c Cmd) Lists() [][]string {
	if c.IsZero() {
		return nil
	}
	out := [][]string{c.Argv}
	for _, l := range c.Then {
		out = append(out, l.Argv)
	}
	return out
}

// String prints the command for a POSIX shell: each argument quoted only
// where the shell would otherwise read it differently.
func (c Cmd) String() string {
	if c.IsZero() {
		return ""
	}
	var b strings.Builder
	writeArgv(&b, c.Argv)
	for _, l := range c.Then {
		if l.Op != Seq {
			b.WriteByte(' ')
		}
		b.WriteString(string(l.Op))
		b.WriteByte(' ')
		writeArgv(&b, l.Argv)
	}
	if c.Out != "" {
		b.WriteString(" > ")
		b.WriteString(Quote(c.Out))
	}
	return b.String()
}

func writeArgv(b *strings.Builder, argv []string) {
	for i, a := range argv {
		if i > 0 {
			b.WriteByte(' ')
		}
		// The first word is read as an assignment when it has a =, and as
		// syntax when it is a reserved word.
		if i == 0 && (strings.Contains(a, "=") || reserved[a]) {
			b.WriteString("'" + strings.ReplaceAll(a, "'", `'\''`) + "'")
			continue
		}
		b.WriteString(Quote(a))
	}
}

var reserved = map[string]bool{"if": true, "then": true, "else": true, "elif": true, "fi": true, "do": true, "done": true,
	"case": true, "esac": true, "while": true, "until": true, "for": true, "in": true, "function": true, "select": true, "time": true, "coproc": true}

// Quote quotes one argument. Plain words stay as they are; anything else is
// single-quoted, with each ' written as '\”. An empty argument is ”.
func Quote(s string) string {
	if s == "" {
		return "''"
	}
	if plain(s) {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// plain is true for words no POSIX shell (nor bash's brace and tilde
// expansion) changes: letters, digits and a few punctuation marks; = and
// : only after the first character, where they cannot start an assignment
// read as a command or a tilde expansion.
func plain(s string) bool {
	for i := 0; i < len(s); i++ {
		ch := s[i]
		switch {
		case ch >= 'a' && ch <= 'z', ch >= 'A' && ch <= 'Z', ch >= '0' && ch <= '9':
		case ch == '-', ch == '_', ch == '.', ch == '/', ch == ',', ch == '+', ch == '@', ch == '%':
		case (ch == '=' || ch == ':') && i > 0:
		default:
			return false
		}
	}
	return true
}

// placeholderRe is how podwhy marks what only the reader knows, in
// kubectl's own usage style: <pod>, <container>, <actual use>.
var placeholderRe = regexp.MustCompile(`<([a-z][a-z0-9 ._-]*)>`)

// Placeholders lists, once each and in order, the placeholders left in the
// command: a tool must not run a command that has any.
func (c Cmd) Placeholders() []string {
	var out []string
	seen := map[string]bool{}
	for _, argv := range append(c.Lists(), []string{c.Out}) {
		for _, a := range argv {
			for _, m := range placeholderRe.FindAllStringSubmatch(a, -1) {
				if !seen[m[1]] {
					seen[m[1]] = true
					out = append(out, m[1])
				}
			}
		}
	}
	return out
}

// Fill replaces placeholders by values (name without brackets → value);
// what values does not name stays.
func (c Cmd) Fill(values map[string]string) Cmd {
	fill := func(argv []string) []string {
		out := make([]string, len(argv))
		for i, a := range argv {
			out[i] = placeholderRe.ReplaceAllStringFunc(a, func(m string) string {
				if v, ok := values[m[1:len(m)-1]]; ok {
					return v
				}
				return m
			})
		}
		return out
	}
	out := Cmd{Argv: fill(c.Argv), Out: fill([]string{c.Out})[0]}
	for _, l := range c.Then {
		out.Then = append(out.Then, Link{Op: l.Op, Argv: fill(l.Argv)})
	}
	return out
}
