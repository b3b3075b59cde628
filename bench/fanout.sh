#!/usr/bin/env bash
# Issue 20's fan-out: one school-wide notice to ~4 000 guardian accounts of a 2 000-student school,
# in the inbox, by e-mail to a real SMTP server (GreenMail) and by Web Push to a local push-service
# stub, all on this machine's 2 cores: the time until all is queued (the principal's request over
# HTTP) and until all is delivered (the outbox worker).
# Usage: bench/fanout.sh   (log: target/bench-fanout.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-fanout.log
mkdir -p target
if ! ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark -Dtest=FanoutBenchmark \
  -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1; then
  grep -a '^BENCH' "$log" || true
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
