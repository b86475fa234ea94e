package dev.vsm.adapter.cli;

import dev.vsm.application.document.LogDocuments;
import dev.vsm.application.document.StateDocuments;
import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CyclePlan;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.PlannedTask;
import dev.vsm.domain.agent.AgentType;
import dev.vsm.domain.complexity.AgentRecommendation;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.Oscillation;
import dev.vsm.domain.cycle.S3S4Conflict;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskSummary;
import dev.vsm.domain.state.StateSnapshot;
import dev.vsm.domain.viability.Adaptation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code --json} prints: snake_case documents built from the use cases' values. Every document
 * starts with {@code schema_version}, raised when a key changes meaning or goes away (adding a key
 * does not raise it).
 */
final class Documents {

  static final int SCHEMA_VERSION = 1;

  private Documents() {}

  /** {@code document} with {@code schema_version} first. */
  static Map<String, Object> versioned(Map<String, Object> document) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    m.putAll(document);
    return m;
  }

  /**
   * What {@code --json} prints when a command fails (exit 1, 3 or 130): the task when there is one,
   * the kind of error and its message.
   */
  static Map<String, Object> error(String taskId, String kind, String message) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", taskId);
    m.put("error", error(kind, message));
    return versioned(m);
  }

  private static Map<String, Object> error(String kind, String message) {
    Map<String, Object> e = new LinkedHashMap<>();
    e.put("kind", kind);
    e.put("message", message);
    return e;
  }

  /**
   * What {@code analyze --json} prints for a task, {@code schema_version} first (put there, not
   * copied in by {@link #versioned}: a batch renders thousands).
   */
  static Map<String, Object> versionedAssessment(String task, ComplexityAssessment a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    return assessment(m, task, a);
  }

  static Map<String, Object> assessment(String task, ComplexityAssessment a) {
    return assessment(new LinkedHashMap<>(), task, a);
  }

  private static Map<String, Object> assessment(
      Map<String, Object> m, String task, ComplexityAssessment a) {
    m.put("task", task);
    m.put("complexity", a.complexity().label());
    m.put("confidence", a.confidence());
    m.put("rationale", a.rationale());
    m.put("suggested_agents", a.suggestedAgents());
    m.put("suggested_agent_types", types(a.suggestedAgentTypes()));
    m.put("parallel_possible", a.parallelPossible());
    m.put("keywords_found", a.keywordsFound());
    m.put("domain_signals", a.domainSignals());
    m.put("scope_estimate", a.scopeEstimate().label());
    m.put("recommendation", recommendation(AgentRecommendation.of(a)));
    return m;
  }

  static Map<String, Object> recommendation(AgentRecommendation r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("complexity", r.complexity().label());
    m.put("confidence", r.confidence());
    m.put("primary_agents", r.primaryAgents());
    m.put("support_agents", r.supportAgents());
    m.put("parallel_execution", r.parallelExecution());
    m.put("rationale", r.rationale());
    m.put("agent_types", types(r.agentTypes()));
    m.put("domains", r.domains());
    m.put("scope", r.scope().label());
    return m;
  }

  // A loop, not a stream: `analyze` renders thousands of these before the JIT has compiled much.
  private static List<String> types(List<AgentType> types) {
    List<String> labels = new ArrayList<>(types.size());
    for (AgentType t : types) {
      labels.add(t.label());
    }
    return labels;
  }

  static Map<String, Object> state(StateSnapshot s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    // No method references: the first lambda of a process costs `state --json` ~12 ms.
    m.put(
        "current_task",
        s.currentTask().isPresent() ? StateDocuments.task(s.currentTask().get()) : null);
    m.put("viability_metrics", StateDocuments.metrics(s.metrics()));
    m.put(
        "agent_registry",
        s.registry().isPresent() ? StateDocuments.registry(s.registry().get()) : null);
    m.put(
        "s3_allocation",
        s.allocation().isPresent() ? StateDocuments.allocation(s.allocation().get()) : null);
    m.put(
        "s4_environment",
        s.environment().isPresent() ? StateDocuments.environment(s.environment().get()) : null);
    m.put(
        "coordination_plan",
        s.coordinationPlan().isPresent() ? StateDocuments.plan(s.coordinationPlan().get()) : null);
    return m;
  }

  static List<Map<String, Object>> log(List<LogEntry> entries) {
    // A loop, not a stream: the first lambda of a process costs `log --json` ~12 ms of set-up.
    List<Map<String, Object>> out = new ArrayList<>(entries.size());
    for (LogEntry e : entries) {
      out.add(LogDocuments.logEntry(e));
    }
    return out;
  }

  /** {@code vsm log --json}: the entries, and with {@code --task} the task's summary. */
  static Map<String, Object> log(List<LogEntry> entries, TaskSummary summary) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    if (summary != null) {
      m.put("task_id", summary.taskId());
      m.put("task_summary", taskSummary(summary));
    }
    m.put("entries", log(entries));
    return m;
  }

  static Map<String, Object> taskSummary(TaskSummary s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", s.taskId());
    m.put("status", s.status());
    m.put("started_at", s.startedAt());
    m.put("completed_at", s.completedAt());
    m.put("agents_invoked", s.agentsInvoked());
    m.put("audit_passed", s.auditPassed());
    m.put("conflicts", s.conflicts());
    m.put("adaptations", s.adaptations());
    return m;
  }

  static Map<String, Object> cycle(CycleResult r, boolean withOutputs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    m.put("task_id", r.taskId());
    m.put("success", r.success());
    m.put("planned", r.planned());
    m.put("attempt", r.attempt());
    m.put("error", r.success() || r.planned() ? null : error("cycle_failed", r.summary()));
    m.put("summary", r.summary());
    m.put("complexity", r.complexity());
    m.put("agents_invoked", r.agentsInvoked());
    m.put("audit_passed", r.auditPassed());
    m.put("conflicts", r.conflicts().stream().map(Documents::conflict).toList());
    m.put("adaptations", r.adaptations().stream().map(Documents::adaptation).toList());
    m.put("s1_results", r.s1Results().stream().map(x -> agentResult(x, withOutputs)).toList());
    m.put("oscillations", r.oscillations().stream().map(Documents::oscillation).toList());
    m.put("notes", r.notes());
    m.put("allocations", r.allocations());
    m.put("cost_usd", r.costUsd());
    m.put("input_tokens", r.inputTokens());
    m.put("output_tokens", r.outputTokens());
    m.put("duration_ms", r.duration().toMillis());
    return m;
  }

  static Map<String, Object> conflict(S3S4Conflict c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", c.type());
    m.put("s3_position", c.s3Position());
    m.put("s4_position", c.s4Position());
    return m;
  }

  static Map<String, Object> adaptation(Adaptation a) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("type", a.type().label());
    m.put("trigger", a.trigger());
    m.put("effect", a.effect());
    m.put("applied_at", a.appliedAt());
    m.put("parameters", a.parameters());
    return m;
  }

  static Map<String, Object> agentResult(AgentRun r, boolean withOutput) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agent", r.agent());
    m.put("success", r.success());
    if (withOutput) {
      m.put("output", r.output());
    }
    m.put("error", r.error());
    m.put("failure", r.failure());
    m.put("duration_ms", r.duration().toMillis());
    m.put("cost_usd", r.costUsd());
    m.put("input_tokens", r.inputTokens());
    m.put("output_tokens", r.outputTokens());
    m.put("claude_session_id", r.claudeSessionId());
    m.put("files_changed", r.filesChanged());
    return m;
  }

  static Map<String, Object> oscillation(Oscillation o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agents", o.agents());
    m.put("files", o.files());
    m.put("conflicting", o.conflicting());
    m.put("evidence", o.evidence());
    return m;
  }

  static Map<String, Object> plan(CyclePlan p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    m.put("task_id", null); // a plan has no task yet: none is created
    m.put("task", p.task());
    m.put("assessment", assessment(p.task(), p.assessment()));
    m.put("s3_allocation", StateDocuments.allocation(p.allocation()));
    m.put("s1_steps", p.steps());
    m.put("parallel_steps", p.parallelSteps());
    m.put(
        "adaptations_to_apply",
        p.adaptationsToApply().stream().map(Documents::adaptation).toList());
    m.put(
        "adaptations_to_clear",
        p.adaptationsToClear().stream().map(Documents::adaptation).toList());
    m.put("s5_approval_required", p.s5ApprovalRequired());
    m.put("tightened_audit", p.tightenedAudit());
    m.put("increased_coordination", p.increasedCoordination());
    return m;
  }

  /** A task planned by the real S4, S3 (S5) and S2, waiting to be applied. */
  static Map<String, Object> plannedTask(PlannedTask p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("schema_version", SCHEMA_VERSION);
    m.put("task_id", p.taskId());
    m.put("task", p.task());
    m.put("status", "planned");
    m.put("complexity", p.complexity());
    m.put("rationale", p.rationale());
    m.put("approach", p.approach());
    m.put(
        "agents",
        p.agents().stream()
            .map(
                a -> {
                  Map<String, Object> am = new LinkedHashMap<>();
                  am.put("agent", a.agent());
                  am.put("role", a.role());
                  am.put("focus", a.focus());
                  am.put("step", a.step());
                  return am;
                })
            .toList());
    m.put("s1_steps", p.steps());
    m.put("parallel_steps", p.parallel());
    m.put(
        "file_owners",
        p.fileOwners().stream()
            .map(
                f -> {
                  Map<String, Object> fm = new LinkedHashMap<>();
                  fm.put("owner", f.owner());
                  fm.put("files", f.files());
                  return fm;
                })
            .toList());
    m.put("adaptations", p.adaptations().stream().map(Documents::adaptation).toList());
    m.put("notes", p.notes());
    m.put("cost_usd", p.costUsd());
    m.put("input_tokens", p.inputTokens());
    m.put("output_tokens", p.outputTokens());
    return m;
  }
}
