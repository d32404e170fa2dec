package lab

import (
	"regexp"
	"testing"
)

var code = regexp.MustCompile(`^([A-Za-z]+(/[A-Za-z]+)?|-)$`)

// TestScenariosParse: every embedded scenario decodes into API objects
// and names a reason code and the component that produces it.
func TestScenariosParse(t *testing.T) {
	all, err := All()
	if err != nil {
		t.Fatal(err)
	}
	if len(all) < 20 {
		t.Errorf("only %d scenarios", len(all))
	}
	for _, s := range all {
		if !code.MatchString(s.Reason) || s.Source == "" || len(s.Objects) == 0 {
			t.Errorf("%s: reason %q source %q objects %d", s.Name, s.Reason, s.Source, len(s.Objects))
		}
	}
	if _, err := Get("no-such"); err == nil {
		t.Error("unknown scenario accepted")
	}
}
