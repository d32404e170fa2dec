// Command gendump writes the synthetic benchmark dump (see internal/gendump).
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/podwhy/podwhy/internal/gendump"
)

func main() {
	s := gendump.Default
	out := flag.String("o", "bench-dump", "output folder")
	flag.IntVar(&s.Nodes, "nodes", s.Nodes, "nodes")
	flag.IntVar(&s.Pods, "pods", s.Pods, "pods")
	flag.IntVar(&s.Events, "events", s.Events, "events")
	flag.IntVar(&s.FailingPercent, "failing", s.FailingPercent, "percent of pods failing")
	flag.Parse()
	n, err := gendump.Write(*out, s)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gendump:", err)
		os.Exit(1)
	}
	fmt.Printf("%s: %d bytes\n", *out, n)
}
