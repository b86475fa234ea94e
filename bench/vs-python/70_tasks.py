"""`tasks`: every task of a 1 000-entry log, one line each. The Python implementation has no such
command, so its `--state` is the bar (the issue's: every short command at or under CPython's
`--state`); `bench/tasks.sh` has the same command on a 500 000-entry log beside a Python fold."""
from harness import Figure

KEY = "tasks"


def figure(ctx):
    project = ctx.project("tasks")
    ctx.sample_state(project)
    ctx.generate_log(project, 1000)
    return Figure(KEY, "`tasks`, 1 000 entries (Python: `--state`, the bar)",
                  ctx.vsm_cmd(["tasks"], cwd=project),
                  ctx.python_cmd(["--state"], cwd=project))
