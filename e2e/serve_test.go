//go:build e2e

package e2e

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/lab"
	"github.com/podwhy/podwhy/internal/testcluster"
)

// served is a podwhy serve process running as the ServiceAccount of
// deploy/serve.yaml, as it would in the cluster.
type served struct {
	cmd  *exec.Cmd
	base string
	// token is the ServiceAccount's, the one podwhy itself uses.
	token string
	mu    sync.Mutex
	log   strings.Builder
	done  chan error
}

func (s *served) get(t *testing.T, path string) (int, string) {
	t.Helper()
	return s.getAs(t, "", path)
}

// getAs sends bearer (when not empty) as the request's token.
func (s *served) getAs(t *testing.T, bearer, path string) (int, string) {
	t.Helper()
	req, err := http.NewRequest("GET", s.base+path, nil)
	if err != nil {
		return 0, err.Error()
	}
	if bearer != "" {
		req.Header.Set("Authorization", "Bearer "+bearer)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func (s *served) logs() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.log.String()
}

func kubectlRun(t *testing.T, c *testcluster.Cluster, stdin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(filepath.Join(c.BinDir, "kubectl"), append([]string{"--kubeconfig", c.Kubeconfig()}, args...)...)
	if stdin != "" {
		cmd.Stdin = strings.NewReader(stdin)
	}
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("kubectl %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

// startServe applies deploy/serve.yaml and deploy/serve-events.yaml (with
// the Deployment scaled to 0: no image can be built here), and runs the
// binary with that ServiceAccount's token and extra flags. The role is
// deploy/serve.yaml's default one, without Secrets
// (deploy/rbac-secrets.yaml is not applied).
func startServe(t *testing.T, c *testcluster.Cluster, extra ...string) *served {
	t.Helper()
	repo, _ := filepath.Abs("..")
	bin := filepath.Join(t.TempDir(), "podwhy")
	if out, err := exec.Command("go", "build", "-o", bin, filepath.Join(repo, "cmd", "podwhy")).CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	for _, f := range []string{"serve.yaml", "serve-events.yaml"} {
		data, err := os.ReadFile(filepath.Join(repo, "deploy", f))
		if err != nil {
			t.Fatal(err)
		}
		kubectlRun(t, c, string(data), "apply", "-f", "-")
	}
	kubectlRun(t, c, "", "-n", "podwhy", "scale", "deployment/podwhy", "--replicas=0")
	// The opt-in Secrets binding (deploy/rbac-secrets.yaml) stays out.
	kubectlRun(t, c, "", "delete", "clusterrolebinding", "podwhy-secrets-reader", "--ignore-not-found")
	token := strings.TrimSpace(kubectlRun(t, c, "", "-n", "podwhy", "create", "token", "podwhy", "--duration=1h"))
	addr := freePort(t)
	s := &served{base: "http://" + addr, token: token, done: make(chan error, 1)}
	s.cmd = exec.Command(bin, append([]string{"serve", "--addr", addr, "--server", "https://127.0.0.1:16443",
		"--certificate-authority", filepath.Join(c.Dir, "pki", "ca.crt"), "--token", token,
		"--emit-events", "--startup-grace", "20s", "--lang", "en"}, extra...)...)
	pr, pw := io.Pipe()
	s.cmd.Stdout, s.cmd.Stderr = pw, pw
	go func() {
		sc := bufio.NewScanner(pr)
		for sc.Scan() {
			s.mu.Lock()
			s.log.WriteString(sc.Text() + "\n")
			s.mu.Unlock()
		}
	}()
	if err := s.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { s.done <- s.cmd.Wait(); pw.Close() }()
	t.Cleanup(func() {
		if s.cmd.ProcessState == nil {
			s.cmd.Process.Kill()
		}
		if t.Failed() {
			t.Logf("serve log:\n%s", s.logs())
		}
	})
	if err := waitUntil(60*time.Second, func() bool { code, _ := s.get(t, "/readyz"); return code == 200 }); err != nil {
		t.Fatalf("serve not ready:\n%s", s.logs())
	}
	return s
}

type apiDoc struct {
	Findings []struct {
		ID, Reason, Namespace, Headline string
	}
	Notes []string
}

func (s *served) findings(t *testing.T, ns string) apiDoc {
	var d apiDoc
	if code, body := s.get(t, "/api/v1/findings?namespace="+ns); code == 200 {
		json.Unmarshal([]byte(body), &d)
	}
	return d
}

func (s *served) has(t *testing.T, ns, reason string) string {
	for _, f := range s.findings(t, ns).Findings {
		if f.Reason == reason {
			return f.ID
		}
	}
	return ""
}

// metric sums the series of a metric whose labels contain every given
// `k="v"` pair, and says whether there was any.
func (s *served) metric(t *testing.T, name string, labels ...string) (string, bool) {
	_, body := s.get(t, "/metrics")
	sum, found := 0.0, false
	for _, l := range strings.Split(body, "\n") {
		if !strings.HasPrefix(l, name+"{") && !strings.HasPrefix(l, name+" ") {
			continue
		}
		ok := true
		for _, want := range labels {
			ok = ok && strings.Contains(l, want)
		}
		if ok {
			f := strings.Fields(l)
			var v float64
			fmt.Sscan(f[len(f)-1], &v)
			sum, found = sum+v, true
		}
	}
	return strconv.FormatFloat(sum, 'g', -1, 64), found
}

// TestServe: podwhy serve in the cluster's own terms, with the default role
// of deploy/serve.yaml (no Secrets): lab scenarios applied one by one
// appear in /api/v1/findings and /metrics within seconds and resolve when
// deleted — a pull refused for credentials says its pull secret could not
// be checked, never that it is wrong — and the notes name the Secrets
// permission; each opened finding writes an Event; an API server restart
// loses nothing and changes after it still arrive; SIGTERM ends it
// cleanly.
func TestServe(t *testing.T) {
	c := cluster(t)
	cs, err := c.Client()
	if err != nil {
		t.Fatal(err)
	}
	s := startServe(t, c)
	ctx := context.Background()

	// Scenarios the real components produce quickly, and the healthy one.
	for _, name := range []string{"image-notfound", "image-auth-wrong-host", "config-missing", "taints", "crash-exit", "healthy"} {
		sc, err := lab.Get(name)
		if err != nil {
			t.Fatal(err)
		}
		ns := sc.Namespace()
		start := time.Now()
		if err := lab.Apply(ctx, cs, sc); err != nil {
			t.Fatal(err)
		}
		if sc.Reason == "-" {
			time.Sleep(20 * time.Second)
			if d := s.findings(t, ns); len(d.Findings) > 0 {
				t.Errorf("healthy: findings %+v", d.Findings)
			}
			_ = lab.Delete(ctx, cs, name)
			continue
		}
		id := ""
		if err := waitUntil(2*time.Minute, func() bool { id = s.has(t, ns, sc.Reason); return id != "" }); err != nil {
			t.Errorf("%s: %s not in /api/v1/findings: %+v", name, sc.Reason, s.findings(t, ns))
			continue
		}
		t.Logf("%-15s %s in the API after %s", name, sc.Reason, time.Since(start).Round(time.Second))
		if name == "image-auth-wrong-host" {
			// Its secret regcred holds another host; podwhy may not list
			// Secrets, so it must not claim anything about it.
			d := s.findings(t, ns)
			for _, f := range d.Findings {
				if f.Reason == sc.Reason && (!strings.Contains(f.Headline, "could not be checked") || strings.Contains(f.Headline, "regcred")) {
					t.Errorf("%s without Secrets: headline %q", name, f.Headline)
				}
			}
			if notes := strings.Join(d.Notes, "\n"); !strings.Contains(notes, `"secrets" cluster-wide`) {
				t.Errorf("%s: notes %q do not say Secrets could not be listed", name, notes)
			}
		}
		if v, ok := s.metric(t, "podwhy_findings", `namespace="`+ns+`"`, `reason="`+sc.Reason+`"`); !ok || v != "1" {
			t.Errorf("%s: metric podwhy_findings{reason=%q} = %q, %v", name, sc.Reason, v, ok)
		}
		if code, body := s.get(t, "/api/v1/findings/"+id); code != 200 || !strings.Contains(body, sc.Reason) {
			t.Errorf("%s: /api/v1/findings/%s: %d", name, id, code)
		}
		// --emit-events: an Event from podwhy on the finding's subject.
		if err := waitUntil(30*time.Second, func() bool {
			evs, _ := cs.CoreV1().Events(ns).List(ctx, metav1.ListOptions{})
			for _, e := range evs.Items {
				if e.Source.Component == "podwhy" || e.ReportingController == "podwhy" {
					return true
				}
			}
			return false
		}); err != nil {
			t.Errorf("%s: no Event from podwhy", name)
		}
		resolvedBefore, _ := s.metric(t, "podwhy_findings_resolved_total")
		if err := lab.Delete(ctx, cs, name); err != nil {
			t.Fatal(err)
		}
		start = time.Now()
		if err := waitUntil(2*time.Minute, func() bool { code, _ := s.get(t, "/api/v1/findings/"+id); return code == 404 }); err != nil {
			t.Errorf("%s: finding %s not resolved after the namespace was deleted", name, id)
			continue
		}
		t.Logf("%-15s resolved %s after deletion", name, time.Since(start).Round(time.Second))
		// (The namespace's pods may still show as Terminating meanwhile.)
		if _, ok := s.metric(t, "podwhy_findings", `namespace="`+ns+`"`, `reason="`+sc.Reason+`"`); ok {
			t.Errorf("%s: podwhy_findings{reason=%q} left after resolution", name, sc.Reason)
		}
		// The counters are a listener of the pass that published the
		// state, run just after it: the API can answer 404 a moment
		// before the counter moves.
		var after string
		if err := waitUntil(10*time.Second, func() bool {
			after, _ = s.metric(t, "podwhy_findings_resolved_total")
			return after != resolvedBefore
		}); err != nil {
			t.Errorf("%s: podwhy_findings_resolved_total stayed %s", name, after)
		}
	}

	// API server restart: a finding present before is still served during
	// the outage and after it, and a change made afterwards arrives.
	first, _ := lab.Get("image-never")
	if err := lab.Apply(ctx, cs, first); err != nil {
		t.Fatal(err)
	}
	defer lab.Delete(context.Background(), cs, "image-never")
	if err := waitUntil(2*time.Minute, func() bool { return s.has(t, first.Namespace(), first.Reason) != "" }); err != nil {
		t.Fatalf("image-never not found")
	}
	c.Stop("kube-apiserver", 20*time.Second)
	time.Sleep(5 * time.Second)
	if s.has(t, first.Namespace(), first.Reason) == "" {
		t.Error("finding lost while the API server is down")
	}
	// The README's claim: serve says it is not connected while the API
	// server is down (read off the informers' own refused retries).
	var during string
	if err := waitUntil(15*time.Second, func() bool {
		during, _ = s.metric(t, "podwhy_api_connected")
		return during == "0"
	}); err != nil {
		t.Errorf("podwhy_api_connected during the outage: %q, want 0", during)
	}
	if err := c.StartAPIServer(); err != nil {
		t.Fatal(err)
	}
	second, _ := lab.Get("config-key")
	if err := lab.Apply(ctx, cs, second); err != nil {
		t.Fatal(err)
	}
	defer lab.Delete(context.Background(), cs, "config-key")
	if err := waitUntil(2*time.Minute, func() bool { return s.has(t, second.Namespace(), second.Reason) != "" }); err != nil {
		t.Error("a change after the API server restart did not arrive")
	}
	if s.has(t, first.Namespace(), first.Reason) == "" {
		t.Error("finding lost after the API server restart")
	}
	if v, _ := s.metric(t, "podwhy_api_connected"); v != "1" {
		t.Errorf("podwhy_api_connected after the restart: %q", v)
	}

	// The page, in a real browser.
	browse(t, s.base, first.Reason)

	// SIGTERM: a graceful exit.
	s.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-s.done:
		if err != nil {
			t.Errorf("exit after SIGTERM: %v", err)
		}
	case <-time.After(20 * time.Second):
		t.Error("no exit 20s after SIGTERM")
	}
}

// TestServeAuth: serve --auth=kubernetes against the real API server, with
// deploy/serve.yaml's system:auth-delegator binding: no token or a forged
// one is 401; a real token whose user lacks podwhy-viewer (podwhy's own)
// is 403; a ServiceAccount bound to podwhy-viewer reads the page, the API
// and /metrics; the probes need no token.
func TestServeAuth(t *testing.T) {
	c := cluster(t)
	s := startServe(t, c, "--auth=kubernetes")
	kubectlRun(t, c, `apiVersion: v1
kind: ServiceAccount
metadata: {name: e2e-viewer, namespace: podwhy}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: ClusterRoleBinding
metadata: {name: podwhy-viewer-e2e}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: podwhy-viewer}
subjects:
- {kind: ServiceAccount, name: e2e-viewer, namespace: podwhy}
`, "apply", "-f", "-")
	t.Cleanup(func() {
		exec.Command(filepath.Join(c.BinDir, "kubectl"), "--kubeconfig", c.Kubeconfig(), "delete", "clusterrolebinding", "podwhy-viewer-e2e", "--ignore-not-found").Run()
	})
	viewer := strings.TrimSpace(kubectlRun(t, c, "", "-n", "podwhy", "create", "token", "e2e-viewer", "--duration=1h"))

	for _, p := range []string{"/healthz", "/readyz"} {
		if code, body := s.get(t, p); code != 200 {
			t.Errorf("%s without a token: %d %s", p, code, body)
		}
	}
	for _, p := range []string{"/", "/metrics", "/api/v1/findings", "/api/v1/status"} {
		for who, want := range map[string]int{"": 401, "forged": 401, s.token: 403} {
			if code, body := s.getAs(t, who, p); code != want {
				t.Errorf("%s with token %.10q: %d %s, want %d", p, who, code, body, want)
			}
		}
		// RBAC bindings take a moment to reach the authorizer's cache.
		if err := waitUntil(30*time.Second, func() bool { code, _ := s.getAs(t, viewer, p); return code == 200 }); err != nil {
			code, body := s.getAs(t, viewer, p)
			t.Errorf("%s as podwhy-viewer: %d %s", p, code, body)
		}
	}
	if _, body := s.getAs(t, s.token, "/api/v1/findings"); !strings.Contains(body, "system:serviceaccount:podwhy:podwhy") || !strings.Contains(body, "findings.podwhy.dev") {
		t.Errorf("403 does not say who lacks what: %s", body)
	}
	s.cmd.Process.Signal(syscall.SIGTERM)
	<-s.done
}

// browse loads the web page in headless Chromium: it must show the
// finding, open it to its evidence and commands, and switch to Chinese.
// Screenshots go to the test's artifact directory (go test -artifacts).
func browse(t *testing.T, base, reason string) {
	chrome, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal("chromium not installed (hack/e2e.sh installs it)")
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(chrome), chromedp.NoSandbox,
		chromedp.Flag("disable-background-networking", true), chromedp.WindowSize(390, 844))
	actx, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()
	ctx, cancel := chromedp.NewContext(actx)
	defer cancel()
	dir := t.ArtifactDir()
	// The first Run starts the browser; its context carries no timeout
	// (that would stop the browser), the steps after it do.
	if _, err := chromedp.Run(ctx, chromedp.EmulateViewport(390, 844)); err != nil {
		t.Fatalf("browser: %v", err)
	}
	if _, err := chromedp.Run(ctx, chromedp.Navigate(base+"/")); err != nil {
		t.Fatalf("browser: %v", err)
	}
	step := func(what string, a chromedp.Action[bool]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 60*time.Second)
		defer cancel()
		if _, err := chromedp.Run(sctx, a); err != nil {
			t.Fatalf("browser: %s: %v", what, err)
		}
	}
	shot := func(name string) {
		png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // 100: PNG
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), png, 0o644)
		}
		if err != nil {
			t.Errorf("screenshot %s: %v", name, err)
		}
	}
	step("live and listing findings", chromedp.Poll[bool](`!!document.querySelector('.conn[data-state="live"]') && !!document.querySelector('.finding')`))
	shot("phone.png")
	step("open the finding", chromedp.Evaluate[bool](fmt.Sprintf(`(() => { const h = [...document.querySelectorAll('.finding .head')].find(e => e.textContent.includes(%q)); if (h) h.click(); return !!h })()`, reason)))
	step("its details", chromedp.Poll[bool](`!!document.querySelector('.details') && document.querySelector('.details').offsetParent !== null`))
	details, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.querySelector('.details').innerText`))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(details, "kubectl") {
		t.Errorf("opened finding shows no commands: %q", details)
	}
	shot("opened.png")
	step("switch to Chinese", chromedp.Evaluate[bool](`(() => { document.querySelector('#lang').click(); return true })()`))
	step("Chinese page", chromedp.Poll[bool](`document.documentElement.lang === 'zh-CN'`))
	lang, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.documentElement.lang`))
	shot("zh.png")
	t.Logf("screenshots in %s (lang %s)", dir, lang)
}

// TestDeployManifests: the chart renders for each scope, and it and the
// plain manifests pass the API server's own validation (server-side dry
// run), RBAC and all. The ServiceMonitor needs the Prometheus Operator's
// CRD, which this cluster does not have.
func TestDeployManifests(t *testing.T) {
	c := cluster(t)
	repo, _ := filepath.Abs("..")
	helm, err := exec.LookPath("helm")
	if err != nil {
		t.Fatal("helm not installed (hack/e2e.sh installs it)")
	}
	for _, set := range [][]string{nil, {"--set", "watchNamespace=shop"}, {"--set", "events.enabled=true", "--set", "readSecrets=true",
		"--set", "auth.viewers[0].kind=ServiceAccount,auth.viewers[0].name=prometheus,auth.viewers[0].namespace=monitoring"}} {
		// Its own release and namespace: TestServe applied deploy/serve.yaml
		// as "podwhy" in "podwhy", whose selector differs.
		args := append([]string{"template", "pwchart", filepath.Join(repo, "charts", "podwhy"), "--namespace", "podwhy-chart"}, set...)
		out, err := exec.Command(helm, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("helm %v: %v\n%s", set, err, out)
		}
		if set != nil && set[1] == "watchNamespace=shop" {
			kubectlRun(t, c, "apiVersion: v1\nkind: Namespace\nmetadata: {name: shop}\n", "apply", "-f", "-")
		}
		kubectlRun(t, c, "apiVersion: v1\nkind: Namespace\nmetadata: {name: podwhy-chart}\n", "apply", "-f", "-")
		res := kubectlRun(t, c, string(out), "apply", "--dry-run=server", "-f", "-")
		if !strings.Contains(res, "(server dry run)") {
			t.Errorf("helm %v: %s", set, res)
		}
	}
	for _, f := range []string{"serve.yaml", "serve-events.yaml", "rbac.yaml", "rbac-secrets.yaml", "rbac-fix.yaml"} {
		data, err := os.ReadFile(filepath.Join(repo, "deploy", f))
		if err != nil {
			t.Fatal(err)
		}
		kubectlRun(t, c, string(data), "apply", "--dry-run=server", "-f", "-")
	}
}
