package kubetext

import (
	"regexp"
	"strconv"
	"strings"

	appsv1 "k8s.io/api/apps/v1"
	batchv1 "k8s.io/api/batch/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
)

// describeNode reads kubectl describe node: conditions, taints,
// unschedulable, allocatable and what its pods request.
func (p *parser) describeNode(tree *node) {
	n := &corev1.Node{}
	n.Kind, n.APIVersion = "Node", "v1"
	n.Name = tree.get("Name")
	n.Labels = parseLabels(tree.values("Labels"))
	n.Annotations = parseAnnotations(tree.values("Annotations"))
	if t, ok := parseTime(tree.get("CreationTimestamp")); ok {
		p.seen(t)
		n.CreationTimestamp = metav1.NewTime(t)
	}
	for _, t := range tree.values("Taints") {
		if tt, ok := parseTaint(t); ok {
			n.Spec.Taints = append(n.Spec.Taints, tt)
		}
	}
	n.Spec.Unschedulable = tree.get("Unschedulable") == "true"
	if c := tree.kid("Conditions"); c != nil {
		for _, r := range c.Rows {
			if cond, ok := p.nodeCondition(r); ok {
				n.Status.Conditions = append(n.Status.Conditions, cond)
			}
		}
	} else {
		// A paste cut the "Conditions:" line: its rows hang under the key
		// above them.
		rows := tree.Rows
		for _, k := range tree.Kids {
			rows = append(rows, k.Rows...)
		}
		for _, r := range rows {
			if cond, ok := p.nodeCondition(r); ok {
				n.Status.Conditions = append(n.Status.Conditions, cond)
			}
		}
	}
	if a := tree.kid("Addresses"); a != nil {
		for _, k := range a.Kids {
			n.Status.Addresses = append(n.Status.Addresses, corev1.NodeAddress{Type: corev1.NodeAddressType(k.Key), Address: k.Val})
		}
	}
	n.Status.Capacity = resources(tree.kid("Capacity"))
	n.Status.Allocatable = resources(tree.kid("Allocatable"))
	if si := tree.kid("System Info"); si != nil {
		n.Status.NodeInfo.KubeletVersion = si.get("Kubelet Version")
		n.Status.NodeInfo.ContainerRuntimeVersion = si.get("Container Runtime Version")
	}
	alloc := corev1.ResourceList{}
	if np := tree.kid("Non-terminated Pods"); np != nil {
		if m := inTotalRe.FindStringSubmatch(np.Val); m != nil {
			alloc[corev1.ResourcePods] = resource.MustParse(m[1])
		}
	}
	if ar := tree.kid("Allocated resources"); ar != nil {
		for _, r := range ar.Rows {
			f := strings.Fields(r)
			if len(f) < 2 || f[0] == "Resource" || strings.HasPrefix(f[0], "--") || strings.HasPrefix(f[0], "(") {
				continue
			}
			if q, err := resource.ParseQuantity(f[1]); err == nil {
				alloc[corev1.ResourceName(f[0])] = q
			}
		}
	}
	if len(alloc) > 0 {
		p.allocated[n.Name] = alloc
	}
	if ev := tree.kid("Events"); ev != nil {
		evs := parseDescribeEvents(ev.Rows, "", "Node", n.Name)
		p.events = append(p.events, evs...)
		statusFromEvents(n, evs)
	}
	p.objects = append(p.objects, n)
	p.nodes[n.Name] = true
}

var inTotalRe = regexp.MustCompile(`\((\d+) in total\)`)

// parseTaint reads "key=value:Effect" or "key:Effect".
func parseTaint(s string) (corev1.Taint, bool) {
	s = strings.TrimSpace(s)
	i := strings.LastIndex(s, ":")
	if i <= 0 {
		return corev1.Taint{}, false
	}
	k, v, _ := strings.Cut(s[:i], "=")
	return corev1.Taint{Key: k, Value: v, Effect: corev1.TaintEffect(s[i+1:])}, true
}

// nodeConditionRe is a node Conditions row: Type, Status, two RFC1123Z
// times (six words each), Reason, Message.
var nodeConditionRe = regexp.MustCompile(`^(\S+)\s+(True|False|Unknown)\s+(\S+,?\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s+(\S+,?\s+\S+\s+\S+\s+\S+\s+\S+\s+\S+)\s+(\S+)(?:\s+(.*))?$`)

func (p *parser) nodeCondition(r string) (corev1.NodeCondition, bool) {
	m := nodeConditionRe.FindStringSubmatch(strings.TrimSpace(r))
	if m == nil {
		f := strings.Fields(r)
		if len(f) >= 2 && (f[1] == "True" || f[1] == "False" || f[1] == "Unknown") {
			return corev1.NodeCondition{Type: corev1.NodeConditionType(f[0]), Status: corev1.ConditionStatus(f[1])}, true
		}
		return corev1.NodeCondition{}, false
	}
	c := corev1.NodeCondition{Type: corev1.NodeConditionType(m[1]), Status: corev1.ConditionStatus(m[2]), Reason: m[5], Message: m[6]}
	if t, ok := parseTime(m[3]); ok {
		p.seen(t)
		c.LastHeartbeatTime = metav1.NewTime(t)
	}
	if t, ok := parseTime(m[4]); ok {
		p.seen(t)
		c.LastTransitionTime = metav1.NewTime(t)
	}
	return c, true
}

// conditionRows reads a controller's "Type Status Reason" table.
func conditionRows(n *node) [][3]string {
	if n == nil {
		return nil
	}
	var out [][3]string
	for _, r := range n.Rows {
		f := strings.Fields(r)
		if len(f) < 2 || f[0] == "Type" || strings.HasPrefix(f[0], "--") {
			continue
		}
		row := [3]string{f[0], f[1]}
		if len(f) > 2 {
			row[2] = f[2]
		}
		out = append(out, row)
	}
	return out
}

var podStatusesRe = regexp.MustCompile(`(\d+) Active(?: \(\d+ Ready\))? / (\d+) Succeeded / (\d+) Failed`)

// replicasRe reads "1 desired | 0 updated | 1 total | 0 available | 1
// unavailable" and "3 current / 3 desired".
var replicaWordRe = regexp.MustCompile(`(\d+) (desired|updated|total|available|unavailable|current)`)

func replicaCounts(s string) map[string]int32 {
	out := map[string]int32{}
	for _, m := range replicaWordRe.FindAllStringSubmatch(s, -1) {
		n, _ := strconv.Atoi(m[1])
		out[m[2]] = int32(n)
	}
	return out
}

func ownerOf(tree *node) []metav1.OwnerReference {
	t := true
	// "Controllers:" from 1.2 to 1.7, "Controlled By:" since: KIND/NAME.
	cb := firstNonEmpty(tree.get("Controlled By"), tree.get("Controllers"))
	kind, name, ok := strings.Cut(cb, "/")
	if !ok {
		// Before 1.1, the replication controllers whose selector matched
		// the pod: "NAME (1/1 replicas created), …". Only one is an owner.
		rcs := strings.Split(tree.get("Replication Controllers"), ", ")
		if m := oldRCRe.FindStringSubmatch(rcs[0]); m != nil && len(rcs) == 1 {
			return []metav1.OwnerReference{{APIVersion: "v1", Kind: "ReplicationController", Name: m[1], Controller: &t}}
		}
		return nil
	}
	return []metav1.OwnerReference{{APIVersion: apiVersionOf(kind), Kind: kind, Name: name, Controller: &t}}
}

var oldRCRe = regexp.MustCompile(`^(\S+) \(\d+/\d+ replicas created\)$`)

func (p *parser) objectMeta(tree *node) metav1.ObjectMeta {
	m := metav1.ObjectMeta{Name: tree.get("Name"), Namespace: firstNonEmpty(tree.get("Namespace"), p.cmdNamespace())}
	m.Labels = parseLabels(tree.values("Labels"))
	m.Annotations = parseAnnotations(tree.values("Annotations"))
	if t, ok := parseTime(tree.get("CreationTimestamp")); ok {
		p.seen(t)
		m.CreationTimestamp = metav1.NewTime(t)
	}
	m.OwnerReferences = ownerOf(tree)
	return m
}

// describeWorkload reads describe deployment/replicaset/statefulset/
// daemonset/job/pvc as far as they carry evidence: conditions, replica
// counts, phase, and their events (FailedCreate and friends).
func (p *parser) describeWorkload(kind string, tree *node) {
	meta := p.objectMeta(tree)
	switch kind {
	case "Deployment":
		d := &appsv1.Deployment{ObjectMeta: meta}
		d.Kind, d.APIVersion = kind, "apps/v1"
		rc := replicaCounts(tree.get("Replicas"))
		r := rc["desired"]
		d.Spec.Replicas = &r
		d.Status.Replicas, d.Status.UpdatedReplicas = rc["total"], rc["updated"]
		d.Status.AvailableReplicas, d.Status.UnavailableReplicas = rc["available"], rc["unavailable"]
		for _, c := range conditionRows(tree.kid("Conditions")) {
			d.Status.Conditions = append(d.Status.Conditions, appsv1.DeploymentCondition{Type: appsv1.DeploymentConditionType(c[0]), Status: corev1.ConditionStatus(c[1]), Reason: c[2]})
		}
		p.objects = append(p.objects, d)
	case "ReplicaSet":
		rs := &appsv1.ReplicaSet{ObjectMeta: meta}
		rs.Kind, rs.APIVersion = kind, "apps/v1"
		rc := replicaCounts(tree.get("Replicas"))
		r := rc["desired"]
		rs.Spec.Replicas = &r
		rs.Status.Replicas = rc["current"]
		for _, c := range conditionRows(tree.kid("Conditions")) {
			rs.Status.Conditions = append(rs.Status.Conditions, appsv1.ReplicaSetCondition{Type: appsv1.ReplicaSetConditionType(c[0]), Status: corev1.ConditionStatus(c[1]), Reason: c[2]})
		}
		p.objects = append(p.objects, rs)
	case "StatefulSet":
		s := &appsv1.StatefulSet{ObjectMeta: meta}
		s.Kind, s.APIVersion = kind, "apps/v1"
		rc := replicaCounts(tree.get("Replicas"))
		r := rc["desired"]
		s.Spec.Replicas = &r
		s.Status.Replicas = rc["total"]
		if pmp := tree.get("Pod Management Policy"); pmp != "" {
			s.Spec.PodManagementPolicy = appsv1.PodManagementPolicyType(pmp)
		}
		p.objects = append(p.objects, s)
	case "DaemonSet":
		ds := &appsv1.DaemonSet{ObjectMeta: meta}
		ds.Kind, ds.APIVersion = kind, "apps/v1"
		atoi := func(k string) int32 { v, _ := strconv.Atoi(strings.Fields(tree.get(k) + " 0")[0]); return int32(v) }
		ds.Status.DesiredNumberScheduled = atoi("Desired Number of Nodes Scheduled")
		ds.Status.CurrentNumberScheduled = atoi("Current Number of Nodes Scheduled")
		ds.Status.NumberReady = atoi("Number of Nodes Scheduled with Available Pods")
		ds.Status.NumberMisscheduled = atoi("Number of Nodes Misscheduled")
		p.objects = append(p.objects, ds)
	case "Job":
		j := &batchv1.Job{ObjectMeta: meta}
		j.Kind, j.APIVersion = kind, "batch/v1"
		if bl, err := strconv.Atoi(tree.get("Backoff Limit")); err == nil {
			v := int32(bl)
			j.Spec.BackoffLimit = &v
		}
		for _, c := range conditionRows(tree.kid("Conditions")) {
			j.Status.Conditions = append(j.Status.Conditions, batchv1.JobCondition{Type: batchv1.JobConditionType(c[0]), Status: corev1.ConditionStatus(c[1]), Reason: c[2]})
		}
		if t, ok := parseTime(tree.get("Start Time")); ok {
			p.seen(t)
			mt := metav1.NewTime(t)
			j.Status.StartTime = &mt
			if j.CreationTimestamp.IsZero() {
				j.CreationTimestamp = mt
			}
		}
		if t, ok := parseTime(tree.get("Completed At")); ok {
			mt := metav1.NewTime(t)
			j.Status.CompletionTime = &mt
			j.Status.Conditions = append(j.Status.Conditions, batchv1.JobCondition{Type: batchv1.JobComplete, Status: corev1.ConditionTrue})
		}
		// "Pods Statuses: 0 Active (0 Ready) / 0 Succeeded / 3 Failed"
		if m := podStatusesRe.FindStringSubmatch(tree.get("Pods Statuses")); m != nil {
			atoi := func(s string) int32 { v, _ := strconv.Atoi(s); return int32(v) }
			j.Status.Active, j.Status.Succeeded, j.Status.Failed = atoi(m[1]), atoi(m[2]), atoi(m[3])
		}
		// describe job prints no conditions; the job controller fails a
		// Job whose failed pods exceed its backoff limit.
		if j.Spec.BackoffLimit != nil && j.Status.Failed > *j.Spec.BackoffLimit && j.Status.Active == 0 && j.Status.CompletionTime == nil {
			j.Status.Conditions = append(j.Status.Conditions, batchv1.JobCondition{Type: batchv1.JobFailed, Status: corev1.ConditionTrue, Reason: "BackoffLimitExceeded",
				Message: "Job has reached the specified backoff limit"})
		}
		p.objects = append(p.objects, j)
	case "PersistentVolumeClaim":
		pvc := &corev1.PersistentVolumeClaim{ObjectMeta: meta}
		pvc.Kind, pvc.APIVersion = kind, "v1"
		if sc := tree.get("StorageClass"); sc != "" {
			pvc.Spec.StorageClassName = &sc
		}
		pvc.Status.Phase = corev1.PersistentVolumeClaimPhase(tree.get("Status"))
		pvc.Spec.VolumeName = tree.get("Volume")
		p.objects = append(p.objects, pvc)
	default:
		return
	}
	if ev := tree.kid("Events"); ev != nil {
		p.events = append(p.events, parseDescribeEvents(ev.Rows, meta.Namespace, kind, meta.Name)...)
	}
}

// nodeStatusEvents are the kubelet's events for a node condition that
// changed (kubelet_node_status.go recordNodeStatusEvent): the condition
// they set.
var nodeStatusEvents = map[string]struct {
	t      corev1.NodeConditionType
	status corev1.ConditionStatus
}{
	"NodeHasDiskPressure": {corev1.NodeDiskPressure, corev1.ConditionTrue}, "NodeHasNoDiskPressure": {corev1.NodeDiskPressure, corev1.ConditionFalse},
	"NodeHasInsufficientMemory": {corev1.NodeMemoryPressure, corev1.ConditionTrue}, "NodeHasSufficientMemory": {corev1.NodeMemoryPressure, corev1.ConditionFalse},
	"NodeHasInsufficientPID": {corev1.NodePIDPressure, corev1.ConditionTrue}, "NodeHasSufficientPID": {corev1.NodePIDPressure, corev1.ConditionFalse},
	"NodeNotReady": {corev1.NodeReady, corev1.ConditionFalse}, "NodeReady": {corev1.NodeReady, corev1.ConditionTrue},
}

// statusFromEvents sets the conditions a describe node's events show
// when its Conditions table was not pasted: the newest event of each.
func statusFromEvents(n *corev1.Node, evs []*event) {
	have := map[corev1.NodeConditionType]bool{}
	for _, c := range n.Status.Conditions {
		have[c.Type] = true
	}
	newest := map[corev1.NodeConditionType]*event{}
	for _, e := range evs {
		s, ok := nodeStatusEvents[e.Reason]
		if !ok || have[s.t] {
			continue
		}
		if old, ok := newest[s.t]; !ok || e.HasAge && old.HasAge && e.LastAgo < old.LastAgo {
			newest[s.t] = e
		}
	}
	for t, e := range newest {
		s := nodeStatusEvents[e.Reason]
		n.Status.Conditions = append(n.Status.Conditions, corev1.NodeCondition{Type: t, Status: s.status, Reason: e.Reason, Message: e.Message})
	}
}
