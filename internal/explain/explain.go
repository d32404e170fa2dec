// Package explain describes pod states in words: what a state means, its
// usual causes, and how to check each — the troubleshooting knowledge, for
// "podwhy explain CrashLoopBackOff" when there is no cluster or dump at hand.
package explain

import (
	"io"
	"strings"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/report"
)

// State is one explainable state.
type State struct {
	ID      string
	Aliases []string // how kubectl and people spell it
	Meaning i18n.Msg
	Causes  i18n.Msg // one cause per line, each with how to check it
}

// States are the pod states of the failure catalog.
var States = []State{
	{ID: "pending", Aliases: []string{"Pending", "SchedulingGated", "Unschedulable", "FailedScheduling"}},
	{ID: "containercreating", Aliases: []string{"ContainerCreating", "Waiting", "PodInitializing", "FailedCreatePodSandBox", "FailedMount"}},
	{ID: "imagepullbackoff", Aliases: []string{"ImagePullBackOff", "ErrImagePull", "InvalidImageName", "ErrImageNeverPull"}},
	{ID: "crashloopbackoff", Aliases: []string{"CrashLoopBackOff", "OOMKilled", "Completed"}},
	{ID: "createcontainerconfigerror", Aliases: []string{"CreateContainerConfigError", "CreateContainerError", "RunContainerError", "StartError"}},
	{ID: "error", Aliases: []string{"Error", "Failed", "FailedCreate", "Evicted", "OutOfcpu", "OutOfmemory", "DeadlineExceeded"}},
	{ID: "terminating", Aliases: []string{"Terminating"}},
	{ID: "unknown", Aliases: []string{"Unknown", "NodeLost", "NotReady", "NodeNotReady"}},
	{ID: "notready", Aliases: []string{"Running", "Unhealthy", "Readiness"}},
}

func init() {
	for i := range States {
		States[i].Meaning = i18n.T("explain." + States[i].ID + ".meaning")
		States[i].Causes = i18n.T("explain." + States[i].ID + ".causes")
	}
}

// Find returns the state a word names ("CrashLoopBackOff", "Init:Error",
// "imagepullbackoff"), or false.
func Find(word string) (State, bool) {
	w := strings.TrimSpace(word)
	w = strings.TrimPrefix(w, "Init:")
	for _, s := range States {
		if strings.EqualFold(w, s.ID) {
			return s, true
		}
		for _, a := range s.Aliases {
			if strings.EqualFold(w, a) {
				return s, true
			}
		}
	}
	return State{}, false
}

// Names lists the state names Find knows, for help and errors.
func Names() []string {
	var out []string
	for _, s := range States {
		out = append(out, s.Aliases[0])
	}
	return out
}

// CauseLines are the state's usual causes in a language, one a line, each
// with how to check it.
func (s State) CauseLines(lang i18n.Lang) []string {
	return strings.Split(s.Causes.String(lang), "\n")
}

// CatalogURL is the failure catalog (docs/catalog.md) where a reader of
// the binary finds it.
const CatalogURL = "https://github.com/podwhy/podwhy/blob/main/docs/catalog.md"

// Write prints what "podwhy explain STATE" shows (and the MCP explain
// tool's text): the meaning, the causes and how to check each, and where
// the catalog is, wrapped like the report.
func (s State) Write(w io.Writer, o report.TextOptions) error {
	causes := append(s.CauseLines(o.Lang), "", i18n.T("explain.catalog", CatalogURL).String(o.Lang))
	return report.Explanation(w, s.Meaning.String(o.Lang), i18n.T("explain.causes-title").String(o.Lang), causes, o)
}
