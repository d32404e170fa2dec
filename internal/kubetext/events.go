package kubetext

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// event is an event row before the paste's clock is known: kubectl prints
// ages, not times.
type event struct {
	Namespace string
	Kind      string
	Name      string
	FieldPath string
	Type      string
	Reason    string
	Message   string
	Source    string
	Host      string
	Count     int32
	LastAgo   time.Duration
	FirstAgo  time.Duration
	HasAge    bool
	// LastAt and FirstAt are absolute times, when the text printed them
	// (describe event).
	LastAt, FirstAt time.Time
}

// describeEvent reads kubectl describe event: an Event object printed
// as keys. A reason the paste cut off is inferred from the message.
func (p *parser) describeEvent(t *node) {
	io := t.kid("Involved Object")
	kind := io.get("Kind")
	e := &event{Namespace: firstNonEmpty(io.get("Namespace"), t.get("Namespace"), p.cmdNamespace()), Kind: kind, Name: io.get("Name"),
		FieldPath: io.get("Field Path"), Type: t.get("Type"), Reason: t.get("Reason"), Count: 1}
	if kind == "" || e.Name == "" {
		return
	}
	e.setMessage(strings.Join(t.values("Message"), " "))
	if n, err := strconv.Atoi(t.get("Count")); err == nil {
		e.Count = int32(n)
	}
	if src := t.kid("Source"); src != nil {
		e.Source, e.Host = src.get("Component"), src.get("Host")
	}
	for _, k := range []string{"Last Timestamp", "Event Time"} {
		if ts, err := time.Parse(time.RFC3339, t.get(k)); err == nil {
			e.LastAt = ts
			p.seen(ts)
			break
		}
	}
	if ts, err := time.Parse(time.RFC3339, t.get("First Timestamp")); err == nil {
		e.FirstAt = ts
	}
	if e.FirstAt.IsZero() {
		e.FirstAt = e.LastAt
	}
	if e.Reason == "" {
		if schedMsgRe.MatchString(e.Message) {
			e.Reason, e.Source = "FailedScheduling", firstNonEmpty(e.Source, "default-scheduler")
		} else if !p.kubeletMessage(e, e.Message) {
			e.Reason = "Unknown"
		}
	}
	if e.Type == "" {
		e.Type = "Warning"
		if e.Reason == "Scheduled" || e.Reason == "Pulled" || e.Reason == "Created" || e.Reason == "Started" {
			e.Type = "Normal"
		}
	}
	p.events = append(p.events, e)
}

// parseAge reads kubectl's HumanDuration ("45s", "3m20s", "2d3h", "3y120d").
func parseAge(s string) (time.Duration, bool) {
	s = strings.TrimSpace(s)
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, false
	}
	var d time.Duration
	n := 0
	digits := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			n = n*10 + int(c-'0')
			if n > 1e6 {
				return 0, false
			}
			digits = true
			continue
		}
		if !digits {
			return 0, false
		}
		switch c {
		case 's':
			d += time.Duration(n) * time.Second
		case 'm':
			d += time.Duration(n) * time.Minute
		case 'h':
			d += time.Duration(n) * time.Hour
		case 'd':
			d += time.Duration(n) * 24 * time.Hour
		case 'y':
			d += time.Duration(n) * 365 * 24 * time.Hour
		default:
			return 0, false
		}
		n, digits = 0, false
	}
	if digits {
		return 0, false
	}
	return d, true
}

const ageWord = `(?:<unknown>|<invalid>|\d+[smhdy](?:\d+[smhdy])*)`

// describeEventRe is one row of the Events table of kubectl describe
// (DescribeEvents): Type, Reason, Age with an optional "(xN over AGE)",
// From ("kubelet" or, before 1.20-ish, "kubelet, node-1"), Message.
var describeEventRe = regexp.MustCompile(`^([A-Z][A-Za-z]*)\s+(\S+)\s+(` + ageWord + `)(?:\s+\(x(\d+) over (` + ageWord + `)\))?\s+(\S+?(?:,\s+\S+)?)(?:\s+(.*))?$`)

// isDescribeEventRow is describeEventRe.MatchString for a trimmed line,
// run only on lines that start as a row does (with the type's capital).
func isDescribeEventRow(t string) bool {
	return t != "" && t[0] >= 'A' && t[0] <= 'Z' && describeEventRe.MatchString(t)
}

// fieldPathRe is the "spec.containers{app}: " prefix describe (and newer
// kubelets) put before a message.
var fieldPathRe = regexp.MustCompile(`^(spec\.(?:initContainers|containers|ephemeralContainers)\{([^}]*)\}):\s*`)

// parseDescribeEvents reads the rows of a describe Events table.
func parseDescribeEvents(rows []string, ns, kind, name string) []*event {
	var out []*event
	var tail wrapTail
	defer tail.flush()
	for _, r := range rows {
		t := strings.TrimSpace(r)
		if t == "" || strings.HasPrefix(t, "Type ") || strings.HasPrefix(t, "----") {
			continue
		}
		parts := strings.Split(t, "\x00")
		if e := oldEventRow(parts[0], ns, kind, name); e != nil {
			e.Message = capMessage(e.Message + strings.Join(parts[1:], ""))
			out = append(out, e)
			tail.start(e)
			continue
		}
		m := describeEventRe.FindStringSubmatch(parts[0])
		if m == nil {
			// A row wrapped by the terminal or the poster: it continues the
			// message above it.
			tail.add(r)
			continue
		}
		e := &event{Namespace: ns, Kind: kind, Name: name, Type: m[1], Reason: m[2], Count: 1}
		if d, ok := parseAge(m[3]); ok {
			e.LastAgo, e.FirstAgo, e.HasAge = d, d, true
		}
		if m[4] != "" {
			n, _ := strconv.Atoi(m[4])
			e.Count = int32(n)
			if d, ok := parseAge(m[5]); ok {
				e.FirstAgo = d
			}
		}
		e.Source, e.Host, _ = strings.Cut(m[6], ",")
		e.Host = strings.TrimSpace(e.Host)
		e.setMessage(m[7])
		e.Message = capMessage(e.Message + strings.Join(parts[1:], ""))
		out = append(out, e)
		tail.start(e)
	}
	return out
}

// wrapTail gathers the lines a message was wrapped over and adds them to
// it once: adding each line to the message would copy the message again
// for every line, and a paste of many wrapped lines would take time
// quadratic in their number.
type wrapTail struct {
	e *event
	b strings.Builder
}

// start ends the message before and takes the lines after e's row.
func (w *wrapTail) start(e *event) {
	w.flush()
	w.e = e
}

// add joins a wrapped line: a line the terminal cut at its edge starts at
// column 0 and continues the word; an indented one is a new word.
func (w *wrapTail) add(line string) {
	if w.e == nil || len(w.e.Message)+w.b.Len() >= maxMessage {
		return
	}
	if strings.HasPrefix(line, " ") {
		w.b.WriteByte(' ')
	}
	w.b.WriteString(strings.TrimSpace(line))
}

func (w *wrapTail) flush() {
	if w.e != nil && w.b.Len() > 0 {
		w.e.Message = capMessage(w.e.Message + w.b.String())
	}
	w.b.Reset()
	w.e = nil
}

func (e *event) setMessage(msg string) {
	msg = strings.TrimSpace(msg)
	if m := fieldPathRe.FindStringSubmatch(msg); m != nil {
		e.FieldPath = m[1]
		msg = msg[len(m[0]):]
	}
	e.Message = msg
}

// kindOfObject maps the OBJECT column's lower-case kind to the API kind.
var kindOfObject = map[string]string{
	"pod": "Pod", "node": "Node", "replicaset": "ReplicaSet", "deployment": "Deployment",
	"statefulset": "StatefulSet", "daemonset": "DaemonSet", "job": "Job", "cronjob": "CronJob",
	"persistentvolumeclaim": "PersistentVolumeClaim", "persistentvolume": "PersistentVolume",
	"namespace": "Namespace", "service": "Service", "endpoints": "Endpoints",
	"horizontalpodautoscaler": "HorizontalPodAutoscaler", "poddisruptionbudget": "PodDisruptionBudget",
}

// objectKind parses "pod/web-1" (OBJECT column) or "Pod/web-1".
func objectKind(s string) (kind, name string) {
	k, n, ok := strings.Cut(s, "/")
	if !ok {
		return "", ""
	}
	if kk, ok := kindOfObject[strings.ToLower(strings.SplitN(k, ".", 2)[0])]; ok {
		return kk, n
	}
	return k, n
}

// oldEventRe is a row of kubectl describe's events before 1.9: FirstSeen,
// LastSeen, Count, From ("{kubelet node-1}"), SubObjectPath, Type, Reason,
// Message.
var oldEventRe = regexp.MustCompile(`^(` + ageWord + `)\s+(` + ageWord + `)\s+(\d+)\s+\{([^}]*)\}\s+(?:(spec\.\S+)\s+)?(Normal|Warning)\s+(\S+)\s+(.*)$`)

func oldEventRow(r, ns, kind, name string) *event {
	if strings.IndexByte(r, '{') < 0 {
		return nil
	}
	m := oldEventRe.FindStringSubmatch(strings.TrimSpace(r))
	if m == nil {
		return nil
	}
	e := &event{Namespace: ns, Kind: kind, Name: name, FieldPath: m[5], Type: m[6], Reason: m[7], Count: 1}
	if d, ok := parseAge(m[2]); ok {
		e.LastAgo, e.HasAge = d, true
	}
	if d, ok := parseAge(m[1]); ok {
		e.FirstAgo = d
	}
	if n, err := strconv.Atoi(m[3]); err == nil {
		e.Count = int32(n)
	}
	src := strings.Fields(m[4])
	if len(src) > 0 {
		e.Source = strings.TrimSuffix(src[0], ",")
	}
	if len(src) > 1 {
		e.Host = src[1]
	}
	e.Message = strings.TrimSpace(m[8])
	return e
}
