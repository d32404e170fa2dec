package load

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"

	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"
)

// maxYAMLDoc bounds one YAML document: YAML cannot be streamed below the
// document, and a runaway document must fail with a message, not eat RAM.
const maxYAMLDoc = 512 << 20

// yamlStream reads multi-document YAML; each document is converted to JSON
// and goes through the same path as JSON input.
func (l *Loader) yamlStream(name string, br *bufio.Reader) error {
	rd := utilyaml.NewYAMLReader(bufio.NewReader(&guard{r: br, limit: 16 << 20, lines: true}))
	docs, total := 0, 0
	for {
		doc, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			if errors.Is(err, errTooBig) {
				return &Error{Input: name, Msg: "a YAML line is longer than 16 MiB: not kubectl output"}
			}
			return &Error{Input: name, Msg: "reading YAML: " + err.Error()}
		}
		docs++
		total += len(doc)
		if len(doc) > maxYAMLDoc {
			return &Error{Input: name, Msg: fmt.Sprintf("YAML document %d is larger than 512 MiB", docs)}
		}
		if len(bytes.TrimSpace(stripComments(doc))) == 0 {
			continue
		}
		js, err := yaml.YAMLToJSON(doc)
		if err != nil {
			return &Error{Input: name, Msg: fmt.Sprintf("invalid YAML in document %d: %s", docs, yamlErr(err))}
		}
		js = bytes.TrimSpace(js)
		if len(js) == 0 || string(js) == "null" {
			continue
		}
		if js[0] != '{' && js[0] != '[' {
			return &Error{Input: name, Msg: fmt.Sprintf("YAML document %d is not a Kubernetes object", docs)}
		}
		if err := l.jsonValue(name, newScanner(bufio.NewReader(bytes.NewReader(js)))); err != nil {
			var le *Error
			if errors.As(err, &le) && docs > 1 {
				le.Msg = fmt.Sprintf("document %d: %s", docs, le.Msg)
			}
			return err
		}
	}
	if total == 0 {
		return &Error{Input: name, Msg: "input is empty"}
	}
	return nil
}

func stripComments(doc []byte) []byte {
	var out bytes.Buffer
	for _, line := range bytes.Split(doc, []byte("\n")) {
		t := bytes.TrimSpace(line)
		if len(t) == 0 || t[0] == '#' || string(t) == "---" {
			continue
		}
		out.Write(line)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

func yamlErr(err error) string {
	s := err.Error()
	s = strings.TrimPrefix(s, "error converting YAML to JSON: ")
	return s
}
