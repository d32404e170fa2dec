package kubetext_test

import (
	"strings"
	"testing"
	"time"

	"github.com/podwhy/podwhy/internal/kubetext"
	"github.com/podwhy/podwhy/internal/snapshot"
)

// TestLegacyPastes: output of kubectl and schedulers from before 1.6, and
// YAML with Markdown marks on it, is read as what it is.
func TestLegacyPastes(t *testing.T) {
	oldGetPods := "kmaster guestbook # kubectl get pods\n" +
		"POD              IP        CONTAINER(S)   IMAGE(S)         HOST           LABELS           STATUS    CREATED\n" +
		"frontend-x7k2p             php-redis      example/guest    <unassigned>   name=frontend    Pending   2 hours\n"
	oldDescribe := "kmaster guestbook # kubectl describe pod frontend-x7k2p\n" +
		"Name:                           frontend-x7k2p\n" +
		"Image(s):                       example/guest\n" +
		"Host:                           /\n" +
		"Labels:                         name=frontend\n" +
		"Status:                         Pending\n" +
		"Replication Controllers:        frontend (3/3 replicas created)\n" +
		"Events:\n"
	modernDescribe := "$ kubectl describe pod web-0\n" +
		"Name:             web-0\nNamespace:        default\nNode:             <none>\nStatus:           Pending\nIP:\n" +
		"Containers:\n  web:\n    Image:        nginx:1.25\nConditions:\n  Type           Status\n  PodScheduled   False\nEvents:           <none>\n"
	for _, tc := range []struct {
		name, text, want string
	}{
		// kubectl before 1.2 printed the header of an empty node list.
		{"empty old get nodes", "kmaster ~ # kubectl get nodes\nNAME      LABELS    STATUS\n\n" + oldGetPods + oldDescribe, "Unschedulable/NoNodes"},
		{"no resources found", "$ kubectl get nodes\nNo resources found\n" + modernDescribe, "Unschedulable/NoNodes"},
		// A selector or a pipe shows part of the list: no node in it
		// says nothing of the others.
		{"selector", "$ kubectl get nodes -l pool=gpu\nNo resources found\n" + modernDescribe, "NotScheduled"},
		{"grep", "$ kubectl get nodes | grep gpu\nNAME   LABELS   STATUS\n\n" + modernDescribe, "NotScheduled"},
		// Get namespaces printed the same columns.
		{"namespaces", "kmaster ~ # kubectl get namespaces\nNAME      LABELS    STATUS\n\n" + oldGetPods + oldDescribe, "NotScheduled"},
		{"old node rows", "kmaster ~ # kubectl get nodes\nNAME       LABELS                               STATUS\n10.0.0.5   kubernetes.io/hostname=10.0.0.5   Ready\n\n" + oldGetPods + oldDescribe, "NotScheduled"},
		// The scheduler's FitError before 1.6, as pasted.
		{"fit error", "pod (api-3171837524-0v2kx) failed to fit in any node\nfit failure on node (master-1): PodToleratesNodeTaints\n", "Unschedulable/Taints"},
		{"fit error joined", "pod (api-3171837524-0v2kx) failed to fit in any node fit failure on node (master-1): PodFitsHostPorts", "Unschedulable/HostPort"},
		{"fit error in prose", "The deployment never starts, the event says: pod (api-3171837524-0v2kx) failed to fit in any node fit failure on node (n1): Insufficient cpu, fit failure on node (n2): Insufficient cpu", "Unschedulable/Resources"},
		// A status tail with Markdown bold on its keys and a rule above.
		{"bold yaml", "* * *\n  **containerStatuses**:\n  - containerID: containerd://4f1c\n    image: busybox\n    **lastState**:\n      terminated:\n        exitCode: 0\n        **message: |\n          done\n          bye**\n        reason: Completed\n    name: once\n    ready: false\n    restartCount: 12\n    state:\n", "Crash/Exit"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res, s, err := diagnoseText(t, []byte(tc.text), kubetext.Options{Now: time.Date(2026, 8, 5, 15, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatal(err)
			}
			got := strings.Join(reasons(findings(res, "")), ",")
			if got != tc.want {
				t.Errorf("reasons %s, want %s", got, tc.want)
			}
			if tc.want == "Unschedulable/NoNodes" && (!s.Has(snapshot.KindNode) || len(s.Nodes) != 0) {
				t.Errorf("nodes listed %v, %d nodes", s.Has(snapshot.KindNode), len(s.Nodes))
			}
		})
	}
}

// TestOldPodText: the get pods table and describe of kubectl before 1.0
// give the pod's phase, node, age, containers and controller.
func TestOldPodText(t *testing.T) {
	now := time.Date(2026, 8, 5, 15, 0, 0, 0, time.UTC)
	text := "$ kubectl get pods\n" +
		"POD          IP           CONTAINER(S)   IMAGE(S)        HOST                   LABELS       STATUS    CREATED\n" +
		"web-a1b2c    10.244.1.7   nginx          nginx:1.7       node-1/10.240.0.3      app=web      Running   About an hour\n" +
		"                          sidecar        busybox                                                      \n" +
		"db-q9w8e                  mysql          mysql:5.6       <unassigned>           app=db       Pending   49 minutes\n"
	b := snapshot.NewBuilder()
	if _, err := kubetext.Load(b, []byte(text), kubetext.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	s := b.Build(now)
	web, db := s.Pod("", "web-a1b2c"), s.Pod("", "db-q9w8e")
	if web == nil || db == nil {
		t.Fatalf("web %v, db %v", web, db)
	}
	if web.Spec.NodeName != "node-1" || len(web.Spec.Containers) != 2 || web.Spec.Containers[1].Name != "sidecar" || web.Spec.Containers[1].Image != "busybox" {
		t.Errorf("web: node %q, containers %+v", web.Spec.NodeName, web.Spec.Containers)
	}
	if web.Status.Phase != "Running" || now.Sub(web.CreationTimestamp.Time) != time.Hour {
		t.Errorf("web: phase %s, created %v", web.Status.Phase, web.CreationTimestamp)
	}
	if db.Spec.NodeName != "" || db.Status.Phase != "Pending" || now.Sub(db.CreationTimestamp.Time) != 49*time.Minute || db.Spec.Containers[0].Name != "mysql" {
		t.Errorf("db: node %q, phase %s, created %v, containers %+v", db.Spec.NodeName, db.Status.Phase, db.CreationTimestamp, db.Spec.Containers)
	}

	describe := "$ kubectl describe pod db-q9w8e\nName:\t\t\tdb-q9w8e\nImage(s):\t\tmysql:5.6\nHost:\t\t\t/\nLabels:\t\t\tapp=db\nStatus:\t\t\tPending\nReplication Controllers:\tdb (1/1 replicas created)\nEvents:\n"
	res, err := kubetext.Parse([]byte(describe), kubetext.Options{Now: now})
	if err != nil {
		t.Fatal(err)
	}
	if res.Found[kubetext.Describe] != 1 {
		t.Fatalf("found %v", res.Found)
	}
	b = snapshot.NewBuilder()
	if _, err := kubetext.Load(b, []byte(describe), kubetext.Options{Now: now}); err != nil {
		t.Fatal(err)
	}
	p := b.Build(now).Pod("", "db-q9w8e")
	if p == nil || p.Spec.NodeName != "" || p.Status.Phase != "Pending" || len(p.OwnerReferences) != 1 ||
		p.OwnerReferences[0].Kind != "ReplicationController" || p.OwnerReferences[0].Name != "db" {
		t.Errorf("describe: %+v", p)
	}
}

// TestStatusTailNames: in -o yaml a container's name comes after its
// lastState, and since 1.30 volumeMounts with names of their own after
// its state; a termination message may be a block. Both as printed and
// as posters flatten it.
func TestStatusTailNames(t *testing.T) {
	printed := "status:\n  containerStatuses:\n  - containerID: containerd://9f2e\n    image: busybox\n    lastState:\n      terminated:\n        exitCode: 0\n" +
		"        message: |\n          reason: not a key\n        reason: Completed\n    name: once\n    ready: false\n    restartCount: 4\n" +
		"    state:\n      waiting:\n        reason: CrashLoopBackOff\n    volumeMounts:\n    - mountPath: /var/run/secrets/kubernetes.io/serviceaccount\n      name: kube-api-access-7xq2m\n"
	flat := "containerStatuses:\n- containerID: containerd://9f2e\n  image: busybox\n  lastState:\n  terminated:\n  exitCode: 0\n" +
		"  message: |\n     reason: not a key\n  reason: Completed\n  name: once\n  ready: false\n  restartCount: 4\n" +
		"  state:\n  waiting:\n  reason: CrashLoopBackOff\n  volumeMounts:\n  - mountPath: /var/run/secrets/kubernetes.io/serviceaccount\n    name: kube-api-access-7xq2m\n"
	now := time.Date(2026, 8, 5, 15, 0, 0, 0, time.UTC)
	for name, text := range map[string]string{"printed": printed, "flat": flat} {
		b := snapshot.NewBuilder()
		if _, err := kubetext.Load(b, []byte(text), kubetext.Options{Now: now}); err != nil {
			t.Fatal(err)
		}
		s := b.Build(now)
		if len(s.Pods) != 1 || len(s.Pods[0].Status.ContainerStatuses) != 1 {
			t.Fatalf("%s: pods %+v", name, s.Pods)
		}
		cs := s.Pods[0].Status.ContainerStatuses[0]
		last := cs.LastTerminationState.Terminated
		if cs.Name != "once" || last == nil || last.Reason != "Completed" || strings.TrimSpace(last.Message) != "reason: not a key" ||
			cs.State.Waiting == nil || cs.State.Waiting.Reason != "CrashLoopBackOff" {
			t.Errorf("%s: status %+v", name, cs)
		}
	}
}
