{{- define "podwhy.name" -}}
{{- .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "podwhy.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "podwhy.selectorLabels" -}}
app.kubernetes.io/name: {{ include "podwhy.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "podwhy.labels" -}}
{{ include "podwhy.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" }}
{{- end -}}

{{- define "podwhy.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "podwhy.fullname" .) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* The namespaced kinds podwhy lists and watches (internal/watch/kinds.go). */}}
{{- define "podwhy.namespacedRules" -}}
- apiGroups: [""]
  resources: [pods, events, persistentvolumeclaims, configmaps, serviceaccounts, resourcequotas, limitranges, services]
  verbs: [list, watch]
{{- if .Values.readSecrets }}
- apiGroups: [""]
  resources: [secrets]
  verbs: [list, watch]
{{- end }}
- apiGroups: [apps]
  resources: [replicasets, deployments, statefulsets, daemonsets]
  verbs: [list, watch]
- apiGroups: [batch]
  resources: [jobs, cronjobs]
  verbs: [list, watch]
{{- end -}}
