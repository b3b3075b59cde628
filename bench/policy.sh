#!/usr/bin/env bash
# Issue 4's JMH benchmark: one student-year evaluated under TT22 and TT58, one thread.
# Usage: bench/policy.sh [extra JMH options, e.g. -f 1 -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main PolicyBenchmark "$@"
