package diagnose

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"

	"github.com/podwhy/podwhy/internal/classify"
	"github.com/podwhy/podwhy/internal/i18n"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// controllers reports what controllers show and pods cannot: refused pod
// creation (no pod to look at), stalled rollouts, a StatefulSet blocked on
// one ordinal, a DaemonSet short of nodes, failed Jobs (catalog §5, §9).
func (c *ctx) controllers() []*Finding {
	var out []*Finding
	out = append(out, c.failedCreates()...)
	for _, d := range c.s.Deployments {
		if c.in(d.Namespace) {
			out = append(out, c.deployment(d)...)
		}
	}
	for _, s := range c.s.StatefulSets {
		if !c.in(s.Namespace) {
			continue
		}
		if f := c.statefulSet(s); f != nil {
			out = append(out, f)
		}
	}
	for _, d := range c.s.DaemonSets {
		if !c.in(d.Namespace) {
			continue
		}
		if f := c.daemonSet(d); f != nil {
			out = append(out, f)
		}
	}
	out = append(out, c.jobs()...)
	return out
}

func controllerRef(kind string, m metav1.ObjectMeta) snapshot.ObjectRef {
	return snapshot.ObjectRef{Kind: kind, Namespace: m.Namespace, Name: m.Name, UID: m.UID}
}

// topOf maps a ReplicaSet to its Deployment and a Job to its CronJob.
func (c *ctx) topOf(ref snapshot.ObjectRef) snapshot.ObjectRef {
	switch ref.Kind {
	case "ReplicaSet":
		if rs := c.s.ReplicaSet(ref.Namespace, ref.Name); rs != nil {
			if d := metav1.GetControllerOf(rs); d != nil && d.Kind == "Deployment" {
				return snapshot.ObjectRef{Kind: "Deployment", Namespace: ref.Namespace, Name: d.Name, UID: d.UID}
			}
		}
	case "Job":
		if j := c.s.Job(ref.Namespace, ref.Name); j != nil {
			if cj := metav1.GetControllerOf(j); cj != nil && cj.Kind == "CronJob" {
				return snapshot.ObjectRef{Kind: "CronJob", Namespace: ref.Namespace, Name: cj.Name, UID: cj.UID}
			}
		}
	}
	return ref
}

// stillShort reports whether a controller still lacks pods, so that an old
// FailedCreate that has since been overcome is not reported.
func (c *ctx) stillShort(ref snapshot.ObjectRef) bool {
	switch ref.Kind {
	case "ReplicaSet":
		if rs := c.s.ReplicaSet(ref.Namespace, ref.Name); rs != nil && rs.Spec.Replicas != nil {
			return rs.Status.Replicas < *rs.Spec.Replicas
		}
	case "StatefulSet":
		if s := c.s.StatefulSet(ref.Namespace, ref.Name); s != nil && s.Spec.Replicas != nil {
			return s.Status.Replicas < *s.Spec.Replicas
		}
	case "DaemonSet":
		if d := c.s.DaemonSet(ref.Namespace, ref.Name); d != nil {
			return d.Status.CurrentNumberScheduled < d.Status.DesiredNumberScheduled
		}
	case "Job":
		if j := c.s.Job(ref.Namespace, ref.Name); j != nil {
			return j.Status.CompletionTime == nil && !jobFinished(j)
		}
	}
	return true
}

// failedCreates turns FailedCreate events into findings: quota, LimitRange,
// PodSecurity, webhooks, missing ServiceAccount.
func (c *ctx) failedCreates() []*Finding {
	latest := map[snapshot.ObjectRef]*snapshot.Event{}
	for _, e := range c.s.Events {
		if e.Reason != "FailedCreate" || !c.in(e.Regarding.Namespace) {
			continue
		}
		k := refKey(e.Regarding)
		if old, ok := latest[k]; !ok || e.Last.After(old.Last) {
			latest[k] = e
		}
	}
	var out []*Finding
	for _, ref := range sortedRefs(latest) {
		e := latest[ref]
		if !c.stillShort(ref) {
			continue
		}
		a := classify.ParseAdmission(e.Message)
		top := c.topOf(ref)
		f := &Finding{Severity: Error, Class: ClassError, Reason: a.Code, Namespace: ref.Namespace, Subject: top, Since: e.First, groupKey: a.Code}
		f.Evidence = append(f.Evidence, eventEvidence(e))
		target := workloadArg(top)
		switch a.Code {
		case classify.CreateQuota:
			c.explainQuota(f, ref.Namespace, a)
		case classify.CreateLimitRange:
			f.Headline = i18n.T("create.limitrange.head", i18n.List(a.Violations))
			for _, lr := range c.s.LimitRanges {
				if lr.Namespace != ref.Namespace {
					continue
				}
				for _, item := range lr.Spec.Limits {
					f.Evidence = append(f.Evidence, specEvidence(snapshot.ObjectRef{Kind: "LimitRange", Namespace: lr.Namespace, Name: lr.Name}, "spec.limits["+string(item.Type)+"]", limitItemString(item)))
				}
			}
			f.Explain = i18n.T("create.limitrange.why")
			f.Steps = append(f.Steps,
				Step{Text: i18n.T("create.limitrange.step.get"), Command: kubectl(ref.Namespace, "describe", "limitrange")},
				Step{Text: i18n.T("create.limitrange.step.set"), Command: kubectl(ref.Namespace, "set", "resources", target, "--limits=cpu=<within range>,memory=<within range>"), Changes: true})
		case classify.CreatePodSecurity:
			f.Headline = i18n.T("create.psa.head", a.Level, len(a.Violations))
			if len(a.Containers) > 0 {
				// The violations name the containers to change.
				f.Headline = i18n.T("create.psa.head-containers", a.Level, len(a.Violations), i18n.List(a.Containers))
			}
			for _, v := range a.Violations {
				f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: top, Field: "violation", Text: v})
			}
			if ns := c.s.Namespace(ref.Namespace); ns != nil {
				var labels []string
				for _, k := range sortedKeys(ns.Labels) {
					if strings.HasPrefix(k, "pod-security.kubernetes.io/") {
						labels = append(labels, k+"="+ns.Labels[k])
					}
				}
				if len(labels) > 0 {
					f.Evidence = append(f.Evidence, specEvidence(snapshot.ObjectRef{Kind: "Namespace", Name: ref.Namespace}, "metadata.labels", strings.Join(labels, ", ")))
				}
			}
			f.Explain = i18n.T("create.psa.why")
			f.Steps = append(f.Steps,
				Step{Text: i18n.T("create.psa.step.fix")},
				Step{Text: i18n.T("create.psa.step.check"), Command: kubectl("", "label", "--dry-run=server", "--overwrite", "ns", orPlaceholder(ref.Namespace, "<namespace>"), "pod-security.kubernetes.io/enforce="+strings.Split(a.Level, ":")[0])})
		case classify.CreateWebhook:
			f.Headline = i18n.T("create.webhook.head", a.Webhook, clip(a.WebhookMsg, 140))
			if a.WebhookCall {
				f.Headline = i18n.T("create.webhook.call.head", a.Webhook, clip(a.WebhookMsg, 140))
			}
			f.Explain = i18n.T("create.webhook.why")
			f.Steps = append(f.Steps, Step{Text: i18n.T("create.webhook.step"), Command: kubectl("", "get", "validatingwebhookconfigurations,mutatingwebhookconfigurations").Pipe(grepFor(strings.Split(a.Webhook, ".")[0], "-i")...)})
		case classify.CreateServiceAccount:
			f.Headline = i18n.T("create.sa.head", a.ServiceAccount)
			var sas []string
			for _, sa := range c.s.ServiceAccounts {
				if sa.Namespace == ref.Namespace {
					sas = append(sas, sa.Name)
				}
			}
			if c.s.Has(snapshot.KindServiceAccount) {
				f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: snapshot.ObjectRef{Kind: "ServiceAccount", Namespace: ref.Namespace}, Text: strings.Join(sas, ", "), Note: i18n.T("missing.others", "ServiceAccount", ref.Namespace)})
			}
			f.Explain = i18n.T("create.sa.why")
			f.Steps = append(f.Steps, Step{Text: i18n.T("create.sa.step"), Command: kubectl(ref.Namespace, "create", "serviceaccount", a.ServiceAccount), Changes: true})
		default:
			f.Headline = i18n.T("create.other.head", clip(a.Detail, 160))
			f.Explain = i18n.T("create.other.why")
			f.Steps = append(f.Steps, Step{Text: i18n.T("create.other.step"), Command: kubectl(ref.Namespace, "describe", strings.ToLower(ref.Kind), ref.Name)})
		}
		out = append(out, f)
	}
	return out
}

func sortedRefs[V any](m map[snapshot.ObjectRef]V) []snapshot.ObjectRef {
	out := make([]snapshot.ObjectRef, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Namespace != out[j].Namespace {
			return out[i].Namespace < out[j].Namespace
		}
		if out[i].Kind != out[j].Kind {
			return out[i].Kind < out[j].Kind
		}
		return out[i].Name < out[j].Name
	})
	return out
}

func limitItemString(item corev1.LimitRangeItem) string {
	var parts []string
	add := func(label string, rl corev1.ResourceList) {
		for _, k := range []corev1.ResourceName{corev1.ResourceCPU, corev1.ResourceMemory, corev1.ResourceEphemeralStorage} {
			if q, ok := rl[k]; ok {
				parts = append(parts, fmt.Sprintf("%s %s=%s", label, k, q.String()))
			}
		}
	}
	add("max", item.Max)
	add("min", item.Min)
	add("default", item.Default)
	add("defaultRequest", item.DefaultRequest)
	return strings.Join(parts, ", ")
}

func (c *ctx) explainQuota(f *Finding, ns string, a classify.Admission) {
	if a.MustSpecify != "" {
		f.Headline = i18n.T("create.quota.spec.head", a.Quota, a.MustSpecify)
		f.Explain = i18n.T("create.quota.spec.why")
	} else {
		f.Headline = i18n.T("create.quota.head", a.Quota, a.Requested, a.Used, a.Limited)
		f.Explain = i18n.T("create.quota.why")
	}
	f.groupKey = a.Quota
	for _, q := range c.s.ResourceQuotas {
		if q.Namespace != ns || q.Name != a.Quota {
			continue
		}
		var parts []string
		for _, k := range sortedResKeys(q.Status.Hard) {
			used := q.Status.Used[k]
			hard := q.Status.Hard[k]
			parts = append(parts, fmt.Sprintf("%s %s/%s", k, used.String(), hard.String()))
		}
		f.Evidence = append(f.Evidence, statusEvidence(snapshot.ObjectRef{Kind: "ResourceQuota", Namespace: ns, Name: q.Name}, "status.used/hard", strings.Join(parts, ", ")))
	}
	f.Steps = append(f.Steps,
		Step{Text: i18n.T("create.quota.step.describe"), Command: kubectl(ns, "describe", "resourcequota", a.Quota)},
		Step{Text: i18n.T("create.quota.step.raise"), Command: kubectl(ns, "edit", "resourcequota", a.Quota), Changes: true},
		Step{Text: i18n.T("create.quota.step.free")})
}

func sortedResKeys(rl corev1.ResourceList) []corev1.ResourceName {
	out := make([]corev1.ResourceName, 0, len(rl))
	for k := range rl {
		out = append(out, k)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// deployment: ProgressDeadlineExceeded, ReplicaFailure, a rollout whose
// new ReplicaSet is not becoming available while the old one serves.
func (c *ctx) deployment(d *appsv1.Deployment) []*Finding {
	ref := controllerRef("Deployment", d.ObjectMeta)
	var out []*Finding
	var prog, fail *appsv1.DeploymentCondition
	for i := range d.Status.Conditions {
		cond := &d.Status.Conditions[i]
		if cond.Type == appsv1.DeploymentProgressing && cond.Status == corev1.ConditionFalse && cond.Reason == "ProgressDeadlineExceeded" {
			prog = cond
		}
		if cond.Type == appsv1.DeploymentReplicaFailure && cond.Status == corev1.ConditionTrue {
			fail = cond
		}
	}
	if prog != nil {
		f := &Finding{Severity: Error, Class: ClassController, Reason: "Deployment/ProgressDeadlineExceeded", Namespace: d.Namespace, Subject: ref, attachOnly: true, Since: prog.LastTransitionTime.Time}
		f.Headline = i18n.T("deploy.progress.head", d.Name, progressDeadline(d))
		f.Evidence = append(f.Evidence, statusEvidence(ref, "status.conditions[Progressing]", "False ProgressDeadlineExceeded: "+prog.Message))
		c.addRolloutEvidence(f, d)
		f.Explain = i18n.T("deploy.progress.why")
		if c.previousRevision(d) {
			f.Steps = append(f.Steps, Step{Text: i18n.T("deploy.step.rollback"), Command: kubectl(d.Namespace, "rollout", "undo", "deploy/"+d.Name), Changes: true})
		} else {
			// A first rollout has nothing to go back to: rollout undo
			// fails with "no rollout history found".
			f.Steps = append(f.Steps, Step{Text: i18n.T("deploy.step.first"), Command: kubectl(d.Namespace, "edit", "deploy/"+d.Name), Changes: true})
		}
		f.Steps = append(f.Steps, Step{Text: i18n.T("deploy.step.history"), Command: kubectl(d.Namespace, "rollout", "history", "deploy/"+d.Name)})
		f.extraSteps = f.Steps[:1]
		out = append(out, f)
	}
	if fail != nil {
		f := &Finding{Severity: Error, Class: ClassController, Reason: "Deployment/ReplicaFailure", Namespace: d.Namespace, Subject: ref, attachOnly: true, Since: fail.LastTransitionTime.Time}
		f.Headline = i18n.T("deploy.replicafailure.head", d.Name, clip(fail.Message, 140))
		f.Evidence = append(f.Evidence, statusEvidence(ref, "status.conditions[ReplicaFailure]", "True "+fail.Reason+": "+fail.Message))
		f.Explain = i18n.T("deploy.replicafailure.why")
		out = append(out, f)
	}
	return out
}

func progressDeadline(d *appsv1.Deployment) string {
	if d.Spec.ProgressDeadlineSeconds != nil {
		return strconv.Itoa(int(*d.Spec.ProgressDeadlineSeconds)) + "s"
	}
	return "600s"
}

// addRolloutEvidence says which ReplicaSets serve: a stuck rollout keeps
// the old one running.
func (c *ctx) addRolloutEvidence(f *Finding, d *appsv1.Deployment) {
	var rss []string
	for _, rs := range c.s.ReplicaSets {
		if o := metav1.GetControllerOf(rs); o == nil || o.UID != d.UID || rs.Namespace != d.Namespace {
			continue
		}
		if rs.Status.Replicas == 0 && (rs.Spec.Replicas == nil || *rs.Spec.Replicas == 0) {
			continue
		}
		img := ""
		if cs := rs.Spec.Template.Spec.Containers; len(cs) > 0 {
			img = cs[0].Image
		}
		rss = append(rss, fmt.Sprintf("%s ready %d/%d (%s, revision %s)", rs.Name, rs.Status.ReadyReplicas, rs.Status.Replicas, img, rs.Annotations["deployment.kubernetes.io/revision"]))
	}
	sort.Strings(rss)
	if len(rss) > 0 {
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: controllerRef("Deployment", d.ObjectMeta), Text: strings.Join(rss, "; "), Note: i18n.T("deploy.rs")})
	}
}

// statefulSet: with OrderedReady, pod N must be Ready before N+1 is made.
func (c *ctx) statefulSet(s *appsv1.StatefulSet) *Finding {
	if s.Spec.PodManagementPolicy == appsv1.ParallelPodManagement || s.Spec.Replicas == nil {
		return nil
	}
	want := int(*s.Spec.Replicas)
	pods := map[int]*corev1.Pod{}
	for _, p := range c.s.PodsInNamespace(s.Namespace) {
		if ref := metav1.GetControllerOf(p); ref == nil || ref.Kind != "StatefulSet" || ref.Name != s.Name {
			continue
		}
		i := strings.LastIndexByte(p.Name, '-')
		if n, err := strconv.Atoi(p.Name[i+1:]); err == nil {
			pods[n] = p
		}
	}
	if len(pods) >= want {
		return nil
	}
	for i := 0; i < want; i++ {
		p := pods[i]
		if p != nil && podConditionTrue(p, corev1.PodReady) && p.DeletionTimestamp == nil {
			continue
		}
		if p == nil {
			return nil // a missing ordinal is the controller's to create (FailedCreate covers refusals)
		}
		ref := controllerRef("StatefulSet", s.ObjectMeta)
		f := &Finding{Severity: Error, Class: ClassController, Reason: "StatefulSet/OrderedReadyBlocked", Namespace: s.Namespace, Subject: ref, attachOnly: true}
		f.Headline = i18n.T("sts.blocked.head", s.Name, p.Name, len(pods), want)
		f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: ref, Field: "spec.podManagementPolicy", Text: fmt.Sprintf("OrderedReady; replicas %d, pods %d; %s is %s", want, len(pods), p.Name, PodStatus(p)),
			Note: i18n.T("sts.blocked.note", p.Name)})
		f.Explain = i18n.T("sts.blocked.why")
		f.Pods = []PodRef{c.podRef(p)}
		return f
	}
	return nil
}

// daemonSet: fewer nodes run it than should, or it runs where it should not.
func (c *ctx) daemonSet(d *appsv1.DaemonSet) *Finding {
	st := d.Status
	ref := controllerRef("DaemonSet", d.ObjectMeta)
	// DaemonSetReadsNodes is the same test without the last clause: a
	// namespaced live run lists every node when it may hold.
	if st.DesiredNumberScheduled > st.CurrentNumberScheduled || (st.DesiredNumberScheduled > 0 && st.NumberReady < st.DesiredNumberScheduled && st.NumberUnavailable > 0 && !c.unreadyExplainedByNodes(d)) {
		f := &Finding{Severity: Error, Class: ClassController, Reason: "DaemonSet/Unscheduled", Namespace: d.Namespace, Subject: ref, attachOnly: true}
		f.Headline = i18n.T("ds.short.head", d.Name, st.DesiredNumberScheduled, st.CurrentNumberScheduled, st.NumberReady)
		f.Evidence = append(f.Evidence, statusEvidence(ref, "status", fmt.Sprintf("desired=%d current=%d ready=%d available=%d misscheduled=%d",
			st.DesiredNumberScheduled, st.CurrentNumberScheduled, st.NumberReady, st.NumberAvailable, st.NumberMisscheduled)))
		// Nodes without a pod of this DaemonSet, and the taints they carry.
		has := map[string]bool{}
		for _, p := range c.s.PodsOwnedBy(d.UID) {
			has[p.Spec.NodeName] = true
		}
		var missing []string
		for _, n := range c.s.Nodes {
			if !has[n.Name] {
				var ts []string
				for _, t := range n.Spec.Taints {
					if t.Effect != corev1.TaintEffectPreferNoSchedule && !tolerates(d.Spec.Template.Spec.Tolerations, t) {
						ts = append(ts, taintString(t))
					}
				}
				if len(ts) > 0 {
					missing = append(missing, n.Name+" ["+strings.Join(ts, ", ")+"]")
				} else {
					missing = append(missing, n.Name)
				}
			}
		}
		if len(missing) > 0 && len(missing) <= 20 {
			f.Evidence = append(f.Evidence, Evidence{Kind: "object", Object: ref, Text: strings.Join(missing, "; "), Note: i18n.T("ds.short.nodes")})
		}
		f.Explain = i18n.T("ds.short.why")
		f.Steps = append(f.Steps, Step{Text: i18n.T("ds.short.step"), Command: kubectl(d.Namespace, "get", "pods", "-o", "wide", "-l", selectorString(d.Spec.Selector))})
		return f
	}
	if st.NumberMisscheduled > 0 {
		f := &Finding{Severity: Warning, Class: ClassController, Reason: "DaemonSet/Misscheduled", Namespace: d.Namespace, Subject: ref}
		f.Headline = i18n.T("ds.mis.head", d.Name, st.NumberMisscheduled)
		f.Evidence = append(f.Evidence, statusEvidence(ref, "status.numberMisscheduled", fmt.Sprint(st.NumberMisscheduled)))
		f.Explain = i18n.T("ds.mis.why")
		return f
	}
	return nil
}

// unreadyExplainedByNodes: every not-ready pod of the DaemonSet runs on a
// node that is itself not Ready, so the node findings already say why.
func (c *ctx) unreadyExplainedByNodes(d *appsv1.DaemonSet) bool {
	for _, p := range c.s.PodsOwnedBy(d.UID) {
		if podConditionTrue(p, corev1.PodReady) {
			continue
		}
		if !c.badNode(p) {
			return false
		}
	}
	return true
}

func selectorString(s *metav1.LabelSelector) string {
	if s == nil {
		return ""
	}
	var parts []string
	for _, k := range sortedKeys(s.MatchLabels) {
		parts = append(parts, k+"="+s.MatchLabels[k])
	}
	for _, e := range s.MatchExpressions {
		parts = append(parts, fmt.Sprintf("%s %s (%s)", e.Key, strings.ToLower(string(e.Operator)), strings.Join(e.Values, ",")))
	}
	return strings.Join(parts, ",")
}

func jobFinished(j *batchv1.Job) bool {
	for _, cnd := range j.Status.Conditions {
		if (cnd.Type == batchv1.JobComplete || cnd.Type == batchv1.JobFailed) && cnd.Status == corev1.ConditionTrue {
			return true
		}
	}
	return false
}

func jobCondition(j *batchv1.Job, t batchv1.JobConditionType) *batchv1.JobCondition {
	for i := range j.Status.Conditions {
		if j.Status.Conditions[i].Type == t && j.Status.Conditions[i].Status == corev1.ConditionTrue {
			return &j.Status.Conditions[i]
		}
	}
	return nil
}

// jobs: failed Jobs, and a CronJob whose latest run failed. A CronJob run
// that failed but was followed by a successful one is history, not a
// problem.
func (c *ctx) jobs() []*Finding {
	latestOf := map[string]*batchv1.Job{} // cronjob ns/name → newest job
	for _, j := range c.s.Jobs {
		if cj := metav1.GetControllerOf(j); cj != nil && cj.Kind == "CronJob" {
			k := j.Namespace + "/" + cj.Name
			if old, ok := latestOf[k]; !ok || j.CreationTimestamp.After(old.CreationTimestamp.Time) {
				latestOf[k] = j
			}
		}
	}
	var out []*Finding
	for _, j := range c.s.Jobs {
		if jobCondition(j, batchv1.JobComplete) != nil || !c.in(j.Namespace) {
			continue
		}
		failed := jobCondition(j, batchv1.JobFailed)
		ref := controllerRef("Job", j.ObjectMeta)
		subject := ref
		reason := ""
		if cj := metav1.GetControllerOf(j); cj != nil && cj.Kind == "CronJob" {
			if latestOf[j.Namespace+"/"+cj.Name] != j {
				continue
			}
			subject = snapshot.ObjectRef{Kind: "CronJob", Namespace: j.Namespace, Name: cj.Name, UID: cj.UID}
			reason = "CronJob/LastRunFailed"
		}
		var f *Finding
		switch {
		case failed != nil:
			if reason == "" {
				switch failed.Reason {
				case "BackoffLimitExceeded":
					reason = "Job/BackoffLimitExceeded"
				case "DeadlineExceeded":
					reason = "Job/DeadlineExceeded"
				default:
					reason = "Job/Failed"
				}
			}
			f = &Finding{Severity: Error, Class: ClassController, Reason: reason, Namespace: j.Namespace, Subject: subject, Since: failed.LastTransitionTime.Time, attachOnly: true}
			f.Headline = i18n.T("job.failed.head", j.Name, failed.Reason, j.Status.Failed, backoffLimit(j))
			if strings.HasPrefix(string(j.UID), snapshot.TextUIDPrefix) && (j.Spec.BackoffLimit == nil || j.Status.Failed == 0) {
				// A Job rebuilt from pasted text: its counts and limit were
				// not printed, and zeros or the default are no facts.
				f.Headline = i18n.T("job.failed.head-unseen", j.Name, failed.Reason)
			}
			f.Evidence = append(f.Evidence, statusEvidence(ref, "status.conditions[Failed]", failed.Reason+": "+failed.Message))
			f.Explain = i18n.T("job.failed.why")
		case j.Status.Failed > 0 && j.Status.Active > 0:
			if reason == "" {
				reason = "Job/Failing"
			}
			f = &Finding{Severity: Warning, Class: ClassController, Reason: reason, Namespace: j.Namespace, Subject: subject, attachOnly: true}
			f.Headline = i18n.T("job.failing.head", j.Name, j.Status.Failed, backoffLimit(j))
			f.Explain = i18n.T("job.failing.why")
		default:
			continue
		}
		for _, p := range c.s.PodsOwnedBy(j.UID) {
			if p.Status.Phase != corev1.PodFailed {
				continue
			}
			f.Pods = append(f.Pods, c.podRef(p))
			for _, cs := range p.Status.ContainerStatuses {
				if t := cs.State.Terminated; t != nil && t.ExitCode != 0 {
					if c.s.IsHidden(p.Namespace, p.Name, snapshot.HiddenExit) {
						f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status", PodStatus(p)))
					} else {
						f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.containerStatuses["+cs.Name+"].state.terminated",
							fmt.Sprintf("reason=%s exitCode=%d (%s)", orNone(t.Reason), t.ExitCode, exitMeaning(t.ExitCode, p).String(i18n.EN))))
					}
					c.addLogEvidence(f, p, cs.Name)
					if f.Container == "" {
						f.Container = cs.Name
					}
				}
			}
			if p.Status.Reason != "" {
				f.Evidence = append(f.Evidence, statusEvidence(podObj(p), "status.reason", p.Status.Reason+": "+p.Status.Message))
			}
		}
		if len(f.Pods) > 3 {
			f.Evidence = trimPodEvidence(f.Evidence, 6)
		}
		pod := "<pod>"
		if len(f.Pods) > 0 {
			pod = f.Pods[len(f.Pods)-1].Name
		}
		f.Steps = append(f.Steps,
			Step{Text: i18n.T("job.step.logs"), Command: kubectl(j.Namespace, "logs", pod, "--all-containers", "--tail=100")},
			Step{Text: i18n.T("job.step.describe"), Command: kubectl(j.Namespace, "describe", "job", j.Name)})
		if subject.Kind == "CronJob" {
			f.Steps = append(f.Steps, Step{Text: i18n.T("job.step.rerun"), Command: kubectl(j.Namespace, "create", "job", "--from=cronjob/"+subject.Name, subject.Name+"-manual"), Changes: true})
		}
		f.extraSteps = f.Steps
		out = append(out, f)
	}
	return out
}

func trimPodEvidence(ev []Evidence, n int) []Evidence {
	if len(ev) <= n {
		return ev
	}
	return ev[:n]
}

func backoffLimit(j *batchv1.Job) int32 {
	if j.Spec.BackoffLimit != nil {
		return *j.Spec.BackoffLimit
	}
	return 6
}

// previousRevision: the Deployment has a revision before the current one
// to roll back to — its revision annotation is past 1, or it owns more
// than one ReplicaSet.
func (c *ctx) previousRevision(d *appsv1.Deployment) bool {
	if rev, err := strconv.Atoi(d.Annotations["deployment.kubernetes.io/revision"]); err == nil && rev > 1 {
		return true
	}
	n := 0
	for _, rs := range c.s.ReplicaSets {
		if rs.Namespace != d.Namespace {
			continue
		}
		for _, o := range rs.OwnerReferences {
			if o.Kind == "Deployment" && o.Name == d.Name {
				n++
			}
		}
	}
	if n == 0 && d.Annotations["deployment.kubernetes.io/revision"] == "" {
		// Neither shown (pasted text): do not claim a first rollout.
		return true
	}
	return n > 1
}
