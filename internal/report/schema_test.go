package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/podwhy/podwhy/internal/diagnose"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/report"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// inputs are every rule test case plus the shipped example.
func inputs(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	cases, _ := filepath.Glob("../diagnose/testdata/*.yaml")
	for _, c := range cases {
		if strings.HasPrefix(filepath.Base(c), "_") {
			continue
		}
		out[filepath.Base(c)] = []string{"../diagnose/testdata/_nodes.yaml", c}
	}
	if _, err := os.Stat("../../examples/broken-cluster"); err == nil {
		out["examples"] = []string{"../../examples/broken-cluster"}
	}
	return out
}

func diagnoseFiles(t *testing.T, files []string) *diagnose.Result {
	t.Helper()
	b := snapshot.NewBuilder()
	l := load.New(b)
	for _, f := range files {
		if err := l.Path(f); err != nil {
			t.Fatal(err)
		}
	}
	return diagnose.Run(b.Build(time.Time{}), diagnose.DefaultOptions())
}

// TestJSONSchema: every -o json document validates against the published
// schema and round-trips through the Go type unchanged.
func TestJSONSchema(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("../../docs/schema/report-v1.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, files := range inputs(t) {
		res := diagnoseFiles(t, files)
		for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
			var buf bytes.Buffer
			if err := report.JSON(&buf, report.Build(res, lang)); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := sch.Validate(inst); err != nil {
				t.Errorf("%s (%s): %v", name, lang, err)
			}
			var doc report.Doc
			dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
			dec.DisallowUnknownFields()
			if err := dec.Decode(&doc); err != nil {
				t.Fatalf("%s: decode: %v", name, err)
			}
			var again bytes.Buffer
			if err := report.JSON(&again, doc); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(buf.Bytes(), again.Bytes()) {
				t.Errorf("%s (%s): JSON does not round-trip", name, lang)
			}
		}
	}
}

// TestYAMLAndMarkdown: the other formats render every case without error
// and carry every finding ID.
func TestYAMLAndMarkdown(t *testing.T) {
	for name, files := range inputs(t) {
		res := diagnoseFiles(t, files)
		doc := report.Build(res, i18n.EN)
		var y, md bytes.Buffer
		if err := report.YAML(&y, doc); err != nil {
			t.Fatal(err)
		}
		if err := report.Markdown(&md, doc, i18n.ZH); err != nil {
			t.Fatal(err)
		}
		for _, f := range doc.Findings {
			if !strings.Contains(y.String(), f.ID) || !strings.Contains(md.String(), f.ID) {
				t.Errorf("%s: finding %s missing from YAML or Markdown", name, f.ID)
			}
		}
	}
}
