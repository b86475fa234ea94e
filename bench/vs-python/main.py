"""Runs the side-by-side figures (the files NN_*.py beside this one) in one run; prints the table.

Called by bench/vs-python/run, which builds vsm, checks the Python copy and passes the paths in the
environment. Arguments: figure keys to run (default: all but those marked slow; 'all' for every
one).
"""

import glob
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time

import harness
from harness import Cmd

HERE = os.path.dirname(os.path.abspath(__file__))


class Context:
    """What a figure file gets: the commands of both implementations and the data helpers."""

    def __init__(self, work):
        self.work = work
        self.root = os.environ["VSM_ROOT"]
        self.vsm = os.path.join(self.root, "vsm")
        self.python_home = os.environ["VSM_PYTHON_HOME"]
        self.python = os.environ.get("VSM_PYTHON", "/usr/bin/python3")
        self.java_cp = os.environ["VSM_BENCH_CP"]
        self.fake_claude = os.path.join(
            self.root, "vsm-adapter-claude-cli/src/test/resources/fake-claude/claude")
        self.here = HERE

    # --- commands -------------------------------------------------------------------------
    def vsm_cmd(self, args, cwd, **kw):
        """./vsm run in the project directory, as a user or a hook runs it."""
        return Cmd([self.vsm] + list(args), cwd=cwd, **kw)

    def python_cmd(self, args, cwd, env=None, **kw):
        """python -m orchestrator from the copy, with the system interpreter, in the project."""
        e = {"PYTHONPATH": self.python_home}
        e.update(env or {})
        return Cmd([self.python, "-m", "orchestrator"] + list(args), cwd=cwd, env=e, **kw)

    def python_script(self, script, args, cwd, **kw):
        """A driver script of bench/vs-python (or the copy's own file) run against the copy."""
        return Cmd([self.python, script] + list(args), cwd=cwd,
                   env={"PYTHONPATH": self.python_home}, **kw)

    # --- data -----------------------------------------------------------------------------
    def project(self, name):
        path = os.path.join(self.work, name)
        os.makedirs(os.path.join(path, ".claude", "vsm-state"), exist_ok=True)
        return path

    def state_dir(self, project):
        return os.path.join(project, ".claude", "vsm-state")

    def sample_state(self, project):
        """The state files the Python implementation left after one cycle (the test fixture)."""
        sample = os.path.join(
            self.root, "vsm-adapter-filesystem/src/test/resources/python-state-sample")
        for name in os.listdir(sample):
            if name.endswith(".json"):
                shutil.copy(os.path.join(sample, name), self.state_dir(project))

    def read_state(self, project, name):
        with open(os.path.join(self.state_dir(project), name)) as f:
            return json.load(f)

    def write_state(self, project, name, document):
        with open(os.path.join(self.state_dir(project), name), "w") as f:
            json.dump(document, f, indent=2)

    def generate_log(self, project, entries):
        """A log of cycle-shaped entries written as one file (bench/src/LogReads.java)."""
        subprocess.run(["java", "-cp", self.java_cp, "LogReads", project, str(entries), "generate"],
                       check=True)

    def exists(self, cmd):
        """Whether a command works in this build (for figures of commands not yet there)."""
        return harness.run_once(cmd)[2] == 0


def load_figures(ctx):
    figures = []
    for path in sorted(glob.glob(os.path.join(HERE, "[0-9][0-9]_*.py"))):
        spec = importlib.util.spec_from_file_location(os.path.basename(path)[:-3], path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        figures.append((module, path))
    return figures


def machine():
    cores = os.cpu_count()
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) / 1048576
    java = subprocess.run(["java", "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    py = subprocess.run([os.environ.get("VSM_PYTHON", "/usr/bin/python3"), "--version"],
                        capture_output=True, text=True).stdout.strip()
    return f"{cores} cores, {mem:.0f} GiB, {platform.machine()}; {java}; {py}"


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def before(figure, ctx, before_home):
    """The figure's vsm command run by the older build: the same program of that tree (./vsm, or
    e.g. the plugin's bin/vsm), the same arguments unless the figure gives the older grammar's;
    None when the vsm side is no program of the tree or the older tree lacks it."""
    vsm = figure.sides["vsm"]
    program = vsm.argv[0]
    if not program.startswith(ctx.root + os.sep):
        return None  # not a program of vsm's (the floor's java): nothing older to run
    program = os.path.join(before_home, os.path.relpath(program, ctx.root))
    if not os.access(program, os.X_OK):
        print(f"bench: {figure.key}: the before build has no {program}; no before figure",
              file=sys.stderr)
        return None
    argv = figure.before_argv if figure.before_argv is not None else vsm.argv[1:]
    return Cmd([program] + list(argv), cwd=vsm.cwd, stdin=vsm.stdin, env=vsm.env, setup=vsm.setup)


def main(argv):
    wanted = set(argv)
    work = tempfile.mkdtemp(prefix="vsm-vs-python-")
    try:
        ctx = Context(work)
        before_home = os.environ.get("VSM_BEFORE_HOME")
        # A smoke run (do the scripts work?): this many rounds per figure, no warm-up. No figures.
        smoke = int(os.environ.get("VSM_BENCH_ROUNDS", "0"))
        selected = []
        for module, path in load_figures(ctx):
            if wanted and module.KEY not in wanted and "all" not in wanted:
                continue
            if not wanted and getattr(module, "SLOW", False):
                print(f"bench: skipping {module.KEY} (slow: name it, or give 'all')", file=sys.stderr)
                continue
            selected.append(module)
        rows = []
        print(f"machine: {machine()}")
        print(f"load average at start: {load()}")
        started = time.time()
        for module in selected:
            made = module.figure(ctx)
            if made is None:
                print(f"bench: {module.KEY}: not in this build of vsm; skipped", file=sys.stderr)
                continue
            for figure in made if isinstance(made, list) else [made]:
                if smoke:
                    figure.rounds, figure.warmup = min(smoke, figure.rounds), 0
                older = before(figure, ctx, before_home) if before_home else None
                if older:
                    figure.sides["before"] = older
                print(f"== {figure.label}", file=sys.stderr)
                for side, cmd in figure.sides.items():
                    print(f"   {side}: {cmd.describe()}", file=sys.stderr)
                rows.append((figure, harness.measure(figure, work)))
                if "JAVA_HOME" in (figure.sides["vsm"].env or {}):
                    # Another Java left its start-up archive: the default one's is made again
                    # here, untimed, not in the next figure (whose hooks never make one).
                    for home in [ctx.root] + ([before_home] if older else []):
                        subprocess.run([os.path.join(home, "vsm"), "--version"],
                                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        print(f"load average at end: {load()}; {time.time() - started:.0f} s"
              + (f"; smoke run ({smoke} rounds): not figures" if smoke else ""))
        print()
        print(harness.table(rows, bool(before_home)))
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
