package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"sigs.k8s.io/yaml"
)

// TestK9sPlugins: every entry of dist/k9s/plugins.yaml, with the values
// k9s substitutes for the selected row, runs through a real sh, calls
// kubectl as the plugin "why" and hands podwhy arguments it accepts (run
// here against the shipped example), and pages the report. The file's
// schema is checked against k9s's own in hack/release.
func TestK9sPlugins(t *testing.T) {
	data, err := os.ReadFile("../../dist/k9s/plugins.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var file struct {
		Plugins map[string]struct {
			ShortCut   string   `json:"shortCut"`
			Scopes     []string `json:"scopes"`
			Command    string   `json:"command"`
			Args       []string `json:"args"`
			Background bool     `json:"background"`
			Confirm    bool     `json:"confirm"`
			Desc       string   `json:"description"`
		} `json:"plugins"`
	}
	if err := yaml.UnmarshalStrict(data, &file); err != nil {
		t.Fatal(err)
	}
	scopes := map[string]bool{}
	// Stand-ins on PATH: kubectl records what it was given, less and tput
	// are what a terminal has.
	bin := t.TempDir()
	argsFile := filepath.Join(bin, "args")
	stubs := map[string]string{
		"kubectl": "#!/bin/sh\nprintf '%s\\n' \"$@\" > " + argsFile + "\necho report\n",
		"less":    "#!/bin/sh\ncat\n",
		"tput":    "#!/bin/sh\necho 132\n",
	}
	for name, script := range stubs {
		if err := os.WriteFile(filepath.Join(bin, name), []byte(script), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	for key, p := range file.Plugins {
		for _, s := range p.Scopes {
			scopes[s] = true
		}
		if p.Command != "sh" || len(p.Args) != 2 || p.Args[0] != "-c" || p.Background {
			t.Errorf("%s: want a foreground sh -c LINE, got %s %q", key, p.Command, p.Args)
			continue
		}
		name := "web"
		switch p.Scopes[0] {
		case "namespaces":
			name = "shop"
		case "nodes":
			name = "worker-2"
		}
		line := strings.NewReplacer("$CONTEXT", "kind-test", "$NAMESPACE", "shop", "$NAME", name).Replace(p.Args[1])
		os.Remove(argsFile)
		cmd := exec.Command("sh", "-c", line)
		cmd.Env = append(os.Environ(), "PATH="+bin+":"+os.Getenv("PATH"))
		out, err := cmd.CombinedOutput()
		if err != nil || strings.TrimSpace(string(out)) != "report" {
			t.Errorf("%s: sh -c %q: %v %s", key, line, err, out)
			continue
		}
		recorded, err := os.ReadFile(argsFile)
		if err != nil {
			t.Errorf("%s: kubectl was not called", key)
			continue
		}
		args := strings.Split(strings.TrimSuffix(string(recorded), "\n"), "\n")
		if args[0] != "why" || slices.Contains(args, "") {
			t.Errorf("%s: kubectl %q: not the plugin why, or a blank argument", key, args)
			continue
		}
		code, stdout, stderr := runCLI(t, "", append(args[1:], "-f", "../../examples/broken-cluster")...)
		if code == ExitUsage || stdout == "" {
			t.Errorf("%s: kubectl-why %q: exit %d %s", key, args[1:], code, stderr)
		}
	}
	for _, s := range []string{"pods", "deployments", "statefulsets", "daemonsets", "jobs", "cronjobs", "namespaces", "nodes"} {
		if !scopes[s] {
			t.Errorf("no plugin for k9s's %s view", s)
		}
	}
}
