// Command release builds podwhy's release: for each target a stripped,
// -trimpath binary with the version and commit stamped, in a .tar.gz (a
// .zip for Windows) with LICENSE and README.md; SHA256SUMS; the krew
// manifest of the kubectl plugin "why" (why.yaml), from those sums; and
// the container image of the same Linux binaries as an OCI image layout
// (image/, a multi-arch index; push it with crane push or skopeo).
//
//	go run . -out ../../_output/release                     # every target
//	go run . -targets linux/amd64 -out /tmp/r               # one (CI)
//
// Only Go tooling: no goreleaser, no docker.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

func main() {
	root, err := repoRoot()
	if err != nil {
		fail(err)
	}
	version, _ := os.ReadFile(filepath.Join(root, "VERSION"))
	o := Options{Root: root}
	flag.StringVar(&o.Version, "version", strings.TrimSpace(string(version)), "the version to stamp (default: the VERSION file)")
	flag.StringVar(&o.Commit, "commit", "", "the commit to stamp (default: git rev-parse HEAD)")
	targets := flag.String("targets", strings.Join(DefaultTargets, ","), "GOOS/GOARCH pairs, comma-separated")
	flag.StringVar(&o.Out, "out", filepath.Join(root, "_output", "release"), "where the release is written")
	flag.BoolVar(&o.NoImage, "no-image", false, "skip the container image")
	flag.Parse()
	o.Targets = strings.Split(*targets, ",")
	r, err := Build(o)
	if err != nil {
		fail(err)
	}
	for _, a := range r.Archives {
		fmt.Printf("%s  %s  (binary %.1f MB)\n", a.SHA256, filepath.Base(a.Path), float64(a.BinarySize)/1e6)
	}
	fmt.Println(r.Krew)
	if r.Image != "" {
		fmt.Println(r.Image)
		fmt.Println(r.ImageTar)
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "release: "+err.Error())
	os.Exit(1)
}

// repoRoot is the podwhy checkout this module sits in (hack/release).
func repoRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for d := dir; d != filepath.Dir(d); d = filepath.Dir(d) {
		if b, err := os.ReadFile(filepath.Join(d, "go.mod")); err == nil && strings.HasPrefix(string(b), "module github.com/podwhy/podwhy\n") {
			return d, nil
		}
	}
	return "", fmt.Errorf("not inside the podwhy repository: %s", dir)
}
