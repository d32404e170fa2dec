package fix

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"time"

	"sigs.k8s.io/yaml"

	"github.com/podwhy/podwhy/internal/diagnose"
)

// Log appends one JSON line per applied change: who, what, when, on which
// cluster, how to undo it (for a patch, the exact inverse), and the object
// before the change with secret values masked.
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
	// UndoPatch is the JSON merge patch (RFC 7386; kubectl patch
	// --type=merge) that puts back the fields a patch changed, and only
	// those.
	UndoPatch json.RawMessage `json:"undoPatch,omitempty"`
	// Before is the object before the change, masked as diffs are (see
	// mask): what a deleted object was, for the record and to recreate it.
	Before string `json:"before,omitempty"`
}

// Record appends an applied (or failed) change; before and after are the
// object's images as the change's run returned them.
func (l *Log) Record(f *diagnose.Finding, c Change, before, after string, err error) error {
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
	} else if c.Verb == "patch" && !c.noInverse {
		p, perr := undoPatch(before, after)
		if perr != nil {
			return fmt.Errorf("change log: undo patch of %s: %w", refString(c.Object), perr)
		}
		e.UndoPatch = p
	}
	if err := os.MkdirAll(filepath.Dir(l.Path), 0o700); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	fh, err := os.OpenFile(l.Path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	defer fh.Close()
	// Without HTML escaping the masks read "<redacted: 7 bytes>" in the
	// file, not "\u003credacted…".
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(e); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	if _, err := fh.Write(b.Bytes()); err != nil {
		return fmt.Errorf("change log: %w", err)
	}
	return nil
}

// undoPatch is the merge patch from after back to before. It is computed
// from the masked images, so it holds nothing the log does not hold
// anyway; fields the server maintains are left out, since putting them
// back is neither possible nor meant.
func undoPatch(before, after string) (json.RawMessage, error) {
	if before == "" || after == "" {
		return nil, nil
	}
	var b, a map[string]any
	if err := yaml.Unmarshal([]byte(before), &b); err != nil {
		return nil, fmt.Errorf("before: %w", err)
	}
	if err := yaml.Unmarshal([]byte(after), &a); err != nil {
		return nil, fmt.Errorf("after: %w", err)
	}
	for _, m := range []map[string]any{a, b} {
		delete(m, "status")
		if md, ok := m["metadata"].(map[string]any); ok {
			for _, k := range []string{"resourceVersion", "generation", "managedFields", "uid", "creationTimestamp"} {
				delete(md, k)
			}
		}
	}
	p := mergeDiff(a, b)
	if len(p) == 0 {
		return nil, nil
	}
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(p); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(out.Bytes()), nil
}

// mergeDiff is the RFC 7386 patch that turns from into to: changed and
// new keys with their values in to, removed keys as null, maps recursed
// into. A value that is masked in to is left out: the placeholder would
// overwrite the real value, and no remedy changes masked fields.
func mergeDiff(from, to map[string]any) map[string]any {
	p := map[string]any{}
	for k, tv := range to {
		fv, ok := from[k]
		if ok && reflect.DeepEqual(fv, tv) {
			continue
		}
		fm, fok := fv.(map[string]any)
		tm, tok := tv.(map[string]any)
		if fok && tok {
			if d := mergeDiff(fm, tm); len(d) > 0 {
				p[k] = d
			}
			continue
		}
		if hasMask(tv) {
			continue
		}
		p[k] = tv
	}
	for k := range from {
		if _, ok := to[k]; !ok {
			p[k] = nil
		}
	}
	return p
}

func hasMask(v any) bool {
	switch v := v.(type) {
	case string:
		return strings.Contains(v, "<redacted: ") || strings.HasSuffix(v, " bytes, not shown>")
	case map[string]any:
		for _, x := range v {
			if hasMask(x) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if hasMask(x) {
				return true
			}
		}
	}
	return false
}
