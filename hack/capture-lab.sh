#!/usr/bin/env bash
# Re-captures examples/lab-capture from the test cluster: every lab scenario
# applied, then what the real kubectl prints. cluster.json is the dump;
# text/ holds per scenario describe pods, get events and get pods -o wide
# (plus describe nodes where scheduling decides); text-80/ holds the other
# forms (get events -o wide, get pods without -o wide) as an 80-column
# terminal wraps them. Unit tests diagnose every file offline.
set -euo pipefail
cd "$(dirname "$0")/.."
out=examples/lab-capture
go build -o /tmp/podwhy-capture ./cmd/podwhy
go run ./hack/testcluster down >/dev/null 2>&1 || true
trap 'go run ./hack/testcluster down' EXIT
go run ./hack/testcluster up
eval "$(go run ./hack/testcluster env)"
/tmp/podwhy-capture lab apply --all
# Back-offs, the progress deadline (60 s) and the Job's retries need time.
sleep "${PODWHY_CAPTURE_WAIT:-100}"

kinds=pods,events,nodes,deployments,replicasets,statefulsets,daemonsets,jobs,cronjobs,persistentvolumeclaims,persistentvolumes,storageclasses,configmaps,secrets,serviceaccounts,resourcequotas,limitranges,namespaces,services,endpointslices,roles,rolebindings
kubectl get "$kinds" -A -o json > "$out/cluster.json"
# The cause-chain scenarios as kubectl cluster-info dump writes them: the
# objects and each container's log (what the crashed programs printed).
rm -rf "$out/chains"
kubectl cluster-info dump --namespaces podwhy-lab-chain-dependency,podwhy-lab-chain-rbac,podwhy-lab-chain-dns,podwhy-lab-chain-arch --output-directory "$out/chains" >/dev/null
rm -rf "$out/text" "$out/text-80"
mkdir -p "$out/text" "$out/text-80"
for s in $(/tmp/podwhy-capture lab list | awk 'NR>1 {print $1}'); do
  ns=podwhy-lab-$s
  {
    echo "\$ kubectl describe pods -n $ns"; kubectl describe pods -n "$ns"; echo
    echo "\$ kubectl get events -n $ns"; kubectl get events -n "$ns"; echo
    echo "\$ kubectl get pods -n $ns -o wide"; kubectl get pods -n "$ns" -o wide
    # Where the scheduler decides, the nodes are the evidence.
    if kubectl get events -n "$ns" --field-selector reason=FailedScheduling -o name | grep -q .; then
      echo; echo "\$ kubectl describe nodes"; kubectl describe nodes
    fi
  } > "$out/text/$s.txt" 2>&1
  {
    echo "\$ kubectl get events -n $ns -o wide"; kubectl get events -n "$ns" -o wide; echo
    echo "\$ kubectl get pods -n $ns"; kubectl get pods -n "$ns"; echo
    echo "\$ kubectl describe pods -n $ns"; kubectl describe pods -n "$ns"
    if grep -q '^\$ kubectl describe nodes' "$out/text/$s.txt"; then
      echo; echo "\$ kubectl describe nodes"; kubectl describe nodes
    fi
  } 2>&1 | fold -w 80 > "$out/text-80/$s.txt"
done
echo "captured $(ls "$out/text" | wc -l) scenarios into $out"
