"""`state --json`: the same state as one JSON document."""
from harness import Figure

KEY = "state-json"


def figure(ctx):
    project = ctx.project("state-json")
    ctx.sample_state(project)
    return Figure(KEY, "`--state --json`",
                  ctx.vsm_cmd(["--state", "--json"], cwd=project),
                  ctx.python_cmd(["--state", "--json"], cwd=project))
