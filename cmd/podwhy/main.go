// Command podwhy explains why Kubernetes pods are unhealthy. Installed as
// kubectl-why it is also the kubectl plugin "kubectl why".
package main

import (
	"os"

	"github.com/podwhy/podwhy/internal/cli"
	"github.com/podwhy/podwhy/internal/profile"
)

func main() {
	stop := profile.Start()
	code := cli.Main(os.Args[1:], cli.StdIO())
	stop()
	os.Exit(code)
}
