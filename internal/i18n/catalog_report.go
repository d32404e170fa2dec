package i18n

func init() {
	add(map[string]Text{
		"sev.error":   {EN: "error", ZH: "错误"},
		"sev.warning": {EN: "warning", ZH: "警告"},
		"sev.info":    {EN: "info", ZH: "提示"},

		"report.summary": {
			EN: "%[1]s in %[2]s: %[3]s (%[4]s)",
			ZH: "%[2]s中发现%[1]s：%[3]s（%[4]s）",
		},
		"report.cluster-scope":   {EN: "cluster-scoped objects", ZH: "集群级对象"},
		"report.n.problem":       {EN: "%[1]d problems", ZH: " %[1]d 个问题"},
		"report.n.problem.one":   {EN: "%[1]d problem", ZH: " %[1]d 个问题"},
		"report.n.namespace":     {EN: "%[1]d namespaces", ZH: "%[1]d 个命名空间"},
		"report.n.namespace.one": {EN: "%[1]d namespace", ZH: "%[1]d 个命名空间"},
		"report.n.error":         {EN: "%[1]d errors", ZH: "%[1]d 个错误"},
		"report.n.error.one":     {EN: "%[1]d error", ZH: "%[1]d 个错误"},
		"report.n.warning":       {EN: "%[1]d warnings", ZH: "%[1]d 个警告"},
		"report.n.warning.one":   {EN: "%[1]d warning", ZH: "%[1]d 个警告"},
		"report.n.info":          {EN: "%[1]d info", ZH: "%[1]d 个提示"},
		"report.n.info.one":      {EN: "%[1]d info", ZH: "%[1]d 个提示"},
		"report.summary.none": {
			EN: "No problems found (%[1]d pods, %[2]d nodes checked)",
			ZH: "未发现问题（已检查 %[1]d 个 Pod、%[2]d 个节点）",
		},
		"report.summary.unexplained": {
			EN: "No cause podwhy can name, but %[1]d warnings or unhealthy states are not explained (listed above): not an all-clear",
			ZH: "podwhy 没能给出原因，但有 %[1]d 条 Warning 事件或异常状态没有得到解释（见上），这并不代表一切正常",
		},
		"report.unexplained":       {EN: "Warnings and unhealthy states podwhy did not explain:", ZH: "podwhy 未能解释的 Warning 事件和异常状态："},
		"report.more":              {EN: "+%[1]d more", ZH: "另有 %[1]d 个"},
		"report.pods":              {EN: "Pods:", ZH: "Pod："},
		"report.status":            {EN: "Status:", ZH: "状态："},
		"report.on-node":           {EN: "on %[1]s", ZH: "位于节点 %[1]s"},
		"report.restarts":          {EN: "restart count %[1]d", ZH: "已重启 %[1]d 次"},
		"report.evidence":          {EN: "Evidence:", ZH: "证据："},
		"report.why":               {EN: "Why:", ZH: "原因："},
		"report.unchecked":         {EN: "Not checked:", ZH: "未能检查："},
		"report.paste-next":        {EN: "Paste next:", ZH: "请再贴出以下命令的输出："},
		"report.confidence.medium": {EN: "(confidence: medium)", ZH: "（可信度：中）"},
		"report.confidence.low":    {EN: "(confidence: low: the input shows only part of this pod)", ZH: "（可信度：低：输入中只能看到这个 Pod 的一部分信息）"},
		"report.next":              {EN: "Next steps:", ZH: "处理步骤："},
		"report.changes":           {EN: "(changes the cluster)", ZH: "（会修改集群）"},
		"report.pods-of":           {EN: "%[1]d of %[2]d pods", ZH: "%[2]d 个 Pod 中的 %[1]d 个"},
		"report.pods-n":            {EN: "%[1]d pods", ZH: "%[1]d 个 Pod"},
		"report.pods-affected":     {EN: "%[1]d pods affected", ZH: "影响 %[1]d 个 Pod"},
		"report.container":         {EN: "container %[1]s", ZH: "容器 %[1]s"},
		"report.init-container":    {EN: "init container %[1]s", ZH: "init 容器 %[1]s"},
		"report.sidecar":           {EN: "sidecar %[1]s", ZH: "边车容器 %[1]s"},
		"report.others-ok":         {EN: "other containers are fine", ZH: "其他容器正常"},
		"report.others-bad":        {EN: "other containers are not ready either", ZH: "其他容器也未就绪"},
		"report.event":             {EN: "event %[1]s", ZH: "事件 %[1]s"},
		"report.event.repeat":      {EN: "×%[1]d over %[2]s", ZH: "%[2]s 内 %[1]d 次"},
		"report.event.ago":         {EN: "last %[1]s ago", ZH: "最近一次在 %[1]s 前"},
		"report.log":               {EN: "log %[1]s", ZH: "日志 %[1]s"},

		"report.sep": {EN: ", ", ZH: "，"},

		"term.state.gone":    {EN: "deleted", ZH: "已被删除"},
		"term.state.Unknown": {EN: "unreachable (Ready=Unknown)", ZH: "失联（Ready=Unknown）"},
		"term.state.False":   {EN: "NotReady (Ready=False)", ZH: "未就绪（Ready=False）"},
		"term.state.True":    {EN: "Ready", ZH: "就绪"},
		"term.state.":        {EN: "without a Ready condition", ZH: "没有 Ready 状态"},

		"config.key.didyoumean": {EN: "did you mean key %[1]s? (the reference asks for %[2]s)", ZH: "是不是想引用键 %[1]s？（当前引用的是 %[2]s）"},

		"md.pod":      {EN: "Pod", ZH: "Pod"},
		"md.status":   {EN: "Status", ZH: "状态"},
		"md.node":     {EN: "Node", ZH: "节点"},
		"md.restarts": {EN: "Restarts", ZH: "重启次数"},
	})
}
