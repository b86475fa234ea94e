"""A whole cycle with instant agents, start to exit, from an empty state directory.

vsm runs the repository's scripted stand-in for `claude` (fake-claude/claude: it speaks the real
CLI's JSON). The Python implementation calls `claude --print --agent NAME PROMPT` from PATH and
expects its agents to write the S4 and S3 state files, so it gets an equally instant stand-in,
written here: it prints the same reply files and writes those two files as its prompts ask. Both
run the same six agents: S4, S3, S2, S1 code-writer, S1 tester, S3* (no S5: no conflict, no
adaptation). The stand-ins differ in their own cost (vsm's escapes its reply into JSON with sed and
awk), so the same rounds also time each stand-in alone for those six calls, and the second row is
each cycle less its stand-in's time: the orchestrator's own overhead.
"""
import os
import shutil

from harness import Cmd, Figure

KEY = "cycle"
TASK = "Add user validation"
AGENTS = "system4-strategy system3-control system2-coordination s1-code-writer s1-tester system3-audit"

# What the Python implementation's S4 and S3 agents are asked to write (its dataclasses' keys).
PYTHON_STAND_IN = r'''#!/usr/bin/env bash
# claude --print --agent NAME PROMPT, as the earlier Python implementation calls it: replies at once
# with vsm's scripted replies; S4 and S3 write the state files their prompts ask for.
replies="__REPLIES__"
agent="$3"
state=.claude/vsm-state
case "$agent" in
  system4-strategy)
    printf '%s\n' '{"task_id": "", "analysis": "The task touches the request handling code.", "external_context": [], "risks": [{"risk": "regressions", "severity": "medium"}], "opportunities": ["reuse existing helpers"], "recommended_approach": "Implement in small steps with tests", "created_at": ""}' > "$state/s4-environment.json" ;;
  system3-control)
    printf '%s\n' '{"task_id": "", "complexity": "medium", "selected_agents": [{"agent": "code-writer", "role": "implement", "order": 1, "task_focus": "the change"}, {"agent": "tester", "role": "test", "order": 2, "task_focus": "tests for the change"}], "rationale": "one feature across a few files", "created_at": "", "parallel_execution": false}' > "$state/s3-allocations.json" ;;
esac
if [ -f "$replies/$agent" ]; then cat "$replies/$agent"; else cat "$replies/s1"; fi
'''


def figure(ctx):
    vsm_project = ctx.project("cycle-vsm")
    python_project = ctx.project("cycle-python")
    calls_project = ctx.project("cycle-python-calls")
    bin_dir = os.path.join(ctx.work, "python-stand-in")
    os.makedirs(bin_dir, exist_ok=True)
    stand_in = os.path.join(bin_dir, "claude")
    replies = os.path.join(os.path.dirname(ctx.fake_claude), "replies")
    with open(stand_in, "w") as f:
        f.write(PYTHON_STAND_IN.replace("__REPLIES__", replies))
    os.chmod(stand_in, 0o755)
    prompt = os.path.join(ctx.work, "prompt.txt")
    with open(prompt, "w") as f:
        f.write("Execute your assigned task.\n" * 80)

    def fresh(project):
        def reset():
            shutil.rmtree(os.path.join(project, ".claude"), ignore_errors=True)
            os.makedirs(ctx.state_dir(project))
        return reset

    loop = 'for a in ' + AGENTS + '; do '

    def cycle(key, label, env=None):
        return Figure(
            key, label,
            ctx.vsm_cmd(["--claude-command", ctx.fake_claude, TASK], cwd=vsm_project, env=env,
                        setup=fresh(vsm_project), expect="VSM Cycle Complete: SUCCESS"),
            ctx.python_cmd([TASK], cwd=python_project,
                           env={"PATH": bin_dir + ":" + os.environ["PATH"]},
                           setup=fresh(python_project), expect="VSM Cycle Complete: SUCCESS"),
            rounds=10,
            less={
                "vsm": Cmd(["bash", "-c", loop + '"$0" -p --output-format stream-json --verbose --agent "$a" < "$1"; done',
                            ctx.fake_claude, prompt]),
                "python": Cmd(["bash", "-c", loop + '"$0" --print --agent "$a" "$(< "$1")"; done',
                               stand_in, prompt], cwd=calls_project),
            },
            less_label="the same cycle less its stand-in's six calls (the orchestrator's own time)")

    figures = [cycle(KEY, "a cycle with instant agents (6 agents), start to exit")]
    # The same cycle with vsm on Java 25 and newer (its ahead-of-time cache), when one is named.
    java25 = os.environ.get("VSM_JAVA25_HOME")
    if java25:
        figures.append(cycle(KEY + "-java25", "the same cycle, vsm on " + java25,
                             env={"JAVA_HOME": java25}))
    return figures
