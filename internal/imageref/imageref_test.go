package imageref

import "testing"

func TestParse(t *testing.T) {
	cases := []struct {
		in                        string
		registry, repo, tag, full string
	}{
		{"nginx", "docker.io", "library/nginx", "", "docker.io/library/nginx:latest"},
		{"nginx:1.25", "docker.io", "library/nginx", "1.25", "docker.io/library/nginx:1.25"},
		{"bitnami/redis:7.2", "docker.io", "bitnami/redis", "7.2", "docker.io/bitnami/redis:7.2"},
		{"registry.example.com/shop/web:v2.1", "registry.example.com", "shop/web", "v2.1", "registry.example.com/shop/web:v2.1"},
		{"127.0.0.1:5001/busybox:1.35", "127.0.0.1:5001", "busybox", "1.35", "127.0.0.1:5001/busybox:1.35"},
		{"localhost/app", "localhost", "app", "", "localhost/app:latest"},
		{"registry.k8s.io/pause:3.9@sha256:abc", "registry.k8s.io", "pause", "3.9", "registry.k8s.io/pause:3.9@sha256:abc"},
		{"quay.io/acme/api@sha256:abc", "quay.io", "acme/api", "", "quay.io/acme/api@sha256:abc"},
		{"index.docker.io/library/busybox", "docker.io", "library/busybox", "", "docker.io/library/busybox:latest"},
	}
	for _, c := range cases {
		r := Parse(c.in)
		if r.Registry != c.registry || r.Repository != c.repo || r.Tag != c.tag || r.Full() != c.full {
			t.Errorf("Parse(%q) = %+v full %q; want %s %s %s %s", c.in, r, r.Full(), c.registry, c.repo, c.tag, c.full)
		}
	}
}
