package dev.vsm.application.document;

import dev.vsm.domain.agent.AgentProfile;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.agent.AgentType;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state documents' schemas (§5), as plain maps for any JSON writer: the state files and {@code
 * --state --json} use them. Each document's exact top-level keys on write, and tolerant reads of
 * what the earlier implementation wrote (unknown keys ignored, optional keys defaulted). The log's
 * line document is {@link LogDocuments}.
 */
public final class StateDocuments {

  private StateDocuments() {}

  // current-task.json

  public static Map<String, Object> task(CurrentTask t) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", t.id());
    m.put("description", t.description());
    m.put("created_at", Timestamps.normalize(t.createdAt()));
    m.put("status", t.status().label());
    m.put("complexity", t.complexity());
    m.put("assigned_agents", t.assignedAgents());
    m.put("metadata", t.metadata());
    return m;
  }

  public static CurrentTask task(DocumentFields f) {
    return new CurrentTask(
        f.requiredText("id"),
        f.text("description", ""),
        Timestamps.normalize(f.text("created_at", "")),
        TaskStatus.parse(f.text("status", "pending")),
        f.text("complexity", "unknown"),
        f.texts("assigned_agents"),
        f.object("metadata"));
  }

  // viability-metrics.json

  public static Map<String, Object> metrics(ViabilityMetrics v) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("window", v.window());
    m.put("completion_rate", v.completionRate());
    m.put("agent_errors", v.agentErrors());
    m.put("oscillation_rate", v.oscillationRate());
    m.put("audit_pass_rate", v.auditPassRate());
    m.put("s3_s4_conflicts", v.s3S4Conflicts());
    m.put("avg_cycle_iterations", v.avgCycleIterations());
    m.put("active_adaptations", AdaptationDocuments.adaptations(v.activeAdaptations()));
    m.put("last_updated", Timestamps.normalize(v.lastUpdated()));
    return m;
  }

  public static ViabilityMetrics metrics(DocumentFields f) {
    ViabilityMetrics d = ViabilityMetrics.defaults();
    Map<String, Double> errors = new LinkedHashMap<>();
    // Loops, not lambdas, here and below: the read commands and hooks read these files, and the
    // first lambda of a process costs a short command ~12 ms.
    for (Map.Entry<String, Object> e : f.object("agent_errors").entrySet()) {
      errors.put(e.getKey(), DocumentFields.finite(e.getValue(), "agent_errors." + e.getKey()));
    }
    List<Adaptation> adaptations = AdaptationDocuments.adaptations(f, "active_adaptations");
    return new ViabilityMetrics(
        f.text("window", d.window()),
        f.number("completion_rate", d.completionRate()),
        errors,
        f.number("oscillation_rate", d.oscillationRate()),
        f.number("audit_pass_rate", d.auditPassRate()),
        f.count("s3_s4_conflicts", d.s3S4Conflicts()),
        f.number("avg_cycle_iterations", d.avgCycleIterations()),
        adaptations,
        Timestamps.normalize(f.text("last_updated", "")));
  }

  // agent-registry.json

  public static Map<String, Object> registry(AgentRegistry r) {
    Map<String, Object> agents = new LinkedHashMap<>();
    for (Map.Entry<String, AgentProfile> e : r.agents().entrySet()) {
      AgentProfile p = e.getValue();
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("type", p.type().label());
      am.put("status", p.status().label());
      am.put("capabilities", p.capabilities());
      if (p.currentTask() != null) {
        am.put("current_task", p.currentTask());
      }
      agents.put(e.getKey(), am);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agents", agents);
    m.put("last_updated", Timestamps.normalize(r.lastUpdated()));
    return m;
  }

  public static AgentRegistry registry(DocumentFields f) {
    Map<String, AgentProfile> agents = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : f.object("agents").entrySet()) {
      DocumentFields a = DocumentFields.of(e.getValue(), "agent " + e.getKey());
      agents.put(
          e.getKey(),
          new AgentProfile(
              AgentType.parse(a.text("type", "domain")),
              AgentStatus.parse(a.text("status", "available")),
              a.texts("capabilities"),
              a.text("current_task", null)));
    }
    return new AgentRegistry(agents, Timestamps.normalize(f.text("last_updated", "")));
  }

  // s3-allocations.json

  public static Map<String, Object> allocation(S3Allocation a) {
    List<Map<String, Object>> agents = new ArrayList<>();
    for (AllocatedAgent x : a.selectedAgents()) {
      Map<String, Object> am = new LinkedHashMap<>();
      am.put("agent", x.agent());
      am.put("role", x.role());
      am.put("order", x.order());
      am.put("task_focus", x.taskFocus());
      agents.add(am);
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", a.taskId());
    m.put("complexity", a.complexity());
    m.put("selected_agents", agents);
    m.put("rationale", a.rationale());
    m.put("created_at", Timestamps.normalize(a.createdAt()));
    m.put("parallel_execution", a.parallelExecution());
    return m;
  }

  public static S3Allocation allocation(DocumentFields f) {
    List<AllocatedAgent> agents = new ArrayList<>();
    for (Object o : f.list("selected_agents")) {
      if (o instanceof String name) {
        agents.add(AllocatedAgent.named(name));
      } else {
        DocumentFields a = DocumentFields.of(o, "a selected agent");
        Integer order = a.has("order") ? (int) a.number("order", 0) : null;
        agents.add(
            new AllocatedAgent(
                a.requiredText("agent"), a.text("role", ""), order, a.text("task_focus", "")));
      }
    }
    return new S3Allocation(
        f.text("task_id", ""),
        f.text("complexity", "unknown"),
        agents,
        f.text("rationale", ""),
        Timestamps.normalize(f.text("created_at", "")),
        f.bool("parallel_execution", false));
  }

  // s4-environment.json

  public static Map<String, Object> environment(S4Environment e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", e.taskId());
    m.put("analysis", e.analysis());
    m.put("external_context", e.externalContext());
    m.put("risks", e.risks());
    m.put("opportunities", e.opportunities());
    m.put("recommended_approach", e.recommendedApproach());
    m.put("created_at", Timestamps.normalize(e.createdAt()));
    return m;
  }

  public static S4Environment environment(DocumentFields f) {
    return new S4Environment(
        f.text("task_id", ""),
        f.text("analysis", ""),
        f.list("external_context"),
        f.list("risks"),
        f.list("opportunities"),
        f.text("recommended_approach", ""),
        Timestamps.normalize(f.text("created_at", "")));
  }

  // coordination-plan.json

  public static Map<String, Object> plan(CoordinationPlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", p.taskId());
    m.put("plan", p.plan());
    m.put("created_at", Timestamps.normalize(p.createdAt()));
    return m;
  }

  public static CoordinationPlan plan(DocumentFields f) {
    return new CoordinationPlan(
        f.text("task_id", ""), f.object("plan"), Timestamps.normalize(f.text("created_at", "")));
  }
}
