package kubetext

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// corpusLines are the lines of every capture and test paste, plus lines
// made to hit each pattern's alternatives and near misses of them.
func corpusLines(t *testing.T) []string {
	t.Helper()
	var lines []string
	for _, glob := range []string{"../../examples/lab-capture/text/*.txt", "testdata/*.txt", "../../examples/*.txt"} {
		files, _ := filepath.Glob(glob)
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, strings.Split(string(data), "\n")...)
		}
	}
	made := []string{
		"```", "  ~~~yaml", "...", "  …", "[...]", "<snip>", "---8<---", "(...)", "... (truncated 40 lines)", "- a", "-- x",
		"# Heading", "## kubectl get pods", "**Events:**", "*x*", "$ kubectl get pods -A", "PS C:\\> kubectl.exe describe po x",
		"❯ oc get events", "% k logs web-1 -p", "root@h:/# microk8s kubectl get po", "oc", "kc describe node n1",
		"2024-01-02T10:00:00.123Z starting", "[2024-01-02 10:00:00] x", "16:39:47   $ kubectl get pods", "I0102 10:00:00.000000 1 x.go:1] y",
		"  at com.example.Main.run(Main.java:10)", "    at Object.<anonymous> (/app/x.js:1:1)", `{"level":"error"}`, "{x}", "level=info msg=x", "ts=1 x", "time=\"x\"",
		"panic: boom", "goroutine 1 [running]:", "Traceback (most recent call last):", `  File "/app/x.py", line 3, in <module>`,
		"Exception in thread \"main\" java.lang.Error", "java.lang.IllegalStateException: x", "ValueError: bad", "foo.bar_Error: x", "_Exception: y",
		"Error: failed", "exec /app: exec format error", "exec user process caused: no such file", "standard_init_linux.go:228: exec user process caused",
		"/docker-entrypoint.sh: line 3: x: not found", "/x: line", "ERROR x", "[WARN] y", "WARNING: z", "FATAL", "critical", "INFO2",
		"Failed to pull image \"x\": rpc error", "FAILED TO PULL IMAGE", "pull access denied for x", "ErrImagePull", "imagepullbackoff",
		"Back-off restarting failed container", "back-off pulling image", "CrashLoopBackOff", "OOMKilled", "oomkilled",
		"0/3 nodes are available: 3 Insufficient cpu.", "pod has unbound immediate PersistentVolumeClaims", "MountVolume.SetUp failed for volume",
		"Unable to attach or mount volumes", "Multi-Attach error for volume", "Failed to create pod sandbox: rpc error", "CreateContainerConfigError",
		"couldn't find key x in ConfigMap", `configmap "x" not found`, `secret "y" not found`, "Liveness probe failed: x", "readiness PROBE FAILED",
		"exceeded quota: q", "violates PodSecurity \"restricted\"", "failed calling webhook", "The node was low on resource: memory.",
		"exec format error", "executable file not found in $PATH", "container has runAsNonRoot", "Failed to admit pod web_shop(u) - node has conditions: [DiskPressure]",
		"Warning  Failed  3m (x4 over 5m)  kubelet  Error: ErrImagePull", "Normal Scheduled 2m default-scheduler ok", "3m Warning BackOff pod/x msg",
		"2m  3m  4  {kubelet node-1}  spec.containers{app}  Warning  Failed  msg", "Ready  True  Mon, 01 Jan",
		"NAME READY STATUS RESTARTS AGE", "LAST SEEN TYPE REASON OBJECT MESSAGE", "Name:  web", "Name:", "  status:", "- phase: Running",
		"   containerStatuses:", "Container ID: x", "    Image:   nginx", "Status:  Running", "Roles:  <none>", "[pod/web-1/app] hi",
		"container \"app\" in pod \"web-1\" is waiting to start: ContainerCreating", "No resources found in shop namespace.",
		"Error from server (NotFound): pods \"x\" not found", "pod web does not have a host assigned", "",
	}
	lines = append(lines, made...)
	r := rand.New(rand.NewPCG(3, 4))
	for i := 0; i < 3000; i++ {
		b := make([]byte, r.IntN(60))
		for j := range b {
			b[j] = byte(' ' + r.IntN(95))
		}
		lines = append(lines, string(b))
	}
	// Each made line again indented, upper-cased and lower-cased.
	for _, l := range made {
		lines = append(lines, "    "+l, "\t"+l, strings.ToUpper(l), strings.ToLower(l))
	}
	return lines
}

// The checks that look at a line's bytes before running a pattern must
// answer exactly as the pattern alone: they only save time.
func TestPrefiltersMatchTheirPatterns(t *testing.T) {
	for _, l := range corpusLines(t) {
		t2 := strings.TrimSpace(l)
		for _, c := range []struct {
			name     string
			fast, re bool
		}{
			{"fence", isFence(l), fenceRe.MatchString(l)},
			{"cut", isCut(l), cutRe.MatchString(l)},
			{"heading", isHeading(l), headingRe.MatchString(l)},
			{"command", parseCommand(l) != nil, promptRe.MatchString(t2) && parseCommand(t2) != nil},
			{"stamp", hasStamp(l), stampRe.MatchString(l)},
			{"describe start", isDescribeStart(l), describeStartRe.MatchString(l)},
			{"describe event", isDescribeEventRow(t2), describeEventRe.MatchString(t2)},
			{"get event", isGetEventRow(t2), getEventRowRe.MatchString(t2)},
			{"yaml tail", isYAMLTail(l), yamlTailRe.MatchString(l)},
			{"log line", isLogLine(l), logLineRe.MatchString(l)},
			{"known message", isKnownMessage(l), len(l) >= 9 && knownMessageRe.MatchString(l)},
			{"header", parseHeader(l) != nil, l != "" && l[0] != ' ' && strings.ToUpper(l) == l && parseHeader(l) != nil},
			{"upper", !hasLower(l), strings.ToUpper(l) == l},
		} {
			if c.fast != c.re {
				t.Errorf("%s: %q: check says %v, pattern %v", c.name, l, c.fast, c.re)
			}
		}
		if oldEventRow(l, "", "Pod", "x") != nil != oldEventRe.MatchString(t2) {
			t.Errorf("old event row: %q", l)
		}
	}
}

// Every pattern reads bounded lines and every message is bounded, so the
// time a paste takes follows its size: these inputs took minutes (each
// line added to a message copied it again; the classifier read a whole
// paste as one message) and gave messages of megabytes.
func TestHugeInputsGiveBoundedText(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	check := func(name string, res *Result) {
		t.Helper()
		for _, e := range res.Events {
			if len(e.Message) > maxMessage {
				t.Errorf("%s: event message of %d bytes", name, len(e.Message))
			}
		}
		for _, l := range res.Logs {
			if len(l.Text) > maxLogBytes+maxLine {
				t.Errorf("%s: log of %d bytes", name, len(l.Text))
			}
		}
	}
	// An events row, then a message wrapped over 200,000 lines.
	wrapped := "LAST SEEN   TYPE      REASON    OBJECT      MESSAGE\n" +
		"1m          Warning   Failed    pod/web-1   Failed to pull image \"x\":" + strings.Repeat(" and more\n", 200000)
	// A describe event row whose message a terminal wrapped onto column
	// 0, 200,000 times.
	describe := "Name:         web-1\nNamespace:    shop\nNode:         n1\nStart Time:   Mon, 01 Jan 2026 00:00:00 +0000\nStatus:       Pending\nContainers:\n  app:\n    Image:  x\nEvents:\n  Type     Reason  Age  From     Message\n  ----     ------  ---  ----     -------\n  Warning  Failed  1m   kubelet  Failed to pull image \"x\": rpc error\n" +
		strings.Repeat("wrapped-at-column-0\n", 200000)
	// A kubectl logs --prefix paste of 300,000 lines.
	prefixed := strings.Repeat("[pod/web-1/app] panic: runtime error: index out of range, and a long line to fill the log\n", 300000)
	// A 32 MiB line: one pod's message, never a 32 MiB one.
	giant := "Back-off pulling image \"x\"" + strings.Repeat(" pull", 32<<20/5)
	for name, in := range map[string]string{"wrapped": wrapped, "describe": describe, "prefixed": prefixed, "giant": giant} {
		res, err := Parse([]byte(in), Options{Now: now})
		if err != nil {
			if name == "giant" {
				continue
			}
			t.Fatalf("%s: %v", name, err)
		}
		check(name, res)
	}
}
