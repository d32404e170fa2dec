package cli

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// TestLintBinary: lint of an executable, a gzip file or text with NUL
// bytes is exit 2 with one line naming the file, as any unreadable input.
func TestLintBinary(t *testing.T) {
	dir := t.TempDir()
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("apiVersion: v1\nkind: Pod\n"))
	zw.Close()
	// The start of an x86-64 Linux executable, as /bin/ls has it.
	self := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00"), make([]byte, 512)...)
	files := map[string][]byte{
		"podwhy.test": self,
		"chart.tgz":   gz.Bytes(),
		"nul.yaml":    []byte("apiVersion: v1\nkind: Pod\x00\nmetadata:\n  name: x\n"),
	}
	for name, data := range files {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, o := range []string{"text", "json", "sarif"} {
			code, out, errOut := runCLI(t, "", "lint", path, "-o", o)
			if want := "podwhy: " + path + ": binary data, not YAML or JSON\n"; code != ExitUsage || out != "" || errOut != want {
				t.Errorf("%s -o %s: exit %d, stdout %q, stderr %q; want 2 and %q", name, o, code, out, errOut, want)
			}
		}
	}
	code, out, errOut := runCLI(t, "kind: Pod\x00\n", "lint", "-")
	if code != ExitUsage || out != "" || errOut != "podwhy: stdin: binary data, not YAML or JSON\n" {
		t.Errorf("stdin: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
