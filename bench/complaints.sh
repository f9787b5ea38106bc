#!/usr/bin/env bash
# Complaint intake with the production key derivation (Argon2id 128 MiB,
# t=3 for the receipt hash and t=4 for the complainant's key): the time of
# one submission (sequential, p50), then a burst of 20 submissions at once
# while wrk measures the start page, and the server's peak memory.
#
#   bench/complaints.sh [SEQUENTIAL_COUNT]
#
# SQLite in a temporary folder; the server listens on 127.0.0.1 only.
set -euo pipefail
cd "$(dirname "$0")/.."
count="${1:-10}"
port=18291
command -v wrk >/dev/null || { echo "wrk is required (apt-get install wrk)" >&2; exit 1; }
# VN_BIN: a built binary to measure (no build).
if [ -z "${VN_BIN:-}" ]; then cargo build --release -q -p vertrauensnetz; fi
bin="${VN_BIN:-$PWD/target/release/vertrauensnetz}"
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT

cat > "$work/config.toml" <<TOML
[complaints]
submissions_per_hour = 100000
TOML
"$bin" --data-dir "$work" migrate >/dev/null
"$bin" --data-dir "$work" tenant add --slug dortmund --name Dortmund --jurisdiction dortmund.de --lat 51.5136 --lon 7.4653 >/dev/null
VN_LOG=warn "$bin" --config "$work/config.toml" --data-dir "$work" serve --listen 127.0.0.1:$port 2>/dev/null &
pid=$!
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.05; done
base="http://127.0.0.1:$port/dortmund"
jar="$work/cookies"
token=$(curl -fs -c "$jar" "$base/complaints/new" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)

submit() {
  curl -s -o /dev/null -w '%{http_code} %{time_total}\n' -b "$jar" -H 'sec-fetch-site: same-origin' \
    -F "csrf=$token" -F 'what=Bei einer Kontrolle wurde ich grundlos durchsucht.' -F authority=police \
    -F contact_mode=anonymous -F consent=none "$base/complaints/new"
}

echo "sequential submissions: $count"
for _ in $(seq "$count"); do submit; done > "$work/seq.txt"
awk '$1 != 200 {bad++} END {if (bad) {print bad " failed"; exit 1}}' "$work/seq.txt"
sort -n -k2 "$work/seq.txt" | awk '{t[NR]=$2} END {printf "  p50 %.3f s, max %.3f s\n", t[int((NR+1)/2)], t[NR]}'

echo "burst: 20 submissions at once while wrk reads the start page (2 connections)"
wrk -t1 -c2 -d10s --latency "$base" > "$work/wrk.txt" &
wrk_pid=$!
sleep 1
submits=()
for i in $(seq 20); do submit > "$work/burst.$i.txt" & submits+=($!); done
wait $wrk_pid
wait "${submits[@]}"
cat "$work"/burst.*.txt | sort -n -k2 | awk '$1 != 200 {bad++} {t[NR]=$2} END {printf "  submissions: %d, failed %d, p50 %.3f s, max %.3f s\n", NR, bad, t[int((NR+1)/2)], t[NR]}'
awk '$1 == "50%" || $1 == "99%" {printf "  start page %s %s\n", $1, $2}' "$work/wrk.txt"
echo "  server peak memory (VmHWM): $(awk '/VmHWM/ {print $2, $3}' /proc/$pid/status)"
kill -TERM $pid; wait $pid 2>/dev/null || true
