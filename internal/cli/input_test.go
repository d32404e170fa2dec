package cli

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

const onePod = `{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1","namespace":"shop","uid":"u1","creationTimestamp":"2026-11-27T08:00:00Z"},"spec":{"containers":[{"name":"web","image":"nginx"}]},"status":{"phase":"Running"}}`

// endlessJSON is kubectl get -w -o json on stdin: it never ends.
type endlessJSON struct{ buf bytes.Buffer }

func (e *endlessJSON) Read(p []byte) (int, error) {
	if e.buf.Len() == 0 {
		e.buf.WriteString(onePod + "\n")
	}
	return e.buf.Read(p)
}

func TestMaxInputSize(t *testing.T) {
	var out, errb bytes.Buffer
	done := make(chan int, 1)
	go func() {
		done <- Main([]string{"-f", "-", "--max-input-size", "2MiB"}, IO{In: &endlessJSON{}, Out: &out, Err: &errb})
	}()
	select {
	case code := <-done:
		want := "podwhy: stdin: input larger than 2 MiB: raise the limit with --max-input-size\n"
		if code != ExitUsage || errb.String() != want {
			t.Errorf("exit %d, stderr %q, want %q", code, errb.String(), want)
		}
	case <-time.After(60 * time.Second):
		t.Fatal("an endless stdin is still being read after a minute")
	}
	for _, bad := range []string{"lots", "0", "-5Mi", "12"} {
		if code, _, errOut := runCLI(t, onePod, "-f", "-", "--max-input-size", bad); code != ExitUsage || !strings.Contains(errOut, "--max-input-size") {
			t.Errorf("--max-input-size %s: exit %d %q", bad, code, errOut)
		}
	}
	for _, ok := range []string{"1GiB", "512Mi", "300MB", "268435456", "1 GiB"} {
		if code, _, errOut := runCLI(t, onePod, "-f", "-", "--max-input-size", ok); code == ExitUsage {
			t.Errorf("--max-input-size %s: %q", ok, errOut)
		}
	}
}

// JSON too deep or with NUL bytes is named in podwhy's words.
func TestJSONNestingAndNULErrors(t *testing.T) {
	dir := t.TempDir()
	deep := filepath.Join(dir, "dump.json")
	if err := os.WriteFile(deep, []byte(`{"apiVersion":"v1","kind":"Pod","metadata":{"name":"x"},"spec":`+strings.Repeat(`{"a":`, 20000)+`1`+strings.Repeat("}", 20000)+`}`), 0o644); err != nil {
		t.Fatal(err)
	}
	nul := filepath.Join(dir, "nul.json")
	if err := os.WriteFile(nul, []byte(`{"apiVersion":"v1","kind":"List","items":[`+strings.Repeat(" ", 9000)+`{"kind":"Pod","apiVersion":"v1","metadata":{"name":"a`+"\x00"+`b"}}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for f, want := range map[string]string{
		deep: "podwhy: " + deep + ": JSON nested deeper than 10000 levels: not kubectl output (at byte ",
		nul:  "podwhy: " + nul + ": a NUL byte in JSON: binary data, not kubectl output (at byte ",
	} {
		code, _, errOut := runCLI(t, "", "-f", f)
		if code != ExitUsage || !strings.HasPrefix(errOut, want) || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q, want %q…", filepath.Base(f), code, errOut, want)
		}
	}
}

// A FIFO in a -f folder is skipped and named; the run reads the rest.
func TestFIFOInFolder(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no FIFOs")
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pods.json"), []byte(onePod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := mkfifo(filepath.Join(dir, "events.json")); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	done := make(chan []any, 1)
	go func() {
		code, _, errOut := runCLI(t, "", "-f", dir, "--now", "2026-11-27T09:00:00Z")
		done <- []any{code, errOut}
	}()
	select {
	case r := <-done:
		want := "podwhy: skipped " + filepath.Join(dir, "events.json") + ": not a regular file (a FIFO)\n"
		if r[0] == ExitUsage || r[1] != want {
			t.Errorf("exit %v, stderr %q, want %q", r[0], r[1], want)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("blocked on the FIFO")
	}
}

var mkfifo = func(p string) error { return syscall.Mkfifo(p, 0o644) }
