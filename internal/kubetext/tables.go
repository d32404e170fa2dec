package kubetext

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// table is a kubectl get table: the header's column names and where each
// starts, so rows can be cut by position (a cell may be empty or hold
// spaces) and, when a paste lost the alignment, by words.
type table struct {
	kind  string // pods, events, nodes
	cols  []string
	start []int
	// old: the get pods table of kubectl before 1.0, one row per
	// container (POD IP CONTAINER(S) IMAGE(S) HOST LABELS STATUS CREATED).
	old bool
}

var headerSplitRe = regexp.MustCompile(`\S+(?: \S+)*`)

// parseHeader recognizes the header line of get pods, get events (also
// kubectl events, -A, -o wide, the old LASTSEEN form) and get nodes.
func parseHeader(line string) *table {
	line = capLine(line)
	if line == "" || line[0] == ' ' || hasLower(line) {
		return nil
	}
	t := &table{}
	for _, loc := range headerSplitRe.FindAllStringIndex(line, -1) {
		t.cols = append(t.cols, line[loc[0]:loc[1]])
		t.start = append(t.start, loc[0])
	}
	// Column names with one space ("LAST SEEN", "NOMINATED NODE") are kept
	// whole by the regexp only when kubectl put a single space inside and
	// at least two around; a single space between two names (collapsed
	// alignment) splits them again.
	t.fixNames()
	has := func(n string) bool { return t.index(n) >= 0 }
	switch {
	case has("NAME") && has("READY") && has("STATUS") && has("RESTARTS"):
		t.kind = "pods"
	case (has("LAST SEEN") || has("LASTSEEN")) && has("REASON") && (has("OBJECT") || has("NAME")):
		t.kind = "events"
	case has("NAME") && has("STATUS") && has("ROLES") && has("VERSION"):
		t.kind = "nodes"
	case has("POD") && has("CONTAINER(S)") && has("IMAGE(S)") && has("HOST") && has("STATUS"):
		t.kind, t.old = "pods", true
	default:
		return nil
	}
	return t
}

// hasLower is strings.ToUpper(s) != s without building the upper-case
// copy for the ASCII lines nearly all lines are.
func hasLower(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return strings.ToUpper(s) != s
		}
		if c >= 'a' && c <= 'z' {
			return true
		}
	}
	return false
}

// knownCols are the multi-word column names; anything else with a space in
// it was two columns pasted with single spaces.
var knownCols = map[string]bool{
	"LAST SEEN": true, "FIRST SEEN": true, "NOMINATED NODE": true, "READINESS GATES": true,
}

func (t *table) fixNames() {
	var cols []string
	var start []int
	for i, c := range t.cols {
		if !strings.Contains(c, " ") || knownCols[c] {
			cols, start = append(cols, c), append(start, t.start[i])
			continue
		}
		words := strings.Split(c, " ")
		off := t.start[i]
		for j := 0; j < len(words); j++ {
			w := words[j]
			if j+1 < len(words) && knownCols[w+" "+words[j+1]] {
				cols, start = append(cols, w+" "+words[j+1]), append(start, off)
				off += len(w) + len(words[j+1]) + 2
				j++
				continue
			}
			cols, start = append(cols, w), append(start, off)
			off += len(w) + 1
		}
	}
	t.cols, t.start = cols, start
}

func (t *table) index(name string) int {
	for i, c := range t.cols {
		if c == name {
			return i
		}
	}
	return -1
}

// cells cuts a row by the header's positions. It reports false when the
// row is not aligned with the header (spaces collapsed by a chat tool).
func (t *table) cells(row string) ([]string, bool) {
	out := make([]string, len(t.cols))
	for i, s := range t.start {
		if s > len(row) {
			if i == len(t.cols)-1 || t.cols[i] == "MESSAGE" {
				continue
			}
			return nil, false
		}
		if s > 0 && row[s-1] != ' ' {
			return nil, false
		}
		end := len(row)
		if i+1 < len(t.start) && t.start[i+1] < len(row) {
			end = t.start[i+1]
		}
		// The message is not the last column in -o wide; it may be longer
		// than its column and push the rest right, so cut it from the right.
		out[i] = strings.TrimSpace(row[s:end])
		if i > 0 && s < len(row) && row[s] == ' ' && out[i] != "" && t.cols[i] != "MESSAGE" && t.cols[i-1] != "MESSAGE" {
			return nil, false
		}
	}
	return out, true
}

// podRow is one row of kubectl get pods.
type podRow struct {
	Namespace, Name    string
	Ready, Total       int
	Status             string
	Restarts           int32
	LastRestartAgo     time.Duration
	HasLastRestart     bool
	Age                time.Duration
	HasAge             bool
	IP, Node, Nominate string
	// Containers and Images: the old table names them.
	Containers, Images []string
}

var readyRe = regexp.MustCompile(`^(\d+)/(\d+)$`)
var restartsRe = regexp.MustCompile(`^(\d+)(?:\s*\((` + ageWord + `) ago\))?$`)

func (t *table) podRow(row string) (*podRow, bool) {
	cells, ok := t.cells(row)
	if !ok || !readyRe.MatchString(cells[t.index("READY")]) {
		cells, ok = t.podWords(row)
		if !ok {
			return nil, false
		}
	}
	get := func(n string) string {
		if i := t.index(n); i >= 0 && i < len(cells) {
			return noneToEmpty(cells[i])
		}
		return ""
	}
	p := &podRow{Namespace: get("NAMESPACE"), Name: get("NAME"), Status: get("STATUS"), IP: get("IP"), Node: get("NODE"), Nominate: get("NOMINATED NODE")}
	m := readyRe.FindStringSubmatch(get("READY"))
	if m == nil || p.Name == "" || p.Status == "" {
		return nil, false
	}
	p.Ready, _ = strconv.Atoi(m[1])
	p.Total, _ = strconv.Atoi(m[2])
	if rm := restartsRe.FindStringSubmatch(get("RESTARTS")); rm != nil {
		n, _ := strconv.Atoi(rm[1])
		p.Restarts = int32(n)
		if rm[2] != "" {
			p.LastRestartAgo, p.HasLastRestart = parseAge(rm[2])
		}
	}
	p.Age, p.HasAge = parseAge(get("AGE"))
	return p, true
}

// oldNodesHeader reads the header of kubectl get nodes before 1.8, which
// had no ROLES or VERSION (NAME LABELS STATUS; NAME STATUS AGE). Get
// namespaces printed the same columns, so only the prompt tells them apart.
func oldNodesHeader(line string) *table {
	if line == "" || line[0] == ' ' || strings.ToUpper(line) != line {
		return nil
	}
	t := &table{kind: "nodes"}
	for _, loc := range headerSplitRe.FindAllStringIndex(line, -1) {
		t.cols = append(t.cols, line[loc[0]:loc[1]])
		t.start = append(t.start, loc[0])
	}
	t.fixNames()
	if t.index("NAME") != 0 || t.index("STATUS") < 0 {
		return nil
	}
	return t
}

// oldPodRows reads the rows of the get pods table of kubectl before 1.0
// (pkg/kubectl/resource_printer.go, printPod): the pod's first container
// on the pod's row, each further container on a row of its own with the
// pod's cells empty. STATUS is the pod's phase, HOST "host/IP" or
// "<unassigned>", CREATED a duration in words ("49 minutes").
func (t *table) oldPodRows(rows []string) []*podRow {
	var out []*podRow
	for _, r := range rows {
		if strings.TrimSpace(r) == "" {
			continue
		}
		// A container's row ends after its image; the paste lost the
		// blanks that kept the columns after it.
		if last := t.start[len(t.start)-1]; len(r) < last {
			r += strings.Repeat(" ", last-len(r))
		}
		cells, ok := t.cells(r)
		if !ok {
			continue
		}
		get := func(n string) string {
			if i := t.index(n); i >= 0 && i < len(cells) {
				return cells[i]
			}
			return ""
		}
		name, ctr, image := get("POD"), get("CONTAINER(S)"), get("IMAGE(S)")
		if name == "" {
			if len(out) > 0 && ctr != "" {
				last := out[len(out)-1]
				last.Containers, last.Images = append(last.Containers, ctr), append(last.Images, image)
				last.Total++
			}
			continue
		}
		status := get("STATUS")
		if !oldPhase[status] {
			continue
		}
		pr := &podRow{Name: name, IP: get("IP"), Status: status, Total: 1}
		if ctr != "" {
			pr.Containers, pr.Images = []string{ctr}, []string{image}
		}
		if host := get("HOST"); host != "<unassigned>" {
			pr.Node, _, _ = strings.Cut(host, "/")
		}
		pr.Age, pr.HasAge = parseHumanAge(get("CREATED"))
		out = append(out, pr)
	}
	for _, pr := range out {
		switch pr.Status {
		case "Running":
			// The phase says nothing of readiness; the row claims none.
			pr.Ready = pr.Total
		case "Succeeded":
			pr.Status = "Completed"
		case "Failed":
			// How it failed is not in the row: the word today's kubectl
			// prints for a container that ended in an error.
			pr.Status = "Error"
		}
	}
	return out
}

// oldPhase are the pod phases, which the STATUS column of kubectl before
// 1.0 printed.
var oldPhase = map[string]bool{"Pending": true, "Running": true, "Succeeded": true, "Failed": true, "Unknown": true}

var humanAgeRe = regexp.MustCompile(`^(\d+) (second|minute|hour|day|week|month|year)s?$`)

// parseHumanAge reads a duration as kubectl before 1.0 printed it
// (pkg/util/units.HumanDuration: "Less than a second", "About a minute",
// "49 minutes", "About an hour", "3 days", "2 months").
func parseHumanAge(s string) (time.Duration, bool) {
	switch s {
	case "Less than a second":
		return 0, true
	case "About a minute":
		return time.Minute, true
	case "About an hour":
		return time.Hour, true
	}
	m := humanAgeRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false
	}
	n, _ := strconv.Atoi(m[1])
	unit := map[string]time.Duration{"second": time.Second, "minute": time.Minute, "hour": time.Hour, "day": 24 * time.Hour,
		"week": 7 * 24 * time.Hour, "month": 30 * 24 * time.Hour, "year": 365 * 24 * time.Hour}[m[2]]
	return time.Duration(n) * unit, true
}

// podWords splits a pods row whose alignment was lost: the RESTARTS cell
// is the only one with spaces ("4 (73s ago)").
func (t *table) podWords(row string) ([]string, bool) {
	w := strings.Fields(row)
	ri := t.index("RESTARTS")
	if ri < 0 || len(w) <= ri {
		return nil, false
	}
	cells := append([]string{}, w[:ri]...)
	r := w[ri]
	rest := w[ri+1:]
	if len(rest) >= 2 && strings.HasPrefix(rest[0], "(") && rest[1] == "ago)" {
		r += " " + rest[0] + " " + rest[1]
		rest = rest[2:]
	}
	cells = append(cells, r)
	cells = append(cells, rest...)
	// NOMINATED NODE and READINESS GATES are one cell each.
	return cells, len(cells) >= len(t.cols)-0 || len(cells) >= ri+2
}

// eventRow reads one row of kubectl get events / kubectl events.
func (t *table) eventRow(row string, ns string) (*event, bool) {
	cells, ok := t.cells(row)
	if !ok || t.index("MESSAGE") < 0 {
		cells, ok = t.eventWords(row)
		if !ok {
			return nil, false
		}
	}
	get := func(n string) string {
		if i := t.index(n); i >= 0 && i < len(cells) {
			return cells[i]
		}
		return ""
	}
	e := &event{Namespace: ns, Type: get("TYPE"), Reason: get("REASON"), Count: 1}
	if v := get("NAMESPACE"); v != "" {
		e.Namespace = v
	}
	obj := get("OBJECT")
	if obj == "" && t.index("KIND") >= 0 { // kubectl ≤1.13: NAME, KIND columns
		// NAME is the event's own name: the object's, a dot, a hex stamp.
		obj = strings.ToLower(get("KIND")) + "/" + eventNameRe.ReplaceAllString(get("NAME"), "")
	}
	e.Kind, e.Name = objectKind(obj)
	if e.Kind == "" || e.Reason == "" {
		return nil, false
	}
	last := get("LAST SEEN")
	if last == "" {
		last = get("LASTSEEN")
	}
	if m := ageOverRe.FindStringSubmatch(last); m != nil {
		last = m[1]
		n, _ := strconv.Atoi(m[2])
		e.Count = int32(n)
		if d, ok := parseAge(m[3]); ok {
			e.FirstAgo = d
		}
	}
	if d, ok := parseAge(last); ok {
		e.LastAgo, e.HasAge = d, true
		if e.FirstAgo < d {
			e.FirstAgo = d
		}
	}
	if d, ok := parseAge(firstNonEmpty(get("FIRST SEEN"), get("FIRSTSEEN"))); ok && d > e.FirstAgo {
		e.FirstAgo = d
	}
	if n, err := strconv.Atoi(get("COUNT")); err == nil && n > 0 {
		e.Count = int32(n)
	}
	if src := firstNonEmpty(get("SOURCE"), get("FROM")); src != "" {
		e.Source, e.Host, _ = strings.Cut(src, ",")
		e.Host = strings.TrimSpace(e.Host)
	}
	e.FieldPath = get("SUBOBJECT")
	e.setMessage(get("MESSAGE"))
	return e, true
}

var eventNameRe = regexp.MustCompile(`\.[0-9a-f]{8,}$`)

var ageOverRe = regexp.MustCompile(`^(` + ageWord + `)\s+\(x(\d+) over (` + ageWord + `)\)$`)

// eventWords splits an events row whose alignment was lost; only the
// short form (no -o wide) can be read this way.
func (t *table) eventWords(row string) ([]string, bool) {
	w := strings.Fields(row)
	var cells []string
	for i, c := range t.cols {
		if c == "MESSAGE" {
			if i != len(t.cols)-1 {
				return nil, false
			}
			cells = append(cells, strings.Join(w, " "))
			return cells, true
		}
		if len(w) == 0 {
			return nil, false
		}
		if c == "SUBOBJECT" && (w[0] == "Normal" || w[0] == "Warning") {
			// An event about the whole object has no subobject: the
			// cell is empty and the next word is the TYPE.
			cells = append(cells, "")
			continue
		}
		v := w[0]
		w = w[1:]
		if (c == "LAST SEEN" || c == "LASTSEEN") && len(w) >= 3 && strings.HasPrefix(w[0], "(x") && w[1] == "over" {
			v += " " + strings.Join(w[:3], " ")
			w = w[3:]
		}
		cells = append(cells, v)
	}
	return cells, true
}

func firstNonEmpty(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return ""
}

// nodeRow is one row of kubectl get nodes.
type nodeRow struct {
	Name, Status, Version string
	Age                   time.Duration
	HasAge                bool
}

func (t *table) nodeRow(row string) (*nodeRow, bool) {
	cells, ok := t.cells(row)
	if !ok {
		cells = strings.Fields(row)
	}
	get := func(n string) string {
		if i := t.index(n); i >= 0 && i < len(cells) {
			return cells[i]
		}
		return ""
	}
	n := &nodeRow{Name: get("NAME"), Status: get("STATUS"), Version: get("VERSION")}
	if n.Name == "" || n.Status == "" {
		return nil, false
	}
	n.Age, n.HasAge = parseAge(get("AGE"))
	return n, true
}
