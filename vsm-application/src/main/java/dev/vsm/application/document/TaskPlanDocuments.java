package dev.vsm.application.document;

import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.cycle.TaskPlan.AgentProgress;
import dev.vsm.domain.cycle.TaskPlan.Intelligence;
import dev.vsm.domain.task.TaskStatus;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A task's saved plan as a document (a state file of its own per task, or a row of the team store):
 * its parts as the other state documents write them, null where a phase has not run.
 */
public final class TaskPlanDocuments {

  private TaskPlanDocuments() {}

  public static Map<String, Object> plan(TaskPlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", p.taskId());
    m.put("description", p.description());
    m.put("hint", p.hint());
    m.put("created_at", Timestamps.normalize(p.createdAt()));
    m.put("complexity", p.complexity());
    m.put("status", p.status().label());
    m.put("intelligence", p.intelligence() == null ? null : intelligence(p.intelligence()));
    m.put("allocation", p.allocation() == null ? null : StateDocuments.allocation(p.allocation()));
    m.put("allocations", p.allocations());
    m.put("coordination", p.coordination());
    m.put("adaptations", AdaptationDocuments.adaptations(p.adaptations()));
    Map<String, Object> agents = new LinkedHashMap<>();
    p.agents().forEach((name, a) -> agents.put(name, agent(a)));
    m.put("agents", agents);
    m.put("cost_usd", p.costUsd());
    m.put("input_tokens", p.inputTokens());
    m.put("output_tokens", p.outputTokens());
    m.put("conflicts_settled", p.conflictsSettled());
    m.put("learned_success", p.learnedSuccess());
    m.put("attempts", p.attempts());
    return m;
  }

  public static TaskPlan plan(DocumentFields f) {
    Map<String, AgentProgress> agents = new LinkedHashMap<>();
    f.object("agents").forEach((name, a) -> agents.put(name, agent(DocumentFields.of(a, name))));
    return new TaskPlan(
        f.requiredText("task_id"),
        f.text("description", ""),
        f.text("hint", null),
        Timestamps.normalize(f.text("created_at", "")),
        f.text("complexity", "unknown"),
        TaskStatus.parse(f.text("status", "pending")),
        f.has("intelligence") ? intelligence(f.fields("intelligence")) : null,
        f.has("allocation") ? StateDocuments.allocation(f.fields("allocation")) : null,
        f.count("allocations", 0),
        f.has("coordination") ? f.object("coordination") : null,
        AdaptationDocuments.adaptations(f, "adaptations"),
        agents,
        f.number("cost_usd", 0),
        (long) f.number("input_tokens", 0),
        (long) f.number("output_tokens", 0),
        f.bool("conflicts_settled", false),
        f.has("learned_success") ? f.bool("learned_success", false) : null,
        f.count("attempts", 1));
  }

  private static Map<String, Object> intelligence(Intelligence i) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_analysis", i.analysis());
    m.put("environment_context", i.context());
    m.put("risks", i.risks());
    m.put("opportunities", i.opportunities());
    m.put("approach", i.approach());
    m.put("complexity_assessment", i.complexityAssessment());
    m.put("specialist_recommendation", i.specialists());
    m.put("stand_in", i.standIn());
    return m;
  }

  private static Intelligence intelligence(DocumentFields f) {
    return new Intelligence(
        f.text("task_analysis", ""),
        f.list("environment_context"),
        f.list("risks"),
        f.list("opportunities"),
        f.text("approach", null),
        f.text("complexity_assessment", null),
        f.list("specialist_recommendation"),
        f.bool("stand_in", false));
  }

  private static Map<String, Object> agent(AgentProgress a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("succeeded", a.succeeded());
    m.put("summary", a.summary());
    m.put("failure", a.failure());
    m.put("claude_session_id", a.claudeSessionId());
    m.put("cost_usd", a.costUsd());
    return m;
  }

  private static AgentProgress agent(DocumentFields f) {
    return new AgentProgress(
        f.bool("succeeded", false),
        f.text("summary", ""),
        f.text("failure", null),
        f.text("claude_session_id", null),
        f.number("cost_usd", 0));
  }
}
