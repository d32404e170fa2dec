package classify

import (
	"strings"
	"testing"
)

// TestPullFailureGrammar: a text is an image pull failure by the words
// the kubelet and the runtimes use for one, not because it says "image",
// "pull", "registry", "manifest", "reference" or "context canceled".
func TestPullFailureGrammar(t *testing.T) {
	pulls := []struct{ msg, code string }{
		// pkg/kubelet/images/image_manager.go
		{`Failed to pull image "nginx:1.99": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.99": failed to resolve reference "docker.io/library/nginx:1.99": docker.io/library/nginx:1.99: not found`, ImageNotFound},
		{`Back-off pulling image "registry.acme.io/api:3.2.1"`, ImageOther},
		{`Back-off pulling image "ghcr.io/acme/api:1.0": ErrImagePull: failed to pull and unpack image "ghcr.io/acme/api:1.0": failed to resolve reference "ghcr.io/acme/api:1.0": failed to authorize: failed to fetch anonymous token: unexpected status from GET request to https://ghcr.io/token?scope=repository%3Aacme%2Fapi%3Apull&service=ghcr.io: 403 Forbidden`, ImageAuth},
		{`Failed to inspect image "quay.io/acme/api:2": rpc error: code = Unavailable desc = connection error`, ImageOther},
		{`Failed to apply default image tag "Busybox": couldn't parse image reference "Busybox": invalid reference format: repository name must be lowercase`, ImageInvalid},
		{`Container image "myapp:dev" is not present with pull policy of Never`, ImageNeverPull},
		{`image pull failed for registry.internal.example.com/platform/api:4.2.0 because the registry is unavailable.`, ImageNetwork},
		{`Failed to pull image "busybox": pull QPS exceeded.`, ImageSlowPull},
		// The kubelet's one-word follow-up events.
		{`Error: ErrImagePull`, ImageOther},
		{`Error: ImagePullBackOff`, ImageOther},
		{`Error: InvalidImageName`, ImageInvalid},
		{`Error: ErrImageNeverPull`, ImageNeverPull},
		// Container waiting messages: the runtime's error alone.
		{`rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/acme/private-worker:2.0": failed to resolve reference "docker.io/acme/private-worker:2.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed`, ImageAuth},
		{`rpc error: code = Unknown desc = Error response from daemon: manifest for bitnami/redis:6.0.99 not found: manifest unknown: manifest unknown`, ImageNotFound},
		{`rpc error: code = Unknown desc = Error response from daemon: pull access denied for nginxs, repository does not exist or may require 'docker login': denied: requested access to the resource is denied`, ImageNotFound},
		{`rpc error: code = Unknown desc = Error response from daemon: Get https://k8s.gcr.io/v2/: net/http: TLS handshake timeout`, ImageNetwork},
		{`unable to pull image or OCI artifact: pull image err: initializing source docker://quay.io/acme/app:1: pinging container registry quay.io: Get "https://quay.io/v2/": dial tcp: lookup quay.io on 10.96.0.10:53: no such host`, ImageNetwork},
		{`rpc error: code = Unknown desc = reading manifest v1.99.0 in quay.io/prometheus/node-exporter: manifest unknown`, ImageNotFound},
		{`rpc error: code = Unknown desc = Source image rejected: A signature was required, but no signature exists`, ImageOther},
		{`rpc error: code = DeadlineExceeded desc = unable to pull image: context deadline exceeded`, ImageNetwork},
		{`rpc error: code = Unknown desc = context canceled`, ImageSlowPull},
		{`Error syncing pod, skipping: failed to "StartContainer" for "app" with ErrImagePull: "rpc error: code = 2 desc = Error: image acme/app:1.0 not found"`, ImageNotFound},
	}
	for _, tc := range pulls {
		if !IsPullFailure(tc.msg) {
			t.Errorf("not read as a pull failure:\n\t%s", tc.msg)
		}
		if got := Classify("kubelet", tc.msg); got != tc.code {
			t.Errorf("got %s, want %s:\n\t%s", got, tc.code, tc.msg)
		}
	}

	// Texts with the words but not the grammar: logs, admission, the
	// kubelet's Normal image events. Every one was Image/… before.
	others := []struct{ msg, code string }{
		// A container's own log lines.
		{`exec /usr/local/bin/image-resizer: exec format error`, RunExecFormat},
		{`/bin/sh: 1: /app/pull-models.sh: Permission denied`, RunPermission},
		{`failed to pull config from server: dial tcp 10.0.0.5:8888: connect: connection refused`, ""},
		{`convert-im6.q16: no images defined ` + "`" + `out.png' @ error/convert.c/ConvertImageCommand/3229.`, ""},
		{`panic: runtime error: invalid memory address or nil pointer dereference`, ""},
		{`fatal: couldn't find remote ref refs/pull/42/head`, ""},
		{`git pull failed: Permission denied (publickey).`, ""},
		{`Error: failed to connect to schema registry at http://schema-registry:8081: connection refused`, ""},
		{`grpc: the client connection is closing: context canceled`, ""},
		{`error: unable to recognize "manifest.yaml": no matches for kind "Deployment" in version "extensions/v1beta1"`, ""},
		{`Memory cgroup out of memory: Killed process 4711 (image-resizer) total-vm:2093468kB, anon-rss:1048576kB`, ""},
		// An admission plugin's refusal (plugin/pkg/admission/imagepolicy).
		{`pods "web-1" is forbidden: image policy webhook backend denied one or more images: Images are not allowed from registry.example.com`, ""},
		// The kubelet's Normal events about images.
		{`Successfully pulled image "nginx:1.25" in 2.117s (2.117s including waiting)`, ""},
		{`Container image "nginx:1.25" already present on machine`, ""},
		{`Pulling image "nginx:1.25"`, ""},
	}
	for _, tc := range others {
		if IsPullFailure(tc.msg) {
			t.Errorf("read as a pull failure:\n\t%s", tc.msg)
		}
		got := Classify("kubelet", tc.msg)
		if strings.HasPrefix(got, "Image/") || tc.code != "" && got != tc.code {
			t.Errorf("got %s, want %s:\n\t%s", got, firstNonEmpty(tc.code, "no Image/ code"), tc.msg)
		}
	}
}

func firstNonEmpty(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}
