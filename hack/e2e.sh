#!/usr/bin/env bash
# End-to-end tests on a real Kubernetes built on this machine: brings the
# test cluster up (building what is not cached), runs e2e/, tears it down.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
go run ./hack/testcluster down >/dev/null 2>&1 || true
trap 'go run ./hack/testcluster down' EXIT
go run ./hack/testcluster up
PODWHY_E2E=1 go test -tags e2e -count=1 -timeout 20m -v ./e2e/
