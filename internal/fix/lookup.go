package fix

import (
	"fmt"
	"sort"
	"strings"

	"github.com/podwhy/podwhy/internal/diagnose"
)

// MinIDPrefix is the shortest prefix of a finding ID that fix accepts on
// its own: shorter ones too easily name a finding the user never saw.
const MinIDPrefix = 6

// AmbiguousIDError is a prefix that more than one finding's ID starts
// with. Picking one of them would change an object the user did not
// mean, so the matches are listed for them to choose.
type AmbiguousIDError struct {
	Prefix string
	IDs    []string
}

func (e *AmbiguousIDError) Error() string {
	return fmt.Sprintf("fix: ID prefix %q matches %d findings: %s", e.Prefix, len(e.IDs), strings.Join(e.IDs, ", "))
}

// Lookup returns the finding id names: the one whose ID it is, or the
// only one whose ID starts with it. It returns nil, nil when no finding
// matches (or the only match is by a prefix shorter than MinIDPrefix),
// and an *AmbiguousIDError when several do.
func Lookup(findings []*diagnose.Finding, id string) (*diagnose.Finding, error) {
	var matches []*diagnose.Finding
	seen := map[string]bool{}
	for _, f := range findings {
		if f.ID == id {
			return f, nil
		}
		if id != "" && strings.HasPrefix(f.ID, id) && !seen[f.ID] {
			seen[f.ID] = true
			matches = append(matches, f)
		}
	}
	switch {
	case len(matches) > 1:
		ids := make([]string, len(matches))
		for i, f := range matches {
			ids[i] = f.ID
		}
		sort.Strings(ids)
		return nil, &AmbiguousIDError{Prefix: id, IDs: ids}
	case len(matches) == 1 && len(id) >= MinIDPrefix:
		return matches[0], nil
	}
	return nil, nil
}
