#!/usr/bin/env bash
# Records the real API server's verdict on every document of lint's test
# corpus (internal/lint/testdata/truth/verdicts.tsv), against the test
# cluster, which it brings up if it is not running. Re-run after adding
# to the corpus; `go test ./internal/lint -run TestTruth` then holds lint
# to the verdicts offline.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
eval "$(go run ./hack/testcluster env)"
if ! kubectl get --raw /readyz >/dev/null 2>&1; then
  go run ./hack/testcluster up
  trap 'go run ./hack/testcluster down' EXIT
fi
go run ./hack/linttruth -out internal/lint/testdata/truth/verdicts.tsv \
  internal/lint/testdata/good internal/lint/testdata/bad examples/manifests deploy
