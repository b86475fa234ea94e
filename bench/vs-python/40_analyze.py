"""`analyze --json` of 5 000 tasks on stdin (the development corpus's tasks, cycled)."""
import glob
import os

from harness import Figure

KEY = "analyze"
TASKS = 5000


def corpus(ctx):
    tasks = []
    for path in sorted(glob.glob(os.path.join(ctx.root, "vsm-domain/src/test/resources/complexity-*.tsv"))):
        with open(path) as f:
            # label TAB task, or label TAB url TAB task (complexity-real.tsv): the task is last
            tasks += [line.rstrip("\n").split("\t")[-1] for line in f
                      if line.strip() and not line.startswith("#") and "\t" in line]
    return tasks


def figure(ctx):
    project = ctx.project("analyze")
    tasks = corpus(ctx)
    stdin = os.path.join(ctx.work, "tasks.txt")
    with open(stdin, "w") as f:
        for i in range(TASKS):
            f.write(tasks[i % len(tasks)] + "\n")
    return Figure(KEY, "`--analyze --json`, 5 000 tasks on stdin",
                  ctx.vsm_cmd(["--analyze", "--json"], cwd=project, stdin=stdin),
                  ctx.python_script(os.path.join(ctx.here, "py_analyze.py"), [], cwd=project,
                                    stdin=stdin),
                  rounds=7, warmup=1)
