#!/usr/bin/env bash
# Runs the kill-a-replica test (TestReplicasSurviveAKill: two, then three
# real `crosscheck serve` processes sharing one PostgreSQL store, one
# SIGKILLed mid-burst, every question answered exactly once, the killed one
# restarted) COUNT times (default 1), against CROSSCHECK_TEST_PG or a
# throwaway cluster started here as .ci/run starts one.
#   scripts/replicas-kill.sh [COUNT]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-1}
if ! command -v go >/dev/null 2>&1; then
  export PATH="/usr/local/go/bin:$PATH"
fi

if [ -z "${CROSSCHECK_TEST_PG:-}" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
    echo "replicas-kill: no PostgreSQL server binaries (apt-get install postgresql) and CROSSCHECK_TEST_PG is not set" >&2
    exit 1
  fi
  dir=$(mktemp -d /tmp/crosscheck-pg.XXXXXX)
  as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
    chown postgres "$dir"
    as=(runuser -u postgres --)
  fi
  port=$(shuf -i 20000-60000 -n 1)
  (cd / && "${as[@]}" "$bin/initdb" -D "$dir/data" -U crosscheck --auth=trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1) ||
    { cat "$dir/initdb.log" >&2; exit 1; }
  stop() { (cd / && "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1) || true; rm -rf "$dir"; }
  trap stop EXIT
  (cd / && "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c max_connections=300" >/dev/null) ||
    { cat "$dir/server.log" >&2; exit 1; }
  export CROSSCHECK_TEST_PG="postgres://crosscheck@127.0.0.1:$port/postgres?sslmode=disable"
fi
go test -race -count="$count" -run 'TestReplicasSurviveAKill' -v ./cmd/crosscheck/ | grep -E '^(=== RUN|--- |\s+replicas_test|ok|FAIL|PASS)'
