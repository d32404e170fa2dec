//go:build e2e

package e2e

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/shell/shelltest"
	"github.com/podwhy/podwhy/internal/testcluster"
)

// notProvable are the kubectl commands the API server cannot accept as a
// dry run, and why; each is still checked to be what podwhy printed.
var notProvable = map[string]string{
	"top":   "needs the metrics API, which the test cluster does not serve",
	"debug": "kubectl debug has no dry run; it creates a copy of the pod and attaches a terminal",
}

// nodeSide are the programs of steps run on a node, not against the API.
var nodeSide = []string{"journalctl", "systemctl", "crictl", "ctr", "docker", "crane", "curl", "nslookup", "cat", "mkdir", "cp",
	"ls", "find", "fuser", "df", "dmesg", "grep", "printf"}

// proveSteps runs the steps of every lab finding on the real cluster:
// each kubectl command that changes the cluster as --dry-run=server (the
// API server must accept it), each read-only one as it is (exit 0), with
// the placeholders filled the way a reader would. The printed line is
// also run through sh -c, which must give kubectl the same arguments.
// atLeast is how many steps the findings must have let it prove.
func proveSteps(t *testing.T, c *testcluster.Cluster, d doc, atLeast int) {
	dir := t.TempDir()
	manifest := filepath.Join(dir, "manifest.yaml")
	os.WriteFile(manifest, []byte("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: podwhy-e2e-probe}\ndata: {a: b}\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "file.txt"), []byte("x"), 0o644)
	// kubectl and this cluster for the commands as printed.
	env := append(os.Environ(), "KUBECONFIG="+c.Kubeconfig(), "PATH="+c.BinDir+":"+os.Getenv("PATH"), "KUBE_EDITOR=true")
	run := func(argv []string) (string, error) {
		cmd := exec.Command(argv[0], argv[1:]...)
		cmd.Dir, cmd.Env = dir, env
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		done := make(chan error, 1)
		if err := cmd.Start(); err != nil {
			return "", err
		}
		go func() { done <- cmd.Wait() }()
		select {
		case err := <-done:
			return out.String(), err
		case <-time.After(90 * time.Second):
			cmd.Process.Kill()
			return out.String(), os.ErrDeadlineExceeded
		}
	}
	os.Remove(injectionMarker)
	nodeOut, _ := run([]string{"kubectl", "get", "nodes", "-o", "jsonpath={.items[0].metadata.name}"})
	proved, skipped := 0, map[string]int{}
	for _, f := range d.Findings {
		if !strings.HasPrefix(f.Namespace, "podwhy-lab-") {
			continue
		}
		fill := fillFor(f, dir, manifest, strings.TrimSpace(nodeOut))
		for _, s := range f.Steps {
			if len(s.Argv) == 0 {
				continue
			}
			built := shell.Cmd{Argv: s.Argv, Then: s.Then, Out: s.OutputFile}
			back, err := shelltest.Parse(s.Command)
			if err != nil || !slices.Equal(back.Argv, built.Argv) || len(back.Then) != len(built.Then) || back.Out != built.Out {
				t.Errorf("%s %s: %q does not read back as its argv %q (%v)", f.Namespace, f.Reason, s.Command, s.Argv, err)
				continue
			}
			if s.Argv[0] != "kubectl" {
				if !slices.Contains(nodeSide, s.Argv[0]) {
					t.Errorf("%s %s: %s: neither kubectl nor a known node-side program", f.Namespace, f.Reason, s.Command)
				}
				skipped["runs on a node, not against the API server"]++
				continue
			}
			filled := built.Fill(fill)
			if left := filled.Placeholders(); len(left) > 0 {
				t.Errorf("%s %s: no test value for placeholders %v in %s", f.Namespace, f.Reason, left, s.Command)
				continue
			}
			argv := filled.Argv
			if why, ok := notProvable[kubectlVerb(argv)]; ok {
				skipped[why]++
				continue
			}
			if s.Changes && len(filled.Then) > 0 {
				// A pipeline that changes the cluster (create … -o yaml |
				// kubectl apply -f -): the whole line through the shell,
				// each kubectl in it a server dry run.
				line := filled
				if !slices.ContainsFunc(line.Argv, func(a string) bool { return strings.HasPrefix(a, "--dry-run") }) {
					line.Argv = withDryRun(line.Argv)
				}
				for i, l := range line.Then {
					if len(l.Argv) > 0 && l.Argv[0] == "kubectl" && !slices.ContainsFunc(l.Argv, func(a string) bool { return strings.HasPrefix(a, "--dry-run") }) {
						line.Then[i].Argv = withDryRun(l.Argv)
					}
				}
				if out, err := run([]string{"sh", "-c", line.String()}); err != nil {
					t.Errorf("%s %s: sh -c %q: %v\n%s", f.Namespace, f.Reason, line.String(), err, out)
				}
				proved++
				continue
			}
			if s.Changes {
				argv = withDryRun(argv)
			}
			if kubectlVerb(argv) == "replace" && slices.Contains(argv, "--force") {
				// kubectl refuses --dry-run with --force: the lab's bare pod
				// is re-created for real, from the manifest the step before
				// saved.
				argv = slices.DeleteFunc(slices.Clone(argv), func(a string) bool { return a == "--dry-run=server" })
			}
			if filled.Out != "" {
				// kubectl get … > file: the file the next step reads.
				out, err := run(argv)
				if err == nil {
					err = os.WriteFile(filepath.Join(dir, filled.Out), []byte(out), 0o644)
				}
				if err != nil {
					t.Errorf("%s %s: %s: %v\n%s", f.Namespace, f.Reason, strings.Join(argv, " "), err, out)
				}
				proved++
				continue
			}
			out, err := run(argv)
			if err != nil && answeredNo(argv, out) {
				// kubectl auth can-i exits 1 when the answer is no: the
				// answer the finding says the cluster gives.
				err = nil
			}
			switch {
			case kubectlVerb(argv) == "exec":
				// The command in the container is the probe, which fails:
				// that it ran is the proof.
				// A container in back-off is not found by exec: that is the
				// crash, not the step.
				if regexp.MustCompile(`(?i)pods? "[^"]*" not found|is not valid for pod|error: (?:unknown|invalid)`).MatchString(out) {
					t.Errorf("%s %s: %s: %s", f.Namespace, f.Reason, s.Command, out)
				}
			case err != nil:
				t.Errorf("%s %s: %s (as %q): %v\n%s", f.Namespace, f.Reason, s.Command, argv, err, out)
			}
			proved++
			if !s.Changes && filled.Out == "" {
				// The printed line through a shell: the same kubectl call.
				if out, err := run([]string{"sh", "-c", filled.String()}); err != nil && !answeredNo(argv, out) && len(s.Then) == 0 && kubectlVerb(argv) != "exec" && kubectlVerb(argv) != "replace" {
					t.Errorf("%s %s: sh -c %q: %v", f.Namespace, f.Reason, filled.String(), err)
				}
			}
		}
	}
	if _, err := os.Stat(injectionMarker); err == nil {
		t.Errorf("a printed step ran part of a probe command in this shell (%s exists)", injectionMarker)
	}
	t.Logf("steps proved on the cluster: %d; not run here: %v", proved, skipped)
	if proved < atLeast {
		t.Errorf("only %d steps proved, want at least %d", proved, atLeast)
	}
}

// answeredNo tells a kubectl auth can-i that ran and said no (exit 1)
// from one that failed.
func answeredNo(argv []string, out string) bool {
	return kubectlVerb(argv) == "auth" && strings.HasPrefix(strings.TrimSpace(out), "no")
}

// injectionMarker is what the liveness scenario's probe would create on
// this machine if a printed step let its ; reach the shell.
const injectionMarker = "/tmp/podwhy-e2e-marker"

func kubectlVerb(argv []string) string {
	for i := 1; i < len(argv); i++ {
		switch argv[i] {
		case "-n", "--namespace", "--kubeconfig", "--context":
			i++
		default:
			if !strings.HasPrefix(argv[i], "-") {
				return argv[i]
			}
		}
	}
	return ""
}

// withDryRun adds --dry-run=server before any "--"; edit has no dry run,
// and runs with an editor that changes nothing (KUBE_EDITOR=true).
func withDryRun(argv []string) []string {
	if kubectlVerb(argv) == "edit" {
		return argv
	}
	out := slices.Clone(argv)
	if i := slices.Index(out, "--"); i >= 0 {
		return slices.Insert(out, i, "--dry-run=server")
	}
	return append(out, "--dry-run=server")
}

// fillFor gives each placeholder the value a reader would type.
func fillFor(f finding, dir, manifest, anyNode string) map[string]string {
	pod, node := "", f.Node
	if len(f.Pods) > 0 {
		pod = f.Pods[0].Name
		if node == "" {
			node = f.Pods[0].Node
		}
	}
	if node == "" {
		node = anyNode
	}
	m := map[string]string{
		"pod": pod, "container": f.Container, "node": node, "namespace": f.Namespace,
		"tag": "1.36", "image": "docker.io/library/busybox:1.36",
		"smaller": "10m", "larger": "256Mi", "actual use": "64Mi", "within range": "100m",
		"user": "u", "password": "p", "key": "k", "value": "v", "path": filepath.Join(dir, "file.txt"),
		"manifest.yaml": manifest, "registry": "registry.example.com", "project": "p", "repository": "r",
	}
	for k, v := range m {
		if v == "" {
			// Left as a placeholder: the test then says it has no value.
			delete(m, k)
		}
	}
	return m
}
