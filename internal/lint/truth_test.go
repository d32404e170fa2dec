package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/podwhy/podwhy/internal/gomod"
)

// TestTruth holds lint to the real API server: for every document of the
// corpora, testdata/truth records whether
// `kubectl apply --dry-run=server --validate=strict` refused it
// (hack/lint-truth.sh, against the test cluster). Lint must report an
// error of a rule the server refuses for (ServerRefuses) exactly on the
// refused documents. A disagreement is allowed only when
// testdata/truth/allow.tsv lists it with its reason.
//
// Two corpora: lint's own (verdicts.tsv: its test cases and this
// repository's manifests) and public manifests nobody here wrote
// (public.tsv: test fixtures of Kubernetes, kubectl, kubeconform and
// kubeval, named MODULE@VERSION/PATH and read from the Go module cache,
// downloaded through the Go module proxy like any dependency).
func TestTruth(t *testing.T) {
	allowed := map[string]string{}
	for _, r := range readTSV(t, "testdata/truth/allow.tsv") {
		allowed[r[0]+"#"+r[1]] = r[2]
	}
	used := map[string]bool{}
	offline := false
	t.Run("own", func(t *testing.T) {
		truth(t, "testdata/truth/verdicts.tsv", func(f string) ([]byte, error) {
			return os.ReadFile(filepath.Join("../..", f))
		}, allowed, used)
	})
	t.Run("public", func(t *testing.T) {
		truth(t, "testdata/truth/public.tsv", func(f string) ([]byte, error) {
			mod, path, ok := gomod.Split(f)
			if !ok {
				return nil, fmt.Errorf("not MODULE@VERSION/PATH")
			}
			dir, err := gomod.Dir(mod)
			if err != nil {
				if os.Getenv("PODWHY_OFFLINE") != "" {
					offline = true
					t.Skipf("PODWHY_OFFLINE: %v", err)
				}
				t.Fatalf("the public corpus comes from the Go module proxy (set PODWHY_OFFLINE=1 to skip it offline): %v", err)
			}
			return os.ReadFile(filepath.Join(dir, path))
		}, allowed, used)
	})
	if t.Failed() || offline {
		return
	}
}

// truth compares lint with one verdicts file; read returns a file's bytes.
func truth(t *testing.T, verdicts string, read func(string) ([]byte, error), allowed map[string]string, used map[string]bool) {
	rows := readTSV(t, verdicts)
	if len(rows) < 50 {
		t.Fatalf("only %d verdicts", len(rows))
	}
	byFile := map[string][][]string{}
	for _, r := range rows {
		byFile[r[0]] = append(byFile[r[0]], r)
	}
	files := make([]string, 0, len(byFile))
	for f := range byFile {
		files = append(files, f)
	}
	sort.Strings(files)
	var tp, tn, fp, fn int
	for _, f := range files {
		data, err := read(f)
		if err != nil {
			t.Errorf("%s: %v (re-run hack/lint-truth.sh)", f, err)
			continue
		}
		docs := Documents(data)
		lintErrs := ServerErrors(f, data)
		for _, r := range byFile[f] {
			i, _ := strconv.Atoi(r[1])
			if i >= len(docs) {
				t.Errorf("%s: no document %d (re-run hack/lint-truth.sh)", f, i)
				continue
			}
			errs := lintErrs[i]
			refused, flagged := r[2] == "refuse", len(errs) > 0
			switch {
			case refused && flagged:
				tp++
			case !refused && !flagged:
				tn++
			case flagged:
				fp++
			default:
				fn++
			}
			if refused == flagged {
				continue
			}
			key := f + "#" + r[1]
			if _, ok := allowed[key]; ok {
				used[key] = true
				continue
			}
			if flagged {
				t.Errorf("%s document %d: lint says %v, the API server accepts it", f, i, errs)
			} else {
				t.Errorf("%s document %d: the API server refuses it (%s), lint reports no error", f, i, r[3])
			}
		}
	}
	total := tp + tn + fp + fn
	t.Logf("%s: lint vs the API server on %d documents: both refuse %d, both accept %d, lint alone errs %d, server alone refuses %d; agreement %.1f%%",
		verdicts, total, tp, tn, fp, fn, 100*float64(tp+tn)/float64(total))
	if os.Getenv("PODWHY_TRUTH_TABLE") != "" {
		fmt.Printf("%s\n\n| | server refuses | server accepts |\n|---|---|---|\n| lint error | %d | %d |\n| no lint error | %d | %d |\n", verdicts, tp, fp, fn, tn)
	}
}

func readTSV(t testing.TB, path string) [][]string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out [][]string
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		f := strings.SplitN(l, "\t", 4)
		for len(f) < 4 {
			f = append(f, "")
		}
		out = append(out, f)
	}
	return out
}

// BenchmarkTruthCorpus lints every file of both corpora, as one run of
// podwhy lint over them would (the files already read): the manifests,
// and apart from them kubeconform's valid_large.yaml, one List of 100,000
// ConfigMaps (10.7 MB), which is a measure of its own.
func BenchmarkTruthCorpus(b *testing.B) {
	var manifests, large []Input
	for _, verdicts := range []string{"testdata/truth/verdicts.tsv", "testdata/truth/public.tsv"} {
		seen := map[string]bool{}
		for _, r := range readTSV(b, verdicts) {
			if seen[r[0]] {
				continue
			}
			seen[r[0]] = true
			path := filepath.Join("../..", r[0])
			if mod, p, ok := gomod.Split(r[0]); ok {
				dir, err := gomod.Dir(mod)
				if err != nil {
					b.Skip(err)
				}
				path = filepath.Join(dir, p)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				b.Fatal(err)
			}
			if len(data) > 1<<20 {
				large = append(large, Input{Name: r[0], Data: data})
			} else {
				manifests = append(manifests, Input{Name: r[0], Data: data})
			}
		}
	}
	for _, c := range []struct {
		name   string
		inputs []Input
	}{{"manifests", manifests}, {"large-list", large}} {
		b.Run(c.name, func(b *testing.B) {
			size := 0
			for _, in := range c.inputs {
				size += len(in.Data)
			}
			b.SetBytes(int64(size))
			b.ReportMetric(float64(len(c.inputs)), "files")
			for i := 0; i < b.N; i++ {
				Run(c.inputs, Options{})
			}
		})
	}
}
