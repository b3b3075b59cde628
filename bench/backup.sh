#!/usr/bin/env bash
# Issue 5's backup benchmark: SCHOOLS generated schools of 2 025 students (45 classes × 45) with a
# full year of marks, backed up (one consistent snapshot to a ZIP), read back and checked, and
# restored into a new database on the embedded PostgreSQL, twice.
# Usage: bench/backup.sh [SCHOOLS=1]   (50 ≈ a 100 000-student district; log: target/bench-backup.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-backup.log
mkdir -p target
if ! ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark -Dtest=BackupBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false -Dbench.schools="${1:-1}" \
  > "$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
