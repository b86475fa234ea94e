"""The Python implementation's analyzer over tasks, its nearest equivalent of `vsm --analyze
--json`: it has no such command, so this driver reads tasks (arguments, else stdin lines), runs its
ComplexityAnalyzer on each and prints one JSON object per task (the assessment and the agent
recommendation), as vsm does. Needs the copy on PYTHONPATH."""
import dataclasses
import json
import sys

from orchestrator.complexity_analyzer import ComplexityAnalyzer

analyzer = ComplexityAnalyzer()
tasks = sys.argv[1:] or (line.rstrip("\n") for line in sys.stdin)
for task in tasks:
    if task.strip():
        a = analyzer.analyze(task)
        doc = dataclasses.asdict(a)
        doc["recommendation"] = analyzer.get_agent_recommendation(a)
        print(json.dumps({"task": task, **doc}))
