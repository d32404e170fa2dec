package cli

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes/fake"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/watch"
	"github.com/podwhy/podwhy/internal/watch/watchtest"
)

// TestWatchServeBadInput: an unreachable API server and a bad address are
// one line on stderr and exit 2, never a hang.
func TestWatchServeBadInput(t *testing.T) {
	for _, args := range [][]string{
		{"watch", "-A", "--server", "https://127.0.0.1:1", "--request-timeout", "3s"},
		{"serve", "--addr", "127.0.0.1:99999", "--server", "https://127.0.0.1:1"},
		{"watch", "--lang", "fr", "--server", "https://127.0.0.1:1"},
	} {
		done := make(chan struct{})
		var code int
		var stderr string
		go func() {
			code, _, stderr = runCLI(t, "", args...)
			close(done)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatalf("%v: no answer after 20 s", args)
		}
		if code != ExitUsage || strings.Count(strings.TrimSpace(stderr), "\n") != 0 || !strings.HasPrefix(stderr, "podwhy: ") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
}

type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) lines() []watchLine {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []watchLine
	sc := bufio.NewScanner(bytes.NewReader(s.b.Bytes()))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var l watchLine
		if json.Unmarshal(sc.Bytes(), &l) == nil {
			out = append(out, l)
		}
	}
	return out
}

// TestWatchTerminalView: on a terminal, the first diagnosis is the text
// report, then each opened finding is printed in full under NEW and each
// resolved one as a RESOLVED line with its ID.
func TestWatchTerminalView(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cs := fake.NewClientset()
	var out syncBuffer
	v := newWatchView(&out, i18n.EN)
	v.tty, v.width = true, 100
	e := watch.New(watch.Options{Debounce: 10 * time.Millisecond})
	v.render = func(st *watch.State, fs []*diagnose.Finding) report.Doc { return e.Render(st, fs, i18n.EN) }
	e.OnScan(v.scan)
	if err := e.Start(ctx, cs); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); e.Stop() }()
	text := func() string { out.mu.Lock(); defer out.mu.Unlock(); return out.b.String() }
	waitFor := func(s string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(text(), s) {
			if time.Now().After(deadline) {
				t.Fatalf("no %q in:\n%s", s, text())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitFor("No problems right now.")
	if err := watchtest.CreateImagePullPod(ctx, cs, "shop", "inventory", time.Now()); err != nil {
		t.Fatal(err)
	}
	waitFor("NEW")
	waitFor("ImagePullBackOff · Image/NotFound")
	waitFor("$ crane ls 127.0.0.1:5001/inventory")
	if err := cs.CoreV1().Pods("shop").Delete(ctx, "inventory", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	waitFor("RESOLVED  ImagePullBackOff · Image/NotFound  [")
	if strings.Contains(text(), "\x1b[") {
		t.Error("colour without a colour terminal")
	}
}

// TestWatchJSONLines: off a terminal, watch prints one JSON object per
// opened and resolved finding, in the report schema.
func TestWatchJSONLines(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cs := fake.NewClientset()
	var out syncBuffer
	v := newWatchView(&out, i18n.EN)
	e := watch.New(watch.Options{Debounce: 10 * time.Millisecond})
	v.render = func(st *watch.State, fs []*diagnose.Finding) report.Doc { return e.Render(st, fs, i18n.EN) }
	e.OnScan(v.scan)
	if err := e.Start(ctx, cs); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); e.Stop() }()
	if err := watchtest.CreateImagePullPod(ctx, cs, "shop", "inventory", time.Now()); err != nil {
		t.Fatal(err)
	}
	find := func(typ string) *watchLine {
		for _, l := range out.lines() {
			if l.Type == typ && l.Finding != nil && l.Finding.Reason == "Image/NotFound" {
				return &l
			}
		}
		return nil
	}
	deadline := time.Now().Add(10 * time.Second)
	for find("opened") == nil && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	op := find("opened")
	if op == nil {
		t.Fatalf("no opened line:\n%s", out.b.String())
	}
	if err := cs.CoreV1().Pods("shop").Delete(ctx, "inventory", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	for find("resolved") == nil && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	if r := find("resolved"); r == nil || r.ID != op.Finding.ID || r.Time.IsZero() {
		t.Fatalf("resolved line: %+v\n%s", r, out.b.String())
	}
}
