# Shared by the bench scripts: builds vsm (through ./vsm) and compiles bench/src against it.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH/.." && pwd)"
JAR="$ROOT/vsm-adapter-cli/target/vsm.jar"
"$ROOT/vsm" --version >/dev/null            # builds the jar (and its CDS archive) when stale
if ! ls "$ROOT"/vsm-application/target/vsm-application-*-tests.jar >/dev/null 2>&1; then
  (cd "$ROOT" && mvn -q -B -DskipTests package) >&2
fi
TESTJAR="$(ls "$ROOT"/vsm-application/target/vsm-application-*-tests.jar | head -1)"
CLASSES="$(mktemp -d)"
trap 'rm -rf "$CLASSES"' EXIT
javac -nowarn -d "$CLASSES" -cp "$JAR:$TESTJAR" "$BENCH"/src/*.java
CP="$CLASSES:$JAR:$TESTJAR"
JAVA=(java -XX:+UseSerialGC -Xmx2g -cp "$CP")
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
