#!/usr/bin/env bash
# The complexity analyzer alone, vsm's next to the Python implementation's, in one run: each side in
# its own process over the same 5 000 tasks (the corpora's tasks, cycled, as bench/vs-python's
# analyze figure), timing inside the process what `--analyze` does per task (assessment and agent
# recommendation): building the analyzer with its first task, a first pass over the tasks (vsm's JIT
# still warming, as in one `vsm analyze` run), and a warm pass (median of 5). Start-up and output
# are left out on purpose: bench/vs-python/run analyze times the whole command.
#
#   VSM_PYTHON_HOME=/path/to/a/checkout/of/vsm-agent-swarm bench/analyzer.sh [ROUNDS]
#
# vsm runs with ./vsm's JVM flags; Python with /usr/bin/python3 (VSM_PYTHON), the copy on
# PYTHONPATH. The sides alternate, ROUNDS times (default 5); medians are printed. With
# VSM_BEFORE_HOME (a directory holding an older build: vsm-adapter-cli/target/vsm.jar) its analyzer
# is timed in the same rounds as a third side.
if [[ -z "${VSM_PYTHON_HOME:-}" || ! -f "${VSM_PYTHON_HOME:-}/orchestrator/complexity_analyzer.py" ]]; then
  echo "bench: set VSM_PYTHON_HOME to a checkout of github.com/dtrouton/vsm-agent-swarm (it has orchestrator/complexity_analyzer.py)" >&2
  exit 2
fi
python="${VSM_PYTHON:-/usr/bin/python3}"
source "$(dirname "$0")/lib.sh"
rounds="${1:-5}"
work="$(mktemp -d)"
trap 'rm -rf "$work" "$CLASSES"' EXIT

# label TAB task, or label TAB url TAB task: the task is the last field.
cat "$ROOT"/vsm-domain/src/test/resources/complexity-*.tsv | grep -v '^#' | grep $'\t' \
  | awk -F'\t' '{print $NF}' > "$work/corpus.txt"
awk -v n=5000 '{t[NR]=$0} END {for (i = 0; i < n; i++) print t[i % NR + 1]}' "$work/corpus.txt" \
  > "$work/tasks.txt"

cat > "$work/analyzer.py" <<'PY'
import statistics, sys, time
from orchestrator.complexity_analyzer import ComplexityAnalyzer
tasks = [line.rstrip("\n") for line in open(sys.argv[1], encoding="utf-8")]
def run_pass(analyzer):
    for task in tasks:
        analyzer.get_agent_recommendation(analyzer.analyze(task))
t0 = time.perf_counter()
analyzer = ComplexityAnalyzer()
analyzer.get_agent_recommendation(analyzer.analyze(tasks[0]))
t1 = time.perf_counter()
run_pass(analyzer)
t2 = time.perf_counter()
warm = []
for _ in range(5):
    s = time.perf_counter()
    run_pass(analyzer)
    warm.append(time.perf_counter() - s)
print("%.1f %.1f %.1f" % ((t1 - t0) * 1e3, (t2 - t1) * 1e3, statistics.median(warm) * 1e3))
PY

vsm_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -Xss1m)
before_jar="${VSM_BEFORE_HOME:+$VSM_BEFORE_HOME/vsm-adapter-cli/target/vsm.jar}"
if [[ -n "$before_jar" && ! -f "$before_jar" ]]; then
  echo "bench: VSM_BEFORE_HOME=$VSM_BEFORE_HOME has no vsm-adapter-cli/target/vsm.jar" >&2
  exit 2
fi
before() {
  [[ -z "$before_jar" ]] || java "${vsm_flags[@]}" -cp "$CLASSES:$before_jar" AnalyzerThroughput "$work/tasks.txt" >> "$work/before.txt"
}
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
: > "$work/vsm.txt"
: > "$work/python.txt"
: > "$work/before.txt"
for r in $(seq 1 "$rounds"); do
  if (( r % 2 )); then
    java "${vsm_flags[@]}" -cp "$CP" AnalyzerThroughput "$work/tasks.txt" >> "$work/vsm.txt"
    PYTHONPATH="$VSM_PYTHON_HOME" "$python" "$work/analyzer.py" "$work/tasks.txt" >> "$work/python.txt"
    before
  else
    before
    PYTHONPATH="$VSM_PYTHON_HOME" "$python" "$work/analyzer.py" "$work/tasks.txt" >> "$work/python.txt"
    java "${vsm_flags[@]}" -cp "$CP" AnalyzerThroughput "$work/tasks.txt" >> "$work/vsm.txt"
  fi
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg); $rounds rounds, 5 000 tasks"
"$python" - "$work/vsm.txt" "$work/python.txt" "$work/before.txt" <<'PY'
import statistics, sys
def medians(path):
    rows = [list(map(float, line.split())) for line in open(path) if line.strip()]
    return [statistics.median(col) for col in zip(*rows)] if rows else None
vsm, py, before = medians(sys.argv[1]), medians(sys.argv[2]), medians(sys.argv[3])
names = ["build the analyzer + first task", "first pass (cold)", "warm pass"]
def ratio(p, v):
    return ("%.2f×" if p / v < 1 else "%.1f×") % (p / v)
if before:
    print("| in one process, 5 000 tasks | vsm before | vsm | Python | Python/vsm |")
    print("|---|---|---|---|---|")
    for name, b, v, p in zip(names, before, vsm, py):
        print("| %s | %.0f ms | %.0f ms | %.0f ms | **%s** |" % (name, b, v, p, ratio(p, v)))
else:
    print("| in one process, 5 000 tasks | vsm | Python | Python/vsm |")
    print("|---|---|---|---|")
    for name, v, p in zip(names, vsm, py):
        print("| %s | %.0f ms | %.0f ms | **%s** |" % (name, v, p, ratio(p, v)))
PY
