package serve_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes/fake"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/serve"
	"github.com/podwhy/podwhy/internal/watch"
	"github.com/podwhy/podwhy/internal/watch/watchtest"
)

func get(t *testing.T, url string) (int, []byte) {
	t.Helper()
	r, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	b, _ := io.ReadAll(r.Body)
	return r.StatusCode, b
}

func eventually(t *testing.T, what string, f func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !f() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// sse reads a server-sent event stream into a channel of "event\tdata".
func sse(t *testing.T, ctx context.Context, url string) <-chan string {
	t.Helper()
	req, _ := http.NewRequestWithContext(ctx, "GET", url, nil)
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "text/event-stream") {
		t.Fatalf("event stream content type %q", ct)
	}
	out := make(chan string, 100)
	go func() {
		defer r.Body.Close()
		defer close(out)
		sc := bufio.NewScanner(r.Body)
		sc.Buffer(nil, 1<<20)
		ev := ""
		for sc.Scan() {
			line := sc.Text()
			switch {
			case strings.HasPrefix(line, "event: "):
				ev = strings.TrimPrefix(line, "event: ")
			case strings.HasPrefix(line, "data: "):
				out <- ev + "\t" + strings.TrimPrefix(line, "data: ")
			}
		}
	}()
	return out
}

func waitEvent(t *testing.T, ch <-chan string, event, contains string) string {
	t.Helper()
	timeout := time.After(10 * time.Second)
	for {
		select {
		case m, ok := <-ch:
			if !ok {
				t.Fatalf("stream ended before %s %s", event, contains)
			}
			if strings.HasPrefix(m, event+"\t") && strings.Contains(m, contains) {
				return strings.SplitN(m, "\t", 2)[1]
			}
		case <-timeout:
			t.Fatalf("no %s event with %q", event, contains)
		}
	}
}

// TestServeLifecycle: readyz before and after sync; a pod in
// ImagePullBackOff (real kubelet texts) appears in the API, the event
// stream and the metrics; deleting it resolves it everywhere; the API
// speaks the report schema in both languages; --emit-events writes one
// Event on the pod.
func TestServeLifecycle(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cs := fake.NewClientset()
	e := watch.New(watch.Options{Debounce: 20 * time.Millisecond})
	s := serve.New(e, serve.Options{})
	em := serve.EmitEvents(ctx, e, cs, i18n.EN)
	defer em.Stop()
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()

	if code, body := get(t, ts.URL+"/readyz"); code != http.StatusServiceUnavailable {
		t.Fatalf("readyz before start: %d %s", code, body)
	}
	if code, _ := get(t, ts.URL+"/api/v1/findings"); code != http.StatusServiceUnavailable {
		t.Fatalf("findings before sync: %d", code)
	}
	if code, _ := get(t, ts.URL+"/healthz"); code != http.StatusOK {
		t.Fatalf("healthz: %d", code)
	}
	if err := e.Start(ctx, cs); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); e.Stop() }()
	eventually(t, "readyz", func() bool { code, _ := get(t, ts.URL+"/readyz"); return code == http.StatusOK })
	_, m := get(t, ts.URL+"/metrics")
	if !bytes.Contains(m, []byte(`podwhy_informer_synced{kind="Pod"} 1`)) || !bytes.Contains(m, []byte("podwhy_ready 1")) {
		t.Errorf("metrics after sync lack synced/ready:\n%s", grep(m, "podwhy_"))
	}

	stream := sse(t, ctx, ts.URL+"/api/v1/events?lang=en")
	waitEvent(t, stream, "hello", `"ready":true`)
	if err := watchtest.CreateImagePullPod(ctx, cs, "shop", "inventory", time.Now()); err != nil {
		t.Fatal(err)
	}
	var opened report.Finding
	if err := json.Unmarshal([]byte(waitEvent(t, stream, "opened", "Image/NotFound")), &opened); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, stream, "scan", `"findings":1`)

	var doc report.Doc
	_, body := get(t, ts.URL+"/api/v1/findings")
	if err := json.Unmarshal(body, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.APIVersion != report.APIVersion || len(doc.Findings) != 1 || doc.Findings[0].ID != opened.ID {
		t.Fatalf("findings: %s", body)
	}
	validate(t, body)
	f := doc.Findings[0]
	if f.Reason != "Image/NotFound" || f.Namespace != "shop" || f.Subject.Name != "inventory" || len(f.Steps) == 0 {
		t.Errorf("finding: %+v", f)
	}

	for query, want := range map[string]int{
		"?namespace=shop": 1, "?namespace=other": 0, "?class=ImagePullBackOff&severity=error": 1,
		"?severity=warning": 0, "?namespace=other,shop&reason=Image/NotFound": 1,
	} {
		var d report.Doc
		code, body := get(t, ts.URL+"/api/v1/findings"+query)
		if err := json.Unmarshal(body, &d); err != nil || code != 200 || len(d.Findings) != want || d.Summary.Findings != want {
			t.Errorf("%s: %d, %d findings (want %d): %s", query, code, len(d.Findings), want, body)
		}
	}
	if code, body := get(t, ts.URL+"/api/v1/findings?severity=fatal"); code != http.StatusBadRequest || !bytes.Contains(body, []byte("severity")) {
		t.Errorf("bad severity: %d %s", code, body)
	}
	code, one := get(t, ts.URL+"/api/v1/findings/"+opened.ID+"?lang=zh")
	var zh report.Finding
	if err := json.Unmarshal(one, &zh); err != nil || code != 200 || zh.ID != opened.ID || !regexp.MustCompile(`\p{Han}`).MatchString(zh.Headline) {
		t.Errorf("finding in Chinese: %d %s", code, one)
	}
	if code, _ := get(t, ts.URL+"/api/v1/findings/000000000000"); code != http.StatusNotFound {
		t.Errorf("unknown id: %d", code)
	}

	_, m = get(t, ts.URL+"/metrics")
	for _, want := range []string{
		`podwhy_findings{class="ImagePullBackOff",namespace="shop",owner="inventory",owner_kind="Pod",reason="Image/NotFound",severity="error"} 1`,
		`podwhy_finding_pods{class="ImagePullBackOff",namespace="shop",owner="inventory",owner_kind="Pod",reason="Image/NotFound",severity="error"} 1`,
		`podwhy_findings_opened_total{class="ImagePullBackOff",reason="Image/NotFound",severity="error"} 1`,
		`podwhy_scan_duration_seconds_count`,
		`podwhy_cached_objects{kind="Pod"} 1`,
		`process_resident_memory_bytes`,
	} {
		if !bytes.Contains(m, []byte(want)) {
			t.Errorf("metrics lack %s:\n%s", want, grep(m, "podwhy_find"))
		}
	}

	// --emit-events: one Event on the pod, marked with the finding.
	eventually(t, "podwhy's Event", func() bool {
		l, err := cs.CoreV1().Events("shop").List(ctx, metav1.ListOptions{})
		if err != nil {
			t.Fatal(err)
		}
		for _, ev := range l.Items {
			if ev.Source.Component == "podwhy" {
				if ev.InvolvedObject.Name != "inventory" || ev.Annotations[serve.AnnotationFinding] != opened.ID ||
					ev.Reason != "PodwhyImageNotFound" || ev.Type != "Warning" || !strings.Contains(ev.Message, opened.ID) {
					t.Fatalf("event: %+v", ev)
				}
				return true
			}
		}
		return false
	})

	if err := cs.CoreV1().Pods("shop").Delete(ctx, "inventory", metav1.DeleteOptions{}); err != nil {
		t.Fatal(err)
	}
	waitEvent(t, stream, "resolved", opened.ID)
	if code, _ := get(t, ts.URL+"/api/v1/findings/"+opened.ID); code != http.StatusNotFound {
		t.Errorf("resolved finding still served: %d", code)
	}
	_, m = get(t, ts.URL+"/metrics")
	if !bytes.Contains(m, []byte(`podwhy_findings_resolved_total{class="ImagePullBackOff",reason="Image/NotFound",severity="error"} 1`)) ||
		bytes.Contains(m, []byte(`podwhy_findings{`)) {
		t.Errorf("metrics after resolve:\n%s", grep(m, "podwhy_find"))
	}
}

func grep(b []byte, prefix string) string {
	var out []string
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func validate(t *testing.T, body []byte) {
	t.Helper()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile("../../docs/schema/report-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(v); err != nil {
		t.Errorf("API document does not match the report schema: %v", err)
	}
}

// TestPage: the page and its files are served from the binary, every text
// it asks for is in /api/v1/i18n in both languages, and nothing is fetched
// from elsewhere.
func TestPage(t *testing.T) {
	e := watch.New(watch.Options{})
	ts := httptest.NewServer(serve.New(e, serve.Options{}).Handler())
	defer ts.Close()
	code, html := get(t, ts.URL+"/")
	if code != 200 || !bytes.Contains(html, []byte(`<script src="app.js">`)) {
		t.Fatalf("page: %d %s", code, html)
	}
	if !bytes.Contains(html, []byte("docs/catalog.md")) {
		t.Error("the page does not link the failure catalog")
	}
	js, _ := os.ReadFile("web/app.js")
	css, _ := os.ReadFile("web/app.css")
	for _, src := range [][]byte{html, js, css} {
		// The favicon's SVG namespace is a name, not a fetch.
		src = bytes.ReplaceAll(src, []byte("http://www.w3.org/2000/svg"), nil)
		// A link the reader may follow is not a fetch: the catalog.
		src = bytes.ReplaceAll(src, []byte(`<a data-t="web.catalog" href="https://github.com/podwhy/podwhy/blob/main/docs/catalog.md"`), nil)
		if regexp.MustCompile(`(?i)(src|href)=["']?(https?:)?//|url\(["']?https?:|import\s|https?://`).Match(src) {
			t.Error("the page loads something from outside the binary")
		}
	}
	for _, f := range []string{"/app.js", "/app.css"} {
		if code, _ := get(t, ts.URL+f); code != 200 {
			t.Errorf("%s: %d", f, code)
		}
	}
	var keys []string
	for _, m := range regexp.MustCompile(`\bt\("([a-z0-9.-]+)"`).FindAllSubmatch(js, -1) {
		if !bytes.HasSuffix(m[1], []byte(".")) { // "sev." + severity: checked below
			keys = append(keys, string(m[1]))
		}
	}
	for _, m := range regexp.MustCompile(`data-t="([a-z0-9.-]+)"`).FindAllSubmatch(html, -1) {
		keys = append(keys, string(m[1]))
	}
	for _, lang := range []string{"en", "zh"} {
		var d struct {
			Lang  string            `json:"lang"`
			Texts map[string]string `json:"texts"`
		}
		_, body := get(t, ts.URL+"/api/v1/i18n?lang="+lang)
		if err := json.Unmarshal(body, &d); err != nil || d.Lang != lang {
			t.Fatalf("i18n %s: %s", lang, body)
		}
		for _, k := range append(keys, "sev.error", "sev.warning", "sev.info") {
			if d.Texts[k] == "" {
				t.Errorf("the page uses %q, which /api/v1/i18n?lang=%s lacks", k, lang)
			}
		}
	}
	// Accept-Language picks the language when the query does not.
	req, _ := http.NewRequest("GET", ts.URL+"/api/v1/i18n", nil)
	req.Header.Set("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8")
	r, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(r.Body)
	r.Body.Close()
	if !bytes.Contains(b, []byte(`"lang": "zh"`)) {
		t.Errorf("Accept-Language zh: %s", b)
	}
}

// TestGracefulShutdown: ending the context stops the server within the
// timeout even with an event stream open, and refuses new connections.
func TestGracefulShutdown(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cs := fake.NewClientset()
	e := watch.New(watch.Options{Debounce: 10 * time.Millisecond})
	s := serve.New(e, serve.Options{ShutdownTimeout: 5 * time.Second})
	if err := e.Start(ctx, cs); err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	url := "http://" + ln.Addr().String()
	eventually(t, "ready", func() bool { code, _ := get(t, url+"/readyz"); return code == 200 })
	stream := sse(t, context.Background(), url+"/api/v1/events")
	waitEvent(t, stream, "hello", "ready")
	start := time.Now()
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(4 * time.Second):
		t.Fatal("Serve did not return after the context ended")
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("shutdown took %s with a stream open", d)
	}
	e.Stop()
	if _, err := http.Get(url + "/healthz"); err == nil {
		t.Error("still answering after shutdown")
	}
}
