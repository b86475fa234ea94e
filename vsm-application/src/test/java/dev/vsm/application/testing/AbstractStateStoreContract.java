package dev.vsm.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.state.StateSnapshot;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link StateStore} must do; extended by each implementation's test. */
public abstract class AbstractStateStoreContract {

  /** A new, empty store. Each call in one test must reach the same state. */
  protected abstract StateStore store();

  @Test
  void an_empty_store_has_no_task_default_metrics_and_the_default_registry() {
    StateStore s = store();
    assertThat(s.currentTask()).isEmpty();
    assertThat(s.metrics()).isEqualTo(ViabilityMetrics.defaults());
    assertThat(s.registry().agents()).hasSize(9);
    assertThat(s.allocation()).isEmpty();
    assertThat(s.environment()).isEmpty();
    assertThat(s.coordinationPlan()).isEmpty();
  }

  @Test
  void the_current_task_round_trips() {
    CurrentTask t =
        new CurrentTask(
            "abc12345",
            "Add feature X",
            "2026-01-15T10:00:00Z",
            TaskStatus.IN_PROGRESS,
            "medium",
            List.of("code-writer"),
            Map.of("cost_usd", 0.5));
    store().saveCurrentTask(t);

    CurrentTask read = store().currentTask().orElseThrow();
    assertThat(read.id()).isEqualTo("abc12345");
    assertThat(read.description()).isEqualTo("Add feature X");
    assertThat(read.status()).isEqualTo(TaskStatus.IN_PROGRESS);
    assertThat(read.complexity()).isEqualTo("medium");
    assertThat(read.assignedAgents()).containsExactly("code-writer");
    assertThat(((Number) read.metadata().get("cost_usd")).doubleValue()).isEqualTo(0.5);
  }

  @Test
  void metrics_updates_are_stored_and_returned() {
    ViabilityMetrics m =
        store().updateMetrics(x -> x.withAgentResult("tester", false, "2026-01-15T10:00:00Z"));

    assertThat(m.agentErrors()).containsEntry("tester", 0.2);
    assertThat(store().metrics().agentErrors()).containsEntry("tester", 0.2);
  }

  @Test
  void adaptations_round_trip_with_their_parameters() {
    store()
        .updateMetrics(
            x -> {
              ViabilityMetrics f =
                  x.withAgentResult("tester", false, "t").withAgentResult("tester", false, "t");
              return AdaptationPolicy.apply(f, AdaptationPolicy.analyze(f), "2026-01-15T10:00:00Z")
                  .metrics();
            });

    assertThat(AdaptationPolicy.shouldAddReviewStep(store().metrics(), "tester")).isTrue();
    assertThat(store().metrics().activeAdaptations().get(0).appliedAt())
        .isEqualTo("2026-01-15T10:00:00Z");
  }

  @Test
  void concurrent_metric_updates_lose_nothing() throws Exception {
    int threads = 8;
    int each = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(
          pool.submit(
              () -> {
                start.await();
                for (int i = 0; i < each; i++) {
                  store().updateMetrics(m -> m.withS3S4Conflict("t"));
                }
                return null;
              }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();

    assertThat(store().metrics().s3S4Conflicts()).isEqualTo(threads * each);
  }

  @Test
  void registry_updates_are_atomic_and_stored() {
    AgentRegistry r =
        store().updateRegistry(x -> x.withStatus("tester", AgentStatus.BUSY, "t1", "T"));

    assertThat(r.agents().get("tester").status()).isEqualTo(AgentStatus.BUSY);
    assertThat(store().registry().agents().get("tester").currentTask()).isEqualTo("t1");
  }

  @Test
  void allocation_environment_and_plan_round_trip() {
    store()
        .saveAllocation(
            new S3Allocation(
                "t1",
                "complex",
                List.of(
                    new AllocatedAgent("backend", "api", 1, "endpoints"),
                    AllocatedAgent.named("tester")),
                "why",
                "2026-01-15T10:00:00Z",
                true));
    store()
        .saveEnvironment(
            new S4Environment(
                "t1",
                "analysis",
                List.of("ctx"),
                List.of(Map.of("risk", "Security", "severity", "high")),
                List.of(),
                "Use JWT tokens",
                "2026-01-15T10:00:00Z"));
    store()
        .saveCoordinationPlan(
            new CoordinationPlan("t1", Map.of("execution_schedule", List.of()), "T"));

    S3Allocation a = store().allocation().orElseThrow();
    assertThat(a.agentNames()).containsExactly("backend", "tester");
    assertThat(a.selectedAgents().get(0).order()).isEqualTo(1);
    assertThat(a.selectedAgents().get(0).taskFocus()).isEqualTo("endpoints");
    assertThat(a.parallelExecution()).isTrue();
    S4Environment e = store().environment().orElseThrow();
    assertThat(e.recommendedApproach()).isEqualTo("Use JWT tokens");
    assertThat(e.risks()).hasSize(1);
    assertThat(store().coordinationPlan().orElseThrow().plan()).containsKey("execution_schedule");
  }

  @Test
  void reading_a_snapshot_writes_nothing_and_reset_removes_only_what_exists() {
    StateSnapshot empty = store().snapshot();
    assertThat(empty.currentTask()).isEmpty();
    assertThat(empty.metricsRecorded()).isFalse();
    assertThat(store().reset()).isEmpty();

    store().updateMetrics(m -> m.withS3S4Conflict("t"));
    store()
        .saveCurrentTask(
            new CurrentTask("t", "d", "T", TaskStatus.COMPLETED, "simple", List.of(), Map.of()));

    List<String> removed = store().reset();
    assertThat(removed).hasSize(2);
    assertThat(store().currentTask()).isEmpty();
    assertThat(store().metrics()).isEqualTo(ViabilityMetrics.defaults());
  }
}
