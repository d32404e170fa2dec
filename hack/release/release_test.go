package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/prometheus/common/model"
	"github.com/prometheus/prometheus/model/rulefmt"
	"github.com/prometheus/prometheus/promql/parser"
	"github.com/santhosh-tekuri/jsonschema/v6"
	"sigs.k8s.io/yaml"
)

// krewVersion is the krew whose own validator and installer check the
// manifest.
const krewVersion = "v0.4.3"

var rel *Result

// TestMain builds one release for linux/amd64 (CI's target) and
// windows/arm64 (a zip) into a temporary folder.
func TestMain(m *testing.M) {
	root, err := repoRoot()
	if err != nil {
		panic(err)
	}
	out, _ := os.MkdirTemp("", "podwhy-release-")
	rel, err = Build(Options{Root: root, Version: "0.15.0", Commit: "0123456789abcdef0123456789abcdef01234567", Targets: []string{"linux/amd64", "windows/arm64"}, Out: out})
	if err != nil {
		panic(err)
	}
	code := m.Run()
	os.RemoveAll(out)
	os.Exit(code)
}

// TestArchives: the sums are the archives', each archive holds the
// binary, LICENSE and README.md, and the binary says its version and
// commit.
func TestArchives(t *testing.T) {
	sums, _ := os.ReadFile(rel.Sums)
	for _, a := range rel.Archives {
		data, _ := os.ReadFile(a.Path)
		sum := sha256.Sum256(data)
		if line := hex.EncodeToString(sum[:]) + "  " + filepath.Base(a.Path) + "\n"; !strings.Contains(string(sums), line) {
			t.Errorf("SHA256SUMS has no line %q", line)
		}
		if a.OS == "linux" {
			names := tarNames(t, data)
			if !slices.Equal(names, []string{"podwhy", "LICENSE", "README.md"}) {
				t.Errorf("%s holds %v", a.Path, names)
			}
			out, err := exec.Command(a.Binary, "version").Output()
			if err != nil || !strings.Contains(string(out), "podwhy v0.15.0 ") || !strings.Contains(string(out), "commit 0123456789abcdef") {
				t.Errorf("podwhy version: %s %v", out, err)
			}
		}
	}
}

func tarNames(t *testing.T, data []byte) []string {
	t.Helper()
	gz, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	tr := tar.NewReader(gz)
	var names []string
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return names
		}
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, h.Name)
	}
}

// TestReproducible: the same commit gives the same archive bytes.
func TestReproducible(t *testing.T) {
	root, _ := repoRoot()
	out := t.TempDir()
	again, err := Build(Options{Root: root, Version: "0.15.0", Commit: "0123456789abcdef0123456789abcdef01234567", Targets: []string{"linux/amd64"}, Out: out, NoImage: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range rel.Archives {
		if a.OS == "linux" && a.SHA256 != again.Archives[0].SHA256 {
			t.Errorf("a second build of %s differs", filepath.Base(a.Path))
		}
	}
}

// tool builds a Go program at a version into a cache outside the
// repository (once) and returns its path.
func tool(t *testing.T, pkg, version, name string) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(cache, "podwhy-release-tools", name+"-"+version)
	bin := filepath.Join(dir, name)
	if _, err := os.Stat(bin); err == nil {
		return bin
	}
	cmd := exec.Command("go", "install", pkg+"@"+version)
	cmd.Env = append(os.Environ(), "GOBIN="+dir, "GOFLAGS=")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go install %s@%s: %v\n%s", pkg, version, err, out)
	}
	return bin
}

// TestKrewManifest: krew's own manifest validator accepts why.yaml, and
// krew itself installs the plugin from it and the local archive (checking
// the archive's sha256 against the manifest); the installed kubectl-why
// runs as the plugin.
func TestKrewManifest(t *testing.T) {
	data, _ := os.ReadFile(rel.Krew)
	var p Plugin
	if err := yaml.UnmarshalStrict(data, &p); err != nil {
		t.Fatalf("why.yaml is not a krew Plugin: %v", err)
	}
	if p.Metadata.Name != "why" || len(p.Spec.Platforms) != len(rel.Archives) || len(p.Spec.ShortDescription) > 50 {
		t.Errorf("manifest: name %q, %d platforms, short description of %d characters", p.Metadata.Name, len(p.Spec.Platforms), len(p.Spec.ShortDescription))
	}
	validate := tool(t, "sigs.k8s.io/krew/cmd/validate-krew-manifest", krewVersion, "validate-krew-manifest")
	if out, err := exec.Command(validate, "-manifest", rel.Krew, "-skip-install").CombinedOutput(); err != nil {
		t.Fatalf("validate-krew-manifest: %v\n%s", err, out)
	}
	krew := tool(t, "sigs.k8s.io/krew/cmd/krew", krewVersion, "krew")
	var linux Archive
	for _, a := range rel.Archives {
		if a.OS == "linux" {
			linux = a
		}
	}
	krewRoot := t.TempDir()
	cmd := exec.Command(krew, "install", "--manifest="+rel.Krew, "--archive="+linux.Path)
	cmd.Env = append(os.Environ(), "KREW_ROOT="+krewRoot, "KREW_OS=linux", "KREW_ARCH=amd64")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("krew install: %v\n%s", err, out)
	}
	plugin := filepath.Join(krewRoot, "bin", "kubectl-why")
	out, err := exec.Command(plugin, "explain", "--help").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "kubectl why explain") {
		t.Errorf("installed kubectl-why explain --help: %v\n%s", err, out)
	}
	// A tampered archive is refused: the sha256 in the manifest is checked.
	bad := filepath.Join(t.TempDir(), filepath.Base(linux.Path))
	orig, _ := os.ReadFile(linux.Path)
	os.WriteFile(bad, append(orig, 0), 0o644)
	cmd = exec.Command(krew, "install", "--manifest="+rel.Krew, "--archive="+bad)
	cmd.Env = append(os.Environ(), "KREW_ROOT="+t.TempDir(), "KREW_OS=linux", "KREW_ARCH=amd64")
	if out, err := cmd.CombinedOutput(); err == nil {
		t.Errorf("krew installed an archive whose sha256 is not the manifest's:\n%s", out)
	}
}

// TestImage: the OCI layout holds one linux/amd64 image whose only layer
// carries the very release binary as /podwhy, run as 65532 with serve on
// :8080.
func TestImage(t *testing.T) {
	lp, err := layout.FromPath(rel.Image)
	if err != nil {
		t.Fatal(err)
	}
	top, err := lp.ImageIndex()
	if err != nil {
		t.Fatal(err)
	}
	tm, err := top.IndexManifest()
	if err != nil || len(tm.Manifests) != 1 || tm.Manifests[0].Annotations["io.containerd.image.name"] != "ghcr.io/podwhy/podwhy:v0.15.0" {
		t.Fatalf("layout index: %+v %v", tm, err)
	}
	idx, err := top.ImageIndex(tm.Manifests[0].Digest)
	if err != nil {
		t.Fatal(err)
	}
	im, err := idx.IndexManifest()
	if err != nil || len(im.Manifests) != 1 || im.Manifests[0].Platform == nil || im.Manifests[0].Platform.Architecture != "amd64" {
		t.Fatalf("index: %+v %v", im, err)
	}
	img, err := idx.Image(im.Manifests[0].Digest)
	if err != nil {
		t.Fatal(err)
	}
	cf, err := img.ConfigFile()
	if err != nil {
		t.Fatal(err)
	}
	c := cf.Config
	if cf.OS != "linux" || cf.Architecture != "amd64" || c.User != "65532:65532" || !slices.Equal(c.Entrypoint, []string{"/podwhy"}) ||
		!slices.Equal(c.Cmd, []string{"serve", "--addr=:8080"}) || c.Labels["org.opencontainers.image.version"] != "v0.15.0" {
		t.Errorf("config: %+v", cf)
	}
	layers, _ := img.Layers()
	if len(layers) != 1 {
		t.Fatalf("%d layers", len(layers))
	}
	rc, _ := layers[0].Uncompressed()
	defer rc.Close()
	tr := tar.NewReader(rc)
	want, _ := os.ReadFile(rel.Archives[0].Binary)
	for _, a := range rel.Archives {
		if a.OS == "linux" {
			want, _ = os.ReadFile(a.Binary)
		}
	}
	found := false
	for {
		h, err := tr.Next()
		if err != nil {
			break
		}
		if h.Name == "podwhy" {
			got, _ := io.ReadAll(tr)
			found = bytes.Equal(got, want) && h.Mode&0o111 != 0
		}
	}
	if !found {
		t.Error("the image's /podwhy is not the release binary, or not executable")
	}
}

func repoFile(t *testing.T, p string) []byte {
	t.Helper()
	root, _ := repoRoot()
	data, err := os.ReadFile(filepath.Join(root, p))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// exported are the metric names podwhy serve exports, read off its source.
func exported(t *testing.T) map[string]bool {
	src := repoFile(t, "internal/serve/metrics.go")
	out := map[string]bool{}
	for _, m := range regexp.MustCompile(`"(podwhy_[a-z_]+)"`).FindAllStringSubmatch(string(src), -1) {
		out[m[1]] = true
		out[m[1]+"_bucket"] = true // histograms
	}
	return out
}

func checkMetrics(t *testing.T, where, expr string, names map[string]bool) {
	t.Helper()
	e, err := parser.NewParser(parser.Options{}).ParseExpr(expr)
	if err != nil {
		t.Errorf("%s: %q: %v", where, expr, err)
		return
	}
	parser.Inspect(e, func(n parser.Node, _ []parser.Node) error {
		if vs, ok := n.(*parser.VectorSelector); ok && !names[vs.Name] {
			t.Errorf("%s: %q reads %s, which podwhy does not export", where, expr, vs.Name)
		}
		return nil
	})
}

// TestAlerts: the chart's PrometheusRule, rendered by helm, is rule groups
// Prometheus's own parser accepts (PromQL included), over metrics podwhy
// exports.
func TestAlerts(t *testing.T) {
	helm, err := exec.LookPath("helm")
	if err != nil {
		t.Skip("helm not on PATH (hack/test.sh builds it)")
	}
	root, _ := repoRoot()
	out, err := exec.Command(helm, "template", "t", filepath.Join(root, "charts/podwhy"), "-n", "podwhy", "--set", "prometheusRule.enabled=true,prometheusRule.errorFor=7m").Output()
	if err != nil {
		t.Fatal(err)
	}
	var spec []byte
	for _, doc := range strings.Split(string(out), "\n---") {
		var obj struct {
			Kind string          `json:"kind"`
			Spec json.RawMessage `json:"spec"`
		}
		if yaml.Unmarshal([]byte(doc), &obj) == nil && obj.Kind == "PrometheusRule" {
			spec, _ = yaml.JSONToYAML(obj.Spec)
		}
	}
	if spec == nil {
		t.Fatal("no PrometheusRule rendered")
	}
	groups, errs := rulefmt.Parse(spec, false, model.LegacyValidation, parser.NewParser(parser.Options{}), slog.New(slog.DiscardHandler))
	if len(errs) > 0 {
		t.Fatalf("rulefmt: %v\n%s", errs, spec)
	}
	names := exported(t)
	alerts := map[string]string{}
	for _, g := range groups.Groups {
		for _, r := range g.Rules {
			alerts[r.Alert] = r.For.String()
			checkMetrics(t, r.Alert, r.Expr, names)
		}
	}
	for _, a := range []string{"PodwhyErrorFinding", "PodwhyWarningFinding", "PodwhyNotConnected", "PodwhyNotReady"} {
		if _, ok := alerts[a]; !ok {
			t.Errorf("no alert %s", a)
		}
	}
	if alerts["PodwhyErrorFinding"] != "7m" {
		t.Errorf("errorFor=7m gave for: %s", alerts["PodwhyErrorFinding"])
	}
}

// TestDashboard: the Grafana dashboard is JSON whose every query parses
// as PromQL over metrics podwhy exports.
func TestDashboard(t *testing.T) {
	var d struct {
		Panels []struct {
			Title   string `json:"title"`
			Targets []struct {
				Expr string `json:"expr"`
			} `json:"targets"`
		} `json:"panels"`
	}
	if err := json.Unmarshal(repoFile(t, "charts/podwhy/files/dashboard.json"), &d); err != nil {
		t.Fatal(err)
	}
	names := exported(t)
	n := 0
	for _, p := range d.Panels {
		for _, tg := range p.Targets {
			// Grafana's variables, as Grafana substitutes them.
			expr := strings.NewReplacer("$namespace", ".*", "$__rate_interval", "5m").Replace(tg.Expr)
			checkMetrics(t, p.Title, expr, names)
			n++
		}
	}
	if n < 10 {
		t.Errorf("only %d queries", n)
	}
}

// TestK9sSchema: dist/k9s/plugins.yaml is valid against the plugins
// schema k9s itself validates with (from the k9s module, not copied).
func TestK9sSchema(t *testing.T) {
	out, err := exec.Command("go", "mod", "download", "-json", "github.com/derailed/k9s@v0.50.16").Output()
	if err != nil {
		t.Fatalf("go mod download k9s: %v", err)
	}
	var mod struct{ Dir string }
	json.Unmarshal(out, &mod)
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(filepath.Join(mod.Dir, "internal/config/json/schemas/plugins.json"))
	if err != nil {
		t.Fatal(err)
	}
	js, err := yaml.YAMLToJSON(repoFile(t, "dist/k9s/plugins.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	inst, _ := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err := sch.Validate(inst); err != nil {
		t.Error(err)
	}
	// The schema would catch this: the check is not vacuous.
	broken, _ := jsonschema.UnmarshalJSON(strings.NewReader(`{"plugins":{"x":{"shortCut":"Shift-Y","scopes":["pods"]}}}`))
	if sch.Validate(broken) == nil {
		t.Error("k9s's schema accepted a plugin without command")
	}
}
