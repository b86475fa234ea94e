"""`state` with a large registry and metrics: 1 000 agents and 10 000 error rates."""
from harness import Figure

KEY = "state-large"


def figure(ctx):
    project = ctx.project("state-large")
    ctx.sample_state(project)
    registry = ctx.read_state(project, "agent-registry.json")
    template = registry["agents"]["code-writer"]
    for i in range(1000 - len(registry["agents"])):
        registry["agents"][f"agent-{i:04d}"] = dict(template)
    ctx.write_state(project, "agent-registry.json", registry)
    metrics = ctx.read_state(project, "viability-metrics.json")
    for i in range(10000 - len(metrics["agent_errors"])):
        metrics["agent_errors"][f"agent-{i:05d}"] = (i % 97) / 100
    ctx.write_state(project, "viability-metrics.json", metrics)
    return Figure(KEY, "`--state`, 1 000 agents and 10 000 error rates",
                  ctx.vsm_cmd(["--state"], cwd=project),
                  ctx.python_cmd(["--state"], cwd=project))
