#!/usr/bin/env bash
# Reports at scale: generates COUNT reports (default 1,000,000) on Dortmund
# (districts with outlines from a generated GeoJSON), then measures with wrk
# (64 connections, same machine):
#   1. GET /open311/v2/requests.json for one service code, the last 90 days,
#      1 km around a point, page_size=50 — the same query again and again
#      (served from the public list cache between writes), then around a
#      different point each time (every answer computed);
#   2. the unfiltered default (90 days, up to 1,000 requests), repeated and
#      with every answer computed (bench/open311-default.lua);
# and the staff statistics page (counts by category, status, district,
# overdue) as seen by a signed-in coordinator (curl, 20 requests).
#
#   bench/reports.sh [COUNT] [sqlite|postgres]
#
# PostgreSQL: set VN_BENCH_POSTGRES_URL to an admin URL (default
# postgres://postgres@127.0.0.1:5432/postgres); a database is created and
# dropped.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-1000000}"
engine="${2:-sqlite}"
port=18293
duration="${VN_BENCH_DURATION:-20s}"
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
# VN_BIN: a built binary to measure (no build).
if [ -z "${VN_BIN:-}" ]; then cargo build --release -q -p vertrauensnetz; fi
bin="${VN_BIN:-$PWD/target/release/vertrauensnetz}"
work=$(mktemp -d)
db_args=()
pg_db=""
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  if [ -n "$pg_db" ]; then psql "$pg_admin" -qc "DROP DATABASE IF EXISTS $pg_db" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
[ -n "${VN_BENCH_DEBUG:-}" ] && set -x
if [ "$engine" = postgres ]; then
  pg_admin="${VN_BENCH_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
  pg_db="vn_bench_$$"
  psql "$pg_admin" -qc "CREATE DATABASE $pg_db" >/dev/null
  db_args=(--database "${pg_admin%/*}/$pg_db")
fi
vn() { VN_LOG=warn "$bin" --data-dir "$work" "${db_args[@]}" "$@"; }

# Dortmund's twelve districts as squares around their centres.
python3 - "$work/districts.geojson" <<'PY'
import json, sys
d = [("Innenstadt-West", 51.5115, 7.4470), ("Innenstadt-Nord", 51.5275, 7.4600),
     ("Innenstadt-Ost", 51.5080, 7.4930), ("Eving", 51.5560, 7.4810),
     ("Scharnhorst", 51.5430, 7.5500), ("Brackel", 51.5230, 7.5560),
     ("Aplerbeck", 51.4880, 7.5610), ("Hörde", 51.4830, 7.5000),
     ("Hombruch", 51.4690, 7.4400), ("Lütgendortmund", 51.5010, 7.3460),
     ("Huckarde", 51.5370, 7.4130), ("Mengede", 51.5700, 7.3900)]
f = [{"type": "Feature", "properties": {"name": n}, "geometry": {"type": "Polygon",
      "coordinates": [[[lo - .02, la - .012], [lo + .02, la - .012], [lo + .02, la + .012],
                       [lo - .02, la + .012], [lo - .02, la - .012]]]}} for n, la, lo in d]
json.dump({"type": "FeatureCollection", "features": f}, open(sys.argv[1], "w"))
PY
vn migrate >/dev/null
vn tenant add --slug dortmund --name Dortmund --jurisdiction dortmund.de --lat 51.5136 --lon 7.4653 >/dev/null
vn import districts --tenant dortmund "$work/districts.geojson" >/dev/null
echo "== generate $count reports ($engine)"
vn generate reports --tenant dortmund --count "$count"
password=$(vn user add --tenant dortmund --role coordinator --email bench@example.org | tail -1)
# Not through the function: `vn … &` would give the subshell's pid, and the
# cleanup would leave the server running.
VN_LOG=warn "$bin" --data-dir "$work" "${db_args[@]}" serve --listen 127.0.0.1:$port 2>/dev/null &
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.1; done
base="http://127.0.0.1:$port"

run_wrk() {
  local label="$1" url="$2"
  curl -fs -o /dev/null "$url" || { echo "$label: request failed" >&2; exit 1; }
  local rows
  rows=$(curl -fs "$url" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
  wrk -t2 -c64 -d"$duration" --latency "$url" > "$work/wrk.txt"
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
  echo "$label: $rows requests per answer, $rps requests/s, p50 $p50, p99 $p99"
}
run_wrk "open311 one service, 90 days, 1 km, page_size=50" \
  "$base/open311/v2/requests.json?jurisdiction_id=dortmund.de&service_code=street-lighting&lat=51.5136&long=7.4653&radius=1000&page_size=50"
# The same query around a different point each time: no answer is served
# again from the list cache, every one is computed.
wrk -t2 -c64 -d"$duration" --latency -s bench/open311-points.lua "$base" > "$work/wrk.txt"
echo "open311 one service, 90 days, 1 km, page_size=50, a different point each request (computed): $(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt") requests/s, p50 $(awk '$1 == "50%" {print $2}' "$work/wrk.txt"), p99 $(awk '$1 == "99%" {print $2}' "$work/wrk.txt"), non-2xx $(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")"
run_wrk "open311 default (90 days, up to 1,000)" \
  "$base/open311/v2/requests.json?jurisdiction_id=dortmund.de"
wrk -t2 -c64 -d"$duration" --latency -s bench/open311-default.lua "$base" > "$work/wrk.txt"
echo "open311 default, every answer computed: $(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt") requests/s, p50 $(awk '$1 == "50%" {print $2}' "$work/wrk.txt"), p99 $(awk '$1 == "99%" {print $2}' "$work/wrk.txt"), non-2xx $(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")"

jar="$work/cookies"
token=$(curl -fs -c "$jar" "$base/dortmund/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -b "$jar" -c "$jar" -H 'sec-fetch-site: same-origin' \
  --data-urlencode "csrf=$token" --data-urlencode "login=bench@example.org" \
  --data-urlencode "password=$password" "$base/dortmund/login" || { echo "sign-in failed: $(curl -s -o /dev/null -w "%{http_code}" -b "$jar" -H "sec-fetch-site: same-origin" --data-urlencode "csrf=$token" --data-urlencode "login=bench@example.org" --data-urlencode "password=$password" "$base/dortmund/login")" >&2; exit 1; }
for _ in $(seq 20); do
  curl -fs -o /dev/null -b "$jar" -w '%{time_total}\n' "$base/dortmund/staff/report-statistics"
done | sort -n | awk '{t[NR]=$1} END {printf "staff statistics page: p50 %.1f ms, max %.1f ms (20 requests)\n", t[int((NR+1)/2)]*1000, t[NR]*1000}'
curl -fs -b "$jar" "$base/dortmund/staff/report-statistics" | grep -o 'id="overdue-count">[0-9]*' | sed 's/.*>/  overdue: /'
