#!/bin/bash
# Start-up benchmark: seconds from launching the jar to its ready line, on a warm data directory
# (run once first on a new directory: the first start also makes the demo data).
# usage: bench/startup.sh DATA_DIR [extra java args...]   (JAR=... for another jar)
#        VIA=launcher bench/startup.sh DATA_DIR           (times ./truongso, the README's way)
set -u
here="$(cd "$(dirname "$0")/.." && pwd)"
JDK_QUIET=1 . "$here/.ci/jdk.sh"
data=$1; shift
out=$(mktemp)
start=$(date +%s.%N)
if [ "${VIA:-}" = launcher ]; then
  TRUONGSO_DATA_DIR=$data TRUONGSO_PORT=18080 "$here/truongso" > "$out" 2>&1 &
else
  TRUONGSO_DATA_DIR=$data TRUONGSO_PORT=18080 "$JAVA_HOME/bin/java" "$@" \
    -jar "${JAR:-$here/target/truongso.jar}" > "$out" 2>&1 &
fi
pid=$!
for _ in $(seq 1 1200); do   # at most 60 s
  grep -q "sẵn sàng\|is ready" "$out" && break
  sleep 0.05
done
end=$(date +%s.%N)
echo "ready after $(echo "$end - $start" | bc) s"
grep -o "Started TruongSoApplication in [0-9.]* seconds" "$out"
kill $pid; wait $pid 2>/dev/null
rm -f "$out"
