#!/usr/bin/env bash
# The one test command (README, .ci/run): vet, every unit, golden, schema
# and fuzz-seed test. Needs only Go and the Go module proxy.
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
go test -count=1 ./...
