// Command linttruth records the real API server's verdict on every object
// of lint's test corpus: each YAML document of each file is sent alone to
// `kubectl apply --dry-run=server --validate=strict` (server-side, strict
// field validation; nothing is created). The verdicts go to a TSV that
// internal/lint's truth test holds lint to, offline.
//
//	go run ./hack/testcluster up
//	KUBECONFIG=$(…) go run ./hack/linttruth -out internal/lint/testdata/truth/verdicts.tsv DIR...
//
// hack/lint-truth.sh does both against the test cluster.
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/podwhy/podwhy/internal/gomod"
	"github.com/podwhy/podwhy/internal/lint"
)

// generateName finds a document whose object is named by the server.
var generateName = regexp.MustCompile(`(?m)^\s+generateName:`)

func main() {
	out := flag.String("out", "internal/lint/testdata/truth/verdicts.tsv", "the verdicts file to write")
	kubectl := flag.String("kubectl", "kubectl", "the kubectl to run")
	compare := flag.Bool("compare", false, "also run lint on each document and print where it and the server disagree, and the confusion matrix (for a corpus outside the repository)")
	flag.Parse()
	if flag.NArg() == 0 {
		fail(fmt.Errorf("usage: linttruth [-out FILE] [-compare] DIR|MODULE@VERSION:DIR..."))
	}
	// A file is read from path and recorded under its name: the path
	// itself in the repository, or MODULE@VERSION/PATH for a public
	// module's file, read from the Go module cache.
	var files []string
	name := map[string]string{}
	for _, arg := range flag.Args() {
		dir, module := arg, ""
		if mod, sub, ok := strings.Cut(arg, ":"); ok && strings.Contains(mod, "@") {
			root, err := gomod.Dir(mod)
			if err != nil {
				fail(err)
			}
			dir, module = filepath.Join(root, sub), mod
		}
		err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			if err == nil && !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml") || strings.HasSuffix(p, ".json")) && !strings.HasPrefix(d.Name(), "_") {
				files = append(files, p)
				name[p] = filepath.ToSlash(p)
				if module != "" {
					root, _ := gomod.Dir(module)
					rel, _ := filepath.Rel(root, p)
					name[p] = module + "/" + filepath.ToSlash(rel)
				}
			}
			return err
		})
		if err != nil {
			fail(err)
		}
	}
	sort.Strings(files)
	// Every namespace the corpus names exists, so that no object is
	// refused only because its namespace is missing.
	namespaces := map[string]bool{}
	nsRe := regexp.MustCompile(`(?m)^\s+namespace:\s*"?([a-z0-9][-a-z0-9]*)"?\s*$`)
	for _, f := range files {
		data, _ := os.ReadFile(f)
		for _, m := range nsRe.FindAllSubmatch(data, -1) {
			namespaces[string(m[1])] = true
		}
	}
	var created []string
	for ns := range namespaces {
		if exec.Command(*kubectl, "create", "namespace", ns).Run() == nil {
			created = append(created, ns)
		}
	}
	var b strings.Builder
	b.WriteString("# file\tdocument\tverdict\tthe server's (or kubectl's) message\n")
	b.WriteString("# Recorded by hack/lint-truth.sh: kubectl apply --dry-run=server --validate=strict, one document at a time, against the test cluster (Kubernetes v1.37.2).\n")
	accepted, refused := 0, 0
	var tp, tn, fp, fn int
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			fail(err)
		}
		var lintErrs map[int][]string
		if *compare {
			lintErrs = lint.ServerErrors(name[f], data)
		}
		for i, d := range lint.Documents(data) {
			if d.Blank() {
				continue
			}
			// apply, as people send manifests; create for generateName,
			// which apply cannot use. Objects without a namespace go to
			// the context's (default).
			verb := "apply"
			if generateName.Match(d.Text) {
				verb = "create"
			}
			cmd := exec.Command(*kubectl, verb, "--dry-run=server", "--validate=strict", "-f", "-")
			cmd.Stdin = bytes.NewReader(d.Text)
			var outb, errb bytes.Buffer
			cmd.Stdout, cmd.Stderr = &outb, &errb
			verdict, msg := "accept", ""
			if err := cmd.Run(); err != nil {
				verdict, msg = "refuse", firstLine(errb.String())
				refused++
			} else {
				if w := firstLine(errb.String()); strings.HasPrefix(w, "Warning:") {
					msg = w
				}
				accepted++
			}
			rel := name[f]
			fmt.Fprintf(&b, "%s\t%d\t%s\t%s\n", rel, i, verdict, msg)
			if *compare {
				errs := lintErrs[i]
				switch refusedNow, flagged := verdict == "refuse", len(errs) > 0; {
				case refusedNow && flagged:
					tp++
				case !refusedNow && !flagged:
					tn++
				case flagged:
					fp++
					fmt.Printf("LINT ONLY   %s#%d %v\n", rel, i, errs)
				default:
					fn++
					fmt.Printf("SERVER ONLY %s#%d %s\n", rel, i, msg)
				}
			}
		}
	}
	// Only what this run made: a namespace that was there stays.
	for _, ns := range created {
		exec.Command(*kubectl, "delete", "namespace", ns, "--wait=false").Run()
	}
	if err := os.MkdirAll(filepath.Dir(*out), 0o755); err != nil {
		fail(err)
	}
	if err := os.WriteFile(*out, []byte(b.String()), 0o644); err != nil {
		fail(err)
	}
	fmt.Printf("%d documents: %d accepted, %d refused → %s\n", accepted+refused, accepted, refused, *out)
	if *compare {
		fmt.Printf("| | server refuses | server accepts |\n|---|---|---|\n| lint error | %d | %d |\n| no lint error | %d | %d |\n", tp, fp, fn, tn)
		fmt.Printf("agreement %.1f%%; lint's errors right %d of %d; refusals found %d of %d\n",
			100*float64(tp+tn)/float64(max(1, tp+tn+fp+fn)), tp, tp+fp, tp, tp+fn)
	}
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i]
	}
	return strings.ReplaceAll(s, "\t", " ")
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "linttruth: "+err.Error())
	os.Exit(1)
}
