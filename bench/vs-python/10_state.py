"""`state`: the human view of the state the Python implementation left after one cycle."""
from harness import Figure

KEY = "state"


def figure(ctx):
    project = ctx.project("state")
    ctx.sample_state(project)
    return Figure(KEY, "`--state`",
                  ctx.vsm_cmd(["--state"], cwd=project),
                  ctx.python_cmd(["--state"], cwd=project))
