#!/usr/bin/env bash
# The transparency dashboard at Dortmund's scale: starts from the demo data
# set (`vertrauensnetz demo`: a year of uses of force, bodycam activations
# and attacks, demo complaints, events and partner organisations, 1,500
# receipts, 57,600 rescue-service emergencies), adds REPORTS reports and
# RECEIPTS receipts with self-descriptions (`generate`), switches the
# committee reports to public (so every section is computed), then times
# GET /dortmund/transparency?period=<this year> with curl (cold first
# request, then N requests one after another) and one CSV download.
#
#   bench/dashboard.sh [REPORTS] [RECEIPTS] [N]
#   VN_BIN=target/debug/vertrauensnetz bench/dashboard.sh   (skip the build)
#
# SQLite (the demo's engine). Prints the data volumes used.
set -euo pipefail
cd "$(dirname "$0")/.."
if curl -fs "http://127.0.0.1:18294/readyz" >/dev/null 2>&1; then
  echo "port 18294 is in use" >&2; exit 1
fi
reports="${1:-30000}"
receipts="${2:-20000}"
n="${3:-30}"
port=18294
# VN_BIN: an already built binary (default: build and use the release one).
if [ -n "${VN_BIN:-}" ]; then
  bin="$VN_BIN"
else
  cargo build --release -q -p vertrauensnetz
  bin="$PWD/target/release/vertrauensnetz"
fi
work=$(mktemp -d)
cleanup() {
  kill $(jobs -p) 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
vn() { VN_LOG=warn "$bin" --data-dir "$work" "$@"; }

echo "== demo data set"
VN_LOG=warn "$bin" --data-dir "$work" demo --listen 127.0.0.1:$port > "$work/demo.txt" 2>/dev/null &
demo_pid=$!
until grep -q '^demo-url' "$work/demo.txt" 2>/dev/null; do sleep 0.2; done
kill "$demo_pid"; wait "$demo_pid" 2>/dev/null || true
grep -E '^demo-(accountability|receipts|dispatch)' "$work/demo.txt"
echo "== generate $reports reports and $receipts receipts"
vn generate reports --tenant dortmund --count "$reports"
vn generate receipts --tenant dortmund --count "$receipts" --described 0.3
python3 - "$work/vertrauensnetz.sqlite3" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("""INSERT INTO acc_settings (tenant_id, bodycam_baton_drawn, bodycam_baton_used,
  bodycam_pepper_spray, bodycam_order_to_leave, review_required, review_hours, retention_days,
  report_public, updated_at)
  SELECT tenant_id, 1, 1, 1, 1, 1, 72, 14, 1, 0 FROM tenants WHERE slug = 'dortmund'
  ON CONFLICT (tenant_id) DO UPDATE SET report_public = 1""")
c.commit()
for t in ["reports", "receipts", "receipt_self_descriptions", "dispatch_records", "force_records",
          "bodycam_activations", "attack_reports", "complaints", "events", "organisations"]:
    print(f"rows {t}: {c.execute(f'SELECT COUNT(*) FROM {t}').fetchone()[0]}")
PY
VN_LOG=warn "$bin" --data-dir "$work" serve --listen 127.0.0.1:$port 2>/dev/null &
until curl -fs "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; do sleep 0.1; done
year=$(date +%Y)
url="http://127.0.0.1:$port/dortmund/transparency?period=$year"
echo "== GET /dortmund/transparency?period=$year"
# The very first request after the start also warms SQLite's page cache
# and the prepared statements; it is reported separately.
curl -fs -o /dev/null -w "first request after start ($((year - 1))): %{time_total} s\n" \
  "http://127.0.0.1:$port/dortmund/transparency?period=$((year - 1))"
curl -fs -o "$work/page.html" -w 'first request for the year (figures computed): %{time_total} s\n' "$url"
grep -c '<table id="t-' "$work/page.html" | sed 's/^/tables on the page: /'
# Each quarter is a period not yet computed: four more cold requests.
for q in 1 2 3 4; do
  curl -fs -o /dev/null -w "first request $year-q$q: %{time_total} s\n" \
    "http://127.0.0.1:$port/dortmund/transparency?period=$year-q$q"
done
for _ in $(seq "$n"); do curl -fs -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n > "$work/times.txt"
python3 - "$work/times.txt" <<'PY'
import sys
t = [float(x) * 1000 for x in open(sys.argv[1])]
print(f"{len(t)} requests: median {t[len(t)//2]:.0f} ms, p90 {t[int(len(t)*0.9)-1]:.0f} ms, max {t[-1]:.0f} ms")
PY
curl -fs -o /dev/null -w 'CSV response-compliance: %{time_total} s\n' \
  "http://127.0.0.1:$port/dortmund/transparency/data/response-compliance.csv?period=$year"
echo "load: $(uptime)"
