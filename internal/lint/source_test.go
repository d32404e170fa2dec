package lint

import (
	"bytes"
	"compress/gzip"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

func utf16le(s string) []byte {
	b := []byte{0xff, 0xfe}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// TestReadPathBinary: what is no text is one input error, not a report
// of YAML syntax errors; text with a stray byte stays a syntax problem
// at its line.
func TestReadPathBinary(t *testing.T) {
	const manifest = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: b\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(manifest))
	zw.Close()
	// The start of an x86-64 Linux executable, as /bin/ls has it.
	self := append([]byte("\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x03\x00>\x00\x01\x00\x00\x00"), make([]byte, 512)...)
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(i*7%31 + 1) // control characters, no NUL
	}
	for _, tc := range []struct {
		name   string
		data   []byte
		binary bool
	}{
		{"executable", self, true},
		{"chart.tgz", gz.Bytes(), true},
		{"nul.yaml", []byte("apiVersion: v1\nkind: Pod\x00\nmetadata:\n  name: x\n"), true},
		{"nul-only", []byte{0, 0, 0}, true},
		{"controls.yaml", noise, true},
		{"utf16-nul.yaml", utf16le("kind: Pod\x00\n"), true},
		{"plain.yaml", []byte(manifest), false},
		{"utf16.yaml", utf16le(manifest), false},
		{"latin1.yaml", []byte("# caf\xe9\n" + manifest), false},
		{"bell.yaml", []byte("apiVersion: v1\x07\n" + manifest), false},
		{"empty.yaml", nil, false},
	} {
		path := filepath.Join(t.TempDir(), tc.name)
		if err := os.WriteFile(path, tc.data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := ReadPath(path, nil)
		_, errStdin := ReadPath("-", bytes.NewReader(tc.data))
		if tc.binary {
			var ie *InputError
			if !errors.As(err, &ie) || !errors.Is(err, ErrBinary) || err.Error() != path+": binary data, not YAML or JSON" {
				t.Errorf("%s: got %v, want %s: binary data", tc.name, err, path)
			}
			if !errors.Is(errStdin, ErrBinary) || errStdin.Error() != "stdin: binary data, not YAML or JSON" {
				t.Errorf("%s on stdin: got %v", tc.name, errStdin)
			}
			continue
		}
		if err != nil || errStdin != nil {
			t.Errorf("%s: %v / %v", tc.name, err, errStdin)
		}
	}

	// A folder holding a binary among its manifests stops at it, by name.
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "a.yaml"), []byte(manifest), 0o644)
	os.WriteFile(filepath.Join(dir, "b.yaml"), gz.Bytes(), 0o644)
	if _, err := ReadPath(dir, nil); !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), "b.yaml") {
		t.Errorf("folder: %v", err)
	}
}
