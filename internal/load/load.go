// Package load reads cluster dumps — kubectl get -o json|yaml output,
// single objects or Lists, multi-document YAML, and kubectl cluster-info
// dump (its stdout stream and its --output-directory tree) — into a
// snapshot.Builder. Large inputs are streamed item by item, so the raw
// bytes of a whole List are never held next to the decoded objects.
package load

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// Error is an input problem: one line naming the input and what is wrong.
type Error struct {
	Input string
	Msg   string
	// cause is the sentinel behind Msg, when one is (errTooDeep, …).
	cause error
}

func (e *Error) Error() string { return e.Input + ": " + e.Msg }

func (e *Error) Unwrap() error { return e.cause }

// DefaultMaxInput is how much of one input (a file, stdin) podwhy reads
// unless --max-input-size says otherwise: more than a dump of 10,000 pods
// with their events, and a bound on the memory an endless stream can
// take.
const DefaultMaxInput = 256 << 20

// ErrLimit is behind every error of an input over a limit: such an input
// was read only in part, and what was read of it is no picture to
// diagnose.
var ErrLimit = errors.New("input over the limit")

// errInputTooLarge is what the reader of an input returns past the limit.
var errInputTooLarge = fmt.Errorf("input larger than the limit: %w", ErrLimit)

// limited reads at most n bytes of r and remembers when there was more.
type limited struct {
	r    io.Reader
	n    int64
	over bool
}

func (l *limited) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// One byte more tells a stream that ends at the limit from one
		// that goes on.
		var one [1]byte
		k, err := l.r.Read(one[:])
		if k > 0 {
			l.over = true
			return 0, errInputTooLarge
		}
		return 0, err
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	k, err := l.r.Read(p)
	l.n -= int64(k)
	return k, err
}

// Size prints a byte count the way --max-input-size takes it.
func Size(n int64) string {
	switch {
	case n >= 1<<30 && n%(1<<30) == 0:
		return fmt.Sprintf("%d GiB", n>>30)
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MiB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KiB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// Stats counts what a load saw.
type Stats struct {
	Objects int // objects added to the snapshot
	Skipped int // objects of kinds no rule uses
}

// Loader reads inputs into one builder.
type Loader struct {
	B     *snapshot.Builder
	Stats Stats
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Text, when set, reads input that is neither JSON nor YAML (pasted
	// kubectl describe/get/events output, a bare message) and returns how
	// many objects and events it added.
	Text func(b *snapshot.Builder, name string, data []byte) (int, error)
	// IsText tells pasted text from YAML by its first bytes: "Name:  web"
	// is valid YAML, but it is describe output.
	IsText func(head []byte) bool
	// Format forces the input format: "json", "yaml" or "text"; "" detects.
	Format string
	// MaxInput bounds what is read of one input; 0 is DefaultMaxInput.
	// Pasted text may be a quarter of it and one YAML object an eighth:
	// both take many times their size to read.
	MaxInput int64
	// Skipped are the files of a folder that were not read (FIFOs,
	// sockets, devices): named, so that the run says so.
	Skipped []*Error
}

func (l *Loader) maxInput() int64 {
	if l.MaxInput > 0 {
		return l.MaxInput
	}
	return DefaultMaxInput
}

func (l *Loader) maxText() int64 { return max(l.maxInput()/4, 1) }

func (l *Loader) maxYAMLObject() int64 { return max(l.maxInput()/8, 1) }

// tooLarge is the error for an input over a limit: the limit and the flag
// that raises it.
func tooLarge(name, what string, limit int64, cause error) *Error {
	if cause == nil {
		cause = ErrLimit
	} else {
		cause = fmt.Errorf("%w: %w", cause, ErrLimit)
	}
	return &Error{Input: name, Msg: fmt.Sprintf("%s larger than %s: raise the limit with --max-input-size", what, Size(limit)), cause: cause}
}

// New returns a loader adding to b.
func New(b *snapshot.Builder) *Loader { return &Loader{B: b, Stdin: os.Stdin} }

// Path loads a file, a directory (recursively), or "-" for stdin.
func (l *Loader) Path(p string) error {
	if p == "-" {
		return l.Reader("stdin", "", l.Stdin)
	}
	st, err := os.Stat(p)
	if err != nil {
		return &Error{Input: p, Msg: describeOSError(err)}
	}
	if !st.IsDir() {
		return l.file(p)
	}
	var files []string
	err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return &Error{Input: path, Msg: describeOSError(err)}
		}
		if d.IsDir() {
			if path != p && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		read := false
		switch strings.ToLower(filepath.Ext(path)) {
		case ".json", ".yaml", ".yml":
			read = true
		case ".txt", ".log":
			read = d.Name() == "logs.txt"
		}
		if !read {
			return nil
		}
		// A FIFO, socket or device among the files would block the read
		// or never end: only regular files (and links to them) are read.
		mode := d.Type()
		if mode&fs.ModeSymlink != 0 {
			if st, err := os.Stat(path); err == nil {
				mode = st.Mode().Type()
			}
		}
		if !mode.IsRegular() {
			l.Skipped = append(l.Skipped, &Error{Input: path, Msg: "not a regular file (" + fileKind(mode) + ")"})
			return nil
		}
		files = append(files, path)
		return nil
	})
	if err != nil {
		return err
	}
	if len(files) == 0 {
		if len(l.Skipped) > 0 {
			return nil
		}
		return &Error{Input: p, Msg: "directory has no .json or .yaml files"}
	}
	sort.Strings(files)
	for _, f := range files {
		if filepath.Base(f) == "logs.txt" {
			l.dumpLog(p, f)
			continue
		}
		if err := l.file(f); err != nil {
			return err
		}
	}
	return nil
}

// dumpLog reads DIR/<ns>/<pod>/logs.txt or DIR/<ns>/<pod>/<container>/logs.txt
// as written by kubectl cluster-info dump --output-directory.
func (l *Loader) dumpLog(root, f string) {
	rel, err := filepath.Rel(root, f)
	if err != nil {
		return
	}
	parts := strings.Split(filepath.ToSlash(rel), "/")
	var ns, pod, container string
	switch len(parts) {
	case 3:
		ns, pod = parts[0], parts[1]
	case 4:
		ns, pod, container = parts[0], parts[1], parts[2]
	default:
		return
	}
	data, err := readCapped(f, maxLogBytes)
	if err != nil {
		return
	}
	l.B.AddLog(ns, pod, container, false, string(data))
}

const maxLogBytes = 1 << 20

func readCapped(f string, n int64) ([]byte, error) {
	fh, err := os.Open(f)
	if err != nil {
		return nil, err
	}
	defer fh.Close()
	st, err := fh.Stat()
	if err != nil {
		return nil, err
	}
	if st.Size() > n {
		// Keep the tail: the end of a log is where a crash shows.
		if _, err := fh.Seek(st.Size()-n, io.SeekStart); err != nil {
			return nil, err
		}
	}
	return io.ReadAll(io.LimitReader(fh, n))
}

func (l *Loader) file(p string) error {
	fh, err := os.Open(p)
	if err != nil {
		return &Error{Input: p, Msg: describeOSError(err)}
	}
	defer fh.Close()
	base := strings.ToLower(strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)))
	return l.Reader(p, fileKinds[base], fh)
}

func fileKind(m fs.FileMode) string {
	switch {
	case m&fs.ModeNamedPipe != 0:
		return "a FIFO"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSymlink != 0:
		return "a broken link"
	}
	return "not a file"
}

func describeOSError(err error) string {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// Reader loads one stream. kindHint is the kind its file name suggests.
// At most MaxInput bytes are read: stdin, a FIFO or a file may not end.
func (l *Loader) Reader(name, kindHint string, r io.Reader) error {
	lim := &limited{r: r, n: l.maxInput()}
	err := l.read(name, kindHint, lim)
	if lim.over {
		// Whatever reading stopped with, the cause is the limit.
		return tooLarge(name, "input", l.maxInput(), errInputTooLarge)
	}
	return err
}

func (l *Loader) read(name, kindHint string, r io.Reader) error {
	// A paste that only looks structured (logs starting with "[", YAML
	// followed by prose) is read again as text: keep what was read, up to
	// a paste's size — a dump of many megabytes is no paste, and copying
	// it would cost the dump path memory for nothing.
	var rec *capture
	if l.Text != nil && l.Format == "" {
		rec = &capture{limit: maxRetryBytes}
		r = io.TeeReader(r, rec)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(8 << 10)
	if len(bytes.TrimSpace(head)) == 0 {
		return &Error{Input: name, Msg: "input is empty"}
	}
	if isBinary(head) {
		return &Error{Input: name, Msg: "binary data, not kubectl JSON or YAML output"}
	}
	if kindHint != "" {
		l.B.MarkKind(kindHint)
	}
	first := firstByte(head)
	switch l.Format {
	case "json":
		return l.jsonStream(name, br)
	case "yaml":
		return l.yamlStream(name, br)
	case "text":
		return l.text(name, br)
	}
	before := l.Stats.Objects + l.Stats.Skipped
	if (first == '{' || first == '[') && looksLikeJSON(head) {
		return l.retryAsText(name, br, rec, before, l.jsonStream(name, br))
	}
	if l.Text != nil && l.IsText != nil && l.IsText(head) {
		return l.text(name, br)
	}
	if looksLikeYAML(head) {
		return l.retryAsText(name, br, rec, before, l.yamlStream(name, br))
	}
	if l.Text != nil {
		return l.text(name, br)
	}
	return &Error{Input: name, Msg: "not kubectl JSON or YAML output (no Kubernetes object found)"}
}

// retryAsText reads an input again as pasted text when it failed as JSON
// or YAML before anything of it was added: "[pod/web/app] …" log lines,
// a YAML tail cut mid-object, YAML followed by logs. Text input finds the
// structured parts inside a paste itself.
func (l *Loader) retryAsText(name string, br *bufio.Reader, rec *capture, before int, err error) error {
	if err == nil || rec == nil || l.Stats.Objects+l.Stats.Skipped != before || final(err) {
		return err
	}
	if _, derr := io.Copy(io.Discard, br); derr != nil || rec.over {
		return err
	}
	if _, terr := l.readText(name, rec.buf.Bytes()); terr != nil {
		return err
	}
	return nil
}

// final reports errors no reading as text can undo: the input is binary,
// nested past any decoder, or too large.
func final(err error) bool {
	return errors.Is(err, errNUL) || errors.Is(err, errTooDeep) || errors.Is(err, errTooBig) || errors.Is(err, errInputTooLarge)
}

// capture keeps a copy of what a reader read, up to limit bytes.
type capture struct {
	buf   bytes.Buffer
	limit int
	over  bool
}

func (c *capture) Write(p []byte) (int, error) {
	if !c.over {
		if c.buf.Len()+len(p) > c.limit {
			c.over = true
			c.buf = bytes.Buffer{}
		} else {
			c.buf.Write(p)
		}
	}
	return len(p), nil
}

// looksLikeJSON tells a JSON value from text that starts with a bracket
// ("[pod/web-1/app] listening", "{{template}}"): after the bracket comes
// what JSON allows there.
func looksLikeJSON(head []byte) bool {
	b := bytes.TrimLeft(head, " \t\r\n\ufeff")
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(b) == 0 {
		return false
	}
	open := b[0]
	rest := bytes.TrimLeft(b[1:], " \t\r\n")
	if len(rest) == 0 {
		return true
	}
	c := rest[0]
	if open == '{' {
		return c == '"' || c == '}'
	}
	return c == '{' || c == '[' || c == '"' || c == ']' || c == '-' || c >= '0' && c <= '9' || c == 't' || c == 'f' || c == 'n'
}

// text hands a paste to the Text reader.
func (l *Loader) text(name string, br *bufio.Reader) error {
	if l.Text != nil {
		data, err := io.ReadAll(io.LimitReader(br, l.maxText()+1))
		if err != nil {
			return &Error{Input: name, Msg: err.Error(), cause: err}
		}
		if int64(len(data)) > l.maxText() {
			return tooLarge(name, "pasted text", l.maxText(), nil)
		}
		_, err = l.readText(name, data)
		return err
	}
	return &Error{Input: name, Msg: "not kubectl JSON or YAML output (no Kubernetes object found)"}
}

func (l *Loader) readText(name string, data []byte) (int, error) {
	n, err := l.Text(l.B, name, data)
	if err != nil {
		return 0, &Error{Input: name, Msg: err.Error()}
	}
	l.Stats.Objects += n
	return n, nil
}

// maxRetryBytes bounds what is kept to read a failed JSON/YAML input again
// as text.
const maxRetryBytes = 8 << 20

func isBinary(b []byte) bool {
	return bytes.IndexByte(b, 0) >= 0
}

func firstByte(b []byte) byte {
	b = bytes.TrimLeft(b, " \t\r\n\ufeff")
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if len(b) == 0 {
		return 0
	}
	return b[0]
}

var yamlStart = regexp.MustCompile(`^(---|apiVersion:|kind:|items:|metadata:|- |[A-Za-z_][A-Za-z0-9_.-]*:( |$))`)

// looksLikeYAML accepts text whose first meaningful line starts a YAML
// mapping or document, so that arbitrary text is not fed to a YAML parser
// that would read all of it as one scalar.
func looksLikeYAML(head []byte) bool {
	for _, line := range strings.Split(string(head), "\n") {
		line = strings.TrimRight(line, "\r")
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		return yamlStart.MatchString(line)
	}
	return false
}

var (
	logStart = regexp.MustCompile(`^==== START logs for container (\S+) of pod ([^/\s]+)/(\S+) ====`)
	logEnd   = "==== END logs for container "
)

// jsonStream reads one or more JSON values, with the log sections that
// kubectl cluster-info dump writes between them.
func (l *Loader) jsonStream(name string, br *bufio.Reader) error {
	sc := newScanner(br)
	values := 0
	for {
		if err := skipSpace(br); err != nil {
			if err == io.EOF {
				break
			}
			return &Error{Input: name, Msg: err.Error()}
		}
		c, _ := br.Peek(1)
		switch c[0] {
		case '{', '[':
			if err := l.jsonValue(name, sc); err != nil {
				return err
			}
			values++
		case '=':
			line, _ := br.ReadString('\n')
			m := logStart.FindStringSubmatch(line)
			if m == nil {
				return &Error{Input: name, Msg: fmt.Sprintf("unexpected text after JSON: %q", clip(line))}
			}
			var sb strings.Builder
			for {
				ln, err := br.ReadString('\n')
				if strings.HasPrefix(ln, logEnd) || (err != nil && ln == "") {
					break
				}
				if sb.Len() < maxLogBytes {
					sb.WriteString(ln)
				}
				if err != nil {
					break
				}
			}
			l.B.AddLog(m[2], m[3], m[1], false, sb.String())
		default:
			if c[0] == 0 {
				return &Error{Input: name, Msg: errNUL.Error(), cause: errNUL}
			}
			if l.Text != nil && values > 0 {
				// Logs or prose pasted after the JSON: the rest is text.
				rest, err := io.ReadAll(io.LimitReader(br, l.maxText()+1))
				if err == nil && int64(len(rest)) <= l.maxText() {
					// What is no kubectl output there is prose: ignored.
					_, _ = l.readText(name, rest)
					return nil
				}
			}
			line, _ := br.ReadString('\n')
			return &Error{Input: name, Msg: fmt.Sprintf("unexpected text after JSON: %q", clip(line))}
		}
	}
	if values == 0 {
		return &Error{Input: name, Msg: "no JSON value"}
	}
	return nil
}

func clip(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 60 {
		return s[:60] + "…"
	}
	return s
}

func skipSpace(br *bufio.Reader) error {
	for {
		c, err := br.ReadByte()
		if err != nil {
			return err
		}
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		case 0xef: // UTF-8 BOM
			if b, _ := br.Peek(2); len(b) == 2 && b[0] == 0xbb && b[1] == 0xbf {
				br.Discard(2)
				continue
			}
		}
		return br.UnreadByte()
	}
}

// jsonValue streams one top-level JSON value: an object (a single resource
// or a List whose items are decoded one by one) or an array of objects.
func (l *Loader) jsonValue(name string, sc *scanner) error {
	p := newPipeline(l)
	defer p.close()
	fail := func(err error) error { return scanErr(name, sc, err) }
	c, err := sc.peek()
	if err != nil {
		return fail(err)
	}
	if c == '[' {
		if err := sc.items(p, nil); err != nil {
			return fail(err)
		}
		return p.wait(name)
	}
	if err := sc.expect('{'); err != nil {
		return fail(err)
	}
	// The fields' values sit one level down; List items are decoded on
	// their own, from depth 0.
	sc.depth = 1
	defer func() { sc.depth = 0 }()
	fields := map[string]json.RawMessage{}
	var pending [][]byte // items without their own kind
	sawItems := false
	if c, err := sc.peek(); err != nil {
		return fail(err)
	} else if c == '}' {
		sc.next('}')
	} else {
		for {
			if c, err := sc.peek(); err != nil {
				return fail(err)
			} else if c != '"' {
				return fail(sc.errf("expected a field name, found %q", c))
			}
			kraw, err := sc.str()
			if err != nil {
				return fail(err)
			}
			var key string
			if err := json.Unmarshal(kraw, &key); err != nil {
				return fail(sc.errf("bad field name"))
			}
			if err := sc.expect(':'); err != nil {
				return fail(err)
			}
			vc, err := sc.peek()
			if err != nil {
				return fail(err)
			}
			switch {
			case key == "items" && vc == '[':
				sawItems = true
				sc.depth = 0
				err := sc.items(p, &pending)
				sc.depth = 1
				if err != nil {
					return fail(err)
				}
			case key == "items" && vc != 'n':
				return &Error{Input: name, Msg: "\"items\" is not a list"}
			default:
				v, err := sc.value()
				if err != nil {
					return fail(err)
				}
				fields[key] = v
			}
			more, err := sc.next('}')
			if err != nil {
				return fail(err)
			}
			if !more {
				break
			}
		}
	}
	var kind, apiVersion string
	_ = json.Unmarshal(fields["kind"], &kind)
	_ = json.Unmarshal(fields["apiVersion"], &apiVersion)
	if sawItems {
		// A typed list (PodList from the API) has items without kind.
		itemKind := strings.TrimSuffix(kind, "List")
		if kind != "List" && itemKind != kind && newObject(apiVersion, itemKind) != nil {
			p.markKind(itemKind)
		}
		for _, raw := range pending {
			p.submitKind(raw, apiVersion, itemKind)
		}
		return p.wait(name)
	}
	if kind == "" {
		return &Error{Input: name, Msg: "JSON object has no \"kind\": not a Kubernetes object"}
	}
	whole, err := json.Marshal(fields)
	if err != nil {
		return &Error{Input: name, Msg: err.Error()}
	}
	p.submit(whole, "")
	return p.wait(name)
}

// items reads a JSON array of objects and submits each; items without a
// kind go to pending when it is non-nil.
func (sc *scanner) items(p *pipeline, pending *[][]byte) error {
	if err := sc.expect('['); err != nil {
		return err
	}
	if c, err := sc.peek(); err != nil {
		return err
	} else if c == ']' {
		_, err := sc.next(']')
		return err
	}
	for {
		raw, err := sc.value()
		if err != nil {
			return err
		}
		if pending != nil && peekKind(raw).Kind == "" {
			*pending = append(*pending, raw)
		} else {
			p.submit(raw, "")
		}
		more, err := sc.next(']')
		if err != nil {
			return err
		}
		if !more {
			return nil
		}
	}
}

func scanErr(name string, sc *scanner, err error) error {
	var se *syntaxError
	var le *Error
	switch {
	case errors.As(err, &le):
		// Already podwhy's words (a YAML List read item by item).
		return le
	case errors.Is(err, errInputTooLarge):
		return &Error{Input: name, Msg: err.Error(), cause: errInputTooLarge}
	case errors.Is(err, errTooBig):
		return &Error{Input: name, Msg: errTooBig.Error(), cause: errTooBig}
	case isTruncated(err):
		return &Error{Input: name, Msg: fmt.Sprintf("truncated JSON (input ends at byte %d)", sc.off)}
	case errors.As(err, &se):
		return &Error{Input: name, Msg: se.Error(), cause: se.cause}
	}
	return &Error{Input: name, Msg: "reading JSON: " + err.Error()}
}

type typeMeta struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
}

// peekKind reads apiVersion and kind without decoding the whole object.
func peekKind(raw []byte) typeMeta {
	var tm typeMeta
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return tm
	}
	depth := 0
	for dec.More() || depth > 0 {
		t, err := dec.Token()
		if err != nil {
			return tm
		}
		if depth == 0 {
			key, _ := t.(string)
			switch key {
			case "kind", "apiVersion":
				vt, err := dec.Token()
				if err != nil {
					return tm
				}
				s, _ := vt.(string)
				if key == "kind" {
					tm.Kind = s
				} else {
					tm.APIVersion = s
				}
				if tm.Kind != "" && tm.APIVersion != "" {
					return tm
				}
				continue
			default:
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					return tm
				}
			}
		}
	}
	return tm
}

// pipeline decodes items on all cores and adds them to the builder in
// input order, so the result does not depend on scheduling.
type pipeline struct {
	l       *Loader
	jobs    chan job
	results chan chan result
	done    chan error
}

type job struct {
	raw              []byte
	apiVersion, kind string
	out              chan result
}

type result struct {
	obj  any
	kind string
	err  error
	// mark is a kind to record as listed, in input order with the objects.
	mark string
}

func newPipeline(l *Loader) *pipeline {
	p := &pipeline{l: l, jobs: make(chan job, 256), results: make(chan chan result, 256), done: make(chan error, 1)}
	workers := runtime.GOMAXPROCS(0)
	// The goroutines get the channels, not the fields: wait clears the
	// fields, maybe before a goroutine has started.
	jobs, results := p.jobs, p.results
	for i := 0; i < workers; i++ {
		go func() {
			for j := range jobs {
				j.out <- decodeItem(j.raw, j.apiVersion, j.kind)
			}
		}()
	}
	go func() {
		var first error
		for c := range results {
			r := <-c
			switch {
			case r.mark != "":
				p.l.B.MarkKind(r.mark)
			case r.err != nil:
				if first == nil {
					first = r.err
				}
			case first != nil:
			case r.obj == nil:
				p.l.Stats.Skipped++
			default:
				if p.l.B.Add(r.obj) {
					p.l.Stats.Objects++
				} else {
					p.l.Stats.Skipped++
				}
			}
		}
		p.done <- first
	}()
	return p
}

func (p *pipeline) submit(raw []byte, kind string) { p.submitKind(raw, "", kind) }

// markKind records a kind as listed through the goroutine that owns the
// builder (the builder is not safe for concurrent use).
func (p *pipeline) markKind(kind string) {
	c := make(chan result, 1)
	c <- result{mark: kind}
	p.results <- c
}

func (p *pipeline) submitKind(raw []byte, apiVersion, kind string) {
	c := make(chan result, 1)
	p.results <- c
	p.jobs <- job{raw: raw, apiVersion: apiVersion, kind: kind, out: c}
}

func (p *pipeline) wait(name string) error {
	close(p.jobs)
	close(p.results)
	err := <-p.done
	p.jobs, p.results = nil, nil
	if err != nil {
		return &Error{Input: name, Msg: err.Error()}
	}
	return nil
}

func (p *pipeline) close() {
	if p.jobs != nil {
		close(p.jobs)
		close(p.results)
		<-p.done
	}
}

func decodeItem(raw []byte, apiVersion, kind string) result {
	tm := peekKind(raw)
	if tm.Kind == "" {
		tm.Kind, tm.APIVersion = kind, apiVersion
	}
	if tm.Kind == "" {
		return result{err: errors.New("object has no \"kind\": not a Kubernetes object")}
	}
	if strings.HasSuffix(tm.Kind, "List") {
		return result{} // nested lists are not a kubectl output form
	}
	obj := newObject(tm.APIVersion, tm.Kind)
	if obj == nil {
		return result{}
	}
	if err := itemJSON.Unmarshal(raw, obj); err != nil {
		// jsoniter's messages are hard to read; encoding/json says the
		// same thing in one clean line.
		if serr := json.Unmarshal(raw, newObject(tm.APIVersion, tm.Kind)); serr != nil {
			err = serr
		}
		return result{err: fmt.Errorf("%s: %v", tm.Kind, cleanJSONErr(err))}
	}
	return result{obj: obj, kind: tm.Kind}
}

func cleanJSONErr(err error) string {
	var ute *json.UnmarshalTypeError
	if errors.As(err, &ute) {
		return fmt.Sprintf("field %s: cannot use a JSON %s as %s", ute.Field, ute.Value, ute.Type)
	}
	return err.Error()
}
