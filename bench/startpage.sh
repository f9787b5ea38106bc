#!/usr/bin/env bash
# Benchmark of the platform foundation: start-up time, idle memory, and the
# anonymous tenant start page under load next to two baselines measured in
# the same run (a bare axum handler and a plain askama page).
#
#   bench/startpage.sh [DURATION_SECONDS]
#
# Needs wrk (Debian package `wrk`). Builds the release binaries first.
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${1:-15}"
conns=64
threads=2
port_app=18181
port_base=18182

command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
cargo build --release -q -p vertrauensnetz -p bench-baseline
bin=target/release/vertrauensnetz
base_bin=target/release/bench-baseline
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "load: wrk -t$threads -c$conns -d${duration}s --latency (client on the same machine)"

# A demo database to start from.
"$bin" demo --listen 127.0.0.1:$port_app --data-dir "$work/data" > "$work/demo.out" 2>/dev/null &
demo_pid=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port_app/readyz" >/dev/null 2>&1 && break; sleep 0.1; done
kill -TERM $demo_pid; wait $demo_pid 2>/dev/null || true

# Start-up to ready on the existing database, five times.
starts=()
for _ in 1 2 3 4 5; do
  t0=$(date +%s%N)
  VN_LOG=warn "$bin" serve --listen 127.0.0.1:$port_app --data-dir "$work/data" 2>/dev/null &
  pid=$!
  until curl -fs "http://127.0.0.1:$port_app/readyz" >/dev/null 2>&1; do sleep 0.005; done
  t1=$(date +%s%N)
  starts+=($(( (t1 - t0) / 1000000 )))
  kill -TERM $pid; wait $pid 2>/dev/null || true
done
sorted=$(printf '%s\n' "${starts[@]}" | sort -n | tr '\n' ' ')
echo "startup_to_ready_ms: runs $sorted(median $(printf '%s\n' "${starts[@]}" | sort -n | sed -n 3p))"

VN_LOG=warn "$bin" serve --listen 127.0.0.1:$port_app --data-dir "$work/data" 2>/dev/null &
app_pid=$!
until curl -fs "http://127.0.0.1:$port_app/readyz" >/dev/null 2>&1; do sleep 0.01; done
"$base_bin" 127.0.0.1:$port_base >/dev/null &
base_pid=$!
until curl -fs "http://127.0.0.1:$port_base/plain" >/dev/null 2>&1; do sleep 0.01; done
sleep 2
rss() { awk '/VmRSS/ {printf "%.1f", $2/1024}' "/proc/$1/status"; }
echo "idle_rss_mb: $(rss $app_pid)"

run() {
  local name=$1 url=$2
  wrk -t$threads -c$conns -d2s "$url" >/dev/null 2>&1 # warm-up
  local out
  out=$(wrk -t$threads -c$conns -d"${duration}s" --latency "$url")
  local rps p99 non2xx
  rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
  p99=$(echo "$out" | awk '$1 == "99%" {print $2}')
  non2xx=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
  echo "$name: requests_per_s=$rps p99=$p99 non_2xx=${non2xx:-0}" >&2
  echo "$rps"
}
app_rps=$(run "start_page /dortmund" "http://127.0.0.1:$port_app/dortmund")
plain_rps=$(run "baseline bare axum /plain" "http://127.0.0.1:$port_base/plain")
askama_rps=$(run "baseline plain askama /askama" "http://127.0.0.1:$port_base/askama")
echo "rss_after_load_mb: $(rss $app_pid)"
# The server's own view of the start page's latency (the histogram behind
# /metrics), without the client's scheduling on the shared cores.
curl -fs "http://127.0.0.1:$port_app/metrics" | python3 -c '
import re, sys
buckets = []
for line in sys.stdin:
    m = re.match(r"http_request_duration_seconds_bucket\{(.*)\} (\S+)", line)
    if m and "route=\"/{tenant}\"" in m.group(1) and "method=\"GET\"" in m.group(1):
        le = re.search(r"le=\"([^\"]+)\"", m.group(1)).group(1)
        buckets.append((float("inf") if le == "+Inf" else float(le), float(m.group(2))))
buckets.sort()
total = buckets[-1][1] if buckets else 0
p99 = next((le for le, n in buckets if n >= 0.99 * total), None)
print(f"server_side_p99_upper_bound_ms: {p99 * 1000:g} (of {int(total)} requests)" if p99 is not None else "server_side_p99: n/a")
'

awk -v a="$app_rps" -v p="$plain_rps" -v s="$askama_rps" 'BEGIN {printf "ratio_to_bare_axum: %.3f\nratio_to_plain_askama: %.3f\n", a/p, a/s}'
