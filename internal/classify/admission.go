package classify

import (
	"regexp"
	"slices"
	"strings"
)

// Reason codes for pod creation refused by admission.
const (
	CreateQuota          = "Create/Quota"
	CreateLimitRange     = "Create/LimitRange"
	CreatePodSecurity    = "Create/PodSecurity"
	CreateWebhook        = "Create/Webhook"
	CreateServiceAccount = "Create/ServiceAccount"
	CreateOther          = "Create/Other"
)

// Admission is a parsed FailedCreate message.
type Admission struct {
	Code string
	// Quota: its name and the requested/used/limited texts, or the
	// resources a "must specify" quota demands.
	Quota, Requested, Used, Limited, MustSpecify string
	// LimitRange violations, each "maximum cpu usage per Container is 500m, but limit is 1".
	Violations []string
	// PodSecurity: level ("restricted:latest") and each violation.
	Level string
	// Containers the violations name, in order of first mention
	// (pod-security-admission policy checks: `container "x"`,
	// `containers "x", "y"`, `pod or container "x"`).
	Containers []string
	// Webhook name and its message.
	Webhook, WebhookMsg string
	// WebhookCall: the API server could not call the webhook (its
	// service is down or unreachable), rather than the webhook refusing.
	WebhookCall bool
	// ServiceAccount missing.
	ServiceAccount string
	// Detail is the message without the controller's wrapper.
	Detail string
}

var (
	quotaRe      = regexp.MustCompile(`exceeded quota: ([^,]+), requested: (.+?), used: (.+?), limited: ([^\n]+)`)
	quotaSpecRe  = regexp.MustCompile(`failed quota: ([^:]+): must specify (.+)`)
	limitRangeRe = regexp.MustCompile(`(?:maximum|minimum) \S+ usage per (?:Container|Pod|PersistentVolumeClaim) is \S+, +but (?:limit|request) is \S+|\S+ max limit to request ratio per (?:Container|Pod) is \S+, but provided ratio is \S+`)
	podSecRe     = regexp.MustCompile(`violates PodSecurity "([^"]+)": (.+)$`)
	webhookRe    = regexp.MustCompile(`admission webhook "([^"]+)" denied the request:?\s*(.*)$`)
	// "failed calling webhook" (1.16+) and "failed calling admission
	// webhook" (1.9–1.15, admission/plugin/webhook/mutating).
	webhookCallRe   = regexp.MustCompile(`failed calling (?:admission )?webhook "([^"]+)": (.*)$`)
	saRe            = regexp.MustCompile(`error looking up service account ([^/\s]+)/([^:\s]+):|serviceaccount "([^"]+)" not found`)
	psaContainersRe = regexp.MustCompile(`containers? ((?:"[^"]+"(?:, )?)+)`)
	psaNameRe       = regexp.MustCompile(`"([^"]+)"`)
	wrapperRe       = regexp.MustCompile(`^(?:Error creating: |create Pod \S+ in \S+ \S+ failed error: )`)
)

// ParseAdmission classifies why an API server refused to create a pod.
func ParseAdmission(msg string) Admission {
	msg = strings.TrimSpace(strings.TrimPrefix(msg, "(combined from similar events): "))
	a := Admission{Detail: wrapperRe.ReplaceAllString(msg, "")}
	switch {
	case quotaRe.MatchString(msg):
		m := quotaRe.FindStringSubmatch(msg)
		a.Code, a.Quota, a.Requested, a.Used, a.Limited = CreateQuota, m[1], m[2], m[3], strings.TrimSpace(m[4])
	case quotaSpecRe.MatchString(msg):
		m := quotaSpecRe.FindStringSubmatch(msg)
		a.Code, a.Quota, a.MustSpecify = CreateQuota, m[1], strings.TrimSpace(m[2])
	case limitRangeRe.MatchString(msg):
		a.Code = CreateLimitRange
		a.Violations = limitRangeRe.FindAllString(msg, -1)
	case podSecRe.MatchString(msg):
		m := podSecRe.FindStringSubmatch(msg)
		a.Code, a.Level = CreatePodSecurity, m[1]
		a.Violations = splitTopLevel(m[2])
		for _, cm := range psaContainersRe.FindAllStringSubmatch(m[2], -1) {
			for _, q := range psaNameRe.FindAllStringSubmatch(cm[1], -1) {
				if !slices.Contains(a.Containers, q[1]) {
					a.Containers = append(a.Containers, q[1])
				}
			}
		}
	case webhookRe.MatchString(msg):
		m := webhookRe.FindStringSubmatch(msg)
		a.Code, a.Webhook, a.WebhookMsg = CreateWebhook, m[1], m[2]
	case webhookCallRe.MatchString(msg):
		m := webhookCallRe.FindStringSubmatch(msg)
		a.Code, a.Webhook, a.WebhookMsg, a.WebhookCall = CreateWebhook, m[1], m[2], true
	case saRe.MatchString(msg):
		m := saRe.FindStringSubmatch(msg)
		a.Code = CreateServiceAccount
		a.ServiceAccount = m[2]
		if a.ServiceAccount == "" {
			a.ServiceAccount = m[3]
		}
	default:
		a.Code = CreateOther
	}
	return a
}

// splitTopLevel splits "a (x, y), b (z)" on commas outside parentheses,
// brackets and quotes: PodSecurity lists violations that way.
func splitTopLevel(s string) []string {
	var out []string
	depth, start := 0, 0
	inQuote := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '"':
			inQuote = !inQuote
		case inQuote:
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			if depth > 0 {
				depth--
			}
		case c == ',' && depth == 0:
			if p := strings.TrimSpace(s[start:i]); p != "" {
				out = append(out, p)
			}
			start = i + 1
		}
	}
	if p := strings.TrimSpace(s[start:]); p != "" {
		out = append(out, p)
	}
	return out
}
