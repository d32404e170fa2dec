package watch

import (
	"context"
	"os"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	kruntime "k8s.io/apimachinery/pkg/runtime"
	"k8s.io/client-go/kubernetes/fake"

	"github.com/podwhy/podwhy/internal/gendump"
	"github.com/podwhy/podwhy/internal/watch/watchtest"
)

var (
	genOnce sync.Once
	genObjs []kruntime.Object
	genErr  error
)

// generated is the benchmark cluster of internal/gendump (10,000 pods,
// 1,000 nodes, 50,000 events, a fifth of the pods failing), decoded once.
func generated(b *testing.B) []kruntime.Object {
	genOnce.Do(func() {
		dir, err := os.MkdirTemp("", "podwhy-watch-bench-")
		if err != nil {
			genErr = err
			return
		}
		defer os.RemoveAll(dir)
		if _, genErr = gendump.Write(dir, gendump.Default); genErr == nil {
			genObjs = decodeDir(b, dir)
		}
	})
	if genErr != nil {
		b.Fatal(genErr)
	}
	return genObjs
}

// cpuTime is the process's user+system CPU time: on a shared machine it
// moves less than wall time when other work competes for the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func heapMB() float64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return float64(m.HeapAlloc) / (1 << 20)
}

// BenchmarkScan10k is one full re-diagnosis from the caches: what a change
// costs at 10,000 pods. cache-MB is the heap the transformed caches take.
func BenchmarkScan10k(b *testing.B) {
	objs := generated(b)
	before := heapMB()
	e := storeEngine(b, objs, Options{Now: func() time.Time { return gendump.Now }})
	cache := heapMB() - before
	findings := len(e.Scan().Opened)
	b.ReportAllocs()
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		// Every kind changed: the worst case, nothing reused.
		for _, s := range e.sources {
			s.stale.markAll()
		}
		if ch := e.Scan(); !ch.Empty() {
			b.Fatalf("no change, yet %d opened, %d updated, %d resolved", len(ch.Opened), len(ch.Updated), len(ch.Resolved))
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
	b.ReportMetric(cache, "cache-MB")
	b.ReportMetric(float64(findings), "findings")
}

// BenchmarkPodChange10k: a pod of the 10,000 starts failing to pull its
// image, then recovers; each iteration is one change and the incremental
// pass it causes, checked to open or resolve exactly that finding.
func BenchmarkPodChange10k(b *testing.B) {
	objs := generated(b)
	e := storeEngine(b, objs, Options{Now: func() time.Time { return gendump.Now }})
	var pods, events = e.sourceStore("Pod"), e.sourceStore("Event")
	e.Scan()
	bad, evs := watchtest.ImagePullPod("team-000", "bench-pull", gendump.Now, 10*time.Minute)
	bad.Spec.NodeName = "node-0000"
	for _, ev := range evs {
		events.Add(ev)
	}
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		var want int
		if i%2 == 0 {
			pods.Add(bad)
		} else {
			pods.Delete(bad)
		}
		ch := e.ScanChanged()
		if i%2 == 0 {
			want = len(ch.Opened)
		} else {
			want = len(ch.Resolved)
		}
		if want != 1 {
			b.Fatalf("iteration %d: %d opened, %d resolved", i, len(ch.Opened), len(ch.Resolved))
		}
	}
	b.ReportMetric(float64((cpuTime()-cpu0).Milliseconds())/float64(b.N), "cpu-ms/op")
}

// BenchmarkInformerLatency10k runs the real informers over a fake
// clientset holding the 10,000-pod cluster and measures, per iteration,
// the time from creating a failing pod to its finding being published
// (debounce included). The API server's own latency is not in it.
func BenchmarkInformerLatency10k(b *testing.B) {
	objs := generated(b)
	start := time.Now()
	cs := fake.NewSimpleClientset(objs...)
	b.Logf("fake clientset loaded in %s", time.Since(start).Round(time.Millisecond))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e := New(Options{Now: func() time.Time { return gendump.Now }})
	opened := make(chan string, 16)
	e.OnScan(func(_ *State, c Change) {
		for _, f := range c.Opened {
			if f.Namespace == "team-001" && f.Reason == "Image/NotFound" {
				opened <- f.ID
			}
		}
	})
	start = time.Now()
	if err := e.Start(ctx, cs); err != nil {
		b.Fatal(err)
	}
	defer func() { cancel(); e.Stop() }()
	for !e.Ready() {
		time.Sleep(10 * time.Millisecond)
	}
	b.Logf("synced and diagnosed in %s; scan %s", time.Since(start).Round(time.Millisecond), e.State().Duration.Round(time.Millisecond))
	heap := heapMB()
	b.ResetTimer()
	var worst time.Duration
	for i := 0; i < b.N; i++ {
		name := "latency-" + string(rune('a'+i%26)) + time.Now().Format("150405.000000")
		p, evs := watchtest.ImagePullPod("team-001", name, gendump.Now, 10*time.Minute)
		p.Spec.NodeName = "node-0001"
		b.StopTimer()
		for _, ev := range evs {
			if _, err := cs.CoreV1().Events("team-001").Create(ctx, ev, metav1.CreateOptions{}); err != nil {
				b.Fatal(err)
			}
		}
		// Let the diagnosis the events cause pass: what is timed is the
		// pod's own change.
		time.Sleep(2 * time.Second)
		b.StartTimer()
		t0 := time.Now()
		if _, err := cs.CoreV1().Pods("team-001").Create(ctx, p, metav1.CreateOptions{}); err != nil {
			b.Fatal(err)
		}
		select {
		case <-opened:
		case <-time.After(10 * time.Second):
			b.Fatal("no finding after 10 s")
		}
		worst = max(worst, time.Since(t0))
		b.StopTimer()
		if err := cs.CoreV1().Pods("team-001").Delete(ctx, p.Name, metav1.DeleteOptions{}); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.ReportMetric(float64(worst.Milliseconds()), "worst-ms")
	b.ReportMetric(heap, "heap-MB-incl-fake-server")
}

// dirtyStore is a source's store whose writes are transformed as the
// informer's are and tell the engine, as the informer's handlers do.
type dirtyStore struct {
	e *Engine
	s *source
}

func (d dirtyStore) Add(o any) error {
	o, err := forCache(o)
	if err != nil {
		return err
	}
	if err := d.s.store.Add(o); err != nil {
		return err
	}
	if d.s.kind == "Pod" {
		d.e.podsMoved.Store(true)
	}
	d.e.changed(d.s, o, true)
	return nil
}

func (d dirtyStore) Delete(o any) error {
	if err := d.s.store.Delete(o); err != nil {
		return err
	}
	if d.s.kind == "Pod" {
		d.e.podsMoved.Store(true)
	}
	d.e.changed(d.s, o, d.s.kind != "Event")
	return nil
}

func (e *Engine) sourceStore(kind string) dirtyStore {
	for _, s := range e.sources {
		if s.kind == kind {
			return dirtyStore{e, s}
		}
	}
	panic("no source " + kind)
}

// BenchmarkMemory10k estimates serve's memory at 10,000 pods in process:
// the benchmark cluster is decoded, transformed into caches as the
// informers would hold them, the decoded originals are dropped, and the
// engine diagnoses everything once, then each iteration every namespace
// again, a chunk per pass, as serve does each Refresh. live-MB is the heap
// of the caches after a collection, live-after-MB the same after the
// passes; rss-MB the process's resident set after the passes (what the
// ≤ 300 MB target is about; the real figure, informers and HTTP included,
// is hack/bench-serve.sh's to take).
func BenchmarkMemory10k(b *testing.B) {
	dir, err := os.MkdirTemp("", "podwhy-watch-mem-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if _, err := gendump.Write(dir, gendump.Default); err != nil {
		b.Fatal(err)
	}
	e := func() *Engine {
		objs := decodeDir(b, dir)
		// storeEngine keeps transformed copies; objs goes out of scope.
		return storeEngine(b, objs, Options{Now: func() time.Time { return gendump.Now }})
	}()
	live := heapMB()
	debug.FreeOSMemory()
	b.ResetTimer()
	e.Scan()
	for i := 0; i < b.N; i++ {
		// What serve does in the steady state: every namespace again,
		// a chunk per pass, as each Refresh does.
		e.pending.queueAll()
		for !e.pending.idle() {
			e.ScanChanged()
		}
	}
	b.StopTimer()
	rss := rssMB()
	b.ReportMetric(live, "live-MB")
	// What the engine keeps besides the caches (its per-namespace lists,
	// the last result), with the caches.
	b.ReportMetric(heapMB(), "live-after-MB")
	b.ReportMetric(rss, "rss-MB")
	runtime.KeepAlive(e)
}

// rssMB reads VmRSS from /proc/self/status (0 where there is none).
func rssMB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(data), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// BenchmarkRefresh10k: every namespace re-diagnosed as the Refresh does
// it, a chunk per pass; each iteration is the whole refresh. max-pass-ms is
// the longest pass, the most a change can wait behind one.
func BenchmarkRefresh10k(b *testing.B) {
	objs := generated(b)
	e := storeEngine(b, objs, Options{Now: func() time.Time { return gendump.Now }})
	e.Scan()
	var worst time.Duration
	passes := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		e.pending.queueAll()
		for !e.pending.idle() {
			t0 := time.Now()
			if ch := e.ScanChanged(); !ch.Empty() {
				b.Fatalf("no change, yet %d opened, %d updated, %d resolved", len(ch.Opened), len(ch.Updated), len(ch.Resolved))
			}
			worst = max(worst, time.Since(t0))
			passes++
		}
	}
	b.ReportMetric(float64(passes)/float64(b.N), "passes/op")
	b.ReportMetric(float64(worst.Milliseconds()), "max-pass-ms")
}
