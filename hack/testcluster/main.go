// Command testcluster starts and stops podwhy's real test cluster:
//
//	go run ./hack/testcluster up     # build (cached) and start; prints env
//	go run ./hack/testcluster env    # shell exports for kubectl/podwhy
//	go run ./hack/testcluster down   # stop everything, restore the host
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/podwhy/podwhy/internal/testcluster"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: testcluster up|down|env|build")
		os.Exit(2)
	}
	repo, _ := os.Getwd()
	for !exists(filepath.Join(repo, "go.mod")) && repo != "/" {
		repo = filepath.Dir(repo)
	}
	c := testcluster.New(repo)
	var err error
	switch os.Args[1] {
	case "up":
		err = c.Up(context.Background())
		if err == nil {
			fmt.Print(c.Env())
		}
	case "build":
		err = c.EnsureBinaries()
	case "down":
		c.Down()
	case "env":
		fmt.Print(c.Env())
	default:
		err = fmt.Errorf("unknown command %q", os.Args[1])
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "testcluster:", err)
		os.Exit(1)
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
