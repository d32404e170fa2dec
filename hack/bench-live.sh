#!/usr/bin/env bash
# Live benchmark: a kwok cluster of 1,000 nodes and 10,000 pods (a fifth of
# them failing: unschedulable requests, an unmatched node selector, a
# missing ServiceAccount) on the test cluster; podwhy -A against the floor,
# a client that performs the same paginated protobuf LISTs and discards them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
go run ./hack/testcluster down >/dev/null 2>&1 || true
trap 'go run ./hack/testcluster down' EXIT
eval "$(go run ./hack/testcluster up)"
go run ./hack/scale -nodes 1000 -pods 10000
work=$(mktemp -d /tmp/podwhy-bench-live.XXXXXX)
go build -o "$work/podwhy" ./cmd/podwhy
go build -o "$work/listfloor" ./hack/listfloor
echo "waiting for the pods to settle…"
for i in $(seq 120); do
  n=$(kubectl get pods -A --no-headers 2>/dev/null | grep -c -E ' (Running|Pending) ' || true)
  [ "$n" -ge 9300 ] && break
  sleep 5
done
runs=${RUNS:-5}
best() { sort -n | head -1; }
floor=$(for i in $(seq "$runs"); do /usr/bin/time -f "%e" "$work/listfloor" 2>&1 >/dev/null | tail -1; done | best)
out=$(for i in $(seq "$runs"); do /usr/bin/time -f "%e %M" "$work/podwhy" -A -o json --fail-on error 2>&1 >/dev/null | tail -1; done)
wall=$(echo "$out" | cut -d' ' -f1 | best)
rss=$(echo "$out" | cut -d' ' -f2 | sort -n | tail -1)
"$work/podwhy" -A --summary || true
awk -v w="$wall" -v f="$floor" -v r="$rss" 'BEGIN {
  printf "podwhy -A: %ss (best of runs), floor (same LISTs, discarded): %ss, ratio %.2fx; peak RSS %d MB\n", w, f, w / f, r / 1024
}'
rm -rf "$work"
