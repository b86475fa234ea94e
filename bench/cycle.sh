#!/usr/bin/env bash
# The cycle's own overhead with instant agents (target < 5 ms per cycle after warm-up), and a cycle
# with four parallel one-second S1 agents against its critical path (target within 0.3 s).
source "$(dirname "$0")/lib.sh"
"${JAVA[@]}" CycleOverhead 3000 3000
"${JAVA[@]}" ParallelCycle 5

# The same through the real stack: ./vsm, the filesystem state, and each agent a child process of
# the scripted stand-in CLI (S1 agents sleep 1 s). Critical path = S4 + S3 + S2 + slowest S1 + S3*,
# taken from the agents' own durations in the log.
work="$(mktemp -d)"
trap 'rm -rf "$work" "$CLASSES"' EXIT
fake="$work/fake"; mkdir -p "$fake/replies" "$fake/modes" "$work/project"
cp "$ROOT/vsm-adapter-claude-cli/src/test/resources/fake-claude/claude" "$fake/"
cp "$ROOT"/vsm-adapter-claude-cli/src/test/resources/fake-claude/replies/* "$fake/replies/"
echo '{"complexity":"complex","selected_agents":[{"agent":"frontend","order":1},{"agent":"backend","order":1},{"agent":"database","order":1},{"agent":"infrastructure","order":1}],"execution_mode":"parallel"}' > "$fake/replies/system3-control"
for a in frontend backend database infrastructure; do echo slow > "$fake/modes/s1-$a"; done
for i in 1 2 3; do
  FAKE_CLAUDE_SLEEP=1 "$ROOT/vsm" -d "$work/project" --claude-command "$fake/claude" --json "Build the platform" > "$work/result.json" 2>/dev/null
  python3 - "$work/project/.claude/vsm-state/execution-log.jsonl" "$work/result.json" <<'PY'
import json, sys
entries = [json.loads(l) for l in open(sys.argv[1])]
task = json.load(open(sys.argv[2]))["task_id"]
runs = {e["agent"]: e["data"]["duration_ms"] for e in entries
        if e["task_id"] == task and e["event_type"] in ("agent_completed", "agent_error")}
system = sum(v for k, v in runs.items() if not k.startswith("s1-"))
slowest = max(v for k, v in runs.items() if k.startswith("s1-"))
wall = [e for e in entries if e["task_id"] == task and e["event_type"] == "task_completed"][0]["data"]["duration_ms"]
print(f"four parallel 1 s S1 agents as claude processes: cycle {wall/1000:.3f} s, critical path "
      f"{(system + slowest)/1000:.3f} s, over it by {(wall - system - slowest)/1000:.3f} s (target < 0.3 s)")
PY
done
