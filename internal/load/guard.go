package load

import (
	"errors"
	"io"
)

// maxObjectBytes bounds what may be read for one object (a List item, a
// YAML line): garbage without structure must fail with a message instead of
// being buffered whole.
const maxObjectBytes = 256 << 20

var errTooBig = errors.New("a single object or line is larger than 256 MiB: not kubectl output")

// guard counts bytes read since the last reset.
type guard struct {
	r     io.Reader
	n     int64
	limit int64
	// lines: reset at every newline instead of by the caller.
	lines bool
}

func (g *guard) Read(p []byte) (int, error) {
	if g.n > g.limit {
		return 0, errTooBig
	}
	k, err := g.r.Read(p)
	if g.lines {
		for i := k - 1; i >= 0; i-- {
			if p[i] == '\n' {
				g.n = int64(k - 1 - i)
				return k, err
			}
		}
	}
	g.n += int64(k)
	return k, err
}
