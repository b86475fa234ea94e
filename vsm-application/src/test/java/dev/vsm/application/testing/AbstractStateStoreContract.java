package dev.vsm.application.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.state.StateSnapshot;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

  /** A plan as far as a cycle gets: every part filled, two agents' runs recorded. */
  protected static TaskPlan fullPlan(String id) {
    return TaskPlan.started(id, "Add OAuth2 login", "complex", "2026-01-15T10:00:00Z", "complex")
        .withAdaptations(List.of(AdaptationPolicy.reviewStep("backend")))
        .withIntelligence(
            new TaskPlan.Intelligence(
                "an analysis",
                List.of("a Flask app"),
                List.of(Map.of("risk", "token leak", "severity", "high")),
                List.of(),
                "Use JWT tokens",
                "complex",
                List.of("backend"),
                false))
        .withAllocation(
            new S3Allocation(
                id,
                "complex",
                List.of(
                    new AllocatedAgent("backend", "api", 1, "endpoints"),
                    new AllocatedAgent("tester", "tests", 2, "")),
                "why",
                "2026-01-15T10:00:01Z",
                false),
            2)
        .withCoordination(
            Map.of(
                "execution_schedule",
                List.of(Map.of("step", 1, "agents", List.of("backend"))),
                "conflict_zones",
                List.of(Map.of("files", List.of("src/auth.py"), "owner", "backend"))))
        .withAgent(
            "backend",
            new TaskPlan.AgentProgress(true, "added the endpoint", "none", "sess-1", 0.25))
        .withAgent(
            "tester",
            new TaskPlan.AgentProgress(false, "timed out after 30 min", "timeout", "sess-2", 0.5))
        .plusSpending(0.75, 1200, 340)
        .withConflictsSettled()
        .withLearned(false)
        .withStatus(TaskStatus.FAILED)
        .nextAttempt()
        .withStatus(TaskStatus.FAILED);
  }

  @Test
  void a_task_plan_round_trips_under_its_id_and_replaces_what_was_saved() {
    assertThat(store().taskPlan("a1b2c3d4")).isEmpty();
    TaskPlan started = TaskPlan.started("a1b2c3d4", "Add OAuth2 login", null, "T", "complex");
    store().saveTaskPlan(started);
    assertThat(store().taskPlan("a1b2c3d4")).contains(started);

    TaskPlan full = fullPlan("a1b2c3d4");
    store().saveTaskPlan(full);
    store().saveTaskPlan(TaskPlan.started("ffff0000", "another", null, "T", "simple"));

    TaskPlan read = store().taskPlan("a1b2c3d4").orElseThrow();
    assertThat(read).isEqualTo(full);
    assertThat(read.planned()).isTrue();
    assertThat(read.succeededAgents()).containsExactly("backend");
    assertThat(read.agents().get("tester").interrupted()).isTrue();
    assertThat(read.attempts()).isEqualTo(2);
    assertThat(store().taskPlan("ffff0000").orElseThrow().description()).isEqualTo("another");
  }

  @Test
  void a_claimed_task_cannot_be_claimed_again_until_the_claim_ends() {
    Optional<StateStore.TaskClaim> first = store().claimTask("a1b2c3d4");
    assertThat(first).isPresent();
    assertThat(store().claimTask("a1b2c3d4")).as("held").isEmpty();
    Optional<StateStore.TaskClaim> other = store().claimTask("0000ffff");
    assertThat(other).as("another task").isPresent();

    first.get().close();
    Optional<StateStore.TaskClaim> again = store().claimTask("a1b2c3d4");
    assertThat(again).isPresent();
    again.get().close();
    other.get().close();
  }

  @Test
  void reset_removes_the_saved_plans_too() {
    store().saveTaskPlan(fullPlan("a1b2c3d4"));

    assertThat(store().reset()).isNotEmpty();

    assertThat(store().taskPlan("a1b2c3d4")).isEmpty();
  }
}
