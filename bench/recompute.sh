#!/usr/bin/env bash
# Issue 4's bulk recomputation benchmark: generated lower-secondary schools of 2 025 students each
# (45 classes × 45), every compulsory subject's marks, conduct, both periods approved; times the
# recomputation job per school, THREADS schools at a time, on the embedded PostgreSQL.
# Usage: bench/recompute.sh [SCHOOLS=1] [THREADS=2] [RUNS=2]   (full log: target/bench-recompute.log)
# A province of 500 000 students: bench/recompute.sh 247 2 1 (about 75 million score cells, ~20 GB).
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-recompute.log
mkdir -p target
if ! ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark -Dtest=RecomputeBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.schools="${1:-1}" -Dbench.threads="${2:-2}" \
  -Dbench.runs="${3:-2}" \
  > "$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
