#!/usr/bin/env bash
# Log reads on a 1 000-entry and a 500 000-entry (~150 MB) log, generated in a temporary directory:
# ./vsm --log (recent 20) end to end with hyperfine, and in-process timings of recent(20), the
# task query and a full read. Targets: recent within 2x across sizes, >= 10x faster than a full read.
source "$(dirname "$0")/lib.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$CLASSES"' EXIT
for n in 1000 500000; do
  mkdir -p "$work/$n"
  "${JAVA[@]}" LogReads "$work/$n" "$n" generate
done
task="$(printf '%08x' $((500000 / 2 / 16)))"
hyperfine -N -w 3 -r 15 \
  "$ROOT/vsm -d $work/1000 --log --log-count 20" \
  "$ROOT/vsm -d $work/500000 --log --log-count 20" \
  "$ROOT/vsm -d $work/500000 --log --task $task" \
  2>&1 | grep -E "Benchmark|Time"
for n in 1000 500000; do
  "${JAVA[@]}" LogReads "$work/$n" "$n"
done
# A stand-in for the earlier implementation's read_task (json.loads on every line, filter by
# task_id): its code is not in this repository, so this is the algorithm its documentation describes.
if command -v python3 >/dev/null; then
  cat > "$work/read_task.py" <<'PY'
import json, sys
found = 0
with open(sys.argv[1]) as f:
    for line in f:
        try:
            e = json.loads(line)
        except ValueError:
            continue
        if e.get("task_id") == sys.argv[2]:
            found += 1
print(found)
PY
  hyperfine -N -w 1 -r 5 \
    "python3 $work/read_task.py $work/500000/.claude/vsm-state/execution-log.jsonl $task" \
    2>&1 | grep -E "Benchmark|Time"
fi
