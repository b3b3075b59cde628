#!/usr/bin/env bash
# Issue 18: a school's year-end archive with its signed học bạ (45 × 45 students, each
# record signed and sealed), sealed once; log: target/bench-archive.log
# Usage: bench/archive.sh
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-archive.log
mkdir -p target
if ! ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark -Dtest=RecordsArchiveBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false \
  > "$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
