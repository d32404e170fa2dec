// Package crashlog names why a container crashed from what it printed.
// Each signature is the text a runtime, a language's standard library or
// an official image's entrypoint writes when it gives up, taken from that
// program's own source (cited beside each one); a match gives a reason
// code and the names the line holds (a host and port, an environment
// variable, a file, a ServiceAccount), which the rules follow into the
// rest of the snapshot.
package crashlog

import (
	"encoding/json"
	"regexp"
	"strings"
)

// Reason codes a signature sets on a crash finding.
const (
	Dependency     = "Crash/Dependency"     // a host or port the program needs did not answer
	RBAC           = "Crash/RBAC"           // the API server refused the pod's ServiceAccount
	MissingEnv     = "Crash/MissingEnv"     // a required environment variable is not set
	MissingFile    = "Crash/MissingFile"    // a file the program opens is not there
	MissingModule  = "Crash/MissingModule"  // code the program loads is not in the image
	Port           = "Crash/Port"           // the port it listens on is taken
	PrivilegedPort = "Crash/PrivilegedPort" // a port below 1024 without root or NET_BIND_SERVICE
	Permission     = "Crash/Permission"     // the user it runs as may not open a path
	ReadOnlyFS     = "Crash/ReadOnlyFS"     // it writes to a read-only root filesystem
	// Arch keeps the code podwhy gave this cause before logs were read
	// (runc's StartError and the entrypoint line share it).
	Arch        = "Run/ExecFormat"    // the binary is built for another CPU architecture
	Interpreter = "Crash/Interpreter" // the script's interpreter is missing (or a CRLF shebang)
	JavaHeap    = "Crash/JavaHeap"    // the JVM's heap (or metaspace) is too small
	Heap        = "Crash/Heap"        // a runtime's own heap limit (V8, .NET) was reached
	DataDir     = "Crash/DataDir"     // a database refuses its data directory
	TLS         = "Crash/TLS"         // a certificate the program checks is not trusted
	Panic       = "Crash/Panic"       // the program's own bug: a panic or unhandled exception
)

// rank orders reasons from the most telling to the least: a log often
// holds several (a retry loop's "connection refused" before the panic that
// ends it), and the finding takes the most specific.
var rank = map[string]int{
	DataDir: 16, RBAC: 15, Arch: 14, Interpreter: 13, PrivilegedPort: 12, Port: 11,
	JavaHeap: 10, Heap: 10, MissingEnv: 9, MissingModule: 8, TLS: 7,
	Dependency: 6, ReadOnlyFS: 5, MissingFile: 4, Permission: 3, Panic: 1,
}

// preferred signatures outrank others of their reason: the launcher's
// "Could not find or load main class" says more than the
// ClassNotFoundException it prints beneath.
var preferred = map[string]bool{"java.mainclass": true}

// Signature is one way a program says it cannot go on.
type Signature struct {
	// ID is stable; i18n key "sig.<ID>" names the signature in words.
	ID     string
	Reason string
	re     *regexp.Regexp
	// fix turns submatches into fields where a regexp cannot (e.g. the
	// transport failure's kind).
	set map[string]string
}

func sig(id, reason, re string, set ...string) Signature {
	s := Signature{ID: id, Reason: reason, re: regexp.MustCompile(re)}
	if len(set) > 0 {
		s.set = map[string]string{}
		for i := 0; i+1 < len(set); i += 2 {
			s.set[set[i]] = set[i+1]
		}
	}
	return s
}

// Match is a signature found in a log.
type Match struct {
	Sig *Signature
	// Text is the matching line(s) as printed, without timestamp or
	// --prefix; Line is the 0-based index of its first line in the log.
	Text string
	Line int
	// Fields are what the line names: host, port, ip, env, path, module,
	// class, ns, sa, verb, resource, group, inns (namespace of a namespaced
	// refusal), kind (refused, nohost, timeout, unreachable).
	Fields map[string]string
}

// Field returns a named field or "".
func (m Match) Field(k string) string { return m.Fields[k] }

// All is every signature; on one line, the earlier family wins (a
// language's own exception before the shell's generic wording).
func All() []Signature { return all }

var all = concat(databases, kube, golang, java, python, node, dotnet, nginx, busybox, osRuntime)

func concat(lists ...[]Signature) []Signature {
	var out []Signature
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

// maxTail bounds the work on a huge log: the cause of a crash is printed
// at its end, and a stack trace is rarely longer than this.
const (
	maxLines = 400
	maxBytes = 128 << 10
)

// Find returns the most telling signature in a log: the highest-ranked
// reason, and of that the last occurrence (the attempt that ended the
// process).
func Find(log string) (Match, bool) {
	lines := Lines(log)
	text := strings.Join(lines, "\n")
	best := Match{}
	bestRank, bestPos, bestAddr := -1, -1, false
	for i := range all {
		s := &all[i]
		locs := s.re.FindAllStringSubmatchIndex(text, -1)
		if len(locs) == 0 {
			continue
		}
		loc := locs[len(locs)-1]
		r := 2 * rank[s.Reason]
		if preferred[s.ID] {
			r++
		}
		addr := hasAddress(s.re, loc)
		line := strings.Count(text[:loc[0]], "\n")
		// Of equal reasons the one that names its peer is worth more (a
		// driver's "Connection to db:5432 refused" above the bare
		// ConnectException), then the later line; on one line, the
		// signature listed first (the more specific family).
		if r < bestRank || (r == bestRank && (bestAddr && !addr || bestAddr == addr && line <= bestPos)) {
			continue
		}
		bestRank, bestPos, bestAddr = r, line, addr
		best = Match{Sig: s, Fields: map[string]string{}}
		for gi, name := range s.re.SubexpNames() {
			if name == "" || loc[2*gi] < 0 {
				continue
			}
			if v := text[loc[2*gi]:loc[2*gi+1]]; v != "" {
				best.Fields[strings.TrimRight(name, "0123456789")] = v
			}
		}
		for k, v := range s.set {
			if best.Fields[k] == "" {
				best.Fields[k] = v
			}
		}
		best.Line = strings.Count(text[:loc[0]], "\n")
		end := loc[1]
		if end > loc[0] && text[end-1] == '\n' {
			end--
		}
		last := best.Line + strings.Count(text[loc[0]:end], "\n")
		best.Text = strings.Join(lines[best.Line:last+1], "\n")
	}
	if bestRank < 0 {
		return Match{}, false
	}
	splitHostPort(best.Fields)
	return best, true
}

// hasAddress: the match captured a host, an IP or an address.
func hasAddress(re *regexp.Regexp, loc []int) bool {
	for gi, name := range re.SubexpNames() {
		switch strings.TrimRight(name, "0123456789") {
		case "addr", "host", "ip":
			if loc[2*gi] >= 0 && loc[2*gi+1] > loc[2*gi] {
				return true
			}
		}
	}
	return false
}

// splitHostPort fills host/ip and port from an "addr" field ("db:5432",
// "10.96.0.12:5432", "[::1]:80", ":::3000").
func splitHostPort(f map[string]string) {
	a := f["addr"]
	if a == "" {
		return
	}
	delete(f, "addr")
	host, port := a, ""
	if i := strings.LastIndexByte(a, ':'); i >= 0 && !strings.HasSuffix(a, "]") {
		host, port = a[:i], a[i+1:]
	}
	host = strings.Trim(host, "[]")
	if f["port"] == "" && port != "" && strings.Trim(port, "0123456789") == "" {
		f["port"] = port
	}
	if host == "" || host == "::" || host == "0.0.0.0" || host == ":" {
		return
	}
	if isIP(host) {
		if f["ip"] == "" {
			f["ip"] = host
		}
		return
	}
	if f["host"] == "" {
		f["host"] = host
	}
}

func isIP(h string) bool {
	if strings.Contains(h, ":") {
		return true
	}
	return h != "" && strings.Trim(h, "0123456789.") == "" && strings.Count(h, ".") == 3
}

var (
	// kubectl logs --timestamps, and the CRI log file format a node's
	// /var/log/pods holds ("2024-05-01T10:00:00.123456789Z stderr F text").
	timestampRe = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?(?:Z|[+-]\d\d:?\d\d) (?:(?:stdout|stderr) [FP] )?`)
	// kubectl logs --prefix: "[pod/web-1/app] ".
	prefixRe = regexp.MustCompile(`^\[pod/[^\]/]+/[^\]]+\] `)
)

// Lines returns the tail of a log as the program printed it: without
// timestamps or kubectl's --prefix, a structured (JSON) line as its
// message and error fields, a Docker json-file line as its text.
func Lines(log string) []string {
	if len(log) > maxBytes {
		log = log[len(log)-maxBytes:]
		if i := strings.IndexByte(log, '\n'); i >= 0 {
			log = log[i+1:]
		}
	}
	lines := strings.Split(strings.TrimRight(log, "\n"), "\n")
	if len(lines) > maxLines {
		lines = lines[len(lines)-maxLines:]
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		l = strings.TrimSuffix(l, "\r")
		l = prefixRe.ReplaceAllString(l, "")
		l = timestampRe.ReplaceAllString(l, "")
		if strings.Contains(l, `\"`) {
			// klog and logfmt quote a message inside a field: err="… User
			// \"system:serviceaccount:…\" …".
			l = strings.ReplaceAll(l, `\"`, `"`)
		}
		if t := strings.TrimSpace(l); strings.HasPrefix(t, "{") && strings.HasSuffix(t, "}") {
			if msg, ok := structured(t); ok {
				out = append(out, strings.Split(msg, "\n")...)
				continue
			}
		}
		out = append(out, l)
	}
	return out
}

// messageKeys are where structured loggers put the words: zap, logrus,
// slog, zerolog, bunyan/pino, logstash-logback (stack_trace), MongoDB
// (attr.error), Docker's json-file (log).
var messageKeys = []string{"log", "msg", "message", "error", "err", "exception", "stack_trace", "stacktrace", "stack", "errorVerbose"}

func structured(line string) (string, bool) {
	var m map[string]any
	if json.Unmarshal([]byte(line), &m) != nil {
		return "", false
	}
	var parts []string
	add := func(v any) {
		switch x := v.(type) {
		case string:
			if x != "" {
				parts = append(parts, strings.TrimRight(x, "\n"))
			}
		case map[string]any:
			for _, k := range []string{"message", "msg", "errmsg", "type", "stack"} {
				if s, ok := x[k].(string); ok && s != "" {
					parts = append(parts, s)
				}
			}
		}
	}
	for _, k := range messageKeys {
		add(m[k])
	}
	if attr, ok := m["attr"].(map[string]any); ok {
		add(attr["error"])
	}
	if len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, ": "), true
}
