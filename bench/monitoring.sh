#!/usr/bin/env bash
# Issue 5's monitoring benchmark: a generated school of 2 025 students (45 classes × 45) with a
# full year of marks and CHANGES changes after first entry in November; times the anomaly flags
# (on every leader's home page) and the month's correction log on the embedded PostgreSQL.
# Usage: bench/monitoring.sh [CHANGES=20000]   (full log: target/bench-monitoring.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-monitoring.log
mkdir -p target
if ! ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark -Dtest=MonitoringBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.changes="${1:-20000}" \
  > "$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
