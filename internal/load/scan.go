package load

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
)

// scanner splits a JSON stream into raw values without decoding them: the
// reader thread only finds where each List item ends, and the workers do
// the typed decoding (which also validates). encoding/json's Decoder would
// scan every byte with its full state machine on one core first.
type scanner struct {
	r   *bufio.Reader
	off int64 // bytes consumed, for error positions
	// depth is how deep the values read next sit: 1 for the fields of a
	// top-level object, 0 for List items, which are decoded on their own.
	depth int
}

func newScanner(r *bufio.Reader) *scanner { return &scanner{r: r} }

// maxDepth is the nesting the decoders accept (encoding/json's and
// jsoniter's limit); the scanner stops deeper input first, in podwhy's
// words, instead of handing it on to fail in theirs.
const maxDepth = 10000

var (
	errTooDeep = fmt.Errorf("JSON nested deeper than %d levels: not kubectl output", maxDepth)
	errNUL     = errors.New("a NUL byte in JSON: binary data, not kubectl output")
)

type syntaxError struct {
	off   int64
	msg   string
	cause error
}

func (e *syntaxError) Error() string {
	if e.cause != nil {
		return fmt.Sprintf("%s (at byte %d)", e.cause, e.off)
	}
	return fmt.Sprintf("invalid JSON at byte %d: %s", e.off, e.msg)
}

func (e *syntaxError) Unwrap() error { return e.cause }

func (s *scanner) errf(format string, args ...any) error {
	return &syntaxError{off: s.off, msg: fmt.Sprintf(format, args...)}
}

// fail is an error podwhy names itself, at the scanner's position.
func (s *scanner) fail(cause error) error { return &syntaxError{off: s.off, cause: cause} }

// peek returns the next non-space byte without consuming it.
func (s *scanner) peek() (byte, error) {
	for {
		b, err := s.r.Peek(1)
		if err != nil {
			if err == io.EOF {
				return 0, io.ErrUnexpectedEOF
			}
			return 0, err
		}
		switch b[0] {
		case ' ', '\t', '\r', '\n':
			s.r.Discard(1)
			s.off++
			continue
		}
		return b[0], nil
	}
}

func (s *scanner) expect(c byte) error {
	got, err := s.peek()
	if err != nil {
		return err
	}
	if got != c {
		return s.errf("expected %q, found %q", c, got)
	}
	s.r.Discard(1)
	s.off++
	return nil
}

// next consumes ',' (returns true) or the closing byte (returns false).
func (s *scanner) next(closing byte) (bool, error) {
	c, err := s.peek()
	if err != nil {
		return false, err
	}
	s.r.Discard(1)
	s.off++
	switch c {
	case ',':
		return true, nil
	case closing:
		return false, nil
	}
	return false, s.errf("expected ',' or %q, found %q", closing, c)
}

// value reads one complete JSON value and returns a copy of its bytes.
func (s *scanner) value() ([]byte, error) {
	c, err := s.peek()
	if err != nil {
		return nil, err
	}
	switch c {
	case '{', '[':
		return s.composite()
	case '"':
		return s.str()
	case ',', ':', '}', ']':
		return nil, s.errf("unexpected %q", c)
	}
	return s.literal()
}

func (s *scanner) composite() ([]byte, error) {
	var out []byte
	depth, inStr, esc := 0, false, false
	for {
		n := s.r.Buffered()
		if n == 0 {
			n = 1
		}
		chunk, err := s.r.Peek(n)
		if len(chunk) == 0 {
			if err == nil || err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		for i, c := range chunk {
			if c == 0 {
				// Never valid in JSON, raw in a string or outside one.
				s.r.Discard(i)
				s.off += int64(i)
				return nil, s.fail(errNUL)
			}
			if inStr {
				switch {
				case esc:
					esc = false
				case c == '\\':
					esc = true
				case c == '"':
					inStr = false
				}
				continue
			}
			switch c {
			case '"':
				inStr = true
			case '{', '[':
				depth++
				if s.depth+depth > maxDepth {
					s.r.Discard(i)
					s.off += int64(i)
					return nil, s.fail(errTooDeep)
				}
			case '}', ']':
				depth--
				if depth == 0 {
					out = append(out, chunk[:i+1]...)
					s.r.Discard(i + 1)
					s.off += int64(i + 1)
					return out, nil
				}
			}
		}
		out = append(out, chunk...)
		s.r.Discard(len(chunk))
		s.off += int64(len(chunk))
		if len(out) > maxObjectBytes {
			return nil, errTooBig
		}
	}
}

func (s *scanner) str() ([]byte, error) {
	var out []byte
	first := true
	esc := false
	for {
		b, err := s.r.ReadByte()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return nil, err
		}
		if b == 0 {
			return nil, s.fail(errNUL)
		}
		s.off++
		out = append(out, b)
		if first {
			first = false
			continue
		}
		switch {
		case esc:
			esc = false
		case b == '\\':
			esc = true
		case b == '"':
			return out, nil
		}
		if len(out) > maxObjectBytes {
			return nil, errTooBig
		}
	}
}

func (s *scanner) literal() ([]byte, error) {
	var out []byte
	for {
		b, err := s.r.Peek(1)
		if err != nil || len(b) == 0 {
			if len(out) > 0 && err == io.EOF && json.Valid(out) {
				return out, nil
			}
			return nil, io.ErrUnexpectedEOF
		}
		switch b[0] {
		case ',', '}', ']', ' ', '\t', '\r', '\n':
			if len(out) == 0 || !json.Valid(out) {
				return nil, s.errf("invalid value %q", out)
			}
			return out, nil
		}
		if b[0] == 0 {
			return nil, s.fail(errNUL)
		}
		if len(out) > 64 {
			return nil, s.errf("invalid literal")
		}
		out = append(out, b[0])
		s.r.Discard(1)
		s.off++
	}
}

// isTruncated reports an input that ended inside a value.
func isTruncated(err error) bool {
	return errors.Is(err, io.ErrUnexpectedEOF)
}
