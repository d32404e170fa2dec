package diagnose

import (
	"fmt"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/imageref"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// image explains ErrImagePull / ImagePullBackOff / InvalidImageName /
// ErrImageNeverPull (catalog §3).
func (c *ctx) image(p *corev1.Pod, cs *corev1.ContainerStatus) *Finding {
	w := cs.State.Waiting
	spec := containerSpec(p, cs.Name)
	img := cs.Image
	if spec != nil {
		img = spec.Image
	}
	ref := imageref.Parse(img)
	evs := c.eventsOf(p)
	// The pull error itself is in the "Failed to pull image" event; the
	// waiting message of ImagePullBackOff only says "Back-off pulling".
	pullEv := latestEvent(evs, cs.Name, func(e *snapshot.Event) bool {
		return (e.Reason == "Failed" || e.Reason == "InspectFailed") && (strings.Contains(e.Message, "Failed to pull image") || strings.Contains(e.Message, "couldn't parse image") ||
			strings.Contains(e.Message, "Failed to apply default image tag") || strings.Contains(e.Message, "is not present with pull policy"))
	})
	text := w.Message
	if pullEv != nil {
		text = pullEv.Message
	}
	if img == "" {
		// A pod known from a get pods row or a bare message: the image is
		// named in the pull error, if anywhere.
		img = classify.ImageFromMessage(text)
		ref = imageref.Parse(img)
	}
	code := c.imageCode(text)
	switch w.Reason {
	case "InvalidImageName":
		code = classify.ImageInvalid
	case "ErrImageNeverPull":
		code = classify.ImageNeverPull
	}
	if code == classify.ImageOther && c.isSlowPull(evs, cs.Name) {
		code = classify.ImageSlowPull
	}
	f := c.newPodFinding(p, Error, ClassImagePull, code, img)
	f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].state.waiting", strings.TrimSpace(w.Reason+": "+w.Message)))
	if pullEv != nil {
		f.Evidence = append(f.Evidence, eventEvidence(pullEv))
		f.Since = pullEv.First
	} else if !c.s.Has(snapshot.KindEvent) {
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.events"))
	}
	if b := latestEvent(evs, cs.Name, func(e *snapshot.Event) bool {
		return e.Reason == "BackOff" && strings.Contains(e.Message, "pulling image")
	}); b != nil {
		f.Evidence = append(f.Evidence, eventEvidence(b))
	}
	node := p.Spec.NodeName
	crictl := Step{Text: i18n.T("image.step.crictl", orNone(node)), Command: "crictl pull " + ref.Full()}
	if img == "" {
		crictl.Command = "crictl pull <image>"
	}
	setImage := Step{Text: i18n.T("image.step.set"), Command: kubectl(p.Namespace, "set", "image", c.target(p), cs.Name+"="+ref.Registry+"/"+ref.Repository+":<tag>"), Changes: true}
	if ref.Registry == "docker.io" {
		setImage.Command = kubectl(p.Namespace, "set", "image", c.target(p), cs.Name+"="+strings.TrimPrefix(ref.Repository, "library/")+":<tag>")
	}
	switch code {
	case classify.ImageNotFound:
		f.Headline = i18n.T("image.notfound.head", ref.Repository, ref.EffectiveTag(), ref.Registry)
		if ref.Digest != "" {
			f.Headline = i18n.T("image.notfound.head-digest", ref.Repository, ref.Digest, ref.Registry)
		}
		f.Explain = i18n.T("image.notfound.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("image.step.tags"), Command: "crane ls " + ref.Registry + "/" + ref.Repository},
			crictl, setImage)
	case classify.ImageAuth:
		c.explainPullAuth(f, p, ref)
		f.Steps = append(f.Steps, crictl)
	case classify.ImageNetwork:
		host := classify.HostFromMessage(text)
		if host == "" {
			host = ref.Registry
		}
		f.Headline = i18n.T("image.network.head", host, orNone(node))
		f.Explain = i18n.T("image.network.why")
		f.Steps = append(f.Steps, crictl,
			Step{Text: i18n.T("image.network.step.dns"), Command: "nslookup " + strings.Split(host, ":")[0] + " && curl -sv https://" + host + "/v2/"})
		if ref.OftenBlocked() {
			f.Steps = append(f.Steps, Step{Text: i18n.T("image.network.step.mirror", ref.Registry)})
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.step.timeouts")})
	case classify.ImageTLS:
		f.Headline = i18n.T("image.tls.head", ref.Registry)
		f.Explain = i18n.T("image.tls.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("image.tls.step.ca", ref.Registry), Command: "mkdir -p /etc/containerd/certs.d/" + ref.Registry + " && cp <registry-ca.crt> /etc/containerd/certs.d/" + ref.Registry + "/ca.crt"},
			crictl)
	case classify.ImageRateLimit:
		f.Headline = i18n.T("image.ratelimit.head", ref.Registry)
		f.Explain = i18n.T("image.ratelimit.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.ratelimit.step")}, crictl)
	case classify.ImageInvalid:
		f.Headline = i18n.T("image.invalid.head", img)
		f.Explain = i18n.T("image.invalid.why")
		// Most invalid references are upper case or stray spaces.
		fixed := strings.ToLower(strings.TrimSpace(img))
		if ref.Tag == "" && ref.Digest == "" {
			fixed += ":<tag>"
		}
		setImage.Command = kubectl(p.Namespace, "set", "image", c.target(p), cs.Name+"="+fixed)
		f.Steps = append(f.Steps, setImage)
	case classify.ImageNeverPull:
		f.Headline = i18n.T("image.never.head", img, orNone(node))
		f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+cs.Name+"].imagePullPolicy", "Never"))
		f.Explain = i18n.T("image.never.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("image.never.step.import", orNone(node)), Command: "ctr -n k8s.io images import <image.tar>"},
			Step{Text: i18n.T("image.never.step.policy"), Command: kubectl(p.Namespace, "patch", c.target(p), "--type=json", `-p='[{"op":"replace","path":"`+c.containerPath(p, cs.Name)+`/imagePullPolicy","value":"IfNotPresent"}]'`), Changes: true})
	case classify.ImageNoSpace:
		f.Headline = i18n.T("image.nospace.head", orNone(node))
		f.Explain = i18n.T("image.nospace.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.nospace.step"), Command: "crictl rmi --prune"})
	case classify.ImageSlowPull:
		f.Severity = Warning
		f.Headline = i18n.T("image.slow.head", img, orNone(node))
		f.Explain = i18n.T("image.slow.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.step.timeouts")}, crictl)
	default:
		f.Headline = i18n.T("image.other.head", img)
		f.Explain = i18n.T("image.other.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("step.describe-pod"), Command: kubectl(p.Namespace, "describe", "pod", p.Name)}, crictl)
	}
	return f
}

// isSlowPull: a Pulling event with no later Pulled/Failed for the container.
func (c *ctx) isSlowPull(evs []*snapshot.Event, container string) bool {
	var pulling, done *snapshot.Event
	for _, e := range evs {
		if container != "" && e.FieldPath != "" && !fieldPathIs(e.FieldPath, container) {
			continue
		}
		switch e.Reason {
		case "Pulling":
			pulling = e
		case "Pulled", "Failed":
			done = e
		}
	}
	return pulling != nil && (done == nil || done.Last.Before(pulling.Last))
}

// target is what kubectl set/patch should edit for a pod: its workload, or
// the pod itself when it has none.
func (c *ctx) target(p *corev1.Pod) string {
	if o := c.ownerOf(p); o.Top.Kind != "" && o.Top.Kind != "Node" {
		return workloadArg(o.Top)
	}
	return "pod/" + p.Name
}

// containerPath is the JSON pointer of a container in the target object.
func (c *ctx) containerPath(p *corev1.Pod, name string) string {
	prefix := "/spec"
	switch c.ownerOf(p).Top.Kind {
	case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job":
		prefix = "/spec/template/spec"
	case "CronJob":
		prefix = "/spec/jobTemplate/spec/template/spec"
	}
	for i, ct := range p.Spec.Containers {
		if ct.Name == name {
			return fmt.Sprintf("%s/containers/%d", prefix, i)
		}
	}
	for i, ct := range p.Spec.InitContainers {
		if ct.Name == name {
			return fmt.Sprintf("%s/initContainers/%d", prefix, i)
		}
	}
	return prefix + "/containers/0"
}

// explainPullAuth checks every pull secret the pod can use — its own and
// its ServiceAccount's — for existence, type and an entry for the image's
// registry host. Secret values are never read beyond their host names.
func (c *ctx) explainPullAuth(f *Finding, p *corev1.Pod, ref imageref.Ref) {
	host := ref.Registry
	type cand struct{ name, from string }
	var cands []cand
	for _, s := range p.Spec.ImagePullSecrets {
		cands = append(cands, cand{s.Name, "pod"})
	}
	saName := p.Spec.ServiceAccountName
	if saName == "" {
		saName = "default"
	}
	sa := c.s.ServiceAccount(p.Namespace, saName)
	if sa != nil {
	next:
		for _, s := range sa.ImagePullSecrets {
			// A secret named by both the pod and its ServiceAccount is
			// checked once.
			for i := range cands {
				if cands[i].name == s.Name {
					cands[i].from += ", serviceaccount/" + saName
					continue next
				}
			}
			cands = append(cands, cand{s.Name, "serviceaccount/" + saName})
		}
	}
	// The most telling secret decides the headline: one that has the host
	// (credentials rejected) > a referenced secret that is missing > a
	// malformed one > one without the host > one not collected > none.
	rank := map[string]int{"none": 0, "unchecked": 1, "nohost": 2, "type": 3, "bad": 3, "missing": 4, "host": 5}
	state, best := "none", 0
	set := func(kind, name string) {
		if r := rank[kind]; r > best || state == "none" && r >= best {
			best, state = r, kind
			if name != "" {
				state += ":" + name
			}
		}
	}
	matched := ""
	for _, cd := range cands {
		obj := snapshot.ObjectRef{Kind: "Secret", Namespace: p.Namespace, Name: cd.name}
		var note i18n.Msg
		sec := c.s.Secret(p.Namespace, cd.name)
		switch {
		case sec == nil && !c.s.Has(snapshot.KindSecret):
			note = i18n.T("image.auth.secret.unchecked", cd.from)
			set("unchecked", "")
		case sec == nil:
			note = i18n.T("image.auth.secret.missing", cd.from)
			set("missing", cd.name)
		case sec.Type != corev1.SecretTypeDockerConfigJson && sec.Type != corev1.SecretTypeDockercfg:
			note = i18n.T("image.auth.secret.type", cd.from, string(sec.Type))
			set("type", cd.name)
		case sec.DockerConfigError != "":
			note = i18n.T("image.auth.secret.bad", cd.from, sec.DockerConfigError)
			set("bad", cd.name)
		case containsHost(sec.RegistryHosts, host):
			note = i18n.T("image.auth.secret.hashost", cd.from, host)
			if matched == "" {
				matched = cd.name
			}
			set("host", cd.name)
		default:
			hosts := i18n.List(sec.RegistryHosts)
			if len(hosts) == 0 {
				hosts = i18n.List{"<none>"}
			}
			note = i18n.T("image.auth.secret.nohost", cd.from, host, hosts)
			set("nohost", cd.name)
		}
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: obj, Note: note})
	}
	if sa == nil && c.s.Has(snapshot.KindServiceAccount) {
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: "ServiceAccount", Namespace: p.Namespace, Name: saName}, Text: "not found"})
	} else if sa == nil {
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.serviceaccount", saName))
	}
	// Keyed by image only: which secrets could be checked depends on the
	// input, and the finding ID must not.
	f.groupKey = ref.Original
	secretName := "regcred"
	if len(cands) > 0 {
		secretName = cands[0].name
	}
	kind, name, _ := strings.Cut(state, ":")
	switch kind {
	case "none":
		f.Headline = i18n.T("image.auth.head.none", host)
		f.Explain = i18n.T("image.auth.why.none")
	case "missing":
		f.Headline = i18n.T("image.auth.head.missing", host, name)
		secretName = name
		f.Explain = i18n.T("image.auth.why.missing")
	case "nohost":
		f.Headline = i18n.T("image.auth.head.nohost", host, name)
		secretName = name
		f.Explain = i18n.T("image.auth.why.nohost")
	case "type", "bad":
		f.Headline = i18n.T("image.auth.head.bad", host, name)
		secretName = name
		f.Explain = i18n.T("image.auth.why.bad")
	case "host":
		f.Headline = i18n.T("image.auth.head.host", host, matched)
		secretName = matched
		f.Explain = i18n.T("image.auth.why.host")
	default:
		f.Headline = i18n.T("image.auth.head.unchecked", host)
		f.Explain = i18n.T("image.auth.why.none")
	}
	if kind != "none" && kind != "missing" {
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.auth.step.inspect"),
			Command: kubectl(p.Namespace, "get", "secret", secretName, "-o", `jsonpath='{.data.\.dockerconfigjson}'`) + " | base64 -d | jq -r '.auths | keys[]'"})
	}
	create := kubectl(p.Namespace, "create", "secret", "docker-registry", secretName,
		"--docker-server="+host, "--docker-username=<user>", "--docker-password=<password>")
	if kind == "host" || kind == "nohost" || kind == "type" || kind == "bad" {
		create = kubectl(p.Namespace, "create", "secret", "docker-registry", secretName,
			"--docker-server="+host, "--docker-username=<user>", "--docker-password=<password>", "--dry-run=client", "-o", "yaml") + " | " + kubectl("", "apply", "-f", "-")
	}
	f.Steps = append(f.Steps, Step{Text: i18n.T("image.auth.step.create", host), Command: create, Changes: true})
	if kind == "none" {
		patch := `'{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":"` + secretName + `"}]}}}}'`
		target := c.target(p)
		if strings.HasPrefix(target, "pod/") {
			f.Steps = append(f.Steps, Step{Text: i18n.T("image.auth.step.pod")})
		} else {
			if strings.HasPrefix(target, "cronjob/") {
				patch = `'{"spec":{"jobTemplate":{"spec":{"template":{"spec":{"imagePullSecrets":[{"name":"` + secretName + `"}]}}}}}}'`
			}
			f.Steps = append(f.Steps, Step{Text: i18n.T("image.auth.step.patch"), Command: kubectl(p.Namespace, "patch", target, "-p", patch), Changes: true})
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.auth.step.sa", saName),
			Command: kubectl(p.Namespace, "patch", "serviceaccount", saName, "-p", `'{"imagePullSecrets":[{"name":"`+secretName+`"}]}'`), Changes: true})
	}
}

func containsHost(hosts []string, h string) bool {
	h = snapshot.NormalizeRegistryHost(h)
	for _, x := range hosts {
		if x == h {
			return true
		}
	}
	return false
}
