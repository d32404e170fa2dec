package lint

import (
	"regexp"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/imageref"
)

// referenceRe is the image reference grammar of distribution/reference
// (what the kubelet parses before it pulls): [domain/]path[:tag][@digest].
var referenceRe = func() *regexp.Regexp {
	domainComp := `(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])`
	domain := domainComp + `(?:\.` + domainComp + `)*(?::[0-9]+)?`
	pathComp := `[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*`
	name := `(?:` + domain + `/)?` + pathComp + `(?:/` + pathComp + `)*`
	tag := `[\w][\w.-]{0,127}`
	digest := `[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}`
	return regexp.MustCompile(`^` + name + `(?::` + tag + `)?(?:@` + digest + `)?$`)
}()

// imageProblem says why a reference is not valid, or returns a zero Msg.
func imageProblem(image string) i18n.Msg {
	switch {
	case referenceRe.MatchString(image):
		return i18n.Msg{}
	case strings.TrimSpace(image) != image || strings.ContainsAny(image, " \t"):
		return i18n.T("lint.image-invalid.space")
	case strings.Contains(image, "://"):
		return i18n.T("lint.image-invalid.scheme")
	case strings.HasSuffix(image, ":") || strings.HasSuffix(image, "@"):
		return i18n.T("lint.image-invalid.empty-tag")
	}
	r := imageref.Parse(image)
	if strings.ToLower(r.Repository) != r.Repository {
		return i18n.T("lint.image-invalid.upper")
	}
	return i18n.T("lint.image-invalid.syntax")
}

// checkImages: references the kubelet will refuse (InvalidImageName), and
// images that move under the pod — no tag or :latest — unless the policy
// is Never (an image loaded onto the nodes by hand, as kind load does).
func (c *checker) checkImages(w *workload) {
	for _, ct := range w.containers() {
		image := ct.c.Image
		if image == "" {
			continue
		}
		p := ct.path.Field("image")
		if why := imageProblem(image); !why.IsZero() {
			c.add(w.o, p, RuleImageInvalid, i18n.T("lint.image-invalid", p.String(), image, why))
			continue
		}
		r := imageref.Parse(image)
		if r.Digest != "" || (r.Tag != "" && r.Tag != "latest") {
			continue
		}
		var policy any = string(ct.c.ImagePullPolicy)
		switch ct.c.ImagePullPolicy {
		case corev1.PullNever:
			continue
		case "":
			policy = i18n.T("lint.policy.default-always")
		}
		switch {
		case r.Tag == "" && ct.c.ImagePullPolicy == corev1.PullIfNotPresent:
			c.add(w.o, p, RuleImageLatest, i18n.T("lint.image-notag.ifnotpresent", image, policy))
		case r.Tag == "":
			c.add(w.o, p, RuleImageLatest, i18n.T("lint.image-notag.always", image, policy))
		case ct.c.ImagePullPolicy == corev1.PullIfNotPresent:
			c.add(w.o, p, RuleImageLatest, i18n.T("lint.image-latest.ifnotpresent", image, policy))
		default:
			c.add(w.o, p, RuleImageLatest, i18n.T("lint.image-latest.always", image, policy))
		}
	}
}
