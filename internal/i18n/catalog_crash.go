package i18n

// CrashLoopBackOff, exit codes, crash signatures in logs (catalog §4), and
// running-but-not-Ready pods (catalog §10).
func init() {
	add(map[string]Text{
		"crash.unknown.head": {
			EN: "container %[1]s keeps restarting (%[2]s); its last exit was not recorded",
			ZH: "容器 %[1]s 反复重启（%[2]s），上一次退出的信息没有被记录",
		},
		// The last exit of a container seen only in events or a table row.
		"crash.unseen.head": {
			EN: "container %[1]s keeps restarting (%[2]s); how it exits is not visible in this paste",
			ZH: "容器 %[1]s 反复重启（%[2]s），此次粘贴的内容里看不到它是如何退出的",
		},
		"log.start": {
			EN: "the runtime or shell could not start the container's command",
			ZH: "运行时或 shell 无法启动容器的命令",
		},
		"crash.logonly.head": {
			EN: "container %[1]s logged a failure; its state is not visible in this paste",
			ZH: "容器 %[1]s 的日志中有错误；此次粘贴中看不到它的运行状态",
		},
		// %[1]d restarts, or a sentence that the count is not visible.
		"restarts.n": {
			EN: "%[1]d restarts",
			ZH: "已重启 %[1]d 次",
		},
		"restarts.hidden": {
			EN: "restart count not visible in this paste",
			ZH: "此次粘贴中看不到重启次数",
		},
		// OOMKilled. %[2]s is the memory limit or "<none>".
		"crash.oom.head": {
			EN: "container %[1]s OOMKilled (memory limit %[2]s), %[3]s",
			ZH: "容器 %[1]s 因内存超限被杀（OOMKilled，内存 limit：%[2]s），%[3]s",
		},
		"crash.oom.why": {
			EN: "The container used more memory than its limit and the kernel's OOM killer ended it (exit code 137). Either the limit is below the real working set — runtimes that are not container-aware, such as older JVMs, size their heap from the node's memory — or the application leaks memory.",
			ZH: "容器内存用量超过了 limit，被内核的 OOM killer 杀掉（退出码 137）。要么 limit 低于实际所需的工作集——不感知容器的运行时（例如旧版 JVM）会按节点内存来计算堆大小——要么应用存在内存泄漏。",
		},
		"crash.oom.why-nolimit": {
			EN: "The container has no memory limit, so it was killed because the node ran out of memory — it may be the victim rather than the cause. Set memory requests and limits so that the scheduler and the kubelet can account for it.",
			ZH: "容器没有设置内存 limit，是节点整体内存耗尽时被 OOM killer 选中杀掉的——它未必是罪魁祸首。请设置内存 requests 和 limits，让调度器和 kubelet 能正确计算它的内存。",
		},
		"crash.oom.step.raise": {
			EN: "Raise the memory limit",
			ZH: "调高内存 limit",
		},
		"crash.oom.step.leak": {
			EN: "Watch its memory use to tell a steady need from a leak",
			ZH: "观察其内存用量，判断是正常需求还是内存泄漏",
		},

		// Liveness / startup probe kills.
		"crash.liveness.head": {
			EN: "container %[1]s restarted by its failing liveness probe, %[3]s: %[2]s",
			ZH: "容器 %[1]s 存活探针（liveness probe）失败被重启，%[3]s：%[2]s",
		},
		"crash.liveness.why": {
			EN: "The kubelet kills and restarts a container whose liveness (or startup) probe fails failureThreshold times in a row. Either the application really hangs, or the probe is wrong: a wrong path or port, a timeoutSeconds shorter than a busy response, or too little time for a slow start (initialDelaySeconds, startupProbe).",
			ZH: "存活探针（或启动探针）连续失败 failureThreshold 次后，kubelet 会杀掉并重启容器。要么应用确实卡死了，要么探针本身有问题：路径或端口不对、timeoutSeconds 比繁忙时的响应时间还短，或者留给慢启动的时间不够（initialDelaySeconds、startupProbe）。",
		},
		"crash.liveness.step.try": {
			EN: "Run the probe by hand inside the container",
			ZH: "在容器内手动执行一次探针检查",
		},
		"crash.liveness.step.tune": {
			EN: "If the application is healthy but slow, add a startupProbe or raise timeoutSeconds/failureThreshold; do not make the liveness probe check dependencies",
			ZH: "如果应用正常只是慢，加一个 startupProbe 或调大 timeoutSeconds/failureThreshold；不要让存活探针去检查下游依赖",
		},

		// Exit codes.
		"crash.exit.head": {
			EN: "container %[1]s exits with code %[2]d (%[3]s), %[4]s",
			ZH: "容器 %[1]s 以退出码 %[2]d 退出（%[3]s），%[4]s",
		},
		"crash.exit.why": {
			EN: "CrashLoopBackOff means the container started and then exited, and the kubelet waits longer before each restart (up to 5 minutes). The exit code and the previous run's log usually say why; if not, run commands inside the container, and if that explains nothing either, read the kubelet and container runtime logs on the node.",
			ZH: "CrashLoopBackOff 说明容器曾经启动，但随后异常退出，kubelet 每次重启前的等待时间会逐渐拉长（最长 5 分钟）。退出码和上一次运行的日志通常能说明原因；如果没有线索，可以进入容器执行命令进一步排查；还是没有线索的话，就登录 Pod 所在的节点，查看 kubelet 和容器运行时的日志。",
		},
		"crash.exit.why0": {
			EN: "The process ended successfully, but with restartPolicy Always every exit is restarted, so a command that runs to completion (a script, a one-off task, a server that forks into the background) loops forever. Keep the main process in the foreground, or run one-off work as a Job.",
			ZH: "进程是正常结束的，但 restartPolicy 为 Always 时容器只要退出就会被重启，所以一个会执行完的命令（脚本、一次性任务、自己转入后台运行的服务）会无限循环重启。请让主进程保持在前台运行，一次性任务改用 Job。",
		},
		"crash.step.logs-prev": {
			EN: "Read the log of the run that failed",
			ZH: "查看失败那次运行的日志",
		},
		"crash.step.debug": {
			EN: "Start a copy of the pod that runs a shell instead of its command, and look around the container (a crashing container is not up long enough to exec into)",
			ZH: "启动一个 Pod 副本，用 shell 代替原命令，进入容器排查（崩溃中的容器存活时间太短，无法 exec 进去）",
		},
		"crash.step.node": {
			EN: "If nothing above explains it, read the kubelet and runtime logs on node %[1]s",
			ZH: "如果以上都找不到原因，登录节点 %[1]s 查看 kubelet 和容器运行时的日志",
		},

		"exit.0": {
			EN: "process exited normally — but restartPolicy Always restarts it",
			ZH: "进程正常退出——但 restartPolicy Always 会再次重启它",
		},
		"exit.1": {
			EN: "application error",
			ZH: "应用程序错误",
		},
		"exit.2": {
			EN: "bad arguments or usage — and the exit code of a Go program that panicked",
			ZH: "参数或用法错误；Go 程序 panic 退出时也是这个退出码",
		},
		"exit.126": {
			EN: "command found but not executable",
			ZH: "命令存在但无法执行",
		},
		"exit.127": {
			EN: "command not found",
			ZH: "命令不存在",
		},
		"exit.128": {
			EN: "the runtime could not start the process",
			ZH: "容器运行时无法启动进程",
		},
		"exit.134": {
			EN: "SIGABRT: aborted",
			ZH: "SIGABRT：进程自行中止（abort）",
		},
		"exit.137": {
			EN: "SIGKILL: killed — by the OOM killer, a failed liveness probe or kubectl delete",
			ZH: "SIGKILL：被强制杀死——可能是 OOM killer、存活探针失败或 kubectl delete",
		},
		"exit.139": {
			EN: "SIGSEGV: segmentation fault",
			ZH: "SIGSEGV：段错误",
		},
		"exit.143": {
			EN: "SIGTERM: asked to stop",
			ZH: "SIGTERM：收到停止请求",
		},
		"exit.255": {
			EN: "exit status out of range / fatal error",
			ZH: "退出码超出范围或发生致命错误",
		},
		"exit.app": {
			EN: "exit code defined by the application — see its documentation and log",
			ZH: "应用自定义的退出码——请查阅应用文档和日志",
		},
		"exit.signal": {
			EN: "killed by signal %[1]d",
			ZH: "被信号 %[1]d 终止",
		},

		// Crash signatures found in a log tail (evidence notes).
		"log.panic": {
			EN: "crash: panic, stack trace or fatal error",
			ZH: "程序崩溃：panic、异常堆栈或致命错误",
		},
		"log.rbac": {
			EN: "the ServiceAccount lacks an RBAC permission",
			ZH: "ServiceAccount 缺少 RBAC 权限",
		},
		"log.perm": {
			EN: "permission denied: file ownership, runAsUser or a read-only filesystem",
			ZH: "权限被拒绝：检查文件属主、runAsUser 或只读文件系统",
		},
		"log.nofile": {
			EN: "a file, path or resource it expects is missing",
			ZH: "找不到所需的文件、路径或资源",
		},
		"log.connrefused": {
			EN: "a dependency it connects to is down or unreachable",
			ZH: "所依赖的服务未启动或无法访问",
		},
		"log.config": {
			EN: "missing or invalid configuration (environment variable or config file)",
			ZH: "配置缺失或有误（环境变量或配置文件）",
		},
		"log.oom": {
			EN: "the process ran out of memory",
			ZH: "进程内存不足",
		},
		"log.execformat": {
			EN: "binary built for another CPU architecture",
			ZH: "二进制文件与节点 CPU 架构不匹配",
		},
		"log.last": {
			EN: "last line of the log (no known crash signature)",
			ZH: "日志最后一行（未匹配到已知的崩溃特征）",
		},

		// RBAC fix from a "forbidden" log line: verb, resource, namespace/serviceaccount[, namespace].
		"rbac.step.clusterrole": {
			EN: "Grant ServiceAccount %[3]s permission to %[1]s %[2]s cluster-wide — only if it really needs that",
			ZH: "为 ServiceAccount %[3]s 授予集群范围内对 %[2]s 的 %[1]s 权限（确认它确实需要后再执行）",
		},
		"rbac.step.role": {
			EN: "Grant ServiceAccount %[3]s permission to %[1]s %[2]s in namespace %[4]s",
			ZH: "为 ServiceAccount %[3]s 授予命名空间 %[4]s 中对 %[2]s 的 %[1]s 权限",
		},

		// Running but not Ready; restarting below the CrashLoopBackOff threshold.
		"ready.probe.head": {
			EN: "container %[1]s running for %[2]s but failing its readiness probe: %[3]s",
			ZH: "容器 %[1]s 已运行 %[2]s，但就绪探针（readiness probe）一直失败：%[3]s",
		},
		"ready.probe.head-unseen": {
			EN: "container %[1]s is failing its readiness probe: %[2]s",
			ZH: "容器 %[1]s 的就绪探针（readiness probe）一直失败：%[2]s",
		},
		"ready.notready.head": {
			EN: "container %[1]s running for %[2]s but not Ready",
			ZH: "容器 %[1]s 已运行 %[2]s，但一直未就绪",
		},
		"ready.probe.why": {
			EN: "A container that is not Ready is removed from every Service's endpoints, so it gets no traffic, but it is not restarted. The readiness probe fails because the application has not finished starting, a dependency it checks is down, or the probe's path, port or timeout is wrong.",
			ZH: "未就绪的容器会被移出所有 Service 的 endpoints，不再接收流量，但不会被重启。就绪探针失败的常见原因：应用还没完成启动、探针所检查的下游依赖不可用，或者探针的路径、端口、超时配置不对。",
		},
		"ready.step.logs": {
			EN: "Read the container's recent log",
			ZH: "查看容器最近的日志",
		},
		"ready.step.endpoints": {
			EN: "See which pods the Services actually send traffic to",
			ZH: "查看 Service 实际把流量转发给了哪些 Pod",
		},
		"ready.svc.some": {
			EN: "the Service still has %[1]d of %[2]d pods ready",
			ZH: "该 Service 后端仍有 %[1]d/%[2]d 个 Pod 就绪",
		},
		"ready.svc.none": {
			EN: "the Service has no ready pod (0 of %[1]d): requests to it fail",
			ZH: "该 Service 后端没有任何就绪的 Pod（0/%[1]d），访问它的请求会全部失败",
		},
		"ready.restart.head-notime": {
			EN: "container %[1]s restarts every now and then (%[2]s), the last time %[3]s, exit code %[4]d; when is not visible in this paste",
			ZH: "容器 %[1]s 时不时重启（%[2]s），最近一次为 %[3]s、退出码 %[4]d；此次粘贴中看不到发生的时间",
		},
		"ready.restart.head": {
			EN: "container %[1]s restarts every now and then (%[2]s), the last time %[3]s ago (%[4]s, exit code %[5]d)",
			ZH: "容器 %[1]s 时不时重启（%[2]s），最近一次在 %[3]s 前（%[4]s，退出码 %[5]d）",
		},
		// The same from a get pods row: RESTARTS says how often and when.
		"ready.restart.head-unseen": {
			EN: "container %[1]s restarts every now and then (%[2]s), the last time %[3]s ago; how it ended is not visible in this paste",
			ZH: "容器 %[1]s 时不时重启（%[2]s），最近一次在 %[3]s 前；此次粘贴的内容里看不到它是如何退出的",
		},
		"ready.restart.why-unseen": {
			EN: "The container comes back after each restart, so the pod looks Running, but every restart drops the work in flight. Its last exit (code, OOMKilled or a liveness kill) and the previous run's log say why.",
			ZH: "容器每次重启后都能恢复，Pod 看上去处于 Running，但每次重启都会中断正在处理的请求。上一次退出的情况（退出码、是否 OOMKilled 或被存活探针杀掉）以及上一次运行的日志会说明原因。",
		},
		"ready.restart.why": {
			EN: "The container comes back after each restart, so the pod looks Running, but every restart drops the work in flight. Last exit: %[1]s.",
			ZH: "容器每次重启后都能恢复，Pod 看上去处于 Running，但每次重启都会中断正在处理的请求。上次退出原因：%[1]s。",
		},

		// A program that rejects its command line.
		"log.flag": {
			EN: "the program rejected a command-line flag and printed its usage",
			ZH: "程序不接受某个命令行参数，打印了用法说明后退出",
		},
		"crash.flag.head": {
			EN: "container %[1]s exits at start: its program does not accept the flag %[2]s (%[3]s)",
			ZH: "容器 %[1]s 启动即退出：其程序不接受命令行参数 %[2]s（%[3]s）",
		},
		"crash.flag.why": {
			EN: "The program parses its command line first and exits with a usage message when it meets a flag it does not define, so every restart fails the same way. The args (or command) in the manifest — or those an operator or Helm chart generates — pass a flag this version of the binary does not know: usually the manifest and the image are of different versions, or the flag was renamed or removed. Remove or rename the flag, or use the image version that has it.",
			ZH: "程序启动时先解析命令行，遇到未定义的参数就打印用法说明并退出，所以每次重启都以同样的方式失败。清单中的 args（或 command）——或者由 Operator、Helm chart 生成的参数——传入了这个版本的程序不认识的参数：通常是清单与镜像版本不一致，或者该参数已被改名、删除。请删除或改正该参数，或者换用支持它的镜像版本。",
		},
		"crash.flag.step.args": {
			EN: "See the args the container is started with and remove or rename %[1]s (in the workload, or in the operator or chart that generates it)",
			ZH: "查看容器启动时的参数，删除或改正 %[1]s（在负载中修改，或在生成它的 Operator、chart 中修改）",
		},
		// Exit 0 under restartPolicy Always.
		"crash.exit0.step.job": {
			EN: "If the command is meant to finish (a script, a migration, a one-off task), run it as a Job (restartPolicy OnFailure or Never) instead of in a Deployment or a bare pod with restartPolicy Always",
			ZH: "如果这个命令本来就会执行完（脚本、数据迁移、一次性任务），请改用 Job 运行（restartPolicy 为 OnFailure 或 Never），不要放在 Deployment 或 restartPolicy 为 Always 的 Pod 里",
		},
		"crash.exit0.step.foreground": {
			EN: "If it is a server, keep its process in the foreground as the container's main process: no daemon mode (nginx -g 'daemon off;', no & or nohup in a start script; exec the server last)",
			ZH: "如果它是一个服务，要让服务进程作为容器的主进程在前台运行：不要使用守护进程模式（如 nginx -g 'daemon off;'，启动脚本里不要用 & 或 nohup，最后用 exec 启动服务）",
		},
		// A probe that found nothing listening.
		"crash.liveness.step.refused": {
			EN: "Nothing accepted the probe's connection on port %[1]s: list the ports the application really listens on and make the probe's port match (an app bound to 127.0.0.1 cannot be probed either)",
			ZH: "探针在端口 %[1]s 上连接被拒绝：列出应用实际监听的端口，让探针端口与之一致（只监听 127.0.0.1 的应用同样无法被探测到）",
		},
	})
}
