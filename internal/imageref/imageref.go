// Package imageref splits a container image reference into registry,
// repository, tag and digest, with Docker's normalization rules (an image
// without a registry comes from docker.io, a one-part name is under
// library/).
package imageref

import "strings"

// Ref is a parsed image reference.
type Ref struct {
	Original   string
	Registry   string // docker.io, registry.example.com:5000
	Repository string // library/nginx
	Tag        string // "" when none given (then "latest" applies)
	Digest     string
}

// Parse never fails: a malformed reference is split as well as possible,
// because the kubelet's own InvalidImageName message says what is wrong.
func Parse(s string) Ref {
	r := Ref{Original: s}
	rest := s
	if i := strings.Index(rest, "@"); i >= 0 {
		r.Digest = rest[i+1:]
		rest = rest[:i]
	}
	// The tag is after the last ':' that follows the last '/'.
	if i := strings.LastIndex(rest, ":"); i >= 0 && i > strings.LastIndex(rest, "/") {
		r.Tag = rest[i+1:]
		rest = rest[:i]
	}
	first, remainder, hasSlash := strings.Cut(rest, "/")
	if hasSlash && (strings.ContainsAny(first, ".:") || first == "localhost" || strings.ToLower(first) != first) {
		r.Registry = first
		r.Repository = remainder
	} else {
		r.Registry = "docker.io"
		r.Repository = rest
		if !hasSlash {
			r.Repository = "library/" + rest
		}
	}
	if r.Registry == "index.docker.io" || r.Registry == "registry-1.docker.io" {
		r.Registry = "docker.io"
	}
	return r
}

// EffectiveTag is the tag that is pulled: the given one or "latest".
func (r Ref) EffectiveTag() string {
	if r.Tag == "" && r.Digest == "" {
		return "latest"
	}
	return r.Tag
}

// Full is the fully qualified reference crictl and containerd use.
func (r Ref) Full() string {
	s := r.Registry + "/" + r.Repository
	if r.Tag != "" {
		s += ":" + r.Tag
	} else if r.Digest == "" {
		s += ":latest"
	}
	if r.Digest != "" {
		s += "@" + r.Digest
	}
	return s
}

// OftenBlocked reports registries that are commonly unreachable from
// networks behind national or corporate firewalls (the
// "拉取不了国外镜像源"), where a mirror is the usual remedy.
func (r Ref) OftenBlocked() bool {
	switch r.Registry {
	case "gcr.io", "k8s.gcr.io", "registry.k8s.io", "docker.io", "ghcr.io", "quay.io", "mcr.microsoft.com", "public.ecr.aws", "nvcr.io":
		return true
	}
	return strings.HasSuffix(r.Registry, ".gcr.io") || strings.HasSuffix(r.Registry, ".pkg.dev")
}
