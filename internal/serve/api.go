package serve

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/watch"
)

//go:embed web
var webFS embed.FS

func (s *Server) routes() {
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	s.mux.HandleFunc("GET /readyz", s.readyz)
	s.mux.Handle("GET /metrics", promhttp.HandlerFor(s.reg, promhttp.HandlerOpts{}))
	s.mux.HandleFunc("GET /api/v1/findings", s.findings)
	s.mux.HandleFunc("GET /api/v1/findings/{id}", s.finding)
	s.mux.HandleFunc("GET /api/v1/events", s.events)
	s.mux.HandleFunc("GET /api/v1/status", s.status)
	s.mux.HandleFunc("GET /api/v1/i18n", s.texts)
	if s.o.MCP != nil {
		// Streamable HTTP: POST a message, GET a stream, DELETE a session.
		for _, m := range []string{"GET", "POST", "DELETE"} {
			s.mux.Handle(m+" /mcp", s.o.MCP)
		}
	}
	web, _ := fs.Sub(webFS, "web")
	files := http.FileServerFS(web)
	s.mux.Handle("GET /", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// The page is small and changes with the binary: revalidate.
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		files.ServeHTTP(w, r)
	}))
}

// readyz is ready once every informer has synced and the first diagnosis
// is done: a pod behind a Service gets no traffic before it can answer.
func (s *Server) readyz(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if s.e.Ready() {
		fmt.Fprintln(w, "ok")
		return
	}
	var waiting []string
	for kind, ok := range s.e.Synced() {
		if !ok {
			waiting = append(waiting, kind)
		}
	}
	w.WriteHeader(http.StatusServiceUnavailable)
	if len(waiting) == 0 {
		fmt.Fprintln(w, "not ready: starting")
		return
	}
	fmt.Fprintf(w, "not ready: caches not synced: %s\n", strings.Join(sortStrings(waiting), ", "))
}

// langOf: ?lang=, else the browser's Accept-Language, else the server's.
func (s *Server) langOf(r *http.Request) i18n.Lang {
	if l, ok := i18n.ParseLang(r.URL.Query().Get("lang")); ok {
		return l
	}
	for _, part := range strings.Split(r.Header.Get("Accept-Language"), ",") {
		tag := strings.TrimSpace(strings.SplitN(part, ";", 2)[0])
		if l, ok := i18n.ParseLang(tag); ok {
			return l
		}
	}
	return s.o.Lang
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

type apiError struct {
	Error string `json:"error"`
}

// filter holds a findings query: each parameter is a comma-separated list
// of accepted values; empty accepts all.
type filter struct {
	namespace, class, reason, severity, kind, owner map[string]bool
}

func set(v string) map[string]bool {
	if v == "" {
		return nil
	}
	m := map[string]bool{}
	for _, p := range strings.Split(v, ",") {
		if p = strings.TrimSpace(p); p != "" {
			m[p] = true
		}
	}
	return m
}

func parseFilter(r *http.Request) (filter, error) {
	q := r.URL.Query()
	f := filter{namespace: set(q.Get("namespace")), class: set(q.Get("class")), reason: set(q.Get("reason")),
		severity: set(q.Get("severity")), kind: set(q.Get("ownerKind")), owner: set(q.Get("owner"))}
	for sev := range f.severity {
		if _, ok := diagnose.ParseSeverity(sev); !ok {
			return f, fmt.Errorf("severity %q: use error, warning or info", sev)
		}
	}
	return f, nil
}

func (f filter) empty() bool {
	return f.namespace == nil && f.class == nil && f.reason == nil && f.severity == nil && f.kind == nil && f.owner == nil
}

func (f filter) match(x *diagnose.Finding) bool {
	in := func(m map[string]bool, v string) bool { return m == nil || m[v] }
	return in(f.namespace, x.Namespace) && in(f.class, x.Class) && in(f.reason, x.Reason) &&
		in(f.severity, x.Severity.String()) && in(f.kind, x.Subject.Kind) && in(f.owner, x.Subject.Name)
}

// notReady answers 503 before the first diagnosis: an empty list then
// would read as "no problems".
func (s *Server) notReady(w http.ResponseWriter) bool {
	if s.e.State() != nil {
		return false
	}
	w.Header().Set("Retry-After", "1")
	writeJSON(w, http.StatusServiceUnavailable, apiError{"not ready: the informers have not synced yet"})
	return true
}

// findings is GET /api/v1/findings: the report document (podwhy.dev/v1,
// docs/schema/report-v1.json) of the current findings, filtered.
func (s *Server) findings(w http.ResponseWriter, r *http.Request) {
	f, err := parseFilter(r)
	if err != nil {
		writeJSON(w, http.StatusBadRequest, apiError{err.Error()})
		return
	}
	if s.notReady(w) {
		return
	}
	lang := s.langOf(r)
	if f.empty() {
		writeJSON(w, http.StatusOK, s.e.Doc(lang))
		return
	}
	st := s.e.State()
	var fs []*diagnose.Finding
	for _, x := range st.Result.Findings {
		if f.match(x) {
			fs = append(fs, x)
		}
	}
	writeJSON(w, http.StatusOK, s.e.Render(st, fs, lang))
}

// finding is GET /api/v1/findings/{id}: one finding of the report schema.
func (s *Server) finding(w http.ResponseWriter, r *http.Request) {
	if s.notReady(w) {
		return
	}
	id := r.PathValue("id")
	st := s.e.State()
	f := st.ByID[id]
	if f == nil {
		writeJSON(w, http.StatusNotFound, apiError{fmt.Sprintf("no current finding %q (it may have been resolved)", id)})
		return
	}
	doc := s.e.Render(st, []*diagnose.Finding{f}, s.langOf(r))
	writeJSON(w, http.StatusOK, doc.Findings[0])
}

// Status is GET /api/v1/status: what the page shows in its header.
type Status struct {
	Ready     bool            `json:"ready"`
	Connected bool            `json:"connected"`
	APIError  string          `json:"apiError,omitempty"`
	Gen       uint64          `json:"generation"`
	ScannedAt *time.Time      `json:"scannedAt,omitempty"`
	ScanMS    int64           `json:"scanMilliseconds"`
	Synced    map[string]bool `json:"synced"`
	Objects   map[string]int  `json:"objects,omitempty"`
	Notes     []string        `json:"notes"`
}

func (s *Server) statusOf() Status {
	st := Status{Ready: s.e.Ready(), Synced: s.e.Synced(), Notes: s.e.Notes()}
	if st.Notes == nil {
		st.Notes = []string{}
	}
	var err error
	st.Connected, err = s.e.Connected()
	if err != nil {
		st.APIError = err.Error()
	}
	if cur := s.e.State(); cur != nil {
		t := cur.At.UTC()
		st.Gen, st.ScannedAt, st.ScanMS, st.Objects = cur.Gen, &t, cur.Duration.Milliseconds(), cur.Objects
	}
	return st
}

func (s *Server) status(w http.ResponseWriter, _ *http.Request) {
	writeJSON(w, http.StatusOK, s.statusOf())
}

// pageTexts are the catalog entries the web page shows, sent in one
// language by /api/v1/i18n (the page has no words of its own).
var pageTexts = []i18n.Msg{
	i18n.T("web.title"), i18n.T("web.namespace"), i18n.T("web.class"), i18n.T("web.severity"), i18n.T("web.all"),
	i18n.T("web.search"), i18n.T("web.live"), i18n.T("web.offline"), i18n.T("web.syncing"), i18n.T("web.empty"),
	i18n.T("web.pods"), i18n.T("web.copy"), i18n.T("web.copied"), i18n.T("web.new"), i18n.T("web.resolved-toast"),
	i18n.T("web.cluster"), i18n.T("web.updated-at"), i18n.T("web.since"), i18n.T("web.language"), i18n.T("web.close"), i18n.T("web.catalog"),
	i18n.T("sev.error"), i18n.T("sev.warning"), i18n.T("sev.info"),
	i18n.T("report.evidence"), i18n.T("report.why"), i18n.T("report.next"), i18n.T("report.changes"),
	i18n.T("report.caused-by"), i18n.T("report.causes"),
	i18n.T("report.unchecked"), i18n.T("report.container"), i18n.T("report.pods-of"), i18n.T("report.pods-n"),
	i18n.T("report.restarts"), i18n.T("report.on-node"),
}

// texts is GET /api/v1/i18n?lang=: {"lang": "zh", "texts": {key: text}}.
// Texts keep their %[n]s verbs; the page fills them in.
func (s *Server) texts(w http.ResponseWriter, r *http.Request) {
	lang := s.langOf(r)
	out := make(map[string]string, len(pageTexts))
	all := i18n.Keys()
	for _, m := range pageTexts {
		t := all[m.Key]
		if lang == i18n.ZH {
			out[m.Key] = t.ZH
		} else {
			out[m.Key] = t.EN
		}
	}
	w.Header().Set("Cache-Control", "max-age=300")
	writeJSON(w, http.StatusOK, struct {
		Lang  i18n.Lang         `json:"lang"`
		Texts map[string]string `json:"texts"`
	}{lang, out})
}

// events is GET /api/v1/events: a server-sent event stream. Each change is
// "opened", "updated" (data: a finding of the report schema) or "resolved"
// (data: {"id", "finding"}), then one "scan" event with the new summary.
// "resync" asks the client to fetch /api/v1/findings again (it fell
// behind); on reconnect it should do the same.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	fl, ok := w.(http.Flusher)
	if !ok {
		writeJSON(w, http.StatusInternalServerError, apiError{"streaming unsupported"})
		return
	}
	select {
	case s.streams <- struct{}{}:
		defer func() { <-s.streams }()
	default:
		w.Header().Set("Retry-After", "10")
		writeJSON(w, http.StatusServiceUnavailable, apiError{fmt.Sprintf("too many event streams (%d open); try again later", cap(s.streams))})
		return
	}
	// WriteTimeout is for ordinary responses and would cut the stream:
	// renew the deadline before each write instead, so the stream lives as
	// long as its client reads and a client that stops reading is still
	// let go. (ReadTimeout ends once the request is read.)
	rc := http.NewResponseController(w)
	renew := func() { _ = rc.SetWriteDeadline(time.Now().Add(s.o.WriteTimeout)) }
	renew()
	lang := s.langOf(r)
	ch, cancel := s.e.Subscribe()
	defer cancel()
	h := w.Header()
	h.Set("Content-Type", "text/event-stream; charset=utf-8")
	h.Set("Cache-Control", "no-store")
	h.Set("X-Accel-Buffering", "no") // nginx: do not buffer the stream
	w.WriteHeader(http.StatusOK)
	send := func(event string, v any) error {
		b, err := json.Marshal(v)
		if err != nil {
			return err
		}
		_, err = fmt.Fprintf(w, "event: %s\ndata: %s\n\n", event, b)
		return err
	}
	fmt.Fprint(w, "retry: 2000\n\n")
	if err := send("hello", s.statusOf()); err != nil {
		return
	}
	fl.Flush()
	beat := time.NewTicker(s.o.Heartbeat)
	defer beat.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.closing:
			return
		case <-beat.C:
			renew()
			if _, err := fmt.Fprint(w, ": ping\n\n"); err != nil {
				return
			}
			fl.Flush()
		case c, ok := <-ch:
			renew()
			if !ok {
				_ = send("resync", s.statusOf())
				fl.Flush()
				return
			}
			if err := s.sendChange(send, c, lang); err != nil {
				return
			}
			fl.Flush()
		}
	}
}

func (s *Server) sendChange(send func(string, any) error, c watch.Change, lang i18n.Lang) error {
	st := s.e.State()
	if st == nil {
		return nil
	}
	render := func(fs []*diagnose.Finding) []report.Finding {
		if len(fs) == 0 {
			return nil
		}
		return s.e.Render(st, fs, lang).Findings
	}
	for _, f := range render(c.Opened) {
		if err := send("opened", f); err != nil {
			return err
		}
	}
	for _, f := range render(c.Updated) {
		if err := send("updated", f); err != nil {
			return err
		}
	}
	for _, f := range render(c.Resolved) {
		if err := send("resolved", struct {
			ID      string         `json:"id"`
			Finding report.Finding `json:"finding"`
		}{f.ID, f}); err != nil {
			return err
		}
	}
	doc := s.e.Doc(lang)
	return send("scan", struct {
		Gen     uint64         `json:"generation"`
		Now     time.Time      `json:"now"`
		Summary report.Summary `json:"summary"`
	}{c.Gen, c.Time.UTC(), doc.Summary})
}

func sortStrings(ss []string) []string {
	sort.Strings(ss)
	return ss
}
