#!/usr/bin/env bash
# podwhy serve at scale: the live benchmark's cluster (1,000 kwok nodes,
# 10,000 pods, a fifth failing), podwhy serve run as a process with the
# chart's GOMEMLIMIT (250MiB), its resident memory once synced and after
# probes, and how fast a pod change reaches /api/v1/findings (hack/serveprobe).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
go run ./hack/testcluster down >/dev/null 2>&1 || true
work=$(mktemp -d /tmp/podwhy-bench-serve.XXXXXX)
pid=
cleanup() { [ -n "$pid" ] && kill "$pid" 2>/dev/null; go run ./hack/testcluster down; rm -rf "$work"; }
trap cleanup EXIT
eval "$(go run ./hack/testcluster up)"
go run ./hack/scale -nodes 1000 -pods 10000
go build -o "$work/podwhy" ./cmd/podwhy
go build -o "$work/serveprobe" ./hack/serveprobe
echo "waiting for the pods to settle…"
for i in $(seq 120); do
  n=$(kubectl get pods -A --no-headers 2>/dev/null | grep -c -E ' (Running|Pending) ' || true)
  [ "$n" -ge 9300 ] && break
  sleep 5
done
GOMEMLIMIT=${GOMEMLIMIT:-250MiB} "$work/podwhy" serve --addr 127.0.0.1:18080 >"$work/serve.log" 2>&1 &
pid=$!
start=$(date +%s.%N)
until curl -sf http://127.0.0.1:18080/readyz >/dev/null; do sleep 0.2; done
ready=$(echo "$(date +%s.%N) - $start" | bc)
rss() { awk '/^VmRSS/ {print int($2/1024)}' /proc/$pid/status; }
echo "ready after ${ready}s; RSS $(rss) MB; $(curl -s http://127.0.0.1:18080/api/v1/findings | jq -r .summary.text)"
sleep 30
echo "RSS 30s later: $(rss) MB"
"$work/serveprobe" -url http://127.0.0.1:18080 -n "${PROBES:-10}"
echo "RSS after probes: $(rss) MB, peak $(awk '/^VmHWM/ {print int($2/1024)}' /proc/$pid/status) MB (GOMEMLIMIT=${GOMEMLIMIT:-250MiB})"
# How long the engine's passes took (each change's, the backlog's, the first).
curl -s http://127.0.0.1:18080/metrics | awk '
  /^podwhy_scan_duration_seconds_bucket/ { match($0, /le="[^"]+"/); le = substr($0, RSTART+4, RLENGTH-5); b[++n] = le; c[n] = $2 }
  /^podwhy_scan_duration_seconds_sum/ { sum = $2 } /^podwhy_scan_duration_seconds_count/ { cnt = $2 }
  END { printf "passes: %d, mean %.0f ms; at most", cnt, 1000*sum/cnt; for (i = 1; i <= n; i++) printf " %s s: %d,", b[i], c[i]; print "" }'

