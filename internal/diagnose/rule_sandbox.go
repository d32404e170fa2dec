package diagnose

import (
	"strings"

	corev1 "k8s.io/api/core/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// notStarted reports a pod whose containers have not started yet
// (ContainerCreating / PodInitializing, or no statuses at all).
func notStarted(p *corev1.Pod) bool {
	if len(p.Status.ContainerStatuses) == 0 {
		return true
	}
	for _, cs := range append(append([]corev1.ContainerStatus{}, p.Status.InitContainerStatuses...), p.Status.ContainerStatuses...) {
		if w := cs.State.Waiting; w != nil && (w.Reason == "ContainerCreating" || w.Reason == "PodInitializing" || w.Reason == "") {
			return true
		}
	}
	return false
}

// sandbox explains FailedCreatePodSandBox: the pod's network namespace could
// not be set up — a CNI problem, or a disk fault on the node (bad sectors,
// 磁盘坏道: input/output error).
func (c *ctx) sandbox(p *corev1.Pod) []*Finding {
	if !notStarted(p) {
		return nil
	}
	evs := c.eventsOf(p)
	e := latestEvent(evs, "", func(e *snapshot.Event) bool {
		return e.Reason == "FailedCreatePodSandBox" || e.Reason == "FailedPodSandBoxStatus" || (e.Reason == "FailedSync" && strings.Contains(e.Message, "sandbox"))
	})
	if e == nil {
		return nil
	}
	// A sandbox that was created after the failure means it has recovered.
	if ok := latestEvent(evs, "", func(x *snapshot.Event) bool { return x.Reason == "Started" || x.Reason == "Created" }); ok != nil && ok.Last.After(e.Last) {
		return nil
	}
	info := classify.Sandbox(e.Message)
	node := p.Spec.NodeName
	if info.PauseImage != "" && info.Code != classify.SandboxDisk {
		// The runtime could not pull the pause image: that pull's own
		// error is the cause, for every pod the node starts.
		if code := c.imageCode(e.Message); code != classify.ImageOther {
			f := c.newPodFinding(p, Error, ClassWaiting, code, node+"|pause|"+info.PauseImage)
			ev := eventEvidence(e)
			ev.Note = i18n.T("sandbox.pause.note", info.PauseImage)
			f.Evidence = append(f.Evidence, ev)
			f.Since = ev.First
			c.explainPull(f, p, "", info.PauseImage, e.Message, true)
			f.Headline = i18n.T("sandbox.pause.head", orPlaceholder(node, "<node>"), info.PauseImage, f.Headline)
			return []*Finding{f}
		}
	}
	f := c.newPodFinding(p, Error, ClassWaiting, info.Code, node)
	f.Evidence = append(f.Evidence, eventEvidence(e))
	f.Since = e.First
	if n := c.s.Node(node); n != nil {
		if rc := nodeCondition(n, corev1.NodeReady); rc != nil && rc.Status != corev1.ConditionTrue {
			f.Evidence = append(f.Evidence, statusEvidence(nodeObj(node), "status.conditions[Ready]", string(rc.Status)+" "+rc.Reason+": "+rc.Message))
		}
		if nc := nodeCondition(n, corev1.NodeNetworkUnavailable); nc != nil && nc.Status == corev1.ConditionTrue {
			f.Evidence = append(f.Evidence, statusEvidence(nodeObj(node), "status.conditions[NetworkUnavailable]", nc.Reason+": "+nc.Message))
		}
	}
	switch info.Code {
	case classify.SandboxCNI:
		if info.IPExhausted {
			f.groupKey = node + "|ipam"
			f.Headline = i18n.T("sandbox.ip.head", orPlaceholder(node, "<node>"))
			if info.Plugin != "" {
				f.Headline = i18n.T("sandbox.ip.head-plugin", orPlaceholder(node, "<node>"), info.Plugin)
			}
			f.Explain = i18n.T("sandbox.ip.why")
			f.Steps = append(f.Steps,
				Step{Text: i18n.T("sandbox.ip.step.count", orPlaceholder(node, "<node>")), Command: kubectl("", "get", "pods", "-A", "-o", "wide", "--field-selector", "spec.nodeName="+orPlaceholder(node, "<node>")).Pipe("wc", "-l")})
			if info.Plugin != "" && info.Plugin != "host-local" {
				// The plugin keeps its own IPAM state; its agent on the
				// node says what it holds.
				f.Steps = append(f.Steps, Step{Text: i18n.T("sandbox.ip.step.agent", info.Plugin, orPlaceholder(node, "<node>")),
					Command: kubectl("", "get", "pods", "-A", "-o", "wide", "--field-selector", "spec.nodeName="+orPlaceholder(node, "<node>")).Pipe(grepFor(info.Plugin, "-i")...)})
			} else {
				f.Steps = append(f.Steps, Step{Text: i18n.T("sandbox.ip.step.leak"), Command: sh("find", "/var/lib/cni/networks", "-type", "f", "-name", "*.*.*.*").Pipe("wc", "-l")})
			}
			f.Steps = append(f.Steps, Step{Text: i18n.T("sandbox.ip.step.podcidr"), Command: kubectl("", "get", "node", orPlaceholder(node, "<node>"), "-o", "jsonpath={.spec.podCIDR}")})
		} else {
			plugin := info.Plugin
			f.groupKey = node + "|cni|" + plugin
			f.Headline = i18n.T("sandbox.cni.head", orPlaceholder(node, "<node>"), plugin)
			if plugin == "" {
				f.Headline = i18n.T("sandbox.cni.head-unnamed", orPlaceholder(node, "<node>"))
			}
			f.Explain = i18n.T("sandbox.cni.why")
			if info.ConfigMissing {
				f.Headline = i18n.T("sandbox.cnimissing.head", orPlaceholder(node, "<node>"))
			}
			if info.ConfigInvalid {
				f.Headline = i18n.T("sandbox.cniconf.head", orPlaceholder(node, "<node>"))
				f.Explain = i18n.T("sandbox.cniconf.why")
				f.Steps = append(f.Steps, Step{Text: i18n.T("sandbox.cniconf.step", orPlaceholder(node, "<node>")), Command: sh("grep", "-r", ".", "/etc/cni/net.d/")})
			}
			f.Steps = append(f.Steps,
				Step{Text: i18n.T("sandbox.cni.step.conf", orPlaceholder(node, "<node>")), Command: sh("ls", "-l", "/etc/cni/net.d/", "/opt/cni/bin/")},
				Step{Text: i18n.T("sandbox.cni.step.pods"), Command: kubectl("kube-system", "get", "pods", "-o", "wide", "--field-selector", "spec.nodeName="+orPlaceholder(node, "<node>"))},
				Step{Text: i18n.T("sandbox.step.kubelet"), Command: journal("kubelet", "30m", "containerd").Pipe("grep", "-i", "-E", "sandbox|cni")})
		}
	case classify.SandboxDisk:
		f.groupKey = node + "|disk"
		f.Headline = i18n.T("sandbox.disk.head", orPlaceholder(node, "<node>"))
		f.Explain = i18n.T("sandbox.disk.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("sandbox.disk.step.dmesg", orPlaceholder(node, "<node>")), Command: sh("dmesg", "-T").Pipe("grep", "-i", "-E", "I/O error|EXT4-fs error|XFS|blk_update_request").Seq("df", "-h", "/var/lib/containerd", "/var/lib/kubelet")},
			c.drainStep(node, i18n.T("sandbox.disk.step.drain")))
	default:
		f.groupKey = node + "|other"
		f.Headline = i18n.T("sandbox.other.head", orPlaceholder(node, "<node>"), clip(e.Message, 160))
		f.Explain = i18n.T("sandbox.other.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("sandbox.step.kubelet"), Command: journal("kubelet", "30m", "containerd").Pipe("grep", "-i", "sandbox")})
	}
	return []*Finding{f}
}

// mounts explains FailedMount / FailedAttachVolume on a pod that has not
// started (catalog §2 Mount).
func (c *ctx) mounts(p *corev1.Pod) []*Finding {
	if !notStarted(p) {
		return nil
	}
	evs := c.eventsOf(p)
	e := latestEvent(evs, "", func(e *snapshot.Event) bool {
		return e.Reason == "FailedMount" || e.Reason == "FailedAttachVolume" || e.Reason == "FailedMapVolume"
	})
	if e == nil {
		return nil
	}
	// Prefer the specific cause over the generic timeout that follows it.
	if m := classify.ParseMount(e.Message); m.Code == classify.MountTimeout {
		if better := latestEvent(evs, "", func(x *snapshot.Event) bool {
			return (x.Reason == "FailedMount" || x.Reason == "FailedAttachVolume") && classify.ParseMount(x.Message).Code != classify.MountTimeout
		}); better != nil {
			e = better
		}
	}
	m := classify.ParseMount(e.Message)
	f := c.newPodFinding(p, Error, ClassWaiting, m.Code, m.Volume+"|"+m.Object.Name)
	f.Evidence = append(f.Evidence, eventEvidence(e))
	f.Since = e.First
	switch m.Code {
	case classify.MountMissing:
		c.explainMissingObject(f, p, m.Object, "mount")
	case classify.MountMultiAttach:
		vol := orPlaceholder(m.Volume, "<volume>")
		f.Headline = i18n.T("mount.multi.head", vol)
		switch {
		case len(m.Holders) > 0:
			// The attach/detach controller names the pods holding it.
			f.Headline = i18n.T("mount.multi.head-holders", vol, i18n.List(m.Holders))
		case m.OtherNamespaces > 0:
			f.Headline = i18n.T("mount.multi.head-otherns", vol, m.OtherNamespaces)
		}
		holders := c.volumeHolders(p)
		if len(holders) > 0 {
			f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: podObj(p), Text: strings.Join(holders, ", "), Note: i18n.T("mount.multi.holders")})
		}
		f.Explain = i18n.T("mount.multi.why")
		for _, h := range m.Holders {
			f.Steps = append(f.Steps, Step{Text: i18n.T("mount.multi.step.holder", h), Command: kubectl(p.Namespace, "get", "pod", h, "-o", "wide")})
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("mount.multi.step.va"), Command: kubectl("", "get", "volumeattachments").Pipe(grepFor(vol)...)},
			Step{Text: i18n.T("mount.multi.step.strategy")})
	case classify.MountTimeout:
		f.Headline = i18n.T("mount.timeout.head", orPlaceholder(p.Spec.NodeName, "<node>"))
		f.Explain = i18n.T("mount.timeout.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("mount.step.events"), Command: kubectl(p.Namespace, "get", "events", "--field-selector", "involvedObject.name="+orPlaceholder(p.Name, "<pod>"))},
			Step{Text: i18n.T("sandbox.step.kubelet"), Command: journal("kubelet", "30m").Pipe("grep", "-i", "-E", "mount|attach")})
	default:
		f.Headline = i18n.T("mount.failed.head", orPlaceholder(m.Volume, "<volume>"), clip(e.Message, 160))
		f.Explain = i18n.T("mount.failed.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("sandbox.step.kubelet"), Command: journal("kubelet", "30m").Pipe("grep", "-i", "-E", "mount|attach")})
	}
	return []*Finding{f}
}

// volumeHolders names other running pods that use the same claims.
func (c *ctx) volumeHolders(p *corev1.Pod) []string {
	claims := map[string]bool{}
	for _, v := range p.Spec.Volumes {
		if v.PersistentVolumeClaim != nil {
			claims[v.PersistentVolumeClaim.ClaimName] = true
		}
	}
	var out []string
	for _, o := range c.s.PodsInNamespace(p.Namespace) {
		if o.UID == p.UID || o.Spec.NodeName == "" || terminated(o) {
			continue
		}
		for _, v := range o.Spec.Volumes {
			if v.PersistentVolumeClaim != nil && claims[v.PersistentVolumeClaim.ClaimName] {
				out = append(out, o.Name+"@"+o.Spec.NodeName+" ("+v.PersistentVolumeClaim.ClaimName+")")
			}
		}
	}
	return out
}

// slowStart reports a pod stuck creating its containers with no error: an
// image still pulling, a volume still attaching (catalog §2 SlowStart).
func (c *ctx) slowStart(p *corev1.Pod) []*Finding {
	if !notStarted(p) || p.Status.Phase != corev1.PodPending {
		return nil
	}
	since := p.CreationTimestamp.Time
	if cond := podCondition(p, corev1.PodScheduled); cond != nil && !cond.LastTransitionTime.IsZero() {
		since = cond.LastTransitionTime.Time
	}
	if c.age(since) < c.opts.StartupGrace {
		return nil
	}
	evs := c.eventsOf(p)
	var pulling *snapshot.Event
	container := ""
	for _, e := range evs {
		if e.Reason == "Pulling" {
			pulling = e
			container = containerFromFieldPath(e.FieldPath)
		}
	}
	if pulling != nil && c.isSlowPull(evs, container) {
		img := classify.ImageFromMessage(pulling.Message)
		f := c.newPodFinding(p, Warning, ClassWaiting, "SlowStart/Pulling", img)
		f.Container = container
		f.Headline = i18n.T("slow.pull.head", img, i18n.Dur(c.age(pulling.First)), orPlaceholder(p.Spec.NodeName, "<node>"))
		f.Evidence = append(f.Evidence, eventEvidence(pulling))
		f.Explain = i18n.T("slow.pull.why")
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("slow.pull.step.watch", orPlaceholder(p.Spec.NodeName, "<node>")), Command: sh("crictl", "images").Pipe(grepFor(strings.Split(img, ":")[0])...).SeqCmd(journal("containerd", "15m")).Pipe("grep", "-i", "pull")},
			Step{Text: i18n.T("image.step.timeouts")})
		return []*Finding{f}
	}
	hasPVC := false
	for _, v := range p.Spec.Volumes {
		if v.PersistentVolumeClaim != nil {
			hasPVC = true
		}
	}
	reason, key := "SlowStart/Other", "other"
	if hasPVC {
		reason, key = "SlowStart/Volume", "volume"
	}
	f := c.newPodFinding(p, Warning, ClassWaiting, reason, key)
	f.Headline = i18n.T("slow.other.head", i18n.Dur(c.age(since)), orPlaceholder(p.Spec.NodeName, "<node>"))
	if hasPVC {
		f.Headline = i18n.T("slow.volume.head", i18n.Dur(c.age(since)), orPlaceholder(p.Spec.NodeName, "<node>"))
	}
	f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status", PodStatus(p)))
	if len(evs) > 0 {
		f.Evidence = append(f.Evidence, eventEvidence(evs[len(evs)-1]))
	} else if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenEvents) {
		// No event in the paste is no proof that none was reported.
		f.Headline = i18n.T("slow.other.head-unseen", i18n.Dur(c.age(since)), orPlaceholder(p.Spec.NodeName, "<node>"))
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.text.message"))
	} else if !c.s.Has(snapshot.KindEvent) {
		f.Unchecked = append(f.Unchecked, i18n.T("unchecked.events"))
	}
	f.Explain = i18n.T("slow.other.why")
	f.Steps = append(f.Steps, Step{Text: i18n.T("step.describe-pod"), Command: kubectl(p.Namespace, "describe", "pod", orPlaceholder(p.Name, "<pod>"))},
		Step{Text: i18n.T("sandbox.step.kubelet"), Command: journal("kubelet", "30m").Pipe(grepFor(orPlaceholder(p.Name, "<pod>"))...)})
	return []*Finding{f}
}

func containerFromFieldPath(fp string) string {
	i := strings.IndexByte(fp, '{')
	j := strings.LastIndexByte(fp, '}')
	if i < 0 || j <= i {
		return ""
	}
	return fp[i+1 : j]
}
