package cli

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/podwhy/podwhy/internal/kubetext"
	"github.com/podwhy/podwhy/internal/load"
	"github.com/podwhy/podwhy/internal/snapshot"
)

var inputFormats = []string{"auto", "json", "yaml", "describe", "events", "get-pods", "message", "text"}

// inputs reads a run's -f inputs: dumps as they come, pasted text kept
// until every input was read and then parsed together, so an events table
// joins the pods another input showed and every age has one clock.
type inputs struct {
	l      *load.Loader
	b      *snapshot.Builder
	format kubetext.Format
	now    time.Time
	texts  []kubetext.Input
}

// newInputs returns the reader of a run's inputs; now is the moment the
// text was printed, when the user knows it (--now).
func newInputs(b *snapshot.Builder, format string, now time.Time) (*inputs, error) {
	in := &inputs{l: load.New(b), b: b, format: kubetext.Auto, now: now}
	switch format {
	case "", "auto":
	case "json", "yaml":
		in.l.Format = format
	case "describe", "events", "get-pods", "message", "text":
		in.l.Format, in.format = "text", kubetext.Format(format)
	default:
		return nil, fmt.Errorf("--input-format %q: use %s", format, strings.Join(inputFormats, ", "))
	}
	in.l.IsText = kubetext.Sniff
	in.l.Text = func(_ *snapshot.Builder, name string, data []byte) (int, error) {
		if len(bytes.TrimSpace(data)) == 0 {
			return 0, fmt.Errorf("input is empty")
		}
		in.texts = append(in.texts, kubetext.Input{Name: name, Data: data})
		return 0, nil
	}
	return in, nil
}

// finish parses the pasted texts, after the dumps, so that their times
// anchor the text's ages too.
func (in *inputs) finish() error {
	// Pods that only events show, in a dump without pods.
	defer kubetext.ImplyPods(in.b)
	if len(in.texts) == 0 {
		return nil
	}
	// The -o json/yaml parts of a paste are read as the dumps they are.
	sub := *in.l
	sub.Format, sub.Text = "", nil
	structured := func(d []byte) error {
		err := sub.Reader("paste", "", bytes.NewReader(d))
		in.l.Stats.Objects += sub.Stats.Objects
		sub.Stats.Objects = 0
		return err
	}
	opts := kubetext.Options{Now: in.now, Format: in.format, Structured: structured, Anchor: in.b.Latest()}
	res, err := kubetext.LoadAll(in.b, in.texts, opts)
	if err != nil {
		names := make([]string, len(in.texts))
		for i, t := range in.texts {
			names[i] = t.Name
		}
		return &load.Error{Input: strings.Join(names, ", "), Msg: err.Error()}
	}
	// kubectl's own answers ("No resources found") are something read.
	in.l.Stats.Objects += len(res.Objects) + len(res.Events) + len(res.Logs) + res.Found["kubectl-error"]
	return nil
}
