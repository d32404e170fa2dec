package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

const lintCases = "../lint/testdata/"

func TestLintExitCodes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want int
	}{
		{[]string{"lint", lintCases + "good/web-app.yaml"}, ExitOK},
		{[]string{"lint", lintCases + "bad/seed-command-at-pod-spec.yaml"}, ExitProblems},
		// Only warnings, with --fail-on error: exit 0.
		{[]string{"lint", lintCases + "bad/hostport.yaml", "--fail-on", "error"}, ExitOK},
		{[]string{"lint", lintCases + "bad/hostport.yaml"}, ExitProblems},
		// Only an info (a DaemonSet's hostPort): exit 1 only with --fail-on info.
		{[]string{"lint", lintCases + "good/prometheus-rendered.yaml"}, ExitOK},
		{[]string{"lint", lintCases + "good/prometheus-rendered.yaml", "--fail-on", "info"}, ExitProblems},
		{[]string{"lint", lintCases + "good", lintCases + "bad/field-typo.yaml", "-o", "json"}, ExitProblems},
	} {
		code, out, errOut := runCLI(t, "", tc.args...)
		if code != tc.want || errOut != "" || out == "" {
			t.Errorf("%v: exit %d (want %d), stderr %q", tc.args, code, tc.want, errOut)
		}
	}
}

func TestLintUsageErrors(t *testing.T) {
	for _, bad := range [][]string{
		{"lint"},
		{"lint", lintCases + "good/pod-minimal.yaml", "-o", "xml"},
		{"lint", lintCases + "good/pod-minimal.yaml", "--lang", "fr"},
		{"lint", lintCases + "good/pod-minimal.yaml", "--fail-on", "panic"},
		{"lint", "/nonexistent/deploy.yaml"},
		{"lint", "-", "-"},
		{"lint", lintCases + "golden/../../", "--no-such-flag"},
	} {
		code, out, errOut := runCLI(t, "", bad...)
		if code != ExitUsage || out != "" || !strings.HasPrefix(errOut, "podwhy: ") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and one line", bad, code, out, errOut)
		}
	}
	// Nothing Kubernetes in the input at all.
	code, _, errOut := runCLI(t, "# just a comment\n", "lint", "-")
	if code != ExitUsage || errOut != "podwhy: stdin: no Kubernetes objects in the input\n" {
		t.Errorf("empty stdin: exit %d, stderr %q", code, errOut)
	}
	dir := t.TempDir()
	if err := os.WriteFile(dir+"/notes.txt", []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runCLI(t, "", "lint", dir)
	if code != ExitUsage || !strings.Contains(errOut, "no .yaml, .yml or .json files") {
		t.Errorf("empty folder: exit %d, stderr %q", code, errOut)
	}
}

func TestLintStdinAndFormats(t *testing.T) {
	data, err := os.ReadFile(lintCases + "bad/seed-command-at-pod-spec.yaml")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, string(data), "lint", "-", "--lang", "en")
	if code != ExitProblems || !strings.Contains(out, "stdin:9:3  error  Spec/UnknownField  Pod mypod") ||
		!strings.Contains(out, "spec.command is not a field of PodSpec; did you mean spec.containers[0].command?") {
		t.Errorf("stdin text: exit %d\n%s", code, out)
	}
	code, out, _ = runCLI(t, string(data), "lint", "-", "--lang", "zh")
	if code != ExitProblems || !strings.Contains(out, "是否应写在 spec.containers[0].command") {
		t.Errorf("zh: %s", out)
	}
	_, out, _ = runCLI(t, string(data), "lint", "-", "-o", "json")
	var rep struct {
		Kind     string
		Problems []struct {
			File         string
			Line, Column int
			Rule         string
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || rep.Kind != "LintReport" || len(rep.Problems) != 1 || rep.Problems[0].Line != 9 {
		t.Errorf("json: %v %+v", err, rep)
	}
	_, out, _ = runCLI(t, string(data), "lint", "-", "-o", "sarif")
	var log struct {
		Version string
		Runs    []struct{ Results []struct{ RuleID string } }
	}
	if err := json.Unmarshal([]byte(out), &log); err != nil || log.Version != "2.1.0" || len(log.Runs[0].Results) != 1 || log.Runs[0].Results[0].RuleID != "Spec/UnknownField" {
		t.Errorf("sarif: %v %+v", err, log)
	}
}

// TestLintClusterUnreachable: --cluster reads the cluster through the same
// client as a diagnosis, so a dead API server is the same one line.
func TestLintClusterUnreachable(t *testing.T) {
	kc := t.TempDir() + "/kubeconfig"
	cfg := `apiVersion: v1
kind: Config
clusters:
- name: dead
  cluster: {server: "https://127.0.0.1:1"}
- name: other
  cluster: {server: "https://127.0.0.1:2"}
contexts:
- name: dead
  context: {cluster: dead, user: u, namespace: shop}
current-context: dead
users:
- name: u
  user: {token: t}
`
	if err := os.WriteFile(kc, []byte(cfg), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, flag := range []string{"--cluster", "--cluster=other"} {
		code, out, errOut := runCLI(t, "", "lint", lintCases+"good/pod-minimal.yaml", flag, "--kubeconfig", kc, "--request-timeout", "2s")
		want := "127.0.0.1:1"
		if flag != "--cluster" {
			want = "127.0.0.1:2"
		}
		if code != ExitUsage || out != "" || !strings.HasPrefix(errOut, "podwhy: ") || !strings.Contains(errOut, want) || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", flag, code, out, errOut)
		}
	}
}

// TestLintEmptyList: kubectl accepts an empty List, so lint does too
// (exit 0, nothing to report); an input without any object is still exit 2.
func TestLintEmptyList(t *testing.T) {
	for _, in := range []string{"apiVersion: v1\nkind: List\nitems: []\n", `{"apiVersion":"v1","kind":"List","items":[]}`, "apiVersion: v1\nkind: ConfigMapList\nitems: []\n"} {
		if code, out, errOut := runCLI(t, in, "lint", "-"); code != ExitOK || errOut != "" || !strings.Contains(out, "0 objects") {
			t.Errorf("lint of %q: exit %d, %q, %q", in, code, out, errOut)
		}
	}
	if code, _, _ := runCLI(t, "# nothing\n", "lint", "-"); code != ExitUsage {
		t.Errorf("lint of a comment: exit %d, want 2", code)
	}
}
