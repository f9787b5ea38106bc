#!/usr/bin/env bash
# Stop receipts:
#  1. issuing through the API (signature, chain entry, durable commit) with
#     wrk, on SQLite and, when VN_BENCH_POSTGRES_URL is set, on PostgreSQL;
#  2. QR verification (Base45, inflate, CBOR, Ed25519) per core;
#  3. the veil-of-darkness check at full size (200,000 stops; 100 seeds
#     without effect);
#  4. the evaluation page over N self-described stops (default 10 million),
#     with the server's peak memory.
#
#   bench/receipts.sh [EVALUATION_ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-10000000}"
port=18292
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
# VN_BIN: a built binary to measure (no build).
if [ -z "${VN_BIN:-}" ]; then cargo build --release -q -p vertrauensnetz; fi
bin="${VN_BIN:-$PWD/target/release/vertrauensnetz}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

setup() { # $1: database URL (empty: SQLite in $work)
  local db=()
  [ -n "$1" ] && db=(--database "$1")
  "$bin" "${db[@]}" --data-dir "$work" migrate >/dev/null
  "$bin" "${db[@]}" --data-dir "$work" tenant add --slug bench --name Bench --jurisdiction bench.example --lat 51.5136 --lon 7.4653 >/dev/null
  "$bin" "${db[@]}" --data-dir "$work" user add --tenant bench --role police --email police@bench.example >/dev/null
  "$bin" "${db[@]}" --data-dir "$work" user add --tenant bench --role evaluator --email evaluator@bench.example > "$work/evaluator.pw"
  TOKEN=$("$bin" "${db[@]}" --data-dir "$work" token create --login police@bench.example)
  export TOKEN
}

serve() { # $1: database URL (empty: SQLite)
  local db=()
  [ -n "$1" ] && db=(--database "$1")
  VN_LOG=warn "$bin" "${db[@]}" --data-dir "$work" serve --listen 127.0.0.1:$port 2>/dev/null &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.05; done
}

issue_bench() { # $1: label
  export STOPPED_AT=$(date -u -d '-1 minute' +%Y-%m-%dT%H:%M:%SZ)
  wrk -t2 -c32 -d15s --latency -s bench/issue-receipt.lua "http://127.0.0.1:$port/api/v1/bench/receipts" > "$work/wrk.txt"
  echo "issuing on $1:"
  awk '/Requests\/sec/ {print "  " $0} $1 == "50%" || $1 == "99%" {printf "  latency %s %s\n", $1, $2} /201:/ {print}' "$work/wrk.txt"
  kill -TERM $pid; wait $pid 2>/dev/null || true
  "$bin" ${2:+--database "$2"} --data-dir "$work" audit verify | tail -1
}

setup ""
serve ""
issue_bench "SQLite"
if [ -n "${VN_BENCH_POSTGRES_URL:-}" ]; then
  pg="${VN_BENCH_POSTGRES_URL%/*}/vn_bench_$$"
  psql "$VN_BENCH_POSTGRES_URL" -qc "CREATE DATABASE vn_bench_$$" >/dev/null
  setup "$pg"
  serve "$pg"
  issue_bench "PostgreSQL" "$pg"
fi

echo "QR verification per core:"
cargo test --release -q -p receipt-codec -- --ignored --nocapture verification_rate 2>/dev/null | grep verified | sed 's/^/  /'

echo "veil of darkness at full size:"
cargo test --release -q -p stats -- --ignored --nocapture full_size_checks 2>/dev/null | grep -E 'stops|seeds' | sed 's/^/  /'

echo "evaluation over $rows self-described stops (SQLite):"
start=$(date +%s.%N)
"$bin" --data-dir "$work" generate receipts --tenant bench --count "$rows" --descriptions-only --seed 3 >/dev/null
echo "  generated in $(echo "$(date +%s.%N) - $start" | bc) s"
serve ""
base="http://127.0.0.1:$port/bench"
jar="$work/cookies"
csrf=$(curl -fs -c "$jar" "$base/login" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -b "$jar" -c "$jar" -H 'sec-fetch-site: same-origin' \
  --data-urlencode "csrf=$csrf" --data-urlencode "login=evaluator@bench.example" \
  --data-urlencode "password=$(cat "$work/evaluator.pw")" "$base/login"
for i in 1 2; do
  curl -fs -o "$work/eval.html" -b "$jar" -w "  evaluation page (run $i): %{http_code} in %{time_total} s\n" \
    "$base/receipts/evaluation?from=2000-01-01&to=2100-01-01"
done
grep -A4 'id="vod"' "$work/eval.html" | grep -o '<td>[^<]*</td>' | head -4 | tr '\n' ' '; echo
echo "  server peak memory (VmHWM): $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
kill -TERM $pid; wait $pid 2>/dev/null || true
