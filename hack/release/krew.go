package main

import (
	"fmt"
	"strings"

	"sigs.k8s.io/yaml"
)

// ReleaseURL is where the archives of a version are published.
const ReleaseURL = "https://github.com/podwhy/podwhy/releases/download/v%s/%s"

// Plugin is krew's manifest (krew.googlecontainertools.github.com/v1alpha2
// Plugin, sigs.k8s.io/krew/pkg/index); the test has krew's own validator
// and installer read what this writes.
type Plugin struct {
	APIVersion string `json:"apiVersion"`
	Kind       string `json:"kind"`
	Metadata   struct {
		Name string `json:"name"`
	} `json:"metadata"`
	Spec struct {
		Version          string     `json:"version"`
		Homepage         string     `json:"homepage"`
		ShortDescription string     `json:"shortDescription"`
		Description      string     `json:"description"`
		Platforms        []Platform `json:"platforms"`
	} `json:"spec"`
}

// Platform is one archive of the plugin.
type Platform struct {
	Selector struct {
		MatchLabels map[string]string `json:"matchLabels"`
	} `json:"selector"`
	URI    string     `json:"uri"`
	Sha256 string     `json:"sha256"`
	Files  []FileCopy `json:"files"`
	Bin    string     `json:"bin"`
}

// FileCopy is a file krew copies out of the archive.
type FileCopy struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// KrewManifest is the krew plugin manifest of "kubectl why": one platform
// per archive, with its sha256. krew links the archive's podwhy binary as
// kubectl-why, so podwhy speaks as the plugin.
func KrewManifest(version string, archives []Archive) ([]byte, error) {
	var p Plugin
	p.APIVersion, p.Kind, p.Metadata.Name = "krew.googlecontainertools.github.com/v1alpha2", "Plugin", "why"
	p.Spec.Version = "v" + version
	p.Spec.Homepage = "https://github.com/podwhy/podwhy"
	p.Spec.ShortDescription = "Explain why pods are unhealthy and how to fix it"
	p.Spec.Description = `kubectl why finds every unhealthy pod in scope (Pending, ContainerCreating,
ImagePullBackOff, CrashLoopBackOff, Error, Terminating, Unknown, not Ready),
names the root cause with the evidence that proves it, and prints the exact
commands that fix it, with the real names filled in. It reads a live
cluster, a dump, or pasted kubectl describe/events/logs text, and speaks
English and Chinese (--lang zh). Read-only.

  kubectl why -A
  kubectl why -n shop deploy/web
  kubectl describe pod web-1 | kubectl why -f -
`
	for _, a := range archives {
		exe := "podwhy"
		if a.OS == "windows" {
			exe += ".exe"
		}
		name := a.Path[strings.LastIndexAny(a.Path, `/\`)+1:]
		pl := Platform{URI: fmt.Sprintf(ReleaseURL, version, name), Sha256: a.SHA256,
			Files: []FileCopy{{From: exe, To: "."}, {From: "LICENSE", To: "."}}, Bin: exe}
		pl.Selector.MatchLabels = map[string]string{"os": a.OS, "arch": a.Arch}
		p.Spec.Platforms = append(p.Spec.Platforms, pl)
	}
	return yaml.Marshal(p)
}
