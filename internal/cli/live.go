package cli

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/live"
	"github.com/podwhy/podwhy/internal/snapshot"
	"github.com/podwhy/podwhy/internal/watch"
)

// liveScope is what a live run's snapshot is for, which decides what a
// namespaced run lists of the cluster-scoped kinds.
type liveScope struct {
	// targets are the findings asked for: the cluster-scoped kinds are
	// listed for what those read only.
	targets []target
	// allNodes lists every node whatever the namespace holds: podwhy
	// lint checks manifests against them.
	allNodes bool
}

// liveSnapshot lists the cluster the kubeconfig points at. The namespace is
// the context's (like kubectl) unless -A.
func liveSnapshot(o *options, now time.Time, stdio IO, scope liveScope) (*snapshot.Snapshot, string, error) {
	cfg, err := o.kube.ToRESTConfig()
	if err != nil {
		return nil, "", fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
	}
	ns := ""
	if !o.allNamespaces && o.namespace != "" {
		ns = o.namespace
	} else if !o.allNamespaces {
		n, _, err := o.kube.ToRawKubeConfigLoader().Namespace()
		if err != nil {
			return nil, "", fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
		}
		ns = n
	}
	timeout := 30 * time.Second
	if o.kube.Timeout != nil && *o.kube.Timeout != "" && *o.kube.Timeout != "0" {
		d, err := time.ParseDuration(*o.kube.Timeout)
		if err != nil {
			return nil, "", usageError{fmt.Errorf("--request-timeout %q: use a duration like 10s", *o.kube.Timeout)}
		}
		timeout = d
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout+5*time.Second)
	defer cancel()
	stop := progress(stdio, "listing objects")
	lo := live.Options{Namespace: ns, Timeout: timeout, Read: o.read(), Logs: o.logs, AllNodes: scope.allNodes}
	for _, t := range scope.targets {
		lo.Targets = append(lo.Targets, live.Target{Kind: t.kind, Name: t.name})
	}
	b, err := live.Collect(ctx, cfg, lo)
	stop()
	if err != nil {
		return nil, "", err
	}
	if o.logs {
		targets := live.CrashedContainers(b.Pods())
		stop := progress(stdio, fmt.Sprintf("reading logs of %d containers", len(targets)))
		err := live.FetchLogs(ctx, cfg, b, targets, o.logLines)
		stop()
		if err != nil {
			return nil, "", err
		}
	}
	if now.IsZero() {
		now = time.Now()
	}
	return b.Build(now), ns, nil
}

// liveListed diagnoses every namespace of the cluster the kubeconfig
// points at as liveSnapshot and diagnose.Run would, with the same LISTs,
// but holds what they return as podwhy serve's caches do (pods as their
// protobuf encoding, events converted) and diagnoses a chunk of
// namespaces at a time (watch.NewListed): on a cluster of 100,000 pods
// memory holds the compact objects and one chunk, not every pod decoded.
// TestLiveListedEqualsSnapshot keeps the two ways to the same report.
func liveListed(o *options, now time.Time, stdio IO, dopts diagnose.Options) (*diagnose.Result, error) {
	cfg, err := o.kube.ToRESTConfig()
	if err != nil {
		return nil, fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
	}
	timeout, err := requestTimeout(o)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), timeout+5*time.Second)
	defer cancel()
	e := watch.NewListed(watch.Options{Diagnose: dopts, Now: func() time.Time { return now }})
	stop := progress(stdio, "listing objects")
	err = live.CollectInto(ctx, cfg, live.Options{Timeout: timeout, Read: o.read()}, e)
	stop()
	if err != nil {
		return nil, err
	}
	if now.IsZero() {
		now = time.Now()
	}
	e.Scan()
	return e.State().Result, nil
}

// progress shows "podwhy: WHAT… 3s" on a terminal's stderr when the work
// takes over a second; the returned func clears it.
func progress(stdio IO, what string) func() {
	if !stdio.ErrIsTerminal {
		return func() {}
	}
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		start := time.Now()
		shown := false
		t := time.NewTicker(250 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				if shown {
					fmt.Fprint(stdio.Err, "\r"+strings.Repeat(" ", 60)+"\r")
				}
				return
			case <-t.C:
				if d := time.Since(start); d > time.Second {
					shown = true
					fmt.Fprintf(stdio.Err, "\rpodwhy: %s… %ds", what, int(d.Seconds()))
				}
			}
		}
	}()
	return func() { close(done); <-finished }
}

// read is the LIST read of --consistent-read: given, what it says; not
// given, live.ReadAuto picks by the server's version.
func (o *options) read() live.ReadMode {
	switch {
	case !o.consistent.set:
		return live.ReadAuto
	case o.consistent.v:
		return live.ReadConsistent
	}
	return live.ReadCache
}

// optBool is a boolean flag that knows whether it was given.
type optBool struct{ set, v bool }

func (b *optBool) String() string {
	if !b.set {
		return ""
	}
	return strconv.FormatBool(b.v)
}

func (b *optBool) Set(s string) error {
	v, err := strconv.ParseBool(s)
	if err != nil {
		return err
	}
	b.set, b.v = true, v
	return nil
}

func (b *optBool) Type() string { return "bool" }
