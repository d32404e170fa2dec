#!/usr/bin/env bash
# Benchmark podwhy on a generated dump of 10,000 pods, 1,000 nodes and
# 50,000 events (internal/gendump): wall time and peak RSS of the real
# binary, against the floor of merely reading the same files, plus the
# in-process go test -bench figures.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
work=$(mktemp -d /tmp/podwhy-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
go build -o "$work/podwhy" ./cmd/podwhy
go run ./hack/gendump -o "$work/dump" >/dev/null
size=$(du -sb "$work/dump" | cut -f1)
runs=${RUNS:-5}
best() { sort -n | head -1; }
wall=""; rss=""
for i in $(seq "$runs"); do
  out=$( { /usr/bin/time -f "%e %M" "$work/podwhy" -f "$work/dump" -o json --fail-on error >/dev/null || true; } 2>&1 | tail -1)
  wall="$wall $(echo "$out" | cut -d' ' -f1)"; rss="$rss $(echo "$out" | cut -d' ' -f2)"
done
w=$(echo $wall | tr ' ' '\n' | best); r=$(echo $rss | tr ' ' '\n' | sort -n | tail -1)
printf 'dump: %d MB (10,000 pods, 1,000 nodes, 50,000 events)\n' $((size / 1000000))
awk -v w="$w" -v runs="$runs" -v r="$r" -v size="$size" 'BEGIN {
  printf "podwhy -f dump -o json: %ss wall (best of %d), peak RSS %d MB = %.2fx the dump size\n", w, runs, r / 1024, r * 1024 / size
}'
# In-process figures; the floor is the same files decoded into typed lists
# with encoding/json and nothing else done.
go test -run '^$' -bench . -benchtime "${runs}x" ./internal/gendump | tee "$work/bench.txt" | grep -E '^Benchmark'
awk '/^BenchmarkLoadAndDiagnose/ {l=$3} /^BenchmarkDecodeFloor/ {f=$3} END {if (f) printf "load+diagnose / decode floor = %.2f\n", l / f}' "$work/bench.txt"
