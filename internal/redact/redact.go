// Package redact removes credentials from text podwhy quotes back: event
// and log lines, status messages, pasted configuration. People paste
// decoded docker configs, env values, --docker-password flags and
// Authorization headers into tickets; podwhy never prints them again.
package redact

import (
	"fmt"
	"regexp"
	"strings"
)

var patterns = []struct {
	re *regexp.Regexp
	// group is the submatch that holds the secret.
	group int
}{
	// key: value and key=value where the key names a credential (env
	// values in describe, docker config's "auth"/"password", flags).
	{regexp.MustCompile(`(?i)((?:^|[^A-Za-z0-9])(?:[A-Za-z0-9_]*(?:password|passwd|passphrase|secret|token|apikey|api_key|api-key|access_key|access-key|private_key|private-key|credentials?)[A-Za-z0-9_]*|auth|identitytoken|registrytoken)["']?\s*[:=]\s*["']?)([^\s"',;}]+)`), 2},
	// --docker-password VALUE, --password VALUE, -p VALUE after login.
	{regexp.MustCompile(`(?i)(--(?:docker-)?password[ =]|--token[ =]|\blogin\b.*?\s-p\s+)(\S+)`), 2},
	// Authorization headers.
	{regexp.MustCompile(`(?i)(authorization:\s*(?:basic|bearer|token)\s+)(\S+)`), 2},
	// user:password@ in URLs.
	{regexp.MustCompile(`(://[^/\s:@]+:)([^/\s@]+)(@)`), 2},
	// Service-account and OIDC tokens (JWT), AWS access keys.
	{regexp.MustCompile(`(^|[^A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})`), 2},
	{regexp.MustCompile(`(^|[^A-Z0-9])((?:AKIA|ASIA)[0-9A-Z]{16})`), 2},
}

// Text returns s with every credential it holds replaced by
// "<redacted: N bytes>".
func Text(s string) string {
	if s == "" || !maybe(s) {
		return s
	}
	for _, p := range patterns {
		s = replaceGroup(p.re, s, p.group)
	}
	return s
}

// maybe is a cheap test that s could hold a credential at all.
func maybe(s string) bool {
	l := strings.ToLower(s)
	for _, w := range []string{"pass", "secret", "token", "key:", "key=", "key\":", "key_id", "auth", "credential", "://", "eyj", "akia", "asia", "login"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

func replaceGroup(re *regexp.Regexp, s string, g int) string {
	idx := re.FindAllStringSubmatchIndex(s, -1)
	if idx == nil {
		return s
	}
	var b strings.Builder
	last := 0
	for _, m := range idx {
		start, end := m[2*g], m[2*g+1]
		if start < 0 || strings.HasPrefix(s[start:end], "<redacted") {
			continue
		}
		b.WriteString(s[last:start])
		fmt.Fprintf(&b, "<redacted: %d bytes>", end-start)
		last = end
	}
	b.WriteString(s[last:])
	return b.String()
}
