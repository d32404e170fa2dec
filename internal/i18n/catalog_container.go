package i18n

// Waiting / ContainerCreating: configuration, start failures, sandbox,
// volumes and slow starts (catalog §2).
func init() {
	add(map[string]Text{
		// Missing ConfigMap / Secret / PVC / ServiceAccount. The head takes
		// the kind and "namespace/name".
		"config.missing.head": {
			EN: "referenced %[1]s %[2]s does not exist",
			ZH: "引用的 %[1]s %[2]s 不存在",
		},
		"config.missing.why": {
			EN: "The container's env or envFrom refers to this object, and the kubelet will not create the container until it exists (unless the reference is optional: true). Usually it was never created in this namespace, exists under another name, or belongs to a release that has not been deployed yet.",
			ZH: "容器的 env 或 envFrom 引用了这个对象，在它出现之前 kubelet 不会创建容器（除非引用设置了 optional: true）。通常是没有在该命名空间中创建、名字对不上，或者它属于另一个尚未部署的发布。",
		},
		"mount.missing.head": {
			EN: "volume source %[1]s %[2]s does not exist",
			ZH: "卷引用的 %[1]s %[2]s 不存在",
		},
		"mount.missing.why": {
			EN: "A volume of the pod is backed by this object. Until it exists (or the volume is marked optional) the kubelet keeps retrying the mount and the pod stays in ContainerCreating. Create it in the pod's namespace, or fix the name in the volume.",
			ZH: "Pod 的某个卷来自这个对象。在它出现之前（或把该卷设为 optional），kubelet 会不断重试挂载，Pod 一直停在 ContainerCreating。请在 Pod 所在的命名空间中创建它，或修正卷中引用的名字。",
		},
		"missing.exists-now": {
			EN: "it exists now, so it was created after the error; the kubelet retries by itself and the container should start shortly",
			ZH: "该对象现在已存在，说明是在报错之后才创建的；kubelet 会自动重试，容器应该很快就能启动",
		},
		"missing.others": {
			EN: "%[1]s objects that do exist in namespace %[2]s",
			ZH: "命名空间 %[2]s 中实际存在的 %[1]s",
		},
		"missing.step.create-cm": {
			EN: "Create ConfigMap %[1]s (or fix the name the pod refers to)",
			ZH: "创建 ConfigMap %[1]s（或修正 Pod 中引用的名字）",
		},
		"missing.step.create-secret": {
			EN: "Create Secret %[1]s with the keys the pod expects (or fix the name the pod refers to)",
			ZH: "创建 Secret %[1]s，包含 Pod 需要的键（或修正 Pod 中引用的名字）",
		},
		"missing.elsewhere.head": {
			EN: "%[1]s %[2]s is not in namespace %[3]s, but exists in %[4]s: a pod only reads its own namespace's",
			ZH: "命名空间 %[3]s 中没有 %[1]s %[2]s，但它存在于 %[4]s：Pod 只能读取自己命名空间中的对象",
		},
		"missing.elsewhere.note": {
			EN: "the same name in namespace %[1]s, not in the pod's (%[2]s)",
			ZH: "同名对象位于命名空间 %[1]s，而不是 Pod 所在的 %[2]s",
		},
		"missing.elsewhere.why": {
			EN: "ConfigMaps and Secrets are namespaced, and a pod can only refer to those in its own namespace. One with the right name in another namespace usually means it was created with the wrong -n, or its manifest had no namespace and was applied elsewhere. Create it in the pod's namespace (copy it, or apply its manifest with -n).",
			ZH: "ConfigMap 和 Secret 属于命名空间，Pod 只能引用自己命名空间中的对象。在别的命名空间中存在同名对象，通常说明创建时用错了 -n，或清单中没有写 namespace 而被应用到了别处。请在 Pod 的命名空间中创建它（复制过来，或用 -n 重新 apply 其清单）。",
		},
		"missing.elsewhere.step.copy": {
			EN: "Copy the %[1]s from %[2]s into %[3]s (or apply its manifest with -n %[3]s)",
			ZH: "把 %[1]s 从 %[2]s 复制到 %[3]s（或用 -n %[3]s 重新 apply 其清单）",
		},
		"missing.step.ref": {
			EN: "Find where the pod refers to it",
			ZH: "找出 Pod 中引用它的位置",
		},

		// Missing key.
		"config.key.head": {
			EN: "key %[1]s not found in %[2]s %[3]s",
			ZH: "%[2]s %[3]s 中没有键 %[1]s",
		},
		"config.key.has": {
			EN: "keys it does have",
			ZH: "实际存在的键",
		},
		"config.key.why": {
			EN: "The container takes an environment variable from this key (configMapKeyRef or secretKeyRef), and the object exists without it, so the kubelet will not create the container. Usually the key was renamed, differs in case, or was added to the manifest but never applied.",
			ZH: "容器通过 configMapKeyRef 或 secretKeyRef 从这个键读取环境变量，对象存在却没有这个键，kubelet 因此不会创建容器。常见原因：键被改名、大小写不一致，或者清单里加了键但没有应用到集群。",
		},
		"config.key.step.keys": {
			EN: "List the keys it has (names only)",
			ZH: "列出其中已有的键（只看键名）",
		},
		"config.key.step.add": {
			EN: "Add key %[1]s, or correct the key name in the pod template",
			ZH: "添加键 %[1]s，或修正 Pod 模板中引用的键名",
		},
		"config.key.step.optional": {
			EN: "If the variable is not required, mark the reference optional: true",
			ZH: "如果该变量不是必需的，在引用处设置 optional: true",
		},

		// runAsNonRoot.
		"config.nonroot.head": {
			EN: "container %[1]s must run as non-root, but its image runs as root",
			ZH: "容器 %[1]s 要求以非 root 用户运行（runAsNonRoot），但镜像默认用户是 root",
		},
		"config.nonroot.why": {
			EN: "With runAsNonRoot: true the kubelet refuses a container whose user is root (UID 0), or a user name it cannot verify as non-root. Set a numeric runAsUser, or build the image with a numeric non-root USER.",
			ZH: "设置 runAsNonRoot: true 后，kubelet 会拒绝以 root（UID 0）运行的容器；镜像 USER 是无法校验的用户名（非数字）时同样会拒绝。请设置数字形式的 runAsUser，或在镜像中用数字 UID 指定非 root 的 USER。",
		},
		"config.nonroot.step.user": {
			EN: "Run it as a non-root UID (make sure that user can read the image's files)",
			ZH: "指定一个非 root 的 UID 运行（确认该用户能读取镜像中的文件）",
		},
		"config.nonroot.step.image": {
			EN: "Or set USER to a numeric non-root UID in the Dockerfile",
			ZH: "或者在 Dockerfile 中把 USER 设为数字形式的非 root UID",
		},
		"config.other.head": {
			EN: "container %[1]s cannot be configured: %[2]s",
			ZH: "无法为容器 %[1]s 生成配置：%[2]s",
		},
		"config.other.why": {
			EN: "The kubelet could not assemble the container's configuration (environment, volumes, security context) before creating it. The message says what is wrong; a 'failed to sync … cache' error means the kubelet cannot read ConfigMaps or Secrets from the API server.",
			ZH: "kubelet 在创建容器前无法组装其配置（环境变量、卷、安全上下文），具体原因见消息；如果是 “failed to sync … cache”，说明 kubelet 无法从 API Server 读取 ConfigMap 或 Secret。",
		},

		// The runtime could not start the process.
		"run.notfound.head": {
			EN: "executable %[1]s not found in image %[2]s",
			ZH: "镜像 %[2]s 中找不到可执行文件 %[1]s",
		},
		"run.notfound.why": {
			EN: "The command (command/args, or the image's ENTRYPOINT/CMD) names a file that is not in the image or not on its $PATH: a typo, a path that differs in this image, a shell such as bash missing from a slim or distroless image, or a script whose #! interpreter does not exist.",
			ZH: "启动命令（command/args，或镜像的 ENTRYPOINT/CMD）指向的文件在镜像中不存在，或者不在 $PATH 里：可能是拼写错误、该镜像中的路径不同、精简镜像或 distroless 镜像里没有 bash 之类的 shell，或者脚本首行 #! 指定的解释器不存在。",
		},
		"run.format.head": {
			EN: "%[1]s in image %[2]s cannot run on this node (exec format error)",
			ZH: "镜像 %[2]s 中的 %[1]s 无法在该节点上执行（exec format error）",
		},
		"run.format.why": {
			EN: "The binary was built for another CPU architecture (an amd64 image on an arm64 node, or the reverse), or a script lacks its #! line. Build a multi-arch image, or keep the pod on matching nodes with a kubernetes.io/arch node selector.",
			ZH: "二进制文件与节点的 CPU 架构不符（例如 amd64 镜像跑在 arm64 节点上，或者反过来），或者脚本缺少首行 #!。请构建多架构镜像，或用 kubernetes.io/arch 的 nodeSelector 把 Pod 调度到架构匹配的节点。",
		},
		"run.perm.head": {
			EN: "permission denied executing %[1]s",
			ZH: "执行 %[1]s 时权限被拒绝（permission denied）",
		},
		"run.perm.why": {
			EN: "The file exists but cannot be executed: it lacks the execute bit (add chmod +x in the Dockerfile), the container's user may not read it, it is a directory, or it sits on a volume mounted noexec or over the image's own path.",
			ZH: "文件存在但无法执行：缺少可执行权限（在 Dockerfile 中 chmod +x）、容器用户无权读取、它其实是个目录，或者它位于以 noexec 方式挂载的卷上、原路径被卷挂载覆盖。",
		},
		"run.other.head": {
			EN: "container %[1]s could not be started: %[2]s",
			ZH: "容器 %[1]s 无法启动：%[2]s",
		},
		"run.other.why": {
			EN: "The runtime could not start the container's process. Check the command, the working directory, volume mounts that hide paths of the image, and the security context against the message.",
			ZH: "容器运行时无法启动容器进程。请对照报错检查启动命令、工作目录、是否有卷挂载覆盖了镜像中的路径，以及安全上下文设置。",
		},
		"run.step.inspect": {
			EN: "On the node, see the image's entrypoint, command and user",
			ZH: "在节点上查看镜像的 ENTRYPOINT、CMD 和默认用户",
		},
		"run.step.debug": {
			EN: "Start a copy of the pod that runs a shell instead, and look inside the image",
			ZH: "启动一个 Pod 副本，用 shell 代替原命令，进去检查镜像内容",
		},
		"run.step.fix": {
			EN: "Fix command/args (or the image) in the workload",
			ZH: "在负载中修正 command/args（或更换镜像）",
		},

		// Pod sandbox.
		"sandbox.ip.head": {
			EN: "node %[1]s has run out of pod IP addresses",
			ZH: "节点 %[1]s 上的 Pod IP 地址已耗尽",
		},
		"sandbox.ip.why": {
			EN: "The CNI plugin's IPAM could not allocate an address from the node's pod range. Either the node's podCIDR is really full (too small for its max-pods), or addresses leaked: IPs of deleted pods were never released, often after a node reboot or a runtime crash.",
			ZH: "CNI 插件的 IPAM 无法从节点的 Pod 网段中分配地址。要么节点的 podCIDR 确实用满了（相对 max-pods 太小），要么 IP 泄漏了：已删除 Pod 的 IP 没有被回收，常见于节点重启或容器运行时崩溃之后。",
		},
		"sandbox.ip.step.count": {
			EN: "Count the pods on node %[1]s",
			ZH: "统计节点 %[1]s 上的 Pod 数量",
		},
		"sandbox.ip.step.leak": {
			EN: "On the node, count the IPs the host-local IPAM holds; far more than the running pods means a leak",
			ZH: "在节点上统计 host-local IPAM 已分配的 IP 数，远多于运行中的 Pod 数就说明发生了泄漏",
		},
		"sandbox.ip.step.podcidr": {
			EN: "See the node's pod CIDR",
			ZH: "查看节点的 Pod 网段（podCIDR）",
		},
		"sandbox.cni.head": {
			EN: "pod network cannot be set up on node %[1]s (CNI plugin: %[2]s)",
			ZH: "节点 %[1]s 无法为 Pod 配置网络（CNI 插件：%[2]s）",
		},
		"sandbox.cni.why": {
			EN: "The kubelet creates the pod sandbox and asks the CNI plugin to set up its network. This fails when the plugin is not installed or not ready on that node (no config in /etc/cni/net.d, its DaemonSet pod crashing), or when the plugin's agent cannot reach its datastore or the API server.",
			ZH: "kubelet 创建 Pod 沙箱后，会调用 CNI 插件为其配置网络。如果 CNI 插件没有安装或在该节点上尚未就绪（/etc/cni/net.d 中没有配置、其 DaemonSet Pod 在崩溃），或者插件的 agent 连不上自己的数据存储或 API Server，这一步就会失败。",
		},
		"sandbox.cni.step.conf": {
			EN: "On node %[1]s, check that a CNI config and the plugin binaries exist",
			ZH: "在节点 %[1]s 上确认 CNI 配置文件和插件二进制文件都存在",
		},
		"sandbox.cni.step.pods": {
			EN: "Check the CNI plugin's pods on that node",
			ZH: "检查该节点上 CNI 插件的 Pod",
		},
		"sandbox.disk.head": {
			EN: "disk fault on node %[1]s (I/O errors or a full disk)",
			ZH: "节点 %[1]s 磁盘故障（I/O 错误或磁盘已满）",
		},
		"sandbox.disk.why": {
			EN: "The kubelet or the runtime got input/output error while writing the pod's files, which points to a failing disk (bad sectors) or a corrupted filesystem on that node; 'no space left on device' means the disk is full. Every new pod on that node will fail the same way.",
			ZH: "kubelet 或容器运行时在写入 Pod 文件时遇到 input/output error，通常意味着该节点磁盘有坏道或文件系统已损坏；如果是 “no space left on device”，则是磁盘已满。调度到该节点的新 Pod 都会以同样的方式失败。",
		},
		"sandbox.disk.step.dmesg": {
			EN: "On node %[1]s, look for disk errors in the kernel log and check free space",
			ZH: "在节点 %[1]s 上查看内核日志中的磁盘错误，并检查剩余空间",
		},
		"sandbox.disk.step.drain": {
			EN: "Move the workloads off the node until the disk is repaired",
			ZH: "在磁盘修复之前，先把负载迁出该节点",
		},
		"sandbox.other.head": {
			EN: "pod sandbox cannot be created on node %[1]s: %[2]s",
			ZH: "无法在节点 %[1]s 上创建 Pod 沙箱：%[2]s",
		},
		"sandbox.other.why": {
			EN: "Before any container starts, the runtime creates the pod sandbox (the pause container and its network namespace). Common causes besides the network: the pause image cannot be pulled (sandbox_image in containerd's config, by default from registry.k8s.io), a cgroup driver mismatch between kubelet and runtime, or an unhealthy runtime.",
			ZH: "在启动任何容器之前，运行时要先创建 Pod 沙箱（即 pause 容器及其网络命名空间）。网络之外的常见原因：pause 镜像拉不下来（containerd 配置中的 sandbox_image，默认来自 registry.k8s.io）、kubelet 与运行时的 cgroup driver 不一致，或者运行时本身不健康。",
		},
		"sandbox.step.kubelet": {
			EN: "Read the kubelet and runtime logs on the node",
			ZH: "在节点上查看 kubelet 和容器运行时的日志",
		},

		// Volumes.
		"mount.multi.head": {
			EN: "volume %[1]s is still attached to another node (Multi-Attach)",
			ZH: "卷 %[1]s 仍挂载在另一个节点上（Multi-Attach）",
		},
		"mount.multi.holders": {
			EN: "other pods using the same claim (pod@node)",
			ZH: "使用同一 PVC 的其他 Pod（pod@node）",
		},
		"mount.multi.why": {
			EN: "A ReadWriteOnce volume (most cloud disks) can be attached to one node at a time. A new pod on another node waits until the old pod is gone and the volume is detached — typical during a rolling update of a Deployment with such a claim, or after the old node died without detaching the volume.",
			ZH: "ReadWriteOnce 卷（大多数云盘）同一时间只能挂到一个节点上。新 Pod 落在其他节点时，必须等旧 Pod 删除、卷卸载之后才能挂载——常见于使用这类 PVC 的 Deployment 滚动更新，或者旧节点宕机后卷一直没有卸载。",
		},
		"mount.multi.step.va": {
			EN: "See which node the volume is attached to",
			ZH: "查看该卷当前挂载在哪个节点上",
		},
		"mount.multi.step.strategy": {
			EN: "For a Deployment with a ReadWriteOnce claim, use strategy Recreate (or a StatefulSet) so that the old pod releases the volume first",
			ZH: "使用 ReadWriteOnce PVC 的 Deployment 应把更新策略改为 Recreate（或者改用 StatefulSet），让旧 Pod 先释放卷",
		},
		"mount.timeout.head": {
			EN: "volumes not attached and mounted in time on node %[1]s",
			ZH: "节点 %[1]s 上的卷挂载超时",
		},
		"mount.timeout.why": {
			EN: "The kubelet gave up waiting for the pod's volumes. The real cause is usually in an earlier event: an attach still running or failing in the CSI driver, an NFS or Ceph server that does not answer, or a slow fsGroup ownership change on a volume with many files.",
			ZH: "kubelet 等待 Pod 的卷就绪超时了。真正的原因通常在更早的事件里：CSI 驱动仍在挂载或挂载失败、NFS/Ceph 服务端没有响应，或者对文件很多的卷执行 fsGroup 属主修改太慢。",
		},
		"mount.step.events": {
			EN: "Read all of the pod's events",
			ZH: "查看 Pod 的全部事件",
		},
		"mount.failed.head": {
			EN: "volume %[1]s cannot be mounted: %[2]s",
			ZH: "卷 %[1]s 挂载失败：%[2]s",
		},
		"mount.failed.why": {
			EN: "The kubelet or the volume's CSI driver failed to attach or mount it, and the message comes from the storage driver. Check that the driver's node plugin runs on this node and that the storage backend is reachable.",
			ZH: "kubelet 或卷的 CSI 驱动挂载失败，报错来自存储驱动。请确认该节点上运行着驱动的 node 插件，并且存储后端可以访问。",
		},

		// Slow start with no error.
		"slow.pull.head": {
			EN: "pulling image %[1]s for %[2]s on node %[3]s",
			ZH: "镜像 %[1]s 已在节点 %[3]s 上拉取了 %[2]s",
		},
		"slow.pull.why": {
			EN: "No error yet, but the pull is taking long: a large image, a slow or distant registry (foreign registries such as gcr.io and docker.io are slow or blocked from mainland China), or bandwidth shared with other pulls — by default the kubelet pulls one image at a time (serializeImagePulls).",
			ZH: "暂时没有报错，但拉取耗时很长：镜像太大、仓库慢或距离远（国内访问 gcr.io、docker.io 等国外仓库很慢甚至不通），或者带宽被其他拉取占用——kubelet 默认在同一节点上逐个拉取镜像（serializeImagePulls）。",
		},
		"slow.pull.step.watch": {
			EN: "On node %[1]s, see whether the pull is making progress",
			ZH: "在节点 %[1]s 上确认拉取是否仍在推进",
		},
		"slow.other.head": {
			EN: "containers not created after %[1]s on node %[2]s, and no error reported",
			ZH: "在节点 %[2]s 上等待 %[1]s 仍未创建容器，也没有报错",
		},
		"slow.volume.head": {
			EN: "containers not created after %[1]s on node %[2]s, probably waiting for a volume",
			ZH: "在节点 %[2]s 上等待 %[1]s 仍未创建容器，可能在等待卷挂载",
		},
		"slow.other.why": {
			EN: "The pod is scheduled but its containers have not started, and no event says why. Usually the kubelet is still attaching or mounting a volume or pulling an image, or is itself overloaded; its log on the node shows which step it is on.",
			ZH: "Pod 已经调度，但容器一直没有启动，也没有事件说明原因。通常是 kubelet 还在挂载卷或拉取镜像，或者 kubelet 自身负载过高；节点上的 kubelet 日志能看出卡在哪一步。",
		},

		// Sandbox: pause image, plugin named, config invalid.
		"sandbox.pause.head": {
			EN: "no pod can start on node %[1]s: its pause image %[2]s cannot be pulled — %[3]s",
			ZH: "节点 %[1]s 上的 Pod 都无法启动：pause 镜像 %[2]s 拉取失败——%[3]s",
		},
		"sandbox.pause.note": {
			EN: "the runtime pulls the pause image %[1]s before any container of a pod",
			ZH: "在启动 Pod 的任何容器之前，运行时要先拉取 pause 镜像 %[1]s",
		},
		"sandbox.ip.head-plugin": {
			EN: "node %[1]s has run out of pod IP addresses (CNI plugin: %[2]s)",
			ZH: "节点 %[1]s 上的 Pod IP 地址已耗尽（CNI 插件：%[2]s）",
		},
		"sandbox.ip.step.agent": {
			EN: "%[1]s keeps its own IP allocation: read the log of its agent pod on node %[2]s for the range it allocates from and why it is full",
			ZH: "%[1]s 自己管理 IP 分配：查看它在节点 %[2]s 上的 agent Pod 日志，看它从哪个网段分配、为什么已经分配完",
		},
		"sandbox.cniconf.head": {
			EN: "node %[1]s has no valid CNI network config: the files in /etc/cni/net.d are rejected",
			ZH: "节点 %[1]s 上没有有效的 CNI 网络配置：/etc/cni/net.d 中的配置文件都未通过校验",
		},
		"sandbox.cniconf.why": {
			EN: "The runtime loads the first valid network config in /etc/cni/net.d; 'no valid networks found' means there are files but none passes validation. Usual causes: a .conflist without a \"cniVersion\" field (rejected since Kubernetes 1.16 / libcni 0.7, typical of old flannel manifests), a JSON syntax error, a cniVersion the plugin binaries do not support, or a plugin type missing from /opt/cni/bin. Until a config validates the node reports NetworkReady=false and stays NotReady. Fix the file (for flannel add \"cniVersion\": \"0.3.1\") or reinstall the network add-on.",
			ZH: "容器运行时会加载 /etc/cni/net.d 中第一个有效的网络配置；“no valid networks found” 表示目录里有文件，但都没有通过校验。常见原因：.conflist 缺少 \"cniVersion\" 字段（自 Kubernetes 1.16 / libcni 0.7 起会被拒绝，旧版 flannel 清单常见）、JSON 语法错误、插件二进制不支持所写的 cniVersion，或者 /opt/cni/bin 中缺少配置里引用的插件。在配置通过校验之前，节点会上报 NetworkReady=false 并保持 NotReady。请修正配置文件（flannel 可加上 \"cniVersion\": \"0.3.1\"），或者重新安装网络插件。",
		},
		"sandbox.cniconf.step": {
			EN: "On node %[1]s, read each CNI config and check cniVersion, the JSON syntax and the plugin types",
			ZH: "在节点 %[1]s 上逐个查看 CNI 配置文件，检查 cniVersion、JSON 语法和插件类型",
		},

		// Multi-Attach with the pods the controller names.
		"mount.multi.head-holders": {
			EN: "volume %[1]s is still in use by pod %[2]s on another node (Multi-Attach)",
			ZH: "卷 %[1]s 仍被另一节点上的 Pod %[2]s 占用（Multi-Attach）",
		},
		"mount.multi.head-otherns": {
			EN: "volume %[1]s is still in use by %[2]d pod(s) in other namespaces (Multi-Attach)",
			ZH: "卷 %[1]s 仍被其他命名空间中的 %[2]d 个 Pod 占用（Multi-Attach）",
		},
		"mount.multi.step.holder": {
			EN: "See what pod %[1]s is and where it runs; once it is gone (deleted, or its workload scaled down or finished), the volume detaches and this pod can start",
			ZH: "查看 Pod %[1]s 属于什么、运行在哪个节点；它被删除（或其负载缩容、执行完毕）后，卷会被卸载，这个 Pod 就能启动",
		},

		// The working directory runc could not enter.
		"run.cwd.perm.head": {
			EN: "container %[2]s cannot start: its user may not enter the working directory %[1]s (the image's WORKDIR or the container's workingDir)",
			ZH: "容器 %[2]s 无法启动：其运行用户无权进入工作目录 %[1]s（镜像的 WORKDIR 或容器的 workingDir）",
		},
		"run.cwd.perm.why": {
			EN: "Before starting the process the runtime changes into the working directory as the container's user, and that user may not enter %[1]s. It happens when the container runs with another UID than the image expects — OpenShift's restricted SCC assigns an arbitrary non-root UID, and runAsUser does the same — while the image's WORKDIR is a home directory only its owner may enter (/root is 0700). Set workingDir in the container to a directory every user may enter (for example / or /tmp), or run as the user that owns %[1]s.",
			ZH: "启动进程之前，运行时会以容器用户的身份切换到工作目录，而该用户无权进入 %[1]s。常见于容器实际运行的 UID 与镜像预期不一致——OpenShift 的 restricted SCC 会分配任意的非 root UID，设置 runAsUser 也一样——而镜像的 WORKDIR 是只有属主才能进入的家目录（/root 的权限是 0700）。请在容器中把 workingDir 设为所有用户都能进入的目录（如 / 或 /tmp），或者以拥有 %[1]s 的用户运行。",
		},
		"run.cwd.other.head": {
			EN: "container %[2]s cannot start: the runtime cannot change into its working directory %[1]s",
			ZH: "容器 %[2]s 无法启动：运行时无法切换到它的工作目录 %[1]s",
		},
		"run.cwd.other.why": {
			EN: "Before starting the process the runtime changes into the working directory (the image's WORKDIR, or the container's workingDir) and that failed: %[1]s does not exist or is not a directory — often because a volume is mounted over the path that held it. Fix workingDir, or the mount that hides the directory.",
			ZH: "启动进程之前，运行时会切换到工作目录（镜像的 WORKDIR 或容器的 workingDir），这一步失败了：%[1]s 不存在或不是目录——常见原因是有卷挂载覆盖了原来的路径。请修正 workingDir，或调整遮住该目录的挂载。",
		},
		"run.cwd.step.user": {
			EN: "On the node, see the image's user and working directory",
			ZH: "在节点上查看镜像的默认用户和工作目录",
		},
		"run.cwd.step.fix": {
			EN: "Set the container's workingDir to a directory its user may enter instead of %[1]s (here /tmp)",
			ZH: "把容器的 workingDir 从 %[1]s 改为其运行用户能进入的目录（这里用 /tmp）",
		},

		// CreateContainerConfigError without its message, and subPath.
		"config.unseen.head": {
			EN: "container %[1]s cannot be configured (CreateContainerConfigError); the message that says why is not visible in this paste",
			ZH: "无法为容器 %[1]s 生成配置（CreateContainerConfigError）；此次粘贴的内容里看不到说明原因的消息",
		},
		"config.subpath.head": {
			EN: "the kubelet cannot prepare the subPath of volume mount %[1]s for container %[2]s",
			ZH: "kubelet 无法为容器 %[2]s 准备卷挂载 %[1]s 的 subPath",
		},
		"config.subpath.why": {
			EN: "For a volumeMount with subPath the kubelet resolves the subdirectory on the node and bind-mounts it into the container before creating it. That fails when the path does not exist and cannot be created, is a symlink leaving the volume, or the kubelet may not read it (permission denied on a network filesystem). The kubelet's log line next to this error names the path and the system error.",
			ZH: "对带 subPath 的 volumeMount，kubelet 会在创建容器前在节点上解析该子目录，并以 bind mount 方式挂进容器。如果路径不存在且无法创建、是指向卷外的符号链接，或者 kubelet 无权读取它（网络文件系统上的 permission denied），这一步就会失败。kubelet 日志中紧挨着这条错误的那一行会给出具体路径和系统错误。",
		},
		"config.subpath.denied.head": {
			EN: "the kubelet gets permission denied on the subPath of volume mount %[1]s for container %[2]s",
			ZH: "kubelet 访问容器 %[2]s 的卷挂载 %[1]s 的 subPath 时权限被拒绝（permission denied）",
		},
		"config.subpath.denied.why": {
			EN: "For a volumeMount with subPath the kubelet, running as root on the node, resolves the subdirectory (lstat, symlink evaluation) before bind-mounting it, and the volume's server refuses it permission. On NFS this is root squashing: the export maps root to nobody, which may not enter the directory. Export with no_root_squash (or give the squashed user access to the directory), or mount the volume without subPath.",
			ZH: "对带 subPath 的 volumeMount，以 root 身份运行在节点上的 kubelet 要先解析该子目录（lstat、解析符号链接），再做 bind mount，而卷所在的服务端拒绝了它的访问。在 NFS 上这就是 root squash：导出配置把 root 映射为 nobody，而 nobody 无权进入该目录。请在导出时使用 no_root_squash（或让被映射的用户能访问该目录），或者不用 subPath 挂载这个卷。",
		},
		"config.subpath.step.log": {
			EN: "On node %[1]s, read the kubelet's subPath error: it names the path and the system error",
			ZH: "在节点 %[1]s 上查看 kubelet 的 subPath 报错：其中有具体路径和系统错误",
		},
		"config.subpath.step.fix": {
			EN: "Check the directory on the volume's server: that it exists, is not a symlink out of the volume, and that root on the node may read it (NFS: root_squash)",
			ZH: "在卷的服务端检查该目录：确认它存在、不是指向卷外的符号链接，并且节点上的 root 有权读取（NFS 注意 root_squash）",
		},

		"slow.other.head-unseen": {
			EN: "containers not created after %[1]s on node %[2]s; the events that would say why are not visible in this paste",
			ZH: "节点 %[2]s 上的容器在 %[1]s 后仍未创建；此次粘贴的内容里看不到能说明原因的事件",
		},

		"sandbox.cni.head-unnamed": {
			EN: "pod network cannot be set up on node %[1]s (the message does not name the CNI plugin)",
			ZH: "节点 %[1]s 无法为 Pod 配置网络（消息中没有指明是哪个 CNI 插件）",
		},
		"sandbox.cnimissing.head": {
			EN: "node %[1]s has no CNI network config yet (cni config uninitialized): the network add-on is not installed, or its pod on that node has not written /etc/cni/net.d",
			ZH: "节点 %[1]s 上还没有 CNI 网络配置（cni config uninitialized）：网络插件没有安装，或者它在该节点上的 Pod 还没有写入 /etc/cni/net.d",
		},
	})
}
