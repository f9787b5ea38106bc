#!/usr/bin/env bash
# Patrol planning and the control centre:
#   1. plans a month (4 areas × 3 shifts × 30 days, 70 staff: 30 police,
#      40 KOD, seeded random qualifications, absences, shift limits) with
#      the MILP planner and prints the time, the objective, the LP bound and
#      the gap (release build, ignored unit test `bench_month`);
#   2. times incident intake → ranked suggestion through the HTTP API with
#      500 open incidents on the board (ignored test `bench_dispatch`, 300
#      intakes after 20 warm-up ones; prints p50/p99).
#
#   bench/patrols.sh [sqlite|postgres]
#
# Note the machine's load (uptime is printed) beside the figures.
set -euo pipefail
cd "$(dirname "$0")/.."
engine="${1:-sqlite}"
uptime
cargo test --release -q -p vertrauensnetz --lib bench_month -- --ignored --nocapture 2>&1 | grep -E "month plan|test result"
VN_TEST_DB="$engine" cargo test --release -q -p vertrauensnetz --test patrols bench_dispatch -- --ignored --nocapture 2>&1 | grep -E "dispatch|test result"
uptime
