"""`log --log-count 20` on a log of 2 000 000 entries (about 640 MB, one file as the Python
implementation leaves it): vsm reads the end of the file, Python reads all of it."""
from harness import Figure

KEY = "log-2m"
SLOW = True


def figure(ctx):
    project = ctx.project("log-2m")
    ctx.sample_state(project)
    ctx.generate_log(project, 2_000_000)
    return Figure(KEY, "`--log --log-count 20`, 2 000 000 entries",
                  ctx.vsm_cmd(["--log", "--log-count", "20"], cwd=project),
                  ctx.python_cmd(["--log", "--log-count", "20"], cwd=project),
                  rounds=3, warmup=0)
