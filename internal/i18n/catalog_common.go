package i18n

// Messages shared by several rules: generic steps, input limitations.
func init() {
	add(map[string]Text{
		"step.pod.immutable": {
			EN: "A running Pod's %[1]s cannot be changed, and no controller re-creates this one: save its manifest",
			ZH: "运行中的 Pod 的 %[1]s 不可修改，且没有控制器会重建它：先保存它的清单",
		},
		"step.pod.immutable-old": {
			EN: "Where the server cannot resize (before 1.33), a running Pod's %[1]s cannot be changed: save its manifest",
			ZH: "若服务器不支持原地调整（1.33 之前），运行中 Pod 的 %[1]s 不可修改：先保存它的清单",
		},
		"step.pod.ended": {
			EN: "This pod has ended and no controller replaces it; save its manifest to create it again with new %[1]s",
			ZH: "该 Pod 已结束，且没有控制器会替换它；先保存清单，再以新的 %[1]s 重新创建",
		},
		"step.drain.bare": {
			EN: "%[1]s. Pods %[2]s have no controller: draining deletes them for good (--force), so save their manifests first",
			ZH: "%[1]s。Pod %[2]s 没有控制器：drain 会永久删除它们（--force），请先保存它们的清单",
		},
		"step.pod.replace": {
			EN: "Make the change in %[1]s (%[2]s), then delete and re-create the pod from it",
			ZH: "在 %[1]s 中完成修改（%[2]s），然后用它删除并重建该 Pod",
		},
		"step.pod.resize": {
			EN: "%[1]s: on Kubernetes 1.33 and later, resize the running pod in place",
			ZH: "%[1]s：Kubernetes 1.33 及以上版本可以原地调整运行中 Pod 的资源",
		},
		"step.describe-pod": {
			EN: "See the pod's events and status in full",
			ZH: "查看 Pod 的完整事件和状态",
		},
		"step.get-nodes": {
			EN: "List the nodes and their status",
			ZH: "列出所有节点及其状态",
		},
		"note.input": {
			EN: "Input incomplete: %[1]s",
			ZH: "输入数据不完整：%[1]s",
		},

		"unchecked.events": {
			EN: "Events were not in the input, so the cause could not be read from them; add `kubectl get events -A -o json`",
			ZH: "输入中没有 Event，无法从事件中读取原因；请补充 `kubectl get events -A -o json` 的输出",
		},
		"unchecked.keys": {
			EN: "%[1]s %[2]s was not in the input, so the keys it does have could not be listed; add the %[1]s to the input (podwhy reads key names only, never values)",
			ZH: "输入中没有 %[1]s %[2]s，无法列出它实际包含的键；请把该 %[1]s 加入输入（podwhy 只读取键名，从不读取值）",
		},
		"unchecked.kind": {
			EN: "%[1]s objects were not in the input, so it could not be checked whether the object exists now; add `kubectl get %[1]s -A -o json`",
			ZH: "输入中没有 %[1]s 对象，无法确认该对象现在是否存在；请补充 `kubectl get %[1]s -A -o json` 的输出",
		},
		"unchecked.nodes": {
			EN: "Node objects were not in the input; add `kubectl get nodes -o json` to check capacity and taints",
			ZH: "输入中没有 Node 对象，无法核对节点容量和污点；请补充 `kubectl get nodes -o json` 的输出",
		},
		"unchecked.pvc": {
			EN: "PersistentVolumeClaims were not in the input, so the claim's phase and StorageClass could not be checked; add `kubectl get pvc -A -o json`",
			ZH: "输入中没有 PersistentVolumeClaim，无法检查 PVC 的状态和 StorageClass；请补充 `kubectl get pvc -A -o json` 的输出",
		},
		"unchecked.serviceaccount": {
			EN: "ServiceAccount %[1]s was not in the input, so the imagePullSecrets it adds could not be checked; add `kubectl get serviceaccounts -A -o json`",
			ZH: "输入中没有 ServiceAccount %[1]s，无法检查它附带的 imagePullSecrets；请补充 `kubectl get serviceaccounts -A -o json` 的输出",
		},
		"unchecked.text.nodes": {
			EN: "The paste shows no node, so capacity, labels and taints could not be checked",
			ZH: "贴出的内容里没有节点信息，无法核对节点容量、标签和污点",
		},
		"unchecked.text.events": {
			EN: "The paste shows no events for this pod, and a waiting container's message is only in its events",
			ZH: "贴出的内容里没有该 Pod 的事件，而等待中容器的具体错误信息只出现在事件里",
		},
		"unchecked.text.pvc": {
			EN: "The paste shows no PersistentVolumeClaim, so its phase and StorageClass could not be checked",
			ZH: "贴出的内容里没有 PersistentVolumeClaim，无法检查它的状态和 StorageClass",
		},
		"unchecked.text.serviceaccount": {
			EN: "The paste does not show ServiceAccount %[1]s, so the imagePullSecrets it adds could not be checked (never paste secret values: the commands below print names only)",
			ZH: "贴出的内容里没有 ServiceAccount %[1]s，无法检查它附带的 imagePullSecrets（不要贴出 Secret 的值：下面的命令只输出名称）",
		},
		"unchecked.text.kind": {
			EN: "The paste does not show the %[1]s, so it could not be checked whether it exists and what keys it has",
			ZH: "贴出的内容里没有该 %[1]s，无法确认它是否存在以及包含哪些键",
		},
		"unchecked.text.scheduler": {
			EN: "kubectl describe prints neither spec.schedulerName nor spec.schedulingGates: a pod meant for another scheduler waits for that one, and a gated pod waits for its gates to be removed (kubectl get pods shows SchedulingGated)",
			ZH: "kubectl describe 既不显示 spec.schedulerName 也不显示 spec.schedulingGates：指定了其他调度器的 Pod 只会等待那个调度器，带调度门控的 Pod 要等门控被移除（kubectl get pods 会显示 SchedulingGated）",
		},
		"unchecked.text.age": {
			EN: "The paste shows neither the pod's age nor any event, so it may simply be new",
			ZH: "贴出的内容里既看不到 Pod 的创建时间也没有事件，它可能只是刚刚创建",
		},
		"unchecked.text.finalizers": {
			EN: "kubectl describe does not print finalizers, which most often hold a pod in Terminating",
			ZH: "kubectl describe 不显示 finalizer，而 Pod 卡在 Terminating 最常见的原因就是 finalizer",
		},

		// What pasted text did not show, and which output settles it.
		"unchecked.text.requests": {
			EN: "The paste does not show the pod's containers, so their resource requests — what the scheduler compares with each node's free capacity — are not visible",
			ZH: "贴出的内容里看不到 Pod 的容器定义，也就看不到它们的资源 requests——调度器正是拿它和各节点的空闲容量比较",
		},
		"unchecked.text.pullsecrets": {
			EN: "The paste does not show the pod's imagePullSecrets or its ServiceAccount, so it is not known which credentials the kubelet offered the registry",
			ZH: "贴出的内容里看不到 Pod 的 imagePullSecrets 和 ServiceAccount，无法知道 kubelet 向镜像仓库提供了哪些凭据",
		},
		"unchecked.text.deletion": {
			EN: "A get pods row does not show when the deletion began or on which node the pod runs",
			ZH: "kubectl get pods 的一行输出看不到删除是何时开始的，也看不到 Pod 所在的节点",
		},
		"unchecked.text.message": {
			EN: "The paste shows the container's state but not the message that says why; it is in the pod's events and in describe output",
			ZH: "贴出的内容只显示了容器状态，没有说明原因的那条消息；它在 Pod 的事件和 describe 输出里",
		},
		"unchecked.text.schedule": {
			EN: "The paste shows neither this pod's events nor its PodScheduled condition, where the scheduler says why it cannot place the pod",
			ZH: "贴出的内容里既没有该 Pod 的事件，也没有 PodScheduled 状态条件，而调度器正是在这两处说明无法调度的原因",
		},
		"unchecked.text.probe": {
			EN: "The paste does not show the container's probe (path, port, timeouts), so it cannot be compared with what the application serves",
			ZH: "贴出的内容里看不到容器的探针配置（路径、端口、超时），无法与应用实际提供的服务对照",
		},
		"unchecked.text.spec": {
			EN: "The paste does not show the pod's spec (ports, node selector, deadlines), so it could not be compared with the cluster",
			ZH: "贴出的内容里看不到 Pod 的 spec（端口、nodeSelector、期限设置），无法与集群情况对照",
		},
		"unchecked.text.command": {
			EN: "The paste does not show the container's command, args or workingDir",
			ZH: "贴出的内容里看不到容器的 command、args 和 workingDir",
		},
	})
}
