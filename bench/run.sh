#!/usr/bin/env bash
# Benchmarks: (1) start-up to the first served login page on a warm embedded-database data dir,
# (2) 50 signed-in sessions on the home page for 60 s. Loopback only; bounded in time.
# Usage: bench/run.sh [sessions=50] [seconds=60]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
sessions=${1:-50}; seconds=${2:-60}
port=${TRUONGSO_PORT:-18080}
data=$(mktemp -d /tmp/truongso-bench.XXXXXX)
[ -f target/truongso.jar ] || ./mvnw -q -DskipTests package

wait_login() {
  for _ in $(seq 1 1200); do
    if curl -sf -o /dev/null "http://127.0.0.1:$port/login"; then return 0; fi
    sleep 0.05
  done
  return 1
}
start() { TRUONGSO_DATA_DIR="$data" TRUONGSO_PORT=$port java -jar target/truongso.jar >>"$data/server.log" 2>&1 & pid=$!; }
stop() { kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done; }

echo "== first start (creates the cluster and the demo data)"
start; wait_login
until grep -q 'Demo data ready' "$data/server.log"; do sleep 0.2; done
stop

for run in 1 2 3; do
  t0=$(date +%s.%N); start; wait_login; t1=$(date +%s.%N)
  printf 'warm start %d: %.2f s to the first login page\n' "$run" "$(echo "$t1 - $t0" | bc)"
  [ "$run" = 3 ] || stop
done

echo "== load: $sessions sessions, $seconds s, GET /"
java bench/LoadTest.java "http://127.0.0.1:$port" "$sessions" "$seconds"
stop
rm -rf "$data"
