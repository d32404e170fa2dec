package lint

import (
	"sort"
	"strings"
	"testing"

	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/api/resource"

	"github.com/podwhy/podwhy/internal/i18n"
)

// pod wraps containers (and more pod spec) in a Pod manifest.
func pod(spec string) string {
	return "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: ns}\nspec:\n" + spec
}

const res = "    resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}\n"

// TestChecks: the edge of each check family, as rule:severity lists.
func TestChecks(t *testing.T) {
	cluster := newInventory()
	cluster.Listed = map[string]bool{"ConfigMap": true, "Secret": true, "Node": true, "Service": true}
	cluster.ConfigMaps[nsName{"ns", "in-cluster"}] = []string{"k"}
	cluster.Nodes = []NodeInfo{{Name: "n1", Allocatable: corev1.ResourceList{corev1.ResourceCPU: resource.MustParse("2"), corev1.ResourceMemory: resource.MustParse("4Gi")}}}

	for _, tc := range []struct {
		name     string
		manifest string
		cluster  bool
		want     string
	}{
		{"optional refs and well-known objects", pod(`  serviceAccountName: default
  containers:
  - name: a
    image: busybox:1.36
    envFrom: [{configMapRef: {name: nope, optional: true}}, {secretRef: {name: nope2, optional: true}}]
    env: [{name: X, valueFrom: {configMapKeyRef: {name: nope3, key: k, optional: true}}}]
` + res + `  volumes:
  - {name: ca, configMap: {name: kube-root-ca.crt}}
`), false, ""},
		{"DaemonSet hostPort is info", `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: d}
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec:
      containers:
      - name: a
        image: busybox:1.36
        ports: [{containerPort: 53, hostPort: 53, protocol: UDP}]
        resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}
`, true, "HostPort/Used:info"},
		{"native sidecar needs resources, a plain init container not", pod(`  initContainers:
  - {name: init, image: busybox:1.36}
  - {name: side, image: busybox:1.36, restartPolicy: Always}
  containers:
  - name: a
    image: busybox:1.36
` + res), false, "Resources/NoLimits:warning,Resources/NoRequests:warning"},
		{"pod-level resources stand in", pod(`  resources: {requests: {cpu: 100m, memory: 64Mi}, limits: {memory: 128Mi}}
  containers:
  - {name: a, image: busybox:1.36}
`), false, ""},
		{"limits default requests", pod(`  containers:
  - {name: a, image: busybox:1.36, resources: {limits: {cpu: 100m, memory: 64Mi}}}
`), false, ""},
		{"a CRD's Service is not core's", `apiVersion: serving.knative.dev/v1
kind: Service
metadata: {name: hello}
spec:
  template:
    spec:
      containers: [{image: ghcr.io/knative/helloworld-go:latest}]
`, false, ""},
		{"a core kind under a wrong built-in group", `apiVersion: v1
kind: Deployment
metadata: {name: d}
spec:
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec:
      containers:
      - {name: a, image: busybox:1.36, resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}}
`, false, "Spec/APIVersion:error"},
		{"digest, Never, and a scheme", pod(`  containers:
  - {name: a, image: "busybox@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {memory: 2Mi}}}
  - {name: b, image: "local/dev:latest", imagePullPolicy: Never, resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {memory: 2Mi}}}
  - {name: c, image: "https://registry.example.com/app:1", resources: {requests: {cpu: 1m, memory: 1Mi}, limits: {memory: 2Mi}}}
`), false, "Image/Invalid:error"},
		{"probe ports: another container's, none declared, gRPC", pod(`  containers:
  - name: a
    image: busybox:1.36
    ports: [{containerPort: 80}]
    livenessProbe: {tcpSocket: {port: 9000}}
` + res + `  - name: b
    image: busybox:1.36
    ports: [{containerPort: 9000}]
` + res + `  - name: c
    image: busybox:1.36
    readinessProbe: {httpGet: {port: 8080}}
` + res + `  - name: d
    image: busybox:1.36
    ports: [{containerPort: 50051, name: grpc}]
    livenessProbe: {grpc: {port: 50052}}
` + res), false, "Probe/UndeclaredPort:info,Probe/UndeclaredPort:warning,Probe/UndeclaredPort:warning"},
		{"namespaces must match, an unnamed one matches any", `apiVersion: v1
kind: ConfigMap
metadata: {name: other-ns, namespace: elsewhere}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: no-ns}
data: {k: v}
---
` + pod(`  containers:
  - name: a
    image: busybox:1.36
    envFrom: [{configMapRef: {name: other-ns}}, {configMapRef: {name: no-ns}}]
`+res), false, "Ref/Missing:warning"},
		{"keys: stringData counts, volume items are checked", `apiVersion: v1
kind: Secret
metadata: {name: s, namespace: ns}
stringData: {password: x}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, namespace: ns}
data: {a.conf: x}
---
` + pod(`  containers:
  - name: a
    image: busybox:1.36
    env: [{name: P, valueFrom: {secretKeyRef: {name: s, key: password}}}]
`+res+`  volumes:
  - {name: v, configMap: {name: c, items: [{key: a.conf, path: a}, {key: b.conf, path: b}]}}
`), false, "Ref/MissingKey:error"},
		{"volumeClaimTemplates are volumes, restartPolicy Never is not for a StatefulSet", `apiVersion: v1
kind: Service
metadata: {name: s}
spec: {clusterIP: None, selector: {a: b}}
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: s}
spec:
  serviceName: s
  selector: {matchLabels: {a: b}}
  template:
    metadata: {labels: {a: b}}
    spec:
      restartPolicy: Never
      containers:
      - name: a
        image: busybox:1.36
        volumeMounts: [{name: data, mountPath: /d}]
        resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`, false, "Spec/RestartPolicy:error"},
		{"values that do not parse", pod(`  terminationGracePeriodSeconds: 99999999999999999999
  containers:
  - name: a
    image: busybox:1.36
    ports: [{containerPort: "8080"}, {containerPort: 99999999999}]
    resources: {requests: {cpu: .inf, memory: 16Mi}, limits: {memory: 32Mi}}
    livenessProbe: {httpGet: {port: {name: http}}}
`), false, "Spec/InvalidValue:error,Spec/InvalidValue:error,Spec/WrongType:error,Spec/WrongType:error,Spec/WrongType:error"},
		{"required and invalid selector", `apiVersion: apps/v1
kind: ReplicaSet
metadata: {labels: {a: b}}
spec:
  selector: {matchExpressions: [{key: a, operator: Within, values: [b]}]}
  template:
    metadata: {labels: {a: b}}
    spec:
      containers:
      - {name: a, resources: {requests: {cpu: 10m, memory: 16Mi}, limits: {memory: 32Mi}}}
`, false, "Spec/InvalidValue:error,Spec/Required:error,Spec/Required:error"},
		{"unknown field in a Service", `apiVersion: v1
kind: Service
metadata: {name: s}
spec:
  selector: {a: b}
  ports: [{port: 80, targetPort: 8080, protocl: TCP}]
`, false, "Spec/UnknownField:error"},
		{"cluster: found there, missing there, too big, hostPort beyond nodes", pod(`  containers:
  - name: a
    image: busybox:1.36
    ports: [{containerPort: 80, hostPort: 80}]
    envFrom: [{configMapRef: {name: in-cluster}}, {configMapRef: {name: nowhere}}, {secretRef: {name: nowhere}}]
    resources: {requests: {cpu: "3", memory: 1Gi}, limits: {memory: 1Gi}}
  serviceAccountName: not-listed
`), true, "HostPort/Used:warning,Ref/Missing:error,Ref/Missing:error,Ref/Missing:warning,Resources/TooLargeForNodes:error"},
		{"an empty container list", pod("  containers: []\n"), false, "Spec/Required:error"},
		{"empty documents and comments only", "# nothing\n---\n---\n# more\n...\n", false, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			opts := Options{Namespace: "ns"}
			if tc.cluster {
				opts.Cluster = cluster
			}
			r := Run([]Input{{Name: "t.yaml", Data: []byte(tc.manifest)}}, opts)
			var got []string
			for _, p := range r.Problems {
				got = append(got, p.Rule+":"+p.Severity.String())
			}
			sort.Strings(got)
			if g := strings.Join(got, ","); g != tc.want {
				for _, p := range r.Problems {
					t.Logf("%d:%d %s %s", p.Pos.Line, p.Pos.Column, p.Rule, p.Msg.String(i18n.EN))
				}
				t.Errorf("got  %s\nwant %s", g, tc.want)
			}
		})
	}
}

// TestScalar: what kubectl's YAML 1.1 reader makes of plain scalars, where
// it differs from yaml.v3's YAML 1.2.
func TestScalar(t *testing.T) {
	for in, want := range map[string]scalarKind{
		"a: yes": kBool, "a: 'yes'": kString, "a: Off": kBool, "a: y": kBool, "a: !!str yes": kString,
		"a: true": kBool, "a: 0755": kInt, "a: 0x1F": kInt, "a: 1_000": kInt, "a: 1.5": kFloat, "a: 1e3": kFloat,
		"a: ~": kNull, "a:": kNull, "a: null": kNull, "a: 2001-12-14": kString, "a: '8080'": kString, "a: |\n  x": kString,
	} {
		docs, _ := parse(Input{Data: []byte(in)})
		if len(docs) != 1 {
			t.Fatalf("%q did not parse", in)
		}
		e, _ := lookup(resolve(docs[0].root), "a")
		if got, _ := scalar(resolve(e.val)); got != want {
			t.Errorf("%q: kind %d, want %d", in, got, want)
		}
	}
}
