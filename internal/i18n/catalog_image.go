package i18n

// ImagePullBackOff / ErrImagePull and friends (catalog §3).
func init() {
	add(map[string]Text{
		// Steps shared by the image rules.
		"image.step.crictl": {
			EN: "Confirm from node %[1]s that the image can be pulled (docker pull on Docker nodes)",
			ZH: "在节点 %[1]s 上确认镜像能否拉取（使用 Docker 的节点用 docker pull）",
		},
		"image.step.set": {
			EN: "Point the workload at a tag that exists",
			ZH: "把负载的镜像改为确实存在的标签",
		},
		"image.step.tags": {
			EN: "List the tags that do exist in the repository",
			ZH: "列出仓库中实际存在的标签",
		},
		"image.step.timeouts": {
			EN: "If large images time out, raise the kubelet's --runtime-request-timeout (--image-pull-progress-deadline on older dockershim kubelets, image_pull_progress_timeout in containerd), or pre-pull the image onto the nodes",
			ZH: "如果大镜像拉取超时，调大 kubelet 的 --runtime-request-timeout（使用 dockershim 的老版本 kubelet 调 --image-pull-progress-deadline，containerd 调 image_pull_progress_timeout），或者提前把镜像预拉到节点上",
		},

		// Not found.
		"image.notfound.head": {
			EN: "image tag %[2]s of %[1]s not found in %[3]s",
			ZH: "镜像 %[1]s 的标签 %[2]s 在仓库 %[3]s 中不存在",
		},
		"image.notfound.head-digest": {
			EN: "image %[1]s@%[2]s not found in %[3]s",
			ZH: "镜像 %[1]s 的 digest %[2]s 在仓库 %[3]s 中不存在",
		},
		"image.notfound.why": {
			EN: "The registry answered but has no such manifest. Usually the tag is wrong or was never pushed (a CI pipeline that failed before the push, a tag removed by a retention policy), or the repository path is misspelt; the image may also have no build for the node's CPU architecture.",
			ZH: "镜像仓库能连上，但找不到对应的 manifest。通常是标签写错或根本没推送上去（CI 在推送前就失败了、标签被清理策略删掉），或者仓库路径拼错了；也可能镜像没有与节点 CPU 架构匹配的版本。",
		},

		// Registry unreachable.
		"image.network.head": {
			EN: "registry %[1]s is unreachable from node %[2]s",
			ZH: "节点 %[2]s 无法连接镜像仓库 %[1]s",
		},
		"image.network.why": {
			EN: "The container runtime on the node could not reach the registry: DNS does not resolve, a firewall or a missing proxy blocks it, or the registry is blocked from the cluster's network — gcr.io, registry.k8s.io, docker.io, ghcr.io and quay.io are often unreachable from mainland China. A pull that merely takes too long on a slow link fails the same way.",
			ZH: "节点上的容器运行时连不上镜像仓库：可能是 DNS 解析失败、被防火墙拦截或缺少代理，也可能该仓库在集群所在网络中被屏蔽——在国内，gcr.io、registry.k8s.io、docker.io、ghcr.io、quay.io 这些国外镜像源经常拉不下来。链路太慢导致拉取超时，也会报同样的错。",
		},
		"image.network.step.dns": {
			EN: "On the node, check that the registry resolves and answers",
			ZH: "在节点上检查仓库域名能否解析、能否访问",
		},
		"image.network.step.mirror": {
			EN: "%[1]s is often blocked: use a mirror, or copy the image to a registry the cluster can reach, and point the image (or the runtime's registry mirror config) at it",
			ZH: "%[1]s 经常无法访问：改用镜像加速/代理，或者把镜像同步到集群能访问的私有仓库，再修改镜像地址（或容器运行时的 registry mirror 配置）",
		},

		// TLS.
		"image.tls.head": {
			EN: "TLS to registry %[1]s fails: certificate not trusted, or the registry only speaks plain HTTP",
			ZH: "与镜像仓库 %[1]s 的 TLS 连接失败：证书不受信任，或者仓库只提供 HTTP",
		},
		"image.tls.why": {
			EN: "The runtime checks the registry's certificate against the node's CA bundle. A private registry with a self-signed or internal-CA certificate needs that CA on every node (or in the runtime's per-registry configuration); a registry served over plain HTTP must be declared insecure in the runtime configuration.",
			ZH: "容器运行时会用节点上的 CA 证书校验仓库证书。使用自签名或内部 CA 证书的私有仓库，需要在每个节点上（或在运行时针对该仓库的配置中）安装这个 CA；只提供 HTTP 的仓库，需要在运行时配置中声明为 insecure registry。",
		},
		"image.tls.step.containerd": {
			EN: "containerd: on every node, put the CA of %[1]s in its certs.d directory (read when the CRI registry config_path is /etc/containerd/certs.d)",
			ZH: "containerd：在每个节点上把 %[1]s 的 CA 证书放进 certs.d 目录（CRI registry 的 config_path 为 /etc/containerd/certs.d 时生效）",
		},
		"image.tls.step.hosts": {
			EN: "Point containerd at that CA in %[1]s",
			ZH: "在 %[1]s 中为 containerd 指定该 CA",
		},
		"image.tls.step.docker": {
			EN: "Docker (cri-dockerd): on every node, put the CA of %[1]s in /etc/docker/certs.d",
			ZH: "Docker（cri-dockerd）：在每个节点上把 %[1]s 的 CA 证书放进 /etc/docker/certs.d",
		},
		"image.tls.step.crio": {
			EN: "CRI-O: on every node, put the CA of %[1]s in /etc/containers/certs.d",
			ZH: "CRI-O：在每个节点上把 %[1]s 的 CA 证书放进 /etc/containers/certs.d",
		},
		"image.tls.step.insecure": {
			EN: "A registry that only speaks plain HTTP is declared insecure instead (containerd hosts.toml server = \"http://…\", Docker insecure-registries, CRI-O registries.conf insecure = true)",
			ZH: "只提供 HTTP 的仓库则应声明为 insecure（containerd 的 hosts.toml 中 server = \"http://…\"，Docker 的 insecure-registries，CRI-O 的 registries.conf 中 insecure = true）",
		},

		// Rate limit.
		"image.ratelimit.head": {
			EN: "pull rate limit of %[1]s reached",
			ZH: "触发了镜像仓库 %[1]s 的拉取频率限制",
		},
		"image.ratelimit.why": {
			EN: "The registry refuses further pulls (toomanyrequests). Docker Hub limits anonymous pulls per source IP, and a whole cluster behind one NAT address shares that quota.",
			ZH: "镜像仓库拒绝了后续拉取（toomanyrequests）。Docker Hub 按来源 IP 限制匿名拉取次数，整个集群经同一个 NAT 出口访问时会共用这份额度。",
		},
		"image.ratelimit.step": {
			EN: "Pull with an authenticated account (imagePullSecrets), use a pull-through cache or mirror, or copy the image to your own registry",
			ZH: "使用已认证的账号拉取（imagePullSecrets）、搭建拉取缓存或镜像代理，或者把镜像同步到自己的仓库",
		},

		// Invalid reference, pull policy Never, disk full, slow, other.
		"image.invalid.head": {
			EN: "invalid image reference %[1]s",
			ZH: "镜像地址 %[1]s 格式不合法",
		},
		"image.invalid.why": {
			EN: "The image string cannot be parsed. Usual culprits: uppercase letters in the repository, a stray space or scheme (https://), an empty tag after the colon, or a template variable that was never rendered.",
			ZH: "镜像地址无法解析。常见原因：仓库路径含大写字母、多了空格或 https:// 前缀、冒号后的标签为空，或者模板变量没有被渲染。",
		},
		"image.never.head": {
			EN: "image %[1]s is not on node %[2]s and imagePullPolicy is Never",
			ZH: "节点 %[2]s 上没有镜像 %[1]s，而 imagePullPolicy 为 Never",
		},
		"image.never.why": {
			EN: "With imagePullPolicy Never the kubelet only uses images already present on the node and never pulls. That suits images loaded by hand (kind load, ctr import), but fails on any node where the image was not loaded.",
			ZH: "imagePullPolicy 为 Never 时，kubelet 只使用节点上已有的镜像，从不拉取。这适用于手动导入镜像的场景（kind load、ctr import），但在没有导入该镜像的节点上就会失败。",
		},
		"image.never.step.import": {
			EN: "Load the image onto node %[1]s",
			ZH: "把镜像导入节点 %[1]s",
		},
		"image.never.step.policy": {
			EN: "Or let the kubelet pull the image when it is missing",
			ZH: "或者允许 kubelet 在镜像缺失时自动拉取",
		},
		"image.nospace.head": {
			EN: "no disk space left on node %[1]s to store the image",
			ZH: "节点 %[1]s 磁盘空间不足，无法存放镜像",
		},
		"image.nospace.why": {
			EN: "The image could not be unpacked because the runtime's filesystem (/var/lib/containerd or /var/lib/docker) is full. The kubelet's image garbage collection should free space above its high threshold; if it cannot, old images, container logs or emptyDir data are filling the disk.",
			ZH: "容器运行时的存储目录（/var/lib/containerd 或 /var/lib/docker）已满，镜像无法解压。kubelet 的镜像垃圾回收本应在磁盘用量超过高水位时释放空间；如果没能释放，说明是旧镜像、容器日志或 emptyDir 数据占满了磁盘。",
		},
		"image.nospace.step": {
			EN: "On the node, remove unused images",
			ZH: "在节点上清理未使用的镜像",
		},
		"image.slow.head": {
			EN: "pull of image %[1]s on node %[2]s is slow or stalled",
			ZH: "镜像 %[1]s 在节点 %[2]s 上拉取缓慢或卡住",
		},
		"image.slow.why": {
			EN: "The pull started but never finished. A large image over a slow or distant link, a registry that throttles, or a stalled download cancelled by the kubelet's timeout all end up in back-off and start over.",
			ZH: "拉取已经开始但一直没有完成。镜像太大而链路慢或距离远、仓库限速，或者下载卡住后被 kubelet 超时取消，都会进入退避重试、从头再来。",
		},
		"image.other.head": {
			EN: "image %[1]s cannot be pulled",
			ZH: "镜像 %[1]s 拉取失败",
		},
		"image.other.why": {
			EN: "The pull error does not match a known cause. Read the full message of the Failed event: it carries the registry's own answer.",
			ZH: "拉取错误不属于已知类型。请阅读 Failed 事件的完整消息，其中有镜像仓库返回的原始错误。",
		},

		// Authentication: headlines by the state of the pull secrets.
		"image.auth.head.none": {
			EN: "registry %[1]s refused the pull and the pod has no imagePullSecrets",
			ZH: "镜像仓库 %[1]s 拒绝拉取，而 Pod 没有配置任何 imagePullSecrets",
		},
		"image.auth.head.missing": {
			EN: "registry %[1]s refused the pull; imagePullSecret %[2]s does not exist",
			ZH: "镜像仓库 %[1]s 拒绝拉取；引用的 imagePullSecret %[2]s 不存在",
		},
		"image.auth.head.nohost": {
			EN: "registry %[1]s refused the pull; secret %[2]s has no credentials for that host",
			ZH: "镜像仓库 %[1]s 拒绝拉取；Secret %[2]s 中没有该仓库地址的凭据",
		},
		"image.auth.head.bad": {
			EN: "registry %[1]s refused the pull; secret %[2]s is not a usable docker-registry secret",
			ZH: "镜像仓库 %[1]s 拒绝拉取；Secret %[2]s 不是可用的 docker-registry 类型 Secret",
		},
		"image.auth.head.host": {
			EN: "registry %[1]s rejected the credentials in secret %[2]s",
			ZH: "镜像仓库 %[1]s 不接受 Secret %[2]s 中的凭据",
		},
		"image.auth.head.unchecked": {
			EN: "registry %[1]s refused the pull; the pull secrets could not be checked",
			ZH: "镜像仓库 %[1]s 拒绝拉取；无法检查所用的拉取 Secret",
		},
		"image.auth.why.none": {
			EN: "A private registry needs credentials, which the kubelet takes from imagePullSecrets on the pod or on its ServiceAccount. Docker Hub also answers 'pull access denied' for a repository that does not exist, so check the image name as well.",
			ZH: "私有仓库需要凭据，kubelet 从 Pod 或其 ServiceAccount 上的 imagePullSecrets 获取凭据。注意：仓库不存在时 Docker Hub 同样返回 “pull access denied”，所以也要核对镜像名是否写对。",
		},
		"image.auth.why.missing": {
			EN: "The pod (or its ServiceAccount) names a pull secret that is not in the namespace, so the kubelet pulls without credentials. Secrets are namespaced: one created in another namespace does not count.",
			ZH: "Pod（或其 ServiceAccount）引用的拉取 Secret 在该命名空间中不存在，kubelet 只能匿名拉取。Secret 属于命名空间级资源，在其他命名空间创建的同名 Secret 不起作用。",
		},
		"image.auth.why.nohost": {
			EN: "The kubelet uses a pull secret only for the registry hosts listed under auths in its .dockerconfigjson, and the host must match the image's registry exactly, port included (for Docker Hub the usual key is https://index.docker.io/v1/).",
			ZH: "kubelet 只会把拉取 Secret 用于其 .dockerconfigjson 中 auths 下列出的仓库地址，且地址必须与镜像的仓库完全一致，端口号也算在内（Docker Hub 通常写作 https://index.docker.io/v1/）。",
		},
		"image.auth.why.bad": {
			EN: "A pull secret must have type kubernetes.io/dockerconfigjson (or the legacy kubernetes.io/dockercfg) and well-formed JSON; the kubelet ignores an Opaque secret or one it cannot parse, and pulls without credentials.",
			ZH: "拉取 Secret 的类型必须是 kubernetes.io/dockerconfigjson（或旧的 kubernetes.io/dockercfg），并且 JSON 格式正确；Opaque 类型或无法解析的 Secret 会被 kubelet 忽略，最终变成匿名拉取。",
		},
		"image.auth.why.host": {
			EN: "The secret has an entry for this registry, so the credentials themselves are refused: a wrong or expired password or token (cloud registry tokens expire after hours), an account without pull permission on the repository — or a repository or tag that does not exist, which some registries report as access denied.",
			ZH: "Secret 中有该仓库的凭据，说明是凭据本身被拒：用户名密码错误或 token 已过期（云厂商仓库的临时 token 几小时就会失效）、账号没有该仓库的拉取权限——也可能仓库或标签根本不存在，有些仓库会把这种情况报成 access denied。",
		},
		// Evidence notes on each pull secret; %[1]s is "pod" or "serviceaccount/NAME".
		"image.auth.secret.unchecked": {
			EN: "referenced by %[1]s; not checked (Secrets were not in the input)",
			ZH: "由 %[1]s 引用；未检查（输入中没有 Secret）",
		},
		"image.auth.secret.missing": {
			EN: "referenced by %[1]s; does not exist",
			ZH: "由 %[1]s 引用；该 Secret 不存在",
		},
		"image.auth.secret.type": {
			EN: "referenced by %[1]s; type %[2]s, not kubernetes.io/dockerconfigjson",
			ZH: "由 %[1]s 引用；类型为 %[2]s，而不是 kubernetes.io/dockerconfigjson",
		},
		"image.auth.secret.bad": {
			EN: "referenced by %[1]s; its .dockerconfigjson cannot be read: %[2]s",
			ZH: "由 %[1]s 引用；其 .dockerconfigjson 无法解析：%[2]s",
		},
		"image.auth.secret.hashost": {
			EN: "referenced by %[1]s; has credentials for %[2]s",
			ZH: "由 %[1]s 引用；包含 %[2]s 的凭据",
		},
		"image.auth.secret.nohost": {
			EN: "referenced by %[1]s; no entry for %[2]s (hosts it has: %[3]s)",
			ZH: "由 %[1]s 引用；没有 %[2]s 的凭据（已有的仓库地址：%[3]s）",
		},
		"image.auth.step.inspect": {
			EN: "List the registry hosts the secret holds credentials for (host names only)",
			ZH: "列出该 Secret 中有凭据的仓库地址（只显示地址）",
		},
		"image.auth.step.create": {
			EN: "Create (or replace) the pull secret for %[1]s with an account that may pull the image",
			ZH: "用有拉取权限的账号为 %[1]s 创建（或更新）拉取 Secret",
		},
		"image.auth.step.patch": {
			EN: "Reference the secret from the pod template",
			ZH: "在 Pod 模板中引用该 Secret",
		},
		"image.auth.step.pod": {
			EN: "An existing pod's imagePullSecrets cannot be changed: add them to its manifest and re-create the pod",
			ZH: "已创建 Pod 的 imagePullSecrets 无法修改：在清单中加上之后重新创建 Pod",
		},
		"image.auth.step.sa": {
			EN: "Or attach the secret to ServiceAccount %[1]s so that every pod using it gets it (only pods created afterwards)",
			ZH: "或者把该 Secret 添加到 ServiceAccount %[1]s 上，使用这个 ServiceAccount 的 Pod 都会自动带上（只对之后新建的 Pod 生效）",
		},

		// An image name that means an official Docker Hub image no one
		// published: Docker Hub's "pull access denied" is its not-found.
		"image.notfound.official.head": {
			EN: "image %[1]s does not exist: it would be the official Docker Hub image docker.io/%[2]s, and there is none",
			ZH: "镜像 %[1]s 不存在：按这个写法它应是 Docker Hub 官方镜像 docker.io/%[2]s，而官方镜像里没有它",
		},
		"image.notfound.official.why": {
			EN: "A name without a registry or namespace means docker.io/library/%[1]s, Docker's official images, to which only Docker publishes; there are no private repositories there. Docker Hub answers 'pull access denied, repository does not exist or may require authorization' for a repository that does not exist, so this is not a credentials problem. Such a name is usually an image built on your machine and never pushed, or a placeholder from a template (controller:latest): push it to a registry the nodes can reach and use the full name, or load it into the nodes (kind load docker-image, minikube image load) — then set imagePullPolicy: IfNotPresent, because a :latest tag is always pulled.",
			ZH: "不带仓库地址和命名空间的镜像名，指的是 docker.io/library/%[1]s，即 Docker 官方镜像，只有 Docker 官方能往里推送，那里也不存在私有仓库。对不存在的仓库，Docker Hub 同样返回 “pull access denied, repository does not exist or may require authorization”，所以这不是凭据问题。这种镜像名通常是在本机构建、从未推送的镜像，或者是模板里的占位名（如 controller:latest）：请把镜像推送到节点能访问的仓库并写完整地址，或者把镜像导入节点（kind load docker-image、minikube image load）——同时设置 imagePullPolicy: IfNotPresent，因为 :latest 标签默认每次都会去拉取。",
		},
		"image.notfound.official.step.load": {
			EN: "If the image was built locally, load it into node %[1]s (kind load docker-image and minikube image load do this for their nodes)",
			ZH: "如果镜像是本地构建的，把它导入节点 %[1]s（kind 和 minikube 分别用 kind load docker-image、minikube image load）",
		},
		"image.notfound.official.step.push": {
			EN: "Or push it to a registry the nodes can reach, and use that full name in the manifest",
			ZH: "或者把它推送到节点能访问的镜像仓库，并在清单中使用完整的镜像地址",
		},
		"image.notfound.official.step.set": {
			EN: "Then point the workload at that full name",
			ZH: "然后把负载的镜像改为这个完整地址",
		},
		"image.notfound.head-unseen": {
			EN: "the image is not found in its registry (the image name is not visible in this paste)",
			ZH: "镜像仓库中找不到该镜像（此次粘贴的内容里看不到镜像名）",
		},

		// Registry unreachable, by how the connection failed.
		"image.network.dns.head": {
			EN: "node %[2]s cannot resolve registry %[1]s: DNS lookup failed (%[3]s, DNS server %[4]s)",
			ZH: "节点 %[2]s 无法解析镜像仓库 %[1]s 的域名：DNS 查询失败（%[3]s，DNS 服务器 %[4]s）",
		},
		"image.network.dns.why": {
			EN: "The container runtime resolves the registry's name with the node's own resolver (the node's /etc/resolv.conf), not with the pods' DNS settings. 'no such host' means the DNS server answered that the name does not exist for it — a wrong or internal-only upstream, a split-horizon DNS, or a typo in the registry host; 'server misbehaving' and 'Try again' mean the server failed to answer; a timeout means it could not be reached. Fix the node's DNS (its upstream servers, or systemd-resolved's), or point the image at a registry the node can resolve.",
			ZH: "容器运行时用节点自己的解析器（节点上的 /etc/resolv.conf）解析镜像仓库域名，与 Pod 的 DNS 设置无关。“no such host” 表示 DNS 服务器回答这个域名不存在——上游 DNS 配置错误或只能解析内网域名、内外网分离解析，或者仓库地址拼错了；“server misbehaving” 和 “Try again” 表示 DNS 服务器没能给出答复；超时则表示连不上 DNS 服务器。请修正节点的 DNS（上游服务器或 systemd-resolved 的配置），或者改用节点能解析的镜像仓库。",
		},
		"image.network.dns.step.resolve": {
			EN: "On node %[1]s, see which DNS server it uses and ask it for the registry",
			ZH: "在节点 %[1]s 上查看它使用的 DNS 服务器，并用它查询仓库域名",
		},
		"image.network.dns.step.fix": {
			EN: "Fix the node's DNS (nameserver lines, systemd-resolved, the DHCP or VM network settings) so that it resolves the registry's name, then retry the pull",
			ZH: "修正节点的 DNS（nameserver 配置、systemd-resolved、DHCP 或虚拟机网络设置），使其能解析镜像仓库域名，然后重新拉取",
		},
		"image.network.timeout.head": {
			EN: "connection to registry %[1]s times out from node %[2]s",
			ZH: "节点 %[2]s 连接镜像仓库 %[1]s 超时",
		},
		"image.network.timeout.why": {
			EN: "The registry's name resolved, but the connection or the TLS handshake did not complete in time: a firewall that drops the traffic, a missing HTTP(S) proxy for the runtime, a registry blocked from the cluster's network (gcr.io, registry.k8s.io, docker.io, ghcr.io and quay.io are often unreachable from mainland China), or a link too slow for the image.",
			ZH: "仓库域名已经解析成功，但 TCP 连接或 TLS 握手没能按时完成：可能是防火墙丢弃了流量、容器运行时没有配置 HTTP(S) 代理、该仓库在集群所在网络中被屏蔽（在国内，gcr.io、registry.k8s.io、docker.io、ghcr.io、quay.io 经常无法访问），或者链路太慢拉不完镜像。",
		},
		"image.network.refused.head": {
			EN: "registry %[1]s refuses or cannot be routed to from node %[2]s (%[3]s)",
			ZH: "节点 %[2]s 连接镜像仓库 %[1]s 被拒绝或无路由（%[3]s）",
		},
		"image.network.refused.why": {
			EN: "The name resolved and the node reached an address, but nothing accepted the connection there (connection refused: a registry that is down, a wrong port, a firewall that rejects) or there is no route to it (network unreachable: a missing default route or proxy). Check that the registry host and port are right and the registry is running.",
			ZH: "域名已解析，节点也找到了地址，但对方没有接受连接（connection refused：仓库服务没运行、端口写错，或防火墙主动拒绝），或者根本没有到达它的路由（network unreachable：缺少默认路由或代理）。请确认仓库地址和端口正确、仓库服务正常运行。",
		},
		"image.network.proxy.head": {
			EN: "the proxy configured for the runtime on node %[2]s fails to reach registry %[1]s",
			ZH: "节点 %[2]s 上为容器运行时配置的代理无法连到镜像仓库 %[1]s",
		},
		"image.network.proxy.why": {
			EN: "The runtime sends registry traffic through the HTTP(S) proxy set in its environment (HTTP_PROXY, HTTPS_PROXY in the containerd or docker service), and the proxy could not be reached or refused the request. Check the proxy address, and NO_PROXY for registries inside your network.",
			ZH: "容器运行时通过其环境变量中配置的 HTTP(S) 代理（containerd 或 docker 服务中的 HTTP_PROXY、HTTPS_PROXY）访问镜像仓库，而代理连不上或拒绝了请求。请检查代理地址，以及内网仓库是否已加入 NO_PROXY。",
		},
		"image.network.proxy.step": {
			EN: "On the node, see the proxy settings the runtime runs with",
			ZH: "在节点上查看容器运行时使用的代理设置",
		},

		// Pull secrets not shown by the paste.
		"image.auth.head.hidden": {
			EN: "registry %[1]s refused the pull for lack of valid credentials; the pod's pull secrets are not visible in this paste",
			ZH: "镜像仓库 %[1]s 因缺少有效凭据拒绝拉取；此次粘贴的内容里看不到 Pod 的拉取 Secret",
		},
		"image.auth.why.hidden": {
			EN: "The registry wants credentials it did not get or did not accept. The kubelet offers those of the imagePullSecrets on the pod and on its ServiceAccount, for the registry's host name exactly; whether they exist and name this host cannot be told from the paste. Check the image name too: a registry may answer the same way for a repository that does not exist.",
			ZH: "镜像仓库需要的凭据没有收到，或者收到的凭据不被接受。kubelet 会提供 Pod 及其 ServiceAccount 上的 imagePullSecrets 中、与仓库主机名完全一致的那一项凭据；它们是否存在、是否包含该主机，无法从贴出的内容判断。也请核对镜像名：对不存在的仓库，有的镜像仓库也会这样回答。",
		},
		"image.auth.step.check": {
			EN: "See which pull secrets and ServiceAccount the pod uses (names only), then check that one of them has credentials for %[1]s",
			ZH: "查看 Pod 使用的拉取 Secret 和 ServiceAccount（只显示名称），再确认其中有 %[1]s 的凭据",
		},

		// Pause (sandbox) image.
		"image.pause.step.config": {
			EN: "The pause image is a node setting: see which one the runtime (sandbox_image in containerd, pause_image in CRI-O) or the kubelet (--pod-infra-container-image) uses, and point it at a registry the node can reach",
			ZH: "pause 镜像是节点级配置：查看容器运行时（containerd 的 sandbox_image、CRI-O 的 pause_image）或 kubelet（--pod-infra-container-image）使用的是哪个镜像，并改为节点能访问的仓库地址",
		},
	})
}
