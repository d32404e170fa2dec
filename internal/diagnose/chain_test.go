package diagnose_test

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// TestChains runs the cluster-info-dump shaped cases of testdata/chains:
// objects plus the crashed containers' logs.txt. The reasons must be the
// "# want:" list of objects.yaml, and the reports match their goldens.
func TestChains(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/chains/*")
	for _, dir := range dirs {
		name := filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			res := runDir(t, dir)
			head, err := os.ReadFile(filepath.Join(dir, "objects.yaml"))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := caseHeader(t, head)
			var got []string
			for _, f := range res.Findings {
				got = append(got, f.Reason)
			}
			sort.Strings(got)
			sort.Strings(want)
			if strings.Join(got, ",") != strings.Join(want, ",") {
				t.Errorf("reasons = %v, want %v", got, want)
			}
			for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
				doc := report.Build(res, lang)
				var txt bytes.Buffer
				if err := report.Text(&txt, doc, report.TextOptions{Lang: lang, Width: 100}); err != nil {
					t.Fatal(err)
				}
				checkRendered(t, txt.String())
				if strings.Contains(txt.String(), "!sig.") {
					t.Errorf("missing catalog entry in\n%s", txt.String())
				}
				golden(t, filepath.Join("testdata", "golden", "chains-"+name+"."+string(lang)+".txt"), txt.Bytes())
				var js bytes.Buffer
				if err := report.JSON(&js, doc); err != nil {
					t.Fatal(err)
				}
				golden(t, filepath.Join("testdata", "golden", "chains-"+name+"."+string(lang)+".json"), js.Bytes())
			}
		})
	}
}

func runDir(t *testing.T, dir string) *diagnose.Result {
	t.Helper()
	b := snapshot.NewBuilder()
	if err := load.New(b).Path(dir); err != nil {
		t.Fatal(err)
	}
	return diagnose.Run(b.Build(time.Time{}), diagnose.DefaultOptions())
}

func byReason(res *diagnose.Result, reason string) *diagnose.Finding {
	for _, f := range res.Findings {
		if f.Reason == reason {
			return f
		}
	}
	return nil
}

// The crash is caused by the finding about the pod behind the Service,
// and that finding lists the crash among what it causes.
func TestChainDependencyLinks(t *testing.T) {
	res := runDir(t, "testdata/chains/dependency")
	crash, root := byReason(res, "Crash/Dependency"), byReason(res, "Unschedulable/Volume")
	if crash == nil || root == nil {
		t.Fatalf("findings: %v", res.Findings)
	}
	if len(crash.CausedBy) != 1 || crash.CausedBy[0] != root.ID {
		t.Errorf("crash causedBy = %v, want [%s]", crash.CausedBy, root.ID)
	}
	if len(root.Causes) != 1 || root.Causes[0] != crash.ID {
		t.Errorf("root causes = %v, want [%s]", root.Causes, crash.ID)
	}
	head := crash.Headline.String(i18n.EN)
	for _, w := range []string{"10.96.14.201:5432", "connection refused", "Service db has 0 ready endpoints", "db-0 Pending"} {
		if !strings.Contains(head, w) {
			t.Errorf("headline %q lacks %q", head, w)
		}
	}
}

// Without the EndpointSlices (a cluster-info dump has none) the selector
// gives the same chain; without the logs, no chain and a note that the
// logs would settle it.
func TestChainWithoutSlicesOrLogs(t *testing.T) {
	b := snapshot.NewBuilder()
	l := load.New(b)
	if err := l.Path("testdata/chains/dependency/objects.yaml"); err != nil {
		t.Fatal(err)
	}
	res := diagnose.Run(b.Build(time.Time{}), diagnose.DefaultOptions())
	crash := byReason(res, "Crash/Exit")
	if crash == nil || len(crash.CausedBy) != 0 {
		t.Fatalf("without logs: %+v", res.Findings)
	}
	found := false
	for _, u := range crash.Unchecked {
		found = found || u.Key == "crash.unchecked.logs"
	}
	if !found {
		t.Errorf("no note that the logs would settle it: %v", crash.Unchecked)
	}
}

// TestLabCaptureChains: the cause-chain scenarios as the real kubectl's
// cluster-info dump wrote them from the test cluster (objects and the
// logs the crashed programs printed) give each chain, and its report.
func TestLabCaptureChains(t *testing.T) {
	dir := "../../examples/lab-capture/chains"
	res := runDir(t, dir)
	want := map[string]string{
		"podwhy-lab-chain-dependency": "Crash/Dependency",
		"podwhy-lab-chain-rbac":       "Crash/RBAC",
		"podwhy-lab-chain-dns":        "Crash/Dependency",
		"podwhy-lab-chain-arch":       "Run/ExecFormat",
	}
	for ns, reason := range want {
		found := false
		for _, f := range res.Findings {
			if f.Namespace == ns && f.Reason == reason {
				found = true
				if ns == "podwhy-lab-chain-dependency" && len(f.CausedBy) != 1 {
					t.Errorf("%s: causedBy %v, want the db pod's finding", ns, f.CausedBy)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s", ns, reason)
		}
	}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		var txt bytes.Buffer
		if err := report.Text(&txt, report.Build(res, lang), report.TextOptions{Lang: lang, Width: 100}); err != nil {
			t.Fatal(err)
		}
		checkRendered(t, txt.String())
		golden(t, filepath.Join("testdata", "golden", "chains-capture."+string(lang)+".txt"), txt.Bytes())
	}
}
