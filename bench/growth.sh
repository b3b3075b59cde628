#!/usr/bin/env bash
# Issue 21's JMH benchmark: WHO z-scores of 100 000 measurements, one thread.
# Usage: bench/growth.sh [extra JMH options, e.g. -f 1 -wi 3 -i 5]
set -euo pipefail
cd "$(dirname "$0")/.."
. .ci/jdk.sh
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
java -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main GrowthBenchmark "$@"
