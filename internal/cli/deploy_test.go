package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	appsv1 "k8s.io/api/apps/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/serializer"
	"k8s.io/client-go/kubernetes/scheme"
	"sigs.k8s.io/yaml"
)

// strictDecode decodes a multi-document manifest against the API types,
// failing on unknown or duplicate fields; kinds the client does not know
// (ServiceMonitor) are returned by name only.
func strictDecode(t *testing.T, name string, data []byte) ([]runtime.Object, []string) {
	t.Helper()
	dec := serializer.NewCodecFactory(scheme.Scheme, serializer.EnableStrict).UniversalDeserializer()
	var objs []runtime.Object
	var unknown []string
	for i, doc := range bytes.Split(data, []byte("\n---")) {
		j, err := yaml.YAMLToJSON(doc)
		if err != nil {
			t.Fatalf("%s document %d: %v", name, i, err)
		}
		if string(j) == "null" {
			continue
		}
		obj, gvk, err := dec.Decode(j, nil, nil)
		if runtime.IsNotRegisteredError(err) && gvk != nil {
			unknown = append(unknown, gvk.Kind)
			continue
		}
		if err != nil {
			t.Errorf("%s document %d: %v", name, i, err)
			continue
		}
		objs = append(objs, obj)
	}
	return objs, unknown
}

// checkServeArgs: the Deployment runs podwhy serve with flags it has.
func checkServeArgs(t *testing.T, name string, objs []runtime.Object) {
	t.Helper()
	found := false
	for _, o := range objs {
		d, ok := o.(*appsv1.Deployment)
		if !ok {
			continue
		}
		found = true
		args := d.Spec.Template.Spec.Containers[0].Args
		if len(args) == 0 || args[0] != "serve" {
			t.Errorf("%s: args %v do not run serve", name, args)
			continue
		}
		cmd := serveCommand(&options{kube: nil})
		cmd.Flags().String("namespace", "", "") // a persistent flag of the root
		if err := cmd.ParseFlags(args[1:]); err != nil {
			t.Errorf("%s: podwhy serve %v: %v", name, args[1:], err)
		}
	}
	if !found {
		t.Errorf("%s: no Deployment", name)
	}
}

// TestDeployManifests: deploy/serve*.yaml decode strictly against the API
// types and run serve with flags it knows; so does the Helm chart, rendered
// with each scope, when helm is installed.
func TestDeployManifests(t *testing.T) {
	var all []runtime.Object
	for _, f := range []string{"serve.yaml", "serve-events.yaml", "servicemonitor.yaml"} {
		data, err := os.ReadFile(filepath.Join("../../deploy", f))
		if err != nil {
			t.Fatal(err)
		}
		objs, unknown := strictDecode(t, f, data)
		if f == "servicemonitor.yaml" && (len(unknown) != 1 || unknown[0] != "ServiceMonitor") {
			t.Errorf("servicemonitor.yaml: %v", unknown)
		}
		all = append(all, objs...)
	}
	checkServeArgs(t, "deploy/serve.yaml", all)

	helm, err := exec.LookPath("helm")
	if err != nil {
		t.Log("helm not installed: chart not rendered")
		return
	}
	for _, set := range []string{"", "watchNamespace=shop,events.enabled=true,readSecrets=false", "events.enabled=true,metrics.serviceMonitor.enabled=true", "prometheusRule.enabled=true,grafana.dashboard.enabled=true"} {
		checkServeArgs(t, "chart --set "+set, renderChart(t, helm, set))
		// The rendered chart passes podwhy's own lint.
		path := filepath.Join(t.TempDir(), "chart.yaml")
		if err := os.WriteFile(path, renderedChart(t, helm, set), 0o644); err != nil {
			t.Fatal(err)
		}
		if code, got := lintJSON(t, path); code != ExitOK || len(got) != 0 {
			t.Errorf("lint of the chart rendered with --set %q: exit %d, %q", set, code, got)
		}
	}
}

// renderChart is the chart as helm template renders it with --set set.
func renderChart(t *testing.T, helm, set string) []runtime.Object {
	t.Helper()
	objs, _ := strictDecode(t, "chart --set "+set, renderedChart(t, helm, set))
	return objs
}

func renderedChart(t *testing.T, helm, set string) []byte {
	t.Helper()
	args := []string{"template", "t", "../../charts/podwhy", "-n", "podwhy"}
	if set != "" {
		args = append(args, "--set", set)
	}
	out, err := exec.Command(helm, args...).Output()
	if ee, ok := err.(*exec.ExitError); ok {
		t.Fatalf("helm %s: %v\n%s", strings.Join(args, " "), err, ee.Stderr)
	} else if err != nil {
		t.Fatalf("helm %s: %v", strings.Join(args, " "), err)
	}
	return out
}

// TestPinnedImage: deploy/serve.yaml and the chart run the release image
// of this version (VERSION), by a pinned tag, never latest.
func TestPinnedImage(t *testing.T) {
	v, err := os.ReadFile("../../VERSION")
	if err != nil {
		t.Fatal(err)
	}
	tag := "v" + strings.TrimSpace(string(v))
	want := "ghcr.io/podwhy/podwhy:" + tag
	serve, _ := os.ReadFile("../../deploy/serve.yaml")
	if !strings.Contains(string(serve), "image: "+want+" ") {
		t.Errorf("deploy/serve.yaml does not run %s", want)
	}
	chart, _ := os.ReadFile("../../charts/podwhy/Chart.yaml")
	values, _ := os.ReadFile("../../charts/podwhy/values.yaml")
	if !strings.Contains(string(chart), "appVersion: \""+tag+"\"") || !strings.Contains(string(chart), "\nversion: "+strings.TrimPrefix(tag, "v")+"\n") {
		t.Errorf("charts/podwhy/Chart.yaml: version and appVersion are not %s", tag)
	}
	if !strings.Contains(string(values), "repository: ghcr.io/podwhy/podwhy\n") || !strings.Contains(string(values), "tag: \"\"") {
		t.Errorf("charts/podwhy/values.yaml: not the release repository with the chart's appVersion as tag")
	}
	if helm, err := exec.LookPath("helm"); err == nil {
		if out := renderedChart(t, helm, ""); !strings.Contains(string(out), "image: \""+want+"\"") {
			t.Errorf("the rendered chart does not run %s", want)
		}
	}
}
