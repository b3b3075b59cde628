#!/usr/bin/env bash
# The printed enrolment register's benchmark: a cohort of 2 000 students (or the number given)
# admitted into classes of 45, each with an address and a mother, every tenth moved to another class
# or transferred out, read from the database and printed as PDF/A-3b, three runs in one JVM (the
# first warms up). Usage: bench/register.sh [students]   (full log: target/bench-register.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-register.log
mkdir -p target
if ! PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark \
  -Dtest=RegisterBenchmark -Dbench.students="${1:-2000}" -Dsurefire.failIfNoSpecifiedTests=false \
  > "$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
