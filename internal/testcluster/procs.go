package testcluster

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// start runs a daemon in its own session, so it outlives the command that
// started it, with its output in logs/NAME.log and its pid in pids/NAME.
func (c *Cluster) start(name, bin string, args ...string) error {
	if err := os.MkdirAll(c.path("logs"), 0o755); err != nil {
		return err
	}
	if err := os.MkdirAll(c.path("pids"), 0o755); err != nil {
		return err
	}
	log, err := os.OpenFile(c.path("logs", name+".log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	defer log.Close()
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = log, log
	cmd.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
	cmd.Env = append(os.Environ(), "PATH="+c.BinDir+":"+os.Getenv("PATH"))
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start %s: %w", name, err)
	}
	go cmd.Wait() // reap if we are still around when it exits
	return os.WriteFile(c.path("pids", name), []byte(strconv.Itoa(cmd.Process.Pid)), 0o644)
}

func (c *Cluster) pid(name string) int {
	b, err := os.ReadFile(c.path("pids", name))
	if err != nil {
		return 0
	}
	p, _ := strconv.Atoi(strings.TrimSpace(string(b)))
	return p
}

// Running reports whether a component's process is alive.
func (c *Cluster) Running(name string) bool {
	p := c.pid(name)
	return p > 0 && syscall.Kill(p, 0) == nil
}

// Stop stops one component: SIGTERM, then SIGKILL after the timeout (the
// apiserver can take over 10 s to exit).
func (c *Cluster) Stop(name string, timeout time.Duration) {
	p := c.pid(name)
	if p <= 0 {
		return
	}
	_ = syscall.Kill(p, syscall.SIGTERM)
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		if syscall.Kill(p, 0) != nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	_ = syscall.Kill(p, syscall.SIGKILL)
	_ = os.Remove(c.path("pids", name))
}

// logTail returns the last lines of a component's log, for error messages.
func (c *Cluster) logTail(name string, n int) string {
	b, _ := os.ReadFile(c.path("logs", name+".log"))
	lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

func (c *Cluster) path(parts ...string) string {
	return filepath.Join(append([]string{c.Dir}, parts...)...)
}

func waitFor(what string, timeout time.Duration, f func() error) error {
	deadline := time.Now().Add(timeout)
	var err error
	for time.Now().Before(deadline) {
		if err = f(); err == nil {
			return nil
		}
		time.Sleep(250 * time.Millisecond)
	}
	return fmt.Errorf("%s not ready after %s: %v", what, timeout, err)
}
