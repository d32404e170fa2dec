package i18n

// podwhy fix: remedies, refusals and warnings.
func init() {
	add(map[string]Text{
		"fix.none": {
			EN: "%[1]s has no mechanical remedy; its next steps say what to do. podwhy fix handles: %[2]s",
			ZH: "%[1]s 没有可以机械执行的修复；请按其处理步骤操作。podwhy fix 能处理的有：%[2]s",
		},
		"fix.done": {
			EN: "done; to undo: %[1]s",
			ZH: "已完成；如需撤销：%[1]s",
		},
		"fix.dry-run": {
			EN: "Dry run: the API server checked these changes and nothing was changed. Run again with --yes to apply them.",
			ZH: "试运行：API Server 已校验上述修改，集群没有任何改动。加上 --yes 重新运行才会真正执行。",
		},
		"fix.pullsecret.nopods": {
			EN: "no pod of this finding is in the cluster any more",
			ZH: "集群中已没有该问题涉及的 Pod",
		},
		"fix.pullsecret.need-config": {
			EN: "needs credentials for %[1]s: pass --docker-config FILE (a docker config.json; only the %[1]s entry is used)",
			ZH: "需要 %[1]s 的凭据：请用 --docker-config FILE 指定 docker 的 config.json（只会使用其中 %[1]s 的条目）",
		},
		"fix.pullsecret.bad-config": {
			EN: "--docker-config: %[1]s",
			ZH: "--docker-config：%[1]s",
		},
		"fix.pullsecret.exists": {
			EN: "a Secret named %[1]s already exists; podwhy does not overwrite it (choose another name with --secret-name, or attach the existing one yourself)",
			ZH: "已存在名为 %[1]s 的 Secret；podwhy 不会覆盖它（可用 --secret-name 换一个名字，或自行挂载已有的 Secret）",
		},
		"fix.pullsecret.create": {
			EN: "pull secret (kubernetes.io/dockerconfigjson) with the credentials for %[1]s only",
			ZH: "创建镜像拉取 Secret（kubernetes.io/dockerconfigjson），只包含 %[1]s 的凭据",
		},
		"fix.pullsecret.attach-sa": {
			EN: "add %[1]s to the ServiceAccount's imagePullSecrets",
			ZH: "把 %[1]s 加入该 ServiceAccount 的 imagePullSecrets",
		},
		"fix.pullsecret.attach-workload": {
			EN: "add %[1]s to the pod template's imagePullSecrets (starts a rollout)",
			ZH: "把 %[1]s 加入 Pod 模板的 imagePullSecrets（会触发滚动更新）",
		},
		"fix.pullsecret.restart": {
			EN: "restart the workload: pods receive their ServiceAccount's pull secrets only when they are created",
			ZH: "重启该负载：Pod 只有在创建时才会获得其 ServiceAccount 的拉取 Secret",
		},
		"fix.pullsecret.no-template": {
			EN: "a %[1]s has no pod template to patch; use --attach-to serviceaccount",
			ZH: "%[1]s 没有可修改的 Pod 模板；请使用 --attach-to serviceaccount",
		},
		"fix.pullsecret.recreate": {
			EN: "pod %[1]s has no controller to restart it: delete and re-create it yourself once the secret is attached",
			ZH: "Pod %[1]s 没有控制器来重建它：Secret 挂载好之后请自行删除并重新创建",
		},
		"fix.finalizer.remove": {
			EN: "remove the finalizers %[1]s so the deletion completes",
			ZH: "移除 finalizer %[1]s，让删除得以完成",
		},
		"fix.finalizer.warn": {
			EN: "A finalizer is a controller's promise to clean something up (a volume, a DNS record, a lock) before the object goes. Remove it only when that controller is gone for good; whatever it would have cleaned up stays behind.",
			ZH: "finalizer 是某个控制器在对象删除前做清理（卷、DNS 记录、锁等）的承诺。只有确认该控制器已永久不在时才能移除；它本应清理的东西会遗留下来。",
		},
		"fix.finalizer.owner-alive": {
			EN: "the pod's controller %[1]s/%[2]s still exists and may be the one meant to remove the finalizer; refusing",
			ZH: "该 Pod 的控制器 %[1]s/%[2]s 仍然存在，可能正是负责移除该 finalizer 的一方；拒绝执行",
		},
		"fix.finalizer.owner-unknown": {
			EN: "the pod is controlled by %[1]s/%[2]s, which podwhy cannot check; refusing",
			ZH: "该 Pod 由 %[1]s/%[2]s 控制，podwhy 无法核实其状态；拒绝执行",
		},
		"fix.finalizer.nothing": {
			EN: "no pod of this finding still has finalizers",
			ZH: "该问题涉及的 Pod 已没有 finalizer",
		},
		"fix.node.already-gone": {
			EN: "Node %[1]s no longer exists",
			ZH: "Node %[1]s 已不存在",
		},
		"fix.node.not-lost": {
			EN: "node %[1]s has been not Ready for %[2]s only; podwhy acts after %[3]s, like the node controller",
			ZH: "节点 %[1]s 仅处于非 Ready 状态 %[2]s；podwhy 与节点控制器一样，要等满 %[3]s 才会操作",
		},
		"fix.node.confirm": {
			EN: "deleting Node %[1]s is right only if its machine is gone (deleted VM, dead hardware); if so, re-run with --machine-gone",
			ZH: "只有在机器确实已不存在（虚机已删除、硬件损坏）时才应删除 Node %[1]s；如确认，请加 --machine-gone 重新运行",
		},
		"fix.node.delete": {
			EN: "delete the Node object of %[1]s; its %[2]d pods are then removed by the garbage collector and re-created elsewhere by their controllers",
			ZH: "删除 %[1]s 的 Node 对象；其上的 %[2]d 个 Pod 随后由垃圾回收删除，并由各自的控制器在其他节点重建",
		},
		"fix.node.warn": {
			EN: "If the machine is only cut off and comes back, its kubelet re-registers the Node and stops the pods that were moved away.",
			ZH: "如果机器只是失联，恢复后其 kubelet 会重新注册 Node，并停止那些已被迁走的 Pod。",
		},
		"fix.force.delete": {
			EN: "force-delete (grace period 0) the pod stuck on lost node %[1]s, so its controller can replace it",
			ZH: "强制删除（宽限期 0）卡在失联节点 %[1]s 上的 Pod，让其控制器重建它",
		},
		"fix.force.sts-flag": {
			EN: "pod of StatefulSet %[1]s: force-deleting it lets a new pod with the same identity start while the old one may still run; refusing without --force-statefulset",
			ZH: "这是 StatefulSet %[1]s 的 Pod：强制删除后，同一身份的新 Pod 会启动，而旧 Pod 可能仍在运行；没有 --force-statefulset 时拒绝执行",
		},
		"fix.force.sts-confirm": {
			EN: "node %[1]s still exists and its machine is not confirmed gone; a StatefulSet pod is force-deleted only with --machine-gone",
			ZH: "节点 %[1]s 仍然存在，且未确认机器已不存在；只有加上 --machine-gone 才会强制删除 StatefulSet 的 Pod",
		},
		"fix.force.sts-warn": {
			EN: "StatefulSet %[1]s guarantees at most one pod per identity. If the old pod still runs on a machine that is only cut off, two pods with the same identity and storage can run at once: split brain, data loss.",
			ZH: "StatefulSet %[1]s 保证每个身份最多只有一个 Pod。如果旧 Pod 仍在一台只是失联的机器上运行，就会出现两个身份和存储都相同的 Pod 同时运行：脑裂，数据丢失。",
		},
		"fix.force.nothing": {
			EN: "no pod of this finding is still Terminating",
			ZH: "该问题涉及的 Pod 已不再处于 Terminating",
		},
		"fix.unknown-id": {
			EN: "no finding with ID %[1]s in the cluster now (run podwhy to list the current ones)",
			ZH: "集群中当前没有 ID 为 %[1]s 的问题（运行 podwhy 查看当前的问题）",
		},
	})
}
