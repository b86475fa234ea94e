#!/usr/bin/env bash
# Start-up of the read commands, end to end: ./vsm (CDS archive, quick path, C1, serial GC) against
# plain `java -jar vsm.jar` through picocli (how vsm started before), on a project with state.
source "$(dirname "$0")/lib.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$CLASSES"' EXIT
"${JAVA[@]}" LogReads "$work" 1000 generate
"$ROOT/vsm" -d "$work" --analyze x >/dev/null
hyperfine -N -w 3 -r 20 \
  "$ROOT/vsm -d $work --state" \
  "$ROOT/vsm -d $work --log" \
  "$ROOT/vsm -d $work --state --json" \
  "java -jar $JAR -d $work -v --state" \
  2>&1 | grep -E "Benchmark|Time"
# The launcher's own work: the same script up to the exec.
sed 's/^exec "\$java"/exit 0; exec "$java"/' "$ROOT/vsm" > "$ROOT/.vsm-launcher-only"
chmod +x "$ROOT/.vsm-launcher-only"
hyperfine -N -w 3 -r 30 "$ROOT/.vsm-launcher-only --state" 2>&1 | grep -E "Time" | sed 's/^/launcher alone: /'
rm -f "$ROOT/.vsm-launcher-only"
