"""`version`: the Python implementation has none, so its `--state` is the bar (the issue's: every
short command at or under CPython's `--state`)."""
from harness import Figure

KEY = "version"


def figure(ctx):
    project = ctx.project("version")
    ctx.sample_state(project)
    return Figure(KEY, "`--version` (Python: `--state`, the bar)",
                  ctx.vsm_cmd(["--version"], cwd=project),
                  ctx.python_cmd(["--state"], cwd=project))
