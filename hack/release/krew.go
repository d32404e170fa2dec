package main

import (
	"fmt"
	"strings"

	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"sigs.k8s.io/krew/pkg/index"
	"sigs.k8s.io/yaml"
)

// ReleaseURL is where the archives of a version are published.
const ReleaseURL = "https://github.com/podwhy/podwhy/releases/download/v%s/%s"

// KrewManifest is the krew plugin manifest of "kubectl why": one platform
// per archive, with its sha256. krew links the archive's podwhy binary as
// kubectl-why, so podwhy speaks as the plugin.
func KrewManifest(version string, archives []Archive) ([]byte, error) {
	p := index.Plugin{
		TypeMeta:   metav1.TypeMeta{APIVersion: "krew.googlecontainertools.github.com/v1alpha2", Kind: "Plugin"},
		ObjectMeta: metav1.ObjectMeta{Name: "why"},
		Spec: index.PluginSpec{
			Version:          "v" + version,
			Homepage:         "https://github.com/podwhy/podwhy",
			ShortDescription: "Explain why pods are unhealthy and how to fix it",
			Description: `kubectl why finds every unhealthy pod in scope (Pending, ContainerCreating,
ImagePullBackOff, CrashLoopBackOff, Error, Terminating, Unknown, not Ready),
names the root cause with the evidence that proves it, and prints the exact
commands that fix it, with the real names filled in. It reads a live
cluster, a dump, or pasted kubectl describe/events/logs text, and speaks
English and Chinese (--lang zh). Read-only.

  kubectl why -A
  kubectl why -n shop deploy/web
  kubectl describe pod web-1 | kubectl why -f -
`,
		},
	}
	for _, a := range archives {
		exe := "podwhy"
		if a.OS == "windows" {
			exe += ".exe"
		}
		name := a.Path[strings.LastIndexAny(a.Path, `/\`)+1:]
		p.Spec.Platforms = append(p.Spec.Platforms, index.Platform{
			URI:      fmt.Sprintf(ReleaseURL, version, name),
			Sha256:   a.SHA256,
			Selector: &metav1.LabelSelector{MatchLabels: map[string]string{"os": a.OS, "arch": a.Arch}},
			Files:    []index.FileOperation{{From: exe, To: "."}, {From: "LICENSE", To: "."}},
			Bin:      exe,
		})
	}
	return yaml.Marshal(p)
}
