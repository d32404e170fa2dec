package kubetext

import (
	"regexp"
	"strings"
	"unicode/utf8"
)

// command is what a shell prompt line in a paste says was run; it gives the
// output below it a namespace, a kind and a format the output itself may
// not carry (kubectl get pods without -A prints no namespace).
type command struct {
	verb      string // describe, get, logs, events
	kind      string // canonical lower-case plural resource: pods, events, nodes, …
	name      string
	namespace string
	allNS     bool
	wide      bool
	output    string // -o json|yaml: the section is a dump, not text
	container string
	previous  bool
	// filtered: a selector cut the list, so what it shows is not all.
	filtered bool
}

// section is a run of output lines under one command (or none).
type section struct {
	cmd   *command
	lines []string
	// first is the 1-based line number of lines[0] in the paste.
	first int
}

// promptRe matches a shell prompt in front of a kubectl-like command:
// "$ kubectl …", "user@host:~$ k describe po x", "root@h:/# kubectl …",
// "PS C:\> kubectl …", "❯ kubectl …", "% kubectl …", "> kubectl …", and
// the "host dir # " of Gentoo's and CoreOS's bash ("kmaster ~ # kubectl …").
var promptRe = regexp.MustCompile(`^(?:[^\s$#%>❯]*[$#%>❯]\s*|PS [^>]*>\s*|[\w.-]+ (?:~[^\s$#]*|[\w.-]+) [$#]\s+)?((?:sudo\s+)?(?:kubectl|kubecolor|k|oc|kc|microk8s\.?\s*kubectl|minikube kubectl --|k3s kubectl)(?:\.exe)?)\s+(.*)$`)

// resources maps what people type to the canonical resource.
var resourceNames = map[string]string{
	"po": "pods", "pod": "pods", "pods": "pods",
	"ev": "events", "event": "events", "events": "events",
	"no": "nodes", "node": "nodes", "nodes": "nodes",
	"deploy": "deployments", "deployment": "deployments", "deployments": "deployments",
	"rs": "replicasets", "replicaset": "replicasets", "replicasets": "replicasets",
	"sts": "statefulsets", "statefulset": "statefulsets", "statefulsets": "statefulsets",
	"ds": "daemonsets", "daemonset": "daemonsets", "daemonsets": "daemonsets",
	"job": "jobs", "jobs": "jobs",
	"cj": "cronjobs", "cronjob": "cronjobs", "cronjobs": "cronjobs",
	"pvc": "persistentvolumeclaims", "persistentvolumeclaim": "persistentvolumeclaims", "persistentvolumeclaims": "persistentvolumeclaims",
}

// parseCommand reads a prompt line. It returns nil for lines that are not
// a kubectl command.
func parseCommand(line string) *command {
	// Every command promptRe knows has a "k" in it, or is "oc".
	if strings.IndexByte(line, 'k') < 0 && !strings.Contains(line, "oc") {
		return nil
	}
	line = strings.TrimSpace(line)
	m := promptRe.FindStringSubmatch(line)
	if m == nil {
		return nil
	}
	// "k" and "kc" alone are too common as words; require a known verb.
	args := strings.Fields(m[2])
	c := &command{}
	var positional []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "|" || a == "&&" || a == ";" || a == ">" || strings.HasPrefix(a, "|") {
			// What a pipe (grep, head) passes on is not all kubectl listed.
			c.filtered = c.filtered || strings.HasPrefix(a, "|")
			break
		}
		val := func() string {
			if i+1 < len(args) {
				i++
				return args[i]
			}
			return ""
		}
		switch {
		case a == "-n" || a == "--namespace":
			c.namespace = val()
		case strings.HasPrefix(a, "--namespace="):
			c.namespace = strings.TrimPrefix(a, "--namespace=")
		case strings.HasPrefix(a, "-n") && len(a) > 2 && !strings.HasPrefix(a, "--"):
			c.namespace = strings.TrimPrefix(a[2:], "=")
		case a == "-A" || a == "--all-namespaces" || a == "--all-namespaces=true":
			c.allNS = true
		case a == "-o" || a == "--output":
			c.output = val()
		case strings.HasPrefix(a, "-o") && !strings.HasPrefix(a, "--"):
			c.output = strings.TrimPrefix(a[2:], "=")
		case strings.HasPrefix(a, "--output="):
			c.output = strings.TrimPrefix(a, "--output=")
		case a == "-c" || a == "--container":
			c.container = val()
		case strings.HasPrefix(a, "--container="):
			c.container = strings.TrimPrefix(a, "--container=")
		case a == "-p" || a == "--previous" || a == "--previous=true":
			c.previous = true
		case a == "-l" || a == "--selector" || a == "--field-selector":
			c.filtered = true
			val()
		case strings.HasPrefix(a, "-l") && !strings.HasPrefix(a, "--"), strings.HasPrefix(a, "--selector="), strings.HasPrefix(a, "--field-selector="):
			c.filtered = true
		case a == "--context" || a == "--kubeconfig" ||
			a == "--tail" || a == "--since" || a == "--sort-by" || a == "-f" && c.verb != "logs":
			val()
		case strings.HasPrefix(a, "-"):
		default:
			positional = append(positional, a)
		}
	}
	c.wide = c.output == "wide"
	if len(positional) == 0 {
		return nil
	}
	c.verb = positional[0]
	switch c.verb {
	case "describe", "get":
		if len(positional) > 1 {
			res := positional[1]
			if kind, name, ok := strings.Cut(res, "/"); ok {
				res, c.name = kind, name
			} else if len(positional) > 2 {
				c.name = positional[2]
			}
			// "kubectl get pods,events" keeps the first kind; the tables
			// themselves are detected by their headers.
			res, _, _ = strings.Cut(res, ",")
			c.kind = resourceNames[strings.ToLower(strings.SplitN(res, ".", 2)[0])]
		}
	case "events":
		c.verb, c.kind = "get", "events"
	case "logs", "log":
		c.verb = "logs"
		if len(positional) > 1 {
			n := positional[1]
			n = strings.TrimPrefix(strings.TrimPrefix(n, "pod/"), "pods/")
			c.name = n
		}
		if len(positional) > 2 && c.container == "" {
			c.container = positional[2]
		}
	default:
		return nil
	}
	return c
}

// fenceRe matches markdown code fences, with or without a language.
var fenceRe = regexp.MustCompile("^\\s*(```|~~~)")

// cutRe matches the lines posters use to show they removed something.
var cutRe = regexp.MustCompile(`^\s*(\.\.\.|…|\[\.\.\.\]|\[…\]|<snip>|\[snip\]|---8<---|\(\.\.\.\)|\.\.\. ?\(?(?:truncated|snip|omitted)[^)]*\)?)\s*$`)

// headingRe matches markdown headings and emphasis-only lines, which never
// appear in kubectl output.
var headingRe = regexp.MustCompile(`^(#{1,6} |\*\*[^*]+\*\*:?$)`)

// The checks below run on every line of a paste: each first looks at the
// bytes its pattern must start with, so a line that cannot match costs no
// regexp run (a paste of millions of short lines is read in seconds).

// isFence is fenceRe without the regexp.
func isFence(l string) bool {
	t := trimIndent(l)
	return strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~")
}

func isCut(l string) bool {
	t := trimIndent(l)
	if t == "" {
		return false
	}
	switch t[0] {
	case '.', '[', '<', '-', '(':
	default:
		if !strings.HasPrefix(t, "…") {
			return false
		}
	}
	return cutRe.MatchString(l)
}

func isHeading(l string) bool {
	return l != "" && (l[0] == '#' || l[0] == '*') && headingRe.MatchString(l)
}

// maxLine bounds the part of a line a regexp reads. kubectl prints no
// line this long; a longer one is a minified blob, a log without line
// ends or a paste of garbage, and reading all of it with every pattern
// would make the time of a paste depend on its longest line instead of
// its size. The head of a line is where what podwhy reads is.
const maxLine = 64 << 10

// capLine cuts a line to maxLine bytes, at a character boundary.
func capLine(l string) string {
	if len(l) <= maxLine {
		return l
	}
	cut := maxLine
	for cut > 0 && !utf8.RuneStart(l[cut]) {
		cut--
	}
	return l[:cut]
}

// capLines caps every line, copying the slice only when one is too long.
func capLines(lines []string) []string {
	for i, l := range lines {
		if len(l) > maxLine {
			out := append([]string(nil), lines...)
			for j := i; j < len(out); j++ {
				out[j] = capLine(out[j])
			}
			return out
		}
	}
	return lines
}

// split normalizes a paste and cuts it into sections at prompt lines.
// Quote marks, fences, headings and cut markers are removed; tabs that
// kubectl never prints are kept as separators.
func split(data string) []section {
	data = strings.TrimPrefix(data, "\ufeff")
	data = strings.ReplaceAll(data, "\r\n", "\n")
	data = strings.ReplaceAll(data, "\r", "\n")
	raw := strings.Split(data, "\n")
	quoted := quotePrefix(raw)
	if quoted != "" {
		for i, l := range raw {
			raw[i] = stripQuote(l)
		}
		quoted = ""
	}
	raw = stripTimestamps(raw)
	raw = unwrapTerminal(raw)
	raw = stripEmphasis(raw)

	var out []section
	cur := section{first: 1}
	// The sections' lines share one array, cut at each section's end: a
	// paste of millions of lines is not copied again as each section's
	// slice grows. It is raw's own: line i is read before any kept line is
	// written at an index up to i.
	all := raw[:0]
	start := 0
	push := func() {
		cur.lines = all[start:len(all):len(all)]
		out = append(out, cur)
		start = len(all)
	}
	for i, l := range raw {
		l = strings.TrimRight(l, " \t\u00a0")
		if quoted != "" {
			l = stripQuote(l)
		}
		l = strings.ReplaceAll(l, "\u00a0", " ")
		l = stripBox(l)
		l = stripInlineCode(l)
		if strings.HasPrefix(l, "\t") {
			l = expandLeadingTabs(l)
		}
		// The line itself is kept whole: a -o json part may be one long
		// line. The patterns below read its head.
		v := capLine(l)
		if c := parseCommand(v); c != nil && looksLikePrompt(v) {
			if len(all) > start || cur.cmd != nil {
				push()
			}
			cur = section{cmd: c, first: i + 2}
			continue
		}
		if isFence(v) && len(all) > start {
			// Each fenced block of a ticket is an output of its own: a
			// YAML block and the events below it are read apart. The
			// namespace a prompt gave still holds.
			push()
			cur = section{cmd: afterFence(cur.cmd), first: i + 2}
			continue
		}
		if isCut(v) {
			// What was cut is gone; what follows continues the same
			// output (the rows of a table after "...").
			continue
		}
		if isFence(v) || (isHeading(v) && !strings.HasPrefix(v, "# kubectl")) {
			// A fence or cut keeps its place as a blank line, so a table is
			// not glued to what follows.
			l = ""
		}
		if len(all) == start && l == "" {
			cur.first = i + 2
			continue
		}
		all = append(all, l)
	}
	if len(all) > start || cur.cmd != nil {
		push()
	}
	return out
}

// looksLikePrompt tells a command line from output that happens to start
// with "k": the line must carry a prompt sign or begin with the command.
func looksLikePrompt(l string) bool {
	t := strings.TrimSpace(l)
	return !strings.HasPrefix(l, " ") || strings.ContainsAny(t[:min(len(t), 40)], "$#%>❯")
}

// quotePrefix reports whether most non-empty lines start with "> " (a
// quoted reply in an issue or mail).
func quotePrefix(lines []string) string {
	n, q := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n++
		if strings.HasPrefix(strings.TrimLeft(l, " "), ">") && !strings.HasPrefix(strings.TrimLeft(l, " "), "> kubectl") {
			q++
		} else if strings.HasPrefix(strings.TrimLeft(l, " "), ">") {
			q++
		}
	}
	if n > 0 && q*2 > n {
		return ">"
	}
	return ""
}

func stripQuote(l string) string {
	for {
		t := strings.TrimLeft(l, " ")
		if !strings.HasPrefix(t, ">") {
			return l
		}
		t = t[1:]
		// One space after the mark belongs to the quote, the rest to the
		// text (describe output is indented).
		t = strings.TrimPrefix(t, " ")
		l = t
	}
}

func expandLeadingTabs(l string) string {
	i := 0
	for i < len(l) && l[i] == '\t' {
		i++
	}
	return strings.Repeat("  ", i) + l[i:]
}

var lineStartRe = regexp.MustCompile(`^\s*[A-Z][A-Za-z -]*[a-z)]:(\s|$)`)

// terminalWidths are the widths terminals and consoles wrap at.
var terminalWidths = map[int]bool{80: true, 100: true, 120: true, 132: true, 150: true, 160: true, 180: true, 200: true}

// unwrapTerminal joins lines a terminal wrapped (or fold -w): when no line
// is longer than a usual terminal width and several are exactly that
// long, each full-width line continues on the next.
func unwrapTerminal(lines []string) []string {
	maxLen, atMax := 0, 0
	for _, l := range lines {
		n := utf8.RuneCountInString(l)
		switch {
		case n > maxLen:
			maxLen, atMax = n, 1
		case n == maxLen:
			atMax++
		}
	}
	if !terminalWidths[maxLen] || atMax < 3 {
		return lines
	}
	var out []string
	// A builder, not cur += l: a paste of equal-width lines would make
	// the joining quadratic.
	var cur strings.Builder
	joining := false
	for _, l := range lines {
		// A full-width line followed by what can only start a line (a
		// describe key, a prompt, a table header) was full by chance.
		if joining && (l == "" || isFence(l) || lineStartRe.MatchString(l) || parseHeader(l) != nil || parseCommand(strings.TrimSpace(l)) != nil) {
			out = append(out, cur.String())
			joining = false
		}
		if joining && cur.Len() >= maxLine {
			// A paste of nothing but full-width lines: what is joined is
			// cut into lines a regexp may read whole.
			out = append(out, cur.String())
			joining = false
		}
		if !joining {
			cur.Reset()
		}
		cur.WriteString(l)
		joining = utf8.RuneCountInString(l) == maxLen
		if !joining {
			out = append(out, cur.String())
		}
	}
	if joining {
		out = append(out, cur.String())
	}
	return out
}

// afterFence is the command context of the block after a fence: the
// namespace of the prompt above, nothing of its verb or format.
func afterFence(c *command) *command {
	if c == nil || c.namespace == "" {
		return nil
	}
	return &command{namespace: c.namespace, allNS: c.allNS}
}

// stripBox removes the frame terminal UIs (k9s, lens) draw around their
// panes: "│ text │", and the frame's own lines.
func stripBox(l string) string {
	if strings.IndexByte(l, 0xe2) < 0 {
		// Every frame character (U+25xx) starts with this byte in UTF-8.
		return l
	}
	t := strings.TrimSpace(l)
	if t == "" {
		return l
	}
	switch {
	case strings.HasPrefix(t, "│"):
		t = strings.TrimPrefix(t, "│")
		t = strings.TrimSuffix(strings.TrimRight(t, " "), "│")
		return strings.TrimRight(t, " ")
	case strings.Trim(t, "┌┐└┘├┤─━┏┓┗┛┃│ <>0-9a-zA-Z()[]/:._-") == "" && strings.ContainsAny(t, "┌┐└┘─━"):
		return ""
	}
	return l
}

// stripInlineCode drops the single backticks a poster put around a block
// instead of a fence: "`Status:  Failed" … "`".
func stripInlineCode(l string) string {
	if strings.HasPrefix(l, "```") || strings.HasPrefix(l, "~~~") {
		return l
	}
	if t := strings.TrimSpace(l); len(t) > 2 && strings.Count(t, "`") == 2 && t[0] == '`' && t[len(t)-1] == '`' {
		// A command quoted as inline code: "`kubectl describe pvc`".
		return t[1 : len(t)-1]
	}
	if strings.HasPrefix(l, "`") && !strings.HasPrefix(l, "``") && strings.Count(l, "`")%2 == 1 {
		return l[1:]
	}
	if strings.HasSuffix(l, "`") && !strings.HasSuffix(l, "``") && strings.Count(l, "`")%2 == 1 {
		return strings.TrimRight(l[:len(l)-1], " ")
	}
	return l
}

// stampRe is the time a CI console or log collector writes before every
// line it captured ("16:39:47   ", "[2024-01-02T10:00:00.123Z] ",
// "2024-01-02 10:00:00 ").
var stampRe = regexp.MustCompile(`^(?:\[?\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:\.\d+)?Z?\]?|\[?\d\d:\d\d:\d\d(?:\.\d+)?\]?)\s+`)

// hasStamp is stampRe.MatchString, read only where a stamp can start.
func hasStamp(l string) bool {
	return l != "" && (l[0] == '[' || l[0] >= '0' && l[0] <= '9') && stampRe.MatchString(capLine(l))
}

// stripTimestamps removes such a prefix when nearly every line carries
// it, so the kubectl output under it keeps its columns.
func stripTimestamps(lines []string) []string {
	n, stamped := 0, 0
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		n++
		if hasStamp(l) {
			stamped++
		}
	}
	if n < 2 || stamped*10 < n*9 {
		return lines
	}
	out := make([]string, len(lines))
	kubectl := false
	for i, l := range lines {
		if loc := stampRe.FindStringIndex(capLine(l)); loc != nil {
			// The prefix's width is the same on every line: columns stay.
			l = l[loc[1]:]
		}
		out[i] = l
		if !kubectl {
			v := capLine(l)
			t := strings.TrimSpace(v)
			kubectl = parseHeader(v) != nil || isDescribeStart(v) || parseCommand(t) != nil || isDescribeEventRow(t) || isGetEventRow(t)
		}
	}
	if !kubectl {
		// A log's own timestamps: part of what it says.
		return lines
	}
	return out
}

// Markdown emphasis a poster put on the keys of a pasted -o yaml: a bold
// key ("**lastState**:", "**reason:** Completed"), a bold run opened at a
// key and closed at the end of that or a later line ("**message: |" …
// "Sleep expired**"), and thematic breaks ("***"). Only YAML's lowerCamel
// keys count, and only a "**" pair: an asterisk in a value (a glob, a
// "*=image" argument) is content.
var (
	boldKeyRe   = regexp.MustCompile(`^(\s*(?:- )?)\*\*([a-z][A-Za-z0-9]*)(?::\*\*|\*\*:)(\s|$)`)
	boldOpenRe  = regexp.MustCompile(`^(\s*(?:- )?)\*\*([a-z][A-Za-z0-9]*:(?:\s|$))`)
	boldCloseRe = regexp.MustCompile(`([^\s*])\*\*(\s*)$`)
	ruleLineRe  = regexp.MustCompile(`^\s*(?:\*\s*){3,}$`)
)

// stripEmphasis removes those marks so the YAML under them reads as YAML.
// Lines that are a bold heading alone are left to split, which drops them.
func stripEmphasis(lines []string) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if !strings.Contains(l, "*") || headingRe.MatchString(strings.TrimRight(l, " \t")) {
			continue
		}
		if out == nil {
			out = append([]string(nil), lines...)
		}
		switch {
		case ruleLineRe.MatchString(l):
			out[i] = ""
		case boldKeyRe.MatchString(l):
			out[i] = boldKeyRe.ReplaceAllString(l, "$1$2:$3")
		case boldOpenRe.MatchString(l):
			open := boldOpenRe.ReplaceAllString(l, "$1$2")
			if strings.Count(l, "**") == 2 && boldCloseRe.MatchString(l) {
				out[i] = boldCloseRe.ReplaceAllString(open, "$1$2")
				continue
			}
			if strings.Count(l, "**") != 1 {
				continue
			}
			// Bold does not cross a blank line (a Markdown paragraph).
			for j := i + 1; j < len(lines) && strings.TrimSpace(lines[j]) != ""; j++ {
				if n := strings.Count(lines[j], "**"); n == 1 && boldCloseRe.MatchString(lines[j]) {
					out[i] = open
					out[j] = boldCloseRe.ReplaceAllString(lines[j], "$1$2")
					i = j
					break
				} else if n > 0 {
					break
				}
			}
		}
	}
	if out == nil {
		return lines
	}
	return out
}
