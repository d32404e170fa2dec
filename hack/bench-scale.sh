#!/usr/bin/env bash
# Scale benchmark at the Kubernetes envelope: the test cluster filled with
# NODES kwok nodes and PODS pods in NAMESPACES namespaces (default 5,000,
# 100,000 and 100; a tenth of the Deployments failing: requests no node
# fits, a node selector nothing matches, a missing ServiceAccount refused
# by admission), then, side by side in one run:
#
#   one-shot  podwhy -A -o json, against the same LISTs discarded
#             (hack/listfloor) and against
#             kubectl get pods,nodes,events,rs,deploy -A -o json:
#             wall time, peak RSS, and the LIST requests each made, read
#             from the API server's own apiserver_request_total;
#   serve     RSS once synced and after CHURN_MINUTES of churn (pods
#             deleted and re-created by their ReplicaSets, failing ones
#             among them), change-to-finding latency (hack/serveprobe:
#             median and worst), CPU seconds per changed pod, the
#             requests per minute on the API server from all clients, and
#             serve's own (its podwhy_informer_requests_total) by verb.
#
# The control plane shares the machine's cores with podwhy; where it
# cannot hold PODS, run smaller (PODS=30000 NODES=1500) and say so.
#
#   PODS=10000 NODES=1000 CHURN_MINUTES=2 bash hack/bench-scale.sh
#
# KEEP_CLUSTER=1 leaves the filled cluster up; REUSE_CLUSTER=1 measures
# again on the cluster a kept run left (same PODS, NODES, NAMESPACES),
# without filling it anew.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
PODS=${PODS:-100000}
NODES=${NODES:-5000}
NAMESPACES=${NAMESPACES:-100}
CHURN_MINUTES=${CHURN_MINUTES:-60}
RUNS=${RUNS:-3}
work=$(mktemp -d /tmp/podwhy-bench-scale.XXXXXX)
pid=
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  [ -n "${KEEP_CLUSTER:-}" ] || go run ./hack/testcluster down >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
if [ -n "${REUSE_CLUSTER:-}" ]; then
  KEEP_CLUSTER=1
  eval "$(go run ./hack/testcluster env)"
else
  go run ./hack/testcluster down >/dev/null 2>&1 || true
  eval "$(go run ./hack/testcluster up)"
fi
go build -o "$work/podwhy" ./cmd/podwhy
go build -o "$work/listfloor" ./hack/listfloor
go build -o "$work/serveprobe" ./hack/serveprobe
start=$(date +%s)
[ -n "${REUSE_CLUSTER:-}" ] || go run ./hack/scale -nodes "$NODES" -pods "$PODS" -namespaces "$NAMESPACES" -fail-every 10
echo "waiting for the pods to settle…"
want=$((PODS * 85 / 100))
n=0
for i in $(seq 360); do
  n=$(kubectl get pods -A --no-headers 2>/dev/null | wc -l)
  [ "$n" -ge "$want" ] && break
  sleep 10
done
echo "$n pods after $(( $(date +%s) - start )) s (control plane RSS: $(ps -o rss= -C kube-apiserver | awk '{s+=$1} END {print int(s/1024)}') MB)"

# Let the controllers finish placing pods before anything is timed.
sleep "${SETTLE:-30}"
# requests VERB: the API server's count of requests with that verb so far.
requests() {
  kubectl get --raw /metrics | awk -v verb="$1" '
    /^apiserver_request_total\{/ && $0 ~ "verb=\"" verb "\"" { s += $NF } END { printf "%d\n", s }'
}
best() { sort -n | head -1; }
# measure NAME CMD…: best wall time and worst peak RSS of RUNS runs, and
# the LIST requests of one run.
measure() {
  local name=$1; shift
  local out="" l0 l1
  l0=$(requests LIST)
  for i in $(seq "$RUNS"); do
    out="$out$( { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$work/err" || true; tail -1 "$work/err"; } )"$'\n'
  done
  l1=$(requests LIST)
  local wall rss
  wall=$(echo "$out" | awk 'NF' | cut -d' ' -f1 | best)
  rss=$(echo "$out" | awk 'NF' | cut -d' ' -f2 | sort -n | tail -1)
  echo "$name $wall $((rss / 1024)) $(( (l1 - l0) / RUNS ))"
}
{
  measure floor "$work/listfloor"
  measure podwhy "$work/podwhy" -A -o json --fail-on error
  measure kubectl kubectl get pods,nodes,events,rs,deploy -A -o json
} | tee "$work/oneshot"
awk -v pods="$n" '
  { wall[$1] = $2; rss[$1] = $3; req[$1] = $4 }
  END {
    printf "\n| one-shot, %d pods | wall | × floor | peak RSS | LIST requests |\n|---|---|---|---|---|\n", pods
    split("floor podwhy kubectl", order, " ")
    for (i = 1; i <= 3; i++) { k = order[i]; printf "| %s | %.2f s | %.2f× | %d MB | %d |\n", k, wall[k], wall[k] / wall["floor"], rss[k], req[k] }
  }' "$work/oneshot"

# serve: synced, then churn.
GOMEMLIMIT=${GOMEMLIMIT:-900MiB} "$work/podwhy" serve --addr 127.0.0.1:18080 >"$work/serve.log" 2>&1 &
pid=$!
t0=$(date +%s.%N)
until curl -sf http://127.0.0.1:18080/readyz >/dev/null; do sleep 0.5; done
echo "serve ready after $(echo "$(date +%s.%N) - $t0" | bc) s"
rss() { awk '/^VmRSS/ {print int($2/1024)}' /proc/$pid/status; }
cpu() { awk '{printf "%.2f\n", ($14 + $15) / 100}' /proc/$pid/stat; }
sleep 20
echo "serve RSS once synced: $(rss) MB"
"$work/serveprobe" -url http://127.0.0.1:18080 -n "${PROBES:-20}" | tee "$work/probe"
# Churn: every 10 s delete 1% of one namespace's pods (their ReplicaSets
# re-create them, failing ones included), for CHURN_MINUTES.
# own VERB: serve's count of its informers' requests with that verb.
own() {
  curl -sf http://127.0.0.1:18080/metrics | awk -v verb="$1" '
    /^podwhy_informer_requests_total\{/ && $0 ~ "verb=\"" verb "\"" { s += $NF } END { printf "%d\n", s }'
}
c0=$(cpu); r0=$(requests GET); l0=$(requests LIST); changed=0
ol0=$(own list); og0=$(own get); ow0=$(own watch)
end=$(( $(date +%s) + CHURN_MINUTES * 60 ))
i=0
while [ "$(date +%s)" -lt "$end" ]; do
  ns=$(printf 'scale-%02d' $((i % NAMESPACES)))
  victims=$(kubectl get pods -n "$ns" --no-headers -o custom-columns=N:.metadata.name 2>/dev/null | awk -v k=$((PODS / NAMESPACES / 100 + 1)) 'NR <= k')
  if [ -n "$victims" ]; then
    kubectl delete pods -n "$ns" --wait=false $victims >/dev/null 2>&1 || true
    changed=$((changed + 2 * $(echo "$victims" | wc -l)))  # deleted and re-created
  fi
  i=$((i + 1))
  sleep 10
done
c1=$(cpu); r1=$(requests GET); l1=$(requests LIST)
ol1=$(own list); og1=$(own get); ow1=$(own watch)
awk -v c="$(echo "$c1 - $c0" | bc)" -v n="$changed" -v m="$CHURN_MINUTES" -v g="$((r1 - r0))" -v l="$((l1 - l0))" -v rss="$(rss)" 'BEGIN {
  printf "after %d min of churn (%d pod changes): RSS %d MB, CPU %.1f ms per change, %.1f GET and %.1f LIST requests per minute on the API server (all clients)\n", m, n, rss, 1000 * c / (n ? n : 1), g / m, l / m
}'
awk -v m="$CHURN_MINUTES" -v l="$((ol1 - ol0))" -v g="$((og1 - og0))" -v w="$((ow1 - ow0))" 'BEGIN {
  printf "of them podwhy serve'"'"'s own (podwhy_informer_requests_total): %.1f LIST, %.1f GET and %.1f WATCH requests per minute\n", l / m, g / m, w / m
}'
echo "peak RSS of serve: $(awk '/^VmHWM/ {print int($2/1024)}' /proc/$pid/status) MB (GOMEMLIMIT=${GOMEMLIMIT:-900MiB})"
