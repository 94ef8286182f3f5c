#!/usr/bin/env bash
# bolt-server.sh builds NornicDB (a Go graph database that speaks Bolt and part of
# Cypher) into a cache outside the repo and starts it, for the Neo4j store's
# wiring and fault tests. It is NOT Neo4j: it cannot show that queries are right,
# only that the driver path (connect, batched writes, retries, idempotence) works.
#
#   .ci/bolt-server.sh build   # build only (reuses the cache when present)
#   .ci/bolt-server.sh start   # build if needed, start in the background, print the URI
#   .ci/bolt-server.sh stop    # stop the server started by "start"
#   .ci/bolt-server.sh restart # kill -9 the server and start it on the same data
#                              # (what the store's fault test runs mid-load)
#   .ci/bolt-server.sh run     # run in the foreground (what KG_BOLT_RESTART_CMD uses)
#
# Env: KG_NORNICDB_CACHE (default $HOME/.cache/kg-nornicdb), KG_BOLT_PORT (17687),
# KG_NORNICDB_VERSION (v1.2.3).
set -euo pipefail

cache=${KG_NORNICDB_CACHE:-$HOME/.cache/kg-nornicdb}
version=${KG_NORNICDB_VERSION:-v1.2.3}
port=${KG_BOLT_PORT:-17687}
http_port=$((port - 213))
bin=$cache/$version/nornicdb
data=$cache/data-$port
pidfile=$cache/server-$port.pid
log=$cache/server-$port.log

build() {
  [ -x "$bin" ] && return 0
  mkdir -p "$cache/$version"
  src=$(mktemp -d /tmp/kg-nornicdb-src.XXXXXX)
  (
    cd "$src"
    go mod init boltserver >/dev/null 2>&1
    go mod edit -require=github.com/orneryd/nornicdb@"$version"
    printf '//go:build tools\npackage tools\nimport _ "github.com/orneryd/nornicdb/cmd/nornicdb"\n' > tools.go
    GOFLAGS=-mod=mod go mod tidy >&2
    GOFLAGS=-mod=mod go build -tags "noui nolocalllm" -o "$bin.tmp" github.com/orneryd/nornicdb/cmd/nornicdb >&2
  )
  mv "$bin.tmp" "$bin"
  rm -rf "$src"
}

run() {
  build
  mkdir -p "$data"
  exec "$bin" serve --data-dir "$data" --bolt-port "$port" --http-port "$http_port" --no-auth \
    --headless --mcp-enabled=false --embedding-enabled=false
}

wait_ready() {
  for _ in $(seq 1 120); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "bolt-server: not listening on $port after 60s; see $log" >&2
  return 1
}

set -- "${1:-start}"
case $1 in
build) build ;;
run) run ;;
start|restart)
  build
  if [ "$1" = restart ] && [ -f "$pidfile" ]; then
    pid=$(cat "$pidfile")
    kill -9 "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    rm -f "$pidfile"
  elif [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    echo "bolt://127.0.0.1:$port"; exit 0
  else
    rm -rf "$data"
  fi
  mkdir -p "$data"
  nohup "$bin" serve --data-dir "$data" --bolt-port "$port" --http-port "$http_port" --no-auth \
    --headless --mcp-enabled=false --embedding-enabled=false >"$log" 2>&1 &
  echo $! >"$pidfile"
  wait_ready
  echo "bolt://127.0.0.1:$port"
  ;;
stop)
  if [ -f "$pidfile" ]; then kill "$(cat "$pidfile")" 2>/dev/null || true; rm -f "$pidfile"; fi
  ;;
*) echo "usage: $0 build|start|restart|stop|run" >&2; exit 2 ;;
esac
