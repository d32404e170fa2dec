package lint_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/lint"
)

// allBad lints the whole broken corpus at once: every rule but the
// cluster ones, many files, both languages' texts.
func allBad(t *testing.T) *lint.Result {
	t.Helper()
	inputs, err := lint.ReadPath("testdata/bad", nil)
	if err != nil {
		t.Fatal(err)
	}
	return lint.Run(inputs, lint.Options{})
}

// TestSARIF: the SARIF log validates against the SARIF 2.1.0 schema's
// constraints, and holds together where a schema cannot say: each result
// names a declared rule by id and index, its file exists relative to the
// working directory (as code scanning resolves it against the checkout),
// and fingerprints tell problems apart.
func TestSARIF(t *testing.T) {
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	sch, err := c.Compile("testdata/sarif-2.1.0-subset.schema.json")
	if err != nil {
		t.Fatal(err)
	}
	res := allBad(t)
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		var buf bytes.Buffer
		if err := lint.SARIF(&buf, lint.Build(res, lang), "v1.2.3"); err != nil {
			t.Fatal(err)
		}
		inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(buf.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(inst); err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		// The schema is strict enough to catch what code scanning rejects.
		for _, bad := range [][2]string{{`"level": "warning"`, `"level": "warn"`}, {`"startLine": `, `"startLine": -`}, {`"version": "2.1.0"`, `"version": "2.0"`}} {
			tampered, err := jsonschema.UnmarshalJSON(strings.NewReader(strings.Replace(buf.String(), bad[0], bad[1], 1)))
			if err != nil {
				t.Fatal(err)
			}
			if sch.Validate(tampered) == nil {
				t.Errorf("schema accepts %s", bad[1])
			}
		}
		var log struct {
			Runs []struct {
				Tool struct {
					Driver struct {
						Version string
						Rules   []struct{ ID string }
					}
				}
				Results []struct {
					RuleID    string
					RuleIndex int
					Level     string
					Locations []struct {
						PhysicalLocation struct{ ArtifactLocation struct{ URI string } }
					}
					PartialFingerprints map[string]string
				}
			}
		}
		if err := json.Unmarshal(buf.Bytes(), &log); err != nil {
			t.Fatal(err)
		}
		run := log.Runs[0]
		if run.Tool.Driver.Version != "v1.2.3" || len(run.Tool.Driver.Rules) != len(lint.Rules) {
			t.Errorf("driver: version %q, %d rules", run.Tool.Driver.Version, len(run.Tool.Driver.Rules))
		}
		if len(run.Results) != len(res.Problems) {
			t.Fatalf("%d results for %d problems", len(run.Results), len(res.Problems))
		}
		seen := map[string]bool{}
		for _, r := range run.Results {
			if r.RuleIndex < 0 || r.RuleIndex >= len(run.Tool.Driver.Rules) || run.Tool.Driver.Rules[r.RuleIndex].ID != r.RuleID {
				t.Errorf("result %s has ruleIndex %d", r.RuleID, r.RuleIndex)
			}
			uri := r.Locations[0].PhysicalLocation.ArtifactLocation.URI
			if _, err := os.Stat(filepath.FromSlash(uri)); err != nil {
				t.Errorf("artifact %q: %v", uri, err)
			}
			fp := r.PartialFingerprints["podwhyProblem/v1"]
			if fp == "" || seen[fp] {
				t.Errorf("fingerprint %q empty or repeated (%s in %s)", fp, r.RuleID, uri)
			}
			seen[fp] = true
		}
	}
}

// TestJSONReport: -o json round-trips and its counts add up.
func TestJSONReport(t *testing.T) {
	res := allBad(t)
	var buf bytes.Buffer
	if err := lint.JSON(&buf, lint.Build(res, i18n.ZH)); err != nil {
		t.Fatal(err)
	}
	var rep lint.Report
	if err := json.Unmarshal(buf.Bytes(), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.APIVersion != lint.APIVersion || rep.Kind != lint.ReportKind || rep.Lang != "zh" {
		t.Errorf("header %s %s %s", rep.APIVersion, rep.Kind, rep.Lang)
	}
	s := rep.Summary
	if s.Errors+s.Warnings+s.Infos != len(rep.Problems) || len(rep.Problems) != len(res.Problems) || s.Errors != res.Count(lint.Error) {
		t.Errorf("summary %+v for %d problems", s, len(rep.Problems))
	}
	total := 0
	for _, n := range s.ByRule {
		total += n
	}
	if total != len(rep.Problems) {
		t.Errorf("byRule adds up to %d, not %d", total, len(rep.Problems))
	}
	for _, p := range rep.Problems {
		if p.Message == "" || p.Why == "" || p.Line < 1 || !strings.HasPrefix(p.File, "testdata/bad/") {
			t.Errorf("problem %+v", p)
		}
	}
}

// TestNoSecretValues: nothing of a Secret's values reaches any output,
// whatever is wrong with it: a bad base64, a number, a duplicate key, a
// missing key that lists the ones present, a value in the wrong place.
func TestNoSecretValues(t *testing.T) {
	manifest := `apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  token: s3cr3t-t0ken-do-not-print!
  api: c2VjcmV0LWJhc2U2NC12YWx1ZQ==
  api: c2VjcmV0LWJhc2U2NC12YWx1ZQ==
stringData:
  pin: 987654321
  password: hunter2-do-not-print
  flag: yes
  nested: {user: alice-do-not-print}
passwrd: top-level-do-not-print
---
apiVersion: v1
kind: Pod
metadata:
  name: app
spec:
  containers:
  - name: app
    image: registry.example.com/app:1.0.0
    env:
    - name: PASSWORD
      value: 12345678
    - name: KEY
      valueFrom:
        secretKeyRef: {name: creds, key: apikey}
    resources:
      requests: {cpu: 10m, memory: 16Mi}
      limits: {memory: 32Mi}
`
	res := lint.Run([]lint.Input{{Name: "secret.yaml", Data: []byte(manifest)}}, lint.Options{})
	if len(res.Problems) < 6 {
		t.Fatalf("only %d problems", len(res.Problems))
	}
	secrets := []string{"s3cr3t", "c2VjcmV0", "secret-base64", "987654321", "hunter2", "alice-do-not", "top-level-do-not", "12345678"}
	for _, lang := range []i18n.Lang{i18n.EN, i18n.ZH} {
		rep := lint.Build(res, lang)
		var all bytes.Buffer
		_ = lint.Text(&all, rep, lint.TextOptions{Lang: lang})
		_ = lint.JSON(&all, rep)
		_ = lint.SARIF(&all, rep, "dev")
		for _, s := range secrets {
			if bytes.Contains(all.Bytes(), []byte(s)) {
				t.Errorf("%s output contains the secret value %q", lang, s)
			}
		}
	}
}
