package classify

import "testing"

// TestEmbedded: a FitError quoted inside other text is cut out of it by
// its own grammar.
func TestEmbedded(t *testing.T) {
	cases := []struct{ in, want, code string }{
		{`I1103 14:17:19.868380       1 factory.go:445] "Unable to schedule pod; no fit; waiting" pod="testproj/httpd-example-1-6hdqv" err="0/1 nodes are available: 1 Insufficient memory."`,
			`0/1 nodes are available: 1 Insufficient memory.`, UnschedResources},
		{`There are no nodes that your pod can schedule to - check your requests, tolerations, and node selectors (0/57 nodes are available: 18 Insufficient memory, 3 node(s) had taint {dedicated: greenhouse}, that the pod didn’t tolerate, 54 Insufficient cpu.)`,
			`0/57 nodes are available: 18 Insufficient memory, 3 node(s) had taint {dedicated: greenhouse}, that the pod didn’t tolerate, 54 Insufficient cpu.`, UnschedResources},
		{`3:23:06PM:     ^ Pending: Unschedulable (message: 0/1 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/control-plane: }, that the pod didn't tolerate. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.) 3:24:02PM: fail: reconcile deployment/x`,
			`0/1 nodes are available: 1 node(s) had taint {node-role.kubernetes.io/control-plane: }, that the pod didn't tolerate. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`, UnschedTaints},
		{"conditions:\n    - message: '0/3 nodes are available: 1 Too many pods, 2 node(s) didn''t match pod\n        affinity rules. preemption: 0/3 nodes are available: 1 No preemption victims\n        found for incoming pod, 2 Preemption is not helpful for scheduling.'\n      reason: Unschedulable",
			`0/3 nodes are available: 1 Too many pods, 2 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.`, UnschedAffinity},
		{"  2m\t\t59s\t\t8\tdefault-scheduler\t\t\tWarning\t\tFailedScheduling\t0/4 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 NodeUnschedulable, 3 MatchNodeSelector.",
			`0/4 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 NodeUnschedulable, 3 MatchNodeSelector.`, UnschedAffinity},
		{`Warning FailedScheduling 2m default-scheduler 0/1 nodes are available: 1 node(s) had taint {node.kubernetes.io/not-ready: }, that the pod didn't tolerate. 16:39:47   Normal   Scheduled  2m3s`,
			`0/1 nodes are available: 1 node(s) had taint {node.kubernetes.io/not-ready: }, that the pod didn't tolerate.`, UnschedTaints},
		{`0/3 nodes are available: 3 Insufficient cpu.`, `0/3 nodes are available: 3 Insufficient cpu.`, UnschedResources},
	}
	for _, c := range cases {
		if got := Embedded(c.in); got != c.want {
			t.Errorf("Embedded(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
		if got := ParseSched(c.in).Code; got != c.code {
			t.Errorf("ParseSched(%q).Code = %s, want %s", c.in, got, c.code)
		}
	}
}

func TestMessageDetails(t *testing.T) {
	m := ParseMount(`Multi-Attach error for volume "pvc-58c4dda9" Volume is already used by pod(s) testkube-mongodb-6f6668cc54-s42hx, other-0`)
	if m.Code != MountMultiAttach || len(m.Holders) != 2 || m.Holders[0] != "testkube-mongodb-6f6668cc54-s42hx" || m.Holders[1] != "other-0" {
		t.Errorf("multi-attach: %+v", m)
	}
	m = ParseMount(`Multi-Attach error for volume "pvc-1" Volume is already used by 2 pod(s) in different namespaces`)
	if m.OtherNamespaces != 2 || len(m.Holders) != 0 {
		t.Errorf("multi-attach other namespaces: %+v", m)
	}
	m = ParseMount(`Error: UnmountVolume.TearDown failed for volume "kubernetes.io/secret/a2e3-default-token-rbl6x" (volume.spec.Name: "default-token-rbl6x") pod "a2e3" (UID: "a2e3") with: rename /var/lib/kubelet/pods/a2e3/volumes/kubernetes.io~secret/default-token-rbl6x /x.deleting~1: device or resource busy`)
	if !m.TearDown || !m.Busy || m.Volume != "default-token-rbl6x" {
		t.Errorf("teardown: %+v", m)
	}
	r := ParseRun(`container create failed: time="2021-03-23T11:28:38Z" level=error msg="container_linux.go:348: starting container process caused \"chdir to cwd (\\\"/home/nonroot\\\") set in config.json failed: permission denied\""`)
	if r.Code != RunPermission || r.Dir != "/home/nonroot" {
		t.Errorf("cwd: %+v", r)
	}
	sb := Sandbox(`failed to set up sandbox container "49a1" network for pod "coredns-5c98db65d4-h5vwr": NetworkPlugin cni failed to set up pod "coredns-5c98db65d4-h5vwr_kube-system" network: unable to allocate IP via local cilium agent: [POST /ipam][502] postIpamFailure  range is full`)
	if sb.Code != SandboxCNI || !sb.IPExhausted || sb.Plugin != "cilium" {
		t.Errorf("sandbox plugin: %+v", sb)
	}
	sb = Sandbox(`Failed to create pod sandbox: rpc error: code = Unknown desc = failed to start sandbox "ab37": failed to get sandbox image "registry.k8s.io/pause:3.10": failed to pull image "registry.k8s.io/pause:3.10": failed to pull and unpack image "registry.k8s.io/pause:3.10": failed to resolve reference "registry.k8s.io/pause:3.10": failed to do request: Head "https://registry.k8s.io/v2/pause/manifests/3.10": dial tcp: lookup registry.k8s.io on 192.168.98.2:53: no such host`)
	if sb.PauseImage != "registry.k8s.io/pause:3.10" {
		t.Errorf("pause image: %+v", sb)
	}
	n := NetworkFailure(`dial tcp: lookup registry.k8s.io on 192.168.98.2:53: no such host`)
	if n.Kind != NetDNS || n.Host != "registry.k8s.io" || n.Server != "192.168.98.2:53" || n.Detail != "no such host" {
		t.Errorf("dns: %+v", n)
	}
	n = NetworkFailure(`failed to do request: Head "https://registry-1.docker.io/v2/library/nginx/manifests/1": dial tcp 54.1.2.3:443: i/o timeout`)
	if n.Kind != NetTimeout || n.Host != "registry-1.docker.io" {
		t.Errorf("timeout: %+v", n)
	}
	c := ParseConfig(`failed to prepare subPath for volumeMount "data" of container "test" … lstat /var/lib/kubelet/pods/x/volumes/kubernetes.io~nfs/nfs/testdata: permission denied`)
	if c.SubPath != "data" || !c.SubPathDenied {
		t.Errorf("subpath: %+v", c)
	}
	a := ParseAdmission(`pods "keyval-0" is forbidden: violates PodSecurity "restricted:latest": allowPrivilegeEscalation != false (container "volume-permissions" must set securityContext.allowPrivilegeEscalation=false), runAsNonRoot != true (pod or containers "a", "b" must set securityContext.runAsNonRoot=true)`)
	if len(a.Containers) != 3 || a.Containers[0] != "volume-permissions" {
		t.Errorf("psa containers: %+v", a.Containers)
	}
}
