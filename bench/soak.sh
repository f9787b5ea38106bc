#!/usr/bin/env bash
# Soak: MINUTES (default 30) of mixed load on SQLite against the demo data
# set — reads of public pages, the Open311 list, the API document, and
# writes (stop receipts through the API, reports through Open311) — from
# wrk on the same machine (4 connections, 10 ms pause between a
# connection's requests). Prints the error count (must be 0) and the
# server's resident memory every minute; after a warm-up of a sixth of the
# run, memory must stay within 10 % of its value at the end of the warm-up.
#
#   bench/soak.sh [MINUTES]
#   VN_BIN=path/to/vertrauensnetz bench/soak.sh   (a built binary; no build)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
port=18294
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
if [ -z "${VN_BIN:-}" ]; then cargo build --release -q -p vertrauensnetz; fi
bin="${VN_BIN:-$PWD/target/release/vertrauensnetz}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
# The demo data set, then the server on it.
"$bin" demo --listen 127.0.0.1:$port --data-dir "$work/data" > "$work/demo.out" 2>/dev/null &
pid=$!
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.1; done
kill -TERM $pid; wait $pid 2>/dev/null || true
vn() { VN_LOG=warn "$bin" --data-dir "$work/data" "$@"; }
POLICE_TOKEN=$(vn token create --login police@polizei-dortmund.example)
REPORT_KEY=$(vn token create --login coordinator@dortmund.example)
export POLICE_TOKEN REPORT_KEY DELAY_MS=10
VN_LOG=warn "$bin" --data-dir "$work/data" serve --listen 127.0.0.1:$port 2>"$work/server.log" &
pid=$!
# The memory sampled below must be the server's own.
[ "$(readlink "/proc/$pid/exe")" = "$(readlink -f "$bin")" ] || { echo "pid $pid is not the server" >&2; exit 1; }
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.1; done
DISTRICT=$(curl -fs -H "Authorization: Bearer $POLICE_TOKEN" "http://127.0.0.1:$port/api/v1/dortmund/receipts/options" |
  python3 -c 'import json,sys; print(json.load(sys.stdin)["districts"][0])')
export DISTRICT

wrk -t2 -c4 -d"${minutes}m" --timeout 10s -s bench/soak.lua "http://127.0.0.1:$port" > "$work/wrk.txt" &
load=$!
warm=$(( minutes * 60 / 6 ))
start=$(date +%s)
baseline=""
peak=0
echo "minute  rss_mib"
while kill -0 $load 2>/dev/null; do
  sleep 10
  kill -0 $pid 2>/dev/null || { echo "the server died" >&2; exit 1; }
  rss=$(awk '/VmRSS/ {print $2}' /proc/$pid/status)
  elapsed=$(( $(date +%s) - start ))
  if [ $(( elapsed % 60 )) -lt 10 ]; then printf '%6d  %7.1f\n' $(( elapsed / 60 )) "$(echo "$rss / 1024" | bc -l)"; fi
  if [ -z "$baseline" ] && [ $elapsed -ge $warm ]; then baseline=$rss; fi
  if [ -n "$baseline" ] && [ "$rss" -gt "$peak" ]; then peak=$rss; fi
done
wait $load || true
grep -E "Requests/sec|requests [0-9]+" "$work/wrk.txt" | sed 's/^/  /'
server_errors=$(grep -c -E ' ERROR ' "$work/server.log" || true)
echo "server log lines at ERROR: $server_errors"
growth=$(echo "($peak - $baseline) * 100 / $baseline" | bc -l)
printf 'memory after warm-up: %.1f MiB, peak %.1f MiB, growth %.1f %%\n' \
  "$(echo "$baseline / 1024" | bc -l)" "$(echo "$peak / 1024" | bc -l)" "$growth"
status_errors=$(sed -n 's/.*status >= 400: \([0-9]*\).*/\1/p' "$work/wrk.txt")
socket_errors=$(sed -n 's/.*errors: connect \([0-9]*\) read \([0-9]*\) write \([0-9]*\) timeout \([0-9]*\).*/\1+\2+\3+\4/p' "$work/wrk.txt" | bc)
ok=1
[ "${status_errors:-1}" -eq 0 ] || { echo "FAIL: $status_errors error responses"; ok=0; }
[ "${socket_errors:-1}" -eq 0 ] || { echo "FAIL: $socket_errors socket errors"; ok=0; }
[ "$(echo "$growth <= 10" | bc -l)" -eq 1 ] || { echo "FAIL: memory grew by more than 10 %"; ok=0; }
[ $ok -eq 1 ] && echo "soak passed"
