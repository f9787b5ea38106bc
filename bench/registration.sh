#!/usr/bin/env bash
# Registration rush on one event: wrk posts registrations (each a different
# person) for DURATION seconds with 64 connections, on SQLite and on
# PostgreSQL, then checks that every answered registration is stored and
# that no event has more confirmed places than its capacity.
#
#   bench/registration.sh [DURATION_SECONDS] [sqlite|postgres|both]
#
# PostgreSQL: VN_BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres)
# is used to create and drop a database vn_bench_registration.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15}"
which="${2:-both}"
port=18281
pg_admin="${VN_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
# VN_BIN: a built binary to measure (no build).
if [ -z "${VN_BIN:-}" ]; then cargo build --release -q -p vertrauensnetz; fi
bin="${VN_BIN:-$PWD/target/release/vertrauensnetz}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

run() {
  local backend=$1 db_args=()
  local data="$work/$backend"
  mkdir -p "$data"
  if [ "$backend" = postgres ]; then
    psql "$pg_admin" -qc "DROP DATABASE IF EXISTS vn_bench_registration" >/dev/null
    psql "$pg_admin" -qc "CREATE DATABASE vn_bench_registration" >/dev/null
    db_args=(--database "${pg_admin%/*}/vn_bench_registration")
  fi
  # Demo tenants and accounts, then the server.
  "$bin" "${db_args[@]}" --data-dir "$data" migrate >/dev/null
  "$bin" "${db_args[@]}" --data-dir "$data" tenant add --slug dortmund --name Dortmund --jurisdiction dortmund.de --lat 51.5136 --lon 7.4653 >/dev/null
  "$bin" "${db_args[@]}" --data-dir "$data" user add --tenant dortmund --role coordinator --email bench@dortmund.example >/dev/null
  local token
  token=$("$bin" "${db_args[@]}" --data-dir "$data" token create --login bench@dortmund.example)
  VN_LOG=warn "$bin" "${db_args[@]}" --data-dir "$data" serve --listen 127.0.0.1:$port 2>/dev/null &
  local pid=$!
  until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.05; done
  local id
  id=$(curl -fs -X POST "http://127.0.0.1:$port/api/v1/dortmund/events" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d '{"title":"Offene Konferenz","type":"open_conference","starts_at":"2030-11-28T16:00:00+01:00","ends_at":"2030-11-28T19:00:00+01:00","capacity":'"${VN_BENCH_CAPACITY:-1000}"',"waitlist":true,"audience":"public","place_name":"Haus der Vielfalt"}' |
    sed 's/.*"id":"\([^"]*\)".*/\1/')
  local out
  out=$(VN_EVENT_PATH="/api/v1/dortmund/events/$id/registrations" wrk -t2 -c64 -d"${duration}s" --latency -s bench/register.lua "http://127.0.0.1:$port")
  local rps p99 total non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  total=$(echo "$out" | awk '/requests in/ {print $1}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  non2xx=${non2xx:-0}
  sleep 1
  kill -TERM $pid; wait $pid 2>/dev/null || true
  # Every answered registration is stored; capacity holds.
  local q="SELECT (SELECT COUNT(*) FROM registrations), (SELECT COUNT(*) FROM registrations WHERE status = 'confirmed'), (SELECT MAX(confirmed) FROM events), (SELECT MAX(capacity) FROM events)"
  local counts
  if [ "$backend" = postgres ]; then
    counts=$(psql "${pg_admin%/*}/vn_bench_registration" -qAtF' ' -c "$q")
  else
    counts=$(python3 -c "import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print(*c.execute(sys.argv[2]).fetchone())" "$data/vertrauensnetz.sqlite3" "$q")
  fi
  read -r stored confirmed counted capacity <<<"$counts"
  echo "$backend: registrations_per_s=$rps p99=$p99 answered=$total non_2xx=$non2xx stored=$stored confirmed=$confirmed confirmed_counter=$counted capacity=$capacity"
  # wrk counts requests still in flight when it stops; they may be stored
  # without being counted, never the other way round.
  if [ "$confirmed" -gt "$capacity" ] || [ "$confirmed" -ne "$counted" ] || [ "$stored" -lt $((total - non2xx - 64)) ]; then
    echo "$backend: INVARIANT BROKEN" >&2
    exit 1
  fi
  if [ "$backend" = postgres ]; then psql "$pg_admin" -qc "DROP DATABASE IF EXISTS vn_bench_registration" >/dev/null; fi
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); wrk -t2 -c64 -d${duration}s on the same machine"
case "$which" in
  sqlite) run sqlite ;;
  postgres) run postgres ;;
  *) run sqlite; run postgres ;;
esac
