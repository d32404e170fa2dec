package i18n

// Pending: the scheduler has not placed the pod (catalog §1), and the
// built-in taints that keep pods off nodes.
func init() {
	add(map[string]Text{
		// No nodes at all / unknown scheduler message.
		"pending.group.step": {
			EN: "The other %[1]d node(s) (%[2]s) need a different change: %[3]s",
			ZH: "另外 %[1]d 个节点（%[2]s）需要另一种改动：%[3]s",
		},
		"pending.group.resources": {
			EN: "free %[1]s on them, or lower the pod's %[1]s requests",
			ZH: "释放这些节点上的 %[1]s，或调低 Pod 的 %[1]s requests",
		},
		"pending.group.hostport": {
			EN: "the host port is taken there; drop hostPort or move the pod that holds it",
			ZH: "这些节点上的主机端口已被占用；去掉 hostPort 或迁走占用端口的 Pod",
		},
		"pending.group.taint": {
			EN: "they are reserved by taint %[1]s; tolerate it only if the pod belongs there",
			ZH: "它们被污点 %[1]s 保留；仅当 Pod 确实应运行在那里时才添加容忍",
		},
		"pending.group.selector": {
			EN: "their labels do not match the pod's nodeSelector or node affinity; compare them (kubectl get nodes --show-labels) and fix whichever is wrong",
			ZH: "它们的标签与 Pod 的 nodeSelector 或节点亲和性不匹配；对比两者（kubectl get nodes --show-labels），改正错误的一方",
		},
		"pending.group.podaffinity": {
			EN: "they do not run the pods the pod's pod-affinity asks to be next to",
			ZH: "这些节点上没有 Pod 亲和性要求与之同处的 Pod",
		},
		"pending.group.volume": {
			EN: "the pod's volume cannot be used there (its zone or node); see the volume's node affinity",
			ZH: "Pod 的卷不能在那里使用（所在可用区或节点不符）；查看该卷的节点亲和性",
		},
		"pending.group.cordoned": {
			EN: "they are cordoned; uncordon them once their maintenance is over",
			ZH: "它们已被 cordon；维护结束后执行 uncordon",
		},
		"pending.nonodes.head": {
			EN: "no nodes available to schedule pods",
			ZH: "集群中没有可供调度的节点",
		},
		"pending.nonodes.why": {
			EN: "The scheduler sees no Node at all: no node has registered with the cluster, or every node was filtered out before scheduling began. Check that the kubelets are running and have registered with the API server.",
			ZH: "调度器一个 Node 都看不到：集群里还没有节点注册，或者所有节点在调度开始前就被过滤掉了。请确认各节点的 kubelet 正在运行，并已成功注册到 API Server。",
		},
		"pending.nonodes.listed": {
			EN: "the list of nodes is empty",
			ZH: "节点列表为空",
		},
		"pending.other.head": {
			EN: "the scheduler cannot place the pod: %[1]s",
			ZH: "调度器无法调度该 Pod：%[1]s",
		},
		"pending.other.why": {
			EN: "The scheduler's message does not match a known cause. Read it together with the pod's events: it counts, per reason, the nodes that failed each check.",
			ZH: "调度器给出的消息不属于已知的原因类型。请结合 Pod 的事件阅读：消息会按原因统计每项检查未通过的节点数。",
		},
		"pending.preempt.none": {
			EN: "preemption cannot help: no node would fit the pod even after evicting lower-priority pods",
			ZH: "抢占也无济于事：即使驱逐低优先级的 Pod，也没有节点放得下它",
		},
		"pending.preempt.some": {
			EN: "preemption is not ruled out on every node: with a higher priorityClassName the scheduler might evict lower-priority pods to make room",
			ZH: "并非所有节点都排除了抢占的可能：提高 priorityClassName 后，调度器或许能驱逐低优先级 Pod 腾出空间",
		},

		// Insufficient resources.
		"pending.res.head": {
			EN: "requests %[2]s %[1]s, but the most free on any node is %[3]s (%[4]s)",
			ZH: "请求 %[2]s %[1]s，但空闲最多的节点 %[4]s 也只有 %[3]s",
		},
		"pending.res.head-unknown": {
			EN: "no node has enough free %[1]s for the pod's requests",
			ZH: "没有任何节点有足够的空闲 %[1]s 满足该 Pod 的 requests",
		},
		"pending.res.head-nonodes": {
			EN: "requests %[2]s %[1]s, more than any node has free",
			ZH: "请求 %[2]s %[1]s，超出了所有节点的空闲量",
		},
		"pending.res.head-noready": {
			EN: "requests %[2]s %[1]s, and no node is both Ready and schedulable",
			ZH: "请求 %[2]s %[1]s，但没有既 Ready 又可调度的节点",
		},
		"pending.res.closest": {
			EN: "free %[1]s on the closest nodes: %[2]s",
			ZH: "最接近的几个节点上的空闲 %[1]s：%[2]s",
		},
		"pending.res.why": {
			EN: "The scheduler counts requests, not actual usage: a node fits only if its allocatable minus the requests of the pods already on it covers this pod's requests. Lower the requests, free capacity by scaling down or removing other workloads, or add nodes.",
			ZH: "调度器只看 requests，不看实际用量：节点的 allocatable 减去其上已有 Pod 的 requests，必须能容纳该 Pod 的 requests 才能调度上去。可以调低 requests、缩容或清理其他负载腾出资源，或者扩容节点。",
		},
		"pending.res.step.top": {
			EN: "See how much each node has already allocated",
			ZH: "查看各节点已分配的资源",
		},
		"pending.res.step.lower": {
			EN: "Lower the %[1]s request if the workload does not need that much",
			ZH: "如果负载实际用不了这么多，调低 %[1]s 的 requests",
		},
		"pending.res.step.nodes": {
			EN: "Or add nodes (or a pool of larger nodes), or scale down other workloads",
			ZH: "或者扩容节点（或增加更大规格的节点池），或者缩容其他负载",
		},

		// hostPort.
		"pending.hostport.head": {
			EN: "hostPort %[1]s is already taken on the nodes",
			ZH: "hostPort %[1]s 在节点上已被占用",
		},
		"pending.hostport.holders": {
			EN: "pods already holding the port (namespace/pod@node(port))",
			ZH: "已占用该端口的 Pod（格式为 namespace/pod@node(port)）",
		},
		"pending.hostport.why": {
			EN: "A hostPort can be bound by only one pod per node, so a workload with hostPort runs at most one replica per node and clashes with anything else using that port. Unless the pod really must listen on the node's address, drop hostPort and expose the port through a Service.",
			ZH: "同一节点上的同一个 hostPort 只能被一个 Pod 占用，所以使用 hostPort 的负载每个节点最多跑一个副本，还会和其他占用该端口的 Pod 冲突。除非确实需要监听节点地址，否则建议去掉 hostPort，改用 Service 对外暴露端口。",
		},
		"pending.hostport.step.find": {
			EN: "Find the pods that hold the port on a node",
			ZH: "找出某个节点上占用该端口的 Pod",
		},
		"pending.hostport.step.service": {
			EN: "Remove hostPort from the pod template and publish the port with a Service (NodePort or LoadBalancer if it must be reachable from outside the cluster)",
			ZH: "从 Pod 模板中去掉 hostPort，改用 Service 暴露端口（需要从集群外访问时用 NodePort 或 LoadBalancer）",
		},

		// Taints.
		"pending.taint.head-unnamed": {
			EN: "nodes carry taints the pod does not tolerate (the scheduler's message does not name them)",
			ZH: "节点带有 Pod 不容忍的污点（调度器的消息没有说明是哪些污点）",
		},
		"pending.taint.head": {
			EN: "nodes carry taints the pod does not tolerate: %[1]s",
			ZH: "节点带有 Pod 不容忍的污点：%[1]s",
		},
		"pending.taint.nodes": {
			EN: "nodes carrying each taint",
			ZH: "带有各污点的节点",
		},
		"pending.taint.why": {
			EN: "A NoSchedule or NoExecute taint keeps off every pod without a matching toleration. Taints that Kubernetes sets itself (not-ready, unreachable, the pressure taints, unschedulable) report a node problem to fix; other taints reserve nodes for particular workloads and are tolerated on purpose.",
			ZH: "NoSchedule 或 NoExecute 污点会把所有没有对应容忍（toleration）的 Pod 挡在节点之外。Kubernetes 自动添加的污点（not-ready、unreachable、各类 pressure、unschedulable）说明节点本身有问题，应当修复节点；其他污点通常用于为特定负载预留节点，只有确实该运行在那里的负载才应添加容忍。",
		},
		"pending.taint.step.tolerate": {
			EN: "If this workload is meant to run on nodes tainted %[1]s, add this toleration to the pod template",
			ZH: "如果该负载本来就应运行在带有污点 %[1]s 的节点上，在 Pod 模板中加入以下容忍",
		},
		"taint.not-ready": {
			EN: "node.kubernetes.io/not-ready is set by the node controller while the node's Ready condition is False; fix the node (kubelet, container runtime, CNI) instead of tolerating the taint",
			ZH: "node.kubernetes.io/not-ready 由节点控制器在节点 Ready 为 False 时自动添加；应修复节点（kubelet、容器运行时、CNI），而不是为它添加容忍",
		},
		"taint.unreachable": {
			EN: "node.kubernetes.io/unreachable is set by the node controller when the kubelet stops reporting (Ready Unknown); bring the node or its network back instead of tolerating the taint",
			ZH: "node.kubernetes.io/unreachable 由节点控制器在 kubelet 停止上报状态（Ready 为 Unknown）时自动添加；应恢复节点或其网络，而不是为它添加容忍",
		},
		"taint.disk-pressure": {
			EN: "node.kubernetes.io/disk-pressure is set by the kubelet when the node's root or image filesystem runs low; free disk space (unused images, container logs, emptyDir data) instead of tolerating the taint",
			ZH: "node.kubernetes.io/disk-pressure 由 kubelet 在节点根文件系统或镜像文件系统空间不足时添加；应清理磁盘（无用镜像、容器日志、emptyDir 数据），而不是为它添加容忍",
		},
		"taint.memory-pressure": {
			EN: "node.kubernetes.io/memory-pressure is set by the kubelet when the node's available memory falls below the eviction threshold; reduce the memory load on that node or add capacity instead of tolerating the taint",
			ZH: "node.kubernetes.io/memory-pressure 由 kubelet 在节点可用内存低于驱逐阈值时添加；应降低该节点的内存负载或扩容，而不是为它添加容忍",
		},
		"taint.pid-pressure": {
			EN: "node.kubernetes.io/pid-pressure is set by the kubelet when the node is running out of process IDs; find the pod that spawns too many processes (and set a pod PID limit) instead of tolerating the taint",
			ZH: "node.kubernetes.io/pid-pressure 由 kubelet 在节点进程号（PID）即将耗尽时添加；应找出创建了过多进程的 Pod（并设置 Pod 的 PID 上限），而不是为它添加容忍",
		},
		"taint.network-unavailable": {
			EN: "node.kubernetes.io/network-unavailable stays until the CNI plugin or the cloud route controller has configured the node's pod network; fix the network on that node instead of tolerating the taint",
			ZH: "node.kubernetes.io/network-unavailable 会一直保留，直到 CNI 插件或云厂商的路由控制器配置好节点的 Pod 网络；应修复该节点的网络，而不是为它添加容忍",
		},
		"taint.unschedulable": {
			EN: "node.kubernetes.io/unschedulable means the node was cordoned (kubectl cordon or drain); uncordon it once maintenance is done instead of tolerating the taint",
			ZH: "node.kubernetes.io/unschedulable 表示节点已被 cordon（kubectl cordon 或 drain）；维护完成后应执行 uncordon，而不是为它添加容忍",
		},
		"taint.control-plane": {
			EN: "node-role.kubernetes.io/control-plane keeps ordinary workloads off control-plane nodes; run the workload on worker nodes (add workers if there are none) and tolerate this taint only for components that belong on the control plane",
			ZH: "node-role.kubernetes.io/control-plane 用于阻止普通负载调度到控制平面节点；应让负载运行在工作节点上（没有工作节点就先加），只有确实属于控制平面的组件才应容忍这个污点",
		},
		"taint.uninitialized": {
			EN: "node.cloudprovider.kubernetes.io/uninitialized is removed by the cloud-controller-manager once it has initialised the node; if it stays, check that the cloud-controller-manager is running and can reach the cloud API",
			ZH: "node.cloudprovider.kubernetes.io/uninitialized 会在 cloud-controller-manager 完成节点初始化后被移除；如果一直存在，请检查 cloud-controller-manager 是否在运行、能否访问云厂商 API",
		},

		// Node affinity, selectors, pod (anti-)affinity, topology spread.
		"pending.affinity.head": {
			EN: "no node matches the node selector/affinity %[1]s",
			ZH: "没有节点满足 nodeSelector/节点亲和性 %[1]s",
		},
		"pending.affinity.head-other": {
			EN: "no node satisfies the scheduling constraint: %[1]s",
			ZH: "没有节点满足调度约束：%[1]s",
		},
		"pending.affinity.nolabel": {
			EN: "none of the %[2]d nodes has label %[1]s",
			ZH: "%[2]d 个节点中没有任何一个带有标签 %[1]s",
		},
		"pending.affinity.labels": {
			EN: "values of that label on the nodes (number of nodes)",
			ZH: "节点上该标签的取值（节点数）",
		},
		"pending.affinity.why": {
			EN: "The pod may only go to nodes whose labels match its nodeSelector and required node affinity, and that satisfy its pod (anti-)affinity and topology spread constraints. The usual causes are a typo in a label, a label that was never put on the nodes, or anti-affinity or spread rules asking for more replicas than there are nodes or zones.",
			ZH: "Pod 只能调度到标签满足其 nodeSelector 和 required 节点亲和性、并且满足 Pod（反）亲和性和拓扑分布约束的节点上。常见原因：标签写错、节点上从未打过该标签，或者反亲和性/拓扑分布规则要求的副本数多于节点或可用区的数量。",
		},
		"pending.affinity.step.labels": {
			EN: "Compare with the labels the nodes actually have",
			ZH: "对照节点上实际存在的标签",
		},
		"pending.affinity.step.label": {
			EN: "If the selector is right, label the node that should run the workload",
			ZH: "如果选择器本身没错，给应运行该负载的节点打上标签",
		},

		// Volumes.
		"pending.vol.missing.head": {
			EN: "PersistentVolumeClaim %[1]s does not exist",
			ZH: "PersistentVolumeClaim %[1]s 不存在",
		},
		"pending.vol.missing.why": {
			EN: "The pod refers to a PersistentVolumeClaim that is not in its namespace, so the scheduler will not place it. Create the claim or fix claimName; a StatefulSet's claims come from volumeClaimTemplates and are named <template>-<pod>.",
			ZH: "Pod 引用的 PersistentVolumeClaim 在其命名空间中不存在，调度器因此不会调度它。请创建该 PVC 或修正 claimName；StatefulSet 的 PVC 由 volumeClaimTemplates 生成，命名规则为 <模板名>-<Pod 名>。",
		},
		"pending.vol.head": {
			EN: "PersistentVolumeClaim %[1]s is not bound, or its volume cannot be used from any node",
			ZH: "PVC %[1]s 未绑定，或其卷无法在任何节点上使用",
		},
		"pending.vol.why": {
			EN: "The scheduler needs every claim of the pod bound to a volume the chosen node can reach. A claim stays Pending when its StorageClass does not exist, its provisioner is not running or is failing (see the claim's events), no static PV matches its size and access mode, or the volume lives in a zone with no node that fits.",
			ZH: "调度器要求 Pod 的每个 PVC 都已绑定到目标节点能访问的卷上。PVC 一直 Pending 的常见原因：StorageClass 不存在、存储插件（provisioner）没有运行或报错（看 PVC 的事件）、没有容量和访问模式都匹配的静态 PV，或者卷所在的可用区里没有合适的节点。",
		},
		"pending.vol.nodefault.head": {
			EN: "PersistentVolumeClaim %[1]s names no StorageClass and the cluster has no default one",
			ZH: "PVC %[1]s 没有指定 StorageClass，而集群也没有默认 StorageClass",
		},
		"pending.vol.nosc.head": {
			EN: "PersistentVolumeClaim %[1]s uses StorageClass %[2]s, which does not exist",
			ZH: "PVC %[1]s 使用的 StorageClass %[2]s 不存在",
		},
		"pending.claim.head": {
			EN: "PersistentVolumeClaim %[1]s is Pending: the pods that use it cannot be scheduled until it is bound",
			ZH: "PVC %[1]s 处于 Pending 状态：在它绑定之前，使用它的 Pod 都无法被调度",
		},
		"pending.claim.noclass.head": {
			EN: "PersistentVolumeClaim %[1]s is Pending with no storage class: no default StorageClass provisioned it and no PersistentVolume matches it",
			ZH: "PVC %[1]s 处于 Pending 状态且没有 storage class：既没有默认 StorageClass 为它创建卷，也没有匹配的 PersistentVolume",
		},
		"pending.claim.step.pods": {
			EN: "Find the pods waiting for the claim",
			ZH: "找出等待这个 PVC 的 Pod",
		},
		"pending.vol.step.get": {
			EN: "List the claims in the namespace",
			ZH: "列出命名空间中的 PVC",
		},
		"pending.vol.step.sts": {
			EN: "StatefulSet %[1]s creates its claims from volumeClaimTemplates: check that the template names match the volumeMounts; if a claim was deleted and is not re-created, delete the pending pod so the controller re-creates it with its claim",
			ZH: "StatefulSet %[1]s 的 PVC 由 volumeClaimTemplates 生成：检查模板名与 volumeMounts 是否一致；如果 PVC 被误删且没有自动重建，删除这个 Pending 的 Pod，控制器会连同 PVC 一起重建",
		},
		"pending.vol.step.sc": {
			EN: "List the StorageClasses that exist (the default one is marked)",
			ZH: "列出现有的 StorageClass（默认的会标注 (default)）",
		},
		"pending.vol.step.provisioner": {
			EN: "Check that the provisioner %[1]s is running and read its logs",
			ZH: "确认存储插件 %[1]s 正在运行，并查看其日志",
		},
		"pending.vol.step.describe": {
			EN: "Read the claims' events for the provisioner's error",
			ZH: "查看 PVC 的事件，找出存储插件报告的错误",
		},

		// Cordoned nodes.
		"pending.cordon.head": {
			EN: "%[1]d node(s) cordoned (spec.unschedulable) and taking no new pods",
			ZH: "%[1]d 个节点已被 cordon（spec.unschedulable），不接受新 Pod",
		},
		"pending.cordon.head-selected": {
			EN: "where the pod's node selector lets it go, the nodes are cordoned: %[1]d node(s) cordoned, and the other %[2]d do not match the selector",
			ZH: "Pod 的 nodeSelector 允许的节点已被 cordon（%[1]d 个被 cordon；其余 %[2]d 个节点不满足 nodeSelector）",
		},
		"pending.selected.note": {
			EN: "the pod's node selector or affinity rules out %[1]d node(s) on purpose: the reason above is what stops it on the nodes it may use",
			ZH: "Pod 的 nodeSelector 或节点亲和性有意排除了 %[1]d 个节点：上面的原因才是它在允许的节点上被挡住的原因",
		},
		"pending.cordon.nodes": {
			EN: "cordoned nodes",
			ZH: "已被 cordon 的节点",
		},
		"pending.cordon.why": {
			EN: "A cordoned node (kubectl cordon or drain) takes no new pods. Usually maintenance was never finished with an uncordon, or a node upgrade or autoscaler is draining nodes.",
			ZH: "被 cordon 的节点（kubectl cordon 或 drain）不再接受新 Pod。通常是节点维护结束后忘了 uncordon，或者节点升级、自动伸缩正在排空节点。",
		},
		"pending.cordon.step.uncordon": {
			EN: "Once maintenance is over, make the node schedulable again",
			ZH: "维护结束后，恢复节点的可调度状态",
		},

		// Not scheduled at all.
		"pending.nosched.head": {
			EN: "not scheduled, and no scheduling attempt was recorded",
			ZH: "Pod 未被调度，也没有任何调度失败的记录",
		},
		"pending.nosched.why": {
			EN: "When the default scheduler cannot place a pod it always records a FailedScheduling event. There is none, so the scheduler is not running (on kubeadm clusters it is a static pod in kube-system), has lost its leader election, or cannot reach the API server.",
			ZH: "默认调度器调度失败时一定会产生 FailedScheduling 事件；这里一个都没有，说明调度器没有运行（kubeadm 集群中它是 kube-system 下的静态 Pod）、没能拿到 leader 选举，或者连不上 API Server。",
		},
		"pending.nosched.step.check": {
			EN: "Check that kube-scheduler is running",
			ZH: "确认 kube-scheduler 正在运行",
		},
		"pending.nosched.step.logs": {
			EN: "Read the scheduler's log",
			ZH: "查看调度器日志",
		},
		"pending.nosched.custom.head": {
			EN: "scheduler %[1]s has not picked up the pod",
			ZH: "调度器 %[1]s 一直没有处理该 Pod",
		},
		"pending.nosched.custom.why-none": {
			EN: "The pod sets schedulerName %[1]s, and no pod in the cluster was ever placed by a scheduler of that name: it is not installed, not running, or the name is misspelt. Only that scheduler will place this pod; the default scheduler ignores it.",
			ZH: "Pod 指定了 schedulerName: %[1]s，而集群中没有任何 Pod 是由该调度器调度的：它可能没有安装、没有运行，或者名字拼错了。这个 Pod 只会由该调度器调度，默认调度器不会理会它。",
		},
		"pending.nosched.custom.why-some": {
			EN: "The pod sets schedulerName %[1]s. %[2]d other pods using it were placed, so it has worked before; it is probably down now, or does not watch this pod (namespace or label filters).",
			ZH: "Pod 指定了 schedulerName: %[1]s。已有 %[2]d 个使用该调度器的 Pod 被成功调度，说明它之前能正常工作；现在很可能已停止运行，或者因为命名空间、标签过滤而不处理这个 Pod。",
		},
		"pending.nosched.step.find": {
			EN: "Find the scheduler's pods",
			ZH: "找到该调度器的 Pod",
		},
		"pending.nosched.step.default": {
			EN: "If no such scheduler should exist, remove schedulerName from the pod template so default-scheduler takes the pod",
			ZH: "如果本就不该使用自定义调度器，从 Pod 模板中删除 schedulerName，交给 default-scheduler 调度",
		},

		// Scheduling gates.
		"pending.gated.head": {
			EN: "held back by scheduling gates %[1]s",
			ZH: "被调度门控（schedulingGates）%[1]s 挡住，尚未进入调度",
		},
		"pending.gated.why": {
			EN: "The scheduler ignores a pod until every entry of spec.schedulingGates is removed. Gates are added by whatever created the pod (a queueing system such as Kueue, or a webhook) and removed by the same controller when it admits the pod; find out why it has not.",
			ZH: "在 spec.schedulingGates 的所有门控被移除之前，调度器不会处理该 Pod。门控由创建 Pod 的一方添加（例如 Kueue 等排队系统或某个 webhook），并在其放行 Pod 时由同一个控制器移除；需要查清它为什么迟迟没有放行。",
		},
		"pending.gated.step": {
			EN: "See which gates remain",
			ZH: "查看还剩哪些门控",
		},

		// Resources, when the pod's requests are not in the input.
		"pending.res.head-hidden": {
			EN: "no node has enough free %[1]s for the pod's requests (most free: %[2]s on %[3]s); the requests themselves are not visible in this paste",
			ZH: "没有节点有足够的空闲 %[1]s 满足该 Pod 的 requests（空闲最多的是节点 %[3]s，还有 %[2]s）；此次粘贴的内容里看不到 requests 本身",
		},

		// Volume tied to a zone or node that cannot take the pod.
		"pending.vol.zone.head": {
			EN: "the volume of claim %[1]s is tied to a zone (or node) where no node can take the pod (volume node affinity conflict)",
			ZH: "PVC %[1]s 的卷绑定在某个可用区（或节点）上，而那里没有能容纳该 Pod 的节点（volume node affinity conflict）",
		},
		"pending.vol.zone.head-unnamed": {
			EN: "the pod's persistent volume is tied to a zone (or node) where no node can take the pod (volume node affinity conflict)",
			ZH: "Pod 的持久卷绑定在某个可用区（或节点）上，而那里没有能容纳该 Pod 的节点（volume node affinity conflict）",
		},
		"pending.vol.zone.head-res": {
			EN: "the volume of claim %[1]s is tied to a zone (or node) whose nodes lack free %[2]s; the nodes with room are elsewhere (volume node affinity conflict)",
			ZH: "PVC %[1]s 的卷绑定在某个可用区（或节点）上，那里的节点空闲 %[2]s 不足；有空闲资源的节点都在别处（volume node affinity conflict）",
		},
		"pending.vol.zone.head-res-unnamed": {
			EN: "the pod's persistent volume is tied to a zone (or node) whose nodes lack free %[1]s; the nodes with room are elsewhere (volume node affinity conflict)",
			ZH: "Pod 的持久卷绑定在某个可用区（或节点）上，那里的节点空闲 %[1]s 不足；有空闲资源的节点都在别处（volume node affinity conflict）",
		},
		"pending.vol.zone.short": {
			EN: "%[1]d node(s) had room but are outside the volume's zone; the shortages are on the other nodes",
			ZH: "有 %[1]d 个节点资源足够，但不在卷所在的可用区；资源不足的是其余节点",
		},
		"pending.vol.zone.why": {
			EN: "A bound PersistentVolume carries a node affinity — for a cloud disk, its zone; for a local volume, its node — and the pod can only run where the volume can be attached. The scheduler checks resources before volumes, so the nodes reported with a volume node affinity conflict had room but are in the wrong zone, while the nodes in the volume's zone are short of capacity or excluded otherwise. Adding nodes elsewhere does not help (the cluster autoscaler says so with NotTriggerScaleUp): free or add capacity in the volume's zone, give the autoscaler a node group there, or, if the data can be recreated, delete the claim so it is provisioned again where there is room. A StorageClass with volumeBindingMode: WaitForFirstConsumer makes new volumes follow the pod.",
			ZH: "已绑定的 PersistentVolume 带有节点亲和性——云盘是它所在的可用区，本地卷是它所在的节点——Pod 只能运行在能挂载该卷的节点上。调度器先检查资源、后检查卷，所以报 volume node affinity conflict 的节点其实资源足够，只是不在卷所在的可用区；而卷所在可用区的节点要么资源不足，要么因其他原因被排除。在别的可用区加节点无济于事（集群自动扩缩容会用 NotTriggerScaleUp 事件说明这一点）：请在卷所在的可用区腾出或增加容量、为自动扩缩容配置该可用区的节点组；如果数据可以重建，也可以删除 PVC，让它在有容量的地方重新创建。StorageClass 设置 volumeBindingMode: WaitForFirstConsumer 后，新卷会跟随 Pod 所在的位置创建。",
		},
		"pending.vol.zone.step.pv": {
			EN: "See the zone (or node) the claim's volume is tied to",
			ZH: "查看 PVC 对应的卷绑定在哪个可用区（或节点）",
		},
		"pending.vol.zone.step.nodes": {
			EN: "See the nodes of each zone",
			ZH: "查看每个可用区有哪些节点",
		},
		"pending.vol.zone.step.fix": {
			EN: "Free or add capacity in that zone (an autoscaler node group there), or recreate the claim where nodes have room if its data can be rebuilt",
			ZH: "在该可用区腾出或增加容量（为自动扩缩容配置该可用区的节点组）；如果数据可以重建，也可以在有容量的地方重新创建 PVC",
		},

		// Pending, with the scheduler's reason not in the paste.
		"pending.unseen.head": {
			EN: "not placed on a node yet; why is not visible in this paste",
			ZH: "Pod 尚未被调度到节点上；此次粘贴的内容里看不到原因",
		},
		"pending.unseen.why": {
			EN: "While the scheduler cannot place a pod it records a FailedScheduling event and sets the PodScheduled condition, both with a message that counts, per reason, the nodes that failed each check (resources, taints, node selectors, volumes). Neither is in the paste. Only if the pod has no such event at all is the scheduler itself at fault (not running, or the pod names another scheduler).",
			ZH: "调度器无法调度 Pod 时，会记录 FailedScheduling 事件并设置 PodScheduled 状态条件，消息中按原因统计了未通过各项检查（资源、污点、nodeSelector、存储卷）的节点数。这两者都不在贴出的内容里。只有当 Pod 完全没有这类事件时，才是调度器本身的问题（没有运行，或 Pod 指定了其他调度器）。",
		},
		"pending.unseen.step": {
			EN: "Read the pod's events: the FailedScheduling message says what stops it",
			ZH: "查看 Pod 的事件：FailedScheduling 的消息会说明是什么阻止了调度",
		},

		// What a pasted pod does not show.
		"pending.hostport.head-unseen": {
			EN: "the host port the pod asks for is already taken on the nodes (which port is not visible in this paste)",
			ZH: "Pod 申请的 hostPort 在各节点上都已被占用（此次粘贴的内容里看不到是哪个端口）",
		},
		"pending.affinity.head-unseen": {
			EN: "no node matches the pod's node selector or node affinity (the selector itself is not visible in this paste)",
			ZH: "没有节点满足 Pod 的 nodeSelector 或节点亲和性（此次粘贴的内容里看不到选择条件本身）",
		},
		"pending.vol.head-unnamed": {
			EN: "a PersistentVolumeClaim of the pod is not bound, or its volume cannot be used from any node (the claim's name is not visible in this paste)",
			ZH: "Pod 的某个 PVC 未绑定，或其卷无法在任何节点上使用（此次粘贴的内容里看不到 PVC 的名字）",
		},
	})
}
