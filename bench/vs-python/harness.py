"""Times whole commands side by side: vsm next to the earlier Python implementation.

Each figure has two or three sides (vsm, python, and optionally the vsm "before" build); in every
round each side runs once, one after the other, the order rotating from round to round, so drift in
the machine's speed (other people's builds) hits both sides alike. Reported per figure: the median
wall time of each side, the median of the per-round ratios vsm/python and their spread (the
interquartile range; a wide one says the machine was noisy), and each side's peak resident memory.
Nothing here is timed inside a process: wall time is taken around fork/exec/wait by this script.
"""

import os
import statistics
import subprocess
import sys
import threading
import time


class Cmd:
    """One side of a figure: an argument vector, run in cwd, stdin from a file or nothing."""

    def __init__(self, argv, cwd=None, stdin=None, env=None, setup=None, expect=None):
        self.argv = [str(a) for a in argv]
        self.expect = expect  # text the output must contain (checked once, untimed)
        self.cwd = str(cwd) if cwd else None
        self.stdin = str(stdin) if stdin else None
        self.env = env  # extra environment variables
        self.setup = setup  # untimed callable run before every run (e.g. reset a state directory)

    def describe(self):
        parts = []
        if self.env:
            parts += [f"{k}={v}" for k, v in self.env.items()]
        parts += [a if " " not in a and a else repr(a) for a in self.argv]
        text = " ".join(parts)
        if self.stdin:
            text += f" < {os.path.basename(self.stdin)}"
        if self.cwd:
            text = f"(cd {self.cwd} && {text})"
        return text


class Figure:
    """A row of the table: the same job done by vsm and by the Python implementation.

    less: optional {'vsm': Cmd, 'python': Cmd} timed in the same rounds, whose time is taken off
    each side for a second row (e.g. a cycle less the time its stand-in agents take by themselves).
    """

    def __init__(self, key, label, vsm, python, rounds=15, warmup=2, before_argv=None,
                 less=None, less_label=""):
        self.key = key
        self.label = label
        self.sides = {"vsm": vsm, "python": python}
        self.rounds = rounds
        self.warmup = warmup
        self.before_argv = before_argv  # the "before" build's arguments when its grammar differs
        self.less_label = less_label
        if less:
            for side, cmd in less.items():
                self.sides["less:" + side] = cmd


def run_once(cmd, out=subprocess.DEVNULL, timeout=900):
    """Runs cmd; returns (wall seconds, peak RSS of the largest process in KiB, exit code)."""
    if cmd.setup:
        cmd.setup()
    env = dict(os.environ)
    if cmd.env:
        env.update(cmd.env)
    stdin = open(cmd.stdin, "rb") if cmd.stdin else subprocess.DEVNULL
    try:
        start = time.perf_counter()
        p = subprocess.Popen(cmd.argv, cwd=cmd.cwd, stdin=stdin, stdout=out, stderr=out, env=env)
        timer = threading.Timer(timeout, p.kill)
        timer.start()
        _, status, usage = os.wait4(p.pid, 0)
        wall = time.perf_counter() - start
        timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
    finally:
        if cmd.stdin:
            stdin.close()
    return wall, usage.ru_maxrss, p.returncode


class Failed(Exception):
    """A side's command did not work when checked."""


def check(figure, side, cmd, work):
    """One untimed run that keeps the output: raises Failed when the command does not work."""
    log = os.path.join(work, f"check-{figure.key}-{side}.out")
    with open(log, "wb") as out:
        _, _, code = run_once(cmd, out=out)
    with open(log, "rb") as f:
        output = f.read().decode("utf-8", "replace")
    if code != 0 or (cmd.expect and cmd.expect not in output):
        why = f"exit {code}" if code != 0 else f"no {cmd.expect!r} in its output"
        raise Failed(
            f"bench: {figure.key}: the {side} command failed ({why}):\n"
            f"  {cmd.describe()}\n{output[-600:]}"
        )
    return len(output)


def quartiles(values):
    if len(values) < 4:
        return min(values), max(values)
    q = statistics.quantiles(values, n=4)
    return q[0], q[2]


def measure(figure, work, progress=sys.stderr):
    """Runs a figure's rounds; returns {side: {'wall': [...], 'rss': [...]}}."""
    for side in list(figure.sides):
        try:
            size = check(figure, side, figure.sides[side], work)
        except Failed as e:
            if side != "before":
                raise SystemExit(str(e))
            # An older build may not have the command yet (tasks, hook): its cells stay empty.
            print(f"bench: {figure.key}: the before build cannot run it; no before figure\n"
                  + str(e).split("\n", 1)[1], file=progress)
            del figure.sides[side]
            continue
        if size == 0:
            print(f"bench: {figure.key}: note: the {side} command printed nothing", file=progress)
    sides = list(figure.sides)
    results = {s: {"wall": [], "rss": []} for s in sides}
    for r in range(figure.warmup + figure.rounds):
        order = sides[r % len(sides):] + sides[: r % len(sides)]
        for side in order:
            wall, rss, code = run_once(figure.sides[side])
            if code != 0:
                raise SystemExit(f"bench: {figure.key}: {side} exited {code} in round {r}")
            if r >= figure.warmup:
                results[side]["wall"].append(wall)
                results[side]["rss"].append(rss)
        print(f"\r  {figure.key}: round {r + 1}/{figure.warmup + figure.rounds}", end="", file=progress)
    print(file=progress)
    return results


def fmt_time(s):
    return f"{s * 1000:.0f} ms" if s < 1 else f"{s:.2f} s"


def fmt_mem(kib):
    return f"{kib / 1024:.0f} MiB" if kib < 1024 * 1024 else f"{kib / 1048576:.1f} GiB"


def ratio(results, a, b):
    """Median and interquartile range of the per-round ratios a/b."""
    rs = [x / y for x, y in zip(results[a]["wall"], results[b]["wall"])]
    lo, hi = quartiles(rs)
    return statistics.median(rs), lo, hi


def table(rows, with_before):
    """Markdown table: one row per figure (two for figures with a 'less' part)."""
    head = ["figure"]
    if with_before:
        head += ["vsm before", "before/Python"]
    head += ["vsm", "Python", "vsm/Python", "ratio IQR", "peak RSS vsm / Python", "rounds"]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for figure, res in rows:
        variants = [(figure.label, res)]
        if "less:vsm" in res:
            less = {}
            for side in ("before", "vsm", "python"):
                if side in res:
                    base = res["less:" + ("vsm" if side == "before" else side)]["wall"]
                    less[side] = {
                        "wall": [a - b for a, b in zip(res[side]["wall"], base)],
                        "rss": res[side]["rss"],
                    }
            variants.append((figure.less_label, less))
        for label, r in variants:
            med = {s: statistics.median(v["wall"]) for s, v in r.items()}
            rss = {s: statistics.median(v["rss"]) for s, v in r.items()}
            q, lo, hi = ratio(r, "vsm", "python")
            cells = [label]
            if with_before:
                if "before" in r:
                    cells += [fmt_time(med["before"]), f"{ratio(r, 'before', 'python')[0]:.2f}"]
                else:
                    cells += ["—", "—"]
            cells += [
                fmt_time(med["vsm"]),
                fmt_time(med["python"]),
                f"**{q:.2f}**",
                f"{lo:.2f}–{hi:.2f}",
                f"{fmt_mem(rss['vsm'])} / {fmt_mem(rss['python'])}",
                str(figure.rounds),
            ]
            lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)
