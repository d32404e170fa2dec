// Package gomod finds a public module's files: the go command downloads
// MODULE@VERSION from the Go module proxy (or finds it in the module
// cache) and says where it is. Tests and generators read public corpora
// and API data this way instead of copying their text into the repository.
package gomod

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
)

var (
	mu   sync.Mutex
	dirs = map[string]string{}
)

// Dir returns the directory of module@version in the module cache,
// downloading it first if needed.
func Dir(module string) (string, error) {
	mu.Lock()
	defer mu.Unlock()
	if d, ok := dirs[module]; ok {
		return d, nil
	}
	cmd := exec.Command("go", "mod", "download", "-json", module)
	// Outside any go.mod's requirements: the module is data, not code.
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var r struct{ Dir, Error string }
	_ = json.Unmarshal(stdout.Bytes(), &r)
	if r.Error != "" {
		return "", fmt.Errorf("go mod download %s: %s", module, firstLine(r.Error))
	}
	if err != nil || r.Dir == "" {
		return "", fmt.Errorf("go mod download %s: %v: %s", module, err, firstLine(stderr.String()))
	}
	dirs[module] = r.Dir
	return r.Dir, nil
}

// Split parses "MODULE@VERSION/PATH" into the module and the path in it.
func Split(name string) (module, path string, ok bool) {
	at := strings.IndexByte(name, '@')
	if at < 0 {
		return "", "", false
	}
	slash := strings.IndexByte(name[at:], '/')
	if slash < 0 {
		return name, "", true
	}
	return name[:at+slash], name[at+slash+1:], true
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
