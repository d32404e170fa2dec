package i18n

// Controllers: Deployments, StatefulSets, DaemonSets, Jobs (catalog §9).
func init() {
	add(map[string]Text{
		"deploy.progress.head": {
			EN: "rollout of %[1]s made no progress within %[2]s (ProgressDeadlineExceeded)",
			ZH: "%[1]s 的发布在 %[2]s 内没有进展（ProgressDeadlineExceeded）",
		},
		"deploy.progress.why": {
			EN: "The new ReplicaSet's pods did not become available within progressDeadlineSeconds, so the rollout is marked failed while the old ReplicaSet keeps serving. Kubernetes does not roll back by itself: fix the new pods or undo the rollout.",
			ZH: "新 ReplicaSet 的 Pod 没有在 progressDeadlineSeconds 内变为可用，发布被标记为失败，旧 ReplicaSet 继续提供服务。Kubernetes 不会自动回滚：要么修复新 Pod 的问题，要么手动回滚。",
		},
		"deploy.step.first": {
			EN: "This is the Deployment's first revision, so there is nothing to roll back to: fix the pod template (image, command, config) in place",
			ZH: "这是该 Deployment 的第一个版本，没有可回滚的版本：直接修正 Pod 模板（镜像、命令、配置）",
		},
		"deploy.step.rollback": {
			EN: "Roll back to the previous revision",
			ZH: "回滚到上一个版本",
		},
		"deploy.step.history": {
			EN: "See the revision history",
			ZH: "查看发布历史",
		},
		"deploy.rs": {
			EN: "ReplicaSets and their ready pods",
			ZH: "各 ReplicaSet 及其就绪的 Pod 数",
		},
		"deploy.replicafailure.head": {
			EN: "%[1]s cannot create pods: %[2]s",
			ZH: "%[1]s 无法创建 Pod：%[2]s",
		},
		"deploy.replicafailure.why": {
			EN: "The Deployment's ReplicaSet is refused when it creates pods (quota, LimitRange, Pod Security, a webhook, a missing ServiceAccount). The message is the API server's answer; there is no pod to inspect.",
			ZH: "Deployment 的 ReplicaSet 在创建 Pod 时被拒绝（配额、LimitRange、Pod Security、webhook、ServiceAccount 不存在等）。消息即 API Server 的原始答复；此时没有 Pod 可供排查。",
		},

		// StatefulSet OrderedReady: name, blocking pod, pods that exist, replicas.
		"sts.blocked.head": {
			EN: "%[1]s is stuck at %[2]s: only %[3]d of %[4]d pods exist",
			ZH: "%[1]s 卡在 %[2]s：%[4]d 个副本中只创建了 %[3]d 个",
		},
		"sts.blocked.note": {
			EN: "OrderedReady: the next pod is created only once %[1]s is Running and Ready",
			ZH: "OrderedReady 策略：%[1]s 变为 Running 且 Ready 之后才会创建下一个 Pod",
		},
		"sts.blocked.why": {
			EN: "With podManagementPolicy OrderedReady (the default) a StatefulSet creates its pods one at a time, in order, and waits for each to be Ready. One pod that cannot start blocks every higher ordinal, so fix that pod first. Switch to Parallel only if the application does not need ordered start-up.",
			ZH: "podManagementPolicy 为 OrderedReady（默认值）时，StatefulSet 按序号逐个创建 Pod，并等前一个 Ready 后再创建下一个。只要有一个 Pod 起不来，后面所有序号都会被阻塞，所以应先修复这个 Pod。只有应用不依赖有序启动时，才考虑改用 Parallel。",
		},

		// DaemonSet: name, desired, current (scheduled), ready.
		"ds.short.head": {
			EN: "%[1]s should run on %[2]d nodes: %[3]d scheduled, %[4]d ready",
			ZH: "%[1]s 应在 %[2]d 个节点上运行：已调度 %[3]d 个，就绪 %[4]d 个",
		},
		"ds.short.nodes": {
			EN: "nodes without a pod of it [taints it does not tolerate]",
			ZH: "没有运行其 Pod 的节点 [它不容忍的污点]",
		},
		"ds.short.why": {
			EN: "A DaemonSet runs one pod on every node its node selector, affinity and tolerations allow; that count is 'desired'. Fewer scheduled pods mean pods could not be created or placed on some of those nodes (FailedCreate, insufficient resources, a hostPort clash); scheduled pods that are not ready are explained by the pod findings. Nodes with taints it does not tolerate are not expected to run it at all.",
			ZH: "DaemonSet 会在其 nodeSelector、亲和性和容忍度允许的每个节点上各运行一个 Pod，这个数量就是 desired。已调度数少于 desired，说明在部分节点上 Pod 无法创建或放不下（FailedCreate、资源不足、hostPort 冲突等）；已调度但未就绪的 Pod 请参看 Pod 层面的诊断。带有它不容忍的污点的节点本来就不会运行它。",
		},
		"ds.short.step": {
			EN: "See on which nodes its pods run, and their status",
			ZH: "查看其 Pod 分布在哪些节点上及其状态",
		},
		"ds.mis.head": {
			EN: "%[1]s runs %[2]d pods on nodes where it should not",
			ZH: "%[1]s 有 %[2]d 个 Pod 运行在不该运行的节点上",
		},
		"ds.mis.why": {
			EN: "These pods run on nodes that no longer match the DaemonSet's node selector or affinity, usually because node labels changed. Check that the label change was intended; the controller removes pods from nodes it no longer selects.",
			ZH: "这些 Pod 所在的节点已不再匹配 DaemonSet 的 nodeSelector 或亲和性，通常是节点标签被修改了。请确认这次标签变更是有意为之；控制器会删除不再选中的节点上的 Pod。",
		},

		// Jobs: job name, condition reason, failed pods, backoffLimit.
		"job.failed.head": {
			EN: "Job %[1]s failed (%[2]s): %[3]d failed pods, backoffLimit %[4]d",
			ZH: "Job %[1]s 已失败（%[2]s）：失败 Pod %[3]d 个，backoffLimit 为 %[4]d",
		},
		"job.failed.head-unseen": {
			EN: "Job %[1]s failed (%[2]s); how many pods failed and its backoffLimit are not visible in this paste",
			ZH: "Job %[1]s 已失败（%[2]s）；此次粘贴的内容里看不到失败 Pod 的数量和 backoffLimit",
		},
		"job.failed.why": {
			EN: "The Job controller has stopped retrying: the pods failed more often than backoffLimit allows, or the Job ran past its activeDeadlineSeconds. The failed pods' exit codes and logs say why; a CronJob will fail the same way at its next run unless the cause is fixed.",
			ZH: "Job 控制器已停止重试：Pod 失败次数超过了 backoffLimit，或者 Job 运行时间超过了 activeDeadlineSeconds。失败 Pod 的退出码和日志会说明原因；如果是 CronJob，不修复原因的话下次调度时还会同样失败。",
		},
		"job.failing.head": {
			EN: "Job %[1]s is retrying: %[2]d pods failed so far (backoffLimit %[3]d)",
			ZH: "Job %[1]s 正在重试：已有 %[2]d 个 Pod 失败（backoffLimit 为 %[3]d）",
		},
		"job.failing.why": {
			EN: "The Job is still running but its pods keep failing; once the failures exceed backoffLimit the Job is marked Failed. Retries back off exponentially (10s, 20s, 40s … up to 6 minutes).",
			ZH: "Job 仍在运行，但其 Pod 不断失败；失败次数超过 backoffLimit 后 Job 会被标记为 Failed。重试间隔按指数退避（10 秒、20 秒、40 秒……最长 6 分钟）。",
		},
		"job.step.logs": {
			EN: "Read the log of a failed pod",
			ZH: "查看失败 Pod 的日志",
		},
		"job.step.describe": {
			EN: "See the Job's conditions and events",
			ZH: "查看 Job 的状态条件和事件",
		},
		"job.step.rerun": {
			EN: "After the fix, run the CronJob once by hand",
			ZH: "修复后手动触发一次 CronJob",
		},
	})
}
