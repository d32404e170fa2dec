// Command listfloor performs the same paginated LIST calls as podwhy's
// live mode (protobuf, 500 per page, kinds in parallel; a namespaced run's
// second phase as its first phase calls for it) and discards the results:
// the floor hack/bench-live.sh measures podwhy against.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"time"

	"k8s.io/client-go/tools/clientcmd"

	"github.com/podwhy/podwhy/internal/live"
)

func main() {
	kubeconfig := flag.String("kubeconfig", os.Getenv("KUBECONFIG"), "kubeconfig")
	namespace := flag.String("n", "", "the namespace of a namespaced run (podwhy -n); all namespaces when empty (podwhy -A)")
	read := flag.String("read", "auto", "auto, cache or consistent: as podwhy without --consistent-read, with --consistent-read=false, with --consistent-read")
	logs := flag.Bool("logs", false, "as podwhy --logs: a namespaced run with crashed containers lists the cluster RBAC kinds")
	flag.Parse()
	cfg, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		fmt.Fprintln(os.Stderr, "listfloor:", err)
		os.Exit(2)
	}
	mode, ok := map[string]live.ReadMode{"auto": live.ReadAuto, "cache": live.ReadCache, "consistent": live.ReadConsistent}[*read]
	if !ok {
		fmt.Fprintln(os.Stderr, "listfloor: -read must be auto, cache or consistent")
		os.Exit(2)
	}
	start := time.Now()
	n, err := live.ListOnly(context.Background(), cfg, live.Options{Namespace: *namespace, Logs: *logs, Read: mode})
	if err != nil {
		fmt.Fprintln(os.Stderr, "listfloor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d objects listed in %s\n", n, time.Since(start).Round(time.Millisecond))
}
