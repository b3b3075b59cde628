#!/usr/bin/env bash
# Issue 3's benchmarks: class-list import (45 and 2 000 rows) and student search over N million
# generated students (default 2). Runs in-process against a fresh embedded PostgreSQL directory.
# Usage: bench/enrolment.sh [millions=2] [search]   ("search": skip the import part)
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
data=$(mktemp -d /tmp/truongso-bench-db.XXXXXX)
# A system property: it outranks the test resources' temporary-database setting on the class path.
java -Xmx4g -Dtruongso.db.data-dir="$data" -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  vn.truongso.bench.EnrolmentBenchmark "${1:-2}" ${2:-}
rm -rf "$data"
