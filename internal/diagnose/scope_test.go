package diagnose_test

import (
	"encoding/json"
	"maps"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// TestRunInMerge: diagnosing a cluster namespace by namespace (RunIn) and
// merging the parts gives exactly the findings of one Run, whatever the
// partition and whatever the stale result merged into. This is what makes
// serve's incremental diagnosis equal to a full one.
func TestRunInMerge(t *testing.T) {
	inputs := map[string][]string{
		"broken-cluster": {"../../examples/broken-cluster"},
		"lab-capture":    {"../../examples/lab-capture/cluster.json"},
		"cluster-info":   {"../../examples/cluster-info-dump"},
	}
	cases, _ := filepath.Glob("testdata/[a-z]*.yaml")
	for _, c := range cases {
		inputs[filepath.Base(c)] = []string{"testdata/_nodes.yaml", c}
	}
	for name, paths := range inputs {
		t.Run(name, func(t *testing.T) {
			b := snapshot.NewBuilder()
			l := load.New(b)
			for _, p := range paths {
				if err := l.Path(p); err != nil {
					t.Fatal(err)
				}
			}
			s := b.Build(time.Time{})
			opts := diagnose.DefaultOptions()
			full := diagnose.Run(s, opts)
			if len(full.Findings) == 0 && name != "healthy.yaml" {
				t.Fatal("no findings: the case proves nothing")
			}
			// Every namespace that holds an object: a Deployment's
			// namespace may have no pod and no Namespace object.
			set := map[string]bool{}
			for _, ns := range s.NamespaceList() {
				set[ns] = true
			}
			for _, f := range full.Findings {
				if f.Namespace != "" {
					set[f.Namespace] = true
				}
			}
			nss := slices.Sorted(maps.Keys(set))
			// A stale start: the same cluster's findings with every
			// namespaced one moved to a namespace of its own, plus one
			// cluster finding that no longer exists.
			stale := &diagnose.Result{Findings: []*diagnose.Finding{{ID: "gone", Reason: "Node/NotReady"}}}
			for _, f := range full.Findings {
				g := *f
				g.ID += "-stale"
				stale.Findings = append(stale.Findings, &g)
			}
			partitions := map[string][][]string{"one by one": {}, "all at once": {nss}, "halves": {nss[:len(nss)/2], nss[len(nss)/2:]}}
			for _, ns := range nss {
				partitions["one by one"] = append(partitions["one by one"], []string{ns})
			}
			for pname, parts := range partitions {
				got := &diagnose.Result{}
				if pname == "halves" {
					got = stale
				}
				for _, part := range parts {
					scope := map[string]bool{}
					for _, ns := range part {
						scope[ns] = true
					}
					got = diagnose.Merge(got, diagnose.RunIn(s, opts, scope), scope)
				}
				if pname == "halves" {
					// The stale copies sit in the same namespaces, so
					// every one of them must be gone.
					for _, f := range got.Findings {
						if f.ID == "gone" || len(f.ID) > 12 {
							t.Fatalf("%s: stale finding %s kept", pname, f.ID)
						}
					}
				}
				if !reflect.DeepEqual(ids(got), ids(full)) {
					t.Fatalf("%s: IDs\n got %v\nwant %v", pname, ids(got), ids(full))
				}
				if a, b := dump(t, got), dump(t, full); a != b {
					t.Fatalf("%s: findings differ:\n got %s\nwant %s", pname, a, b)
				}
				if got.Scanned != full.Scanned {
					t.Fatalf("%s: scanned %+v, want %+v", pname, got.Scanned, full.Scanned)
				}
			}
		})
	}
}

func ids(r *diagnose.Result) []string {
	out := make([]string, len(r.Findings))
	for i, f := range r.Findings {
		out[i] = f.ID
	}
	return out
}

func dump(t *testing.T, r *diagnose.Result) string {
	if len(r.Findings) == 0 {
		return "[]"
	}
	b, err := json.Marshal(r.Findings)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRunInScope: a scoped run makes no namespaced finding outside its
// scope, and its cluster findings are the full run's.
func TestRunInScope(t *testing.T) {
	b := snapshot.NewBuilder()
	if err := load.New(b).Path("../../examples/broken-cluster"); err != nil {
		t.Fatal(err)
	}
	s := b.Build(time.Time{})
	full := diagnose.Run(s, diagnose.DefaultOptions())
	var cluster []string
	for _, f := range full.Findings {
		if f.Namespace == "" {
			cluster = append(cluster, f.ID)
		}
	}
	if len(cluster) == 0 {
		t.Fatal("broken-cluster has no cluster finding: the test proves nothing")
	}
	part := diagnose.RunIn(s, diagnose.DefaultOptions(), map[string]bool{"shop": true})
	var gotCluster []string
	shop := 0
	for _, f := range part.Findings {
		switch f.Namespace {
		case "":
			gotCluster = append(gotCluster, f.ID)
		case "shop":
			shop++
		default:
			t.Errorf("finding %s in namespace %s, outside the scope", f.Reason, f.Namespace)
		}
	}
	sort.Strings(cluster)
	sort.Strings(gotCluster)
	if !reflect.DeepEqual(cluster, gotCluster) {
		t.Errorf("cluster findings %v, want %v", gotCluster, cluster)
	}
	if shop == 0 {
		t.Error("no finding in namespace shop")
	}
}
