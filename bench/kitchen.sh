#!/usr/bin/env bash
# Issue 21's kitchen figures: the day's kitchen sheet of a 600-child kindergarten over HTTP (counts
# from the rolls, portions, market list, Excel) and a week's nutrition recomputed for every group of
# 420 children after one food's composition changes.
# Usage: bench/kitchen.sh   (log: target/bench-kitchen.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-kitchen.log
mkdir -p target
if ! ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark -Dtest=KitchenBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1; then
  grep -a '^BENCH' "$log" || true
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
