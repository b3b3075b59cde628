#!/usr/bin/env bash
# Issue 18's benchmark: a class of 45 học bạ printed (PDF/A-3b, two pages each, the XML embedded)
# and signed (PAdES + XAdES, PKCS#12) at B-B, at B-T and B-LT against a local TSA and CRL, and through a
# local CSC-style remote signing service; three runs in one JVM, the first warm-up.
# Usage: bench/hocba.sh   (full log: target/bench-hocba.log)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
log=target/bench-hocba.log
mkdir -p target
if ! PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 ./mvnw -B test -Dbench.excluded=none -Dgroups=benchmark \
  -Dtest=HocBaBenchmark -Dsurefire.failIfNoSpecifiedTests=false > "$log" 2>&1; then
  tail -40 "$log"
  exit 1
fi
grep -a '^BENCH' "$log"
