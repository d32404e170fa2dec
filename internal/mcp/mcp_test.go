package mcp_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/podwhy/podwhy/internal/cli"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/lab"
	"github.com/podwhy/podwhy/internal/lint"
	"github.com/podwhy/podwhy/internal/mcp"
	"github.com/podwhy/podwhy/internal/report"
)

// noCluster is a kubeconfig whose server is a closed port.
const noCluster = `apiVersion: v1
kind: Config
clusters:
- name: none
  cluster: {server: "https://127.0.0.1:1"}
contexts:
- name: none
  context: {cluster: none, user: none, namespace: shop}
users:
- name: none
  user: {token: x}
current-context: none
`

// bin is podwhy, built once: the stdio and HTTP tests run it as a process.
var bin string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "podwhy-mcp-test")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	// No cluster: a live diagnosis must fail at once, never reach one
	// that happens to be configured on this machine.
	kubeconfig := filepath.Join(dir, "kubeconfig")
	if err := os.WriteFile(kubeconfig, []byte(noCluster), 0o600); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv("KUBECONFIG", kubeconfig)
	os.Unsetenv("KUBERNETES_SERVICE_HOST")
	bin = filepath.Join(dir, "podwhy")
	build := exec.Command("go", "build", "-o", bin, "github.com/podwhy/podwhy/cmd/podwhy")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "go build:", err)
		os.RemoveAll(dir)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

func abs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

func client() *sdk.Client {
	return sdk.NewClient(&sdk.Implementation{Name: "podwhy-test", Version: "1"}, nil)
}

// memory connects to the server in this process.
func memory(t *testing.T) *sdk.ClientSession {
	t.Helper()
	ctx := context.Background()
	ct, st := sdk.NewInMemoryTransports()
	ss, err := cli.NewMCPServer(i18n.EN).Connect(ctx, st, nil)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := client().Connect(ctx, ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cs.Close(); ss.Wait() })
	return cs
}

// stdio runs `podwhy mcp` and talks to it on its stdin and stdout.
func stdio(t *testing.T) *sdk.ClientSession {
	t.Helper()
	cmd := exec.Command(bin, "mcp", "--lang", "en")
	cmd.Stderr = os.Stderr
	cs, err := client().Connect(context.Background(), &sdk.CommandTransport{Command: cmd}, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cs.Close() })
	return cs
}

// call calls a tool; a protocol error fails the test.
func call(t *testing.T, cs *sdk.ClientSession, tool string, args map[string]any) *sdk.CallToolResult {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	res, err := cs.CallTool(ctx, &sdk.CallToolParams{Name: tool, Arguments: args})
	if err != nil {
		t.Fatalf("%s %v: %v", tool, args, err)
	}
	return res
}

// ok calls a tool that must succeed and decodes its structured content.
func ok[T any](t *testing.T, cs *sdk.ClientSession, tool string, args map[string]any) (T, string, json.RawMessage) {
	t.Helper()
	res := call(t, cs, tool, args)
	text := texts(res)
	var out T
	if res.IsError {
		t.Fatalf("%s: error %q", tool, text)
	}
	raw, err := json.Marshal(res.StructuredContent)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s: structured content: %v", tool, err)
	}
	return out, text, raw
}

func texts(res *sdk.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*sdk.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return b.String()
}

var transports = []struct {
	name    string
	connect func(*testing.T) *sdk.ClientSession
}{{"memory", memory}, {"stdio", stdio}}

func TestToolsAreReadOnly(t *testing.T) {
	for _, tr := range transports {
		t.Run(tr.name, func(t *testing.T) {
			cs := tr.connect(t)
			res, err := cs.ListTools(context.Background(), nil)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, tool := range res.Tools {
				names = append(names, tool.Name)
				if tool.Annotations == nil || !tool.Annotations.ReadOnlyHint {
					t.Errorf("%s: readOnlyHint not set", tool.Name)
				}
				if tool.Annotations != nil && (tool.Annotations.DestructiveHint == nil || *tool.Annotations.DestructiveHint) {
					t.Errorf("%s: destructiveHint not false", tool.Name)
				}
				if !strings.Contains(tool.Description, "Read-only") {
					t.Errorf("%s: description does not say it is read-only: %q", tool.Name, tool.Description)
				}
				if tool.OutputSchema == nil {
					t.Errorf("%s: no output schema", tool.Name)
				}
			}
			if got := strings.Join(names, ","); got != "diagnose,explain,get_finding,lint" {
				t.Errorf("tools %s", got)
			}
		})
	}
}

// expected reads examples/broken-cluster/EXPECTED.tsv: namespace,
// kind/name and reason of each finding the example must produce.
func expected(t *testing.T) [][3]string {
	t.Helper()
	data, err := os.ReadFile("../../examples/broken-cluster/EXPECTED.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out [][3]string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		f := strings.Split(line, "\t")
		if len(f) < 3 || strings.HasPrefix(line, "#") {
			continue
		}
		ns := f[0]
		if ns == "-" {
			ns = ""
		}
		_, name, _ := strings.Cut(f[1], "/")
		out = append(out, [3]string{ns, name, f[2]})
	}
	if len(out) < 20 {
		t.Fatalf("EXPECTED.tsv: %d rows", len(out))
	}
	return out
}

func schema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("../../docs/schema/report-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// validate checks a report against the published schema.
func validate(t *testing.T, sch *jsonschema.Schema, raw []byte) {
	t.Helper()
	v, err := jsonschema.UnmarshalJSON(strings.NewReader(string(raw)))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("report does not validate against docs/schema/report-v1.json: %v", err)
	}
}

func TestDiagnoseDumpAndGetFinding(t *testing.T) {
	want := expected(t)
	sch := schema(t)
	dump := abs(t, "../../examples/broken-cluster")
	for _, tr := range transports {
		t.Run(tr.name, func(t *testing.T) {
			cs := tr.connect(t)
			doc, text, raw := ok[report.Doc](t, cs, "diagnose", map[string]any{"files": []string{dump}})
			validate(t, sch, raw)
			if doc.APIVersion != report.APIVersion || doc.Kind != "Report" {
				t.Errorf("apiVersion %q kind %q", doc.APIVersion, doc.Kind)
			}
			for _, w := range want {
				found := false
				for _, f := range doc.Findings {
					if slices.Contains(codes(f), w[2]) && about(f, w[0], w[1]) {
						found = true
					}
				}
				if !found {
					t.Errorf("no %s finding for %s/%s", w[2], w[0], w[1])
				}
			}
			if !strings.Contains(text, doc.Summary.Text[:30]) || !strings.Contains(text, "Crash/OOMKilled") {
				t.Errorf("text report:\n%s", text)
			}

			// The same diagnosis, one namespace and one target.
			scoped, _, _ := ok[report.Doc](t, cs, "diagnose", map[string]any{"files": []string{dump}, "namespace": "payments", "target": "deploy/ledger"})
			if len(scoped.Findings) != 1 || scoped.Findings[0].Reason != "Crash/OOMKilled" {
				t.Errorf("payments deploy/ledger: %v", reasons(scoped))
			}

			// get_finding: from this session's last diagnose, by full id
			// and by prefix; steps come with argv.
			id := scoped.Findings[0].ID
			for _, q := range []string{id, id[:8]} {
				f, ftext, _ := ok[report.Finding](t, cs, "get_finding", map[string]any{"id": q})
				if f.ID != id || f.Reason != "Crash/OOMKilled" || len(f.Evidence) == 0 {
					t.Errorf("get_finding %s: %+v", q, f)
				}
				kubectl := 0
				for _, s := range f.Steps {
					if s.Command != "" && len(s.Argv) == 0 {
						t.Errorf("step %q without argv", s.Command)
					}
					if len(s.Argv) > 1 && s.Argv[0] == "kubectl" {
						kubectl++
					}
				}
				if kubectl == 0 {
					t.Errorf("get_finding %s: no step with argv: %+v", q, f.Steps)
				}
				if !strings.Contains(ftext, id) || strings.Contains(ftext, "ImagePullBackOff") {
					t.Errorf("get_finding text:\n%s", ftext)
				}
			}
			// A finding of the whole dump, looked up by diagnosing it
			// again (the last diagnose was scoped to payments).
			web := doc.Findings[0]
			f, _, _ := ok[report.Finding](t, cs, "get_finding", map[string]any{"id": web.ID, "files": []string{dump}, "lang": "zh"})
			if f.ID != web.ID || f.Headline == web.Headline {
				t.Errorf("get_finding with input, in Chinese: %s %q (English %q)", f.ID, f.Headline, web.Headline)
			}
		})
	}
}

// about reports whether a finding concerns the object: as its subject,
// or through its pods (a DaemonSet's pod listed under its node).
func about(f report.Finding, ns, name string) bool {
	if f.Subject.Name == name && (f.Namespace == ns || f.Subject.Kind == "Node") {
		return true
	}
	for _, p := range f.Pods {
		if p.Namespace == ns && (p.Name == name || strings.HasPrefix(p.Name, name+"-")) {
			return true
		}
	}
	return false
}

// codes are a finding's reason and the ones folded into it.
func codes(f report.Finding) []string { return append([]string{f.Reason}, f.Tags...) }

func reasons(d report.Doc) []string {
	var out []string
	for _, f := range d.Findings {
		out = append(out, codes(f)...)
	}
	return out
}

// describeShows are the lab scenarios whose cause lies in what kubectl
// describe pods and get events do not print (a controller's status, a
// finalizer): pasted, they are diagnosed by what the pods show.
var describeShows = map[string]string{
	"daemonset":         "Unschedulable/Resources",
	"finalizer":         "Crash/Exit",
	"progress-deadline": "Image/NotFound",
	"statefulset":       "Readiness/ProbeFailed",
}

// TestDiagnosePastedText: each lab capture's kubectl output, pasted, gives
// its scenario's reason, and the same findings as podwhy -f.
func TestDiagnosePastedText(t *testing.T) {
	scenarios, err := lab.All()
	if err != nil {
		t.Fatal(err)
	}
	sch := schema(t)
	for _, tr := range transports {
		t.Run(tr.name, func(t *testing.T) {
			cs := tr.connect(t)
			n := 0
			for _, s := range scenarios {
				path := "../../examples/lab-capture/text/" + s.Name + ".txt"
				data, err := os.ReadFile(path)
				if err != nil {
					continue
				}
				n++
				doc, text, raw := ok[report.Doc](t, cs, "diagnose", map[string]any{"text": string(data)})
				validate(t, sch, raw)
				got := reasons(doc)
				want := s.Reason
				if r, ok := describeShows[s.Name]; ok {
					want = r
				}
				switch {
				case want == "-" && len(got) > 0:
					t.Errorf("%s: healthy, got %v", s.Name, got)
				case want != "-" && !slices.Contains(got, want):
					t.Errorf("%s: want %s, got %v", s.Name, want, got)
				}
				for _, f := range doc.Findings {
					if !strings.Contains(text, f.Reason+"  ["+f.ID+"]") {
						t.Errorf("%s: text report without %s [%s]:\n%s", s.Name, f.Reason, f.ID, text)
					}
				}
				if cliDoc := podwhyJSON(t, "-f", path); fmt.Sprint(keys(cliDoc)) != fmt.Sprint(keys(doc)) {
					t.Errorf("%s: podwhy -f says %v, the tool %v", s.Name, keys(cliDoc), keys(doc))
				}
			}
			if n < 30 {
				t.Errorf("only %d captures", n)
			}
		})
	}
}

// podwhyJSON is the command line's report.
func podwhyJSON(t *testing.T, args ...string) report.Doc {
	t.Helper()
	var out, errb strings.Builder
	cli.Main(append(args, "-o", "json", "--lang", "en"), cli.IO{In: strings.NewReader(""), Out: &out, Err: &errb})
	var d report.Doc
	if err := json.Unmarshal([]byte(out.String()), &d); err != nil {
		t.Fatalf("podwhy %v: %v %s", args, err, errb.String())
	}
	return d
}

// keys are a report's findings as "id reason".
func keys(d report.Doc) []string {
	var out []string
	for _, f := range d.Findings {
		out = append(out, f.ID+" "+f.Reason)
	}
	return out
}

func TestExplainAndLint(t *testing.T) {
	for _, tr := range transports {
		t.Run(tr.name, func(t *testing.T) {
			cs := tr.connect(t)
			st, text, _ := ok[mcp.ExplainOutput](t, cs, "explain", map[string]any{"query": "CrashLoopBackOff"})
			if st.Kind != "state" || st.State == nil || st.State.Name != "CrashLoopBackOff" || len(st.State.Causes) < 3 || !strings.Contains(text, st.State.Meaning) {
				t.Errorf("explain CrashLoopBackOff: %+v\n%s", st, text)
			}
			zh, _, _ := ok[mcp.ExplainOutput](t, cs, "explain", map[string]any{"query": "Init:ImagePullBackOff", "lang": "zh"})
			if zh.State == nil || zh.State.Name != "ImagePullBackOff" || !regexp.MustCompile(`\p{Han}`).MatchString(zh.State.Meaning) {
				t.Errorf("explain in Chinese: %+v", zh.State)
			}
			msg := `Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox "1a2b": plugin type="flannel" failed (add): failed to find plugin "flannel" in path [/opt/cni/bin]`
			m, mtext, _ := ok[mcp.ExplainOutput](t, cs, "explain", map[string]any{"query": msg})
			if m.Kind != "message" || m.Report == nil || len(m.Report.Findings) == 0 || m.Report.Findings[0].Reason != "Sandbox/CNI" {
				t.Errorf("explain message: %+v", m)
			}
			if !strings.Contains(mtext, "flannel") {
				t.Errorf("explain message text:\n%s", mtext)
			}

			manifest := `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      command: ["/web"]
      containers:
      - name: web
        image: nginx:latest
`
			rep, ltext, _ := ok[lint.Report](t, cs, "lint", map[string]any{"manifest": manifest, "name": "web.yaml"})
			rules := map[string]bool{}
			for _, p := range rep.Problems {
				rules[p.Rule] = true
				if p.File != "web.yaml" || p.Line == 0 {
					t.Errorf("problem position %s:%d", p.File, p.Line)
				}
			}
			if rep.Kind != lint.ReportKind || len(rep.Problems) < 2 || !strings.Contains(ltext, "web.yaml:12") {
				t.Errorf("lint: %v\n%s", rules, ltext)
			}
		})
	}
}

// TestBadInput: every mistake is a tool error of one line, and the server
// goes on answering.
func TestBadInput(t *testing.T) {
	cases := []struct {
		tool string
		args map[string]any
		says string
	}{
		{"diagnose", map[string]any{"text": "hello, nothing kubectl printed here"}, "text"},
		{"diagnose", map[string]any{"text": "\x00\x01\x02 binary"}, "binary"},
		{"diagnose", map[string]any{"files": []string{"/nonexistent/dump.json"}}, "/nonexistent/dump.json"},
		{"diagnose", map[string]any{"files": []string{"-"}}, "stdin"},
		{"diagnose", map[string]any{"text": "Name: x\n", "target": "bogus/x"}, "bogus/x"},
		{"diagnose", map[string]any{"text": "Name: x\n", "selector": "a in ("}, "-l"},
		{"diagnose", map[string]any{"lang": "fr"}, "lang"},
		{"diagnose", map[string]any{"files": "not-a-list"}, "files"},
		{"diagnose", map[string]any{}, "127.0.0.1:1"},
		{"diagnose", map[string]any{"namespace": "payments", "logs": true}, "127.0.0.1:1"},
		{"get_finding", map[string]any{"id": "ffffffffffff", "text": "Warning  FailedScheduling  pod/web  0/3 nodes are available: 3 Insufficient cpu."}, "ffffffffffff"},
		{"get_finding", map[string]any{}, "id"},
		{"explain", map[string]any{"query": "hello world"}, "hello world"},
		{"explain", map[string]any{"query": "  "}, "CrashLoopBackOff"},
		{"lint", map[string]any{"manifest": "just: [text"}, ""},
		{"lint", map[string]any{"manifest": "# nothing\n"}, "no Kubernetes objects"},
	}
	for _, tr := range transports {
		t.Run(tr.name, func(t *testing.T) {
			cs := tr.connect(t)
			for _, c := range cases {
				res := call(t, cs, c.tool, c.args)
				text := texts(res)
				if c.tool == "lint" && c.says == "" {
					// A syntax error is a problem the report shows.
					if res.IsError || !strings.Contains(text, "manifest.yaml:1") {
						t.Errorf("lint of broken YAML: %v %q", res.IsError, text)
					}
					continue
				}
				if !res.IsError {
					t.Errorf("%s %v: no error: %.200s", c.tool, c.args, text)
					continue
				}
				t.Logf("%s %v: %s", c.tool, c.args, text)
				if len(res.Content) != 1 || strings.Contains(text, "\n") || text == "" {
					t.Errorf("%s %v: not one line: %q", c.tool, c.args, text)
				}
				if !strings.Contains(text, c.says) {
					t.Errorf("%s %v: %q does not say %q", c.tool, c.args, text, c.says)
				}
			}
			if _, err := cs.ListTools(context.Background(), nil); err != nil {
				t.Errorf("server gone after bad input: %v", err)
			}
		})
	}
}

// TestHTTP: `podwhy mcp --http` serves the same tools over streamable HTTP.
func TestHTTP(t *testing.T) {
	cmd := exec.Command(bin, "mcp", "--http", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cmd.Process.Signal(os.Interrupt); cmd.Wait() }()
	sc := bufio.NewScanner(stderr)
	url := ""
	for sc.Scan() {
		if _, u, ok := strings.Cut(sc.Text(), " on "); ok {
			url = u
			break
		}
	}
	if !strings.HasPrefix(url, "http://127.0.0.1:") || !strings.HasSuffix(url, "/mcp") {
		t.Fatalf("no URL on stderr: %q", url)
	}
	go func() {
		for sc.Scan() {
		}
	}()
	cs, err := client().Connect(context.Background(), &sdk.StreamableClientTransport{Endpoint: url}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cs.Close()
	if init := cs.InitializeResult(); init.ServerInfo.Name != "podwhy" || init.Capabilities.Tools == nil {
		t.Errorf("initialize: %+v", init)
	}
	st, _, _ := ok[mcp.ExplainOutput](t, cs, "explain", map[string]any{"query": "Pending"})
	if st.State == nil || st.State.Name != "Pending" {
		t.Errorf("explain over HTTP: %+v", st)
	}
	data, err := os.ReadFile("../../examples/lab-capture/text/oom.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, _, _ := ok[report.Doc](t, cs, "diagnose", map[string]any{"text": string(data)})
	if len(doc.Findings) == 0 {
		t.Fatal("no finding over HTTP")
	}
	f, _, _ := ok[report.Finding](t, cs, "get_finding", map[string]any{"id": doc.Findings[0].ID})
	if f.ID != doc.Findings[0].ID {
		t.Errorf("get_finding over HTTP: %s", f.ID)
	}
}

// noBackend fails the test when a tool reaches it.
type noBackend struct{ t *testing.T }

func (b noBackend) Diagnose(context.Context, mcp.Request) (report.Doc, error) {
	b.t.Error("Diagnose called")
	return report.Doc{}, nil
}

func (b noBackend) ExplainMessage(context.Context, string, i18n.Lang) (report.Doc, error) {
	b.t.Error("ExplainMessage called")
	return report.Doc{}, nil
}

// TestNoFiles: the server podwhy serve mounts at /mcp reads no file for its
// callers.
func TestNoFiles(t *testing.T) {
	ct, st := sdk.NewInMemoryTransports()
	ss, err := mcp.New(noBackend{t}, mcp.Options{NoFiles: true}).Connect(context.Background(), st, nil)
	if err != nil {
		t.Fatal(err)
	}
	cs, err := client().Connect(context.Background(), ct, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { cs.Close(); ss.Wait() }()
	for _, tool := range []string{"diagnose", "get_finding"} {
		args := map[string]any{"files": []string{"/etc/passwd"}}
		if tool == "get_finding" {
			args["id"] = "abcdef123456"
		}
		res := call(t, cs, tool, args)
		if !res.IsError || !strings.Contains(texts(res), "reads no files") {
			t.Errorf("%s with files: %v %q", tool, res.IsError, texts(res))
		}
	}
}
