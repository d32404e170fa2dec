package testcluster

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Versions of everything the cluster builds from the Go module proxy.
const (
	KubeVersion = "v1.37.2"
	EtcdVersion = "v3.6.8"
)

// kubeBinaries are built from hack/testcluster/tools (a module of its own).
var kubeBinaries = []string{"kube-apiserver", "kube-controller-manager", "kube-scheduler", "kubectl", "kubelet"}

func run(dir string, env []string, name string, args ...string) error {
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		return fmt.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(string(out), 20))
	}
	return nil
}

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// goInstall builds a command from the module proxy into the binary cache
// unless it is there already.
func (c *Cluster) goInstall(name, pkg, version string) error {
	if exists(filepath.Join(c.BinDir, name)) {
		return nil
	}
	c.logf("building %s %s", name, version)
	return run("/", []string{"GOBIN=" + c.BinDir}, "go", "install", pkg+"@"+version)
}

// EnsureBinaries builds what is missing from the version-keyed cache.
func (c *Cluster) EnsureBinaries() error {
	if err := os.MkdirAll(c.BinDir, 0o755); err != nil {
		return err
	}
	ld := "-s -w"
	for _, p := range []string{"k8s.io/component-base/version", "k8s.io/client-go/pkg/version"} {
		ld += fmt.Sprintf(" -X %[1]s.gitVersion=%[2]s -X %[1]s.gitMajor=1 -X %[1]s.gitMinor=37 -X %[1]s.gitTreeState=clean", p, KubeVersion)
	}
	tools := filepath.Join(c.Repo, "hack", "testcluster", "tools")
	for _, b := range kubeBinaries {
		out := filepath.Join(c.BinDir, b)
		if exists(out) {
			continue
		}
		c.logf("building %s %s (cold: minutes)", b, KubeVersion)
		if err := run(tools, []string{"GOFLAGS=-mod=mod"}, "go", "build", "-ldflags", ld, "-o", out, "k8s.io/kubernetes/cmd/"+b); err != nil {
			return err
		}
	}
	// A static kubectl for the image a pod runs it in (the host's is
	// linked against glibc, which busybox images do not have).
	if out := filepath.Join(c.BinDir, "kubectl-static"); !exists(out) {
		c.logf("building static kubectl %s", KubeVersion)
		if err := run(tools, []string{"GOFLAGS=-mod=mod", "CGO_ENABLED=0"}, "go", "build", "-ldflags", ld, "-o", out, "k8s.io/kubernetes/cmd/kubectl"); err != nil {
			return err
		}
	}
	if err := c.goInstall("kwok", "sigs.k8s.io/kwok/cmd/kwok", KwokVersion); err != nil {
		return err
	}
	if err := c.goInstall("registry", "github.com/distribution/distribution/v3/cmd/registry", RegistryVersion); err != nil {
		return err
	}
	if out := filepath.Join(c.BinDir, "etcd"); !exists(out) {
		c.logf("building etcd %s", EtcdVersion)
		// go install refuses etcd's replace directives; a throwaway module
		// that requires it builds fine.
		mod, err := os.MkdirTemp("", "etcd-build-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(mod)
		gomod := "module etcdbuild\n\ngo 1.26\n"
		if err := os.WriteFile(filepath.Join(mod, "go.mod"), []byte(gomod), 0o644); err != nil {
			return err
		}
		if err := run(mod, nil, "go", "get", "go.etcd.io/etcd/server/v3@"+EtcdVersion); err != nil {
			return err
		}
		if err := run(mod, nil, "go", "build", "-o", out, "go.etcd.io/etcd/server/v3"); err != nil {
			return err
		}
	}
	return nil
}
