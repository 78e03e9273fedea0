# shellcheck shell=sh
# Sourced by ./mvnw and ./mercato: makes JAVA_HOME point at a JDK >= 21.
# The machines' default java may be 17; Mercato compiles for release 21.
# POSIX sh, safe under `set -euf` (no globbing).

MERCATO_MIN_JAVA=21

mercato_java_major() {
  # Prints the feature version of the java binary $1, or 0 when it cannot be run.
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1 | grep . || echo 0
}

mercato_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/java" ] \
     && [ "$(mercato_java_major "$JAVA_HOME/bin/java")" -ge "$MERCATO_MIN_JAVA" ]; then
    return 0
  fi
  if command -v java >/dev/null 2>&1 && [ "$(mercato_java_major java)" -ge "$MERCATO_MIN_JAVA" ]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    export JAVA_HOME
    return 0
  fi
  best="" best_major=0
  for dir in $(find /usr/lib/jvm /opt/java /opt -maxdepth 1 -mindepth 1 -type d 2>/dev/null | sort); do
    [ -x "$dir/bin/javac" ] || continue
    major=$(mercato_java_major "$dir/bin/java")
    if [ "$major" -ge "$MERCATO_MIN_JAVA" ] && [ "$major" -gt "$best_major" ]; then
      best=$dir best_major=$major
    fi
  done
  if [ -n "$best" ]; then
    JAVA_HOME=$best
    export JAVA_HOME
    PATH="$JAVA_HOME/bin:$PATH"
    export PATH
    return 0
  fi
  echo "Mercato needs a JDK $MERCATO_MIN_JAVA or newer, and none was found (JAVA_HOME, PATH, /usr/lib/jvm)." >&2
  echo "Install one (for example Temurin 25 or 'apt-get install openjdk-21-jdk-headless') and set JAVA_HOME to it." >&2
  return 1
}
