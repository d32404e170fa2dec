package cli

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

var updateDocs = flag.Bool("update", false, "rewrite README.md and docs/commands.md from the commands")

// outputBlock is a README marker naming a podwhy command line, followed by
// the fenced block that must be its output.
var outputBlock = regexp.MustCompile("(?s)<!-- output of: (podwhy [^>]*?) -->\n```\n(.*?)```\n")

// TestReadme: the sample output in the README is what podwhy prints for
// the shipped examples today, and the flags table and docs/commands.md are
// the flags the commands have: none of it can go stale. -update rewrites
// them.
func TestReadme(t *testing.T) {
	t.Chdir("../..")
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	blocks := outputBlock.FindAllStringSubmatch(text, -1)
	if len(blocks) < 3 {
		t.Fatalf("README has %d generated output blocks, want the English and Chinese samples and the cause chain", len(blocks))
	}
	want := outputBlock.ReplaceAllStringFunc(text, func(block string) string {
		m := outputBlock.FindStringSubmatch(block)
		args := strings.Fields(m[1])[1:]
		var out, errb bytes.Buffer
		code := Main(args, IO{In: strings.NewReader(""), Out: &out, Err: &errb, Name: "podwhy"})
		if code == ExitUsage || out.Len() == 0 {
			t.Errorf("README sample %q: exit %d: %s", m[1], code, errb.String())
			return block
		}
		return "<!-- output of: " + m[1] + " -->\n```\n" + out.String() + "```\n"
	})
	want = replaceBetween(t, want, "<!-- flags: generated from the commands -->\n", "<!-- end flags -->", flagsTable())
	check(t, "README.md", text, want)

	ref, _ := os.ReadFile("docs/commands.md")
	check(t, "docs/commands.md", string(ref), commandsReference())
}

func check(t *testing.T, path, have, want string) {
	t.Helper()
	if have == want {
		return
	}
	if *updateDocs {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	hl, wl := strings.Split(have, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(hl) && i < len(wl); i++ {
		if hl[i] != wl[i] {
			t.Fatalf("%s is stale at line %d (go test ./internal/cli -run TestReadme -update):\n have %q\n want %q", path, i+1, hl[i], wl[i])
		}
	}
	t.Fatalf("%s is stale: %d lines, want %d (go test ./internal/cli -run TestReadme -update)", path, len(hl), len(wl))
}

func replaceBetween(t *testing.T, s, start, end, with string) string {
	t.Helper()
	i, j := strings.Index(s, start), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("README has no %q … %q section", start, end)
	}
	return s[:i+len(start)] + with + s[j:]
}

func rootCommand() *cobra.Command {
	code := 0
	return newCommand(IO{In: strings.NewReader(""), Out: &bytes.Buffer{}, Err: &bytes.Buffer{}, Name: "podwhy"}, &code)
}

// flagsTable is the README's table: the diagnosis flags one per row,
// kubectl's own connection flags in one.
func flagsTable() string {
	var b strings.Builder
	b.WriteString("| flag | meaning |\n|---|---|\n")
	root := rootCommand()
	root.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		fmt.Fprintf(&b, "| %s | %s |\n", flagName(f), flagUsage(f))
	})
	var kube []string
	root.PersistentFlags().VisitAll(func(f *pflag.Flag) { kube = append(kube, flagName(f)) })
	fmt.Fprintf(&b, "| %s | kubectl's own connection flags, as in kubectl (`k8s.io/cli-runtime`) |\n", strings.Join(kube, ", "))
	return b.String()
}

func flagName(f *pflag.Flag) string {
	if f.Shorthand != "" {
		return "`-" + f.Shorthand + ", --" + f.Name + "`"
	}
	return "`--" + f.Name + "`"
}

func flagUsage(f *pflag.Flag) string {
	u := strings.ReplaceAll(f.Usage, "|", `\|`)
	switch f.Value.Type() {
	case "bool", "stringArray":
	default:
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "[]" {
			u += " (default `" + f.DefValue + "`)"
		}
	}
	return u
}

// commandsReference is docs/commands.md: every command, its usage and its
// own flags.
func commandsReference() string {
	var b strings.Builder
	b.WriteString("# podwhy commands\n\nGenerated from the commands by `go test ./internal/cli -run TestReadme -update`; do not edit.\n")
	b.WriteString("Every command also takes kubectl's connection flags (`--kubeconfig`, `--context`, `-n`, …). Installed as\n`kubectl-why`, each is also `kubectl why …`.\n")
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Hidden || c.Name() == "help" || c.Name() == "__complete" {
			return
		}
		if c.HasParent() && c.Parent().Name() == "completion" {
			return
		}
		fmt.Fprintf(&b, "\n## %s\n\n%s.\n\n```\n%s\n```\n", c.CommandPath(), strings.TrimSuffix(c.Short, "."), c.UseLine())
		if c.Example != "" {
			fmt.Fprintf(&b, "\nExamples:\n\n```sh\n%s\n```\n", strings.TrimRight(dedent(c.Example), "\n"))
		}
		rows := 0
		c.LocalNonPersistentFlags().VisitAll(func(f *pflag.Flag) {
			if f.Hidden || f.Name == "help" {
				return
			}
			if rows == 0 {
				b.WriteString("\n| flag | meaning |\n|---|---|\n")
			}
			rows++
			fmt.Fprintf(&b, "| %s | %s |\n", flagName(f), flagUsage(f))
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(rootCommand())
	return b.String()
}

func dedent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimPrefix(l, "  ")
	}
	return strings.Join(lines, "\n")
}
