#!/usr/bin/env bash
# Issue 19's primary benchmark: a generated primary school of 43 classes × 35 pupils with every
# value of the end of the year; times the whole school's year-end evaluation (TT27), every class's
# Bảng tổng hợp and the progress page, three runs in one JVM (the first warms up).
# Usage: bench/primary.sh   (full log: target/bench-primary.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-primary.log
mkdir -p target
if ! ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark -Dtest=PrimaryRecomputeBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
