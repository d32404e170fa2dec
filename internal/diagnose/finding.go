// Package diagnose turns a snapshot into findings. Every rule is a pure
// function of the snapshot and its reference time: no API calls, no clock.
// Rules live one file per failure class (rule_*.go); this file holds the
// finding model, group.go merges per-pod results into one finding per
// owner and cause.
package diagnose

import (
	"time"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/shell"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// Severity orders findings; higher is worse.
type Severity int

const (
	Info Severity = iota
	Warning
	Error
)

func (s Severity) String() string {
	switch s {
	case Error:
		return "error"
	case Warning:
		return "warning"
	}
	return "info"
}

// ParseSeverity reads error|warning|info.
func ParseSeverity(s string) (Severity, bool) {
	switch s {
	case "error":
		return Error, true
	case "warning":
		return Warning, true
	case "info":
		return Info, true
	}
	return Info, false
}

// Classes: the catalog's sections.
const (
	ClassPending    = "Pending"
	ClassWaiting    = "Waiting"
	ClassImagePull  = "ImagePullBackOff"
	ClassCrashLoop  = "CrashLoopBackOff"
	ClassError      = "Error"
	ClassTerminate  = "Terminating"
	ClassUnknown    = "Unknown"
	ClassMisbehave  = "Misbehaving"
	ClassController = "Controller"
	ClassNotReady   = "NotReady"
	ClassNode       = "Node"
)

// Evidence is one fact that proves a finding: an event, a status or spec
// field, or a line of a log. Text is quoted from the object as it is.
type Evidence struct {
	Kind   string             `json:"kind"` // event, status, spec, object, log
	Object snapshot.ObjectRef `json:"object"`
	// Field is the path of a status/spec value; Reason the event reason.
	Field  string `json:"field,omitempty"`
	Reason string `json:"reason,omitempty"`
	Type   string `json:"type,omitempty"` // event type
	Text   string `json:"text"`
	Count  int32  `json:"count,omitempty"`
	// First/Last are for events; Age fields are derived by the report.
	First time.Time `json:"firstSeen,omitempty"`
	Last  time.Time `json:"lastSeen,omitempty"`
	// Note explains the fact in words (translated), e.g. "memory limit".
	Note i18n.Msg `json:"-"`
}

// Step is something to do next: advice, and a command with the real names
// filled in when there is one.
type Step struct {
	Text i18n.Msg `json:"-"`
	// Command is built as argument lists; it is quoted only when printed.
	Command shell.Cmd `json:"-"`
	// Changes is true for commands that modify the cluster.
	Changes bool `json:"changes,omitempty"`
}

// PodRef is one affected pod.
type PodRef struct {
	Namespace string    `json:"namespace"`
	Name      string    `json:"name"`
	UID       string    `json:"uid,omitempty"`
	Node      string    `json:"node,omitempty"`
	Status    string    `json:"status"` // what kubectl get pods prints in STATUS
	Restarts  int32     `json:"restarts"`
	Created   time.Time `json:"created"`
}

// Finding is one root cause with every object it affects.
type Finding struct {
	ID       string   `json:"id"`
	Severity Severity `json:"-"`
	Class    string   `json:"class"`
	Reason   string   `json:"reason"`

	Namespace string `json:"namespace,omitempty"`
	// Subject is what the finding is about: the owning controller, a lone
	// pod, or a node.
	Subject snapshot.ObjectRef `json:"subject"`
	// Container is set for container-level causes.
	Container     string `json:"container,omitempty"`
	InitContainer bool   `json:"initContainer,omitempty"`
	Sidecar       bool   `json:"sidecar,omitempty"`
	// OtherContainersOK says whether the pod's other containers are fine.
	OtherContainersOK *bool `json:"otherContainersOK,omitempty"`

	Pods []PodRef `json:"pods,omitempty"`
	// PodsTotal is how many pods the subject controller has.
	PodsTotal int    `json:"podsTotal,omitempty"`
	Node      string `json:"node,omitempty"`

	Headline  i18n.Msg   `json:"-"`
	Evidence  []Evidence `json:"evidence"`
	Explain   i18n.Msg   `json:"-"`
	Steps     []Step     `json:"-"`
	Unchecked []i18n.Msg `json:"-"`
	// Confidence is high, medium or low: how much of what decides the
	// finding the input showed.
	Confidence string `json:"confidence"`
	// PasteNext are the kubectl commands whose output would settle what
	// pasted text could not show.
	PasteNext []string `json:"pasteNext,omitempty"`
	// Tags are further codes that apply, e.g. Spec/StaticPod for a mirror pod.
	Tags []string `json:"tags,omitempty"`
	// Since is when the problem started, as far as the objects show.
	Since time.Time `json:"since,omitempty"`
	// CausedBy are the findings that explain this one (a crash on
	// "connection refused" caused by the Pending pod behind the Service);
	// Causes the reverse. IDs, root first in the text report.
	CausedBy []string `json:"causedBy,omitempty"`
	Causes   []string `json:"causes,omitempty"`

	groupKey string
	// dependsOn are the pods (namespace/name) the finding waits on: the
	// ones behind a Service it could not reach.
	dependsOn []string
	// attachOnly marks controller facts that belong in the pod finding of
	// the same subject when there is one; extraSteps go with them.
	attachOnly bool
	// skip marks a pod explained elsewhere (its node's finding).
	skip       bool
	extraSteps []Step
}

// Result is a diagnosis.
type Result struct {
	Now      time.Time
	Findings []*Finding
	// Scanned counts what was looked at.
	Scanned struct {
		Pods, Nodes, Namespaces int
	}
	// Notes are input limitations (forbidden lists, missing kinds).
	Notes []i18n.Msg
	// Unexplained are the Warning events of pasted text that no finding
	// accounts for.
	Unexplained []Evidence
}
