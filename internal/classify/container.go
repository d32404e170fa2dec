package classify

import (
	"fmt"
	"regexp"
	"strings"
)

// Reason codes for container creation and start.
const (
	SandboxCNI   = "Sandbox/CNI"
	SandboxDisk  = "Sandbox/Disk"
	SandboxOther = "Sandbox/Other"

	MountMissing     = "Mount/MissingObject"
	MountMultiAttach = "Mount/MultiAttach"
	MountTimeout     = "Mount/Timeout"
	MountFailed      = "Mount/Failed"

	ConfigMissingObject = "Config/MissingObject"
	ConfigMissingKey    = "Config/MissingKey"
	ConfigRunAsNonRoot  = "Config/RunAsNonRoot"
	ConfigOther         = "Config/Other"

	RunNotFound   = "Run/NotFound"
	RunExecFormat = "Run/ExecFormat"
	RunPermission = "Run/Permission"
	RunOther      = "Run/Other"
)

// Sandbox details.
type SandboxInfo struct {
	Code string
	// IPExhausted is true for IPAM running out of addresses, as opposed to
	// a CNI plugin that is missing or not configured.
	IPExhausted bool
	Plugin      string // CNI plugin named in the text, if any
	// ConfigInvalid: /etc/cni/net.d holds configs, but none the runtime
	// accepts ("no valid networks found", "Error validating CNI config").
	ConfigInvalid bool
	// ConfigMissing: the runtime has no network config at all yet ("cni
	// config uninitialized", "cni plugin not initialized").
	ConfigMissing bool
	// PauseImage is the sandbox (pause) image whose pull failed; the pull
	// error is then the cause, classified with ImagePull.
	PauseImage string
}

var (
	cniRe       = regexp.MustCompile(`(?i)\bcni\b|network for sandbox|networkPlugin|network plugin|failed to set up sandbox container .* network|failed to setup network|set up pod .* network|plugin type="|failed to find plugin|failed to allocate for range|no IP addresses available|IPAM|subnet\.env|calico|flannel|cilium|weave|NetworkPluginNotReady|NetworkReady=false|failed to delegate add`)
	ipExhaustRe = regexp.MustCompile(`(?i)failed to allocate for range|no IP addresses available|IP address(es)? (pool )?exhausted|no available IP|range is full|ipam: .*exhausted|could not allocate|failed to assign an IP`)
	diskRe      = regexp.MustCompile(`(?i)input/output error|read-only file system|no space left on device|structure needs cleaning|disk quota exceeded`)
	pluginRe    = regexp.MustCompile(`(?:failed to find plugin "([^"]+)"|plugin type="([^"]+)"|"type":\s*"([^"]+)")`)
	// Network add-ons that name themselves in their errors ("unable to
	// allocate IP via local cilium agent", "calico/node is not ready").
	pluginWordRe = regexp.MustCompile(`(?i)\b(calico|cilium|flannel|weave|canal|antrea|kube-router|kube-ovn|ovn-kubernetes|openshift-sdn|multus|kindnet|aws-cni|amazon-vpc-cni|azure-vnet|terway|romana|contiv|cni-genie|macvlan|ipvlan)\b`)
	cniMissingRe = regexp.MustCompile(`(?i)cni config uninitialized|cni plugin not initialized|no networks found in /etc/cni/net\.d`)
	cniConfRe    = regexp.MustCompile(`(?i)no valid networks found|Error validating CNI config|invalid CNI config|plugin .* does not support config version|incompatible CNI versions`)
	// The sandbox image pull: containerd "failed to get sandbox image
	// %q", dockershim "failed pulling image %q", CRI-O "pulling image
	// %q" of its pause image.
	pauseImageRe = regexp.MustCompile(`(?:sandbox image|pause image|failed pulling image|failed to pull image) \\?"([^"\\]+)\\?"`)
)

// Sandbox classifies a FailedCreatePodSandBox message.
func Sandbox(msg string) SandboxInfo {
	var info SandboxInfo
	if m := pauseImageRe.FindStringSubmatch(msg); m != nil {
		info.PauseImage = m[1]
	}
	switch {
	case diskRe.MatchString(msg):
		info.Code = SandboxDisk
	case cniRe.MatchString(msg):
		info.Code = SandboxCNI
		info.IPExhausted = ipExhaustRe.MatchString(msg)
	default:
		info.Code = SandboxOther
	}
	if m := pluginRe.FindStringSubmatch(msg); m != nil {
		for _, g := range m[1:] {
			if g != "" {
				info.Plugin = g
				break
			}
		}
	}
	if m := pluginWordRe.FindString(msg); m != "" && (info.Plugin == "" || info.Plugin == "cni" || info.Plugin == "host-local") {
		info.Plugin = strings.ToLower(m)
	}
	if info.Code == SandboxCNI {
		info.ConfigInvalid = cniConfRe.MatchString(msg)
		info.ConfigMissing = !info.ConfigInvalid && cniMissingRe.MatchString(msg)
	}
	return info
}

// ObjRef names a ConfigMap, Secret or PVC found in a message.
type ObjRef struct {
	Kind      string // ConfigMap, Secret, PersistentVolumeClaim, ServiceAccount
	Namespace string // when the message names it
	Name      string
	Key       string // for missing-key messages
}

// Mount is a parsed FailedMount / FailedAttachVolume message.
type Mount struct {
	Code   string
	Volume string // the volume named, if any
	Object ObjRef // the missing object, for MountMissing
	// Holders are the pods a Multi-Attach error says use the volume
	// ("Volume is already used by pod(s) a, b"); OtherNamespaces counts
	// those it does not name ("used by 2 pod(s) in different namespaces").
	Holders         []string
	OtherNamespaces int
	// TearDown: the kubelet failed to unmount the volume of a pod it is
	// removing (UnmountVolume.TearDown, UnmountDevice); Busy when the
	// mount is held open ("device or resource busy", "target is busy").
	TearDown, Busy bool
}

var (
	volumeRe   = regexp.MustCompile(`for volume \\?"([^"\\]+)\\?"`)
	specNameRe = regexp.MustCompile(`\(volume\.spec\.Name: \\?"([^"\\]+)\\?"\)|\(UniqueName: \\?"([^"\\]+)\\?"\) OuterVolumeSpecName: \\?"([^"\\]+)`)
	// pkg/controller/volume/attachdetach/reconciler: "Volume is already
	// used by pod(s) %s" (names joined with ", "), "Volume is already
	// used by %d pod(s) in different namespaces".
	holdersRe     = regexp.MustCompile(`already used by pod\(s\) ([a-z0-9][a-z0-9.-]*(?:, [a-z0-9][a-z0-9.-]*)*)`)
	otherNSRe     = regexp.MustCompile(`already used by (\d+) pod\(s\) in different namespaces`)
	tearDownRe    = regexp.MustCompile(`UnmountVolume\.TearDown failed|UnmountDevice failed|UnmapVolume\.UnmapBlockVolume failed|UnmapDevice failed|Unmount failed|failed to unmount`)
	busyRe        = regexp.MustCompile(`(?i)device or resource busy|target is busy|\bEBUSY\b`)
	missingObjRe  = regexp.MustCompile(`(configmap|configmaps|secret|secrets|persistentvolumeclaim|serviceaccount)s? "([^"]+)" not found`)
	missingKeyRe  = regexp.MustCompile(`couldn't find key (\S+) in (ConfigMap|Secret) ([^/\s]+)/(\S+)`)
	multiAttachRe = regexp.MustCompile(`(?i)Multi-Attach error|already exclusively attached|is already used by pod|already attached to (another|a different) node`)
	// Only the kubelet's own "volumes did not become ready" texts are a
	// timeout; a CSI call that timed out is a plugin failure (Mount/Failed).
	mountTimeout = regexp.MustCompile(`(?i)Unable to attach or mount volumes|unmounted volumes=|timeout expired waiting for volumes`)
)

func kindOf(word string) string {
	switch strings.TrimSuffix(strings.ToLower(word), "s") {
	case "configmap":
		return "ConfigMap"
	case "secret":
		return "Secret"
	case "persistentvolumeclaim":
		return "PersistentVolumeClaim"
	case "serviceaccount":
		return "ServiceAccount"
	}
	return word
}

// ParseMount classifies FailedMount and FailedAttachVolume texts.
func ParseMount(msg string) Mount {
	var m Mount
	if v := volumeRe.FindStringSubmatch(msg); v != nil {
		m.Volume = v[1]
	}
	if v := specNameRe.FindStringSubmatch(msg); v != nil {
		// The volume's name in the pod spec reads better than the
		// plugin's unique name (kubernetes.io/secret/<uid>-<name>).
		if v[1] != "" {
			m.Volume = v[1]
		} else if v[3] != "" {
			m.Volume = v[3]
		}
	}
	if h := holdersRe.FindStringSubmatch(msg); h != nil {
		m.Holders = strings.Split(h[1], ", ")
	}
	if o := otherNSRe.FindStringSubmatch(msg); o != nil {
		fmt.Sscan(o[1], &m.OtherNamespaces)
	}
	m.TearDown = tearDownRe.MatchString(msg)
	m.Busy = busyRe.MatchString(msg)
	switch {
	case m.TearDown:
		m.Code = MountFailed
	case missingObjRe.MatchString(msg):
		o := missingObjRe.FindStringSubmatch(msg)
		m.Code, m.Object = MountMissing, ObjRef{Kind: kindOf(o[1]), Name: o[2]}
	case multiAttachRe.MatchString(msg):
		m.Code = MountMultiAttach
	case mountTimeout.MatchString(msg):
		m.Code = MountTimeout
	default:
		m.Code = MountFailed
	}
	return m
}

// Config is a parsed CreateContainerConfigError message.
type Config struct {
	Code   string
	Object ObjRef
	// SubPath is the volume mount whose subPath the kubelet could not
	// prepare (kubelet_pods.go makeMounts: "failed to prepare subPath for
	// volumeMount %q of container %q"); SubPathDenied when the kubelet's
	// log line beside it says permission denied.
	SubPath       string
	SubPathDenied bool
}

var subPathRe = regexp.MustCompile(`failed to (?:prepare|create) subPath for volumeMount \\?"([^"\\]+)\\?"`)

// ParseConfig classifies a CreateContainerConfigError message. The kubelet
// writes these in pkg/kubelet/kubelet_pods.go (makeEnvironmentVariables)
// and pkg/kubelet/kuberuntime/security_context_others.go (verifyRunAsNonRoot).
func ParseConfig(msg string) Config {
	if m := missingKeyRe.FindStringSubmatch(msg); m != nil {
		return Config{Code: ConfigMissingKey, Object: ObjRef{Kind: m[2], Namespace: m[3], Name: strings.TrimRight(m[4], ".,;:"), Key: m[1]}}
	}
	if m := missingObjRe.FindStringSubmatch(msg); m != nil {
		return Config{Code: ConfigMissingObject, Object: ObjRef{Kind: kindOf(m[1]), Name: m[2]}}
	}
	if strings.Contains(msg, "runAsNonRoot") || strings.Contains(msg, "non-root") {
		return Config{Code: ConfigRunAsNonRoot}
	}
	if m := subPathRe.FindStringSubmatch(msg); m != nil {
		return Config{Code: ConfigOther, SubPath: m[1], SubPathDenied: strings.Contains(strings.ToLower(msg), "permission denied")}
	}
	return Config{Code: ConfigOther}
}

// Run is a parsed RunContainerError / StartError / CreateContainerError.
type Run struct {
	Code       string
	Executable string // the file runc could not run, when named
	// Dir is the working directory runc could not change into (runc
	// libcontainer/init_linux.go: "chdir to cwd (%q) set in config.json
	// failed: %w"); the error is then about the directory, not a file.
	Dir string
}

var (
	execNotFoundRe = regexp.MustCompile(`exec: \\?"([^"\\]+)\\?": (?:executable file not found in \$PATH|stat [^:]+: no such file or directory)`)
	cwdRe          = regexp.MustCompile(`chdir to cwd \(\\*"([^"\\]+)\\*"\) set in config\.json failed: ([a-z ]+)`)
	execFileRe     = regexp.MustCompile(`exec(?:: \\?"([^"\\]+)\\?"|ve?)?:? ?(?:([^:]+): )?(permission denied|exec format error|no such file or directory)`)
)

// ParseRun classifies a container start failure.
func ParseRun(msg string) Run {
	l := strings.ToLower(msg)
	var r Run
	if m := cwdRe.FindStringSubmatch(msg); m != nil {
		r.Dir = m[1]
		switch {
		case strings.Contains(m[2], "permission denied"):
			r.Code = RunPermission
		case strings.Contains(m[2], "no such file"), strings.Contains(m[2], "not a directory"):
			r.Code = RunNotFound
		default:
			r.Code = RunOther
		}
		return r
	}
	if m := execNotFoundRe.FindStringSubmatch(msg); m != nil {
		r.Executable = m[1]
	} else if m := execFileRe.FindStringSubmatch(msg); m != nil {
		r.Executable = m[1]
		if r.Executable == "" {
			r.Executable = strings.TrimSpace(m[2])
		}
	}
	switch {
	case strings.Contains(l, "executable file not found"),
		strings.Contains(l, "no such file or directory") && (strings.Contains(l, "exec") || strings.Contains(l, "starting container process")):
		r.Code = RunNotFound
	case strings.Contains(l, "exec format error"):
		r.Code = RunExecFormat
	case strings.Contains(l, "permission denied"):
		r.Code = RunPermission
	default:
		r.Code = RunOther
	}
	return r
}
