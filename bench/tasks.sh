#!/usr/bin/env bash
# vsm tasks on a 500 000-entry (~160 MB) log, end to end through ./vsm, beside `vsm log` (which
# reads only the end of the log) and beside what a user of the Python implementation would run
# instead: it has no such command, so the stand-in is a fold over every line with json.loads (its
# read_all, the loop its documentation shows), printing one line per task.
source "$(dirname "$0")/lib.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$CLASSES"' EXIT
"${JAVA[@]}" LogReads "$work" 500000 generate
log="$work/.claude/vsm-state/execution-log.jsonl"
echo "log: $(wc -l < "$log") entries, $(du -m "$log" | cut -f1) MB; $("$ROOT/vsm" -d "$work" tasks | tail -1)"
cat > "$work/tasks.py" <<'PY'
import json, sys
tasks = {}
with open(sys.argv[1]) as f:
    for line in f:
        try:
            e = json.loads(line)
        except ValueError:
            continue
        t = e.get("task_id")
        if not t:
            continue
        r = tasks.setdefault(t, {"start": None, "status": "in_progress", "agents": [], "cost": None})
        kind, data = e.get("event_type"), e.get("data") or {}
        if kind == "task_started" and r["start"] is None:
            r["start"] = e["timestamp"]
        elif kind == "agent_invoked" and not str(e.get("agent")).startswith("system") and e.get("agent") not in r["agents"]:
            r["agents"].append(e.get("agent"))
        elif kind in ("task_completed", "task_failed"):
            r["status"] = "completed" if kind == "task_completed" and data.get("success") is not False else "failed"
            r["cost"] = data.get("cost_usd")
for t, r in tasks.items():
    print(t, r["start"], r["status"], ",".join(r["agents"]), r["cost"])
PY
hyperfine -N -w 1 -r 5 \
  "$ROOT/vsm -d $work tasks" \
  "$ROOT/vsm -d $work tasks --json" \
  "$ROOT/vsm -d $work log" \
  "/usr/bin/python3 $work/tasks.py $log" \
  2>&1 | grep -E "Benchmark|Time"
