package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/rest"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/gendump"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/live"
	"github.com/podwhy/podwhy/internal/live/livetest"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// TestListedEqualsSnapshot: a one-shot run of every namespace gives the
// same report whether its LIST pages go into a snapshot builder
// (live.Collect, diagnose.Run) or into a NewListed engine (compact
// caches, a chunk of namespaces per pass) — over a fake API server holding
// the shipped clusters and a generated one, in chunks as large as they
// come and of one namespace each, with every kind listed and with a kind
// forbidden (its note, and the checks that need it skipped, alike).
func TestListedEqualsSnapshot(t *testing.T) {
	gen := t.TempDir()
	if _, err := gendump.Write(gen, gendump.Spec{Nodes: 20, Pods: 200, Events: 1000, FailingPercent: 30}); err != nil {
		t.Fatal(err)
	}
	for _, dir := range []string{"../../examples/broken-cluster", "../../examples/lab-capture", "../../examples/cluster-info-dump", gen} {
		var objs []runtime.Object
		for _, o := range decodeTree(t, dir) {
			if livetest.Serves(o) {
				objs = append(objs, o)
			}
		}
		srv, err := livetest.New(objs...)
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		cfg := &rest.Config{Host: srv.URL}
		now := latest(objs)
		start := time.Now()
		// Pages of 7 cross every kind's page boundary; the generated
		// cluster's 1,262 objects would take 10 s at the client's rate
		// limit in such pages.
		page := int64(7)
		if dir == gen {
			page = 100
		}
		for _, forbidden := range []string{"", "persistentvolumeclaims"} {
			srv.Forbidden = map[string]bool{forbidden: forbidden != ""}
			b, err := live.Collect(context.Background(), cfg, live.Options{PageSize: page})
			if err != nil {
				t.Fatal(err)
			}
			want, _ := json.MarshalIndent(report.Build(diagnose.Run(b.Build(now), diagnose.DefaultOptions()), i18n.EN), "", " ")
			for _, chunk := range []int{chunkObjects, 1} {
				e := NewListed(Options{Now: func() time.Time { return now }})
				e.chunk = chunk
				if err := live.CollectInto(context.Background(), cfg, live.Options{PageSize: page}, e); err != nil {
					t.Fatal(err)
				}
				e.Scan()
				got, _ := json.MarshalIndent(report.Build(e.State().Result, i18n.EN), "", " ")
				if !bytes.Equal(want, got) {
					t.Errorf("%s, forbidden %q, chunks of %d: the listed engine's report differs\n%s", dir, forbidden, chunk, firstDiff(string(want), string(got)))
				}
			}
		}
		t.Logf("%s: %d objects, %s", dir, len(objs), time.Since(start).Round(time.Millisecond))
	}
}

// latest is the newest time in objs, a dump's "now".
func latest(objs []runtime.Object) time.Time {
	b := snapshot.NewBuilder()
	for _, o := range objs {
		b.Add(o.DeepCopyObject())
	}
	return b.Latest()
}
