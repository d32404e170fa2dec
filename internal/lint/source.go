package lint

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"unicode/utf8"

	yaml "go.yaml.in/yaml/v3"
)

// Input is one file to lint. Name is how problems refer to it: the path as
// given (relative paths stay relative, so SARIF locations resolve against
// the checkout), or "stdin".
type Input struct {
	Name string
	Data []byte
}

// InputError is a file that cannot be read at all: the one-line exit-2
// error, never a problem in the report.
type InputError struct {
	Input string
	Err   error
}

func (e *InputError) Error() string { return e.Input + ": " + e.Err.Error() }
func (e *InputError) Unwrap() error { return e.Err }

// manifestExts are the files kubectl apply -f DIR reads.
var manifestExts = map[string]bool{".yaml": true, ".yml": true, ".json": true}

// maxInput bounds one file: a rendered chart is a few megabytes; anything
// far larger is not a manifest and would only exhaust memory.
const maxInput = 64 << 20

// ReadPath reads FILE, DIR (recursively, .yaml/.yml/.json, hidden
// folders skipped, in name order) or "-" (stdin).
func ReadPath(path string, stdin io.Reader) ([]Input, error) {
	if path == "-" {
		data, err := io.ReadAll(io.LimitReader(stdin, maxInput+1))
		if err != nil {
			return nil, &InputError{"stdin", fmt.Errorf("read: %w", err)}
		}
		// Binary first: a large binary is best named for what it is.
		if binary(data) {
			return nil, &InputError{"stdin", ErrBinary}
		}
		if len(data) > maxInput {
			return nil, &InputError{"stdin", fmt.Errorf("larger than %d MiB", maxInput>>20)}
		}
		return []Input{{Name: "stdin", Data: data}}, nil
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, &InputError{path, plainFSError(err)}
	}
	if !st.IsDir() {
		in, err := readFile(path)
		if err != nil {
			return nil, err
		}
		return []Input{in}, nil
	}
	var files []string
	err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return &InputError{p, plainFSError(err)}
		}
		if d.IsDir() {
			if p != path && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return nil
		}
		if manifestExts[strings.ToLower(filepath.Ext(p))] {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, &InputError{path, errors.New("no .yaml, .yml or .json files in this folder")}
	}
	sort.Strings(files)
	out := make([]Input, 0, len(files))
	for _, f := range files {
		in, err := readFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, in)
	}
	return out, nil
}

func readFile(path string) (Input, error) {
	f, err := os.Open(path)
	if err != nil {
		return Input{}, &InputError{path, plainFSError(err)}
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxInput+1))
	if err != nil {
		return Input{}, &InputError{path, fmt.Errorf("read: %w", plainFSError(err))}
	}
	if binary(data) {
		return Input{}, &InputError{path, ErrBinary}
	}
	if len(data) > maxInput {
		return Input{}, &InputError{path, fmt.Errorf("larger than %d MiB", maxInput>>20)}
	}
	return Input{Name: filepath.ToSlash(path), Data: data}, nil
}

// ErrBinary is an input that is no text at all: an executable, an
// archive, a compressed file. Reporting it as YAML syntax errors would
// send the user looking for a typo in a file that was never a manifest.
var ErrBinary = errors.New("binary data, not YAML or JSON")

// binaryMagic are the first bytes of files people hand lint by mistake
// (a chart .tgz, a compressed dump, a binary built next to the YAML).
// Only prefixes no text file can start with are listed: the rest is
// left to the NUL and control character tests.
var binaryMagic = [][]byte{
	{0x1f, 0x8b},                  // gzip (.tgz charts)
	{0xfd, '7', 'z', 'X', 'Z', 0}, // xz
	{0x28, 0xb5, 0x2f, 0xfd},      // zstd
	[]byte("PK\x03\x04"),          // zip, jar
	[]byte("\x7fELF"),             // Linux executables
	{0xcf, 0xfa, 0xed, 0xfe},      // Mach-O 64-bit
}

// binary reports data that cannot be YAML or JSON text. A NUL byte is
// never allowed in YAML (nor JSON outside a string escape); UTF-16 text
// with a byte order mark is the exception, since yaml.v3 reads it and
// Windows PowerShell writes it. Otherwise control characters and invalid
// UTF-8 count: a few are a typo or a Latin-1 comment, worth a YAML
// syntax error at their line; a large share is no text.
func binary(data []byte) bool {
	if bytes.HasPrefix(data, []byte{0xff, 0xfe}) || bytes.HasPrefix(data, []byte{0xfe, 0xff}) {
		le := data[0] == 0xff
		for i := 2; i+1 < len(data); i += 2 {
			u := uint16(data[i])<<8 | uint16(data[i+1])
			if le {
				u = uint16(data[i+1])<<8 | uint16(data[i])
			}
			if u == 0 {
				return true
			}
		}
		return false
	}
	for _, m := range binaryMagic {
		if bytes.HasPrefix(data, m) {
			return true
		}
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	head := data[:min(len(data), 8192)]
	odd := 0
	for i := 0; i < len(head); {
		r, n := utf8.DecodeRune(head[i:])
		switch {
		case r == utf8.RuneError && n <= 1 && len(head)-i >= utf8.UTFMax:
			odd++
		case r < 0x20 && r != '\t' && r != '\n' && r != '\r', r == 0x7f:
			odd++
		}
		i += max(n, 1)
	}
	return odd*10 > len(head)
}

// plainFSError drops the path os errors repeat, since InputError names it.
func plainFSError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// chunk is the text of one document and the line it starts on.
type chunk struct {
	text  []byte
	line0 int // lines before the chunk in the file
}

// split cuts a file into documents at the lines kubectl's YAML reader
// (k8s.io/apimachinery/pkg/util/yaml) cuts at: a line starting with "---"
// followed by nothing but blanks or a comment. Parsing documents one by one
// keeps a syntax error in one from hiding the problems of the others, and
// the chunk's first line turns positions within it into file positions.
func split(data []byte) []chunk {
	if out := splitJSON(data); out != nil {
		return out
	}
	var out []chunk
	var starts []int
	start := 0
	for off := 0; off < len(data); {
		end := bytes.IndexByte(data[off:], '\n')
		next := len(data)
		if end >= 0 {
			next = off + end + 1
		}
		l := bytes.TrimRight(data[off:next], "\r\n")
		if isSeparator(l) {
			out, starts = append(out, chunk{text: data[start:off]}), append(starts, start)
			start = next
		}
		off = next
	}
	out, starts = append(out, chunk{text: data[start:]}), append(starts, start)
	// Lines are counted as yaml.v3 counts them, so that a position inside
	// a chunk plus its offset is the position yaml.v3 gives in the file.
	lines, done := 0, 0
	for i := range out {
		lines += breaks(data[done:starts[i]])
		done = starts[i]
		out[i].line0 = lines
	}
	return out
}

// splitJSON cuts a stream of JSON values ({…}{…} or one per line), which
// kubectl reads as JSON when its first non-blank byte is "{"
// (yaml.NewYAMLOrJSONDecoder): one document per value. It returns nil
// for anything else, or a stream that does not decode to the end, which
// is then read as YAML (JSON is YAML) so that the error gets its line.
func splitJSON(data []byte) []chunk {
	trimmed := bytes.TrimLeft(data, " \t\r\n")
	if len(trimmed) == 0 || trimmed[0] != '{' {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	var out []chunk
	start := 0
	for {
		var v json.RawMessage
		err := dec.Decode(&v)
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil
		}
		end := int(dec.InputOffset())
		out = append(out, chunk{text: data[start:end], line0: breaks(data[:start])})
		start = end
	}
	if len(out) < 2 {
		return nil // one value: the YAML path reads it the same way
	}
	return out
}

// breaks counts line breaks the way YAML does: \r\n, \r, \n, and the
// Unicode NEL, LS and PS.
func breaks(b []byte) int {
	n := 0
	for i := 0; i < len(b); i++ {
		switch {
		case b[i] == '\r':
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			n++
		case b[i] == '\n':
			n++
		case b[i] == 0xc2 && i+1 < len(b) && b[i+1] == 0x85:
			i++
			n++
		case b[i] == 0xe2 && i+2 < len(b) && b[i+1] == 0x80 && (b[i+2] == 0xa8 || b[i+2] == 0xa9):
			i += 2
			n++
		}
	}
	return n
}

func isSeparator(l []byte) bool {
	if !bytes.HasPrefix(l, []byte("---")) {
		return false
	}
	rest := bytes.TrimSpace(l[3:])
	return len(rest) == 0 || rest[0] == '#'
}

// blank reports text with nothing but whitespace, comments and "..."
// document end markers: not a document kubectl would send.
func blank(text []byte) bool {
	for _, l := range bytes.Split(text, []byte("\n")) {
		l = bytes.TrimSpace(l)
		if len(l) != 0 && l[0] != '#' && !bytes.Equal(l, []byte("...")) {
			return false
		}
	}
	return true
}

// doc is one parsed YAML document of a file.
type doc struct {
	file  string
	index int // 0-based document number within the file
	line0 int // add to positions in root to get file lines
	root  *yaml.Node
}

var yamlLineRe = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// parse splits and parses a file. Syntax errors become problems at their
// line; the rest of the file is still read.
func parse(in Input) ([]doc, []Problem) {
	var docs []doc
	var probs []Problem
	data := bytes.TrimPrefix(in.Data, []byte("\xef\xbb\xbf"))
	n := 0
	for _, c := range split(data) {
		if blank(c.text) {
			continue
		}
		dec := yaml.NewDecoder(bytes.NewReader(c.text))
		for {
			var root yaml.Node
			err := dec.Decode(&root)
			if err == io.EOF {
				break
			}
			if err != nil {
				probs = append(probs, syntaxProblem(in.Name, c, err))
				break
			}
			docs = append(docs, doc{file: in.Name, index: n, line0: c.line0, root: &root})
			n++
		}
	}
	return docs, probs
}

// templateRe finds Go template actions: a chart's templates/ folder linted
// before `helm template` renders it.
var templateRe = regexp.MustCompile(`\{\{-?\s*[-.$a-zA-Z(/"]`)

func syntaxProblem(file string, c chunk, err error) Problem {
	msg := strings.TrimPrefix(err.Error(), "yaml: ")
	if m := yamlLineRe.FindStringSubmatch(err.Error()); m != nil {
		msg = m[2]
	}
	line, col := errorLine(c.text, msg)
	p := Problem{
		File: file, Pos: Pos{Line: line + c.line0, Column: col}, Severity: Error,
		Rule: RuleSyntax, Msg: msgSyntax(msg),
	}
	if templateRe.Match(c.text) {
		p.Rule = RuleTemplate
		p.Msg = msgTemplate()
	}
	return p
}

// maxBisect bounds the text errorLine searches: beyond it the cost of
// re-parsing is not worth a line number.
const maxBisect = 4 << 20

// errorLine finds the line a syntax error is on. yaml.v3's messages name
// the line where the enclosing block starts (0-based) for parser errors,
// not the line at fault; the first prefix of the text that fails with the
// same message ends on the line at fault, and as a parse of a longer
// prefix meets the same first error, a binary search finds it.
func errorLine(text []byte, msg string) (line, col int) {
	lines := bytes.SplitAfter(text, []byte("\n"))
	fails := func(n int) bool {
		var root yaml.Node
		err := yaml.Unmarshal(bytes.Join(lines[:n], nil), &root)
		if err == nil {
			return false
		}
		m := strings.TrimPrefix(err.Error(), "yaml: ")
		if sm := yamlLineRe.FindStringSubmatch(err.Error()); sm != nil {
			m = sm[2]
		}
		return m == msg
	}
	n := len(lines)
	if len(text) <= maxBisect && n > 1 {
		lo, hi := 1, n // fails(hi) is assumed: the whole text failed
		for lo < hi {
			mid := (lo + hi) / 2
			if fails(mid) {
				hi = mid
			} else {
				lo = mid + 1
			}
		}
		n = lo
	}
	l := lines[n-1]
	col = 1 + len([]rune(string(l))) - len([]rune(strings.TrimLeft(string(l), " ")))
	if len(bytes.TrimSpace(l)) == 0 {
		col = 1
	}
	return n, col
}

// Document is one YAML document of a file as kubectl cuts it.
type Document struct {
	Text      []byte
	FirstLine int // 1-based line of the file where the document starts
	Lines     int // lines it spans
}

// Documents cuts a file as lint and kubectl do: blank documents are kept,
// so that an index is the same for every reader of the file.
func Documents(data []byte) []Document {
	var out []Document
	for _, c := range split(data) {
		out = append(out, Document{Text: c.text, FirstLine: c.line0 + 1, Lines: breaks(c.text) + 1})
	}
	return out
}

// Blank reports a document kubectl skips (nothing but blanks and
// comments).
func (d Document) Blank() bool { return blank(d.Text) }
