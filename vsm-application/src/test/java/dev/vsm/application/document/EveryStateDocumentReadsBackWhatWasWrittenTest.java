package dev.vsm.application.document;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every state document, written with its schema's keys and read back, is the value it was made
 * from: no field is lost or renamed between a store's write and its read.
 */
class EveryStateDocumentReadsBackWhatWasWrittenTest {

  private static final String T = "2026-01-15T10:00:00Z";

  private static DocumentFields fields(Map<String, Object> document) {
    return DocumentFields.of(document, "the document");
  }

  @Test
  void the_current_task() {
    CurrentTask t =
        new CurrentTask(
            "abc12345",
            "Add login",
            T,
            TaskStatus.IN_PROGRESS,
            "medium",
            List.of("code-writer", "tester"),
            Map.of("owner_pid", 42L));

    Map<String, Object> written = StateDocuments.task(t);

    assertThat(written)
        .containsOnlyKeys(
            "id",
            "description",
            "created_at",
            "status",
            "complexity",
            "assigned_agents",
            "metadata")
        .containsEntry("status", "in_progress");
    assertThat(StateDocuments.task(fields(written))).isEqualTo(t);
  }

  @Test
  void the_viability_metrics_with_their_adaptations() {
    ViabilityMetrics m =
        ViabilityMetrics.defaults().withAgentResult("tester", false, T).withS3S4Conflict(T);
    m = AdaptationPolicy.apply(m, List.of(AdaptationPolicy.reviewStep("tester")), T).metrics();

    Map<String, Object> written = StateDocuments.metrics(m);

    assertThat(written)
        .containsOnlyKeys(
            "window",
            "completion_rate",
            "agent_errors",
            "oscillation_rate",
            "audit_pass_rate",
            "s3_s4_conflicts",
            "avg_cycle_iterations",
            "active_adaptations",
            "last_updated");
    assertThat(written.get("active_adaptations"))
        .isEqualTo(
            List.of(
                Map.of(
                    "type", "add_review_step",
                    "trigger", "tester_errors",
                    "effect", "Add reviewer before tester",
                    "applied_at", T,
                    "parameters", Map.of("target_agent", "tester"))));
    assertThat(StateDocuments.metrics(fields(written))).isEqualTo(m);
  }

  @Test
  void the_agent_registry_with_a_busy_agent() {
    AgentRegistry r = AgentRegistry.defaults(T).withStatus("tester", AgentStatus.BUSY, "abc", T);

    Map<String, Object> written = StateDocuments.registry(r);

    @SuppressWarnings("unchecked")
    Map<String, Object> agents = (Map<String, Object>) written.get("agents");
    assertThat(agents.get("tester"))
        .isEqualTo(
            Map.of(
                "type", "functional",
                "status", "busy",
                "capabilities", List.of("unit tests", "integration tests", "test coverage"),
                "current_task", "abc"));
    assertThat(((Map<?, ?>) agents.get("backend")).containsKey("current_task")).isFalse();
    assertThat(StateDocuments.registry(fields(written))).isEqualTo(r);
  }

  @Test
  void the_allocation_with_and_without_orders() {
    S3Allocation a =
        new S3Allocation(
            "abc",
            "complex",
            List.of(
                new AllocatedAgent("backend", "writes the API", 1, "the endpoint"),
                new AllocatedAgent("tester", "", null, "")),
            "two steps",
            T,
            true);

    Map<String, Object> written = StateDocuments.allocation(a);

    assertThat(written)
        .containsOnlyKeys(
            "task_id",
            "complexity",
            "selected_agents",
            "rationale",
            "created_at",
            "parallel_execution");
    assertThat(StateDocuments.allocation(fields(written))).isEqualTo(a);
  }

  @Test
  void the_environment() {
    S4Environment e =
        new S4Environment(
            "abc",
            "an analysis",
            List.of("context"),
            List.of(Map.of("risk", "data loss", "severity", "high")),
            List.of("reuse"),
            "step by step",
            T);

    assertThat(StateDocuments.environment(fields(StateDocuments.environment(e)))).isEqualTo(e);
  }

  @Test
  void the_coordination_plan() {
    CoordinationPlan p =
        new CoordinationPlan("abc", CoordinationPlan.ofSteps(List.of(List.of("tester"))), T);

    assertThat(StateDocuments.plan(fields(StateDocuments.plan(p)))).isEqualTo(p);
  }
}
