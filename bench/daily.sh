#!/usr/bin/env bash
# Issue 20's daily-life load (attendance and the families' portal), over HTTP with the load
# generator in the server's JVM on the same 2 cores:
#   roll    — a 2 000-student school's 45 homeroom teachers take the morning roll within WINDOW s
#   portal  — FAMILIES signed-in family sessions each read a child's page every THINK ms for SECONDS
# Usage: bench/daily.sh [roll|portal|all] [WINDOW=600] [FAMILIES=2000] [THINK=5000] [SECONDS=60]
#        (log: target/bench-daily.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
what="${1:-all}"
case "$what" in
  roll) test="DailyLifeLoadBenchmark#theMorningRollOfA2000StudentSchool" ;;
  portal) test="DailyLifeLoadBenchmark#thePortalPageUnderManyFamilySessions" ;;
  *) test="DailyLifeLoadBenchmark" ;;
esac
log=target/bench-daily.log
mkdir -p target
if ! ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark -Dtest="$test" \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.window="${2:-600}" -Dbench.families="${3:-2000}" \
  -Dbench.think="${4:-5000}" -Dbench.seconds="${5:-60}" > "$log" 2>&1; then
  grep -a '^BENCH' "$log" || true
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
