package i18n

// Texts of "podwhy lint": problems found in manifests before they are
// applied, each rule's title and why it matters.
func init() {
	add(map[string]Text{
		// Rule titles (SARIF shortDescription).
		"lint.rule.syntax":           {EN: "YAML syntax error", ZH: "YAML 语法错误"},
		"lint.rule.template":         {EN: "Unrendered Helm template", ZH: "未渲染的 Helm 模板"},
		"lint.rule.duplicate-key":    {EN: "Key written twice in one mapping", ZH: "同一映射中键重复"},
		"lint.rule.not-object":       {EN: "Document is not an object", ZH: "文档不是对象"},
		"lint.rule.missing-kind":     {EN: "apiVersion or kind missing", ZH: "缺少 apiVersion 或 kind"},
		"lint.rule.api-version":      {EN: "apiVersion not served for this kind", ZH: "该 kind 的 apiVersion 不可用"},
		"lint.rule.create-only":      {EN: "Kind that can be created but not applied", ZH: "只能 create、不能 apply 的 kind"},
		"lint.rule.unknown-field":    {EN: "Unknown field, or field at the wrong level", ZH: "未知字段或字段层级错误"},
		"lint.rule.wrong-type":       {EN: "Value of the wrong type", ZH: "值的类型错误"},
		"lint.rule.invalid-value":    {EN: "Value that does not parse", ZH: "值无法解析"},
		"lint.rule.required":         {EN: "Required field missing", ZH: "缺少必填字段"},
		"lint.rule.selector":         {EN: "Selector does not match the pod template's labels", ZH: "selector 与 Pod 模板的标签不匹配"},
		"lint.rule.restart-policy":   {EN: "restartPolicy not allowed for this kind", ZH: "该类型不允许此 restartPolicy"},
		"lint.rule.unknown-volume":   {EN: "volumeMount names no volume of the pod", ZH: "volumeMount 引用了不存在的卷"},
		"lint.rule.image-latest":     {EN: "Image without a tag, or :latest", ZH: "镜像没有标签或使用 :latest"},
		"lint.rule.image-invalid":    {EN: "Invalid image reference", ZH: "镜像地址不合法"},
		"lint.rule.no-requests":      {EN: "No CPU or memory request", ZH: "没有设置 CPU 或内存 requests"},
		"lint.rule.no-limits":        {EN: "No memory limit", ZH: "没有设置内存 limit"},
		"lint.rule.request-over":     {EN: "Request larger than limit", ZH: "requests 大于 limits"},
		"lint.rule.too-large":        {EN: "Requests larger than any node", ZH: "requests 超过任何节点的容量"},
		"lint.rule.probe-named-port": {EN: "Probe names a port the container does not have", ZH: "探针引用了容器中不存在的端口名"},
		"lint.rule.probe-port":       {EN: "Probe on a port the container does not declare", ZH: "探针使用了容器未声明的端口"},
		"lint.rule.ref-missing":      {EN: "Referenced object not found", ZH: "引用的对象不存在"},
		"lint.rule.ref-key":          {EN: "Referenced key not in its ConfigMap or Secret", ZH: "ConfigMap 或 Secret 中没有引用的键"},
		"lint.rule.host-port":        {EN: "hostPort used", ZH: "使用了 hostPort"},
		"lint.rule.host-port-nodes":  {EN: "More hostPort replicas than nodes", ZH: "使用 hostPort 的副本数多于节点数"},
		"lint.rule.sts-service":      {EN: "StatefulSet without its headless Service", ZH: "StatefulSet 缺少对应的 Headless Service"},
		"lint.rule.sts-headless":     {EN: "StatefulSet's Service is not headless", ZH: "StatefulSet 的 Service 不是 Headless"},
		"lint.rule.sts-selector":     {EN: "StatefulSet's Service selects other pods", ZH: "StatefulSet 的 Service 选择的是其他 Pod"},

		// Why each rule matters (SARIF fullDescription, shown once per rule in text).
		"lint.why.syntax": {
			EN: "kubectl and Helm refuse a file they cannot parse; nothing in it is applied.",
			ZH: "kubectl 和 Helm 无法解析该文件时会整体拒绝，其中的任何对象都不会被创建。",
		},
		"lint.why.template": {
			EN: "This is a Helm chart template, not a manifest: render it with helm template and lint the output.",
			ZH: "这是 Helm chart 的模板而不是清单：先用 helm template 渲染，再检查渲染结果。",
		},
		"lint.why.duplicate-key": {
			EN: "kubectl keeps the last value of a repeated key and drops the first without a word before the API server sees the object, so the server never refuses it: when the values differ, one of the two settings silently does nothing.",
			ZH: "键重复时 kubectl 在 API server 看到对象之前就只保留最后一个值、悄悄丢弃前一个，所以服务端从不拒绝；两个值不同时，其中一个设置不会生效。",
		},
		"lint.why.not-object": {
			EN: "Every document of a manifest must be a mapping with apiVersion, kind and metadata.",
			ZH: "清单中的每个文档都必须是包含 apiVersion、kind 和 metadata 的映射。",
		},
		"lint.why.missing-kind": {
			EN: "Without apiVersion and kind kubectl cannot tell what the object is and refuses the file (Object 'Kind' is missing).",
			ZH: "没有 apiVersion 和 kind，kubectl 无法识别对象类型，会拒绝整个文件（Object 'Kind' is missing）。",
		},
		"lint.why.create-only": {
			EN: "kubectl apply reads the object before it writes; a kind the API server only creates (reviews, bindings) cannot be read, and apply fails with \"error when retrieving current configuration\".",
			ZH: "kubectl apply 写入前要先读取对象；API server 只允许创建的 kind（各类 review、binding）无法读取，apply 会报 \"error when retrieving current configuration\"。",
		},
		"lint.why.api-version": {
			EN: "The API server answers no matches for kind … in version …: the object is not created.",
			ZH: "API Server 会返回 no matches for kind … in version …，对象不会被创建。",
		},
		"lint.why.unknown-field": {
			EN: "Strict validation (kubectl's default) refuses the object; older clients and some tools send it and the API server drops the field silently — a setting that looks applied and never takes effect.",
			ZH: "严格校验（kubectl 的默认行为）会拒绝该对象；旧版客户端和部分工具则会照样提交，API Server 悄悄丢弃该字段——也就是设置的命令行参数没有生效的那种情况。",
		},
		"lint.why.wrong-type": {
			EN: "The API server cannot decode the object (cannot unmarshal … into Go struct field …) and refuses it.",
			ZH: "API Server 无法解码该对象（cannot unmarshal … into Go struct field …），会拒绝创建。",
		},
		"lint.why.invalid-value": {
			EN: "The API server cannot read the value and refuses the object.",
			ZH: "API Server 无法解析该值，会拒绝创建对象。",
		},
		"lint.why.required": {
			EN: "The API server's validation refuses the object (Required value).",
			ZH: "API Server 校验不通过，会拒绝创建对象（Required value）。",
		},
		"lint.why.selector": {
			EN: "The API server refuses a workload whose selector does not select its own pod template (selector does not match template labels).",
			ZH: "如果 selector 选不中自身的 Pod 模板，API Server 会拒绝创建（selector does not match template labels）。",
		},
		"lint.why.restart-policy": {
			EN: "Jobs must use Never or OnFailure, controllers that keep pods running must use Always; anything else is refused (Unsupported value).",
			ZH: "Job 只能用 Never 或 OnFailure，保持 Pod 常驻的控制器只能用 Always，否则会被拒绝（Unsupported value）。",
		},
		"lint.why.unknown-volume": {
			EN: "The API server refuses a volumeMount whose name is not a volume of the pod (volumeMounts[].name: Not found).",
			ZH: "volumeMount 的名称必须是 Pod 中定义的卷，否则 API Server 会拒绝（volumeMounts[].name: Not found）。",
		},
		"lint.why.image-latest": {
			EN: "A moving tag makes what runs depend on when and where a pod starts: with Always every start pulls again (a registry outage or rate limit stops pods: ImagePullBackOff), with IfNotPresent each node keeps whichever build it pulled first.",
			ZH: "标签会变化时，运行的版本取决于 Pod 在何时、何处启动：Always 每次启动都重新拉取（镜像仓库不可用或被限流时 Pod 无法启动：ImagePullBackOff），IfNotPresent 则每个节点保留各自第一次拉到的版本。",
		},
		"lint.why.image-invalid": {
			EN: "The kubelet refuses the reference before pulling: the container stays waiting with InvalidImageName.",
			ZH: "kubelet 在拉取前就会拒绝该地址，容器一直处于 InvalidImageName 等待状态。",
		},
		"lint.why.no-requests": {
			EN: "The scheduler places pods by their requests: without them a node can be overcommitted, and a pod without any requests is BestEffort, the first evicted under memory pressure.",
			ZH: "调度器按 requests 放置 Pod：不设置会导致节点超卖；完全没有 requests 的 Pod 属于 BestEffort，节点内存紧张时最先被驱逐。",
		},
		"lint.why.no-limits": {
			EN: "Without a memory limit one container can take a node's memory and push it into MemoryPressure, evicting its neighbours.",
			ZH: "没有内存 limit 时，一个容器就可能耗尽节点内存，使节点进入 MemoryPressure 并驱逐其他 Pod。",
		},
		"lint.why.request-over": {
			EN: "The API server refuses a request larger than its limit (must be less than or equal to … limit).",
			ZH: "requests 大于 limits 时 API Server 会拒绝（must be less than or equal to … limit）。",
		},
		"lint.why.too-large": {
			EN: "The scheduler can never place a pod that needs more than a node has allocatable: it stays Pending (Insufficient cpu/memory) however empty the cluster is.",
			ZH: "Pod 需要的资源超过任何节点的可分配量时，调度器永远无法放置它：无论集群多空闲，它都会一直 Pending（Insufficient cpu/memory）。",
		},
		"lint.why.probe-named-port": {
			EN: "The kubelet resolves a named port among the container's own ports; when it is not there the probe fails every time — a liveness probe restarts the container forever, a readiness probe keeps it out of its Services.",
			ZH: "kubelet 只在容器自身声明的端口中查找端口名，找不到时探针每次都失败：存活探针会让容器不停重启，就绪探针会让 Pod 一直收不到 Service 流量。",
		},
		"lint.why.probe-port": {
			EN: "A probe on a port nothing listens on fails every time (connection refused); a port the container does not declare is often a typo or another container's port.",
			ZH: "探测没有进程监听的端口每次都会失败（connection refused）；容器没有声明的端口往往是写错了，或是别的容器的端口。",
		},
		"lint.why.ref-missing": {
			EN: "Pods cannot start without what they refer to: a missing ConfigMap or Secret stops the container (CreateContainerConfigError) or its volume (FailedMount), a missing PVC keeps the pod Pending, a missing ServiceAccount stops the controller from creating pods.",
			ZH: "Pod 依赖的对象不存在时无法启动：缺少 ConfigMap 或 Secret 会导致容器无法创建（CreateContainerConfigError）或卷无法挂载（FailedMount），缺少 PVC 会让 Pod 一直 Pending，缺少 ServiceAccount 会让控制器无法创建 Pod。",
		},
		"lint.why.ref-key": {
			EN: "The kubelet will not create the container when a key it needs is missing (couldn't find key … in ConfigMap …), unless the reference is optional.",
			ZH: "容器需要的键不存在时 kubelet 不会创建容器（couldn't find key … in ConfigMap …），除非该引用设置了 optional。",
		},
		"lint.why.host-port": {
			EN: "A hostPort is a port of the node: two pods that want the same one cannot share a node, so the scheduler leaves the extra ones Pending (didn't have free ports). A Service is usually the better way to expose a port.",
			ZH: "hostPort 占用的是节点端口，需要同一端口的两个 Pod 不能调度到同一节点，多出来的会一直 Pending（didn't have free ports）。对外暴露端口通常建议用 Service。",
		},
		"lint.why.host-port-nodes": {
			EN: "Each pod needs a node of its own for the port, so replicas beyond the number of schedulable nodes can never be placed.",
			ZH: "每个 Pod 都需要独占一个节点的该端口，超过可调度节点数的副本永远无法被调度。",
		},
		"lint.why.sts-service": {
			EN: "A StatefulSet's pods get their stable DNS names (web-0.web.ns.svc) from the headless Service named in serviceName; without it peers that find each other by those names never do.",
			ZH: "StatefulSet 的 Pod 通过 serviceName 指定的 Headless Service 获得固定的 DNS 名称（web-0.web.ns.svc）；没有它，依靠这些名称互相发现的成员永远找不到彼此。",
		},
		"lint.why.sts-headless": {
			EN: "Only a headless Service (clusterIP: None) gives each pod its own DNS record; a Service with a cluster IP load-balances instead.",
			ZH: "只有 Headless Service（clusterIP: None）才会为每个 Pod 创建独立的 DNS 记录；有 ClusterIP 的 Service 只会做负载均衡。",
		},
		"lint.why.sts-selector": {
			EN: "DNS records are created for the pods the Service selects; a selector that misses the StatefulSet's pods gives them no names.",
			ZH: "DNS 记录只为 Service 选中的 Pod 创建；selector 选不中 StatefulSet 的 Pod，它们就没有 DNS 名称。",
		},

		// Problems.
		"lint.syntax":     {EN: "YAML syntax error: %[1]s", ZH: "YAML 语法错误：%[1]s"},
		"lint.template":   {EN: "this file is a Helm template ({{ … }}), not YAML a cluster accepts: lint the output of helm template instead", ZH: "该文件是 Helm 模板（{{ … }}），不是集群能接受的 YAML：请检查 helm template 渲染后的输出"},
		"lint.too-deep":   {EN: "the document nests or expands (YAML aliases) beyond what any manifest needs; not checked further", ZH: "文档嵌套过深或 YAML 别名展开过多，超出任何清单的需要；不再继续检查"},
		"lint.not-object": {EN: "this document is not a mapping (apiVersion, kind, metadata…)", ZH: "该文档不是映射（apiVersion、kind、metadata……）"},
		"lint.missing-kind": {
			EN: "%[1]s missing: kubectl cannot tell what this object is",
			ZH: "缺少 %[1]s：kubectl 无法识别这是什么对象",
		},
		"lint.api-removed": {
			EN: "%[1]s %[2]s is no longer served (removed in Kubernetes %[3]s); use apiVersion: %[4]s",
			ZH: "%[1]s 的 %[2]s 已不再提供（Kubernetes %[3]s 中移除）；请改用 apiVersion: %[4]s",
		},
		"lint.invalid-name": {
			EN: "metadata.name %[1]q is not a name the API server accepts: %[2]s",
			ZH: "metadata.name %[1]q 不是 API server 接受的名字：%[2]s",
		},
		"lint.kind-unknown": {
			EN: "%[2]s has no kind %[1]s: the API server refuses it, and no CustomResourceDefinition can add a kind to a built-in group",
			ZH: "%[2]s 中没有 %[1]s 这个 kind：API server 会拒绝，CRD 也不能往内置 API 组里加 kind",
		},
		"lint.kind-unknown.near": {
			EN: "%[2]s has no kind %[1]s (did you mean %[3]s?): the API server refuses it",
			ZH: "%[2]s 中没有 %[1]s 这个 kind（是不是 %[3]s？）：API server 会拒绝",
		},
		"lint.enum": {
			EN: "%[1]s: unsupported value %[2]q; the API server accepts %[3]s",
			ZH: "%[1]s：不支持的值 %[2]q；API server 只接受 %[3]s",
		},
		"lint.api-gone": {
			EN: "%[1]s %[2]s is no longer served (removed in Kubernetes %[3]s), and %[2]s has no newer version: the API server refuses it",
			ZH: "%[1]s 的 %[2]s 已不再提供（Kubernetes %[3]s 中移除），而且 %[2]s 没有更新的版本：API server 会拒绝它",
		},
		"lint.api-unknown": {
			EN: "%[2]s is not served in apiVersion %[1]s; use apiVersion: %[3]s",
			ZH: "apiVersion %[1]s 中没有 %[2]s；请改用 apiVersion: %[3]s",
		},
		"lint.duplicate-key": {
			EN: "%[1]s is written twice with different values (first on line %[2]d): kubectl sends only this last one and drops the first without a word",
			ZH: "%[1]s 写了两次且值不同（第一次在第 %[2]d 行）：kubectl 只发送这里的最后一个值，前一个被悄悄丢弃",
		},
		"lint.duplicate-key.same": {
			EN: "%[1]s is written twice with the same value (first on line %[2]d): harmless, one of them can go",
			ZH: "%[1]s 写了两次且值相同（第一次在第 %[2]d 行）：无害，可以删掉其中一个",
		},
		"lint.unknown-field": {
			EN: "%[1]s is not a field of %[2]s",
			ZH: "%[1]s 不是 %[2]s 的字段",
		},
		"lint.unknown-field.moved": {
			EN: "%[1]s is not a field of %[2]s; did you mean %[3]s?",
			ZH: "%[1]s 不是 %[2]s 的字段；是否应写在 %[3]s？",
		},
		"lint.unknown-field.typo": {
			EN: "%[1]s is not a field of %[2]s; did you mean %[3]s?",
			ZH: "%[1]s 不是 %[2]s 的字段；是否想写 %[3]s？",
		},
		"lint.wrong-type": {
			EN: "%[1]s must be %[2]s, but is %[3]s",
			ZH: "%[1]s 应为%[2]s，实际是%[3]s",
		},
		"lint.wrong-type.quote": {
			EN: "%[1]s must be a string, but YAML reads the unquoted value as %[2]s: put it in quotes",
			ZH: "%[1]s 应为字符串，但未加引号的值会被 YAML 解析为%[2]s：请加上引号",
		},
		"lint.wrong-type.yaml11": {
			EN: "%[1]s must be %[2]s, but kubectl's YAML 1.1 reads an unquoted %[3]s as true/false: put it in quotes",
			ZH: "%[1]s 应为%[2]s，但 kubectl 使用的 YAML 1.1 会把未加引号的 %[3]s 解析为 true/false：请加上引号",
		},
		"lint.invalid-base64": {
			EN: "%[1]s is not valid base64 (data holds base64; use stringData for plain text)",
			ZH: "%[1]s 不是合法的 base64（data 中应为 base64 编码；明文请写在 stringData 中）",
		},
		"lint.invalid-quantity": {
			EN: "%[1]s: %[2]q is not a quantity (like 250m, 0.5, 128Mi, 2Gi; note Mi/Gi, not MB/GB)",
			ZH: "%[1]s：%[2]q 不是合法的资源数量（例如 250m、0.5、128Mi、2Gi；注意是 Mi/Gi 而不是 MB/GB）",
		},
		"lint.invalid-value": {
			EN: "%[1]s cannot be read as a %[2]s",
			ZH: "%[1]s 无法解析为 %[2]s",
		},
		"lint.out-of-range": {
			EN: "%[1]s is out of range for its type (%[2]s)",
			ZH: "%[1]s 超出了其类型（%[2]s）的取值范围",
		},
		"lint.not-finite": {
			EN: "%[1]s must be a finite number (JSON has no .inf or .nan)",
			ZH: "%[1]s 必须是有限数值（JSON 不支持 .inf 或 .nan）",
		},
		"lint.type.string":        {EN: "a string", ZH: "字符串"},
		"lint.type.bool":          {EN: "true or false", ZH: "布尔值（true 或 false）"},
		"lint.type.int":           {EN: "an integer", ZH: "整数"},
		"lint.type.number":        {EN: "a number", ZH: "数值"},
		"lint.type.list":          {EN: "a list", ZH: "列表"},
		"lint.type.mapping":       {EN: "a mapping (key: value)", ZH: "映射（key: value）"},
		"lint.type.quantity":      {EN: "a quantity (like 500m or 1Gi)", ZH: "资源数量（例如 500m 或 1Gi）"},
		"lint.type.int-or-string": {EN: "a port number or name", ZH: "端口号或端口名"},
		"lint.type.base64":        {EN: "a base64 string", ZH: "base64 字符串"},
		"lint.type.any":           {EN: "a value", ZH: "值"},
		"lint.found.null":         {EN: "null", ZH: "空值"},
		"lint.found.bool":         {EN: "a boolean", ZH: "布尔值"},
		"lint.found.number":       {EN: "a number", ZH: "数值"},
		"lint.found.string":       {EN: "a string", ZH: "字符串"},
		"lint.found.list":         {EN: "a list", ZH: "列表"},
		"lint.found.mapping":      {EN: "a mapping", ZH: "映射"},
		"lint.required": {
			EN: "%[1]s is required",
			ZH: "缺少必填字段 %[1]s",
		},
		"lint.required.containers": {
			EN: "%[1]s is required: a pod needs at least one container",
			ZH: "缺少必填字段 %[1]s：Pod 至少需要一个容器",
		},
		"lint.create-only": {
			EN: "a %[1]s can be created but never read back, so kubectl apply (which reads the object first) refuses it: send it with kubectl create -f",
			ZH: "%[1]s 只能创建、不能读回，而 kubectl apply 要先读取对象，所以会拒绝：请用 kubectl create -f 提交",
		},
		"lint.config-kind": {
			EN: "%[2]s (%[1]s) is a configuration file a Kubernetes component reads from disk, not an object the API server serves: kubectl apply refuses it",
			ZH: "%[2]s（%[1]s）是 Kubernetes 组件从磁盘读取的配置文件，不是 API server 提供的对象：kubectl apply 会拒绝它",
		},
		"lint.required.sa-namespace": {
			EN: "%[1]s is required: a ClusterRoleBinding has no namespace to give the service account",
			ZH: "缺少必填字段 %[1]s：ClusterRoleBinding 没有命名空间可以赋给这个 ServiceAccount",
		},
		"lint.required.selector": {
			EN: "%[1]s is required in %[2]s (it is no longer derived from the template's labels)",
			ZH: "%[2]s 中 %[1]s 是必填字段（不再根据模板标签自动生成）",
		},
		"lint.selector-invalid": {
			EN: "%[1]s is not a valid label selector: %[2]s",
			ZH: "%[1]s 不是合法的标签选择器：%[2]s",
		},
		"lint.selector-mismatch": {
			EN: "%[1]s (%[2]s) does not select the pod template's labels (%[3]s: %[4]s)",
			ZH: "%[1]s（%[2]s）选不中 Pod 模板的标签（%[3]s：%[4]s）",
		},
		"lint.restart-policy.job": {
			EN: "%[1]s is %[2]s; a Job's pods must use Never or OnFailure",
			ZH: "%[1]s 为 %[2]s；Job 的 Pod 只能使用 Never 或 OnFailure",
		},
		"lint.restart-policy.controller": {
			EN: "%[1]s is %[2]s; a %[3]s's pods must use Always",
			ZH: "%[1]s 为 %[2]s；%[3]s 的 Pod 只能使用 Always",
		},
		"lint.unknown-volume": {
			EN: "%[1]s: no volume named %[2]q in the pod (volumes: %[3]s)",
			ZH: "%[1]s：Pod 中没有名为 %[2]q 的卷（已有的卷：%[3]s）",
		},
		"lint.unknown-volume.none": {
			EN: "%[1]s: no volume named %[2]q — the pod defines no volumes",
			ZH: "%[1]s：没有名为 %[2]q 的卷——该 Pod 没有定义任何卷",
		},
		"lint.image-invalid": {
			EN: "%[1]s: %[2]q is not a valid image reference: %[3]s",
			ZH: "%[1]s：%[2]q 不是合法的镜像地址：%[3]s",
		},
		"lint.image-invalid.upper":     {EN: "repository names must be lower case", ZH: "仓库路径必须为小写"},
		"lint.image-invalid.space":     {EN: "it contains white space", ZH: "其中含有空白字符"},
		"lint.image-invalid.scheme":    {EN: "drop the scheme (https://): an image is host/path:tag", ZH: "去掉协议前缀（https://）：镜像地址的格式是 主机/路径:标签"},
		"lint.image-invalid.empty-tag": {EN: "the tag or digest after : or @ is empty", ZH: ": 或 @ 后面的标签或摘要为空"},
		"lint.image-invalid.syntax":    {EN: "it does not follow [registry/]repository[:tag][@digest]", ZH: "不符合 [仓库地址/]镜像路径[:标签][@摘要] 的格式"},
		"lint.policy.default-always":   {EN: "Always (the default without a tag or with :latest)", ZH: "Always（没有标签或使用 :latest 时的默认值）"},
		"lint.image-notag.always": {
			EN: "image %[1]s has no tag, so it is :latest, pulled with imagePullPolicy %[2]s: every pod start pulls again, and a new push changes what runs",
			ZH: "镜像 %[1]s 没有标签，等同于 :latest，imagePullPolicy 为 %[2]s：每次启动 Pod 都会重新拉取，新推送的镜像会改变运行的版本",
		},
		"lint.image-notag.ifnotpresent": {
			EN: "image %[1]s has no tag, so it is :latest, pulled with imagePullPolicy %[2]s: each node keeps whichever build it pulled first",
			ZH: "镜像 %[1]s 没有标签，等同于 :latest，imagePullPolicy 为 %[2]s：每个节点会一直使用各自第一次拉到的版本",
		},
		"lint.image-latest.always": {
			EN: "image %[1]s uses :latest with imagePullPolicy %[2]s: every pod start pulls again, and a new push changes what runs",
			ZH: "镜像 %[1]s 使用 :latest，imagePullPolicy 为 %[2]s：每次启动 Pod 都会重新拉取，新推送的镜像会改变运行的版本",
		},
		"lint.image-latest.ifnotpresent": {
			EN: "image %[1]s uses :latest with imagePullPolicy %[2]s: each node keeps whichever build it pulled first",
			ZH: "镜像 %[1]s 使用 :latest，imagePullPolicy 为 %[2]s：每个节点会一直使用各自第一次拉到的版本",
		},
		"lint.no-requests": {
			EN: "container %[1]s sets no request for %[2]s",
			ZH: "容器 %[1]s 没有设置 %[2]s 的 requests",
		},
		"lint.no-limits": {
			EN: "container %[1]s has no memory limit",
			ZH: "容器 %[1]s 没有设置内存 limit",
		},
		"lint.request-over": {
			EN: "%[1]s is %[2]s, more than its limit %[3]s",
			ZH: "%[1]s 为 %[2]s，大于其 limit %[3]s",
		},
		"lint.too-large": {
			EN: "pods of %[1]s need more than any node has allocatable: %[2]s",
			ZH: "%[1]s 的 Pod 需要的资源超过任何节点的可分配量：%[2]s",
		},
		"lint.too-large.part": {
			EN: "%[1]s %[2]s requested, at most %[3]s on a node (%[4]s)",
			ZH: "请求 %[1]s %[2]s，单个节点最多 %[3]s（%[4]s）",
		},
		"lint.too-large.combined": {
			EN: "pods of %[1]s need more than any one of the %[2]d schedulable nodes has allocatable of all their resources together",
			ZH: "%[1]s 的 Pod 需要的各项资源合计起来，%[2]d 个可调度节点中没有一个能同时满足",
		},
		"lint.probe-named-port": {
			EN: "%[1]s names port %[2]q, but container %[3]s has no port of that name (ports: %[4]s)",
			ZH: "%[1]s 引用了端口名 %[2]q，但容器 %[3]s 中没有该名称的端口（已声明：%[4]s）",
		},
		"lint.probe-named-port.none": {
			EN: "%[1]s names port %[2]q, but container %[3]s declares no ports",
			ZH: "%[1]s 引用了端口名 %[2]q，但容器 %[3]s 没有声明任何端口",
		},
		"lint.probe-port": {
			EN: "%[1]s probes port %[2]d, which container %[3]s does not declare (ports: %[4]s)",
			ZH: "%[1]s 探测端口 %[2]d，但容器 %[3]s 没有声明该端口（已声明：%[4]s）",
		},
		"lint.probe-port.none": {
			EN: "%[1]s probes port %[2]d; container %[3]s declares no ports, so nothing shows the two agree",
			ZH: "%[1]s 探测端口 %[2]d；容器 %[3]s 没有声明任何端口，无法确认二者一致",
		},
		"lint.probe-port.other": {
			EN: "%[1]s probes port %[2]d, which container %[4]s declares, not %[3]s: %[3]s is judged by %[4]s's health",
			ZH: "%[1]s 探测端口 %[2]d，该端口由容器 %[4]s 而不是 %[3]s 声明：%[3]s 的健康状况将由 %[4]s 决定",
		},
		"lint.effect.env":    {EN: "the container will not be created (CreateContainerConfigError)", ZH: "容器将无法创建（CreateContainerConfigError）"},
		"lint.effect.volume": {EN: "the volume will not mount and the pod stays in ContainerCreating (FailedMount)", ZH: "卷无法挂载，Pod 会一直停在 ContainerCreating（FailedMount）"},
		"lint.effect.pvc":    {EN: "the pod will stay Pending", ZH: "Pod 会一直 Pending"},
		"lint.effect.sa":     {EN: "the controller will not be able to create pods (serviceaccount not found)", ZH: "控制器将无法创建 Pod（serviceaccount not found）"},
		"lint.effect.pull":   {EN: "images are pulled without these credentials: a private image fails with ImagePullBackOff", ZH: "拉取镜像时不会带上这些凭据：私有镜像会拉取失败（ImagePullBackOff）"},
		"lint.ref-missing.input": {
			EN: "%[1]s %[2]s is not in the input; unless it already exists in the cluster (check with --cluster), %[3]s",
			ZH: "输入中没有 %[1]s %[2]s；如果集群中也不存在（可用 --cluster 检查），%[3]s",
		},
		"lint.ref-missing.unlisted": {
			EN: "%[1]s %[2]s is not in the input, and the cluster did not allow listing %[1]s objects: unless it exists there, %[3]s",
			ZH: "输入中没有 %[1]s %[2]s，且集群不允许列出 %[1]s 对象：如果集群中也不存在，%[3]s",
		},
		"lint.ref-missing.cluster": {
			EN: "%[1]s %[2]s is neither in the input nor in namespace %[3]s of the cluster: %[4]s",
			ZH: "输入和集群的命名空间 %[3]s 中都没有 %[1]s %[2]s：%[4]s",
		},
		"lint.ref-key": {
			EN: "key %[1]q is not in %[2]s %[3]s (keys: %[4]s): %[5]s",
			ZH: "%[2]s %[3]s 中没有键 %[1]q（已有的键：%[4]s）：%[5]s",
		},
		"lint.host-port": {
			EN: "container %[1]s binds hostPort %[2]d/%[3]s: at most one such pod fits on each node",
			ZH: "容器 %[1]s 绑定了 hostPort %[2]d/%[3]s：每个节点最多只能运行一个这样的 Pod",
		},
		"lint.host-port.daemonset": {
			EN: "container %[1]s binds hostPort %[2]d/%[3]s: one pod per node as a DaemonSet should, but no other pod can use that port on any of its nodes",
			ZH: "容器 %[1]s 绑定了 hostPort %[2]d/%[3]s：作为 DaemonSet 每个节点只有一个 Pod，但其所在节点上的其他 Pod 都不能再使用该端口",
		},
		"lint.host-port-nodes": {
			EN: "%[1]d replicas each need hostPort %[2]d/%[3]s, but the cluster has %[4]d schedulable nodes: %[5]d pods will stay Pending",
			ZH: "%[1]d 个副本都需要 hostPort %[2]d/%[3]s，但集群只有 %[4]d 个可调度节点：%[5]d 个 Pod 会一直 Pending",
		},
		"lint.sts-no-service-name": {
			EN: "StatefulSet %[1]s sets no spec.serviceName: its pods get no stable DNS names",
			ZH: "StatefulSet %[1]s 没有设置 spec.serviceName：其 Pod 不会有固定的 DNS 名称",
		},
		"lint.sts-service.input": {
			EN: "Service %[1]s (spec.serviceName) is not in the input; unless it already exists in the cluster (check with --cluster), the pods get no stable DNS names",
			ZH: "输入中没有 Service %[1]s（spec.serviceName）；如果集群中也不存在（可用 --cluster 检查），Pod 不会有固定的 DNS 名称",
		},
		"lint.sts-service.unlisted": {
			EN: "Service %[1]s (spec.serviceName) is not in the input, and the cluster did not allow listing Services: unless it exists there, the pods get no stable DNS names",
			ZH: "输入中没有 Service %[1]s（spec.serviceName），且集群不允许列出 Service：如果集群中也不存在，Pod 不会有固定的 DNS 名称",
		},
		"lint.sts-service.cluster": {
			EN: "Service %[1]s (spec.serviceName) is neither in the input nor in namespace %[2]s of the cluster: the pods get no stable DNS names",
			ZH: "输入和集群的命名空间 %[2]s 中都没有 Service %[1]s（spec.serviceName）：Pod 不会有固定的 DNS 名称",
		},
		"lint.sts-headless": {
			EN: "Service %[1]s, the serviceName of StatefulSet %[2]s, is not headless: set clusterIP: None",
			ZH: "Service %[1]s 是 StatefulSet %[2]s 的 serviceName，但不是 Headless Service：请设置 clusterIP: None",
		},
		"lint.sts-selector": {
			EN: "Service %[1]s selects %[2]s, which does not match the pods of StatefulSet %[3]s (%[4]s)",
			ZH: "Service %[1]s 的选择器 %[2]s 选不中 StatefulSet %[3]s 的 Pod（%[4]s）",
		},

		// Report.
		"lint.why-prefix":  {EN: "why: %[1]s", ZH: "原因：%[1]s"},
		"lint.note-prefix": {EN: "note: %[1]s", ZH: "注意：%[1]s"},
		"lint.note.not-listed": {
			EN: "%[1]s objects could not be listed in the cluster: references to them were checked against the input only",
			ZH: "无法列出集群中的 %[1]s 对象：对它们的引用只在输入中检查",
		},
		"lint.note.cluster": {EN: "cluster: %[1]s", ZH: "集群：%[1]s"},
		"lint.unchecked": {
			EN: "only YAML checked (no API type in podwhy lint): %[1]s",
			ZH: "只检查了 YAML（podwhy lint 不包含其 API 类型）：%[1]s",
		},
		"lint.n.object":     {EN: "%[1]d objects", ZH: "%[1]d 个对象"},
		"lint.n.object.one": {EN: "%[1]d object", ZH: "%[1]d 个对象"},
		"lint.n.file":       {EN: "%[1]d files", ZH: "%[1]d 个文件"},
		"lint.n.file.one":   {EN: "%[1]d file", ZH: "%[1]d 个文件"},
		"lint.summary": {
			EN: "%[1]s in %[2]s checked (%[3]s)",
			ZH: "检查了 %[3]s 中的 %[2]s：%[1]s",
		},
		"lint.summary.clean": {
			EN: "no problems in %[1]s checked (%[2]s)",
			ZH: "检查了 %[2]s 中的 %[1]s：没有发现问题",
		},
	})
}
