package load

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	"sigs.k8s.io/yaml"
)

// yamlWhole is how much of one YAML document is converted to JSON in one
// piece. Converting takes about fifteen times the document's size (a
// 92 MB List took 1.36 GB), so a larger document — kubectl get -o yaml
// of a big cluster, one List — is read item by item instead. A variable
// for the tests, which read small Lists item by item.
var yamlWhole int64 = 8 << 20

// maxYAMLLine bounds one line: garbage without newlines fails with a
// message instead of being buffered whole.
const maxYAMLLine = 16 << 20

// yamlStream reads multi-document YAML; each document is converted to JSON
// and goes through the same path as JSON input.
func (l *Loader) yamlStream(name string, br *bufio.Reader) error {
	ys := &yamlLines{r: bufio.NewReader(&guard{r: br, limit: maxYAMLLine, lines: true})}
	docs, total := 0, 0
	for {
		doc, big, err := ys.document(min(yamlWhole, l.maxYAMLObject()))
		if err == io.EOF && len(doc) == 0 && !big {
			break
		}
		if err != nil && err != io.EOF {
			return yamlReadErr(name, err)
		}
		docs++
		total += len(doc)
		fail := func(err error) error {
			var le *Error
			if errors.As(err, &le) && docs > 1 && !errors.Is(err, errInputTooLarge) {
				le.Msg = fmt.Sprintf("document %d: %s", docs, le.Msg)
			}
			return err
		}
		if big {
			if err := fail(l.yamlList(name, docs, ys, doc)); err != nil {
				return err
			}
			continue
		}
		if len(bytes.TrimSpace(stripComments(doc))) == 0 {
			if err == io.EOF {
				break
			}
			continue
		}
		js, cerr := yaml.YAMLToJSON(doc)
		if cerr != nil {
			return &Error{Input: name, Msg: fmt.Sprintf("invalid YAML in document %d: %s", docs, yamlErr(cerr)), cause: yamlCause(cerr)}
		}
		js = bytes.TrimSpace(js)
		if len(js) == 0 || string(js) == "null" {
			if err == io.EOF {
				break
			}
			continue
		}
		if js[0] != '{' && js[0] != '[' {
			return &Error{Input: name, Msg: fmt.Sprintf("YAML document %d is not a Kubernetes object", docs)}
		}
		if err := fail(l.jsonValue(name, newScanner(bufio.NewReader(bytes.NewReader(js))))); err != nil {
			return err
		}
		if err == io.EOF {
			break
		}
	}
	if total == 0 {
		return &Error{Input: name, Msg: "input is empty"}
	}
	return nil
}

func yamlReadErr(name string, err error) error {
	var le *Error
	switch {
	case errors.As(err, &le):
		return le
	case errors.Is(err, errTooBig):
		return &Error{Input: name, Msg: "a YAML line is longer than 16 MiB: not kubectl output", cause: errTooBig}
	case errors.Is(err, errInputTooLarge):
		return &Error{Input: name, Msg: err.Error(), cause: errInputTooLarge}
	}
	return &Error{Input: name, Msg: "reading YAML: " + err.Error(), cause: err}
}

// yamlLines reads YAML a line at a time, with one line of lookahead.
type yamlLines struct {
	r      *bufio.Reader
	back   []byte
	hasBak bool
}

func (y *yamlLines) line() ([]byte, error) {
	if y.hasBak {
		y.hasBak = false
		return y.back, nil
	}
	l, err := y.r.ReadBytes('\n')
	if len(l) > 0 {
		return l, nil
	}
	return nil, err
}

func (y *yamlLines) unread(l []byte) { y.back, y.hasBak = l, true }

// separator tells a "---" line; what may follow it is a comment, as for
// the apimachinery YAML reader podwhy used before.
func separator(l []byte) (bool, error) {
	if !bytes.HasPrefix(l, []byte("---")) {
		return false, nil
	}
	rest := bytes.TrimSpace(l[3:])
	if len(rest) > 0 && rest[0] != '#' {
		return false, fmt.Errorf("invalid document separator: %q", clip(string(l)))
	}
	return true, nil
}

// document reads the next document, up to its separator. It stops early,
// with big set, when the document is longer than whole: the caller reads
// the rest from y. err is io.EOF for the last document.
func (y *yamlLines) document(whole int64) (doc []byte, big bool, err error) {
	var b bytes.Buffer
	for {
		l, err := y.line()
		if len(l) == 0 {
			return b.Bytes(), false, err
		}
		sep, serr := separator(l)
		if serr != nil {
			return nil, false, serr
		}
		if sep {
			if b.Len() == 0 {
				continue
			}
			return b.Bytes(), false, nil
		}
		b.Write(l)
		if int64(b.Len()) > whole {
			return b.Bytes(), true, nil
		}
	}
}

// yamlList reads a document too large to convert whole: a top-level
// mapping whose items: list (kubectl's List) is converted one item at a
// time into the JSON that jsonValue reads, so no more than one object is
// held as YAML at a time. head is what was read of the document so far.
func (l *Loader) yamlList(name string, doc int, ys *yamlLines, head []byte) error {
	lj := &listJSON{name: name, doc: doc, limit: l.maxYAMLObject(), ys: ys}
	for _, line := range bytes.SplitAfter(head, []byte("\n")) {
		if len(line) > 0 {
			lj.pre = append(lj.pre, line)
		}
	}
	return l.jsonValue(name, newScanner(bufio.NewReaderSize(lj, 64<<10)))
}

// listJSON turns a YAML mapping into a JSON object, one top-level key or
// one List item at a time, as jsonValue reads it.
type listJSON struct {
	name  string
	doc   int
	limit int64
	ys    *yamlLines
	pre   [][]byte // lines read before streaming began
	ended bool     // the document's separator or the input's end was read

	out       bytes.Buffer
	started   bool // the object's (or array's) opening was written
	array     bool // the document is a list, not a mapping
	fields    int  // fields written to the object
	inItems   bool
	itemInd   int
	items     int // items written to the list
	chunk     [][]byte
	chunkSize int64
	done      bool
	err       error
}

func (j *listJSON) Read(p []byte) (int, error) {
	for j.out.Len() == 0 && j.err == nil {
		j.err = j.step()
	}
	if j.out.Len() > 0 {
		return j.out.Read(p)
	}
	return 0, j.err
}

// next is the document's next line; io.EOF at its end.
func (j *listJSON) next() ([]byte, error) {
	if len(j.pre) > 0 {
		l := j.pre[0]
		j.pre = j.pre[1:]
		return l, nil
	}
	if j.ended {
		return nil, io.EOF
	}
	l, err := j.ys.line()
	if len(l) == 0 {
		j.ended = true
		if err == nil {
			err = io.EOF
		}
		return nil, err
	}
	sep, serr := separator(l)
	if serr != nil {
		return nil, serr
	}
	if sep {
		j.ended = true
		return nil, io.EOF
	}
	return l, nil
}

func (j *listJSON) unread(l []byte) { j.pre = append([][]byte{l}, j.pre...) }

func (j *listJSON) errf(format string, args ...any) *Error {
	return &Error{Input: j.name, Msg: fmt.Sprintf("YAML document %d: ", j.doc) + fmt.Sprintf(format, args...)}
}

// add keeps a line of the key or item being read, within the limit of one
// object.
func (j *listJSON) add(l []byte) error {
	j.chunk = append(j.chunk, l)
	j.chunkSize += int64(len(l))
	if j.chunkSize > j.limit {
		return tooLarge(j.name, fmt.Sprintf("YAML document %d holds an object", j.doc), j.limit, errTooBig)
	}
	return nil
}

func indentOf(l []byte) int {
	return len(l) - len(bytes.TrimLeft(l, " "))
}

func blankOrComment(l []byte) bool {
	t := bytes.TrimSpace(l)
	return len(t) == 0 || t[0] == '#'
}

// itemStart tells a line that starts a list item at indent ind.
func itemStart(l []byte, ind int) bool {
	if indentOf(l) != ind {
		return false
	}
	t := bytes.TrimRight(l[ind:], " \r\n")
	return bytes.Equal(t, []byte("-")) || bytes.HasPrefix(t, []byte("- "))
}

// itemsKey tells the top-level "items:" line whose value follows below.
func itemsKey(l []byte) bool {
	t := bytes.TrimRight(l, " \r\n")
	if i := bytes.Index(t, []byte(" #")); i >= 0 {
		t = bytes.TrimRight(t[:i], " ")
	}
	return string(t) == "items:"
}

func (j *listJSON) step() error {
	if j.done {
		return io.EOF
	}
	l, err := j.next()
	if err != nil && err != io.EOF {
		return yamlReadErr(j.name, err)
	}
	if !j.started && (err == io.EOF || !blankOrComment(l)) {
		// The first line with content says what the document is: a list
		// of objects at column 0, or a mapping.
		j.started = true
		if err == nil && itemStart(l, 0) {
			j.array, j.inItems, j.itemInd = true, true, 0
			j.out.WriteByte('[')
		} else {
			j.out.WriteByte('{')
		}
		j.chunk, j.chunkSize = nil, 0
	}
	if err == io.EOF {
		if j.array {
			if err := j.flushItem(); err != nil {
				return err
			}
			j.out.WriteByte(']')
			j.done = true
			return nil
		}
		if j.inItems {
			if err := j.flushItem(); err != nil {
				return err
			}
			j.out.WriteByte(']')
			j.inItems = false
		} else if err := j.flushFields(); err != nil {
			return err
		}
		j.out.WriteByte('}')
		j.done = true
		return nil
	}
	if j.inItems {
		switch {
		case itemStart(l, j.itemInd):
			if err := j.flushItem(); err != nil {
				return err
			}
			return j.add(l)
		case blankOrComment(l), indentOf(l) > j.itemInd:
			return j.add(l)
		}
		if j.array {
			return j.errf("not a Kubernetes object: text after a list")
		}
		// A key at the top level again: the list has ended.
		if err := j.flushItem(); err != nil {
			return err
		}
		j.out.WriteByte(']')
		j.inItems = false
		j.unread(l)
		return nil
	}
	if itemsKey(l) {
		// The first line that is no blank or comment says whether a
		// block list follows.
		var skipped [][]byte
		for {
			n, err := j.next()
			if err != nil && err != io.EOF {
				return yamlReadErr(j.name, err)
			}
			if err == io.EOF {
				break
			}
			if blankOrComment(n) {
				skipped = append(skipped, n)
				continue
			}
			j.unread(n)
			if ind := indentOf(n); itemStart(n, ind) {
				if err := j.flushFields(); err != nil {
					return err
				}
				j.field()
				j.out.WriteString(`"items":[`)
				j.inItems, j.itemInd, j.items = true, ind, 0
				return nil
			}
			break
		}
		if err := j.add(l); err != nil {
			return err
		}
		for _, s := range skipped {
			if err := j.add(s); err != nil {
				return err
			}
		}
		return nil
	}
	return j.add(l)
}

// field writes the comma before a field after the first.
func (j *listJSON) field() {
	if j.fields > 0 {
		j.out.WriteByte(',')
	}
	j.fields++
}

// flushFields converts the top-level keys read since the last list.
func (j *listJSON) flushFields() error {
	lines := j.chunk
	j.chunk, j.chunkSize = nil, 0
	text := bytes.Join(lines, nil)
	if len(bytes.TrimSpace(stripComments(text))) == 0 {
		return nil
	}
	js, err := yaml.YAMLToJSON(text)
	if err != nil {
		e := j.errf("invalid YAML: %s", yamlErr(err))
		e.cause = yamlCause(err)
		return e
	}
	js = bytes.TrimSpace(js)
	if len(js) < 2 || js[0] != '{' {
		return j.errf("not a Kubernetes object")
	}
	if inner := bytes.TrimSpace(js[1 : len(js)-1]); len(inner) > 0 {
		j.field()
		j.out.Write(inner)
	}
	return nil
}

// flushItem converts the list item read: its lines without the list's
// indent and dash.
func (j *listJSON) flushItem() error {
	lines := j.chunk
	j.chunk, j.chunkSize = nil, 0
	if len(lines) == 0 {
		return nil
	}
	cut := j.itemInd + 2
	var b bytes.Buffer
	for i, l := range lines {
		if i == 0 {
			// "- key: v" becomes "  key: v", then loses the indent.
			l = append(append(bytes.Repeat([]byte(" "), j.itemInd), ' ', ' '), bytes.TrimPrefix(l[j.itemInd:], []byte("-"))...)
			if len(l) > cut && l[cut] == ' ' {
				l = append(l[:cut], l[cut+1:]...)
			}
		}
		k := min(indentOf(l), cut)
		b.Write(l[k:])
	}
	js, err := yaml.YAMLToJSON(b.Bytes())
	if err != nil {
		e := j.errf("invalid YAML in item %d: %s", j.items+1, yamlErr(err))
		e.cause = yamlCause(err)
		return e
	}
	js = bytes.TrimSpace(js)
	if len(js) == 0 {
		js = []byte("null")
	}
	if j.items > 0 {
		j.out.WriteByte(',')
	}
	j.items++
	j.out.Write(js)
	return nil
}

func stripComments(doc []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.Split(doc, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' || string(t) == "---" {
			continue
		}
		out.Write(line)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

// yamlCause is errTooDeep for the YAML decoder's depth error: no reading
// as text makes such input readable.
func yamlCause(err error) error {
	if strings.Contains(err.Error(), "exceeded max depth") {
		return errTooDeep
	}
	return nil
}

func yamlErr(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "error converting YAML to JSON: ")
	if strings.Contains(s, "exceeded max depth") {
		// The YAML decoder's words for what JSON input gets as errTooDeep.
		return fmt.Sprintf("YAML nested deeper than %d levels: not kubectl output", maxDepth)
	}
	return s
}
