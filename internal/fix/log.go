package fix

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/podwhy/podwhy/internal/diagnose"
)

// Log appends one JSON line per applied change: who, what, when, on which
// cluster, the object before the change, and how to undo it.
type Log struct {
	Path    string
	User    string
	Cluster string
	now     func() time.Time
}

// DefaultLogPath is $XDG_STATE_HOME/podwhy/changes.log, else
// ~/.local/state/podwhy/changes.log.
func DefaultLogPath() string {
	dir := os.Getenv("XDG_STATE_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "podwhy-changes.log"
		}
		dir = filepath.Join(home, ".local", "state")
	}
	return filepath.Join(dir, "podwhy", "changes.log")
}

type entry struct {
	Time    time.Time `json:"time"`
	User    string    `json:"user"`
	Cluster string    `json:"cluster"`
	Finding string    `json:"finding"`
	Reason  string    `json:"reason"`
	Verb    string    `json:"verb"`
	Object  string    `json:"object"`
	Result  string    `json:"result"`
	Undo    string    `json:"undo"`
	Before  string    `json:"before,omitempty"`
}

// Record appends an applied (or failed) change.
func (l *Log) Record(f *diagnose.Finding, c Change, before string, err error) error {
	if l == nil || l.Path == "" {
		return nil
	}
	now := time.Now
	if l.now != nil {
		now = l.now
	}
	e := entry{Time: now().UTC(), User: l.User, Cluster: l.Cluster, Finding: f.ID, Reason: f.Reason, Verb: c.Verb,
		Object: refString(c.Object), Result: "done", Undo: c.Undo, Before: before}
	if err != nil {
		e.Result = "failed: " + err.Error()
	}
	if err := os.MkdirAll(filepath.Dir(l.Path), 0o700); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	fh, err := os.OpenFile(l.Path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	defer fh.Close()
	b, _ := json.Marshal(e)
	if _, err := fh.Write(append(b, '\n')); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	return nil
}
