"""`analyze` of one task (a short command), human output."""
import os

from harness import Figure

KEY = "analyze-one"
TASK = "Add OAuth2 login to the API and the React UI"


def figure(ctx):
    project = ctx.project("analyze-one")
    return Figure(KEY, "`--analyze TASK`, one task",
                  ctx.vsm_cmd(["--analyze", TASK], cwd=project),
                  ctx.python_script(os.path.join(ctx.here, "py_analyze.py"), [TASK], cwd=project))
