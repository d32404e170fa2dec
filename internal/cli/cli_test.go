package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(args, IO{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	return code, out.String(), errb.String()
}

var cases = "../diagnose/testdata/"

func TestExitCodes(t *testing.T) {
	if code, _, _ := runCLI(t, "", "-f", cases+"healthy.yaml"); code != ExitOK {
		t.Errorf("healthy: exit %d, want 0", code)
	}
	if code, _, _ := runCLI(t, "", "-f", cases+"crash.yaml"); code != ExitProblems {
		t.Errorf("problems: exit %d, want 1", code)
	}
	// Only a warning (readiness) with --fail-on error: exit 0.
	if code, _, _ := runCLI(t, "", "-f", cases+"readiness.yaml", "notifier-0", "--fail-on", "error"); code != ExitOK {
		t.Errorf("--fail-on error with warnings only: exit %d, want 0", code)
	}
	for _, bad := range [][]string{
		{"-f", cases + "crash.yaml", "-o", "xml"},
		{"-f", cases + "crash.yaml", "--lang", "fr"},
		{"-f", cases + "crash.yaml", "--fail-on", "panic"},
		{"-f", cases + "crash.yaml", "--now", "yesterday"},
		{"-f", cases + "crash.yaml", "frob/x"},
		{"-f", "/nonexistent/dump.json"},
		{"--no-such-flag"},
	} {
		code, out, errOut := runCLI(t, "", bad...)
		if code != ExitUsage {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
		if out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "podwhy: ") {
			t.Errorf("%v: want one line on stderr, got stdout %q stderr %q", bad, out, errOut)
		}
	}
}

func TestStdinAndBadInput(t *testing.T) {
	data, err := os.ReadFile(cases + "crash.yaml")
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runCLI(t, string(data), "-f", "-", "--summary")
	if code != ExitProblems || !strings.Contains(out, "problems") {
		t.Errorf("stdin: exit %d, out %q", code, out)
	}
	for name, in := range map[string]string{
		"truncated": `{"apiVersion":"v1","kind":"List","items":[{"kind":"Pod"`,
		"binary":    "\x00\x00\x01garbage",
		"not k8s":   "just some words\nand more",
		"unused":    `{"apiVersion":"v1","kind":"ConfigMapX","metadata":{"name":"x"}}`,
	} {
		code, out, errOut := runCLI(t, in, "-f", "-")
		if code != ExitUsage || out != "" || !strings.HasPrefix(errOut, "podwhy: stdin: ") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
			t.Errorf("%s: exit %d stdout %q stderr %q", name, code, out, errOut)
		}
	}
}

func TestTargetsAndScope(t *testing.T) {
	ids := func(args ...string) []string {
		_, out, errOut := runCLI(t, "", append([]string{"-o", "json"}, args...)...)
		var doc struct {
			Findings []struct {
				Reason  string
				Subject struct{ Kind, Name string }
			}
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatalf("%v: %v (%s)", args, err, errOut)
		}
		var r []string
		for _, f := range doc.Findings {
			r = append(r, f.Reason+" "+f.Subject.Kind+"/"+f.Subject.Name)
		}
		return r
	}
	all := ids("-f", cases+"crash.yaml")
	if len(all) != 5 {
		t.Fatalf("crash.yaml: %v", all)
	}
	if got := ids("-f", cases+"crash.yaml", "-n", "payments"); len(got) != 3 {
		t.Errorf("-n payments: %v", got)
	}
	if got := ids("-f", cases+"crash.yaml", "api-0"); len(got) != 1 || !strings.Contains(got[0], "Crash/Liveness") {
		t.Errorf("NAME target: %v", got)
	}
	if got := ids("-f", cases+"crash.yaml", "deploy/cache"); len(got) != 1 || !strings.Contains(got[0], "OOMKilled") {
		t.Errorf("deploy/NAME target: %v", got)
	}
	if got := ids("-f", cases+"crash.yaml", "node/worker-2"); len(got) != 2 {
		t.Errorf("node/NAME target: %v", got)
	}
	if got := ids("-f", cases+"readiness.yaml", "-l", "app=catalog"); len(got) != 1 {
		t.Errorf("-l: %v", got)
	}
}

// TestNoSecretValues: the base64 value and its decoded password in the
// fixtures never reach any output format.
func TestNoSecretValues(t *testing.T) {
	for _, f := range []string{cases + "image-pull.yaml", cases + "waiting.yaml", "../../examples/lab-capture/cluster.json", "../../examples/broken-cluster"} {
		for _, o := range []string{"text", "json", "yaml", "markdown"} {
			_, out, _ := runCLI(t, "", "-f", f, "-o", o)
			for _, secret := range []string{"hunter2", "aHVudGVyMg", "eyJhdXRocyI6", "Ym90Omh1bnRlcjI", "podwhy-lab-password", "cG9kd2h5OnBvZHdoeS1sYWItcGFzc3dvcmQ"} {
				if strings.Contains(out, secret) {
					t.Errorf("%s -o %s leaks %q", filepath.Base(f), o, secret)
				}
			}
		}
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCLI(t, "", "version")
	if code != 0 || !strings.HasPrefix(out, "podwhy ") {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestExplain(t *testing.T) {
	for _, c := range []struct{ state, lang, want string }{
		{"CrashLoopBackOff", "en", "--previous"},
		{"crashloopbackoff", "zh", "容器曾经启动过"},
		{"Pending", "zh", "hostPort"},
		{"Init:Error", "en", "Error / Failed"},
		{"Terminating", "en", "split brain"},
		{"ErrImagePull", "zh", "docker-registry"},
		{"Unknown", "en", "Kubelet stopped posting node status."},
	} {
		code, out, errOut := runCLI(t, "", "explain", c.state, "--lang", c.lang)
		if code != 0 || !strings.Contains(out, c.want) {
			t.Errorf("explain %s (%s): exit %d, %q missing\n%s%s", c.state, c.lang, code, c.want, out, errOut)
		}
	}
	code, out, errOut := runCLI(t, "", "explain", "Sleepy")
	if code != ExitUsage || out != "" || !strings.Contains(errOut, "CrashLoopBackOff") || strings.Count(strings.TrimSpace(errOut), "\n") != 0 {
		t.Errorf("unknown state: exit %d stdout %q stderr %q", code, out, errOut)
	}
}
