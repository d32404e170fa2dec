package i18n

// Crashes named from the container's own log (internal/crashlog), and the
// cause chains they lead to: %[1]s is the container, %[2]s what the line
// names (host:port, variable, path, port…), %[3]s the restart count.
func init() {
	add(map[string]Text{
		"log.sig": {
			EN: "crash signature %[1]s",
			ZH: "崩溃特征 %[1]s",
		},
		"crash.unchecked.logs": {
			EN: "the container's log was not in the input; what it printed last usually names the cause: kubectl logs %[1]s -c %[2]s --previous (or run podwhy with --logs)",
			ZH: "输入中没有容器日志；它最后打印的内容通常就点明了原因：kubectl logs %[1]s -c %[2]s --previous（或使用 --logs 运行 podwhy）",
		},
		"sig.kind.refused":     {EN: "connection refused", ZH: "连接被拒绝"},
		"sig.kind.nohost":      {EN: "name not found", ZH: "域名无法解析"},
		"sig.kind.timeout":     {EN: "timed out", ZH: "连接超时"},
		"sig.kind.unreachable": {EN: "no route", ZH: "网络不可达"},

		"sig.dependency.head": {
			EN: "container %[1]s cannot reach %[2]s (%[3]s), %[4]s",
			ZH: "容器 %[1]s 无法连接 %[2]s（%[3]s），%[4]s",
		},
		"sig.dependency.head.link": {
			EN: "container %[1]s cannot reach %[2]s (%[3]s), %[4]s: %[5]s",
			ZH: "容器 %[1]s 无法连接 %[2]s（%[3]s），%[4]s：%[5]s",
		},
		"sig.dependency.why.refused": {
			EN: "The program exits because a service it needs at start-up refused the connection: nothing was listening there. In a cluster that usually means the Service has no ready pods behind it (kube-proxy rejects connections to a Service without endpoints), or the port is not the one the server listens on. The crash is an effect: fix what is behind the Service, and make the program retry instead of exiting.",
			ZH: "程序启动时需要的服务拒绝了连接：那里没有进程在监听。在集群里，这通常意味着 Service 后面没有就绪的 Pod（kube-proxy 会拒绝发往无 endpoint 的 Service 的连接），或端口不是服务实际监听的端口。崩溃只是结果：先修好 Service 后面的东西，并让程序重试而不是直接退出。",
		},
		"sig.dependency.why.nohost": {
			EN: "The program exits because the name of a service it needs does not resolve. Cluster DNS answers only for Services that exist: NAME in the pod's own namespace, NAME.NAMESPACE for another one. A name that does not resolve is a Service that does not exist (yet), a typo, or a Service in another namespace addressed without its namespace.",
			ZH: "程序启动时需要的服务域名无法解析。集群 DNS 只解析已存在的 Service：同一命名空间用 NAME，其他命名空间用 NAME.NAMESPACE。无法解析说明 Service 不存在（或尚未创建）、名字写错，或访问其他命名空间的 Service 时没有带上命名空间。",
		},
		"sig.dependency.why.timeout": {
			EN: "The program exits because a connection to a service it needs timed out: packets got no answer at all. Inside a cluster that points at a NetworkPolicy dropping the traffic, a Service whose pods do not answer, or an address outside the cluster that egress cannot reach.",
			ZH: "程序连接所需服务时超时：数据包完全没有回应。在集群内，这通常是 NetworkPolicy 丢弃了流量、Service 后面的 Pod 没有响应，或集群外的地址无法通过出口访问。",
		},
		"sig.dependency.why.unreachable": {
			EN: "The program exits because there is no route to a service it needs: the network layer refused the address before any server saw it. Check that the address is a Service or pod of this cluster and that the node's network (CNI, kube-proxy) is healthy.",
			ZH: "程序所需服务的地址没有路由：还没到达任何服务端就被网络层拒绝。请确认该地址是本集群的 Service 或 Pod，并检查节点网络（CNI、kube-proxy）是否正常。",
		},
		"sig.dependency.link.port": {
			EN: "Service %[1]s has no port %[2]s (ports: %[3]s)",
			ZH: "Service %[1]s 没有端口 %[2]s（端口：%[3]s）",
		},
		"sig.dependency.link.noselector": {
			EN: "Service %[1]s has no selector and no endpoints",
			ZH: "Service %[1]s 没有 selector，也没有 endpoint",
		},
		"sig.dependency.link.nopods": {
			EN: "Service %[1]s selects no pods (%[2]s)",
			ZH: "Service %[1]s 的 selector（%[2]s）没有选中任何 Pod",
		},
		"sig.dependency.link.noready": {
			EN: "Service %[1]s has 0 ready endpoints (%[2]s)",
			ZH: "Service %[1]s 没有就绪的 endpoint（%[2]s）",
		},
		"sig.dependency.link.ready": {
			EN: "Service %[1]s has %[2]d ready endpoints now",
			ZH: "Service %[1]s 现在有 %[2]d 个就绪的 endpoint",
		},
		"sig.dependency.link.pod": {
			EN: "the address is pod %[1]s, which is %[2]s",
			ZH: "该地址属于 Pod %[1]s，其状态为 %[2]s",
		},
		"sig.dependency.link.missing": {
			EN: "there is no Service %[1]s in namespace %[2]s",
			ZH: "命名空间 %[2]s 中没有名为 %[1]s 的 Service",
		},
		"sig.dependency.link.similar": {
			EN: "there is no Service %[1]s in namespace %[2]s (similar: %[3]s)",
			ZH: "命名空间 %[2]s 中没有名为 %[1]s 的 Service（相近的：%[3]s）",
		},
		"sig.dependency.nosvc": {
			EN: "no Service %[1]s in namespace %[2]s",
			ZH: "命名空间 %[2]s 中没有 Service %[1]s",
		},
		"sig.dependency.step.labels": {
			EN: "Compare the Service's selector (%[1]s) with the labels of the pods that should serve it",
			ZH: "对比 Service 的 selector（%[1]s）与应当提供服务的 Pod 的标签",
		},
		"sig.dependency.step.backends": {
			EN: "See the pods behind Service %[1]s",
			ZH: "查看 Service %[1]s 后面的 Pod",
		},
		"sig.dependency.step.endpoints": {
			EN: "See which of them receive its traffic (ready endpoints of %[1]s)",
			ZH: "查看其中哪些在接收流量（%[1]s 的就绪 endpoint）",
		},
		"sig.dependency.step.root": {
			EN: "Fix the pods behind the Service first (the finding this one is caused by); this container recovers on its next restart",
			ZH: "先修好 Service 后面的 Pod（本问题的根因所在的那条诊断）；该容器在下次重启时就会恢复",
		},
		"sig.dependency.step.services": {
			EN: "List the Services of namespace %[1]s and correct the host name the program is given",
			ZH: "列出命名空间 %[1]s 的 Service，并改正传给程序的主机名",
		},
		"sig.dependency.step.find": {
			EN: "Find the Service behind %[1]s and whether it has ready endpoints",
			ZH: "找出 %[1]s 对应的 Service，并查看它是否有就绪的 endpoint",
		},
		"sig.dependency.step.external": {
			EN: "%[1]s is outside the cluster's Services: test the connection from a pod in the same namespace",
			ZH: "%[1]s 不是集群内的 Service：从同一命名空间的 Pod 测试连接",
		},

		// %[2]s is the dependency headline of a crash, reused.
		"ready.dependency.head": {
			EN: "container %[1]s is not Ready; its log says why — %[2]s",
			ZH: "容器 %[1]s 未就绪；日志给出了原因——%[2]s",
		},
		"sig.rbac.head": {
			EN: "container %[1]s is refused by the API server: its ServiceAccount may not %[2]s, %[3]s",
			ZH: "容器 %[1]s 被 API Server 拒绝：其 ServiceAccount 无权执行 %[2]s，%[3]s",
		},
		"sig.rbac.why": {
			EN: "The program talks to the Kubernetes API with the pod's ServiceAccount token, and RBAC denies the request: no Role or ClusterRole bound to that ServiceAccount grants the verb on the resource. Grant exactly that permission with a Role and a RoleBinding (a ClusterRole and ClusterRoleBinding for cluster-scoped resources or every namespace).",
			ZH: "程序使用 Pod 的 ServiceAccount 令牌访问 Kubernetes API，被 RBAC 拒绝：绑定到该 ServiceAccount 的 Role 或 ClusterRole 都没有授予对该资源的这个操作。用 Role 加 RoleBinding 只授予这一权限（集群级资源或所有命名空间用 ClusterRole 加 ClusterRoleBinding）。",
		},
		"sig.rbac.bindings": {
			EN: "what the ServiceAccount is bound to",
			ZH: "该 ServiceAccount 已绑定的角色",
		},
		"sig.rbac.nobinding": {
			EN: "no RoleBinding or ClusterRoleBinding in the input names this ServiceAccount",
			ZH: "输入中没有任何 RoleBinding 或 ClusterRoleBinding 绑定此 ServiceAccount",
		},
		"sig.rbac.granted": {
			EN: "the bindings in the input now grant this permission: it was probably added after the crash; the next restart will tell",
			ZH: "输入中的绑定现在已授予该权限：可能是在崩溃之后才添加的，下一次重启即可确认",
		},
		"sig.rbac.unchecked": {
			EN: "RoleBindings and ClusterRoleBindings were not in the input: what the ServiceAccount is bound to was not checked",
			ZH: "输入中没有 RoleBinding 和 ClusterRoleBinding：未检查该 ServiceAccount 绑定了哪些角色",
		},
		"sig.rbac.step.check": {
			EN: "Check the permission as the ServiceAccount",
			ZH: "以该 ServiceAccount 的身份检查权限",
		},

		"sig.missingenv.head": {
			EN: "container %[1]s exits: environment variable %[2]s is not set, %[3]s",
			ZH: "容器 %[1]s 退出：环境变量 %[2]s 未设置，%[3]s",
		},
		"sig.missingenv.why": {
			EN: "The program requires the variable at start-up and stops without it. Set it in the container's env, from a ConfigMap or Secret key (env[].valueFrom) or all keys of one (envFrom); an envFrom source without that key, or an optional reference to a missing one, leaves it unset without any event.",
			ZH: "程序启动时必须读取该变量，缺失就退出。请在容器的 env 中设置它，可直接赋值、来自 ConfigMap 或 Secret 的某个键（env[].valueFrom），或导入整个 ConfigMap/Secret（envFrom）；envFrom 来源中没有该键，或 optional 引用了不存在的对象时，变量不会被设置，也不会产生任何事件。",
		},
		"sig.missingenv.set-empty": {
			EN: "the variable is declared; its value comes out empty or from an optional source that is missing",
			ZH: "变量已声明；但值为空，或来自缺失的 optional 来源",
		},
		"sig.missingenv.notset": {
			EN: "%[1]s is in neither env nor the keys of envFrom",
			ZH: "%[1]s 既不在 env 中，也不在 envFrom 的键中",
		},
		"sig.missingenv.step.set": {
			EN: "Set %[1]s on the workload",
			ZH: "在工作负载上设置 %[1]s",
		},
		"sig.missingenv.step.secret": {
			EN: "Or take %[1]s from a Secret key of the same name",
			ZH: "或从同名的 Secret 键中读取 %[1]s",
		},

		"sig.missingfile.head": {
			EN: "container %[1]s exits: file %[2]s does not exist, %[3]s",
			ZH: "容器 %[1]s 退出：文件 %[2]s 不存在，%[3]s",
		},
		"sig.missingfile.why": {
			EN: "The program opens a file at start-up that is not there. Files under a ConfigMap or Secret volume are its keys (or the items: paths listed); a subPath mount, a key that was renamed, or a mountPath one directory off leaves the file missing.",
			ZH: "程序启动时要打开的文件不存在。ConfigMap 或 Secret 卷中的文件就是它的键（或 items 中列出的路径）；使用 subPath、键被改名、mountPath 差了一层目录，都会导致文件缺失。",
		},
		"sig.missingfile.nomount": {
			EN: "no volume is mounted at or above %[1]s: the file would have to be in the image",
			ZH: "%[1]s 及其上级目录没有挂载任何卷：该文件只能来自镜像本身",
		},
		"sig.missingfile.nokey": {
			EN: "%[2]s has no file %[1]s",
			ZH: "%[2]s 中没有文件 %[1]s",
		},
		"sig.missingfile.step.keys": {
			EN: "See the keys of %[1]s (the files the volume holds)",
			ZH: "查看 %[1]s 的键（即卷中的文件）",
		},

		"sig.missingmodule.head": {
			EN: "container %[1]s exits: %[2]s is missing from the image, %[3]s",
			ZH: "容器 %[1]s 退出：镜像中缺少 %[2]s，%[3]s",
		},
		"sig.missingmodule.why": {
			EN: "The program loads code that is not in the image: a dependency left out of the build (not in requirements.txt, package.json, the jar's classpath or the published .NET output), or a command that names a file or class the image does not have. The image has to be rebuilt; until then the previous image works.",
			ZH: "程序加载的代码不在镜像中：构建时遗漏了依赖（不在 requirements.txt、package.json、jar 的 classpath 或 .NET 发布输出里），或启动命令指向了镜像中不存在的文件或类。需要重新构建镜像；在此之前可以先用上一个镜像。",
		},
		"sig.step.rollback": {
			EN: "Roll back to the previous revision while the image is fixed",
			ZH: "在修复镜像期间先回滚到上一个版本",
		},
		"sig.step.image": {
			EN: "Fix the image or the command and roll out again; the stack above the error names the file and line",
			ZH: "修复镜像或启动命令后重新发布；错误上方的调用栈给出了文件和行号",
		},

		"sig.port.head": {
			EN: "container %[1]s exits: port %[2]s is already in use, %[3]s",
			ZH: "容器 %[1]s 退出：端口 %[2]s 已被占用，%[3]s",
		},
		"sig.port.why": {
			EN: "The program cannot listen on its port because something else holds it. Containers of one pod share a network namespace, so two of them cannot listen on the same port; with hostNetwork the pod shares the node's ports with every process and hostNetwork pod there.",
			ZH: "程序无法监听端口，因为端口已被占用。同一 Pod 的容器共享网络命名空间，不能监听同一个端口；使用 hostNetwork 时，Pod 与节点上的所有进程和其他 hostNetwork Pod 共享端口。",
		},
		"sig.port.step.node": {
			EN: "On node %[1]s, see which process holds the port",
			ZH: "在节点 %[1]s 上查看是哪个进程占用了该端口",
		},
		"sig.port.step.change": {
			EN: "Give each container of the pod its own port (the program's listen setting and containerPort together)",
			ZH: "为 Pod 中的每个容器分配不同的端口（同时修改程序的监听配置和 containerPort）",
		},

		"sig.privilegedport.head": {
			EN: "container %[1]s exits: not allowed to listen on port %[2]s, %[3]s",
			ZH: "容器 %[1]s 退出：无权监听端口 %[2]s，%[3]s",
		},
		"sig.privilegedport.why": {
			EN: "Ports below 1024 need root or the NET_BIND_SERVICE capability. The container runs as a non-root user (runAsNonRoot, runAsUser, or the image's USER), so the bind fails. Listen on a port of 1024 or above and map it in the Service (port 80 → targetPort 8080), or add the capability.",
			ZH: "监听 1024 以下的端口需要 root 或 NET_BIND_SERVICE 能力。容器以非 root 用户运行（runAsNonRoot、runAsUser 或镜像的 USER），因此绑定失败。请改为监听 1024 及以上的端口并在 Service 中映射（port 80 → targetPort 8080），或添加该能力。",
		},
		"sig.privport.step.cap": {
			EN: "Add the NET_BIND_SERVICE capability to the container",
			ZH: "为容器添加 NET_BIND_SERVICE 能力",
		},
		"sig.privport.step.port": {
			EN: "Or listen on a port above 1024 instead of %[1]s and point the Service's targetPort at it",
			ZH: "或者不用 %[1]s，改为监听 1024 以上的端口，并把 Service 的 targetPort 指向它",
		},

		"sig.permission.head": {
			EN: "container %[1]s exits: permission denied on %[2]s, %[3]s",
			ZH: "容器 %[1]s 退出：访问 %[2]s 时权限不足，%[3]s",
		},
		"sig.permission.why": {
			EN: "The user the process runs as may not open the path. A volume's files belong to whoever created them (often root); fsGroup makes the kubelet give the pod's group access to supported volumes, runAsUser changes who the process is. Under a restricted securityContext the image's own directories may not be writable either.",
			ZH: "进程运行的用户无权打开该路径。卷中文件属于创建它们的用户（通常是 root）；设置 fsGroup 后 kubelet 会让 Pod 的组可以访问所支持的卷，runAsUser 则决定进程的身份。在受限的 securityContext 下，镜像自身的目录也可能不可写。",
		},
		"sig.permission.step.fsgroup": {
			EN: "Give the pod's volumes to group %[1]d (fsGroup)",
			ZH: "把 Pod 的卷交给组 %[1]d（fsGroup）",
		},
		"sig.permission.step.image": {
			EN: "%[1]s is in the image: make it writable for the image's user in the Dockerfile (chown), or mount an emptyDir there",
			ZH: "%[1]s 位于镜像内：在 Dockerfile 中为镜像用户设置可写（chown），或在该位置挂载 emptyDir",
		},

		"sig.readonlyfs.head": {
			EN: "container %[1]s exits: %[2]s is on a read-only filesystem, %[3]s",
			ZH: "容器 %[1]s 退出：%[2]s 位于只读文件系统上，%[3]s",
		},
		"sig.readonlyfs.why": {
			EN: "The container's root filesystem is read-only (securityContext.readOnlyRootFilesystem), or the path is on a read-only volume (ConfigMap, Secret, projected volumes are always read-only), and the program writes there. Mount a writable emptyDir at the directory it writes to.",
			ZH: "容器的根文件系统是只读的（securityContext.readOnlyRootFilesystem），或该路径位于只读卷上（ConfigMap、Secret、projected 卷始终只读），而程序要写入那里。请在它写入的目录上挂载一个可写的 emptyDir。",
		},
		"sig.readonlyfs.step.emptydir": {
			EN: "Mount a writable emptyDir at %[1]s",
			ZH: "在 %[1]s 挂载可写的 emptyDir",
		},

		"sig.datadir.head": {
			EN: "container %[1]s exits: the database refuses its data directory %[2]s, %[3]s",
			ZH: "容器 %[1]s 退出：数据库拒绝使用数据目录 %[2]s，%[3]s",
		},
		"sig.datadir.why": {
			EN: "The database's entrypoint checks its data directory before it starts. A fresh volume formatted with ext4 has a lost+found directory at its root, so initdb finds it \"not empty\"; a directory owned by another user or open to others is refused by the server; a missing directory is not created for it.",
			ZH: "数据库的入口脚本在启动前会检查数据目录。新建的 ext4 卷根目录下有 lost+found，initdb 会认为目录\"非空\"；属主不对或权限过宽的目录会被服务端拒绝；不存在的目录也不会自动创建。",
		},
		"sig.datadir.step.pgdata": {
			EN: "Point PGDATA at a subdirectory of the volume",
			ZH: "把 PGDATA 指向卷中的一个子目录",
		},
		"sig.datadir.step.owner": {
			EN: "Run as the image's postgres user (999) and give it the volume",
			ZH: "以镜像中的 postgres 用户（999）运行，并把卷交给它",
		},
		"sig.datadir.step.subpath": {
			EN: "Mount the volume with a subPath (an empty directory), or empty the directory before the first start",
			ZH: "使用 subPath（一个空目录）挂载卷，或在首次启动前清空该目录",
		},
		"sig.datadir.step.mount": {
			EN: "Mount a volume at %[1]s (or point the server's data path at the mounted volume)",
			ZH: "在 %[1]s 挂载卷（或把服务的数据路径指向已挂载的卷）",
		},

		"sig.arch.head": {
			EN: "container %[1]s exits: its binary is not built for this node's architecture (%[2]s), %[3]s",
			ZH: "容器 %[1]s 退出：其可执行文件不是为该节点的架构（%[2]s）构建的，%[3]s",
		},
		"sig.arch.why": {
			EN: "The kernel refused to execute the entrypoint (exec format error): the image was built for another CPU architecture — an arm64 image built on an Apple Silicon laptop running on amd64 nodes, or the reverse — or the file is a script without a #! line. Build a multi-architecture image, or schedule the pod onto nodes of the image's architecture (nodeSelector kubernetes.io/arch).",
			ZH: "内核拒绝执行入口程序（exec format error）：镜像是为另一种 CPU 架构构建的——例如在 Apple Silicon 笔记本上构建的 arm64 镜像运行在 amd64 节点上，或反之——也可能是脚本缺少 #! 行。请构建多架构镜像，或通过 nodeSelector kubernetes.io/arch 把 Pod 调度到与镜像架构一致的节点。",
		},
		"sig.arch.step.platforms": {
			EN: "See which platforms %[1]s is built for",
			ZH: "查看 %[1]s 是为哪些平台构建的",
		},
		"sig.arch.step.build": {
			EN: "Build and push the image for both architectures",
			ZH: "为两种架构构建并推送镜像",
		},

		"sig.interpreter.head": {
			EN: "container %[1]s exits: the interpreter of %[2]s is missing, %[3]s",
			ZH: "容器 %[1]s 退出：%[2]s 的解释器不存在，%[3]s",
		},
		"sig.interpreter.why": {
			EN: "The entrypoint file exists, but what it needs to run does not: the interpreter of its #! line (bash in an Alpine or distroless image), or the dynamic loader of a binary linked against glibc in a musl image. Use an interpreter the image has, or build the binary statically.",
			ZH: "入口文件存在，但运行它所需的东西不存在：#! 行指定的解释器（Alpine 或 distroless 镜像中没有 bash），或按 glibc 链接的二进制在 musl 镜像中找不到动态加载器。请使用镜像中已有的解释器，或静态编译该程序。",
		},
		"sig.interpreter.step": {
			EN: "In a copy of the pod, look at the #! line and the loaders the image has",
			ZH: "在 Pod 的副本中查看 #! 行以及镜像中的动态加载器",
		},
		"sig.crlf.head": {
			EN: "container %[1]s exits: its script has Windows line endings (interpreter \"%[2]s\\r\"), %[3]s",
			ZH: "容器 %[1]s 退出：脚本使用了 Windows 换行符（解释器为 \"%[2]s\\r\"），%[3]s",
		},
		"sig.crlf.why": {
			EN: "The script was saved with CRLF line endings, so the kernel reads the interpreter of its #! line as \"sh\\r\", which does not exist. Convert the script to LF (dos2unix, or git's core.autocrlf / .gitattributes) and rebuild the image.",
			ZH: "脚本以 CRLF 换行符保存，内核把 #! 行的解释器读成了不存在的 \"sh\\r\"。请把脚本转换为 LF（dos2unix，或配置 git 的 core.autocrlf / .gitattributes）后重新构建镜像。",
		},
		"sig.crlf.step": {
			EN: "Strip the carriage returns from the script, then rebuild the image",
			ZH: "删除脚本中的回车符，然后重新构建镜像",
		},

		"sig.javaheap.head": {
			EN: "container %[1]s exits: the JVM ran out of heap (%[2]s), %[3]s",
			ZH: "容器 %[1]s 退出：JVM 堆内存耗尽（%[2]s），%[3]s",
		},
		"sig.javaheap.why": {
			EN: "The JVM's own limit was reached before the container's: the heap (or metaspace) is sized by -Xmx/-XX:MaxMetaspaceSize or, without them, as a fraction of the container's memory limit (a quarter by default). Size the heap from the limit (MaxRAMPercentage) and raise the limit if the application needs more; a heap that grows without bound is a leak.",
			ZH: "先触及的是 JVM 自身的上限而非容器的：堆（或 metaspace）大小由 -Xmx/-XX:MaxMetaspaceSize 决定，未设置时取容器内存 limit 的一定比例（默认四分之一）。请按 limit 设置堆大小（MaxRAMPercentage），应用确实需要更多时再调高 limit；堆无限增长则说明有内存泄漏。",
		},
		"sig.javaheap.step.ram": {
			EN: "Let the heap use three quarters of the memory limit",
			ZH: "让堆使用内存 limit 的四分之三",
		},
		"sig.heap.head": {
			EN: "container %[1]s exits: the runtime's heap limit was reached (%[2]s), %[3]s",
			ZH: "容器 %[1]s 退出：运行时的堆上限已耗尽（%[2]s），%[3]s",
		},
		"sig.heap.why": {
			EN: "The language runtime stopped at its own heap limit, not the container's: Node.js sizes V8's old space from the memory it sees unless --max-old-space-size is given, and .NET throws OutOfMemoryException at its GC heap limit. Size the runtime's heap from the container's limit, and raise the limit if it really needs more.",
			ZH: "语言运行时在自身的堆上限处停止，而非容器的上限：Node.js 未指定 --max-old-space-size 时按可见内存设置 V8 老生代大小，.NET 在达到 GC 堆上限时抛出 OutOfMemoryException。请按容器 limit 设置运行时的堆大小，确实需要更多时再调高 limit。",
		},
		"sig.heap.step.node": {
			EN: "Size V8's heap to three quarters of the memory limit",
			ZH: "把 V8 的堆设为内存 limit 的四分之三",
		},

		"sig.tls.head": {
			EN: "container %[1]s exits: a certificate it checks is not trusted (%[2]s), %[3]s",
			ZH: "容器 %[1]s 退出：它校验的证书不受信任（%[2]s），%[3]s",
		},
		"sig.tls.why": {
			EN: "The program connects over TLS and rejects the server's certificate: signed by a CA the image does not trust (an internal CA, a TLS-inspecting proxy), expired, or issued for another name. Give the program the CA (a ConfigMap mounted where its runtime reads CAs, e.g. SSL_CERT_FILE, NODE_EXTRA_CA_CERTS, a Java truststore) rather than turning verification off.",
			ZH: "程序通过 TLS 连接时拒绝了服务端证书：由镜像不信任的 CA 签发（内部 CA、做 TLS 检查的代理）、已过期，或签发给了其他域名。请把 CA 提供给程序（挂载到运行时读取 CA 的位置的 ConfigMap，如 SSL_CERT_FILE、NODE_EXTRA_CA_CERTS、Java truststore），而不是关闭校验。",
		},
		"sig.tls.step.ca": {
			EN: "Put the CA certificate in a ConfigMap, then mount it where the program reads its CAs",
			ZH: "把 CA 证书放入 ConfigMap，再挂载到程序读取 CA 的位置",
		},

		"sig.panic.head": {
			EN: "container %[1]s crashes on a bug in the program (%[2]s), %[3]s",
			ZH: "容器 %[1]s 因程序自身的缺陷崩溃（%[2]s），%[3]s",
		},
		"sig.panic.why": {
			EN: "The program ended on an error it did not handle (a Go panic, an uncaught exception): nothing in the cluster's objects caused it. The stack trace in the log names the file and line. When it came with a new image, roll back while it is fixed.",
			ZH: "程序因未处理的错误而终止（Go panic、未捕获的异常）：与集群对象无关。日志中的调用栈给出了文件和行号。如果是新镜像引入的，请先回滚再修复。",
		},
	})
}
