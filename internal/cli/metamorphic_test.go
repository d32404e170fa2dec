package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"sigs.k8s.io/yaml"
)

// The metamorphic suite: every lab scenario's real kubectl text, cut and
// mangled the ways people paste it, must still get an answer — never a
// refusal, never "No problems found" beside a Warning event or an
// unhealthy status, the full input's reason or a coarser one, at no higher
// confidence, and no evidence the variant does not show.

type mmReport struct {
	Summary struct {
		Text string `json:"text"`
	} `json:"summary"`
	Findings []struct {
		Namespace  string   `json:"namespace"`
		Reason     string   `json:"reason"`
		Tags       []string `json:"tags"`
		Confidence string   `json:"confidence"`
		Evidence   []struct {
			Kind  string `json:"kind"`
			Field string `json:"field"`
			Text  string `json:"text"`
		} `json:"evidence"`
	} `json:"findings"`
	Unexplained []json.RawMessage `json:"unexplainedWarnings"`
}

func mmRun(t *testing.T, text string) (int, mmReport, string) {
	t.Helper()
	return mmRunArgs(t, text, "-f", "-")
}

func mmRunArgs(t *testing.T, stdin string, args ...string) (int, mmReport, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := Main(append(args, "-o", "json", "--lang", "en"), IO{In: strings.NewReader(stdin), Out: &out, Err: &errb})
	var r mmReport
	if code != ExitUsage {
		if err := json.Unmarshal(out.Bytes(), &r); err != nil {
			t.Fatalf("report is no JSON: %v", err)
		}
	}
	return code, r, errb.String()
}

// coarser tells whether got names ref's cause or a coarser one: what a
// paste that shows less can still prove.
func coarser(ref, got string) bool {
	if got == ref {
		return true
	}
	fam, _, _ := strings.Cut(ref, "/")
	gfam, _, _ := strings.Cut(got, "/")
	switch {
	case got == fam+"/Other":
		return true
	case got == "Failed" && (fam == "Crash" || fam == "Terminating" || fam == "Job"):
		// A Failed pod whose container states the paste lost.
		return true
	case fam == "Crash" || fam == "Run":
		// A start failure or a crash seen only as restarts, or, between
		// two crashes, as a running container that restarted.
		return gfam == "Crash" || got == "Run/Other" || got == "Readiness/Restarting"
	case fam == "Unschedulable":
		return got == "NotScheduled"
	case fam == "Mount" || fam == "Config" || fam == "Sandbox" || fam == "SlowStart":
		return gfam == "SlowStart"
	case ref == "Readiness/ProbeFailed":
		return got == "Readiness/NotReady"
	case fam == "Terminating":
		return got == "Terminating/Stuck"
	case fam == "Job":
		return gfam == "Crash" || gfam == "Job"
	}
	return false
}

var confRank = map[string]int{"low": 0, "medium": 1, "high": 2}

type section struct{ head, body string }

// sections cuts a capture at its prompts.
func sections(text string) map[string]section {
	out := map[string]section{}
	var cur *section
	var kind string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, "$ kubectl") {
			if cur != nil {
				out[kind] = *cur
			}
			f := strings.Fields(l)
			kind = f[2] + " " + f[3]
			cur = &section{head: l}
			continue
		}
		if cur != nil {
			cur.body += l + "\n"
		}
	}
	if cur != nil {
		out[kind] = *cur
	}
	return out
}

type variant struct{ name, text string }

// shapes are the pastes made of one capture, before mangling.
func shapes(t *testing.T, scenario string, secs map[string]section, pods []corev1.Pod) []variant {
	t.Helper()
	ev, desc, get := secs["get events"], secs["describe pods"], secs["get pods"]
	var vs []variant
	add := func(name, text string) { vs = append(vs, variant{name, text}) }
	add("events", ev.head+"\n"+ev.body)
	add("events-no-prompt", ev.body)
	add("describe", desc.head+"\n"+desc.body)
	add("get-pods", get.head+"\n"+get.body)
	rows := strings.SplitN(strings.TrimRight(get.body, "\n"), "\n", 2)
	if len(rows) == 2 {
		add("rows-no-header", rows[1]+"\n")
	}
	if len(pods) > 0 {
		p := pods[0]
		c := p.Spec.Containers[0].Name
		add("describe+logs-prefix", desc.head+"\n"+desc.body+"$ kubectl logs --prefix -n "+p.Namespace+" "+p.Name+"\n"+
			"[pod/"+p.Name+"/"+c+"] starting\n[pod/"+p.Name+"/"+c+"] shutting down\n")
		for _, cs := range p.Status.ContainerStatuses {
			if w := cs.State.Waiting; w != nil {
				// The kubelet's answer to kubectl logs for a waiting container
				// (validateContainerLogStatus).
				add("describe+waiting-line", desc.head+"\n"+desc.body+fmt.Sprintf("Error from server (BadRequest): container %q in pod %q is waiting to start: %s\n", cs.Name, p.Name, w.Reason))
				break
			}
		}
		list := map[string]any{"apiVersion": "v1", "kind": "List", "items": pods}
		y, err := yaml.Marshal(list)
		if err != nil {
			t.Fatal(err)
		}
		add("yaml+events", "$ kubectl get pods -n "+p.Namespace+" -o yaml\n"+string(y)+ev.head+"\n"+ev.body)
		st, err := yaml.Marshal(map[string]any{"status": p.Status})
		if err != nil {
			t.Fatal(err)
		}
		var tail strings.Builder
		for _, l := range strings.Split(strings.TrimRight(string(st), "\n"), "\n") {
			tail.WriteString("  " + l + "\n")
		}
		add("status-tail", tail.String())
	}
	return vs
}

var wrapRe = regexp.MustCompile(`.{1,80}`)

// mangle is what chat tools, terminals and mail do to a paste.
func mangle(v variant) []variant {
	lines := strings.Split(v.text, "\n")
	cut := make([]string, 0, len(lines)+1)
	for i, l := range lines {
		cut = append(cut, l)
		if i == len(lines)/2 && len(lines) > 6 {
			cut = append(cut, "...")
		}
	}
	var wrapped, quoted strings.Builder
	for _, l := range lines {
		if len(l) <= 80 {
			wrapped.WriteString(l + "\n")
		} else {
			for _, part := range wrapRe.FindAllString(l, -1) {
				wrapped.WriteString(part + "\n")
			}
		}
		quoted.WriteString("> " + l + "\n")
	}
	return []variant{
		v,
		{v.name + "/cut", strings.Join(cut, "\n")},
		{v.name + "/crlf", strings.ReplaceAll(v.text, "\n", "\r\n")},
		{v.name + "/wrap80", wrapped.String()},
		{v.name + "/quoted", quoted.String()},
	}
}

var (
	warningRe   = regexp.MustCompile(`\bWarning\b`)
	unhealthyRe = regexp.MustCompile(`\b(?:CrashLoopBackOff|ImagePullBackOff|ErrImagePull|Error|OOMKilled|Pending|ContainerCreating|CreateContainerConfigError|Terminating|Evicted|Init:\S+|RunContainerError|StartError|InvalidImageName|ErrImageNeverPull)\b`)
	numberRe    = regexp.MustCompile(`\b\d+\b`)
	spaceRe     = regexp.MustCompile(`\s+`)
)

func norm(s string) string { return spaceRe.ReplaceAllString(s, "") }

func TestMetamorphic(t *testing.T) {
	raw, err := os.ReadFile("../../examples/lab-capture/cluster.json")
	if err != nil {
		t.Fatal(err)
	}
	var list corev1.PodList
	if err := json.Unmarshal(raw, &list); err != nil {
		t.Fatal(err)
	}
	byNS := map[string][]corev1.Pod{}
	for _, it := range list.Items {
		if it.Kind == "Pod" || it.Spec.Containers != nil {
			byNS[it.Namespace] = append(byNS[it.Namespace], it)
		}
	}
	files, _ := filepath.Glob("../../examples/lab-capture/text/*.txt")
	if len(files) < 30 {
		t.Fatalf("%d captures", len(files))
	}
	// The JSON of the same cluster shows what text cannot (finalizers):
	// its reasons count as the full input's too.
	_, whole, _ := mmRunArgs(t, "", "-f", "../../examples/lab-capture/cluster.json")
	jsonReasons := map[string]map[string]string{}
	for _, fd := range whole.Findings {
		if jsonReasons[fd.Namespace] == nil {
			jsonReasons[fd.Namespace] = map[string]string{}
		}
		jsonReasons[fd.Namespace][fd.Reason] = fd.Confidence
	}
	total, passed := 0, 0
	failures := map[string]int{}
	for _, f := range files {
		scenario := strings.TrimSuffix(filepath.Base(f), ".txt")
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		code, ref, _ := mmRun(t, string(data))
		if code == ExitUsage {
			t.Fatalf("%s: the full capture is refused", scenario)
		}
		refReasons := map[string]string{}
		for _, fd := range ref.Findings {
			refReasons[fd.Reason] = fd.Confidence
			for _, tag := range fd.Tags {
				refReasons[tag] = fd.Confidence
			}
		}
		ns := "podwhy-lab-" + scenario
		for r, c := range jsonReasons[ns] {
			if _, ok := refReasons[r]; !ok {
				refReasons[r] = c
			}
		}
		secs := sections(string(data))
		pods := byNS[ns]
		sort.Slice(pods, func(i, j int) bool { return pods[i].Name < pods[j].Name })
		for _, shape := range shapes(t, scenario, secs, pods) {
			for _, v := range mangle(shape) {
				total++
				problems := checkVariant(t, v, refReasons)
				if len(problems) == 0 {
					passed++
					continue
				}
				for _, p := range problems {
					failures[strings.SplitN(p, ":", 2)[0]]++
					t.Errorf("%s %s: %s", scenario, v.name, p)
				}
			}
		}
	}
	t.Logf("metamorphic: %d of %d variants pass every check", passed, total)
	if total < 1000 {
		t.Errorf("only %d variants", total)
	}
}

func checkVariant(t *testing.T, v variant, ref map[string]string) []string {
	code, r, errOut := mmRun(t, v.text)
	if code == ExitUsage {
		return []string{"refused: " + strings.TrimSpace(errOut)}
	}
	var problems []string
	shows := warningRe.MatchString(v.text) || unhealthyRe.MatchString(v.text)
	if len(ref) > 0 && shows && strings.HasPrefix(r.Summary.Text, "No problems found") {
		problems = append(problems, "all-clear: "+r.Summary.Text)
	}
	src := norm(strings.NewReplacer("\r", "", "> ", "", "...", "").Replace(v.text))
	srcWords := strings.NewReplacer("\r", " ", "\n", " ").Replace(v.text)
	for _, fd := range r.Findings {
		ok := false
		for rr, conf := range ref {
			// A FailedScheduling message of several groups, without the
			// nodes that decide between them, names its largest group at
			// less than high confidence and asks for describe nodes.
			mixed := strings.HasPrefix(rr, "Unschedulable/") && strings.HasPrefix(fd.Reason, "Unschedulable/") && fd.Confidence != "high" && !strings.Contains(v.text, "Kubelet Version:")
			if coarser(rr, fd.Reason) || mixed {
				ok = true
				// The reference run read no logs: a variant that carries
				// them may know more (the log names the crash).
				withLogs := strings.Contains(v.name, "logs")
				if fd.Reason == rr && confRank[fd.Confidence] > confRank[conf] && !withLogs {
					problems = append(problems, fmt.Sprintf("confidence: %s %s above the full input's %s", fd.Reason, fd.Confidence, conf))
				}
			}
		}
		if !ok {
			problems = append(problems, fmt.Sprintf("reason: %s is not the full input's (%v) nor coarser", fd.Reason, keys(ref)))
		}
		for _, e := range fd.Evidence {
			switch e.Kind {
			case "event", "log":
				// Quoted from the paste: it must be there (wrapping and
				// quoting moved its spaces, not its words).
				if !strings.Contains(src, norm(e.Text)) {
					problems = append(problems, "provenance: "+e.Kind+" text not in the paste: "+e.Text)
				}
			case "status", "spec":
				// A time is shown as RFC 3339 but pasted in describe's
				// RFC 1123 ("02 Dec 2026"): its numbers are not compared.
				for _, n := range numberRe.FindAllString(isoTimeRe.ReplaceAllString(e.Text, ""), -1) {
					if derived(n, srcWords) {
						continue
					}
					if !regexp.MustCompile(`\b` + n + `\b`).MatchString(srcWords) {
						problems = append(problems, fmt.Sprintf("provenance: %s %q shows %s, which the paste does not", e.Field, e.Text, n))
					}
				}
			}
		}
	}
	return problems
}

var isoTimeRe = regexp.MustCompile(`\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ`)

// derived: a number that follows from a word the paste shows, by the
// kubelet's own rules — OOMKilled is the kernel's SIGKILL (137), a runtime
// start failure is recorded as 128, Completed is exit 0.
func derived(n, src string) bool {
	switch n {
	case "137":
		return strings.Contains(src, "OOMKilled")
	case "128":
		return strings.Contains(src, "StartError") || strings.Contains(src, "ContainerCannotRun")
	case "0":
		return strings.Contains(src, "Completed")
	}
	return false
}

func keys(m map[string]string) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}
