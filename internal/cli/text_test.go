package cli

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
)

// TestPastedText: a paste read from stdin or a file gives the report; the
// format can be forced; text that is no kubectl output gives one line and
// exit 2.
func TestPastedText(t *testing.T) {
	data, err := os.ReadFile("../../examples/lab-capture/text/image-auth.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runCLI(t, string(data), "-f", "-", "-o", "json")
	if code != ExitProblems {
		t.Fatalf("stdin paste: exit %d, stderr %q", code, errOut)
	}
	var doc struct {
		Findings []struct {
			Reason, Confidence string
			PasteNext          []string
		}
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Findings) != 1 || doc.Findings[0].Reason != "Image/Auth" || doc.Findings[0].Confidence != "medium" {
		t.Fatalf("findings %+v", doc.Findings)
	}
	for _, c := range doc.Findings[0].PasteNext {
		if strings.Contains(c, "secret") && strings.Contains(c, "-o yaml") {
			t.Errorf("asks to paste a secret's values: %s", c)
		}
	}

	// A get pods row alone: low confidence, asks for describe.
	rows := "$ kubectl get pods -n shop\nNAME                   READY   STATUS             RESTARTS   AGE\nweb-7d9f8b6c5d-x2x9k   0/1     ImagePullBackOff   0          5m\n"
	code, out, _ = runCLI(t, rows, "-f", "-", "--no-color")
	if code != ExitProblems || !strings.Contains(out, "confidence: low") || !strings.Contains(out, "kubectl -n shop describe pod web-7d9f8b6c5d-x2x9k") {
		t.Errorf("get pods row: exit %d\n%s", code, out)
	}

	// Forcing a format that the input does not hold is an input error.
	code, _, errOut = runCLI(t, rows, "-f", "-", "--input-format", "describe")
	if code != ExitUsage || !strings.HasPrefix(errOut, "podwhy: stdin: no describe output") {
		t.Errorf("--input-format describe on a table: exit %d, %q", code, errOut)
	}
	for _, bad := range []string{"hello\nworld\n", "Lorem ipsum: dolor sit amet\n", "$ ls\nfoo bar\n"} {
		code, out, errOut := runCLI(t, bad, "-f", "-")
		if code != ExitUsage || out != "" || strings.Count(strings.TrimSpace(errOut), "\n") != 0 || !strings.HasPrefix(errOut, "podwhy: stdin: ") {
			t.Errorf("%q: exit %d, out %q, err %q", bad, code, out, errOut)
		}
	}
	if code, _, errOut := runCLI(t, "", "-f", "-", "--input-format", "xml"); code != ExitUsage || !strings.Contains(errOut, "--input-format") {
		t.Errorf("bad --input-format: exit %d %q", code, errOut)
	}
}

func TestExplainMessage(t *testing.T) {
	code, out, _ := runCLI(t, "", "explain", `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "1a2b": plugin type="flannel" failed (add): failed to find plugin "flannel" in path [/opt/cni/bin]`, "--no-color")
	if code != ExitProblems || !strings.Contains(out, "Sandbox/CNI") || !strings.Contains(out, "flannel") {
		t.Errorf("sandbox message: exit %d\n%s", code, out)
	}
	// Unquoted words are one message.
	code, out, _ = runCLI(t, "", "explain", "0/3", "nodes", "are", "available:", "3", "Insufficient", "memory.", "--lang", "zh")
	if code != ExitProblems || !strings.Contains(out, "Unschedulable/Resources") || !strings.Contains(out, "内存") && !strings.Contains(out, "memory") {
		t.Errorf("scheduler message: exit %d\n%s", code, out)
	}
	if code, _, _ := runCLI(t, "", "explain", "CrashLoopBackOff"); code != ExitOK {
		t.Errorf("state: exit %d", code)
	}
	code, out, errOut := runCLI(t, "", "explain", "the weather is nice")
	if code != ExitUsage || out != "" || !strings.HasPrefix(errOut, "podwhy: \"the weather is nice\" is neither") {
		t.Errorf("unknown: exit %d %q %q", code, out, errOut)
	}
}

// TestMixedPaste: a ticket with describe text and a -o yaml object reads
// both; the ConfigMap's keys then show in the finding.
func TestMixedPaste(t *testing.T) {
	capture, err := os.ReadFile("../../examples/lab-capture/text/config-key.txt")
	if err != nil {
		t.Fatal(err)
	}
	describeOnly, _, _ := strings.Cut(string(capture), "\n$ kubectl get events")
	paste := describeOnly + "\n$ kubectl get configmap app-config -n podwhy-lab-config-key -o yaml\n" +
		"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app-config\n  namespace: podwhy-lab-config-key\ndata:\n  DB_PORT: \"5432\"\n"
	code, out, errOut := runCLI(t, paste, "-f", "-", "-o", "json")
	if code != ExitProblems {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, `"reason": "Config/MissingKey"`) || !strings.Contains(out, `"text": "DB_PORT"`) {
		t.Errorf("ConfigMap from the yaml part not used:\n%s", out)
	}
	if strings.Contains(out, "5432") {
		t.Errorf("a value was printed:\n%s", out)
	}
}

// TestPasteSecretsNeverEchoed: credentials people paste beside kubectl
// output (an env value, a URL with a password, a docker config, a
// --docker-password flag) never come back in any output format.
func TestPasteSecretsNeverEchoed(t *testing.T) {
	for _, format := range []string{"text", "json", "yaml", "markdown"} {
		code, out, errOut := runCLI(t, "", "-f", "testdata/paste-with-secrets.txt", "-o", format)
		if code == ExitUsage {
			t.Fatalf("%s: refused: %s", format, errOut)
		}
		for _, secret := range []string{"hunter2hunter2", "Ym9iOmh1bnRlcjJodW50ZXIy"} {
			if strings.Contains(out, secret) || strings.Contains(errOut, secret) {
				t.Errorf("%s: secret %q printed:\n%s", format, secret, out)
			}
		}
		if format == "text" && !strings.Contains(out, "<redacted: ") {
			t.Errorf("text: the redacted evidence is not marked:\n%s", out)
		}
	}
}

// TestInputsJoined: an events table without a NAMESPACE column, in a file
// of its own, joins the pod a describe in another file showed (one pod,
// one finding), and a log file beside them is that pod's log, not a
// reason to refuse.
func TestInputsJoined(t *testing.T) {
	dir := t.TempDir()
	capture, err := os.ReadFile("../../examples/lab-capture/text/crash-exit.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(capture)
	desc := text[:strings.Index(text, "$ kubectl get events")]
	desc = strings.SplitN(desc, "\n", 2)[1] // no prompt: the namespace comes from the describe only
	events := text[strings.Index(text, "$ kubectl get events"):strings.Index(text, "$ kubectl get pods")]
	events = strings.SplitN(events, "\n", 2)[1]
	write := func(name, s string) string {
		p := dir + "/" + name
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	d, e := write("describe.txt", desc), write("events.txt", events)
	l := write("app.log", "2026-11-27T11:56:00Z starting\n2026-11-27T11:56:01Z fatal: cannot open /data/config.yaml\n")
	empty := write("empty.txt", "")
	code, out, errOut := runCLI(t, "", "-f", d, "-f", e, "-f", l, "-f", empty, "-o", "json")
	if code != ExitProblems {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(errOut, "empty.txt: input is empty") {
		t.Errorf("the empty input is not named: %q", errOut)
	}
	var rep struct {
		Findings []struct {
			Reason string `json:"reason"`
			Pods   []struct{ Namespace, Name string }
		} `json:"findings"`
		Unexplained []any `json:"unexplainedWarnings"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Findings) != 1 || len(rep.Findings[0].Pods) != 1 || rep.Findings[0].Pods[0].Namespace != "podwhy-lab-crash-exit" {
		t.Fatalf("want one finding on the described pod, got %+v", rep.Findings)
	}
	if !strings.Contains(out, "cannot open /data/config.yaml") {
		t.Errorf("the log beside the describe is not the pod's evidence:\n%s", out)
	}
	if len(rep.Unexplained) > 0 {
		t.Errorf("the events did not join the pod: %v", rep.Unexplained)
	}
}

// TestExplainLayout: explain wraps to the width like the report, in both
// languages, links the catalog, and a pasted message, which carries no
// time, is not said to have been seen "0s ago" nor in a namespace "/".
func TestExplainLayout(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		for _, state := range []string{"CrashLoopBackOff", "Pending", "Terminating"} {
			code, out, errOut := runCLI(t, "", "explain", state, "--lang", lang, "--width", "60")
			if code != ExitOK {
				t.Fatalf("explain %s: exit %d %s", state, code, errOut)
			}
			if !strings.Contains(out, "docs/catalog.md") {
				t.Errorf("explain %s (%s) does not name the catalog", state, lang)
			}
			for _, l := range strings.Split(out, "\n") {
				if w := visibleWidth(l); w > 60 && !strings.Contains(l, "https://") {
					t.Errorf("explain %s (%s): %d cells: %q", state, lang, w, l)
				}
				if strings.HasSuffix(l, " ") {
					t.Errorf("explain %s (%s): trailing space: %q", state, lang, l)
				}
			}
		}
	}
	for _, msg := range []string{`MountVolume.SetUp failed for volume "config" : configmap "app-config" not found`,
		`0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod.`} {
		_, out, _ := runCLI(t, "", "explain", msg, "--width", "80")
		if strings.Contains(out, " ago") || strings.Contains(out, " /app-config") {
			t.Errorf("explain %q invents a time or a namespace:\n%s", msg, out)
		}
		for _, l := range strings.Split(out, "\n") {
			if w := visibleWidth(l); w > 80 && !strings.Contains(strings.TrimSpace(l), "$ ") {
				t.Errorf("%d cells: %q", w, l)
			}
		}
	}
}

func visibleWidth(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x2e80 && r <= 0xa4cf || r >= 0xff00 && r <= 0xff60 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
