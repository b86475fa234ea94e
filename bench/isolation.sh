#!/usr/bin/env bash
# What isolating a parallel step costs (--isolation auto in a git repository): per step, the
# worktrees made from the tree as it is, each agent's work merged, the result written back and the
# worktrees removed, for 2 and 4 agents, on two repositories: this one (a local clone, with
# uncommitted and untracked changes on top) and a generated one of 5 000 files (~40 MB).
source "$(dirname "$0")/lib.sh"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$CLASSES"' EXIT
export TMPDIR="$work/tmp"; mkdir -p "$TMPDIR"
echo "git: $(git --version); load average: $(cut -d' ' -f1-3 /proc/loadavg)"

git clone -q --no-hardlinks "$ROOT" "$work/vsm"
(cd "$work/vsm" && for f in $(git ls-files '*.java' | head -10); do echo "// local edit" >> "$f"; done \
  && mkdir -p scratch && for i in 1 2 3 4 5; do echo "untracked $i" > "scratch/note$i.txt"; done)
echo "this repository: $(cd "$work/vsm" && git ls-files | wc -l) files, $(du -sh --exclude=.git "$work/vsm" | cut -f1)"
"${JAVA[@]}" IsolationOverhead "$work/vsm" 2,4 7

big="$work/big"; mkdir -p "$big"
python3 - "$big" <<'PY'
import os, random, sys
root = sys.argv[1]; random.seed(16)
for d in range(250):
    os.makedirs(f"{root}/src/module{d}", exist_ok=True)
    for f in range(20):
        lines = [f"def f{d}_{f}_{i}(x):\n    return x * {random.randint(1, 999)}\n" for i in range(200)]
        open(f"{root}/src/module{d}/file{f}.py", "w").write("".join(lines))
PY
(cd "$big" && git init -q && git add -A && git -c user.name=b -c user.email=b@b commit -qm init \
  && for f in $(git ls-files | head -20); do echo "# local edit" >> "$f"; done)
echo "generated repository: $(cd "$big" && git ls-files | wc -l) files, $(du -sh --exclude=.git "$big" | cut -f1)"
"${JAVA[@]}" IsolationOverhead "$big" 2,4 5
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
