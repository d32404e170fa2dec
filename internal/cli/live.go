package cli

import (
	"context"
	"fmt"
	"time"

	"github.com/podwhy/podwhy/internal/live"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// liveSnapshot lists the cluster the kubeconfig points at. The namespace is
// the context's (like kubectl) unless -A.
func liveSnapshot(o *options, now time.Time, stdio IO) (*snapshot.Snapshot, string, error) {
	cfg, err := o.kube.ToRESTConfig()
	if err != nil {
		return nil, "", fmt.Errorf("kubeconfig: %s", oneLine(err.Error()))
	}
	ns := ""
	if !o.allNamespaces {
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
	b, err := live.Collect(ctx, cfg, live.Options{Namespace: ns, Timeout: timeout})
	if err != nil {
		return nil, "", err
	}
	if now.IsZero() {
		now = time.Now()
	}
	return b.Build(now), ns, nil
}
