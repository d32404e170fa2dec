package diagnose

import (
	"fmt"
	"slices"
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/imageref"
	"github.com/podwhy/podwhy/internal/shell"
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
	c.explainPull(f, p, cs.Name, img, text, false)
	return f
}

// explainPull fills headline, explanation and steps of an image pull
// failure from its code: a container's image, or (sandbox) the pod
// sandbox's pause image.
func (c *ctx) explainPull(f *Finding, p *corev1.Pod, container, img, text string, sandbox bool) {
	code := f.Reason
	ref := imageref.Parse(img)
	// The registry: the image's own, or — when the paste does not show
	// the image — the host the error names; never Docker Hub by default.
	registry := ref.Registry
	switch host := classify.RegistryHost(text); {
	case img == "":
		registry = orPlaceholder(host, "<registry>")
	case host != "" && host != "docker.io" && ref.Registry == "docker.io" && !strings.Contains(strings.SplitN(img, "/", 2)[0], "docker.io"):
		// A short name the runtime resolved elsewhere (CRI-O's
		// unqualified-search-registries, a registry mirror): the host the
		// error names is the one that answered.
		registry = host
	}
	shown := orPlaceholder(img, "<image>")
	node := orPlaceholder(p.Spec.NodeName, "<node>")
	crictl := Step{Text: i18n.T("image.step.crictl", node), Command: sh("crictl", "pull", ref.Full())}
	switch {
	case img == "":
		crictl.Command = sh("crictl", "pull", "<image>")
	case registry != ref.Registry:
		// Pulled as written, the runtime resolves it the same way.
		crictl.Command = sh("crictl", "pull", img)
	}
	nc := len(p.Spec.Containers) + len(p.Spec.InitContainers)
	cname := container
	if cname == "" && nc > 1 {
		cname = "<container>"
	}
	setArg := func(image string) string {
		if cname == "" {
			// kubectl set image accepts '*' for every container.
			return "*=" + image
		}
		return cname + "=" + image
	}
	setImage := Step{Text: i18n.T("image.step.set"), Command: kubectl(p.Namespace, "set", "image", c.target(p), setArg(registry+"/"+ref.Repository+":<tag>")), Changes: true}
	switch {
	case img == "":
		setImage.Command = kubectl(p.Namespace, "set", "image", c.target(p), setArg("<image>"))
	case ref.Registry == "docker.io":
		setImage.Command = kubectl(p.Namespace, "set", "image", c.target(p), setArg(strings.TrimPrefix(ref.Repository, "library/")+":<tag>"))
	}
	if sandbox {
		// The pause image is the runtime's setting, not the pod's.
		setImage = Step{Text: i18n.T("image.pause.step.config"), Command: sh("grep", "-rsn", "-E", "sandbox_image|pause_image|pod-infra-container-image", "/etc/containerd/config.toml", "/etc/crio/", "/var/lib/kubelet/kubeadm-flags.env")}
	}
	switch code {
	case classify.ImageNotFound:
		switch {
		case img != "" && classify.OfficialRepo(img) && (strings.Contains(text, "pull access denied") || strings.Contains(text, "insufficient_scope") || strings.Contains(text, "requested access to the resource is denied")):
			// Docker Hub's answer for a repository that does not exist.
			name := strings.TrimPrefix(ref.Repository, "library/")
			f.Headline = i18n.T("image.notfound.official.head", name, ref.Repository)
			f.Explain = i18n.T("image.notfound.official.why", name)
			f.Steps = append(f.Steps,
				Step{Text: i18n.T("image.notfound.official.step.load", node), Command: sh("docker", "save", img, "-o", "image.tar").And("ctr", "-n", "k8s.io", "images", "import", "image.tar")},
				Step{Text: i18n.T("image.notfound.official.step.push"), Command: sh("docker", "tag", img, "<registry>/<project>/"+name+":"+ref.EffectiveTag()).And("docker", "push", "<registry>/<project>/"+name+":"+ref.EffectiveTag())},
				Step{Text: i18n.T("image.notfound.official.step.set"), Command: kubectl(p.Namespace, "set", "image", c.target(p), setArg("<registry>/<project>/"+name+":"+ref.EffectiveTag())), Changes: true})
			return
		case ref.Digest != "":
			f.Headline = i18n.T("image.notfound.head-digest", ref.Repository, ref.Digest, registry)
		case img == "":
			f.Headline = i18n.T("image.notfound.head-unseen")
		default:
			f.Headline = i18n.T("image.notfound.head", ref.Repository, ref.EffectiveTag(), registry)
		}
		f.Explain = i18n.T("image.notfound.why")
		tags := Step{Text: i18n.T("image.step.tags"), Command: sh("crane", "ls", registry+"/"+ref.Repository)}
		if img == "" {
			tags.Command = sh("crane", "ls", "<registry>/<repository>")
		}
		f.Steps = append(f.Steps, tags, crictl, setImage)
	case classify.ImageAuth:
		c.explainPullAuth(f, p, ref, registry)
		f.Steps = append(f.Steps, crictl)
	case classify.ImageNetwork:
		c.explainPullNetwork(f, ref, registry, text, node)
		f.Steps = append([]Step{crictl}, f.Steps...)
	case classify.ImageTLS:
		f.Headline = i18n.T("image.tls.head", registry)
		f.Explain = i18n.T("image.tls.why")
		f.Steps = append(f.Steps, c.registryCASteps(p, registry)...)
		f.Steps = append(f.Steps, crictl)
	case classify.ImageRateLimit:
		f.Headline = i18n.T("image.ratelimit.head", registry)
		f.Explain = i18n.T("image.ratelimit.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.ratelimit.step")}, crictl)
	case classify.ImageInvalid:
		f.Headline = i18n.T("image.invalid.head", shown)
		f.Explain = i18n.T("image.invalid.why")
		// Most invalid references are upper case or stray spaces.
		fixed := strings.ToLower(strings.TrimSpace(img))
		if ref.Tag == "" && ref.Digest == "" {
			fixed += ":<tag>"
		}
		if img == "" {
			fixed = "<image>"
		}
		setImage.Command = kubectl(p.Namespace, "set", "image", c.target(p), setArg(fixed))
		f.Steps = append(f.Steps, setImage)
	case classify.ImageNeverPull:
		f.Headline = i18n.T("image.never.head", shown, node)
		if !c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) {
			f.Evidence = append(f.Evidence, specEvidence(podObj(p), "spec.containers["+container+"].imagePullPolicy", "Never"))
		}
		f.Explain = i18n.T("image.never.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("image.never.step.import", node), Command: sh("ctr", "-n", "k8s.io", "images", "import", "<image.tar>")},
		)
		f.Steps = append(f.Steps, c.specSteps(p, i18n.T("image.never.step.policy"), "imagePullPolicy", func(target string) shell.Cmd {
			return kubectl(p.Namespace, "patch", target, "--type=json", "-p", jsonPatch("replace", c.containerPath(p, container)+"/imagePullPolicy", "IfNotPresent"))
		})...)
	case classify.ImageNoSpace:
		f.Headline = i18n.T("image.nospace.head", node)
		f.Explain = i18n.T("image.nospace.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.nospace.step"), Command: sh("crictl", "rmi", "--prune")})
	case classify.ImageSlowPull:
		f.Severity = Warning
		f.Headline = i18n.T("image.slow.head", shown, node)
		f.Explain = i18n.T("image.slow.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.step.timeouts")}, crictl)
	default:
		f.Headline = i18n.T("image.other.head", shown)
		f.Explain = i18n.T("image.other.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("step.describe-pod"), Command: kubectl(p.Namespace, "describe", "pod", orPlaceholder(p.Name, "<pod>"))}, crictl)
	}
	if sandbox && code != classify.ImageNetwork && code != classify.ImageTLS {
		f.Steps = append(f.Steps, setImage)
	}
}

// explainPullNetwork tells a name that does not resolve (DNS) from a
// connection that times out, is refused or has no route.
func (c *ctx) explainPullNetwork(f *Finding, ref imageref.Ref, registry, text, node string) {
	nf := classify.NetworkFailure(text)
	host := nf.Host
	if host == "" {
		host = registry
	}
	bare := strings.Split(host, ":")[0]
	switch nf.Kind {
	case classify.NetDNS:
		server := nf.Server
		if server == "" {
			server = "<node resolver>"
		}
		f.Headline = i18n.T("image.network.dns.head", bare, node, clip(nf.Detail, 60), server)
		f.Explain = i18n.T("image.network.dns.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("image.network.dns.step.resolve", node), Command: sh("cat", "/etc/resolv.conf").Seq(append([]string{"nslookup", bare}, dnsServerArg(nf.Server)...)...)},
			Step{Text: i18n.T("image.network.dns.step.fix")})
	case classify.NetTimeout:
		f.Headline = i18n.T("image.network.timeout.head", host, node)
		f.Explain = i18n.T("image.network.timeout.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.network.step.dns"), Command: sh("curl", "-sv", "--max-time", "10", "https://"+host+"/v2/")})
	case classify.NetRefused, classify.NetUnreachable:
		f.Headline = i18n.T("image.network.refused.head", host, node, clip(nf.Detail, 60))
		f.Explain = i18n.T("image.network.refused.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.network.step.dns"), Command: sh("curl", "-sv", "--max-time", "10", "https://"+host+"/v2/")})
	case classify.NetProxy:
		f.Headline = i18n.T("image.network.proxy.head", host, node)
		f.Explain = i18n.T("image.network.proxy.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.network.proxy.step"), Command: sh("systemctl", "show", "containerd", "--property=Environment").Seq("systemctl", "show", "docker", "--property=Environment")})
	default:
		f.Headline = i18n.T("image.network.head", host, node)
		f.Explain = i18n.T("image.network.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("image.network.step.dns"), Command: sh("nslookup", bare).And("curl", "-sv", "--max-time", "10", "https://"+host+"/v2/")})
	}
	if ref.OftenBlocked() && ref.Registry == registry && nf.Kind != classify.NetDNS {
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.network.step.mirror", registry)})
	}
	if nf.Kind == "" || nf.Kind == classify.NetTimeout {
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.step.timeouts")})
	}
}

// dnsServerArg asks nslookup the server the error names ("10.96.0.10:53").
func dnsServerArg(server string) []string {
	if server == "" {
		return nil
	}
	host := server
	if h, _, ok := strings.Cut(strings.Trim(server, "[]"), "]:"); ok {
		host = h
	} else if i := strings.LastIndexByte(server, ':'); i > 0 && strings.Count(server, ":") == 1 {
		host = server[:i]
	}
	return []string{host}
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
	return "pod/" + orPlaceholder(p.Name, "<pod>")
}

// containerPath is the JSON pointer of a container in the target object.
func (c *ctx) containerPath(p *corev1.Pod, name string) string {
	prefix := c.podSpecPath(p)
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
func (c *ctx) explainPullAuth(f *Finding, p *corev1.Pod, ref imageref.Ref, host string) {
	if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenSpec) {
		// The paste shows no pull secrets and no ServiceAccount: say so
		// rather than read their absence as "none".
		f.groupKey = ref.Original
		f.Headline = i18n.T("image.auth.head.hidden", host)
		f.Explain = i18n.T("image.auth.why.hidden")
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.pullsecrets"))
		create := kubectl(p.Namespace, "create", "secret", "docker-registry", "regcred",
			"--docker-server="+host, "--docker-username=<user>", "--docker-password=<password>")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("image.auth.step.check", host), Command: kubectl(p.Namespace, "get", "pod", orPlaceholder(p.Name, "<pod>"), "-o", "jsonpath={.spec.imagePullSecrets} {.spec.serviceAccountName}")},
			Step{Text: i18n.T("image.auth.step.create", host), Command: create, Changes: true})
		return
	}
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
			Command: kubectl(p.Namespace, "get", "secret", secretName, "-o", `jsonpath={.data.\.dockerconfigjson}`).Pipe("base64", "-d").Pipe("jq", "-r", ".auths | keys[]")})
	}
	create := kubectl(p.Namespace, "create", "secret", "docker-registry", secretName,
		"--docker-server="+host, "--docker-username=<user>", "--docker-password=<password>")
	if kind == "host" || kind == "nohost" || kind == "type" || kind == "bad" {
		create = kubectl(p.Namespace, "create", "secret", "docker-registry", secretName,
			"--docker-server="+host, "--docker-username=<user>", "--docker-password=<password>", "--dry-run=client", "-o", "yaml").PipeCmd(kubectl("", "apply", "-f", "-"))
	}
	f.Steps = append(f.Steps, Step{Text: i18n.T("image.auth.step.create", host), Command: create, Changes: true})
	if kind == "none" {
		secrets := map[string]any{"imagePullSecrets": []any{map[string]string{"name": secretName}}}
		target := c.target(p)
		if strings.HasPrefix(target, "pod/") {
			f.Steps = append(f.Steps, Step{Text: i18n.T("image.auth.step.pod")})
		} else {
			f.Steps = append(f.Steps, Step{Text: i18n.T("image.auth.step.patch"), Command: kubectl(p.Namespace, "patch", target, "-p", c.podSpecPatch(p, secrets)), Changes: true})
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("image.auth.step.sa", saName),
			Command: kubectl(p.Namespace, "patch", "serviceaccount", saName, "-p", mergePatch(secrets)), Changes: true})
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

// registryCASteps put a registry's CA where the node's runtime reads it:
// containerd's certs.d (with a hosts.toml naming it), Docker's certs.d,
// CRI-O's (containers-certs.d) directory. The runtime is read from the
// container IDs or the node; when neither shows it, every place is named.
func (c *ctx) registryCASteps(p *corev1.Pod, registry string) []Step {
	var steps []Step
	rt := c.runtimeOf(p)
	if rt == "" || rt == "containerd" {
		dir := "/etc/containerd/certs.d/" + registry
		steps = append(steps,
			Step{Text: i18n.T("image.tls.step.containerd", registry), Command: sh("mkdir", "-p", dir).And("cp", "<registry-ca.crt>", dir+"/ca.crt")},
			Step{Text: i18n.T("image.tls.step.hosts", dir+"/hosts.toml"), Command: sh("printf", `%s\n`, `server = "https://`+registry+`"`, `[host."https://`+registry+`"]`, `  ca = "`+dir+`/ca.crt"`).To(dir + "/hosts.toml")})
	}
	if rt == "" || rt == "docker" {
		dir := "/etc/docker/certs.d/" + registry
		steps = append(steps, Step{Text: i18n.T("image.tls.step.docker", registry), Command: sh("mkdir", "-p", dir).And("cp", "<registry-ca.crt>", dir+"/ca.crt")})
	}
	if rt == "" || rt == "cri-o" {
		dir := "/etc/containers/certs.d/" + registry
		steps = append(steps, Step{Text: i18n.T("image.tls.step.crio", registry), Command: sh("mkdir", "-p", dir).And("cp", "<registry-ca.crt>", dir+"/ca.crt")})
	}
	return append(steps, Step{Text: i18n.T("image.tls.step.insecure")})
}

// runtimeOf names the node's container runtime: containerd, cri-o or
// docker, from a container ID's scheme or the node's runtime version.
func (c *ctx) runtimeOf(p *corev1.Pod) string {
	name := func(s string) string {
		scheme, _, ok := strings.Cut(s, "://")
		if !ok {
			return ""
		}
		switch scheme {
		case "containerd", "cri-o", "docker":
			return scheme
		}
		return ""
	}
	for _, cs := range append(slices.Clone(p.Status.ContainerStatuses), p.Status.InitContainerStatuses...) {
		if rt := name(cs.ContainerID); rt != "" {
			return rt
		}
		if strings.HasPrefix(cs.ImageID, "docker-pullable://") {
			return "docker"
		}
	}
	if n := c.s.Node(p.Spec.NodeName); n != nil {
		return name(n.Status.NodeInfo.ContainerRuntimeVersion)
	}
	return ""
}
