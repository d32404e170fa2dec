package fix

import (
	"errors"
	"testing"

	"github.com/podwhy/podwhy/internal/diagnose"
)

func TestLookup(t *testing.T) {
	fs := []*diagnose.Finding{
		{ID: "ab12c0ffee01", Reason: "Image/Auth"},
		{ID: "ab34c0ffee02", Reason: "Terminating/Finalizer"},
		{ID: "ab56c0ffee03", Reason: "Node/NotReady"},
		{ID: "ab56c0ffee04", Reason: "Terminating/NodeLost"},
		{ID: "9f0000000000", Reason: "Crash/OOMKilled"},
	}
	for _, tc := range []struct {
		id, want, ambiguous string
	}{
		{id: "ab34c0ffee02", want: "ab34c0ffee02"},
		{id: "ab34c0", want: "ab34c0ffee02"},
		{id: "9f0000", want: "9f0000000000"},
		// Too short to name one finding on its own.
		{id: "9f"},
		{id: "ffffff"},
		{id: ""},
		// Several findings start with these: picking one would change an
		// object the user did not name.
		{id: "ab", ambiguous: `fix: ID prefix "ab" matches 4 findings: ab12c0ffee01, ab34c0ffee02, ab56c0ffee03, ab56c0ffee04`},
		{id: "ab56c0ffee0", ambiguous: `fix: ID prefix "ab56c0ffee0" matches 2 findings: ab56c0ffee03, ab56c0ffee04`},
	} {
		got, err := Lookup(fs, tc.id)
		var amb *AmbiguousIDError
		switch {
		case tc.ambiguous != "":
			if !errors.As(err, &amb) || err.Error() != tc.ambiguous || got != nil {
				t.Errorf("%q: got %v, %v; want the error %s", tc.id, got, err, tc.ambiguous)
			}
		case err != nil:
			t.Errorf("%q: %v", tc.id, err)
		case tc.want == "" && got != nil:
			t.Errorf("%q: matched %s, want none", tc.id, got.ID)
		case tc.want != "" && (got == nil || got.ID != tc.want):
			t.Errorf("%q: got %v, want %s", tc.id, got, tc.want)
		}
	}
}
