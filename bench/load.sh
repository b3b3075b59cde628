#!/usr/bin/env bash
# Issue 4's load run: TEACHERS subject teachers (40 per generated school, each their own class ×
# subject) log in over HTTP and type a term-I sheet of 45 students cell by cell with THINK_MS
# (± 50 %) between cells, COLUMNS columns each (99 = all); latency percentiles, throughput and a
# database check that nothing was lost or doubled. The load generator runs in the same JVM as the
# server, on the same 2 cores.
# LOCKS: locks in force per grade of each school that cover none of the typed cells (issue 5: a
# lock check must not slow entry).
# PRIMARY_PERCENT: the share of teachers on primary sheets (TT27, issue 19), in generated primary
# schools, typing a line (level, comment, score) per pupil at mid-term I as the page's script does.
# Usage: bench/load.sh [TEACHERS=1000] [THINK_MS=3000] [COLUMNS=99] [LOGIN_SPREAD_MS=60000] [LOCKS=0] [PRIMARY_PERCENT=0]   (log: target/bench-load.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-load.log
mkdir -p target
if ! ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark -Dtest=ScoreEntryLoadBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.teachers="${1:-1000}" \
  -Dbench.think="${2:-3000}" -Dbench.columns="${3:-99}" -Dbench.loginSpread="${4:-60000}" -Dbench.locks="${5:-0}" -Dbench.primaryPercent="${6:-0}" > "$log" 2>&1; then
  grep -a '^BENCH' "$log" || true
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
