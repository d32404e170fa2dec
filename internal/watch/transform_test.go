package watch

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"k8s.io/apimachinery/pkg/runtime"

	"github.com/podwhy/podwhy/internal/gendump"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
)

// TestKindsMatchLive: the informers watch exactly the kinds the one-off
// run lists.
func TestKindsMatchLive(t *testing.T) {
	src, err := os.ReadFile("../live/kinds.go")
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile(`kind: snapshot\.(Kind\w+), resource: "(\w+)"`)
	var live, ours []string
	for _, m := range re.FindAllStringSubmatch(string(src), -1) {
		live = append(live, m[2])
	}
	for _, k := range kinds {
		ours = append(ours, k.resource)
	}
	sort.Strings(live)
	sort.Strings(ours)
	if len(live) == 0 || !reflect.DeepEqual(live, ours) {
		t.Fatalf("internal/live lists %v, watch watches %v", live, ours)
	}
}

// TestTransformKeepsFindings: the shipped clusters, and a generated one
// of 500 pods, give the same findings from the informers' caches
// (stripped objects, pods and events in their compact forms: forCache) as
// from the objects themselves.
func TestTransformKeepsFindings(t *testing.T) {
	gen := t.TempDir()
	if _, err := gendump.Write(gen, gendump.Spec{Nodes: 40, Pods: 500, Events: 2500, FailingPercent: 30}); err != nil {
		t.Fatal(err)
	}
	for dir, least := range map[string]int{"../../examples/broken-cluster": 5, "../../examples/lab-capture": 5, "../../examples/cluster-info-dump": 2, gen: 5} {
		objs := decodeTree(t, dir)
		want := direct(objs, time.Time{})
		if len(want.Findings) < least {
			t.Fatalf("%s: only %d findings", dir, len(want.Findings))
		}
		// The first diagnosis goes a chunk of namespaces at a time
		// (scanChunks): as many as fit, and one namespace per chunk.
		for _, chunk := range []int{chunkObjects, 1} {
			e := storeEngine(t, objs, Options{Now: func() time.Time { return want.Now }})
			e.chunk = chunk
			if n := len(e.chunks()); chunk == 1 && n < 3 {
				t.Fatalf("%s: %d chunks of one namespace", dir, n)
			}
			e.Scan()
			got := e.State().Result
			a, _ := json.MarshalIndent(report.Build(want, i18n.EN), "", " ")
			b, _ := json.MarshalIndent(report.Build(got, i18n.EN), "", " ")
			if !bytes.Equal(a, b) {
				t.Errorf("%s, chunks of %d: findings differ with the transform (%d vs %d findings)\n%s", dir, chunk, len(want.Findings), len(got.Findings), firstDiff(string(a), string(b)))
			}
		}
	}
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			lo := max(0, i-5)
			return "without: " + strings.Join(al[lo:min(len(al), i+3)], "\n") + "\nwith:    " + strings.Join(bl[lo:min(len(bl), i+3)], "\n")
		}
	}
	return "(one is a prefix of the other)"
}

// decodeTree is decodeDir of a folder and every folder below it, as a
// cluster-info dump lays out its namespaces.
func decodeTree(t *testing.T, root string) []runtime.Object {
	t.Helper()
	var out []runtime.Object
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if m, _ := filepath.Glob(filepath.Join(path, "*.json")); len(m) > 0 {
			out = append(out, decodeDir(t, path)...)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}
