// Package testcluster runs a real Kubernetes on this machine for podwhy's
// end-to-end tests: etcd, kube-apiserver, kube-controller-manager and
// kube-scheduler built from the Go module proxy, and a real kubelet on
// Debian's containerd and runc, all on 127.0.0.1 and a bridge of its own.
// Failures in the tests are caused by the real component that causes them
// in production. See shared/notes/test-cluster.md for what was verified.
package testcluster

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/client-go/kubernetes"
	"k8s.io/client-go/tools/clientcmd"
)

// Cluster is a test cluster's layout on disk.
type Cluster struct {
	Repo   string // podwhy checkout (for the tools module and the pause source)
	Dir    string // state: PKI, configs, data, logs, pids
	BinDir string // cached binaries, keyed by version
	Log    io.Writer

	NodeName string
	NodeIP   string
}

// Ports on 127.0.0.1, chosen away from the usual ones so a developer's own
// cluster is not disturbed.
const (
	etcdPort      = 23790
	etcdPeerPort  = 23800
	apiserverPort = 16443
	kcmPort       = 10357
	schedPort     = 10359
	bridgeName    = "podwhy0"
	serviceCIDR   = "10.96.0.0/16"
	podCIDR       = "10.88.0.0/16"
	nodeIP        = "10.88.0.1"
)

// New returns the default layout: state in $PODWHY_CLUSTER_DIR (or
// /var/tmp/podwhy-cluster), binaries in $PODWHY_CACHE_DIR (or
// ~/.cache/podwhy-testcluster) — never inside the repository.
func New(repo string) *Cluster {
	dir := os.Getenv("PODWHY_CLUSTER_DIR")
	if dir == "" {
		dir = "/var/tmp/podwhy-cluster"
	}
	cache := os.Getenv("PODWHY_CACHE_DIR")
	if cache == "" {
		home, _ := os.UserHomeDir()
		cache = filepath.Join(home, ".cache", "podwhy-testcluster")
	}
	return &Cluster{Repo: repo, Dir: dir, BinDir: filepath.Join(cache, "bin-"+KubeVersion), Log: os.Stderr, NodeName: "podwhy-node", NodeIP: nodeIP}
}

func (c *Cluster) logf(format string, args ...any) {
	if c.Log != nil {
		fmt.Fprintf(c.Log, "testcluster: "+format+"\n", args...)
	}
}

// Server is the API server URL.
func (c *Cluster) Server() string { return fmt.Sprintf("https://127.0.0.1:%d", apiserverPort) }

// ImportImage loads an OCI image layout tar into the node's containerd,
// where the kubelet finds it (imagePullPolicy Never needs no registry).
func (c *Cluster) ImportImage(archive string) error {
	return run("/", nil, "ctr", "--address", c.path("containerd", "containerd.sock"), "-n", "k8s.io", "images", "import", archive)
}

// Kubeconfig is the admin kubeconfig path.
func (c *Cluster) Kubeconfig() string { return c.path("admin.kubeconfig") }

// LimitedKubeconfig is a user without cluster-wide rights.
func (c *Cluster) LimitedKubeconfig() string { return c.path("limited.kubeconfig") }

// Client returns an admin clientset.
func (c *Cluster) Client() (kubernetes.Interface, error) {
	cfg, err := clientcmd.BuildConfigFromFlags("", c.Kubeconfig())
	if err != nil {
		return nil, err
	}
	return kubernetes.NewForConfig(cfg)
}

// Kubectl runs the cluster's kubectl with the admin kubeconfig.
func (c *Cluster) Kubectl(args ...string) ([]byte, error) {
	cmd := exec.Command(filepath.Join(c.BinDir, "kubectl"), append([]string{"--kubeconfig", c.Kubeconfig()}, args...)...)
	return cmd.CombinedOutput()
}

// Up builds what is missing and starts every component, waiting until the
// real node is Ready.
func (c *Cluster) Up(ctx context.Context) error {
	if os.Geteuid() != 0 {
		return fmt.Errorf("the test cluster needs root (containerd, kubelet, a bridge)")
	}
	if err := c.ensurePackages(); err != nil {
		return err
	}
	if err := c.EnsureBinaries(); err != nil {
		return err
	}
	c.Down() // a previous run's leftovers
	for _, d := range []string{"pki", "etcd", "containerd", "kubelet", "cni/net.d", "images", "logs", "pids"} {
		if err := os.MkdirAll(c.path(d), 0o755); err != nil {
			return err
		}
	}
	if err := c.saveSysctls(); err != nil {
		return err
	}
	pki := c.path("pki")
	if err := makePKI(pki, c.NodeName, net.ParseIP(c.NodeIP)); err != nil {
		return fmt.Errorf("pki: %w", err)
	}
	for _, u := range []string{"admin", "controller-manager", "scheduler", "kubelet-client", "kwok", "limited"} {
		name := u
		if u == "kubelet-client" {
			name = "kubelet"
		}
		if err := kubeconfig(c.path(name+".kubeconfig"), c.Server(), pki, u); err != nil {
			return err
		}
	}
	start := time.Now()
	if err := c.startControlPlane(); err != nil {
		return err
	}
	c.logf("control plane ready in %s", time.Since(start).Round(time.Millisecond))
	if err := c.startNode(ctx); err != nil {
		return err
	}
	c.logf("node %s Ready in %s", c.NodeName, time.Since(start).Round(time.Millisecond))
	if err := c.startRegistries(); err != nil {
		return fmt.Errorf("registries: %w", err)
	}
	cs, err := c.Client()
	if err != nil {
		return err
	}
	if err := c.startKwok(ctx, cs, DefaultKwokNodes); err != nil {
		return err
	}
	c.logf("%d kwok nodes Ready in %s", len(DefaultKwokNodes), time.Since(start).Round(time.Millisecond))
	return nil
}

func (c *Cluster) ensurePackages() error {
	var missing []string
	// In a fixed order, so the log line and the apt-get call are the same
	// from run to run.
	for _, bp := range [][2]string{{"/usr/bin/containerd", "containerd"}, {"/usr/sbin/runc", "runc"}, {"/usr/lib/cni/bridge", "containernetworking-plugins"}, {"/bin/busybox", "busybox-static"}} {
		if bin, pkg := bp[0], bp[1]; !exists(bin) {
			missing = append(missing, pkg)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	c.logf("installing %s", strings.Join(missing, " "))
	if err := run("/", nil, "apt-get", "update", "-qq"); err != nil {
		return err
	}
	// One argument per package: on a fresh machine all of them are missing.
	return run("/", []string{"DEBIAN_FRONTEND=noninteractive"}, "apt-get", append([]string{"install", "-y", "-qq", "--no-install-recommends"}, missing...)...)
}

func (c *Cluster) startControlPlane() error {
	bin := func(n string) string { return filepath.Join(c.BinDir, n) }
	pki := c.path("pki")
	if err := c.start("etcd", bin("etcd"),
		"--data-dir", c.path("etcd"), "--name", "podwhy",
		"--listen-client-urls", fmt.Sprintf("http://127.0.0.1:%d", etcdPort),
		"--advertise-client-urls", fmt.Sprintf("http://127.0.0.1:%d", etcdPort),
		"--listen-peer-urls", fmt.Sprintf("http://127.0.0.1:%d", etcdPeerPort),
		"--initial-advertise-peer-urls", fmt.Sprintf("http://127.0.0.1:%d", etcdPeerPort),
		"--initial-cluster", fmt.Sprintf("podwhy=http://127.0.0.1:%d", etcdPeerPort),
		"--quota-backend-bytes", "4294967296", "--log-level", "warn"); err != nil {
		return err
	}
	if err := c.StartAPIServer(); err != nil {
		return err
	}
	if err := c.start("kube-controller-manager", bin("kube-controller-manager"),
		"--kubeconfig="+c.path("controller-manager.kubeconfig"),
		"--authentication-kubeconfig="+c.path("controller-manager.kubeconfig"),
		"--authorization-kubeconfig="+c.path("controller-manager.kubeconfig"),
		"--bind-address=127.0.0.1", fmt.Sprintf("--secure-port=%d", kcmPort),
		"--leader-elect=false", "--use-service-account-credentials",
		"--service-account-private-key-file="+pki+"/sa.key", "--root-ca-file="+pki+"/ca.crt",
		"--cluster-signing-cert-file="+pki+"/ca.crt", "--cluster-signing-key-file="+pki+"/ca.key",
		"--node-monitor-grace-period=20s", "--kube-api-qps=200", "--kube-api-burst=400",
		"--controllers=*,-nodeipam"); err != nil {
		return err
	}
	schedCfg := fmt.Sprintf(`apiVersion: kubescheduler.config.k8s.io/v1
kind: KubeSchedulerConfiguration
clientConnection:
  kubeconfig: %s
  qps: 500
  burst: 1000
leaderElection:
  leaderElect: false
`, c.path("scheduler.kubeconfig"))
	if err := os.WriteFile(c.path("scheduler.yaml"), []byte(schedCfg), 0o644); err != nil {
		return err
	}
	return c.start("kube-scheduler", bin("kube-scheduler"),
		"--config="+c.path("scheduler.yaml"),
		"--authentication-kubeconfig="+c.path("scheduler.kubeconfig"),
		"--authorization-kubeconfig="+c.path("scheduler.kubeconfig"),
		"--bind-address=127.0.0.1", fmt.Sprintf("--secure-port=%d", schedPort))
}

// StartAPIServer starts kube-apiserver and waits until /readyz answers.
func (c *Cluster) StartAPIServer() error {
	pki := c.path("pki")
	if err := c.start("kube-apiserver", filepath.Join(c.BinDir, "kube-apiserver"),
		fmt.Sprintf("--etcd-servers=http://127.0.0.1:%d", etcdPort),
		"--bind-address=127.0.0.1", "--advertise-address=127.0.0.1", fmt.Sprintf("--secure-port=%d", apiserverPort),
		"--endpoint-reconciler-type=none",
		"--tls-cert-file="+pki+"/apiserver.crt", "--tls-private-key-file="+pki+"/apiserver.key",
		"--client-ca-file="+pki+"/ca.crt",
		"--service-account-issuer=https://kubernetes.default.svc.cluster.local",
		"--service-account-key-file="+pki+"/sa.pub", "--service-account-signing-key-file="+pki+"/sa.key",
		"--service-cluster-ip-range="+serviceCIDR,
		"--authorization-mode=Node,RBAC",
		"--enable-admission-plugins=NamespaceLifecycle,LimitRanger,ServiceAccount,DefaultTolerationSeconds,Priority,ResourceQuota,PodSecurity,NodeRestriction",
		"--default-not-ready-toleration-seconds=30", "--default-unreachable-toleration-seconds=30",
		"--allow-privileged=true",
		"--kubelet-client-certificate="+pki+"/apiserver-kubelet-client.crt", "--kubelet-client-key="+pki+"/apiserver-kubelet-client.key",
		"--kubelet-certificate-authority="+pki+"/ca.crt", "--kubelet-preferred-address-types=InternalIP,Hostname",
		"--event-ttl=2h"); err != nil {
		return err
	}
	return waitFor("kube-apiserver", 90*time.Second, func() error {
		if !c.Running("kube-apiserver") {
			return fmt.Errorf("exited:\n%s", c.logTail("kube-apiserver", 15))
		}
		out, err := c.Kubectl("get", "--raw", "/readyz")
		if err != nil {
			return fmt.Errorf("%v: %s", err, strings.TrimSpace(string(out)))
		}
		return nil
	})
}

// startNode starts containerd with the test images and the kubelet.
func (c *Cluster) startNode(ctx context.Context) error {
	if err := c.bridge(); err != nil {
		return err
	}
	sock := c.path("containerd", "containerd.sock")
	if err := os.WriteFile(c.path("containerd", "config.toml"), []byte(c.containerdConfig(sock)), 0o644); err != nil {
		return err
	}
	cni := `{"cniVersion":"0.4.0","name":"podwhy","plugins":[{"type":"bridge","bridge":"` + bridgeName + `","isGateway":true,"ipMasq":false,"hairpinMode":true,
 "ipam":{"type":"host-local","ranges":[[{"subnet":"` + podCIDR + `","gateway":"` + nodeIP + `"}]],"routes":[{"dst":"0.0.0.0/0"}],"dataDir":"` + c.path("cni", "ipam") + `"}}]}`
	if err := os.WriteFile(c.path("cni", "net.d", "10-podwhy.conflist"), []byte(cni), 0o644); err != nil {
		return err
	}
	if err := c.start("containerd", "/usr/bin/containerd", "--config", c.path("containerd", "config.toml")); err != nil {
		return err
	}
	if err := waitFor("containerd", 30*time.Second, func() error {
		return run("/", nil, "ctr", "--address", sock, "version")
	}); err != nil {
		return fmt.Errorf("%v\n%s", err, c.logTail("containerd", 15))
	}
	imgs, err := buildImages(c.Repo, c.path("images"), c.BinDir)
	if err != nil {
		return err
	}
	for name, archive := range imgs {
		if err := run("/", nil, "ctr", "--address", sock, "-n", "k8s.io", "images", "import", archive); err != nil {
			return fmt.Errorf("import %s: %w", name, err)
		}
	}
	pki := c.path("pki")
	kcfg := fmt.Sprintf(`apiVersion: kubelet.config.k8s.io/v1beta1
kind: KubeletConfiguration
authentication:
  anonymous: {enabled: false}
  webhook: {enabled: true}
  x509: {clientCAFile: %[1]s/ca.crt}
authorization: {mode: Webhook}
address: %[2]s
port: 10250
readOnlyPort: 0
tlsCertFile: %[1]s/kubelet-serving.crt
tlsPrivateKeyFile: %[1]s/kubelet-serving.key
cgroupDriver: cgroupfs
failCgroupV1: false
failSwapOn: false
oomScoreAdj: 0
makeIPTablesUtilChains: false
containerRuntimeEndpoint: unix://%[3]s
clusterDNS: [10.96.0.10]
clusterDomain: cluster.local
staticPodPath: %[4]s
podLogsDir: %[5]s
volumePluginDir: %[6]s
serializeImagePulls: false
evictionHard: {memory.available: "50Mi", nodefs.available: "1%%", imagefs.available: "1%%", nodefs.inodesFree: "1%%"}
imageGCHighThresholdPercent: 100
imageGCLowThresholdPercent: 99
nodeStatusReportFrequency: 10s
`, pki, c.NodeIP, sock, c.path("kubelet", "manifests"), c.path("kubelet", "pod-logs"), c.path("kubelet", "volume-plugins"))
	for _, d := range []string{"manifests", "pod-logs", "volume-plugins", "root"} {
		if err := os.MkdirAll(c.path("kubelet", d), 0o755); err != nil {
			return err
		}
	}
	if err := os.WriteFile(c.path("kubelet", "config.yaml"), []byte(kcfg), 0o644); err != nil {
		return err
	}
	return c.StartKubelet(ctx)
}

// StopKubelet stops the real node's kubelet (its containers keep running
// under containerd), as a lost node would.
func (c *Cluster) StopKubelet() { c.Stop("kubelet", 10*time.Second) }

// StartKubelet starts the kubelet and waits until its node is Ready.
func (c *Cluster) StartKubelet(ctx context.Context) error {
	if err := c.start("kubelet", filepath.Join(c.BinDir, "kubelet"),
		"--config="+c.path("kubelet", "config.yaml"),
		"--kubeconfig="+c.path("kubelet.kubeconfig"),
		"--root-dir="+c.path("kubelet", "root"),
		"--node-ip="+c.NodeIP, "--hostname-override="+c.NodeName,
		"--node-labels=podwhy.dev/node=real"); err != nil {
		return err
	}
	cs, err := c.Client()
	if err != nil {
		return err
	}
	return waitFor("node "+c.NodeName, 90*time.Second, func() error {
		if !c.Running("kubelet") {
			return fmt.Errorf("kubelet exited:\n%s", c.logTail("kubelet", 20))
		}
		n, err := cs.CoreV1().Nodes().Get(ctx, c.NodeName, metav1.GetOptions{})
		if err != nil {
			return err
		}
		if nodeReady(n) == corev1.ConditionTrue {
			return nil
		}
		return fmt.Errorf("not Ready yet")
	})
}

func (c *Cluster) containerdConfig(sock string) string {
	return fmt.Sprintf(`version = 2
root = "%[1]s/root"
state = "%[1]s/state"
[grpc]
  address = "%[2]s"
[plugins."io.containerd.grpc.v1.cri"]
  sandbox_image = "%[3]s"
  restrict_oom_score_adj = true
  disable_apparmor = true
  netns_mounts_under_state_dir = true
  [plugins."io.containerd.grpc.v1.cri".containerd]
    default_runtime_name = "runc"
    [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc]
      runtime_type = "io.containerd.runc.v2"
      [plugins."io.containerd.grpc.v1.cri".containerd.runtimes.runc.options]
        SystemdCgroup = false
  [plugins."io.containerd.grpc.v1.cri".cni]
    bin_dir = "/usr/lib/cni"
    conf_dir = "%[4]s"
  [plugins."io.containerd.grpc.v1.cri".registry]
    config_path = "%[5]s"
`, c.path("containerd"), sock, ImagePause, c.path("cni", "net.d"), c.path("containerd", "certs.d"))
}

// bridge creates the pod bridge with the node's address: the kubelet
// refuses a loopback node IP, and this address is reachable only from the
// host and its pods.
func (c *Cluster) bridge() error {
	if err := exec.Command("ip", "link", "show", bridgeName).Run(); err != nil {
		if err := run("/", nil, "ip", "link", "add", bridgeName, "type", "bridge"); err != nil {
			return err
		}
	}
	_ = exec.Command("ip", "addr", "add", nodeIP+"/16", "dev", bridgeName).Run()
	if err := run("/", nil, "ip", "link", "set", bridgeName, "up"); err != nil {
		return err
	}
	// There is no kube-proxy: the Service range is made local to the host,
	// so a connection from a pod to a Service IP stays on this machine and
	// is refused when nothing listens, as a proxy refuses a Service
	// without endpoints, instead of leaving it by the default route.
	_ = exec.Command("ip", "route", "del", "local", serviceCIDR, "dev", "lo").Run()
	return run("/", nil, "ip", "route", "add", "local", serviceCIDR, "dev", "lo")
}

// Down stops everything Up started (in reverse order), removes the pod
// sandboxes' mounts and the bridge, and restores the host sysctls the
// kubelet changed.
func (c *Cluster) Down() {
	for _, n := range []string{"kwok", "registry-auth", "registry-tls", "kubelet", "kube-scheduler", "kube-controller-manager", "kube-apiserver", "etcd"} {
		c.Stop(n, 20*time.Second)
	}
	// Containers outlive containerd's shims unless removed first.
	if c.Running("containerd") {
		sock := c.path("containerd", "containerd.sock")
		_ = exec.Command("sh", "-c", "ctr --address "+sock+" -n k8s.io tasks ls -q | xargs -r -n1 ctr --address "+sock+" -n k8s.io tasks kill -s SIGKILL").Run()
		time.Sleep(500 * time.Millisecond)
	}
	c.Stop("containerd", 10*time.Second)
	_ = exec.Command("sh", "-c", "pkill -9 -f 'containerd-shim-runc-v2 -namespace k8s.io .*"+c.path("containerd")+"' ; true").Run()
	// Unmount what the kubelet and containerd mounted under the state dir.
	_ = exec.Command("sh", "-c", "grep ' "+c.Dir+"' /proc/mounts | cut -d' ' -f2 | sort -r | xargs -r -n1 umount -l").Run()
	_ = exec.Command("ip", "link", "del", bridgeName).Run()
	_ = exec.Command("ip", "route", "del", "local", serviceCIDR, "dev", "lo").Run()
	c.restoreSysctls()
	_ = os.RemoveAll(c.path("etcd"))
	_ = os.RemoveAll(c.path("kubelet"))
	_ = os.RemoveAll(c.path("containerd"))
	_ = os.RemoveAll(c.path("cni"))
	_ = os.RemoveAll(c.path("registry"))
}

var sysctls = []string{"kernel.panic", "kernel.panic_on_oops", "vm.overcommit_memory"}

func sysctlPath(k string) string { return "/proc/sys/" + strings.ReplaceAll(k, ".", "/") }

// saveSysctls records the host values once; Down writes them back.
func (c *Cluster) saveSysctls() error {
	p := c.path("sysctls")
	if exists(p) {
		return nil
	}
	var b strings.Builder
	for _, k := range sysctls {
		v, err := os.ReadFile(sysctlPath(k))
		if err != nil {
			return err
		}
		fmt.Fprintf(&b, "%s=%s\n", k, strings.TrimSpace(string(v)))
	}
	return os.WriteFile(p, []byte(b.String()), 0o644)
}

func (c *Cluster) restoreSysctls() {
	data, err := os.ReadFile(c.path("sysctls"))
	if err != nil {
		return
	}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		if k, v, ok := strings.Cut(line, "="); ok {
			_ = os.WriteFile(sysctlPath(k), []byte(v+"\n"), 0o644)
		}
	}
	_ = os.Remove(c.path("sysctls"))
}

// Env prints shell exports for using the cluster.
func (c *Cluster) Env() string {
	return fmt.Sprintf("export KUBECONFIG=%s\nexport PATH=%s:$PATH\n", c.Kubeconfig(), c.BinDir)
}
