package kubetext_test

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/kubetext"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

const capture = "../../examples/lab-capture"

// textLimits are the lab scenarios whose text cannot show what decides the
// finding, with the reason; the text finding must then differ from the
// JSON one exactly as written here, never silently.
var textLimits = map[string]struct{ want, why string }{
	"finalizer": {"Crash/Exit", "describe and get pods print neither the finalizers nor the deletion of a Failed pod"},
}

func findings(res *diagnose.Result, ns string) []string {
	var out []string
	for _, f := range res.Findings {
		if ns != "" && f.Namespace != ns {
			continue
		}
		out = append(out, f.ID+" "+f.Reason)
	}
	sort.Strings(out)
	return out
}

func diagnoseText(t testing.TB, data []byte, o kubetext.Options) (*diagnose.Result, *snapshot.Snapshot, error) {
	t.Helper()
	b := snapshot.NewBuilder()
	res, err := kubetext.Load(b, data, o)
	if err != nil {
		return nil, nil, err
	}
	s := b.Build(res.Now)
	return diagnose.Run(s, diagnose.DefaultOptions()), s, nil
}

func reasons(ids []string) []string {
	var out []string
	for _, s := range ids {
		_, r, _ := strings.Cut(s, " ")
		out = append(out, r)
	}
	return out
}

// TestLabCaptureText: the real kubectl describe / get events / get pods
// output of every lab scenario gives the same findings (same IDs, so the
// same subject, reason and container) as the JSON of the same cluster.
func TestLabCaptureText(t *testing.T) {
	b := snapshot.NewBuilder()
	if err := load.New(b).Path(capture + "/cluster.json"); err != nil {
		t.Fatal(err)
	}
	all := diagnose.Run(b.Build(time.Time{}), diagnose.DefaultOptions())
	files, _ := filepath.Glob(capture + "/text/*.txt")
	narrow, _ := filepath.Glob(capture + "/text-80/*.txt")
	if len(files) < 30 || len(narrow) != len(files) {
		t.Fatalf("%d captures, %d at 80 columns", len(files), len(narrow))
	}
	// text/ is describe + get events + get pods -o wide as printed; text-80/
	// is get events -o wide + get pods + describe as an 80-column terminal
	// wraps them.
	for _, file := range append(files, narrow...) {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(filepath.Base(filepath.Dir(file))+"/"+name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			want := findings(all, "podwhy-lab-"+name)
			for variant, text := range variants(string(data)) {
				res, _, err := diagnoseText(t, []byte(text), kubetext.Options{})
				if err != nil {
					t.Fatalf("%s: %v", variant, err)
				}
				got := findings(res, "")
				if lim, ok := textLimits[name]; ok {
					if strings.Join(reasons(got), ",") != lim.want {
						t.Errorf("%s: text gives %v, documented limit says %s (%s)", variant, got, lim.want, lim.why)
					}
					continue
				}
				if variant == "no prompts" {
					// Without "-n NS" a paste of get events alone does not
					// say its namespace, so only the reasons can agree.
					got, want := reasons(got), reasons(want)
					if strings.Join(got, ",") != strings.Join(want, ",") {
						t.Errorf("%s: text %v, JSON %v", variant, got, want)
					}
					continue
				}
				if strings.Join(got, ",") != strings.Join(want, ",") {
					t.Errorf("%s: text %v, JSON %v", variant, got, want)
				}
			}
		})
	}
}

// variants are the same paste as people mangle it.
func variants(s string) map[string]string {
	v := map[string]string{"as captured": s}
	v["CRLF"] = strings.ReplaceAll(s, "\n", "\r\n")
	v["quoted reply"] = "> " + strings.ReplaceAll(s, "\n", "\n> ")
	v["markdown"] = "### What I see\n\n```console\n" + s + "\n```\n\nAny idea?\n"
	v["user prompt and alias"] = regexp.MustCompile(`(?m)^\$ kubectl (\w+) pods`).ReplaceAllString(s, "ops@bastion-1:~$ k $1 po")
	v["no prompts"] = regexp.MustCompile(`(?m)^\$ kubectl .*\n`).ReplaceAllString(s, "")
	v["tabs"] = regexp.MustCompile(`(?m)^(Name|Namespace|Status|Node):( +)`).ReplaceAllString(s, "$1:\t")
	return v
}

// TestTruncatedPaste: every prefix of a real paste, cut at a line or in the
// middle of one, parses without a crash, and once the describe output is
// whole the finding is the full paste's.
func TestTruncatedPaste(t *testing.T) {
	for _, name := range []string{"crash-exit", "image-auth", "oom", "missing-pvc", "quota", "taints"} {
		data, err := os.ReadFile(capture + "/text/" + name + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		full, _, err := diagnoseText(t, data, kubetext.Options{})
		if err != nil {
			t.Fatal(err)
		}
		want := strings.Join(reasons(findings(full, "")), ",")
		lines := strings.SplitAfter(string(data), "\n")
		describeEnd := 0
		for i, l := range lines {
			if strings.HasPrefix(l, "$ kubectl get events") {
				describeEnd = i
				break
			}
		}
		for i := 1; i <= len(lines); i++ {
			prefix := strings.Join(lines[:i], "")
			cut := prefix[:len(prefix)-len(lines[i-1])/2]
			for _, text := range []string{prefix, cut} {
				res, _, err := diagnoseText(t, []byte(text), kubetext.Options{})
				if err != nil {
					if !errors.Is(err, kubetext.ErrNotKubectl) {
						t.Fatalf("%s: %d lines: %v", name, i, err)
					}
					continue
				}
				for _, f := range res.Findings {
					if f.Reason == "" || f.ID == "" {
						t.Fatalf("%s: %d lines: empty finding %+v", name, i, f)
					}
				}
			}
			if i == describeEnd && name != "quota" {
				res, _, _ := diagnoseText(t, []byte(prefix), kubetext.Options{})
				if got := strings.Join(reasons(findings(res, "")), ","); got != want {
					t.Errorf("%s: describe alone gives %s, full paste %s", name, got, want)
				}
			}
		}
	}
}

func TestNotKubectl(t *testing.T) {
	for _, s := range []string{
		"hello world\nthis is not kubectl output\n",
		"SELECT * FROM users;",
		"Lorem ipsum dolor sit amet: consectetur adipiscing elit",
		"$ ls -la\ntotal 0\n",
	} {
		if _, err := kubetext.Parse([]byte(s), kubetext.Options{}); !errors.Is(err, kubetext.ErrNotKubectl) {
			t.Errorf("%q: err = %v, want ErrNotKubectl", s, err)
		}
	}
}

// TestBareMessages: every message of the classifier's corpus (real
// formats from the Kubernetes, containerd, CRI-O and dockershim sources),
// pasted alone, gives a finding with the corpus's reason code.
func TestBareMessages(t *testing.T) {
	data, err := os.ReadFile("../classify/testdata/corpus.tsv")
	if err != nil {
		t.Fatal(err)
	}
	bad := map[string]int{}
	for i, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		cols := strings.SplitN(line, "\t", 3)
		if len(cols) != 3 || strings.HasPrefix(line, "#") {
			continue
		}
		code, msg := cols[0], cols[2]
		res, _, err := diagnoseText(t, []byte(msg), kubetext.Options{Format: kubetext.Message})
		if err != nil {
			t.Errorf("line %d (%s): %v: %s", i+1, code, err, msg)
			bad[code]++
			continue
		}
		// What the scheduler message alone leaves open: without the pod's
		// selector, nodes excluded by it count as blockers, so any code of
		// the message's own reasons is an answer; the classifier's code
		// "Deadline" is a failed Job or a pod past activeDeadlineSeconds.
		accept := map[string]bool{code: true}
		if strings.Contains(msg, "scheduling gates") {
			accept["NotScheduled"] = true // podwhy's code for a gated pod
		}
		if cols[1] == "scheduler" {
			for _, r := range classify.ParseSched(msg).Reasons {
				accept[r.Code] = true
			}
		}
		found := false
		var got []string
		for _, f := range res.Findings {
			got = append(got, f.Reason)
			for _, c := range append([]string{f.Reason}, f.Tags...) {
				if accept[c] || strings.HasPrefix(c, code+"/") || code == "Deadline" && (strings.HasPrefix(c, "Job/") || strings.Contains(c, "Deadline")) {
					found = true
				}
			}
		}
		if !found {
			bad[code]++
			t.Errorf("line %d: want %s, got %v: %s", i+1, code, got, msg)
		}
	}
	if len(bad) > 0 {
		t.Logf("misses by code: %v", bad)
	}
}

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestHandMade: pastes in the older and messier forms (kubectl 1.18
// describe from a dockershim node, tabs and CRLF, a quoted GitHub comment
// with fences, get pods -A with every STATUS word, get events --watch with
// cut marks and a logs excerpt) give the reasons in their "# want:" line,
// and the report in testdata/golden (English and Chinese).
func TestHandMade(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) < 5 {
		t.Fatalf("only %d cases", len(files))
	}
	now := time.Date(2026, 8, 5, 15, 0, 0, 0, time.UTC)
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txt")
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			first, _, _ := strings.Cut(string(data), "\n")
			want, ok := strings.CutPrefix(strings.TrimSpace(first), "# want: ")
			if !ok {
				t.Fatalf("first line must be # want: REASONS")
			}
			res, _, err := diagnoseText(t, data, kubetext.Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			got := reasons(findings(res, ""))
			sort.Strings(got)
			if strings.Join(got, ",") != want {
				t.Errorf("reasons %s, want %s", strings.Join(got, ","), want)
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
				var b bytes.Buffer
				if err := report.Text(&b, report.Build(res, lang), report.TextOptions{Lang: lang, Width: 100}); err != nil {
					t.Fatal(err)
				}
				golden := filepath.Join("testdata", "golden", name+"."+string(lang)+".txt")
				if *update {
					if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
						t.Fatal(err)
					}
					continue
				}
				exp, err := os.ReadFile(golden)
				if err != nil {
					t.Fatalf("%v (run go test -update)", err)
				}
				if b.String() != string(exp) {
					t.Errorf("%s differs from the report; run go test -update and review the diff", golden)
				}
			}
		})
	}
}
