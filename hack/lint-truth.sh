#!/usr/bin/env bash
# Records the real API server's verdict on every document of lint's test
# corpora, against the test cluster, which it brings up if it is not
# running:
#   internal/lint/testdata/truth/verdicts.tsv  lint's own corpus and the
#                                              repository's manifests;
#   internal/lint/testdata/truth/public.tsv    public manifests nobody here
#                                              wrote: test fixtures of
#                                              Kubernetes, kubectl and two
#                                              schema validators, read from
#                                              the Go module proxy by
#                                              module@version (not copied).
# Re-run after adding to a corpus; `go test ./internal/lint -run TestTruth`
# then holds lint to the verdicts offline.
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
go run ./hack/linttruth -out internal/lint/testdata/truth/public.tsv \
  k8s.io/kubernetes@v1.37.2:test/fixtures \
  k8s.io/kubernetes@v1.37.2:hack/testdata \
  k8s.io/kubernetes@v1.37.2:test/e2e/testing-manifests \
  k8s.io/kubernetes@v1.37.2:cluster/addons \
  k8s.io/kubectl@v0.37.2:testdata/apply k8s.io/kubectl@v0.37.2:testdata/set k8s.io/kubectl@v0.37.2:testdata/replace \
  github.com/yannh/kubeconform@v0.8.0:fixtures \
  github.com/instrumenta/kubeval@v0.16.1:fixtures
