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
