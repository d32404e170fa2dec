package lint

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// TestTruth holds lint to the real API server: for every document of the
// corpus, testdata/truth/verdicts.tsv records whether
// `kubectl apply --dry-run=server --validate=strict` refused it
// (hack/lint-truth.sh, against the test cluster). Lint must report an
// error of a rule the server refuses for (ServerRefuses) exactly on the
// refused documents. A disagreement is allowed only when
// testdata/truth/allow.tsv lists it with its reason.
func TestTruth(t *testing.T) {
	rows := readTSV(t, "testdata/truth/verdicts.tsv")
	if len(rows) < 50 {
		t.Fatalf("only %d verdicts", len(rows))
	}
	allowed := map[string]string{}
	for _, r := range readTSV(t, "testdata/truth/allow.tsv") {
		allowed[r[0]+"#"+r[1]] = r[2]
	}
	root := "../.."
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
	used := map[string]bool{}
	for _, f := range files {
		data, err := os.ReadFile(filepath.Join(root, f))
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
	for k := range allowed {
		if !used[k] {
			t.Errorf("allow.tsv lists %s, which now agrees (or is gone): remove it", k)
		}
	}
	total := tp + tn + fp + fn
	t.Logf("lint vs the API server on %d documents: both refuse %d, both accept %d, lint alone errs %d, server alone refuses %d; agreement %.1f%%",
		total, tp, tn, fp, fn, 100*float64(tp+tn)/float64(total))
	if os.Getenv("PODWHY_TRUTH_TABLE") != "" {
		fmt.Printf("| | server refuses | server accepts |\n|---|---|---|\n| lint error | %d | %d |\n| no lint error | %d | %d |\n", tp, fp, fn, tn)
	}
}

func readTSV(t *testing.T, path string) [][]string {
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
