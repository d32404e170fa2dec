package lint

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/podwhy/podwhy/internal/i18n"
)

// SARIF 2.1.0 (OASIS), the subset code-scanning UIs read: one run, the
// rules with their descriptions, and results with a physical location.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Language   string        `json:"language,omitempty"`
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	InformationURI string      `json:"informationUri"`
	Version        string      `json:"version,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	Properties           map[string]any `json:"properties,omitempty"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	PartialFingerprints map[string]string `json:"partialFingerprints"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical  `json:"physicalLocation"`
	LogicalLocations []sarifLogical `json:"logicalLocations,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn,omitempty"`
}

type sarifLogical struct {
	FullyQualifiedName string `json:"fullyQualifiedName"`
	Kind               string `json:"kind"`
}

func sarifLevel(s string) string {
	switch s {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

// artifactURI makes a file name a URI reference: relative paths stay
// relative (code scanning resolves them against the checkout), absolute
// ones become file: URIs.
func artifactURI(name string) string {
	if filepath.IsAbs(name) {
		return (&url.URL{Scheme: "file", Path: filepath.ToSlash(name)}).String()
	}
	return (&url.URL{Path: filepath.ToSlash(name)}).EscapedPath()
}

// fingerprint identifies a problem across runs while lines move: the file,
// rule, object and field path, never the position.
func fingerprint(p ReportProblem) string {
	h := sha256.Sum256([]byte(strings.Join([]string{p.File, p.Rule, p.Object.Kind, p.Object.Namespace, p.Object.Name, p.Path}, "\x00")))
	return hex.EncodeToString(h[:16])
}

// SARIF writes the report as a SARIF 2.1.0 log. version is podwhy's.
func SARIF(w io.Writer, rep *Report, version string) error {
	l := i18n.Lang(rep.Lang)
	drv := sarifDriver{Name: "podwhy", InformationURI: "https://github.com/podwhy/podwhy", Version: version, Rules: []sarifRule{}}
	index := map[string]int{}
	for i, r := range Rules {
		index[r.ID] = i
		props := map[string]any{"tags": []string{"kubernetes", strings.SplitN(r.ID, "/", 2)[0]}}
		if len(r.Predicts) > 0 {
			props["predicts"] = r.Predicts
		}
		drv.Rules = append(drv.Rules, sarifRule{
			ID: r.ID, Name: strings.ReplaceAll(r.ID, "/", ""),
			ShortDescription: sarifText{r.Title.String(l)}, FullDescription: sarifText{r.Why.String(l)}, Help: sarifText{r.Why.String(l)},
			DefaultConfiguration: sarifConfig{sarifLevel(r.Severity.String())}, Properties: props,
		})
	}
	run := sarifRun{Tool: sarifTool{drv}, Language: rep.Lang, ColumnKind: "unicodeCodePoints", Results: []sarifResult{}}
	for _, p := range rep.Problems {
		loc := sarifLocation{PhysicalLocation: sarifPhysical{ArtifactLocation: sarifArtifact{artifactURI(p.File)}}}
		if p.Line > 0 {
			loc.PhysicalLocation.Region = &sarifRegion{StartLine: p.Line, StartColumn: max(p.Column, 1)}
		}
		if p.Object.Kind != "" {
			name := p.Object.Kind + "/" + p.Object.Name
			if p.Object.Namespace != "" {
				name = p.Object.Kind + "/" + p.Object.Namespace + "/" + p.Object.Name
			}
			if p.Path != "" {
				name += "." + p.Path
			}
			loc.LogicalLocations = []sarifLogical{{FullyQualifiedName: name, Kind: "member"}}
		}
		run.Results = append(run.Results, sarifResult{
			RuleID: p.Rule, RuleIndex: index[p.Rule], Level: sarifLevel(p.Severity),
			Message: sarifText{p.Message}, Locations: []sarifLocation{loc},
			PartialFingerprints: map[string]string{"podwhyProblem/v1": fingerprint(p)},
		})
	}
	log := sarifLog{Schema: "https://json.schemastore.org/sarif-2.1.0.json", Version: "2.1.0", Runs: []sarifRun{run}}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(log); err != nil {
		return fmt.Errorf("encode SARIF: %w", err)
	}
	return nil
}
