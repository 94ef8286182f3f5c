#!/usr/bin/env bash
# The API as its clients see it: builds the server, serves the example
# articles from a temporary data directory on a free loopback port, then
# runs the GraphQL over HTTP audit (graphql-http, .ci/audit) and the client
# examples (examples/python, examples/node) against it. Any failure, or a
# MUST failure of the audit, fails the run; the server stops on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

tmp=$(mktemp -d)
pid=""
cleanup() {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

go build -o "$tmp/kg" ./server
# Port 0: the kernel picks a free port and the server logs it.
"$tmp/kg" --data-dir "$tmp/data" --addr 127.0.0.1:0 --load ./testdata/corpus >"$tmp/server.log" 2>&1 &
pid=$!
base=""
for _ in $(seq 600); do
  base=$(sed -n 's/.*msg="kg: serving" addr=\(http:[^ ]*\).*/\1/p' "$tmp/server.log")
  if [ -n "$base" ] && curl -sf "$base/readyz" >/dev/null; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "the server exited before serving:"; cat "$tmp/server.log"; exit 1
  fi
  base=""
  sleep 0.2
done
if [ -z "$base" ]; then
  echo "the server was not ready after 120 s:"; cat "$tmp/server.log"; exit 1
fi
url="$base/graphql"
echo "server ready at $url ($(grep -c 'load: skipped' "$tmp/server.log" || true) files skipped while loading)"

fail() { echo "$1 failed; server log tail:"; tail -n 30 "$tmp/server.log"; exit 1; }

echo "-- graphql-http server audit"
(cd .ci/audit && npm ci --no-audit --no-fund --loglevel=error && node audit.mjs "$url") || fail "audit"

echo "-- examples/python/walkthrough.py"
python3 examples/python/walkthrough.py "$url" || fail "Python example"

echo "-- examples/node/subgraph.mjs"
(cd examples/node && npm ci --no-audit --no-fund --loglevel=error && node subgraph.mjs "$url") || fail "Node example"
