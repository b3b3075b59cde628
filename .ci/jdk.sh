# Sourced by .ci/run, bench/run.sh, ./mvnw and ./truongso (POSIX sh): export JAVA_HOME and PATH for the newest JDK >= 21 installed
# (the build machines ship 17 as the default java and a Temurin JDK beside it).
best=""; best_v=0
for dir in ${JAVA_HOME:-} /usr/lib/jvm/*; do
  [ -x "$dir/bin/javac" ] || continue
  # The JDK's release file names its version without starting a JVM (0.1 s each, at every start).
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$dir/release" 2>/dev/null)
  [ -n "$v" ] || v=$("$dir/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)
  if [ -n "$v" ] && [ "$v" -ge 21 ] && [ "$v" -gt "$best_v" ]; then best="$dir"; best_v="$v"; fi
done
if [ -z "$best" ]; then
  echo "No JDK 21 or newer found under /usr/lib/jvm; install one (for example temurin-21-jdk)." >&2
  exit 1
fi
export JAVA_HOME="$best"
export PATH="$JAVA_HOME/bin:$PATH"
[ -n "${JDK_QUIET:-}" ] || echo "Using JDK $best_v at $JAVA_HOME"
