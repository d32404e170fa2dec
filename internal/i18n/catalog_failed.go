package i18n

// Error / Failed pods and refused pod creation (catalog §5).
func init() {
	add(map[string]Text{
		// Evicted. %[2]s is the resource (memory, ephemeral-storage, …) or
		// the node condition (DiskPressure, …).
		"failed.evicted.head": {
			EN: "evicted by node %[1]s (resource pressure: %[2]s)",
			ZH: "被节点 %[1]s 驱逐（资源压力：%[2]s）",
		},
		"failed.evicted.why": {
			EN: "When a node runs low on memory, disk or process IDs, the kubelet evicts pods, starting with those using the most above their requests. An evicted pod is not restarted in place: its controller creates a replacement, and the Failed pod is kept for inspection. Requests close to real usage keep a pod from being first in line.",
			ZH: "节点内存、磁盘或 PID 不足时，kubelet 会驱逐 Pod，优先驱逐实际用量超出 requests 最多的那些。被驱逐的 Pod 不会原地重启：控制器会创建替代的 Pod，而这个 Failed 状态的 Pod 会保留下来供排查。把 requests 设置得接近实际用量，Pod 就不会排在驱逐队列的最前面。",
		},
		"failed.evicted.container.why": {
			EN: "Container %[1]s wrote more to its writable layer, logs and emptyDir volumes than its ephemeral-storage limit (%[2]s) allows, so the kubelet evicted the pod. This is the container's own limit, not a shortage on the node.",
			ZH: "容器 %[1]s 写入可写层、日志和 emptyDir 卷的数据超过了它的 ephemeral-storage limit（%[2]s），所以 kubelet 驱逐了该 Pod。这是容器自身的限制，不是节点资源不足。",
		},
		"failed.evicted.pod.why": {
			EN: "The pod's containers together used more ephemeral storage (writable layers, logs, emptyDir volumes) than the sum of their ephemeral-storage limits (%[1]s), so the kubelet evicted it. This is the pod's own limit, not a shortage on the node.",
			ZH: "该 Pod 的容器合计使用的临时存储（可写层、日志、emptyDir 卷）超过了它们 ephemeral-storage limit 的总和（%[1]s），所以 kubelet 驱逐了它。这是 Pod 自身的限制，不是节点资源不足。",
		},
		"failed.evicted.emptydir.why": {
			EN: "The emptyDir volume %[1]s grew past its sizeLimit (%[2]s), so the kubelet evicted the pod.",
			ZH: "emptyDir 卷 %[1]s 超过了它的 sizeLimit（%[2]s），所以 kubelet 驱逐了该 Pod。",
		},
		"failed.evicted.step.storage-limit": {
			EN: "Raise the ephemeral-storage limit of container %[1]s",
			ZH: "调高容器 %[1]s 的 ephemeral-storage limit",
		},
		"failed.evicted.step.writes": {
			EN: "Or write less to local disk: send logs to stdout at a lower volume, put caches and scratch files on a volume with its own size",
			ZH: "或者减少本地磁盘写入：降低输出到 stdout 的日志量，把缓存和临时文件放到有独立容量的卷上",
		},
		"failed.evicted.step.sizelimit": {
			EN: "Raise the sizeLimit of emptyDir %[1]s, or have the app clean it up",
			ZH: "调高 emptyDir %[1]s 的 sizeLimit，或让应用自行清理",
		},
		"failed.evicted.step.requests-of": {
			EN: "Set %[1]s requests to what the containers really use: the kubelet evicts first the pods using most above their requests",
			ZH: "把 %[1]s 的 requests 设为容器的实际用量：kubelet 会优先驱逐实际用量超出 requests 最多的 Pod",
		},
		"failed.evicted.usage": {
			EN: "container %[1]s used more %[2]s than it requested",
			ZH: "容器 %[1]s 使用的 %[2]s 超过了它的 requests",
		},
		"failed.evicted.step.disk": {
			EN: "On %[1]s, see what fills the disk and remove unused images",
			ZH: "在 %[1]s 上查看磁盘被什么占满，并清理未使用的镜像",
		},
		"failed.evicted.step.node": {
			EN: "See the node's pressure conditions and what runs on it",
			ZH: "查看节点的资源压力状态及其上运行的负载",
		},
		"failed.evicted.step.cleanup": {
			EN: "Failed pods are only kept for inspection; delete them once the cause is understood",
			ZH: "Failed 状态的 Pod 只是留作排查，查清原因后即可删除",
		},

		// activeDeadlineSeconds. %[1]s is the number of seconds.
		"failed.deadline.head": {
			EN: "stopped after activeDeadlineSeconds (%[1]ss)",
			ZH: "运行超过 activeDeadlineSeconds（%[1]s 秒）后被终止",
		},
		"failed.deadline.why": {
			EN: "spec.activeDeadlineSeconds caps how long the pod may run; when the time is up the kubelet kills it, whatever it is doing. Raise the deadline if the work legitimately takes longer, or find out why it slowed down.",
			ZH: "spec.activeDeadlineSeconds 限制了 Pod 的最长运行时间，时间一到，无论正在做什么，kubelet 都会终止它。如果任务本来就需要更久，调大这个期限；否则查清它为什么变慢了。",
		},

		// Rejected by the kubelet at admission.
		"failed.rejected.head": {
			EN: "rejected by the kubelet on node %[1]s: %[2]s",
			ZH: "被节点 %[1]s 上的 kubelet 拒绝：%[2]s",
		},
		"failed.rejected.why-res": {
			EN: "The kubelet admits a pod only if its requests fit: %[1]s requested %[2]s, already used %[3]s, capacity %[4]s. The scheduler thought it fitted — usually because a pod was bound with nodeName, bypassing the scheduler, or raced with static pods.",
			ZH: "kubelet 只接纳 requests 放得下的 Pod：%[1]s 请求 %[2]s，已用 %[3]s，容量 %[4]s。调度器当时认为放得下——通常是因为有 Pod 通过 nodeName 直接绑定到节点、绕过了调度器，或者与静态 Pod 发生了竞争。",
		},
		"failed.rejected.why-affinity": {
			EN: "The kubelet re-checks node affinity and selectors at admission and refused the pod — typically because the node's labels changed after scheduling, or the pod was bound with nodeName to a node that does not match.",
			ZH: "kubelet 在接纳 Pod 时会重新检查节点亲和性和选择器，并拒绝了它——通常是调度之后节点标签发生了变化，或者 Pod 通过 nodeName 直接绑定到了不匹配的节点。",
		},
		"failed.rejected.why-shutdown": {
			EN: "The node was shutting down and the kubelet's graceful node shutdown terminated the pod. Its controller re-creates it elsewhere; nothing to fix unless it keeps happening.",
			ZH: "节点正在关机，kubelet 的节点优雅关机（graceful node shutdown）终止了该 Pod。控制器会在其他节点上重建它；除非反复发生，否则无需处理。",
		},
		"failed.rejected.why": {
			EN: "The kubelet refused to run the pod at admission (device plugin, topology manager, sysctls or a node condition); the reason and message name the check that failed.",
			ZH: "kubelet 在准入阶段拒绝运行该 Pod（设备插件、拓扑管理器、sysctl 或节点状态等检查未通过），具体见 reason 和 message。",
		},

		// Containers failed and will not be restarted.
		"failed.exit.head": {
			EN: "container %[1]s failed with exit code %[2]d (%[3]s)",
			ZH: "容器 %[1]s 以退出码 %[2]d 失败（%[3]s）",
		},
		"failed.exit.why": {
			EN: "The container exited with an error and the pod's restartPolicy does not restart it, so the pod ended Failed. Its log says why.",
			ZH: "容器异常退出，而 Pod 的 restartPolicy 不会重启它，所以 Pod 最终处于 Failed 状态。原因请看容器日志。",
		},
		"failed.other.head": {
			EN: "pod failed: %[1]s",
			ZH: "Pod 运行失败：%[1]s",
		},
		"failed.other.why": {
			EN: "The pod is in phase Failed, but no container reports a non-zero exit code. Read the pod's status message and events.",
			ZH: "Pod 处于 Failed 阶段，但没有容器报告非零退出码。请查看 Pod 的状态信息和事件。",
		},

		// FailedCreate: quota.
		"create.quota.head": {
			EN: "ResourceQuota %[1]s exceeded: requested %[2]s, used %[3]s, limit %[4]s",
			ZH: "超出 ResourceQuota %[1]s：请求 %[2]s，已用 %[3]s，上限 %[4]s",
		},
		"create.quota.why": {
			EN: "The namespace's ResourceQuota caps the total requests and limits (or object counts); admitting this pod would exceed it, so the controller cannot create the pod and keeps retrying. Pods still Terminating hold quota too.",
			ZH: "命名空间的 ResourceQuota 限制了 requests/limits 的总量（或对象数量），创建该 Pod 会超出配额，所以控制器无法创建，只能不断重试。仍处于 Terminating 的 Pod 同样占用配额。",
		},
		"create.quota.spec.head": {
			EN: "ResourceQuota %[1]s requires every pod to set %[2]s",
			ZH: "ResourceQuota %[1]s 要求每个 Pod 都必须设置 %[2]s",
		},
		"create.quota.spec.why": {
			EN: "When a quota limits requests.cpu, limits.memory and the like, every pod in the namespace must declare those values or the API server rejects it. Set them in the pod template, or add a LimitRange that supplies defaults.",
			ZH: "当配额限制了 requests.cpu、limits.memory 等资源时，该命名空间中的每个 Pod 都必须声明对应的值，否则 API Server 会拒绝创建。请在 Pod 模板中设置，或者添加一个提供默认值的 LimitRange。",
		},
		"create.quota.step.describe": {
			EN: "See the quota's usage and limits",
			ZH: "查看配额的用量和上限",
		},
		"create.quota.step.raise": {
			EN: "Raise the quota if the namespace really needs more",
			ZH: "如果命名空间确实需要更多资源，调高配额",
		},
		"create.quota.step.free": {
			EN: "Or free quota: scale down or delete other workloads in the namespace, or lower their requests",
			ZH: "或者释放配额：缩容或删除该命名空间中的其他负载，或调低它们的 requests",
		},

		// FailedCreate: LimitRange.
		"create.limitrange.head": {
			EN: "LimitRange violated: %[1]s",
			ZH: "违反 LimitRange 限制：%[1]s",
		},
		"create.limitrange.why": {
			EN: "A LimitRange in the namespace sets the minimum and maximum requests and limits per container or pod (and fills in defaults). The pod template asks for something outside that range, so the API server rejects every pod.",
			ZH: "命名空间中的 LimitRange 规定了每个容器或 Pod 的 requests/limits 上下限（并会填充默认值）。Pod 模板申请的资源超出了这个范围，所以 API Server 会拒绝创建每一个 Pod。",
		},
		"create.limitrange.step.get": {
			EN: "See the namespace's LimitRange",
			ZH: "查看命名空间的 LimitRange",
		},
		"create.limitrange.step.set": {
			EN: "Bring the containers' requests and limits within the range",
			ZH: "把容器的 requests 和 limits 调整到允许的范围内",
		},

		// FailedCreate: Pod Security admission. %[1]s is the level, e.g. restricted:latest.
		"create.psa.head": {
			EN: "violates Pod Security level %[1]s (%[2]d violations)",
			ZH: "违反 Pod Security 级别 %[1]s（%[2]d 项不符合）",
		},
		"create.psa.why": {
			EN: "The namespace enforces a Pod Security Standard (label pod-security.kubernetes.io/enforce) and the pod template fails its checks, so every pod is rejected. This replaces PodSecurityPolicy, which is gone since Kubernetes 1.25. Fix each field listed, or, if the workload really needs the privilege, run it in a namespace with a lower level.",
			ZH: "该命名空间通过 pod-security.kubernetes.io/enforce 标签强制执行 Pod 安全标准（Pod Security Standards），而 Pod 模板没有通过检查，所以每个 Pod 都会被拒绝。PodSecurityPolicy 自 Kubernetes 1.25 起已被移除，取代它的就是这套机制。请逐项修正列出的字段；如果负载确实需要这些权限，把它放到级别更低的命名空间中运行。",
		},
		"create.psa.step.fix": {
			EN: "Change the fields each violation names in the pod template — restricted usually needs runAsNonRoot: true, allowPrivilegeEscalation: false, capabilities drop [ALL] and seccompProfile RuntimeDefault",
			ZH: "按违规项逐一修改 Pod 模板中的字段——restricted 级别通常需要：runAsNonRoot: true、allowPrivilegeEscalation: false、capabilities drop [ALL]、seccompProfile 设为 RuntimeDefault",
		},
		"create.psa.step.check": {
			EN: "See which running pods would violate that level (server-side dry run, changes nothing)",
			ZH: "查看现有 Pod 中有哪些违反该级别（服务端 dry-run，不做任何修改）",
		},

		// FailedCreate: webhook.
		"create.webhook.head": {
			EN: "admission webhook %[1]s denied the pod: %[2]s",
			ZH: "准入 webhook %[1]s 拒绝了 Pod：%[2]s",
		},
		"create.webhook.call.head": {
			EN: "the API server could not call admission webhook %[1]s, so pods are not created: %[2]s",
			ZH: "API Server 无法调用准入 webhook %[1]s，因此 Pod 无法创建：%[2]s",
		},
		"create.webhook.why": {
			EN: "A validating or mutating admission webhook (a policy engine such as Kyverno or Gatekeeper, or an operator) rejected the pod; its message names the rule. If the message says the webhook could not be called, the webhook's own service is down, and with failurePolicy Fail it blocks every pod it matches.",
			ZH: "某个验证型或变更型准入 webhook（例如 Kyverno、Gatekeeper 等策略引擎，或某个 operator）拒绝了该 Pod，具体规则见其消息。如果消息是无法调用 webhook，说明 webhook 自身的服务挂了，在 failurePolicy 为 Fail 时它会拦下所有匹配的 Pod。",
		},
		"create.webhook.step": {
			EN: "Find the webhook's configuration and the service behind it",
			ZH: "找到该 webhook 的配置及其后端服务",
		},

		// FailedCreate: ServiceAccount.
		"create.sa.head": {
			EN: "ServiceAccount %[1]s does not exist",
			ZH: "ServiceAccount %[1]s 不存在",
		},
		"create.sa.why": {
			EN: "The pod template names a serviceAccountName that does not exist in the namespace, so the API server rejects every pod. The ServiceAccount usually comes from the same chart or manifest as the workload and was skipped or deleted.",
			ZH: "Pod 模板中的 serviceAccountName 在该命名空间中不存在，API Server 因此拒绝创建每一个 Pod。ServiceAccount 通常和负载来自同一个 chart 或清单，可能是漏建了或被删除了。",
		},
		"create.sa.step": {
			EN: "Create the ServiceAccount (and the RoleBindings it needs)",
			ZH: "创建该 ServiceAccount（以及它需要的 RoleBinding）",
		},

		// FailedCreate: anything else.
		"create.other.head": {
			EN: "pods cannot be created: %[1]s",
			ZH: "无法创建 Pod：%[1]s",
		},
		"create.other.why": {
			EN: "The API server refused the controller's request to create a pod. The message names the admission plugin or validation that failed; a namespace being deleted refuses all new pods.",
			ZH: "API Server 拒绝了控制器创建 Pod 的请求。消息中指出了未通过的准入插件或校验；正在删除的命名空间会拒绝所有新 Pod。",
		},
		"create.other.step": {
			EN: "Read the controller's events",
			ZH: "查看控制器的事件",
		},

		// PodSecurity with the containers the violations name.
		"create.psa.head-containers": {
			EN: "violates Pod Security level %[1]s in container %[3]s (%[2]d violations)",
			ZH: "容器 %[3]s 违反 Pod Security 级别 %[1]s（%[2]d 项不符合）",
		},

		// A failed pod seen only as a STATUS word.
		"failed.evicted.head-unseen": {
			EN: "evicted by node %[1]s; which resource ran short is not visible in this paste",
			ZH: "被节点 %[1]s 驱逐；此次粘贴的内容里看不到是哪种资源不足",
		},
		"failed.deadline.head-unseen": {
			EN: "stopped after its activeDeadlineSeconds (the value is not visible in this paste)",
			ZH: "超过 activeDeadlineSeconds 后被停止（此次粘贴的内容里看不到具体数值）",
		},
		"failed.exit.head-unseen": {
			EN: "container %[1]s failed (%[2]s); its exit code is not visible in this paste",
			ZH: "容器 %[1]s 运行失败（%[2]s）；此次粘贴的内容里看不到退出码",
		},
		"failed.other.head-unseen": {
			EN: "pod failed; why is not visible in this paste",
			ZH: "Pod 运行失败；此次粘贴的内容里看不到原因",
		},
	})
}
