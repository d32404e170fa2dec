package crashlog

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

type corpusCase struct {
	file, id string
	want     map[string]string
	log      string
}

// readCorpus reads testdata/*.txt: "### <signature> key=value…" heads a
// log excerpt, in the words and shapes the programs print them.
func readCorpus(t *testing.T) []corpusCase {
	t.Helper()
	files, _ := filepath.Glob("testdata/*.txt")
	var out []corpusCase
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cur *corpusCase
		for _, line := range strings.SplitAfter(string(b), "\n") {
			if strings.HasPrefix(line, "### ") {
				if cur != nil {
					out = append(out, *cur)
				}
				fields := strings.Fields(line[4:])
				cur = &corpusCase{file: filepath.Base(f), id: fields[0], want: map[string]string{}}
				for _, kv := range fields[1:] {
					k, v, _ := strings.Cut(kv, "=")
					cur.want[k] = v
				}
				continue
			}
			if cur != nil {
				cur.log += line
			}
		}
		if cur != nil {
			out = append(out, *cur)
		}
	}
	return out
}

func TestCorpus(t *testing.T) {
	cases := readCorpus(t)
	seen := map[string]int{}
	for _, c := range cases {
		seen[c.id]++
		m, ok := Find(c.log)
		if !ok {
			t.Errorf("%s %s: no signature in\n%s", c.file, c.id, c.log)
			continue
		}
		if m.Sig.ID != c.id {
			t.Errorf("%s %s: got %s (%q)\n%s", c.file, c.id, m.Sig.ID, m.Text, c.log)
			continue
		}
		for k, v := range c.want {
			if m.Fields[k] != v {
				t.Errorf("%s %s: field %s = %q, want %q (all: %v)", c.file, c.id, k, m.Fields[k], v, m.Fields)
			}
		}
		if !strings.Contains(c.log, strings.Split(m.Text, "\n")[0][:min(20, len(strings.Split(m.Text, "\n")[0]))]) && !strings.Contains(c.log, "{") && !strings.Contains(c.log, `\"`) {
			t.Errorf("%s %s: evidence %q is not a line of the log", c.file, c.id, m.Text)
		}
	}
	// Every signature has at least two excerpts.
	var thin []string
	for _, s := range All() {
		if seen[s.ID] < 2 {
			thin = append(thin, s.ID)
		}
		if _, ok := rank[s.Reason]; !ok {
			t.Errorf("%s: reason %s has no rank", s.ID, s.Reason)
		}
	}
	sort.Strings(thin)
	if len(thin) > 0 {
		t.Errorf("signatures with fewer than two corpus excerpts: %v", thin)
	}
	for id := range seen {
		found := false
		for _, s := range All() {
			found = found || s.ID == id
		}
		if !found {
			t.Errorf("corpus names unknown signature %s", id)
		}
	}
}

// Lines a program prints while healthy, or about something else, name no
// cause.
func TestNoFalseSignature(t *testing.T) {
	for _, log := range []string{
		"2026/11/30 10:00:00 listening on :8080\n2026/11/30 10:00:01 GET /healthz 200\n",
		"Starting nginx 1.27\n/docker-entrypoint.sh: Configuration complete; ready for start up\n",
		"{\"level\":\"info\",\"msg\":\"connected to db:5432\"}\n",
		"PostgreSQL init process complete; ready for start up.\nLOG:  database system is ready to accept connections\n",
		"env: can't execute 'sh'\n",
		"",
	} {
		if m, ok := Find(log); ok {
			t.Errorf("%q: found %s (%q)", log, m.Sig.ID, m.Text)
		}
	}
}

// The most specific reason wins over a retry loop's noise.
func TestRank(t *testing.T) {
	log := "2026/11/30 10:00:00 dial tcp 10.96.0.5:5432: connect: connection refused\n" +
		"panic: open /etc/app/config.yaml: no such file or directory\n\ngoroutine 1 [running]:\nmain.main()\n"
	m, _ := Find(log)
	if m.Sig.Reason != Dependency {
		t.Fatalf("got %s", m.Sig.ID)
	}
	m, _ = Find("initdb: error: directory \"/var/lib/postgresql/data\" exists but is not empty\nIt contains a lost+found directory, perhaps due to it being a mount point.\n")
	if m.Sig.ID != "postgres.lostfound" {
		t.Fatalf("got %s", m.Sig.ID)
	}
}

func FuzzFind(f *testing.F) {
	for _, s := range []string{"dial tcp 1.2.3.4:5: connect: connection refused", "{\"msg\":\"x\"}", "[pod/a/b] 2026-01-01T00:00:00Z x", "\x00\n\r{"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		m, ok := Find(s)
		if ok && m.Sig == nil {
			t.Fatal("match without signature")
		}
	})
}
