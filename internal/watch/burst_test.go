package watch

import (
	"encoding/json"
	"testing"
	"time"
)

// TestUrgentBurstInChunks: changes in every namespace at once (a busy
// cluster while the first diagnosis ran) are diagnosed a chunk of
// namespaces per pass, never every pod of the cluster in one, and the
// passes together leave the same findings as one diagnosis of everything.
func TestUrgentBurstInChunks(t *testing.T) {
	objs := decodeDir(t, "../../examples/broken-cluster")
	now := time.Date(2026, 3, 4, 12, 0, 0, 0, time.UTC)
	e := storeEngine(t, objs, Options{Now: func() time.Time { return now }})
	e.Scan()
	want, err := json.Marshal(e.State().Result.Findings)
	if err != nil {
		t.Fatal(err)
	}
	all := e.namespaces()
	if len(all) < 3 {
		t.Fatalf("broken-cluster has %d namespaces: a burst over them proves nothing", len(all))
	}

	e.chunk = 1
	for _, ns := range all {
		e.pending.add(ns, true)
	}
	seen := map[string]bool{}
	passes := 0
	for {
		urgent, _ := e.pending.work()
		if !urgent {
			break
		}
		scope := e.chooseScope()
		if len(scope) != 1 {
			t.Fatalf("pass %d: scope %v, want one namespace per chunk of 1", passes, scope)
		}
		for ns := range scope {
			if seen[ns] {
				t.Fatalf("namespace %s diagnosed twice", ns)
			}
			seen[ns] = true
		}
		e.pass(scope)
		if passes++; passes > len(all) {
			t.Fatal("the burst never drained")
		}
	}
	if passes != len(all) {
		t.Errorf("%d passes for %d namespaces", passes, len(all))
	}
	got, err := json.Marshal(e.State().Result.Findings)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Errorf("findings after the burst differ\n%s", firstDiff(string(want), string(got)))
	}

	// With the default chunk, a change in one namespace is one pass of it.
	e.chunk = chunkObjects
	e.pending.add(all[0], true)
	if scope := e.chooseScope(); len(scope) != 1 || !scope[all[0]] {
		t.Errorf("one change: scope %v, want %s", scope, all[0])
	}
}
