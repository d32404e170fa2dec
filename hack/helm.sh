# Sourced by hack/test.sh and hack/e2e.sh: helm, built from the Go module
# proxy into the cache (outside the repository) and put on PATH, so the
# chart is rendered, decoded and linted by the unit tests and installed by
# the end-to-end suite.
helm_version=v3.22.0
helm_dir="${XDG_CACHE_HOME:-$HOME/.cache}/podwhy-testcluster/helm-$helm_version"
if [ ! -x "$helm_dir/helm" ]; then
  GOBIN="$helm_dir" go install "helm.sh/helm/v3/cmd/helm@$helm_version"
fi
export PATH="$helm_dir:$PATH"
