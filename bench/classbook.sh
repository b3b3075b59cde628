#!/usr/bin/env bash
# The printed class book's benchmark: a grade-7 class of 45 with a whole year of marks, conduct,
# absences, addresses and a parent each, read from the database and printed as PDF/A-3b, four
# runs in one JVM (the first warms up). Usage: bench/classbook.sh   (full log: target/bench-classbook.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-classbook.log
mkdir -p target
if ! PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark \
  -Dtest=ClassBookBenchmark -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
