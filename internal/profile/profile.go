// Package profile writes Go CPU and heap profiles of one podwhy run when
// PODWHY_CPUPROFILE or PODWHY_HEAPPROFILE names a file, so that where the
// time and memory of a run on a large cluster go can be shown with
// `go tool pprof` on the real binary, not only in a benchmark.
package profile

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// Start begins the profiles the environment asks for and returns the
// function that finishes them; errors are one line on stderr, never fatal.
func Start() func() {
	var stops []func()
	if path := os.Getenv("PODWHY_CPUPROFILE"); path != "" {
		if f, err := os.Create(path); err != nil {
			fmt.Fprintf(os.Stderr, "podwhy: cpu profile: %v\n", err)
		} else if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "podwhy: cpu profile: %v\n", err)
			f.Close()
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); f.Close() })
		}
	}
	if path := os.Getenv("PODWHY_HEAPPROFILE"); path != "" {
		// The heap at its fullest is what matters: sample the live heap at
		// exit, where the snapshot, the result and the report all still
		// exist, with allocations since start (alloc_space) beside it.
		runtime.MemProfileRate = 64 << 10
		stops = append(stops, func() {
			f, err := os.Create(path)
			if err != nil {
				fmt.Fprintf(os.Stderr, "podwhy: heap profile: %v\n", err)
				return
			}
			defer f.Close()
			if err := pprof.Lookup("heap").WriteTo(f, 0); err != nil {
				fmt.Fprintf(os.Stderr, "podwhy: heap profile: %v\n", err)
			}
		})
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
