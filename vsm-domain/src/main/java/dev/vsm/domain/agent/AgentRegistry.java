package dev.vsm.domain.agent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The S1 agents the cycle may run, keyed by name (without the {@code s1-} prefix). */
public record AgentRegistry(Map<String, AgentProfile> agents, String lastUpdated) {

  public AgentRegistry {
    agents = Collections.unmodifiableMap(new LinkedHashMap<>(agents));
    lastUpdated = lastUpdated == null ? "" : lastUpdated;
  }

  /** The nine built-in specialists, each available. */
  public static AgentRegistry defaults(String now) {
    Map<String, AgentProfile> m = new LinkedHashMap<>();
    put(
        m,
        "generalist-coder",
        AgentType.GENERALIST,
        "general coding",
        "simple fixes",
        "small features");
    put(
        m,
        "code-writer",
        AgentType.FUNCTIONAL,
        "implementation",
        "new features",
        "code generation");
    put(m, "tester", AgentType.FUNCTIONAL, "unit tests", "integration tests", "test coverage");
    put(m, "reviewer", AgentType.FUNCTIONAL, "code review", "best practices", "quality checks");
    put(m, "documenter", AgentType.FUNCTIONAL, "documentation", "comments", "API docs");
    put(m, "frontend", AgentType.DOMAIN, "UI/UX", "React", "CSS", "accessibility");
    put(m, "backend", AgentType.DOMAIN, "APIs", "services", "business logic");
    put(m, "database", AgentType.DOMAIN, "SQL", "migrations", "data modeling", "queries");
    put(m, "infrastructure", AgentType.DOMAIN, "DevOps", "CI/CD", "deployment", "containers");
    return new AgentRegistry(m, now);
  }

  private static void put(
      Map<String, AgentProfile> m, String name, AgentType type, String... caps) {
    m.put(name, new AgentProfile(type, AgentStatus.AVAILABLE, List.of(caps), null));
  }

  /** True when {@code name} (with or without {@code s1-}) is a safe name of a registered agent. */
  public boolean contains(String name) {
    return name != null
        && AgentName.isValid(AgentName.withoutS1Prefix(name))
        && agents.containsKey(AgentName.withoutS1Prefix(name));
  }

  public Optional<AgentProfile> find(String name) {
    return Optional.ofNullable(agents.get(AgentName.withoutS1Prefix(name)));
  }

  /** The registry with one agent's status changed; unknown agents leave it as it is. */
  public AgentRegistry withStatus(String name, AgentStatus status, String task, String now) {
    String key = AgentName.withoutS1Prefix(name);
    AgentProfile p = agents.get(key);
    if (p == null) {
      return this;
    }
    Map<String, AgentProfile> m = new LinkedHashMap<>(agents);
    m.put(key, p.withStatus(status, status == AgentStatus.BUSY ? task : null));
    return new AgentRegistry(m, now);
  }

  /**
   * The registry with every agent still {@code busy} with {@code task} made available: the task
   * ended (failed, interrupted, abandoned by a killed process) before its agents could say so.
   * Unchanged (the same value) when no agent was busy with it.
   */
  public AgentRegistry withTaskReleased(String task, String now) {
    Map<String, AgentProfile> m = new LinkedHashMap<>(agents);
    boolean changed = false;
    for (Map.Entry<String, AgentProfile> e : agents.entrySet()) {
      AgentProfile p = e.getValue();
      if (p.status() == AgentStatus.BUSY && task != null && task.equals(p.currentTask())) {
        m.put(e.getKey(), p.withStatus(AgentStatus.AVAILABLE, null));
        changed = true;
      }
    }
    return changed ? new AgentRegistry(m, now) : this;
  }

  /** The type of a named agent; names outside the registry are taken as domain specialists. */
  public AgentType typeOf(String name) {
    // No method reference: `analyze` asks this, and the first lambda of a process costs ~12 ms.
    Optional<AgentProfile> profile = find(name);
    return profile.isPresent() ? profile.get().type() : AgentType.DOMAIN;
  }
}
