package serve

import (
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"

	"github.com/podwhy/podwhy/internal/watch"
)

// metrics: counters and the scan histogram are updated after every
// diagnosis; the gauges are read from the engine's state at scrape time, so
// a resolved finding's series disappears without bookkeeping.
type metrics struct {
	e        *watch.Engine
	opened   *prometheus.CounterVec
	resolved *prometheus.CounterVec
	scans    prometheus.Histogram

	findings, pods, synced, objects, ready, connected, lastScan, watchErrors, requests *prometheus.Desc
}

var findingLabels = []string{"namespace", "class", "reason", "severity", "owner_kind", "owner"}

func newMetrics(e *watch.Engine, reg *prometheus.Registry) *metrics {
	m := &metrics{
		e: e,
		opened: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "podwhy_findings_opened_total",
			Help: "Findings that appeared since podwhy started (those present at start are not counted)."}, []string{"class", "reason", "severity"}),
		resolved: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "podwhy_findings_resolved_total",
			Help: "Findings that went away since podwhy started."}, []string{"class", "reason", "severity"}),
		scans: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "podwhy_scan_duration_seconds",
			Help:    "Time of one diagnosis of the cached cluster (snapshot, rules, diff).",
			Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10}}),
		findings: prometheus.NewDesc("podwhy_findings", "Current findings (one root cause per owner) by namespace, class, reason, severity and owner.", findingLabels, nil),
		pods:     prometheus.NewDesc("podwhy_finding_pods", "Pods affected by the current findings, by the same labels.", findingLabels, nil),
		synced:   prometheus.NewDesc("podwhy_informer_synced", "1 when the informer of a kind has synced its cache.", []string{"kind"}, nil),
		objects:  prometheus.NewDesc("podwhy_cached_objects", "Objects of a kind in the informer cache at the last diagnosis.", []string{"kind"}, nil),
		ready:    prometheus.NewDesc("podwhy_ready", "1 once every cache has synced and the first diagnosis is done.", nil, nil),
		connected: prometheus.NewDesc("podwhy_api_connected",
			"0 after a watch failed until the informers hear from the API server again (findings may be stale meanwhile).", nil, nil),
		lastScan:    prometheus.NewDesc("podwhy_last_scan_timestamp_seconds", "When the last diagnosis ran.", nil, nil),
		watchErrors: prometheus.NewDesc("podwhy_informer_watch_errors_total", "Watch failures per kind (the informer relists after each).", []string{"kind"}, nil),
		requests: prometheus.NewDesc("podwhy_informer_requests_total",
			"Requests the informers have sent to the API server, by verb (list, watch, get): what serve costs the API server beyond its open watches.", []string{"verb"}, nil),
	}
	reg.MustRegister(m.opened, m.resolved, m.scans, m,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observe is the engine's scan listener.
func (m *metrics) observe(st *watch.State, ch watch.Change) {
	m.scans.Observe(st.Duration.Seconds())
	if ch.Initial {
		return
	}
	for _, f := range ch.Opened {
		m.opened.WithLabelValues(f.Class, f.Reason, f.Severity.String()).Inc()
	}
	for _, f := range ch.Resolved {
		m.resolved.WithLabelValues(f.Class, f.Reason, f.Severity.String()).Inc()
	}
}

func (m *metrics) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{m.findings, m.pods, m.synced, m.objects, m.ready, m.connected, m.lastScan, m.watchErrors, m.requests} {
		ch <- d
	}
}

func (m *metrics) Collect(ch chan<- prometheus.Metric) {
	b2f := func(b bool) float64 {
		if b {
			return 1
		}
		return 0
	}
	for kind, ok := range m.e.Synced() {
		ch <- prometheus.MustNewConstMetric(m.synced, prometheus.GaugeValue, b2f(ok), kind)
	}
	for kind, n := range m.e.WatchErrors() {
		ch <- prometheus.MustNewConstMetric(m.watchErrors, prometheus.CounterValue, float64(n), kind)
	}
	for verb, n := range m.e.Requests() {
		ch <- prometheus.MustNewConstMetric(m.requests, prometheus.CounterValue, float64(n), verb)
	}
	ch <- prometheus.MustNewConstMetric(m.ready, prometheus.GaugeValue, b2f(m.e.Ready()))
	conn, _ := m.e.Connected()
	ch <- prometheus.MustNewConstMetric(m.connected, prometheus.GaugeValue, b2f(conn))
	st := m.e.State()
	if st == nil {
		return
	}
	ch <- prometheus.MustNewConstMetric(m.lastScan, prometheus.GaugeValue, float64(st.At.UnixNano())/float64(time.Second))
	for kind, n := range st.Objects {
		ch <- prometheus.MustNewConstMetric(m.objects, prometheus.GaugeValue, float64(n), kind)
	}
	// Two findings may share every label (two containers of one owner):
	// they add up.
	type key [6]string
	count, pods := map[key]int{}, map[key]int{}
	var order []key
	for _, f := range st.Result.Findings {
		k := key{f.Namespace, f.Class, f.Reason, f.Severity.String(), f.Subject.Kind, f.Subject.Name}
		if _, ok := count[k]; !ok {
			order = append(order, k)
		}
		count[k]++
		pods[k] += len(f.Pods)
	}
	for _, k := range order {
		ch <- prometheus.MustNewConstMetric(m.findings, prometheus.GaugeValue, float64(count[k]), k[:]...)
		ch <- prometheus.MustNewConstMetric(m.pods, prometheus.GaugeValue, float64(pods[k]), k[:]...)
	}
}
