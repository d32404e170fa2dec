package i18n

// Words of podwhy watch (terminal view) and podwhy serve (log lines and
// the web page, which fetches its texts from /api/v1/i18n).
func init() {
	add(map[string]Text{
		"watch.scope.all":   {EN: "all namespaces", ZH: "所有命名空间"},
		"watch.scope.ns":    {EN: "namespace %[1]s", ZH: "命名空间 %[1]s"},
		"watch.syncing":     {EN: "Reading %[1]s from %[2]s…", ZH: "正在从 %[2]s 读取%[1]s……"},
		"watch.watching":    {EN: "Watching %[1]s for changes (Ctrl-C to stop).", ZH: "正在监视%[1]s的变化（Ctrl-C 退出）。"},
		"watch.opened":      {EN: "NEW", ZH: "新问题"},
		"watch.resolved":    {EN: "RESOLVED", ZH: "已解决"},
		"watch.lost":        {EN: "Lost the API server (%[1]s); showing the last known state and retrying.", ZH: "与 API Server 的连接中断（%[1]s），当前显示的是最后已知状态，正在重试。"},
		"watch.back":        {EN: "Connected to the API server again.", ZH: "已重新连上 API Server。"},
		"watch.no-problems": {EN: "No problems right now.", ZH: "目前没有发现问题。"},

		"serve.memlimit":     {EN: "podwhy serve: Go heap soft limit %[1]d MiB, 90%% of the container's memory limit of %[2]d MiB (GOMEMLIMIT overrides it)", ZH: "podwhy serve：Go 堆软上限 %[1]d MiB，为容器内存上限 %[2]d MiB 的 90%%（可用 GOMEMLIMIT 覆盖）"},
		"serve.listening":    {EN: "podwhy serve: listening on %[1]s (web page, /metrics, /api/v1/findings)", ZH: "podwhy serve：正在监听 %[1]s（网页、/metrics、/api/v1/findings）"},
		"serve.ready":        {EN: "podwhy serve: caches synced, %[1]s", ZH: "podwhy serve：缓存已同步，%[1]s"},
		"serve.api-error":    {EN: "podwhy serve: %[1]s", ZH: "podwhy serve：%[1]s"},
		"serve.shutting":     {EN: "podwhy serve: shutting down", ZH: "podwhy serve：正在关闭"},
		"serve.event":        {EN: "podwhy found %[1]s: %[2]s (finding %[3]s)", ZH: "podwhy 发现 %[1]s：%[2]s（问题 %[3]s）"},
		"serve.events-on":    {EN: "podwhy serve: writing an Event on each object whose finding opens", ZH: "podwhy serve：每出现一个新问题，就在相关对象上写一条 Event"},
		"serve.auth-on":      {EN: "podwhy serve: every request but /healthz and /readyz needs a bearer token whose user may %[1]s %[2]s (TokenReview, SubjectAccessReview)", ZH: "podwhy serve：除 /healthz 与 /readyz 外，每个请求都须携带 Bearer 令牌，且其用户须有 %[2]s 的 %[1]s 权限（TokenReview、SubjectAccessReview）"},
		"serve.auth-off":     {EN: "podwhy serve: no authentication on %[1]s: whoever reaches this port reads every finding; use --auth=kubernetes or a NetworkPolicy", ZH: "podwhy serve：%[1]s 上未启用认证，能连到此端口的人都能读取全部问题；请使用 --auth=kubernetes 或 NetworkPolicy"},
		"web.title":          {EN: "podwhy — why are these pods unhealthy?", ZH: "podwhy —— 这些 Pod 为什么不健康？"},
		"web.namespace":      {EN: "Namespace", ZH: "命名空间"},
		"web.class":          {EN: "Class", ZH: "类别"},
		"web.severity":       {EN: "Severity", ZH: "严重程度"},
		"web.all":            {EN: "All", ZH: "全部"},
		"web.search":         {EN: "Search names, reasons, images…", ZH: "搜索名称、原因、镜像……"},
		"web.live":           {EN: "live", ZH: "实时"},
		"web.offline":        {EN: "reconnecting…", ZH: "正在重连……"},
		"web.syncing":        {EN: "Reading the cluster…", ZH: "正在读取集群……"},
		"web.empty":          {EN: "No problems match.", ZH: "没有符合条件的问题。"},
		"web.pods":           {EN: "Pods", ZH: "Pod"},
		"web.copy":           {EN: "Copy", ZH: "复制"},
		"web.copied":         {EN: "Copied", ZH: "已复制"},
		"web.new":            {EN: "new", ZH: "新"},
		"web.resolved-toast": {EN: "Resolved: %[1]s", ZH: "已解决：%[1]s"},
		"web.cluster":        {EN: "cluster", ZH: "集群"},
		"web.updated-at":     {EN: "diagnosed %[1]s", ZH: "诊断于 %[1]s"},
		"web.since":          {EN: "since %[1]s", ZH: "始于 %[1]s"},
		"web.language":       {EN: "中文", ZH: "English"},
		"web.close":          {EN: "Close", ZH: "关闭"},
		"web.catalog":        {EN: "Every failure class and reason code podwhy reports, and what it checks", ZH: "podwhy 报告的所有故障类别和原因代码，以及各自检查什么"},
	})
}
