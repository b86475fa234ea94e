"""The floor: an empty program, the JVM (with the launcher's flags) against the interpreter. No
figure of either implementation can be faster than its own floor."""
import os
import re

from harness import Cmd, Figure

KEY = "floor"


def launcher_flags(ctx):
    """The JVM flags ./vsm passes (its `flags=(...)` line)."""
    with open(ctx.vsm) as f:
        m = re.search(r"^flags=\((.*)\)", f.read(), re.M)
    return m.group(1).split() if m else []


def figure(ctx):
    classes = ctx.java_cp.split(":")[0]  # bench/src compiled, Empty among them
    return Figure(KEY, "an empty program: `java` with ./vsm's flags, `python3 -c pass`",
                  Cmd(["java"] + launcher_flags(ctx) + ["-cp", classes, "Empty"]),
                  Cmd([ctx.python, "-c", "pass"]))
