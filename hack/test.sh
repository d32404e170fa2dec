#!/usr/bin/env bash
# The one test command (README, .ci/run): gofmt, vet, every unit, golden,
# schema and fuzz-seed test, then the end-to-end suite on a real cluster
# (hack/e2e.sh: builds and caches its binaries, installs Debian packages).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
go version
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt needed: $unformatted" >&2
  exit 1
fi
go vet ./...
# helm renders the chart for the deploy tests (podwhy lints it too).
source hack/helm.sh
go test -count=1 ./...
# The concurrent packages again under the race detector.
go test -count=1 -race ./internal/watch/... ./internal/serve/... ./internal/live/...
# The release build for linux/amd64 and windows/arm64: archives, sums,
# the krew manifest checked by krew's own validator and installer, the
# container image read back, the alerts by Prometheus's rule parser, the
# dashboard's PromQL, the k9s plugins by k9s's schema (a module of its own,
# so podwhy's go.mod stays light).
(cd hack/release && go vet ./... && go test -count=1 ./...)
# podwhy mcp against the public MCP conformance suite (npm).
bash hack/mcp-conformance.sh
# A short run of every fuzz target (the corpus under testdata/fuzz is also
# replayed by the plain go test above). A run is a count of inputs, not a
# duration: a worker busy when a -fuzztime duration ends fails the run with
# "context deadline exceeded"; minimizing a new input is kept short.
for pkg in $(go list ./...); do
  dir=$(go list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func Fuzz[A-Za-z0-9_]*' "$dir"/*_test.go 2>/dev/null | sed 's/^func //'); do
    go test -run '^$' -fuzz "^${target}\$" -fuzztime "${PODWHY_FUZZTIME:-2000x}" -fuzzminimizetime 1s "$pkg"
  done
done
# End-to-end on a real Kubernetes built here (root; set PODWHY_SKIP_E2E=1
# to skip on a machine that cannot run it).
if [ "${PODWHY_SKIP_E2E:-}" = "1" ]; then
  echo "e2e skipped (PODWHY_SKIP_E2E=1)"
else
  bash hack/e2e.sh
  # The scale benchmark at 10,000 pods (its own cluster, after the e2e
  # one is down): one-shot against the LIST floor and kubectl, serve's
  # latency and memory, the ratios printed. hack/bench-scale.sh with its
  # defaults is the 100,000-pod run, too long for CI.
  PODS=10000 NODES=1000 NAMESPACES=100 CHURN_MINUTES=1 RUNS=1 PROBES=5 SETTLE=15 bash hack/bench-scale.sh
fi
