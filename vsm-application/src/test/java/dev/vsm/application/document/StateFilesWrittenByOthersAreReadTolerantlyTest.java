package dev.vsm.application.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.domain.agent.AgentProfile;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.agent.AgentType;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.AdaptationType;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the earlier implementation, a newer vsm or a hand wrote is read as far as it makes sense:
 * optional keys take their defaults, times without a zone are UTC, unknown adaptations are dropped
 * with a warning, and only what cannot be read makes the file corrupt.
 */
class StateFilesWrittenByOthersAreReadTolerantlyTest {

  @Test
  void a_task_with_only_its_id_is_a_pending_task_of_unknown_complexity() {
    CurrentTask t = StateDocuments.task(DocumentFields.of(Map.of("id", "x"), "task"));

    assertThat(t)
        .isEqualTo(
            new CurrentTask("x", "", "", TaskStatus.PENDING, "unknown", List.of(), Map.of()));
  }

  @Test
  void a_task_without_an_id_is_corrupt() {
    assertThatThrownBy(() -> StateDocuments.task(DocumentFields.of(Map.of(), "task")))
        .isInstanceOf(DocumentFields.WrongShape.class)
        .hasMessage("'id' is missing");
  }

  @Test
  void times_without_a_zone_are_read_as_utc() {
    CurrentTask t =
        StateDocuments.task(
            DocumentFields.of(
                Map.of("id", "x", "created_at", "2026-01-15T10:00:00.123456"), "task"));

    assertThat(t.createdAt()).isEqualTo("2026-01-15T10:00:00.123456Z");
  }

  @Test
  void empty_metrics_are_the_defaults() {
    assertThat(StateDocuments.metrics(DocumentFields.of(Map.of(), "metrics")))
        .isEqualTo(ViabilityMetrics.defaults());
  }

  @Test
  void an_adaptation_of_an_unknown_type_is_dropped_with_a_warning_and_the_rest_kept() {
    List<String> warnings = new ArrayList<>();
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("completion_rate", 0.4);
    doc.put("agent_errors", Map.of("tester", 0.5));
    doc.put(
        "active_adaptations",
        List.of(
            Map.of("type", "grow_wings"),
            Map.of(
                "type",
                "add_review_step",
                "applied_at",
                "2026-01-15T10:00:00",
                "parameters",
                Map.of("target_agent", "tester", "level", 2))));

    ViabilityMetrics m = StateDocuments.metrics(DocumentFields.of(doc, "metrics", warnings::add));

    assertThat(warnings)
        .containsExactly(
            "dropped an active adaptation of unknown type 'grow_wings'; kept the rest");
    assertThat(m.completionRate()).isEqualTo(0.4);
    assertThat(m.agentErrors()).containsExactly(Map.entry("tester", 0.5));
    assertThat(m.activeAdaptations()).hasSize(1);
    assertThat(m.activeAdaptations().get(0).type()).isEqualTo(AdaptationType.ADD_REVIEW_STEP);
    assertThat(m.activeAdaptations().get(0).appliedAt()).isEqualTo("2026-01-15T10:00:00Z");
    assertThat(m.activeAdaptations().get(0).parameters())
        .containsExactly(Map.entry("level", "2"), Map.entry("target_agent", "tester"));
  }

  @Test
  void an_error_rate_that_is_not_a_number_makes_the_metrics_corrupt_and_names_the_agent() {
    assertThatThrownBy(
            () ->
                StateDocuments.metrics(
                    DocumentFields.of(Map.of("agent_errors", Map.of("tester", "high")), "m")))
        .isInstanceOf(DocumentFields.WrongShape.class)
        .hasMessage("'agent_errors.tester' should be a number");
  }

  @Test
  void a_registry_entry_without_type_or_status_is_an_available_domain_specialist() {
    Map<String, Object> doc = Map.of("agents", Map.of("ml", Map.of()));

    AgentProfile ml =
        StateDocuments.registry(DocumentFields.of(doc, "registry")).agents().get("ml");

    assertThat(ml)
        .isEqualTo(new AgentProfile(AgentType.DOMAIN, AgentStatus.AVAILABLE, List.of(), null));
  }

  @Test
  void an_allocation_may_name_its_agents_as_plain_text_and_fractional_orders_are_cut() {
    Map<String, Object> doc =
        Map.of("selected_agents", List.of("tester", Map.of("agent", "backend", "order", 2.7)));

    S3Allocation a = StateDocuments.allocation(DocumentFields.of(doc, "allocation"));

    assertThat(a.selectedAgents())
        .containsExactly(AllocatedAgent.named("tester"), new AllocatedAgent("backend", "", 2, ""));
    assertThat(a.complexity()).isEqualTo("unknown");
    assertThat(a.taskId()).isEmpty();
    assertThat(a.parallelExecution()).isFalse();
  }
}
