package i18n

// Lost and unhealthy nodes (catalog §7), Terminating pods (§6), misbehaving
// pods: unknown fields and static pods (§8).
func init() {
	add(map[string]Text{
		// Pod on a node that no longer exists.
		"unknown.gone.head": {
			EN: "bound to node %[1]s, which no longer exists",
			ZH: "所在节点 %[1]s 已不存在",
		},
		"unknown.gone.why": {
			EN: "The pod is bound to a Node that has been deleted, so no kubelet runs it or reports on it. The pod garbage collector in kube-controller-manager normally deletes such orphans within a minute; if it is still here, check the controller manager, or delete the pod so its controller replaces it.",
			ZH: "该 Pod 绑定的 Node 已被删除，没有任何 kubelet 运行它或上报它的状态。kube-controller-manager 中的 Pod 垃圾回收器通常会在一分钟内删除这类孤儿 Pod；如果它还在，请检查 controller-manager，或者手动删除该 Pod，让控制器重建。",
		},
		"unknown.gone.step": {
			EN: "Delete the pod so its controller creates a replacement",
			ZH: "删除该 Pod，让控制器创建替代的 Pod",
		},

		// Node lost / pod phase Unknown.
		"unknown.phase.head": {
			EN: "pod status Unknown: node %[1]s stopped reporting",
			ZH: "Pod 状态为 Unknown：节点 %[1]s 已停止上报状态",
		},
		"unknown.node.head": {
			EN: "node %[1]s has not reported for %[2]s (Ready Unknown)",
			ZH: "节点 %[1]s 已有 %[2]s 未上报状态（Ready 为 Unknown）",
		},
		"unknown.node.why": {
			EN: "The kubelet on the node stopped posting status to the API server: the machine is down or hung, the kubelet has stopped, or the network between the node and the control plane is broken. Pods there are marked for deletion once their toleration of the unreachable taint runs out (5 minutes by default), but they are not removed until the node comes back or its Node object is deleted.",
			ZH: "该节点上的 kubelet 已停止向 API Server 上报状态：可能是机器宕机或卡死、kubelet 停止运行，或者节点与控制平面（Master）之间的网络出了问题。节点上的 Pod 会在对 unreachable 污点的容忍时间（默认 5 分钟）到期后被标记删除，但在节点恢复或其 Node 对象被删除之前不会真正移除。",
		},
		"unknown.node.step.delete": {
			EN: "If the machine is gone for good, delete the Node so its pods are cleaned up and replaced",
			ZH: "如果这台机器已经彻底不可用，删除该 Node，其上的 Pod 会被清理并在别处重建",
		},
		"node.step.describe": {
			EN: "See the node's conditions, taints and events",
			ZH: "查看节点的状态条件、污点和事件",
		},
		"node.step.kubelet": {
			EN: "On node %[1]s, check the kubelet and the container runtime",
			ZH: "登录节点 %[1]s，检查 kubelet 和容器运行时",
		},
		"node.step.lease": {
			EN: "See when the kubelet last renewed its Lease",
			ZH: "查看 kubelet 最近一次续约 Lease 的时间",
		},

		// Node NotReady.
		"node.notready.head": {
			EN: "node %[1]s is NotReady: %[2]s",
			ZH: "节点 %[1]s 处于 NotReady：%[2]s",
		},
		"node.notready.runtime": {
			EN: "The kubelet reports the container runtime (containerd, CRI-O or Docker) as down: it crashed or hangs, or its socket does not match the kubelet's --container-runtime-endpoint. No pod on the node can be started or checked until it is back.",
			ZH: "kubelet 报告容器运行时（containerd、CRI-O 或 Docker）不可用：运行时崩溃或卡死，或者其 socket 与 kubelet 的 --container-runtime-endpoint 不一致。在它恢复之前，该节点上的 Pod 都无法启动，也无法检查状态。",
		},
		"node.notready.pleg": {
			EN: "PLEG is not healthy: the kubelet's pod lifecycle event generator could not list the containers from the runtime in time — an overloaded or hung runtime, too many containers, or slow disk I/O.",
			ZH: "PLEG is not healthy：kubelet 的 Pod 生命周期事件生成器（PLEG）没能及时从运行时获取容器列表——通常是运行时负载过高或卡死、容器数量过多，或者磁盘 I/O 太慢。",
		},
		"node.notready.cni": {
			EN: "The node's network plugin is not ready: there is no CNI configuration in /etc/cni/net.d, or the CNI DaemonSet pod on this node is not running. New pods cannot get a network until it is.",
			ZH: "节点的网络插件未就绪：/etc/cni/net.d 中没有 CNI 配置，或者该节点上 CNI 插件的 DaemonSet Pod 没有运行。在它就绪之前，新 Pod 都无法获得网络。",
		},
		"node.notready.other": {
			EN: "The kubelet reports the node as not ready; its message names the failing check, and the kubelet's log on the node has the details.",
			ZH: "kubelet 报告节点未就绪，消息中指出了未通过的检查项；详细信息请看节点上的 kubelet 日志。",
		},

		// Node pressure / NetworkUnavailable.
		"node.pressure.head": {
			EN: "node %[1]s under %[2]s",
			ZH: "节点 %[1]s 出现 %[2]s",
		},
		"node.pressure.why": {
			EN: "The kubelet sets a pressure condition when free memory, disk or process IDs fall below its eviction thresholds; the node is then tainted so no new pods land on it, and pods are evicted until the resource recovers. NetworkUnavailable means the node's pod network (CNI or cloud routes) is not configured.",
			ZH: "当可用内存、磁盘或 PID 低于驱逐阈值时，kubelet 会设置相应的 pressure 状态，节点随之被加上污点、不再接收新 Pod，并持续驱逐 Pod 直到资源恢复。NetworkUnavailable 表示节点的 Pod 网络（CNI 或云路由）尚未配置好。",
		},
		"node.pressure.step.top": {
			EN: "Find the pods using the most memory in the cluster",
			ZH: "找出集群中内存占用最高的 Pod",
		},

		// Terminating on a lost node: node, its Ready status ("gone" when the
		// Node object is deleted), time since deletion.
		"term.nodelost.head": {
			EN: "stuck Terminating for %[3]s: node %[1]s is not healthy (Ready: %[2]s)",
			ZH: "卡在 Terminating 已 %[3]s：所在节点 %[1]s 状态异常（Ready：%[2]s）",
		},
		"term.nodelost.why": {
			EN: "Since v1.5 Kubernetes does not delete pods just because their node is lost: deletion waits for the kubelet to confirm the containers stopped, and that kubelet does not answer. There are three ways out: delete the Node if the machine is gone (on a public cloud kube-controller-manager does this when the VM is deleted), bring the node back so its kubelet finishes the deletion, or force-delete the pod — only when you know the machine is really down.",
			ZH: "从 v1.5 开始，Kubernetes 不会因为 Node 失联而删除其上的 Pod：删除要等 kubelet 确认容器已停止，而该节点的 kubelet 没有响应。解决办法有三种：如果机器已不存在，从集群中删除该 Node（公有云上删除虚机后 kube-controller-manager 会自动删除对应的 Node）；让节点恢复正常，由 kubelet 完成删除；或者强制删除 Pod——但只有在明确知道机器确实已停止时才能这么做。",
		},
		"term.nodelost.step.gone": {
			EN: "The Node object is already deleted, so the pod garbage collector should remove the pod shortly; if it does not, force-delete it",
			ZH: "Node 对象已被删除，Pod 垃圾回收器应该很快会清理该 Pod；如果迟迟没有清理，再强制删除",
		},
		"term.nodelost.step.delete-node": {
			EN: "If machine %[1]s is gone for good, delete its Node object",
			ZH: "如果机器 %[1]s 已经彻底不可用，删除对应的 Node 对象",
		},
		"term.nodelost.step.recover": {
			EN: "Or bring node %[1]s back: once its kubelet reports again, it finishes the deletion",
			ZH: "或者让节点 %[1]s 恢复：kubelet 恢复上报后会自动完成删除",
		},
		"term.nodelost.step.force": {
			EN: "Force-delete only when you are sure the containers are no longer running (for example, the machine is powered off)",
			ZH: "只有确认容器已不再运行（例如机器已关机）时才能强制删除",
		},
		"term.nodelost.step.force-sts": {
			EN: "DANGER: %[1]s is a StatefulSet — force-deleting lets a new pod with the same identity start while the old one may still run and write (split brain, data loss). Do it only once the machine is confirmed down",
			ZH: "危险：%[1]s 是 StatefulSet——强制删除后，同名的新 Pod 会立即启动，而旧 Pod 可能仍在运行并写入数据，容易导致脑裂或数据丢失。务必先确认机器已关机再执行",
		},

		// Finalizers.
		"term.finalizer.head": {
			EN: "deletion blocked for %[2]s by finalizers %[1]s",
			ZH: "删除操作已被 finalizer %[1]s 阻塞 %[2]s",
		},
		"term.finalizer.why": {
			EN: "A pod with finalizers is removed only after the controllers responsible for them have done their cleanup and removed them. If such a controller is gone, broken or uninstalled, the pod stays Terminating forever.",
			ZH: "带有 finalizer 的 Pod，要等负责它的控制器完成清理并移除 finalizer 后才会真正删除。如果该控制器已经不存在、出了故障或被卸载，Pod 就会一直停在 Terminating。",
		},
		"term.finalizer.step.controller": {
			EN: "Find and fix the controller responsible for each finalizer; that is the safe way",
			ZH: "找到负责各个 finalizer 的控制器并修复它，这是最稳妥的做法",
		},
		"term.finalizer.step.remove": {
			EN: "Remove the finalizers by hand only if that controller is gone for good — its cleanup will then never happen",
			ZH: "只有在该控制器确实已不存在时才手动移除 finalizer——这样它的清理工作将不会再执行",
		},
		"fin.foreground": {
			EN: "foregroundDeletion: removed by the garbage collector once the pod's dependents are deleted",
			ZH: "foregroundDeletion：待 Pod 的附属对象删除后，由垃圾回收器移除",
		},
		"fin.orphan": {
			EN: "orphan: removed by the garbage collector once the dependents are orphaned",
			ZH: "orphan：垃圾回收器解除附属对象的归属关系后将其移除",
		},
		"fin.job-tracking": {
			EN: "batch.kubernetes.io/job-tracking: removed by the Job controller once it has counted the pod's outcome; it stays while kube-controller-manager is down or the Job was deleted with --cascade=orphan",
			ZH: "batch.kubernetes.io/job-tracking：Job 控制器记录该 Pod 的结果后将其移除；kube-controller-manager 停止运行或 Job 以 --cascade=orphan 删除时会一直保留",
		},
		"fin.protection": {
			EN: "storage object protection: removed by kube-controller-manager once no pod uses the claim or volume",
			ZH: "存储对象保护：没有 Pod 再使用该卷或声明后，由 kube-controller-manager 移除",
		},
		"fin.known": {
			EN: "set by %[1]s, which removes it when its own cleanup is done: check that it is installed and running",
			ZH: "由 %[1]s 添加，它完成自己的清理后会移除；请确认它已安装并在运行",
		},
		"fin.builtin": {
			EN: "built-in finalizer, removed by a Kubernetes controller (kube-controller-manager)",
			ZH: "内置 finalizer，由 Kubernetes 自带的控制器（kube-controller-manager）移除",
		},
		"fin.custom": {
			EN: "set by a third-party controller (%[1]s), which must remove it",
			ZH: "由第三方控制器（%[1]s）添加，需由它负责移除",
		},

		// Stuck past the grace period on a healthy node; still inside it.
		"term.stuck.head": {
			EN: "stuck Terminating for %[2]s on healthy node %[1]s",
			ZH: "卡在 Terminating 已 %[2]s，而所在节点 %[1]s 运行正常",
		},
		"term.stuck.why": {
			EN: "The node is up, yet the kubelet has not finished stopping the pod after its grace period: the runtime cannot kill a container (a process stuck in uninterruptible I/O, a hung NFS mount), a volume cannot be unmounted, or the kubelet is stuck on this pod. Its log on the node says which.",
			ZH: "节点正常，但宽限期过后 kubelet 仍没能停止该 Pod：可能是运行时杀不掉容器（进程处于不可中断的 I/O 等待、NFS 挂载卡住）、卷无法卸载，或者 kubelet 处理这个 Pod 时卡住了。节点上的 kubelet 日志会说明是哪一种。",
		},
		"term.slow.head": {
			EN: "shutting down within its %[1]ds grace period, %[2]s left",
			ZH: "正在优雅退出，宽限期 %[1]d 秒，还剩 %[2]s",
		},
		"term.slow.why": {
			EN: "The pod is being deleted and is still inside terminationGracePeriodSeconds: its containers got SIGTERM (after any preStop hook) and may finish their work. Nothing is wrong unless it is still here after the grace period.",
			ZH: "Pod 正在删除，仍处于 terminationGracePeriodSeconds 宽限期内：容器已收到 SIGTERM（如有 preStop 钩子则先执行钩子），可以完成收尾工作。只要宽限期过后它消失了，就没有问题。",
		},

		// Unknown fields dropped by the API server.
		"spec.unknown.head": {
			EN: "fields unknown to the API were dropped: %[1]s",
			ZH: "以下字段不被 API 识别，已被丢弃：%[1]s",
		},
		"spec.unknown.why": {
			EN: "The last applied manifest sets fields the API type does not have — usually a correct field at the wrong indentation level, such as command under the pod spec instead of under the container. The API server dropped them silently, so the pod does not do what the manifest says. Validate manifests with --validate=strict.",
			ZH: "最近一次 apply 的清单里包含 API 类型中不存在的字段——通常是字段本身没错但缩进层级错了，例如把 command 写在 Pod spec 下而不是容器下。API Server 会静默丢弃这些字段，所以 Pod 的实际行为与清单不符。请用 --validate=strict 校验清单。",
		},
		"spec.unknown.didyoumean": {
			EN: "did you mean %[1]s?",
			ZH: "是否应为 %[1]s？",
		},
		"spec.unknown.nohome": {
			EN: "no such field nearby; check the spelling against the API reference",
			ZH: "附近层级都没有这个字段，请对照 API 文档检查拼写",
		},
		"spec.unknown.step.validate": {
			EN: "Validate the manifest strictly against the server's schema",
			ZH: "按服务端的 schema 严格校验清单",
		},
		"spec.unknown.step.check": {
			EN: "Compare with what the API server actually stored",
			ZH: "对比 API Server 实际保存的内容",
		},
		"spec.unknown.step.recreate": {
			EN: "Re-create the pod from the corrected manifest, with validation on",
			ZH: "用修正后的清单、在开启校验的情况下重建 Pod",
		},

		// Static pods.
		"static.note": {
			EN: "static pod: this is a read-only mirror of a manifest file on node %[1]s",
			ZH: "静态 Pod：这只是节点 %[1]s 上清单文件的只读镜像（mirror pod）",
		},
		"static.step.edit": {
			EN: "Edit the manifest on node %[1]s (kubelet --pod-manifest-path, usually /etc/kubernetes/manifests); kubectl edits and deletes do not stick",
			ZH: "在节点 %[1]s 上修改清单文件（kubelet 的 --pod-manifest-path，通常是 /etc/kubernetes/manifests）；用 kubectl 修改或删除都不会生效",
		},
		"static.step.restart": {
			EN: "The kubelet watches that directory with inotify; if a change is not picked up, restart the kubelet",
			ZH: "kubelet 通过 inotify 监视该目录；如果修改后没有自动重建 Pod，重启 kubelet",
		},

		// Terminating: node lost known from the pod's own events.
		"term.nodelost.signal.head": {
			EN: "stuck Terminating: its node %[1]s stopped answering (%[2]s), so no kubelet confirms the deletion",
			ZH: "卡在 Terminating：所在节点 %[1]s 已失联（%[2]s），没有 kubelet 能确认删除",
		},
		"term.nodelost.signal.head-when": {
			EN: "stuck Terminating: its node %[1]s stopped answering %[3]s ago (%[2]s), so no kubelet confirms the deletion",
			ZH: "卡在 Terminating：所在节点 %[1]s 在 %[3]s 前失联（%[2]s），没有 kubelet 能确认删除",
		},
		"term.nodelost.gone.head": {
			EN: "stuck Terminating: its node %[1]s no longer exists (the API server answers nodes \"%[1]s\" not found), so no kubelet will ever confirm the deletion",
			ZH: "卡在 Terminating：所在节点 %[1]s 已不存在（API Server 返回 nodes \"%[1]s\" not found），不会再有 kubelet 来确认删除",
		},
		"term.nodelost.head-unseen": {
			EN: "stuck Terminating: node %[1]s is not healthy (Ready: %[2]s); when the deletion began is not visible in this paste",
			ZH: "卡在 Terminating：所在节点 %[1]s 状态异常（Ready：%[2]s）；此次粘贴的内容里看不到删除是何时开始的",
		},
		// Terminating: volume teardown failed.
		"term.teardown.busy.head": {
			EN: "cannot finish terminating: the kubelet cannot unmount volume %[1]s on node %[2]s because it is busy",
			ZH: "无法完成终止：kubelet 无法卸载节点 %[2]s 上的卷 %[1]s，因为它仍被占用（busy）",
		},
		"term.teardown.busy.why": {
			EN: "Before a pod can be removed the kubelet tears down its volumes, and the unmount (or the rename before it) fails with 'device or resource busy': something still holds the mount. Usually another container saw it: a pod that mounts /var/lib/kubelet or the host's root (node exporters, log collectors, some CSI or security agents) without mountPropagation: HostToContainer keeps a copy of every mount in its own mount namespace; otherwise a process on the node has a file open there. The kubelet retries; once the holder lets go, the pod goes away.",
			ZH: "删除 Pod 之前，kubelet 要先卸载它的卷，而卸载（或卸载前的重命名）报 “device or resource busy”：说明挂载点仍被占用。最常见的是被别的容器“看到”了：挂载了 /var/lib/kubelet 或主机根目录、却没有设置 mountPropagation: HostToContainer 的 Pod（节点监控 exporter、日志采集器、某些 CSI 或安全 agent），会在自己的挂载命名空间里保留一份每个挂载点的副本；否则就是节点上有进程打开了那里的文件。kubelet 会不断重试，占用方释放之后，Pod 就会消失。",
		},
		"term.teardown.head": {
			EN: "cannot finish terminating: the kubelet fails to unmount volume %[1]s on node %[2]s: %[3]s",
			ZH: "无法完成终止：kubelet 无法卸载节点 %[2]s 上的卷 %[1]s：%[3]s",
		},
		"term.teardown.why": {
			EN: "Before a pod can be removed the kubelet tears down its volumes; this one fails, so the kubelet keeps the pod. The message says why: a busy mount, a storage driver (CSI node plugin) that is not running or cannot reach its backend, or a hung network filesystem.",
			ZH: "删除 Pod 之前，kubelet 要先卸载它的卷；这个卷卸载失败，kubelet 就一直保留该 Pod。原因见报错消息：挂载点被占用、存储驱动（CSI node 插件）没有运行或连不上存储后端，或者网络文件系统卡住了。",
		},
		"term.teardown.step.holders": {
			EN: "On node %[1]s, find the processes whose mount namespace still holds the pod's volumes",
			ZH: "在节点 %[1]s 上找出挂载命名空间里仍持有该 Pod 卷的进程",
		},
		"term.teardown.step.release": {
			EN: "Restart or fix the holder: give pods that mount /var/lib/kubelet or / from the host mountPropagation: HostToContainer (or mount only what they need), then let the kubelet retry",
			ZH: "重启或修正占用方：让挂载主机 /var/lib/kubelet 或 / 的 Pod 使用 mountPropagation: HostToContainer（或只挂载真正需要的目录），然后等待 kubelet 重试",
		},
		// Terminating seen only in a get pods row.
		"term.unseen.head": {
			EN: "Terminating on node %[1]s; when the deletion began, and so whether it is stuck, is not visible in this paste",
			ZH: "在节点 %[1]s 上处于 Terminating；此次粘贴的内容里看不到删除是何时开始的，因此无法判断是否卡住",
		},
		"term.unseen.why": {
			EN: "A deleted pod first gets its grace period (30 s unless set otherwise) to stop. If it is still listed well after that, something holds it: its node is lost and no kubelet confirms the deletion, a volume cannot be unmounted, a container cannot be killed, or a finalizer waits for a controller. The pod's deletionTimestamp, node and finalizers tell which.",
			ZH: "被删除的 Pod 先有一段宽限期（默认 30 秒）来停止运行。如果在那之后很久它仍然存在，说明有东西拖住了它：所在节点失联、没有 kubelet 确认删除，某个卷无法卸载，容器杀不掉，或者 finalizer 在等待某个控制器。Pod 的 deletionTimestamp、所在节点和 finalizer 能说明是哪一种。",
		},
	})
}
