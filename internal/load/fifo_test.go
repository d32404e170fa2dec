//go:build unix

package load

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/snapshot"
)

// within fails the test when f does not return in time: a FIFO opened
// for reading blocks until a writer comes, which here none does.
func within(t *testing.T, d time.Duration, f func() error) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- f() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		t.Fatalf("no answer after %v: blocked on a FIFO", d)
		return nil
	}
}

// A FIFO, a socket or a device in a -f folder is skipped with a note, not
// read forever.
func TestFolderSkipsNonRegularFiles(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "pods.json"), []byte(podJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	fifo := filepath.Join(dir, "events.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// A link to the FIFO under a name that would be read.
	if err := os.Symlink(fifo, filepath.Join(dir, "nodes.yaml")); err != nil {
		t.Fatal(err)
	}
	l := New(snapshot.NewBuilder())
	if err := within(t, 10*time.Second, func() error { return l.Path(dir) }); err != nil {
		t.Fatal(err)
	}
	if l.Stats.Objects != 1 {
		t.Errorf("%d objects, want the pod of pods.json", l.Stats.Objects)
	}
	if len(l.Skipped) != 2 {
		t.Fatalf("skipped %v, want the FIFO and the link to it", l.Skipped)
	}
	for _, s := range l.Skipped {
		if !strings.Contains(s.Error(), "not a regular file (a FIFO)") {
			t.Errorf("note %q", s.Error())
		}
	}
	// A folder of nothing but a FIFO has nothing to read, and says why.
	only := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(only, "pods.json"), 0o644); err != nil {
		t.Fatal(err)
	}
	l = New(snapshot.NewBuilder())
	if err := within(t, 10*time.Second, func() error { return l.Path(only) }); err != nil || len(l.Skipped) != 1 {
		t.Errorf("err %v, skipped %v", err, l.Skipped)
	}
}

// A FIFO named directly is read like stdin, up to the limit.
func TestFIFOGivenDirectlyIsBounded(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "stream.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	stop := make(chan struct{})
	defer close(stop)
	go func() {
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			return
		}
		defer w.Close()
		line := []byte(podJSON + "\n")
		for {
			select {
			case <-stop:
				return
			default:
			}
			if _, err := w.Write(line); err != nil {
				return
			}
		}
	}()
	l := New(snapshot.NewBuilder())
	l.MaxInput = 1 << 20
	err := within(t, 30*time.Second, func() error { return l.Path(fifo) })
	if err == nil || !strings.Contains(err.Error(), "input larger than 1 MiB: raise the limit with --max-input-size") {
		t.Errorf("err = %v", err)
	}
}
