package memlimit

import (
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
)

func TestCgroup(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files map[string]string
		want  int64
		ok    bool
	}{
		{"v2 limit", map[string]string{"memory.max": "536870912\n"}, 512 << 20, true},
		{"v2 none", map[string]string{"memory.max": "max\n"}, 0, false},
		{"v1 limit", map[string]string{"memory/memory.limit_in_bytes": "1073741824\n"}, 1 << 30, true},
		// What cgroup v1 reports for "no limit".
		{"v1 none", map[string]string{"memory/memory.limit_in_bytes": "9223372036854771712\n"}, 0, false},
		{"garbage", map[string]string{"memory.max": "lots\n"}, 0, false},
		{"no cgroup", nil, 0, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := t.TempDir()
			for f, v := range tc.files {
				p := filepath.Join(root, f)
				if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(p, []byte(v), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, ok := Cgroup(root)
			if got != tc.want || ok != tc.ok {
				t.Errorf("Cgroup = %d, %v; want %d, %v", got, ok, tc.want, tc.ok)
			}
		})
	}
}

func TestApply(t *testing.T) {
	gc := debug.SetGCPercent(100)
	lim := debug.SetMemoryLimit(-1)
	t.Cleanup(func() { debug.SetGCPercent(gc); debug.SetMemoryLimit(lim) })

	root := t.TempDir()
	if err := os.WriteFile(filepath.Join(root, "memory.max"), []byte("536870912\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{}
	getenv := func(k string) string { return env[k] }

	s := Apply(getenv, root)
	if s.GCPercent != GCPercent || debug.SetGCPercent(-1) != GCPercent {
		t.Errorf("GOGC unset: want %d, setting %+v", GCPercent, s)
	}
	debug.SetGCPercent(100)
	mib512 := float64(512 << 20)
	if want := int64(mib512 * Share); s.Limit != want || debug.SetMemoryLimit(-1) != want {
		t.Errorf("limit = %d, want %d", s.Limit, want)
	}

	// What the user set wins, and is left alone.
	debug.SetMemoryLimit(1 << 40)
	env["GOGC"], env["GOMEMLIMIT"] = "200", "1GiB"
	s = Apply(getenv, root)
	if s.GCPercent != 0 || s.Limit != 0 || debug.SetGCPercent(-1) != 100 || debug.SetMemoryLimit(-1) != 1<<40 {
		t.Errorf("environment set: Apply changed the collector: %+v", s)
	}
}
