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

// newLoader returns a loader that reads dumps and pasted kubectl text; now
// is the moment the text was printed, when the user knows it (--now).
func newLoader(b *snapshot.Builder, format string, now time.Time) (*load.Loader, error) {
	l := load.New(b)
	tf := kubetext.Auto
	switch format {
	case "", "auto":
	case "json", "yaml":
		l.Format = format
	case "describe", "events", "get-pods", "message", "text":
		l.Format, tf = "text", kubetext.Format(format)
	default:
		return nil, fmt.Errorf("--input-format %q: use %s", format, strings.Join(inputFormats, ", "))
	}
	l.IsText = kubetext.Sniff
	l.Text = func(b *snapshot.Builder, name string, data []byte) (int, error) {
		before := l.Stats.Objects
		// The -o json/yaml parts of a paste are read as the dumps they are.
		sub := *l
		sub.Format, sub.Text = "", nil
		structured := func(d []byte) error {
			err := sub.Reader(name, "", bytes.NewReader(d))
			l.Stats.Objects += sub.Stats.Objects
			sub.Stats.Objects = 0
			return err
		}
		res, err := kubetext.Load(b, data, kubetext.Options{Now: now, Format: tf, Structured: structured})
		if err != nil {
			return 0, err
		}
		return len(res.Objects) + len(res.Events) + (l.Stats.Objects - before), nil
	}
	return l, nil
}
