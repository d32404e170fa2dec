package lint

import "github.com/podwhy/podwhy/internal/i18n"

// Rule IDs. Like the diagnosis's reason codes they are stable once
// shipped: SARIF consumers key alerts on them.
const (
	RuleSyntax         = "YAML/Syntax"
	RuleTemplate       = "YAML/Template"
	RuleDuplicateKey   = "YAML/DuplicateKey"
	RuleNotObject      = "Spec/NotAnObject"
	RuleMissingKind    = "Spec/MissingKind"
	RuleAPIVersion     = "Spec/APIVersion"
	RuleUnknownField   = "Spec/UnknownField"
	RuleWrongType      = "Spec/WrongType"
	RuleInvalidValue   = "Spec/InvalidValue"
	RuleRequired       = "Spec/Required"
	RuleCreateOnly     = "Spec/CreateOnly"
	RuleSelector       = "Spec/SelectorMismatch"
	RuleRestartPolicy  = "Spec/RestartPolicy"
	RuleUnknownVolume  = "Spec/UnknownVolume"
	RuleImageLatest    = "Image/Latest"
	RuleImageInvalid   = "Image/Invalid"
	RuleNoRequests     = "Resources/NoRequests"
	RuleNoLimits       = "Resources/NoLimits"
	RuleRequestOver    = "Resources/RequestAboveLimit"
	RuleTooLarge       = "Resources/TooLargeForNodes"
	RuleProbeNamedPort = "Probe/UnknownNamedPort"
	RuleProbePort      = "Probe/UndeclaredPort"
	RuleRefMissing     = "Ref/Missing"
	RuleRefKey         = "Ref/MissingKey"
	RuleHostPort       = "HostPort/Used"
	RuleHostPortNodes  = "HostPort/TooFewNodes"
	RuleStsService     = "StatefulSet/NoService"
	RuleStsHeadless    = "StatefulSet/NotHeadless"
	RuleStsSelector    = "StatefulSet/ServiceSelector"
)

// Rule describes one check: its default severity, a title, why it matters
// and which of the diagnosis's reason codes it predicts (what podwhy would
// report once the manifest is applied).
type Rule struct {
	ID       string
	Severity Severity
	Title    i18n.Msg
	Why      i18n.Msg
	Predicts []string
}

// ServerRefuses are the rules whose errors the API server (or kubectl
// before it) refuses the object for; the others predict what goes wrong
// once it runs. internal/lint's truth test holds lint to the real API
// server's verdicts on these.
var ServerRefuses = map[string]bool{
	RuleSyntax: true, RuleTemplate: true, RuleNotObject: true, RuleMissingKind: true, RuleAPIVersion: true,
	RuleUnknownField: true, RuleWrongType: true, RuleInvalidValue: true, RuleRequired: true, RuleCreateOnly: true, RuleSelector: true,
	RuleRestartPolicy: true, RuleUnknownVolume: true, RuleRequestOver: true,
}

// Rules lists every check, in the order SARIF declares them.
var Rules = []Rule{
	{RuleSyntax, Error, i18n.T("lint.rule.syntax"), i18n.T("lint.why.syntax"), nil},
	{RuleTemplate, Error, i18n.T("lint.rule.template"), i18n.T("lint.why.template"), nil},
	{RuleDuplicateKey, Warning, i18n.T("lint.rule.duplicate-key"), i18n.T("lint.why.duplicate-key"), nil},
	{RuleNotObject, Error, i18n.T("lint.rule.not-object"), i18n.T("lint.why.not-object"), nil},
	{RuleMissingKind, Error, i18n.T("lint.rule.missing-kind"), i18n.T("lint.why.missing-kind"), nil},
	{RuleAPIVersion, Error, i18n.T("lint.rule.api-version"), i18n.T("lint.why.api-version"), nil},
	{RuleUnknownField, Error, i18n.T("lint.rule.unknown-field"), i18n.T("lint.why.unknown-field"), []string{"Spec/UnknownField"}},
	{RuleWrongType, Error, i18n.T("lint.rule.wrong-type"), i18n.T("lint.why.wrong-type"), nil},
	{RuleInvalidValue, Error, i18n.T("lint.rule.invalid-value"), i18n.T("lint.why.invalid-value"), nil},
	{RuleRequired, Error, i18n.T("lint.rule.required"), i18n.T("lint.why.required"), nil},
	{RuleCreateOnly, Error, i18n.T("lint.rule.create-only"), i18n.T("lint.why.create-only"), nil},
	{RuleSelector, Error, i18n.T("lint.rule.selector"), i18n.T("lint.why.selector"), nil},
	{RuleRestartPolicy, Error, i18n.T("lint.rule.restart-policy"), i18n.T("lint.why.restart-policy"), nil},
	{RuleUnknownVolume, Error, i18n.T("lint.rule.unknown-volume"), i18n.T("lint.why.unknown-volume"), nil},
	{RuleImageLatest, Warning, i18n.T("lint.rule.image-latest"), i18n.T("lint.why.image-latest"), []string{"Image/NotFound", "Image/RateLimit", "Image/Network"}},
	{RuleImageInvalid, Error, i18n.T("lint.rule.image-invalid"), i18n.T("lint.why.image-invalid"), []string{"Image/Invalid"}},
	{RuleNoRequests, Warning, i18n.T("lint.rule.no-requests"), i18n.T("lint.why.no-requests"), []string{"Evicted", "Node/Pressure"}},
	{RuleNoLimits, Warning, i18n.T("lint.rule.no-limits"), i18n.T("lint.why.no-limits"), []string{"Node/Pressure", "Evicted"}},
	{RuleRequestOver, Error, i18n.T("lint.rule.request-over"), i18n.T("lint.why.request-over"), nil},
	{RuleTooLarge, Error, i18n.T("lint.rule.too-large"), i18n.T("lint.why.too-large"), []string{"Unschedulable/Resources"}},
	{RuleProbeNamedPort, Error, i18n.T("lint.rule.probe-named-port"), i18n.T("lint.why.probe-named-port"), []string{"Crash/Liveness", "Readiness/ProbeFailed"}},
	{RuleProbePort, Warning, i18n.T("lint.rule.probe-port"), i18n.T("lint.why.probe-port"), []string{"Crash/Liveness", "Readiness/ProbeFailed"}},
	{RuleRefMissing, Warning, i18n.T("lint.rule.ref-missing"), i18n.T("lint.why.ref-missing"), []string{"Config/MissingObject", "Mount/MissingObject", "Unschedulable/Volume", "Create/ServiceAccount", "Image/Auth"}},
	{RuleRefKey, Error, i18n.T("lint.rule.ref-key"), i18n.T("lint.why.ref-key"), []string{"Config/MissingKey"}},
	{RuleHostPort, Warning, i18n.T("lint.rule.host-port"), i18n.T("lint.why.host-port"), []string{"Unschedulable/HostPort"}},
	{RuleHostPortNodes, Error, i18n.T("lint.rule.host-port-nodes"), i18n.T("lint.why.host-port-nodes"), []string{"Unschedulable/HostPort"}},
	{RuleStsService, Warning, i18n.T("lint.rule.sts-service"), i18n.T("lint.why.sts-service"), []string{"StatefulSet/OrderedReadyBlocked"}},
	{RuleStsHeadless, Warning, i18n.T("lint.rule.sts-headless"), i18n.T("lint.why.sts-headless"), []string{"StatefulSet/OrderedReadyBlocked"}},
	{RuleStsSelector, Warning, i18n.T("lint.rule.sts-selector"), i18n.T("lint.why.sts-selector"), []string{"StatefulSet/OrderedReadyBlocked"}},
}

var ruleByID = func() map[string]Rule {
	m := make(map[string]Rule, len(Rules))
	for _, r := range Rules {
		m[r.ID] = r
	}
	return m
}()

// RuleByID returns a rule's description.
func RuleByID(id string) (Rule, bool) {
	r, ok := ruleByID[id]
	return r, ok
}

func msgSyntax(detail string) i18n.Msg { return i18n.T("lint.syntax", detail) }
func msgTemplate() i18n.Msg            { return i18n.T("lint.template") }

// ServerErrors runs lint on one file and returns, per document index (as
// Documents cuts it), the rules of the errors it reports that the API
// server refuses an object for: lint's prediction of `kubectl apply`'s
// verdict, document by document.
func ServerErrors(name string, data []byte) map[int][]string {
	docs := Documents(data)
	res := Run([]Input{{Name: name, Data: data}}, Options{})
	out := map[int][]string{}
	for _, p := range res.Problems {
		if p.Severity != Error || !ServerRefuses[p.Rule] {
			continue
		}
		for i, d := range docs {
			if p.Pos.Line >= d.FirstLine && p.Pos.Line < d.FirstLine+d.Lines {
				out[i] = append(out[i], p.Rule)
				break
			}
		}
	}
	return out
}
