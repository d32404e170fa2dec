#!/usr/bin/env bash
# End-to-end tests on a real Kubernetes built on this machine: brings the
# test cluster up (building what is not cached), runs e2e/, tears it down.
# The serve tests also need a browser (Debian's chromium, CJK fonts for the
# Chinese screenshots) and helm (built from the module proxy into the
# cache, outside the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"

missing=()
command -v chromium >/dev/null || missing+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
source hack/helm.sh

go run ./hack/testcluster down >/dev/null 2>&1 || true
trap 'go run ./hack/testcluster down' EXIT
go run ./hack/testcluster up
# Screenshots of the browser test land in _output/e2e (ignored by git).
mkdir -p _output/e2e
PODWHY_E2E=1 go test -tags e2e -count=1 -timeout 30m -v -artifacts -outputdir "$PWD/_output/e2e" ./e2e/
