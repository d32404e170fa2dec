//go:build e2e

package e2e

import (
	"context"
	"encoding/json"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	sdk "github.com/modelcontextprotocol/go-sdk/mcp"

	"github.com/podwhy/podwhy/internal/lab"
)

// TestMCP: an AI assistant's view of the real cluster. podwhy mcp runs as
// a process over stdio with the cluster's kubeconfig; a failure the real
// kubelet makes arrives through the diagnose tool with the same finding ID
// as podwhy -o json gives, get_finding returns its steps as argv, and a
// target that does not exist is one line of tool error.
func TestMCP(t *testing.T) {
	c := cluster(t)
	cs, err := c.Client()
	if err != nil {
		t.Fatal(err)
	}
	repo, _ := filepath.Abs("..")
	bin := filepath.Join(t.TempDir(), "podwhy")
	if out, err := exec.Command("go", "build", "-o", bin, filepath.Join(repo, "cmd", "podwhy")).CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	ctx := context.Background()
	sc, err := lab.Get("crash-exit")
	if err != nil {
		t.Fatal(err)
	}
	if err := lab.Apply(ctx, cs, sc); err != nil {
		t.Fatal(err)
	}
	defer lab.Delete(context.Background(), cs, "crash-exit")

	client := sdk.NewClient(&sdk.Implementation{Name: "podwhy-e2e", Version: "1"}, nil)
	session, err := client.Connect(ctx, &sdk.CommandTransport{Command: exec.Command(bin, "mcp", "--kubeconfig", c.Kubeconfig())}, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer session.Close()
	call := func(tool string, args map[string]any) (*sdk.CallToolResult, json.RawMessage) {
		t.Helper()
		cctx, cancel := context.WithTimeout(ctx, time.Minute)
		defer cancel()
		res, err := session.CallTool(cctx, &sdk.CallToolParams{Name: tool, Arguments: args})
		if err != nil {
			t.Fatalf("%s: %v", tool, err)
		}
		raw, _ := json.Marshal(res.StructuredContent)
		return res, raw
	}

	var found finding
	if err := waitUntil(2*time.Minute, func() bool {
		res, raw := call("diagnose", map[string]any{"namespace": sc.Namespace()})
		var d doc
		if res.IsError || json.Unmarshal(raw, &d) != nil {
			return false
		}
		for _, f := range d.Findings {
			if f.Reason == sc.Reason {
				found = f
				return true
			}
		}
		return false
	}); err != nil {
		t.Fatalf("diagnose over MCP never gave %s in %s", sc.Reason, sc.Namespace())
	}
	_, d, _ := podwhy(t, "--kubeconfig", c.Kubeconfig(), "-n", sc.Namespace())
	same := false
	for _, f := range d.Findings {
		same = same || f.ID == found.ID
	}
	if !same {
		t.Errorf("MCP finding %s (%s) is not among podwhy -o json's: %+v", found.ID, found.Reason, d.Findings)
	}

	res, raw := call("get_finding", map[string]any{"id": found.ID[:8]})
	var got struct {
		ID    string `json:"id"`
		Steps []struct {
			Argv []string `json:"argv"`
		} `json:"steps"`
	}
	json.Unmarshal(raw, &got)
	if res.IsError || got.ID != found.ID || len(got.Steps) == 0 {
		t.Fatalf("get_finding %s: %s", found.ID, raw)
	}
	argv := 0
	for _, s := range got.Steps {
		if len(s.Argv) > 0 {
			argv++
		}
	}
	if argv == 0 {
		t.Errorf("get_finding: no step with argv: %s", raw)
	}

	res, _ = call("diagnose", map[string]any{"namespace": sc.Namespace(), "target": "deploy/no-such-thing"})
	if text := toolText(res); res.IsError && strings.Contains(text, "\n") {
		t.Errorf("a missing target: %q, want one line", text)
	}
}

func toolText(res *sdk.CallToolResult) string {
	var b strings.Builder
	for _, c := range res.Content {
		if tc, ok := c.(*sdk.TextContent); ok {
			b.WriteString(tc.Text)
		}
	}
	return strings.TrimSpace(b.String())
}
