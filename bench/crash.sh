#!/usr/bin/env bash
# The long crash run: write load (registrations, cancellations, complaint
# intakes, stop receipts through the API, reports through Open311, joint
# press releases with partner approvals, edits and publication) against
# a server process that is killed with SIGKILL KILLS times at random
# moments and restarted; then every acknowledged write must be
# stored, the capacity invariant must hold, every acknowledged receipt must
# be in the chain, no press release may be published without every
# approval of its published version, and the audit chain must verify.
# The same harness runs 3 kills in the test suite (tests/crash.rs).
#
#   bench/crash.sh [KILLS] [sqlite|postgres|both]
#
# PostgreSQL: VN_TEST_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
kills="${1:-50}"
which="${2:-both}"
export VN_TEST_POSTGRES_URL="${VN_TEST_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
for backend in sqlite postgres; do
  if [ "$which" != both ] && [ "$which" != "$backend" ]; then continue; fi
  echo "== $backend, $kills kills"
  VN_TEST_DB=$backend VN_CRASH_KILLS=$kills cargo test -q -p vertrauensnetz --test crash -- --nocapture 2>&1 |
    grep -E "crash run|panicked|FAILED|assert" || { echo "crash run failed on $backend" >&2; exit 1; }
done
