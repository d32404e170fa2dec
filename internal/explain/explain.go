// Package explain describes pod states in words: what a state means, its
// usual causes, and how to check each — the troubleshooting knowledge, for
// "podwhy explain CrashLoopBackOff" when there is no cluster or dump at hand.
package explain

import (
	"strings"

	"github.com/podwhy/podwhy/internal/i18n"
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

// Text is what "podwhy explain STATE" prints: the meaning, then the causes.
func (s State) Text(lang i18n.Lang) string {
	var b strings.Builder
	b.WriteString(s.Meaning.String(lang) + "\n\n")
	b.WriteString(i18n.T("explain.causes-title").String(lang) + "\n")
	for _, line := range s.CauseLines(lang) {
		b.WriteString("  " + line + "\n")
	}
	return b.String()
}
