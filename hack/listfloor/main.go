// Command listfloor performs the same paginated LIST calls as podwhy's
// live mode (protobuf, 500 per page, kinds in parallel) and discards the
// results: the floor hack/bench-live.sh measures podwhy against.
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
	flag.Parse()
	cfg, err := clientcmd.BuildConfigFromFlags("", *kubeconfig)
	if err != nil {
		fmt.Fprintln(os.Stderr, "listfloor:", err)
		os.Exit(2)
	}
	start := time.Now()
	n, err := live.ListOnly(context.Background(), cfg, live.Options{})
	if err != nil {
		fmt.Fprintln(os.Stderr, "listfloor:", err)
		os.Exit(1)
	}
	fmt.Printf("%d objects listed in %s\n", n, time.Since(start).Round(time.Millisecond))
}
