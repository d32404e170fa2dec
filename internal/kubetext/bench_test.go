package kubetext_test

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/kubetext"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// pasteShapes are the shapes of text a paste can take at its worst: each
// once took time superlinear in its size somewhere in the parser. gen
// returns about n bytes.
var pasteShapes = []struct {
	name string
	gen  func(n int) []byte
}{
	// A log or describe folded at a terminal's width: every line as long
	// as the longest, so all of it is joined back.
	{"equal-width", func(n int) []byte {
		src := strings.ReplaceAll(string(describeSample()), "\n", " ")
		return fold(repeatTo(src, n), 120)
	}},
	// One line, no newline: a minified blob, a log without line ends.
	{"giant-line", func(n int) []byte {
		return []byte(repeatTo("Back-off pulling image \"registry.example/app:1\" reason=ImagePullBackOff ", n))
	}},
	{"short-lines", func(n int) []byte { return []byte(repeatTo("a\nbb\n\nx y\n", n)) }},
	// A describe of many pods, each with its events.
	{"describe", func(n int) []byte {
		d := string(describeSample())
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString(strings.ReplaceAll(d, "crasher-7496747fdb-cnwcb", fmt.Sprintf("crasher-7496747fdb-%05d", i)))
		}
		return []byte(b.String())
	}},
	// kubectl get events pasted again and again (or --watch): one table
	// of failing pods, repeated with its header.
	{"events", func(n int) []byte {
		var t strings.Builder
		t.WriteString("LAST SEEN   TYPE      REASON      OBJECT                 MESSAGE\n")
		for j := 0; j < 20; j++ {
			fmt.Fprintf(&t, "%dm          Warning   BackOff     pod/web-%02d             Back-off restarting failed container app in pod web-%02d_shop(u)\n", j+1, j, j)
			fmt.Fprintf(&t, "%dm          Warning   Failed      pod/api-%02d             Failed to pull image \"registry.example/api:%d\": rpc error: code = NotFound desc = failed to pull and unpack image: not found\n", j+1, j, j)
		}
		return []byte(repeatTo(t.String(), n))
	}},
	// The same with every pod a different one: each row makes a pod.
	{"events-distinct", func(n int) []byte {
		var b strings.Builder
		for i := 0; b.Len() < n; i++ {
			b.WriteString("LAST SEEN   TYPE      REASON      OBJECT                      MESSAGE\n")
			for j := 0; j < 20; j++ {
				fmt.Fprintf(&b, "%dm          Warning   BackOff     pod/web-%05d-%02d            Back-off restarting failed container app in pod web-%05d-%02d_shop(u)\n", j+1, i, j, i, j)
			}
		}
		return []byte(b.String())
	}},
	// Printable garbage with lines of random length.
	{"garbage", func(n int) []byte {
		r := rand.New(rand.NewPCG(1, 2))
		b := make([]byte, n)
		for i := range b {
			if r.IntN(80) == 0 {
				b[i] = '\n'
			} else {
				b[i] = byte(' ' + r.IntN(95))
			}
		}
		return b
	}},
	// YAML-ish keys indented deeper and deeper (a saw-tooth to 2000
	// levels): lines of up to 4 KB of spaces.
	{"deep-yaml", func(n int) []byte {
		var b strings.Builder
		b.WriteString("status:\n")
		for i := 0; b.Len() < n; i++ {
			d := i % 2000
			b.WriteString(strings.Repeat("  ", d+1))
			fmt.Fprintf(&b, "k%d:\n", d)
		}
		return []byte(b.String())
	}},
}

func describeSample() []byte {
	data, err := os.ReadFile("../../examples/lab-capture/text/crash-exit.txt")
	if err != nil {
		panic(err)
	}
	// The describe and its events, without the prompt and what follows.
	s := string(data)
	s = s[strings.Index(s, "Name:"):]
	return []byte(s[:strings.Index(s, "\n$ ")+1])
}

func repeatTo(s string, n int) string {
	return strings.Repeat(s, n/len(s)+1)[:n]
}

// fold cuts s into lines of exactly w bytes, as fold -w does.
func fold(s string, w int) []byte {
	var b bytes.Buffer
	for len(s) > w {
		b.WriteString(s[:w])
		b.WriteByte('\n')
		s = s[w:]
	}
	b.WriteString(s)
	return b.Bytes()
}

// BenchmarkParse64MiB reads pastes of every shape at 4 MiB and 64 MiB:
// the target is 64 MiB of any shape in under 10 s on 2 cores, and time
// linear in size (64 MiB about 16 times 4 MiB). -short leaves out 64 MiB.
//
//	go test ./internal/kubetext -run '^$' -bench Parse64MiB -benchtime 1x
func BenchmarkParse64MiB(b *testing.B) {
	for _, sh := range pasteShapes {
		for _, size := range []int{4 << 20, 64 << 20} {
			b.Run(fmt.Sprintf("%s/%dMiB", sh.name, size>>20), func(b *testing.B) {
				if size > 4<<20 && testing.Short() {
					b.Skip("64 MiB: not under -short")
				}
				data := sh.gen(size)
				b.SetBytes(int64(len(data)))
				b.ResetTimer()
				for i := 0; i < b.N; i++ {
					_, _ = kubetext.LoadAll(snapshot.NewBuilder(), []kubetext.Input{{Name: "paste", Data: data}},
						kubetext.Options{Now: time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)})
				}
			})
		}
	}
}
