#!/usr/bin/env bash
# The cycle's own overhead with instant agents (target < 5 ms per cycle after warm-up), a cycle
# with four parallel one-second S1 agents against its critical path (target within 0.3 s), and a
# cycle through the real stack cold and warm.
source "$(dirname "$0")/lib.sh"
"${JAVA[@]}" CycleOverhead 3000 3000
"${JAVA[@]}" ParallelCycle 5

# A cycle of six instant agents through the real stack, cold and warm: cycles in one JVM (the
# launcher's C1-only compiler), then the stand-in's own seven calls (the login check and the six
# agents) timed alone, which the warm cycle less them leaves as vsm's own work once warm.
standin="$ROOT/vsm-adapter-claude-cli/src/test/resources/fake-claude/claude"
"${JAVA[@]}" -XX:TieredStopAtLevel=1 WarmCycle "$standin" 20
prompt="$(printf 'Execute your assigned task.\n%.0s' $(seq 80))"
calls=()
for i in $(seq 11); do
  start=$(date +%s%N)
  "$standin" auth status --json >/dev/null
  for a in system4-strategy system3-control system2-coordination s1-code-writer s1-tester system3-audit; do
    "$standin" -p --output-format stream-json --verbose --agent "$a" <<< "$prompt" >/dev/null
  done
  calls+=($(( ($(date +%s%N) - start) / 1000000 )))
done
echo "the stand-in's seven calls alone: median $(printf '%s\n' "${calls[@]}" | sort -n | sed -n 6p) ms (11 runs)"

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
