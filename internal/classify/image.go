package classify

import (
	"regexp"
	"strings"
)

// Reason codes for image pulls.
const (
	ImageNotFound  = "Image/NotFound"
	ImageAuth      = "Image/Auth"
	ImageNetwork   = "Image/Network"
	ImageTLS       = "Image/TLS"
	ImageRateLimit = "Image/RateLimit"
	ImageInvalid   = "Image/Invalid"
	ImageNeverPull = "Image/NeverPull"
	ImageNoSpace   = "Image/NoSpace"
	ImageSlowPull  = "Image/SlowPull"
	ImageOther     = "Image/Other"
)

// imageRules are checked in order; the first match wins. The order matters
// where texts overlap: Docker Hub answers a private or missing repository
// with "pull access denied, repository does not exist or may require
// authorization", which is an auth question first; TLS errors mention
// "dial tcp"/"Get https" too, so TLS is tested before network.
var imageRules = []struct {
	code string
	re   *regexp.Regexp
}{
	{ImageInvalid, regexp.MustCompile(`(?i)invalid reference format|couldn't parse image (reference|name)|InvalidImageName|Failed to apply default image tag`)},
	{ImageNeverPull, regexp.MustCompile(`(?i)is not present with pull policy of Never|ErrImageNeverPull`)},
	{ImageOther, regexp.MustCompile(`(?i)quota has been exceeded|storage quota`)},
	{ImageRateLimit, regexp.MustCompile(`(?i)toomanyrequests|too many requests|pull rate limit|rate limit exceeded|\b429\b`)},
	{ImageTLS, regexp.MustCompile(`(?i)x509:|certificate signed by unknown authority|certificate is not valid|certificate has expired|server gave HTTP response to HTTPS client|tls: failed to verify|tls: bad certificate|unknown certificate authority`)},
	{ImageAuth, regexp.MustCompile(`(?i)unauthorized|authentication required|pull access denied|access to the resource is denied|\bdenied\b|\b401\b|\b403\b|forbidden|no basic auth credentials|may require 'docker login'|may require authorization|invalid username/password|incorrect username or password|authorization failed|insufficient_scope|requesting bearer token`)},
	{ImageNotFound, regexp.MustCompile(`(?i)not found|manifest unknown|name unknown|repository does not exist|does not exist|no such image|\b404\b|no matching manifest for|not found: manifest unknown`)},
	{ImageNoSpace, regexp.MustCompile(`(?i)no space left on device|disk quota exceeded`)},
	{ImageSlowPull, regexp.MustCompile(`(?i)because of no progress|image pull progress deadline|pull QPS exceeded|context canceled`)},
	{ImageNetwork, regexp.MustCompile(`(?i)i/o timeout|dial tcp|no such host|TLS handshake timeout|context deadline exceeded|connection refused|connection reset|network is unreachable|no route to host|timeout awaiting response headers|Client\.Timeout exceeded|server misbehaving|EOF$|proxyconnect|temporary failure in name resolution|pinging container registry|Request canceled|registry is unavailable|service unavailable|\b50[234]\b`)},
}

// ImagePull classifies an image pull error text (an event "Failed to pull
// image …" message or a container waiting message). It returns
// ImageOther when nothing matched.
func ImagePull(msg string) string {
	// containerd nests the real error after "failed to resolve reference";
	// that text is not itself an error word, so the whole message is used.
	for _, r := range imageRules {
		if r.re.MatchString(msg) {
			if r.code == ImageAuth && officialDenied(msg) {
				return ImageNotFound
			}
			// "not found" also appears in "no such host"-free texts like
			// "lookup x: no such host" (network) — handled by order above.
			if r.code == ImageNotFound && networkish(msg) {
				return ImageNetwork
			}
			return r.code
		}
	}
	return ImageOther
}

// networkish catches the few network texts that include "not found"
// wording, e.g. Windows DNS ("The requested name is valid, but no data of
// the requested type was found").
func networkish(msg string) bool {
	l := strings.ToLower(msg)
	return strings.Contains(l, "no such host") || strings.Contains(l, "i/o timeout") ||
		strings.Contains(l, "dial tcp") && !strings.Contains(l, "404")
}

var (
	pullImageRe = regexp.MustCompile(`(?:Failed to pull image|Back-off pulling image|pulling image|Pulling image|Container image|Failed to apply default image tag|couldn't parse image (?:reference|name)) "([^"]+)"`)
	hostRe      = regexp.MustCompile(`(?:lookup|dial tcp:? lookup) ([A-Za-z0-9.-]+)(?: on [^:]+:\d+)?: no such host|Get "?https?://([^/"]+)/`)
)

// ImageFromMessage returns the image reference an image event names, or "".
func ImageFromMessage(msg string) string {
	if m := pullImageRe.FindStringSubmatch(msg); m != nil {
		return m[1]
	}
	return ""
}

// HostFromMessage returns the registry host an error text names, if any.
func HostFromMessage(msg string) string {
	if m := hostRe.FindStringSubmatch(msg); m != nil {
		if m[1] != "" {
			return m[1]
		}
		return m[2]
	}
	return ""
}

var (
	deniedRe = regexp.MustCompile(`(?i)pull access denied|insufficient_scope|requested access to the resource is denied|may require 'docker login'`)
	// The repository a Docker Hub denial names: containerd quotes the
	// normalized reference, dockershim says "pull access denied for x".
	deniedRepoRe = regexp.MustCompile(`(?:pull access denied for |(?:failed to resolve reference|failed to pull and unpack image|pulling image|Failed to pull image) \\?")([^"\\,\s]+)`)
)

// officialDenied: Docker Hub refused a repository under library/, the
// namespace of its official images, which no user can push to or make
// private. Docker Hub answers "pull access denied, repository does not
// exist or may require authorization" for a repository that does not
// exist, so there the denial means the image was never published (a
// locally built image, a placeholder name, a typo) — not missing
// credentials.
func officialDenied(msg string) bool {
	if !deniedRe.MatchString(msg) {
		return false
	}
	ms := deniedRepoRe.FindAllStringSubmatch(msg, -1)
	if len(ms) == 0 {
		return false
	}
	for _, m := range ms {
		if !OfficialRepo(m[1]) {
			return false
		}
	}
	return true
}

// OfficialRepo reports an image reference that Docker's normalization
// puts under docker.io/library/: "nginx", "library/nginx",
// "docker.io/library/nginx:1.25".
func OfficialRepo(ref string) bool {
	if i := strings.IndexByte(ref, '@'); i >= 0 {
		ref = ref[:i]
	}
	if i := strings.LastIndexByte(ref, ':'); i >= 0 && i > strings.LastIndexByte(ref, '/') {
		ref = ref[:i]
	}
	for _, p := range []string{"docker.io/", "index.docker.io/", "registry-1.docker.io/"} {
		ref = strings.TrimPrefix(ref, p)
	}
	if rest, ok := strings.CutPrefix(ref, "library/"); ok {
		ref = rest
	}
	return ref != "" && !strings.Contains(ref, "/")
}

// Network failure kinds, from Go's net package and the resolver's texts.
const (
	NetDNS         = "dns"         // the registry's name did not resolve
	NetTimeout     = "timeout"     // TCP or TLS handshake timed out
	NetRefused     = "refused"     // nothing listens, or a firewall rejects
	NetUnreachable = "unreachable" // no route to the registry
	NetProxy       = "proxy"       // the configured proxy failed
	NetOther       = ""
)

// Network says how a connection to a registry failed.
type Network struct {
	Kind string
	Host string // the host named in the text
	// Server is the DNS server that answered (or did not): "lookup h on
	// 10.96.0.10:53: …".
	Server string
	// Detail is the resolver's or socket's own words: "no such host",
	// "server misbehaving", "i/o timeout".
	Detail string
}

var (
	// Go's DNSError: "lookup <host>[ on <server>]: <err>", where err is
	// "no such host", "server misbehaving", "Try again" (EAI_AGAIN from
	// the C resolver), a read/dial error towards the server ("read udp
	// …: i/o timeout"), or "Temporary failure in name resolution".
	lookupRe  = regexp.MustCompile(`lookup ([A-Za-z0-9._-]+)(?: on ([0-9A-Fa-f.:\[\]]+))?: ([^"\n]*?)(?:\\?"|$|\n|, )`)
	dnsWordRe = regexp.MustCompile(`(?i)no such host|server misbehaving|Try again|Temporary failure in name resolution|Name or service not known|nodename nor servname provided|no address associated with hostname|name resolution`)
	dialRe    = regexp.MustCompile(`dial tcp ([^:\s]+|\[[^\]]+\]):\d+: (?:connect: )?([^"\n]+?)(?:\\?"|$|\n)`)
	httpsRe   = regexp.MustCompile(`https?://([^/"\s]+)/`)
)

// NetworkFailure classifies a registry connection error; Kind is "" when
// the text names no network failure.
func NetworkFailure(msg string) Network {
	var n Network
	if m := lookupRe.FindStringSubmatch(msg); m != nil {
		n.Kind, n.Host, n.Server, n.Detail = NetDNS, m[1], m[2], strings.TrimSpace(m[3])
		return n
	}
	if m := dnsWordRe.FindString(msg); m != "" {
		n.Kind, n.Detail = NetDNS, m
		if h := httpsRe.FindStringSubmatch(msg); h != nil {
			n.Host = h[1]
		}
		return n
	}
	l := strings.ToLower(msg)
	if h := httpsRe.FindStringSubmatch(msg); h != nil {
		n.Host = h[1]
	}
	if m := dialRe.FindStringSubmatch(msg); m != nil {
		n.Detail = strings.TrimSpace(m[2])
	}
	switch {
	case strings.Contains(l, "proxyconnect"):
		n.Kind = NetProxy
	case strings.Contains(l, "connection refused"), strings.Contains(l, "connection reset"):
		n.Kind = NetRefused
	case strings.Contains(l, "no route to host"), strings.Contains(l, "network is unreachable"):
		n.Kind = NetUnreachable
	case strings.Contains(l, "i/o timeout"), strings.Contains(l, "tls handshake timeout"), strings.Contains(l, "context deadline exceeded"),
		strings.Contains(l, "client.timeout exceeded"), strings.Contains(l, "timeout awaiting response headers"):
		n.Kind = NetTimeout
	}
	return n
}

// registryHostRe finds the registry host a pull error names: the URL the
// runtime requested (containerd, dockershim), CRI-O's "pinging container
// registry h" and "reading manifest t in h/repo", a DNS lookup.
var registryHostRe = regexp.MustCompile(`(?:(?:Get|Head|GET|HEAD) "?https?://|unexpected status code https?://|status from (?:GET|HEAD) request to https?://|pinging container registry |reading manifest \S+ in |lookup )([A-Za-z0-9.-]+(?::\d+)?)`)

// RegistryHost returns the registry host a pull error text names, or "".
// Docker Hub's own hosts (registry-1.docker.io, auth.docker.io, …) come
// back as docker.io.
func RegistryHost(msg string) string {
	m := registryHostRe.FindStringSubmatch(msg)
	if m == nil {
		return ""
	}
	h := strings.ToLower(m[1])
	if h == "docker.io" || strings.HasSuffix(h, ".docker.io") || strings.HasSuffix(h, ".docker.com") {
		return "docker.io"
	}
	return h
}

// pullFailureRe is the grammar of image pull failures as the kubelet and
// the runtimes word them. A bare word ("image", "pull", "manifest",
// "registry") is not enough: application logs, webhook names and Go
// panics use those words too, and a message taken for a pull failure
// makes podwhy claim an ErrImagePull that never happened.
var pullFailureRe = regexp.MustCompile(strings.Join([]string{
	// kubelet, pkg/kubelet/images/image_manager.go and types.go.
	`Failed to pull image "`,
	`Back-off pulling image "`,
	`Failed to inspect image "`,
	`Failed to apply default image tag "`,
	`couldn't parse image (?:reference|name) "`,
	`is not present with pull policy of Never`,
	`image pull failed for \S+ because the (?:registry is unavailable|signature validation failed)`,
	// The kubelet's reasons, as "Error: ErrImagePull" events and in
	// FailedSync texts of old kubelets. RegistryUnavailable and
	// SignatureValidationFailed are left to the message above: as bare
	// words they are also other programs' error names.
	`\b(?:ErrImagePull|ImagePullBackOff|ErrImageNeverPull|InvalidImageName|ImageInspectError)\b`,
	`\bpull QPS exceeded\b`,
	// containerd's CRI plugin.
	`failed to pull and unpack image`,
	`failed to resolve (?:reference "|image: )`,
	`pulling from host \S+ failed with status code`,
	`failed to get sandbox image "`,
	`cancel pulling image`,
	// CRI-O and containers/image.
	`unable to pull image`,
	`pull image err:`,
	`initializing source docker://`,
	`(?i:error )?reading manifest \S+ in \S+`,
	`pinging container registry \S+`,
	`error pulling image configuration`,
	`unable to retrieve auth token`,
	`Source image rejected`,
	// dockershim and the Docker daemon.
	`failed pulling image "`,
	`pull access denied`,
	`manifest for \S+ not found`,
	`manifest unknown`,
	`toomanyrequests: You have reached your (?:unauthenticated )?pull rate limit`,
	`Error response from daemon: Get "?https?://[^/\s"]+/v2/`,
}, "|"))

// canceledPullRe: the whole waiting message of a pull the kubelet gave
// up on. The kubelet's reason (ErrImagePull) says it was a pull; the text
// alone is only this, and "context canceled" inside a longer text is an
// application's or the runtime's, not a pull's.
var canceledPullRe = regexp.MustCompile(`^rpc error: code = (?:Unknown|Canceled) desc = context canceled$`)

// IsPullFailure reports a text worded as an image pull failure by the
// kubelet, containerd, CRI-O or Docker.
func IsPullFailure(msg string) bool {
	msg = strings.TrimSpace(msg)
	return pullFailureRe.MatchString(msg) || canceledPullRe.MatchString(msg)
}
