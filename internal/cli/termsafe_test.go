package cli

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// hostileDump is a dump whose names, image, messages and events carry what
// acts on a terminal: a screen clear, an OSC window title, a carriage
// return, a backspace, a C1 CSI, DEL and bidi overrides. JSON carries them
// as \u escapes, so the objects hold the raw characters.
const hostileDump = `{"apiVersion":"v1","kind":"List","items":[
{"apiVersion":"v1","kind":"Pod","metadata":{"name":"web-1\u001b]0;pwned\u0007","namespace":"shop\u202e","uid":"u1","creationTimestamp":"2026-11-27T07:00:00Z"},
 "spec":{"nodeName":"worker-1","containers":[{"name":"app","image":"registry.example/app\u001b[2J:1"}]},
 "status":{"phase":"Pending","containerStatuses":[{"name":"app","ready":false,"restartCount":0,"image":"registry.example/app\u001b[2J:1","imageID":"",
  "state":{"waiting":{"reason":"ImagePullBackOff","message":"Back-off pulling image \"registry.example/app\u001b[2J:1\"\r\u0008\u007f"}}}]}},
{"apiVersion":"v1","kind":"Event","metadata":{"name":"web-1.1","namespace":"shop\u202e"},
 "involvedObject":{"kind":"Pod","namespace":"shop\u202e","name":"web-1\u001b]0;pwned\u0007","uid":"u1","fieldPath":"spec.containers{app}"},
 "reason":"Failed","type":"Warning","message":"Failed to pull image \"registry.example/app\u001b[2J:1\": rpc error: code = Unknown desc = failed to pull and unpack image: 401 Unauthorized \u009b31m\u2066x\u2069",
 "source":{"component":"kubelet","host":"worker-1"},"count":4,"firstTimestamp":"2026-11-27T07:01:00Z","lastTimestamp":"2026-11-27T08:50:30Z"},
{"apiVersion":"v1","kind":"Pod","metadata":{"name":"api-0","namespace":"shop","uid":"u2","creationTimestamp":"2026-11-27T07:00:00Z"},
 "spec":{"nodeName":"worker-1","containers":[{"name":"api","image":"registry.example/api:1"}]},
 "status":{"phase":"Running","containerStatuses":[{"name":"api","ready":false,"restartCount":6,"image":"registry.example/api:1","imageID":"x","started":false,
  "state":{"waiting":{"reason":"CrashLoopBackOff","message":"back-off 2m40s restarting failed container=api"}},
  "lastState":{"terminated":{"exitCode":1,"reason":"Error","startedAt":"2026-11-27T08:50:00Z","finishedAt":"2026-11-27T08:50:35Z"}}}]}}
]}`

// hostileLogs are the crashed pod's logs, pasted.
const hostileLogs = "$ kubectl logs -n shop api-0 --previous\n" +
	"starting api \x1b]0;owned\x07\n" +
	"panic: runtime error: invalid memory address or nil pointer dereference \x1b[2J\r\x08\u202e\n" +
	"goroutine 1 [running]:\n"

// sgrRe is podwhy's own colour codes; anything else that starts with ESC
// came from the input.
var sgrRe = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// assertTerminalSafe fails on any control byte but newline and tab (and,
// with colour, podwhy's SGR codes), C1 controls and bidi/format characters.
func assertTerminalSafe(t *testing.T, what, out string, color bool) {
	t.Helper()
	if color {
		out = sgrRe.ReplaceAllString(out, "")
	}
	for i, r := range out {
		bad := r < 0x20 && r != '\n' && r != '\t' || r == 0x7f || r >= 0x80 && r < 0xa0 ||
			r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 || r == 0xfffd
		if bad {
			lo, hi := max(0, i-40), min(len(out), i+40)
			t.Fatalf("%s: raw %U at byte %d: %q", what, r, i, out[lo:hi])
		}
	}
}

func TestHostileInputNeverReachesTheTerminal(t *testing.T) {
	dir := t.TempDir()
	dump := filepath.Join(dir, "dump.json")
	logs := filepath.Join(dir, "logs.txt")
	if err := os.WriteFile(dump, []byte(hostileDump), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(logs, []byte(hostileLogs), 0o644); err != nil {
		t.Fatal(err)
	}
	args := []string{"-f", dump, "-f", logs, "--now", "2026-11-27T09:00:00Z"}
	for _, tc := range []struct {
		name  string
		extra []string
		tty   bool
	}{
		{"text", []string{"--no-color"}, false},
		{"text colour", nil, true},
		{"markdown", []string{"-o", "markdown"}, false},
		{"summary", []string{"--summary"}, false},
	} {
		var out, errb strings.Builder
		code := Main(append(append([]string{}, args...), tc.extra...), IO{In: strings.NewReader(""), Out: &out, Err: &errb, IsTerminal: tc.tty})
		if code != ExitProblems {
			t.Fatalf("%s: exit %d, stderr %q", tc.name, code, errb.String())
		}
		assertTerminalSafe(t, tc.name, out.String(), tc.tty)
		assertTerminalSafe(t, tc.name+" stderr", errb.String(), false)
		if tc.name == "summary" {
			continue
		}
		// Escaped, not dropped: the user still sees what the input held.
		for _, want := range []string{`web-1\x1b]0;pwned\x07`, `app\x1b[2J:1`, `\u202e`} {
			if !strings.Contains(out.String(), want) {
				t.Errorf("%s: %q not shown escaped in\n%s", tc.name, want, out.String())
			}
		}
		if tc.tty && !strings.Contains(out.String(), "\x1b[1m") {
			t.Errorf("%s: podwhy's own colour is gone", tc.name)
		}
	}
	// The log lines of the paste reach the report's evidence escaped.
	_, out, _ := runCLI(t, "", append(args, "--no-color")...)
	if !strings.Contains(out, "nil pointer dereference") || !strings.Contains(out, `dereference \x1b[2J`) {
		t.Errorf("log evidence not shown escaped:\n%s", out)
	}

	// JSON keeps the data: the encoder escapes it, a reader gets it back.
	_, out, _ = runCLI(t, "", append(args, "-o", "json")...)
	if !strings.Contains(out, `web-1\u001b]0;pwned\u0007`) {
		t.Errorf("JSON changed the pod name:\n%s", out)
	}
}

// A skipped input is named on stderr; its name and message are the
// input's, so they are escaped there too.
func TestHostileSkipNoteIsEscaped(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "good.json")
	if err := os.WriteFile(good, []byte(hostileDump), 0o644); err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(dir, "bad\x1b]0;x\x07.json")
	if err := os.WriteFile(bad, []byte(`{"kind": "Pod", "apiVersion": "v1", "metadata": {"name": 5}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, errOut := runCLI(t, "", "-f", good, "-f", bad, "--now", "2026-11-27T09:00:00Z")
	if !strings.Contains(errOut, "podwhy: skipped") || !strings.Contains(errOut, `bad\x1b]0;x\x07.json`) {
		t.Fatalf("stderr %q", errOut)
	}
	assertTerminalSafe(t, "stderr", errOut, false)
}

// lint prints file names and manifest values in its text output.
func TestHostileLintTextIsEscaped(t *testing.T) {
	dir := t.TempDir()
	f := filepath.Join(dir, "pod\x1b]0;x\x07.yaml")
	manifest := "apiVersion: v1\nkind: Pod\nmetadata:\n  name: \"web\\e[2J\\u202e\"\nspec:\n  containers:\n  - name: app\n    image: \"nginx\\e]0;t\\a\"\n    imagePullPolcy: Always\n"
	if err := os.WriteFile(f, []byte(manifest), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tty := range []bool{false, true} {
		var out, errb strings.Builder
		code := Main([]string{"lint", f}, IO{In: strings.NewReader(""), Out: &out, Err: &errb, IsTerminal: tty})
		if code != ExitProblems {
			t.Fatalf("exit %d, stderr %q, out %q", code, errb.String(), out.String())
		}
		assertTerminalSafe(t, "lint", out.String(), tty)
		if !strings.Contains(out.String(), `pod\x1b]0;x\x07.yaml`) {
			t.Errorf("file name not shown escaped:\n%s", out.String())
		}
	}
}
