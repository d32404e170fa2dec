package watch

import (
	"errors"
	"io"
	"strings"
	"testing"

	apierrors "k8s.io/apimachinery/pkg/api/errors"
)

// TestWatchErrors: an expired resourceVersion or a closed watch is
// routine; anything else marks the engine disconnected (one line to the
// caller) until an informer hears from the API server again.
func TestWatchErrors(t *testing.T) {
	var got []string
	e := New(Options{Host: "https://10.0.0.1:6443", OnAPIError: func(res string, err error) { got = append(got, res+": "+err.Error()) }})
	e.watchError("pods", apierrors.NewResourceExpired("too old resource version: 1 (5)"))
	e.watchError("pods", io.EOF)
	if ok, _ := e.Connected(); !ok || len(got) != 0 {
		t.Fatalf("routine watch ends reported: %v", got)
	}
	e.watchError("pods", errors.New(`Get "https://10.0.0.1:6443/api/v1/pods?watch=true": dial tcp 10.0.0.1:6443: connect: connection refused`))
	ok, err := e.Connected()
	if ok || err == nil || len(got) != 1 || strings.Contains(got[0], "\n") || e.WatchErrors()["pods"] != 1 {
		t.Fatalf("connected=%v err=%v reported=%v", ok, err, got)
	}
	e.heard()
	if ok, err := e.Connected(); !ok || err != nil {
		t.Fatalf("after hearing again: %v %v", ok, err)
	}
}
