#!/usr/bin/env bash
# The team store (PostgreSQL) next to the state files, in one run on one machine: appends per
# second with 1 and 4 writer processes, a cycle's store overhead, log reads in-process on a
# generated log of ENTRIES (default 1 000 000) held by both, and end to end through ./vsm with
# hyperfine: log -n 20, log --task ID, tasks. The server is a throwaway one the script starts
# (Debian's postgresql binaries, PostgreSQL's default durable settings: fsync and synchronous
# commit on) on a free loopback port. Usage: bench/team-store.sh [ENTRIES] [APPENDS_PER_WRITER]
source "$(dirname "$0")/lib.sh"
entries="${1:-1000000}"
per="${2:-2000}"
if ! ls "$ROOT"/vsm-adapter-postgres/target/vsm-adapter-postgres-*-tests.jar >/dev/null 2>&1; then
  (cd "$ROOT" && mvn -q -B -DskipTests package -pl vsm-adapter-postgres -am) >&2
fi
PGTEST="$(ls "$ROOT"/vsm-adapter-postgres/target/vsm-adapter-postgres-*-tests.jar | head -1)"
javac -nowarn -d "$CLASSES" -cp "$CP:$PGTEST" "$BENCH"/team-store/*.java
work="$(mktemp -d)"
trap 'exec 3>&- 2>/dev/null; wait; rm -rf "$work" "$CLASSES"' EXIT
mkfifo "$work/hold"
java -XX:+UseSerialGC -Xmx2g -cp "$CP:$PGTEST" TeamStore all "$work" "$entries" "$per" < "$work/hold" &
exec 3>"$work/hold"
while [ ! -f "$work/ready" ]; do
  sleep 1
  kill -0 $! 2>/dev/null || { echo "team-store: the benchmark stopped early" >&2; exit 1; }
done
{ read -r url; read -r pgpass; read -r files; read -r task; } < "$work/ready"
pg=(env PGPASSFILE="$pgpass" VSM_STORE="$url")
echo "end to end (./vsm, hyperfine; the store named by VSM_STORE, its password from PGPASSFILE):"
hyperfine -N -w 2 -r 10 \
  "$ROOT/vsm -d $files log -n 20" "${pg[*]} $ROOT/vsm -d $files log -n 20" \
  "$ROOT/vsm -d $files log --task $task" "${pg[*]} $ROOT/vsm -d $files log --task $task" \
  2>&1 | grep -E "Benchmark|Time"
hyperfine -N -w 1 -r 3 \
  "$ROOT/vsm -d $files tasks" "${pg[*]} $ROOT/vsm -d $files tasks" \
  2>&1 | grep -E "Benchmark|Time"
