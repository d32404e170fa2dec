package serve_test

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	corev1 "k8s.io/api/core/v1"
	apierrors "k8s.io/apimachinery/pkg/api/errors"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	"k8s.io/client-go/kubernetes/fake"
	k8stesting "k8s.io/client-go/testing"

	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/serve"
	"github.com/podwhy/podwhy/internal/watch"
	"github.com/podwhy/podwhy/internal/watch/watchtest"
)

// started runs an engine over cs until the test ends and waits for its
// first diagnosis.
func started(t *testing.T, cs *fake.Clientset) *watch.Engine {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	e := watch.New(watch.Options{Debounce: 10 * time.Millisecond})
	if err := e.Start(ctx, cs); err != nil {
		cancel()
		t.Fatal(err)
	}
	t.Cleanup(func() { cancel(); e.Stop() })
	eventually(t, "ready", e.Ready)
	return e
}

// serveOn runs s.Serve on a fresh listener at addr until the test ends.
func serveOn(t *testing.T, s *serve.Server, addr string) string {
	t.Helper()
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	return ln.Addr().String()
}

func getHost(t *testing.T, addr, host, path string) (int, string) {
	t.Helper()
	req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
	req.Host = host
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r.StatusCode, string(b)
}

// TestHostCheck: on loopback without auth, a request naming another host
// (a page that rebound its own name to 127.0.0.1) is refused in one line;
// loopback names on any port and the listen address pass. The old server
// answered every Host.
func TestHostCheck(t *testing.T) {
	e := started(t, fake.NewClientset())
	addr := serveOn(t, serve.New(e, serve.Options{}), "127.0.0.1:0")
	port := addr[strings.LastIndex(addr, ":")+1:]
	checkHosts(t, addr, map[string]int{
		addr: 200, "localhost": 200, "LOCALHOST:1234": 200, "127.0.0.1:9": 200, "[::1]:8080": 200, "[::1]": 200,
		"evil.example": 403, "evil.example:" + port: 403, "localhost.evil.example": 403, "127.0.0.1.nip.io": 403,
	})
}

// TestAllowedHosts: --allowed-host adds a name on any port, or a name with
// its port.
func TestAllowedHosts(t *testing.T) {
	e := started(t, fake.NewClientset())
	addr := serveOn(t, serve.New(e, serve.Options{AllowedHosts: []string{"podwhy.internal", "dash.example:8443"}}), "127.0.0.1:0")
	checkHosts(t, addr, map[string]int{
		"localhost": 200, "podwhy.internal": 200, "podwhy.internal:80": 200, "dash.example:8443": 200,
		"dash.example": 403, "dash.example:80": 403, "evil.example": 403,
	})
}

// TestMCPMount: Options.MCP answers at /mcp, every method, behind the Host
// check like the rest.
func TestMCPMount(t *testing.T) {
	e := started(t, fake.NewClientset())
	mcp := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprintf(w, "mcp %s", r.Method) })
	addr := serveOn(t, serve.New(e, serve.Options{MCP: mcp}), "127.0.0.1:0")
	if code, body := getHost(t, addr, "localhost", "/mcp"); code != 200 || body != "mcp GET" {
		t.Errorf("GET /mcp: %d %q", code, body)
	}
	r, err := http.Post("http://"+addr+"/mcp", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if string(b) != "mcp POST" {
		t.Errorf("POST /mcp: %d %q", r.StatusCode, b)
	}
	if code, _ := getHost(t, addr, "evil.example", "/mcp"); code != 403 {
		t.Errorf("/mcp for another Host: %d", code)
	}
	if code, _ := getHost(t, addr, "localhost", "/mcp/other"); code == 200 {
		t.Errorf("/mcp/other answered")
	}
}

func checkHosts(t *testing.T, addr string, want map[string]int) {
	t.Helper()
	for host, code := range want {
		for _, path := range []string{"/api/v1/findings", "/metrics", "/", "/healthz"} {
			got, body := getHost(t, addr, host, path)
			if got != code {
				t.Errorf("Host %q %s: %d, want %d", host, path, got, code)
			} else if code == 403 && (strings.Count(strings.TrimSpace(body), "\n") != 0 || !strings.Contains(body, "not allowed")) {
				t.Errorf("Host %q: body %q, want one line", host, body)
			}
		}
	}
}

// TestStreamCap: the 101st concurrent event stream gets 503 with
// Retry-After, and a slot frees when a stream ends. The old server took
// every stream (a flood of 3,000 was accepted).
func TestStreamCap(t *testing.T) {
	e := started(t, fake.NewClientset())
	ts := httptest.NewServer(serve.New(e, serve.Options{}).Handler())
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{}}
	defer client.CloseIdleConnections()
	open := func() (*http.Response, context.CancelFunc) {
		t.Helper()
		ctx, cancel := context.WithCancel(context.Background())
		req, _ := http.NewRequestWithContext(ctx, "GET", ts.URL+"/api/v1/events", nil)
		r, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		return r, cancel
	}
	var cancels []context.CancelFunc
	defer func() {
		for _, c := range cancels {
			c()
		}
	}()
	for i := 0; i < 100; i++ {
		r, cancel := open()
		cancels = append(cancels, cancel)
		if r.StatusCode != 200 {
			t.Fatalf("stream %d: %d", i+1, r.StatusCode)
		}
		// Read up to the hello: the stream holds its slot by then.
		sc := bufio.NewScanner(r.Body)
		for sc.Scan() && !strings.HasPrefix(sc.Text(), "event: hello") {
		}
	}
	r, cancel := open()
	if r.StatusCode != http.StatusServiceUnavailable {
		cancel() // an accepted stream never ends on its own
		t.Fatalf("stream 101: %d, want 503", r.StatusCode)
	}
	b, _ := io.ReadAll(r.Body)
	cancel()
	if r.Header.Get("Retry-After") == "" || !strings.Contains(string(b), "too many event streams") {
		t.Fatalf("stream 101: Retry-After %q %s", r.Header.Get("Retry-After"), b)
	}
	cancels[0]()
	eventually(t, "a freed slot", func() bool {
		r, cancel := open()
		defer cancel()
		if r.StatusCode == 200 {
			cancels[0] = cancel
			return true
		}
		io.Copy(io.Discard, r.Body)
		return false
	})
}

// TestTimeouts: a client that never finishes its headers and a kept-alive
// connection left idle are closed; an event stream outlives the read and
// write timeouts and still delivers changes. The old server had neither
// ReadTimeout nor IdleTimeout.
func TestTimeouts(t *testing.T) {
	cs := fake.NewClientset()
	e := started(t, cs)
	const limit = 300 * time.Millisecond
	s := serve.New(e, serve.Options{ReadTimeout: limit, WriteTimeout: limit, IdleTimeout: limit, Heartbeat: 50 * time.Millisecond})
	addr := serveOn(t, s, "127.0.0.1:0")

	closedWithin := func(what string, c net.Conn, d time.Duration) {
		t.Helper()
		c.SetReadDeadline(time.Now().Add(d))
		if _, err := io.Copy(io.Discard, c); err != nil {
			t.Errorf("%s: connection still open after %s: %v", what, d, err)
		}
	}
	slow, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer slow.Close()
	io.WriteString(slow, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
	closedWithin("unfinished headers", slow, 3*time.Second)

	idle, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer idle.Close()
	io.WriteString(idle, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	br := bufio.NewReader(idle)
	resp, err := http.ReadResponse(br, nil)
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	io.Copy(io.Discard, resp.Body)
	idle.SetReadDeadline(time.Now().Add(3 * time.Second))
	if _, err := br.ReadByte(); err != io.EOF {
		t.Errorf("idle kept-alive connection: %v, want closed (EOF)", err)
	}

	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stream := sse(t, ctx, "http://"+addr+"/api/v1/events")
	waitEvent(t, stream, "hello", "ready")
	time.Sleep(5 * limit)
	if err := watchtest.CreateImagePullPod(ctx, cs, "shop", "inventory", time.Now()); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, stream, "opened", "Image/NotFound")
}

// TestSecretsForbidden: with the default role (no Secrets), a pull refused
// for credentials says the pull secrets could not be checked — never that
// one is missing — and the notes name the permission that would check
// them. With Secrets listable, the same pod's missing secret is named.
func TestSecretsForbidden(t *testing.T) {
	for _, forbidden := range []bool{true, false} {
		cs := fake.NewClientset()
		if forbidden {
			cs.PrependReactor("list", "secrets", func(k8stesting.Action) (bool, runtime.Object, error) {
				return true, nil, apierrors.NewForbidden(schema.GroupResource{Resource: "secrets"}, "", nil)
			})
		}
		ctx := context.Background()
		if err := createAuthFailure(ctx, cs); err != nil {
			t.Fatal(err)
		}
		e := started(t, cs)
		ts := httptest.NewServer(serve.New(e, serve.Options{}).Handler())
		var doc report.Doc
		_, body := get(t, ts.URL+"/api/v1/findings")
		ts.Close()
		if err := json.Unmarshal(body, &doc); err != nil || len(doc.Findings) != 1 {
			t.Fatalf("forbidden=%v: %s", forbidden, body)
		}
		f := doc.Findings[0]
		notes := strings.Join(doc.Notes, "\n")
		if forbidden {
			if f.Reason != "Image/Auth" || !strings.Contains(f.Headline, "could not be checked") || strings.Contains(f.Headline, "regcred") {
				t.Errorf("secrets forbidden: %s: %s", f.Reason, f.Headline)
			}
			if !strings.Contains(notes, `"secrets" cluster-wide`) {
				t.Errorf("secrets forbidden: notes %q do not name the permission", notes)
			}
		} else if !strings.Contains(f.Headline, "regcred does not exist") || strings.Contains(notes, "secrets") {
			t.Errorf("secrets listable: %s; notes %q", f.Headline, notes)
		}
	}
}

// createAuthFailure makes watchtest's pull failure one of credentials (the
// test registry's 401, as the lab captured it) with a pull secret regcred
// that does not exist.
func createAuthFailure(ctx context.Context, cs *fake.Clientset) error {
	img := watchtest.Image
	notFound := `rpc error: code = NotFound desc = failed to pull and unpack image "` + img + `": failed to resolve reference "` + img + `": ` + img + `: not found`
	denied := `failed to pull and unpack image "` + img + `": failed to resolve reference "` + img + `": pulling from host 127.0.0.1:5001 failed with status code [manifests 2.4.1]: 401 Unauthorized`
	p, evs := watchtest.ImagePullPod("shop", "billing", time.Now(), 10*time.Minute)
	p.Spec.ImagePullSecrets = []corev1.LocalObjectReference{{Name: "regcred"}}
	w := p.Status.ContainerStatuses[0].State.Waiting
	w.Message = strings.ReplaceAll(w.Message, notFound, denied)
	if _, err := cs.CoreV1().Nodes().Create(ctx, watchtest.Node(watchtest.NodeName, time.Now()), metav1.CreateOptions{}); err != nil {
		return err
	}
	if _, err := cs.CoreV1().Pods("shop").Create(ctx, p, metav1.CreateOptions{}); err != nil {
		return err
	}
	for _, ev := range evs {
		ev.Message = strings.ReplaceAll(ev.Message, notFound, denied)
		if _, err := cs.CoreV1().Events("shop").Create(ctx, ev, metav1.CreateOptions{}); err != nil {
			return err
		}
	}
	return nil
}
