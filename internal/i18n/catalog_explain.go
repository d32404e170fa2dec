package i18n

// Texts of "podwhy explain STATE": what each pod state means, one cause
// per line with how to check it.
func init() {
	add(map[string]Text{
		"explain.pending.meaning": {
			EN: "Pending: the Pod object is stored, but no node has been chosen for it yet (or its containers are not created yet). Almost always the scheduler cannot place it; kubectl describe pod shows why in the FailedScheduling event.",
			ZH: "Pending：Pod 已经提交并保存在 etcd 中，但还没有被调度到节点上（或容器还没创建）。绝大多数情况是调度失败，kubectl describe pod 的 FailedScheduling 事件会说明原因。",
		},
		"explain.pending.causes": {
			EN: "• Not enough CPU, memory, GPU or ephemeral storage on any node (requests, not usage, count) — check: kubectl describe nodes | grep -A8 'Allocated resources'\n• hostPort already taken on every node — check: kubectl get pods -A -o wide | grep <node>; prefer a Service to hostPort\n• Taints the pod does not tolerate — check: kubectl describe nodes | grep Taints\n• nodeSelector / node affinity, pod (anti-)affinity or topology spread that no node satisfies — check: kubectl get nodes --show-labels\n• PersistentVolumeClaim unbound, missing, or its StorageClass missing — check: kubectl get pvc; kubectl describe pvc <claim>\n• All nodes cordoned, or no nodes — check: kubectl get nodes\n• No scheduler: kube-scheduler down, or schedulerName names one that does not exist — check: kubectl -n kube-system get pods -l component=kube-scheduler",
			ZH: "• 所有节点的 CPU、内存、GPU 或临时存储都不够（按 requests 计算，不是实际用量）— 检查：kubectl describe nodes | grep -A8 'Allocated resources'\n• 每个节点上 hostPort 都已被占用 — 检查：kubectl get pods -A -o wide | grep <节点>；对外暴露端口建议用 Service 而不是 hostPort\n• Pod 没有容忍节点上的污点 — 检查：kubectl describe nodes | grep Taints\n• nodeSelector/节点亲和性、Pod 亲和/反亲和或拓扑分布约束没有节点能满足 — 检查：kubectl get nodes --show-labels\n• PVC 未绑定、不存在，或其 StorageClass 不存在 — 检查：kubectl get pvc；kubectl describe pvc <名称>\n• 节点全部被 cordon，或集群没有节点 — 检查：kubectl get nodes\n• 没有调度器：kube-scheduler 未运行，或 schedulerName 指向不存在的调度器 — 检查：kubectl -n kube-system get pods -l component=kube-scheduler",
		},
		"explain.containercreating.meaning": {
			EN: "ContainerCreating / Waiting: the pod is on a node and the kubelet is preparing it — pulling images, mounting volumes, setting up the network sandbox. Stuck here means one of those steps fails or hangs; the pod's events say which.",
			ZH: "ContainerCreating / Waiting：Pod 已调度到节点，kubelet 正在准备：拉取镜像、挂载卷、创建网络沙箱。一直停在这里说明其中某一步失败或卡住，Pod 的事件会说明是哪一步。",
		},
		"explain.containercreating.causes": {
			EN: "• Image pull failing or slow (wrong name, private registry without a pull secret, foreign registry unreachable, huge image) — check: kubectl describe pod <pod>; crictl pull <image> on the node; for slow pulls the kubelet's --image-pull-progress-deadline and --runtime-request-timeout\n• CNI network error: plugin missing or not configured, or the node's IP range exhausted (FailedCreatePodSandBox) — check: ls /etc/cni/net.d /opt/cni/bin on the node; the CNI pods in kube-system\n• A ConfigMap, Secret or PVC volume that does not exist, or a volume still attached elsewhere (FailedMount, Multi-Attach) — check: kubectl get events --field-selector involvedObject.name=<pod>\n• Sandbox creation failing with input/output error: a failing disk on the node — check: dmesg and journalctl -u kubelet on the node; cordon and drain it",
			ZH: "• 镜像拉取失败或很慢（镜像名写错、私有仓库没配拉取 Secret、拉取不了国外镜像源、镜像太大）— 检查：kubectl describe pod <pod>；在节点上 crictl pull <镜像>；镜像太大导致超时可调整 kubelet 的 --image-pull-progress-deadline 和 --runtime-request-timeout\n• CNI 网络错误：插件缺失或未配置、节点 IP 地址池耗尽（FailedCreatePodSandBox）— 检查：节点上 ls /etc/cni/net.d /opt/cni/bin；kube-system 中的 CNI Pod\n• 引用的 ConfigMap、Secret 或 PVC 不存在，或卷仍挂在别的节点上（FailedMount、Multi-Attach）— 检查：kubectl get events --field-selector involvedObject.name=<pod>\n• 创建沙箱报 input/output error：节点磁盘坏道 — 检查：节点上的 dmesg 和 journalctl -u kubelet；先 cordon 再 drain 该节点",
		},
		"explain.imagepullbackoff.meaning": {
			EN: "ImagePullBackOff / ErrImagePull: the kubelet cannot pull the container image and waits longer between attempts. The Failed event holds the registry's or runtime's answer.",
			ZH: "ImagePullBackOff / ErrImagePull：kubelet 拉取不到容器镜像，重试间隔越来越长。Failed 事件里有镜像仓库或容器运行时返回的具体错误。",
		},
		"explain.imagepullbackoff.causes": {
			EN: "• Wrong image name or tag (not found, manifest unknown) — check: crane ls <registry>/<repo>, or docker pull / crictl pull the exact reference\n• Private registry: no pull secret, wrong credentials, or a secret for another host (401, denied) — check: kubectl get secret <name> -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | jq -r '.auths | keys[]'; create one with kubectl create secret docker-registry <name> --docker-server=<host> --docker-username=<user> --docker-password=<password> and reference it in imagePullSecrets\n• Registry unreachable from the node (dial tcp, no such host, i/o timeout), often gcr.io, registry.k8s.io or docker.io from restricted networks — check: curl https://<registry>/v2/ from the node; use a mirror\n• TLS problem (x509, HTTP response to HTTPS client) — check: the registry CA on the node's runtime\n• Rate limit (toomanyrequests) — authenticate or use a mirror\n• imagePullPolicy Never without the image on the node, or an invalid reference (upper case) — check: the pod spec",
			ZH: "• 镜像名或标签写错（not found、manifest unknown）— 检查：crane ls <仓库>/<镜像>，或 docker pull / crictl pull 完整的镜像地址\n• 私有仓库：没有拉取 Secret、凭据错误，或 Secret 中是别的仓库地址（401、denied）— 检查：kubectl get secret <名称> -o jsonpath='{.data.\\.dockerconfigjson}' | base64 -d | jq -r '.auths | keys[]'；用 kubectl create secret docker-registry <名称> --docker-server=<地址> --docker-username=<用户> --docker-password=<密码> 创建，并在 imagePullSecrets 中引用\n• 节点访问不到镜像仓库（dial tcp、no such host、i/o timeout），常见于拉取不了国外镜像源（gcr.io、registry.k8s.io、docker.io）— 检查：在节点上 curl https://<仓库>/v2/；改用镜像加速器或国内镜像源\n• TLS 问题（x509、HTTP response to HTTPS client）— 检查：节点容器运行时是否信任该仓库的 CA\n• 限流（toomanyrequests）— 登录后拉取或使用镜像源\n• imagePullPolicy 为 Never 但节点上没有该镜像，或镜像地址不合法（含大写字母）— 检查：Pod 的配置",
		},
		"explain.crashloopbackoff.meaning": {
			EN: "CrashLoopBackOff: the container started, then exited, and the kubelet restarts it with a growing delay (up to 5 minutes). The exit code and the previous instance's log usually say why.",
			ZH: "CrashLoopBackOff：容器曾经启动过，但随后异常退出，kubelet 以越来越长的间隔（最长 5 分钟）重启它。退出码和上一次运行的日志通常能说明原因。",
		},
		"explain.crashloopbackoff.causes": {
			EN: "• The process fails: bad config, a dependency it cannot reach, a panic — check: kubectl logs <pod> -c <container> --previous\n• OOMKilled (exit 137): above its memory limit — check: kubectl describe pod <pod> | grep -A5 'Last State'; raise the limit or fix the leak\n• Liveness probe failing, so the kubelet kills it — check: the Unhealthy events and the probe's path, port and initialDelaySeconds\n• Exit 0 under restartPolicy Always: the command finishes (a one-off task, or a server that daemonizes) — keep the process in the foreground, or use a Job\n• Wrong command or arguments, or the wrong image — check: kubectl get pod <pod> -o yaml; run a shell: kubectl exec <pod> -- sh or kubectl debug\n• Nothing in the logs: read the kubelet and runtime logs on the node (journalctl -u kubelet; crictl ps -a)",
			ZH: "• 进程本身出错：配置错误、依赖的服务连不上、panic — 检查：kubectl logs <pod> -c <容器> --previous\n• OOMKilled（退出码 137）：内存超过 limit — 检查：kubectl describe pod <pod> | grep -A5 'Last State'；调大 limit 或修复内存泄漏\n• 存活探针（liveness）失败，kubelet 杀掉了容器 — 检查：Unhealthy 事件以及探针的路径、端口和 initialDelaySeconds\n• restartPolicy 为 Always 时以退出码 0 退出：命令执行完就结束了（一次性任务，或自己转入后台的服务）— 让进程保持在前台，一次性任务改用 Job\n• 启动命令或参数写错、镜像用错 — 检查：kubectl get pod <pod> -o yaml；进入容器排查：kubectl exec <pod> -- sh 或 kubectl debug\n• 日志里什么都没有：登录节点查看 kubelet 和容器运行时的日志（journalctl -u kubelet；crictl ps -a）",
		},
		"explain.createcontainerconfigerror.meaning": {
			EN: "CreateContainerConfigError / RunContainerError: the kubelet cannot build the container's configuration, or the runtime cannot start its process. The waiting message names what is wrong.",
			ZH: "CreateContainerConfigError / RunContainerError：kubelet 无法生成容器的配置，或容器运行时无法启动进程。等待状态的 message 会指出具体问题。",
		},
		"explain.createcontainerconfigerror.causes": {
			EN: "• A ConfigMap or Secret used in env/envFrom does not exist, or lacks the key — check: kubectl get configmap <name> -o jsonpath='{.data}' | jq 'keys'\n• runAsNonRoot but the image runs as root — set runAsUser or use an image with a non-root USER\n• The command does not exist in the image (executable file not found, exit 128) or is not executable (permission denied, exec format error: built for another CPU) — check: crictl inspecti <image> on the node; kubectl debug",
			ZH: "• env/envFrom 引用的 ConfigMap 或 Secret 不存在，或缺少对应的键 — 检查：kubectl get configmap <名称> -o jsonpath='{.data}' | jq 'keys'\n• 设置了 runAsNonRoot，但镜像以 root 运行 — 设置 runAsUser，或使用以非 root USER 运行的镜像\n• 启动命令在镜像中不存在（executable file not found，退出码 128）或不可执行（permission denied；exec format error：为其他 CPU 架构构建）— 检查：在节点上 crictl inspecti <镜像>；kubectl debug",
		},
		"explain.error.meaning": {
			EN: "Error / Failed: the pod could not start or stopped for good — or, with no pod at all, its controller could not create one (FailedCreate on the ReplicaSet, StatefulSet, DaemonSet or Job).",
			ZH: "Error / Failed：Pod 启动过程中出错或已经永久停止；如果连 Pod 都没有，则是控制器无法创建 Pod（ReplicaSet、StatefulSet、DaemonSet 或 Job 上的 FailedCreate 事件）。",
		},
		"explain.error.causes": {
			EN: "• A ConfigMap, Secret or PV it depends on does not exist — check: kubectl describe pod <pod>\n• The request exceeds a limit set by the administrator: ResourceQuota (exceeded quota) or LimitRange (maximum … per Container) — check: kubectl describe quota,limitrange -n <ns>\n• A security policy refuses it: Pod Security admission (violates PodSecurity \"restricted\"), an admission webhook (PodSecurityPolicy is gone since 1.25) — check: kubectl describe rs,sts,ds,job -n <ns> | grep FailedCreate\n• The ServiceAccount does not exist, or lacks RBAC for what the app does (forbidden: User \"system:serviceaccount:…\" cannot …) — bind a Role that grants exactly that\n• Evicted (node low on memory or disk) or rejected by the kubelet (OutOfcpu) — check: kubectl describe node <node>\n• Job past backoffLimit or activeDeadlineSeconds — check: kubectl describe job <job>; kubectl logs of its failed pods",
			ZH: "• 依赖的 ConfigMap、Secret 或 PV 不存在 — 检查：kubectl describe pod <pod>\n• 请求的资源超过管理员设置的限制：ResourceQuota（exceeded quota）或 LimitRange（maximum … per Container）— 检查：kubectl describe quota,limitrange -n <命名空间>\n• 违反集群的安全策略：Pod Security 准入（violates PodSecurity \"restricted\"）或准入 Webhook（PodSecurityPolicy 自 1.25 起已移除）— 检查：kubectl describe rs,sts,ds,job -n <命名空间> | grep FailedCreate\n• ServiceAccount 不存在，或开启 RBAC 后缺少权限（forbidden: User \"system:serviceaccount:…\" cannot …）— 为 ServiceAccount 绑定恰好授予该权限的 Role\n• 被驱逐（节点内存或磁盘不足）或被 kubelet 拒绝（OutOfcpu）— 检查：kubectl describe node <节点>\n• Job 超过 backoffLimit 或 activeDeadlineSeconds — 检查：kubectl describe job <job>；查看失败 Pod 的 kubectl logs",
		},
		"explain.terminating.meaning": {
			EN: "Terminating: the pod was deleted and waits for its kubelet to confirm the containers stopped, or for a finalizer to be removed. Since v1.5 Kubernetes does not delete pods just because their node is lost.",
			ZH: "Terminating：Pod 已被删除，正在等待 kubelet 确认容器已停止，或等待 finalizer 被移除。从 v1.5 开始，Kubernetes 不会因为节点失联而直接删除其上的 Pod。",
		},
		"explain.terminating.causes": {
			EN: "• Its node is lost (NotReady/Unknown) — three ways out: delete the Node if the machine is gone (kubectl delete node <node>), bring the node back so its kubelet finishes the deletion, or force delete (kubectl delete pod <pod> --grace-period=0 --force) only when the machine is known to be down; for StatefulSet pods force deletion risks split brain and data loss\n• A finalizer nobody removes — check: kubectl get pod <pod> -o jsonpath='{.metadata.finalizers}'; fix or remove the controller that owns it\n• Still inside its grace period, a preStop hook running — wait",
			ZH: "• 所在节点失联（NotReady/Unknown）— 有三种处理方式：如果机器已经不在了，从集群中删除该 Node（kubectl delete node <节点>）；让节点恢复，kubelet 会完成删除；或强制删除（kubectl delete pod <pod> --grace-period=0 --force），但只有在明确知道机器已关机时才这样做，特别是 StatefulSet 管理的 Pod，强制删除容易导致脑裂或数据丢失\n• 有 finalizer 一直没有被移除 — 检查：kubectl get pod <pod> -o jsonpath='{.metadata.finalizers}'；修复或移除负责它的控制器\n• 仍在优雅终止期内，preStop 钩子还在执行 — 稍等即可",
		},
		"explain.unknown.meaning": {
			EN: "Unknown: the pod's state cannot be reported because its node's kubelet stopped talking to the API server — usually the node is down or the network between node and control plane is broken.",
			ZH: "Unknown：Pod 的状态无法被 kubelet 持续汇报给 kube-apiserver，很可能是节点宕机，或节点与控制平面（Master 与 kubelet）之间的通信出了问题。",
		},
		"explain.unknown.causes": {
			EN: "• The node is down, or kubelet stopped — check: kubectl describe node <node> (Ready Unknown, 'Kubelet stopped posting node status.'); systemctl status kubelet on the node\n• Network between node and API server broken — check: from the node, curl -k https://<apiserver>:6443/healthz; the node's Lease: kubectl -n kube-node-lease get lease <node>\n• Node NotReady with its reason: container runtime down, PLEG not healthy, network plugin not ready — check: the Ready condition's message\n• Once the node is gone for good, the pods go Terminating: see podwhy explain Terminating",
			ZH: "• 节点宕机或 kubelet 停止运行 — 检查：kubectl describe node <节点>（Ready 为 Unknown，'Kubelet stopped posting node status.'）；节点上 systemctl status kubelet\n• 节点与 API Server 之间网络不通 — 检查：在节点上 curl -k https://<apiserver>:6443/healthz；节点的 Lease：kubectl -n kube-node-lease get lease <节点>\n• 节点 NotReady 及其原因：容器运行时宕机、PLEG 不健康、网络插件未就绪 — 检查：Ready 状态的 message\n• 节点确认永久失联后，Pod 会进入 Terminating：参见 podwhy explain Terminating",
		},
		"explain.notready.meaning": {
			EN: "Running but not Ready: the containers run, but the readiness probe fails (or a container keeps restarting), so the pod gets no Service traffic.",
			ZH: "Running 但未就绪：容器在运行，但就绪探针（readiness）失败或容器反复重启，所以 Pod 收不到 Service 的流量。",
		},
		"explain.notready.causes": {
			EN: "• Readiness probe failing: wrong path or port, the app still starting, a dependency down — check: the Unhealthy events; kubectl exec <pod> -- wget -qO- http://127.0.0.1:<port><path>\n• A Service left with no ready endpoints — check: kubectl get endpointslices -n <ns>\n• Restarts below the CrashLoopBackOff threshold — check: kubectl logs <pod> --previous",
			ZH: "• 就绪探针失败：路径或端口不对、应用仍在启动、依赖服务不可用 — 检查：Unhealthy 事件；kubectl exec <pod> -- wget -qO- http://127.0.0.1:<端口><路径>\n• Service 没有任何就绪的后端 — 检查：kubectl get endpointslices -n <命名空间>\n• 容器重启次数还没达到 CrashLoopBackOff 的阈值 — 检查：kubectl logs <pod> --previous",
		},
		"explain.unknown": {
			EN: "%[1]q is neither a pod state podwhy knows (%[2]s) nor an event or status message it recognizes",
			ZH: "%[1]q 既不是 podwhy 认识的 Pod 状态（%[2]s），也不是它能识别的事件或状态消息",
		},
		"explain.causes-title": {EN: "Common causes and how to check each:", ZH: "常见原因及检查方法："},
		"explain.catalog":      {EN: "Every failure class and reason code, and what podwhy checks for each: %[1]s", ZH: "所有故障类别和原因代码，以及 podwhy 对每一项检查什么：%[1]s"},
	})
}
