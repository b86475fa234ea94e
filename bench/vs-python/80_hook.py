"""`vsm hook EVENT` as the Claude Code plugin runs it on every tool use: the plugin's `bin/vsm`
(which finds this clone's launcher and sets VSM_NO_BUILD), then `./vsm`, then java; the hook's
JSON on standard input (the fixtures of vsm-adapter-cli/src/test/resources/hook-payloads/, as the
hooks reference shows them), the project named by CLAUDE_PROJECT_DIR, as Claude Code names it.
The Python implementation's hooks are shell one-liners appending to its log without starting
Python, so its `--state` is the bar. One row per event: a session's start (prints vsm's health),
an edit (appends a line to the log), an agent's stop (appends, and moves its error rate)."""
import os

from harness import Figure

KEY = "hook"
EVENTS = [
    ("session-start", "session-start.json"),
    ("post-tool-use", "post-tool-use-edit.json"),
    ("subagent-stop", "subagent-stop.json"),
]


def figure(ctx):
    project = ctx.project("hook")
    ctx.sample_state(project)
    plugin_vsm = os.path.join(ctx.root, "plugin", "bin", "vsm")
    payloads = os.path.join(ctx.root, "vsm-adapter-cli", "src", "test", "resources", "hook-payloads")
    env = {"CLAUDE_PROJECT_DIR": project}
    figures = []
    for event, payload in EVENTS:
        vsm = ctx.vsm_cmd(["hook", event, "--plugin"], cwd=project,
                          stdin=os.path.join(payloads, payload), env=env)
        vsm.argv[0] = plugin_vsm
        figures.append(Figure(f"{KEY}-{event}",
                              f"`hook {event}` through the plugin (Python: `--state`, the bar)",
                              vsm, ctx.python_cmd(["--state"], cwd=project)))
    return figures
