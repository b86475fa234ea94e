"""`log --log-count 20` on a log of 1 000 cycle-shaped entries."""
from harness import Figure

KEY = "log"


def figure(ctx):
    project = ctx.project("log")
    ctx.sample_state(project)
    ctx.generate_log(project, 1000)
    return Figure(KEY, "`--log --log-count 20`, 1 000 entries",
                  ctx.vsm_cmd(["--log", "--log-count", "20"], cwd=project),
                  ctx.python_cmd(["--log", "--log-count", "20"], cwd=project))
