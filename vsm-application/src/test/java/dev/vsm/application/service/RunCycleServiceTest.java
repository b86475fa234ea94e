package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.application.testing.MutableClock;
import dev.vsm.application.testing.RecordingProgress;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.application.testing.SequentialIds;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.AdaptationType;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCycleServiceTest {

  private final InMemoryStateStore store = new InMemoryStateStore();
  private final InMemoryExecutionLog log = new InMemoryExecutionLog();
  private final ScriptedAgentRunner runner = new ScriptedAgentRunner();
  private final MutableClock clock = MutableClock.at("2026-01-15T10:00:00Z");
  private final RecordingProgress progress = new RecordingProgress();
  @TempDir Path dir;

  private RunCycleService service() {
    return serviceIn(1, java.util.Set.of(1L));
  }

  private CycleResult run(String task) {
    return service().run(RunCycleCommand.of(task, dir));
  }

  private static Map<String, Object> s3Reply(
      String complexity, String mode, String... agentsWithOrders) {
    List<Map<String, Object>> agents = new java.util.ArrayList<>();
    for (String a : agentsWithOrders) {
      String[] p = a.split(":");
      agents.add(
          p.length > 1
              ? Map.of("agent", p[0], "order", Integer.parseInt(p[1]))
              : Map.of("agent", p[0]));
    }
    return Map.of("complexity", complexity, "selected_agents", agents, "execution_mode", mode);
  }

  private void metrics(ViabilityMetrics m) {
    store.putMetrics(m);
  }

  @Test
  void a_cycle_runs_the_phases_in_order_and_logs_each_step() {
    CycleResult r = run("Add input validation to the login form");

    assertThat(r.success()).isTrue();
    assertThat(r.summary()).isEqualTo("Completed with 2/2 agents successful. Audit passed.");
    assertThat(r.agentsInvoked()).containsExactly("s1-code-writer", "s1-tester");
    assertThat(runner.invokedAgents())
        .containsExactly(
            "system4-strategy",
            "system3-control",
            "system2-coordination",
            "s1-code-writer",
            "s1-tester",
            "system3-audit");
    assertThat(log.eventTypes())
        .containsExactly(
            "task_started",
            "agent_invoked",
            "agent_completed",
            "agent_invoked",
            "agent_completed",
            "allocation_made",
            "agent_invoked",
            "agent_completed",
            "agent_invoked",
            "agent_completed",
            "agent_invoked",
            "agent_completed",
            "agent_invoked",
            "agent_completed",
            "audit_performed",
            "task_completed");
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.COMPLETED);
    assertThat(store.environment().orElseThrow().recommendedApproach())
        .isEqualTo("scripted approach");
    assertThat(store.allocation().orElseThrow().agentNames())
        .containsExactly("code-writer", "tester");
    assertThat(store.coordinationPlan()).isPresent();
    assertThat(store.metrics().agentErrors())
        .containsEntry("code-writer", 0.0)
        .containsEntry("tester", 0.0);
    assertThat(store.registry().agents().values())
        .allMatch(a -> a.status() == AgentStatus.AVAILABLE);
    assertThat(progress.events)
        .startsWith("phase adaptation", "phase S4 intelligence", "start system4-strategy")
        .endsWith("cycle success");
  }

  @Test
  void costs_tokens_and_duration_are_totalled_into_the_result_and_the_log() {
    CycleResult r = run("Add input validation to the login form");

    assertThat(r.costUsd()).isCloseTo(0.06, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(r.inputTokens()).isEqualTo(600);
    assertThat(r.outputTokens()).isEqualTo(300);
    Map<String, Object> done = log.ofType(EventType.TASK_COMPLETED).get(0).data();
    assertThat((double) done.get("cost_usd"))
        .isCloseTo(0.06, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(done)
        .containsEntry("input_tokens", 600L)
        .containsEntry("output_tokens", 300L)
        .containsKey("duration_ms")
        .containsEntry("success", true);
    LogEntry completed = log.ofType(EventType.AGENT_COMPLETED).get(0);
    assertThat(completed.data())
        .containsKeys(
            "success",
            "result_summary",
            "duration_ms",
            "cost_usd",
            "input_tokens",
            "output_tokens",
            "claude_session_id");
    assertThat(log.ofType(EventType.AGENT_INVOKED).get(0).data().get("prompt_preview").toString())
        .hasSizeLessThanOrEqualTo(200);
  }

  @Test
  void four_agents_of_one_step_run_at_the_same_time() {
    CountDownLatch allStarted = new CountDownLatch(4);
    for (String a : List.of("frontend", "backend", "database", "infrastructure")) {
      runner.on(
          "s1-" + a,
          r -> {
            allStarted.countDown();
            try {
              return allStarted.await(10, TimeUnit.SECONDS)
                  ? ScriptedAgentRunner.ok(r.agent(), Map.of("status", "completed"))
                  : AgentResult.failed(
                      r.agent(), AgentResult.Failure.ERROR, "ran alone", Duration.ZERO);
            } catch (InterruptedException e) {
              throw new IllegalStateException(e);
            }
          });
    }
    runner.replyTo(
        "system3-control",
        s3Reply(
            "complex", "parallel", "frontend:1", "backend:1", "database:1", "infrastructure:1"));

    CycleResult r = run("Build the whole platform");

    assertThat(r.s1Results()).allMatch(AgentRun::success);
    assertThat(r.agentsInvoked())
        .containsExactlyInAnyOrder("s1-frontend", "s1-backend", "s1-database", "s1-infrastructure");
  }

  @Test
  void agents_of_a_sequential_allocation_never_overlap() {
    AtomicInteger running = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    for (String a : List.of("frontend", "backend")) {
      runner.on(
          "s1-" + a,
          r -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            running.decrementAndGet();
            return ScriptedAgentRunner.ok(r.agent(), Map.of("status", "completed"));
          });
    }
    runner.replyTo("system3-control", s3Reply("complex", "sequential", "frontend:1", "backend:1"));

    run("Build it");

    assertThat(most.get()).isEqualTo(1);
  }

  @Test
  void parallelize_s1_runs_a_step_concurrently_even_when_the_allocation_is_sequential() {
    ViabilityMetrics slow = ViabilityMetrics.defaults();
    for (int i = 0; i < 5; i++) {
      slow = slow.withCycleIterations(2, "t");
    }
    metrics(slow);
    CountDownLatch both = new CountDownLatch(2);
    for (String a : List.of("frontend", "backend")) {
      runner.on(
          "s1-" + a,
          ScriptedAgentRunner.afterLatch(
              both, r -> ScriptedAgentRunner.okWithoutReply(r.agent(), "ok")));
      runner.on(
          "s1-" + a,
          r -> {
            both.countDown();
            return ScriptedAgentRunner.afterLatch(
                    both, x -> ScriptedAgentRunner.okWithoutReply(x.agent(), "ok"))
                .apply(r);
          });
    }
    runner.replyTo("system3-control", s3Reply("complex", "sequential", "frontend:1", "backend:1"));

    CycleResult r =
        service().run(RunCycleCommand.of("Build it", dir).withAgentTimeout(Duration.ofSeconds(10)));

    assertThat(AdaptationPolicy.shouldParallelize(store.metrics())).isTrue();
    assertThat(r.s1Results()).allMatch(AgentRun::success);
  }

  @Test
  void a_rejecting_s5_makes_s3_allocate_again_and_raises_avg_cycle_iterations() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 4; i++) {
      m = m.withS3S4Conflict("t");
    }
    metrics(m);
    runner.replyTo(
        "system5-policy",
        Map.of("approved", false, "decision", "reject", "rationale", "a tester alone will not do"));

    CycleResult r = run("Add input validation to the login form");

    assertThat(runner.invokedAgents())
        .containsSubsequence(
            "system3-control", "system5-policy", "system3-control", "system2-coordination");
    assertThat(runner.lastPromptTo("system3-control")).contains("a tester alone will not do");
    assertThat(r.allocations()).isEqualTo(2);
    assertThat(log.ofType(EventType.ALLOCATION_MADE)).hasSize(2);
    assertThat(log.ofType(EventType.POLICY_DECISION).get(0).data())
        .containsEntry("approved", false);
    assertThat(store.metrics().avgCycleIterations())
        .isCloseTo(1.2, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void an_approving_s5_keeps_the_allocation_and_one_iteration() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 4; i++) {
      m = m.withS3S4Conflict("t");
    }
    metrics(m);

    CycleResult r = run("Add input validation to the login form");

    assertThat(r.allocations()).isEqualTo(1);
    assertThat(runner.invokedAgents()).containsOnlyOnce("system3-control");
    assertThat(store.metrics().avgCycleIterations()).isEqualTo(1.0);
  }

  @Test
  void a_failing_s4_is_replaced_by_the_rule_based_stand_in() {
    runner.failing("system4-strategy", "S4 crashed");

    CycleResult r = run("Add input validation to the login form");

    assertThat(r.success()).isTrue();
    assertThat(store.environment().orElseThrow().analysis()).startsWith("Rule-based analysis");
    assertThat(log.ofType(EventType.AGENT_ERROR))
        .extracting(LogEntry::agent)
        .containsExactly("system4-strategy");
    assertThat(log.ofType(EventType.STATE_CHANGED))
        .anySatisfy(
            e ->
                assertThat(e.data())
                    .containsEntry("change", "stand_in_used")
                    .containsEntry("system", "S4"));
    assertThat(r.notes()).anyMatch(n -> n.startsWith("S4 agent failed"));
  }

  @Test
  void unusable_s3_and_s2_replies_fall_back_to_the_stand_ins() {
    runner.repliesWithoutJson("system3-control", "I think we should use some agents.");
    runner.replyTo("system2-coordination", Map.of("unrelated", true));

    CycleResult r = run("Add user authentication with OAuth2");

    assertThat(r.agentsInvoked()).containsExactly("s1-backend", "s1-tester", "s1-reviewer");
    assertThat(store.coordinationPlan().orElseThrow().plan())
        .containsEntry("source", "rule-based stand-in");
  }

  @Test
  void agent_names_from_s3_that_are_not_registered_never_run() {
    runner.replyTo(
        "system3-control",
        s3Reply(
            "medium",
            "sequential",
            "--dangerously-skip-permissions:1",
            "../../etc:2",
            "rm -rf /:3"));

    CycleResult r = run("Add input validation to the login form");

    assertThat(runner.invokedAgents())
        .noneMatch(a -> a.contains("dangerously") || a.contains("..") || a.contains("rm -rf"));
    assertThat(r.agentsInvoked()).containsExactly("s1-code-writer", "s1-tester");
    assertThat(log.ofType(EventType.STATE_CHANGED))
        .filteredOn(e -> "agent_dropped".equals(e.data().get("change")))
        .hasSize(3);
  }

  @Test
  void unknown_names_are_dropped_and_the_registered_ones_kept() {
    runner.replyTo("system3-control", s3Reply("medium", "sequential", "s1-tester:1", "hacker:2"));

    CycleResult r = run("Add input validation to the login form");

    assertThat(r.agentsInvoked()).containsExactly("s1-tester");
  }

  @Test
  void a_simple_hint_overrides_a_complex_allocation() {
    runner.replyTo(
        "system3-control", s3Reply("complex", "parallel", "frontend:1", "backend:1", "tester:2"));

    CycleResult r =
        service()
            .run(
                RunCycleCommand.of("Add user authentication with OAuth2", dir)
                    .withHint(Complexity.SIMPLE));

    assertThat(r.agentsInvoked()).containsExactly("s1-generalist-coder");
    assertThat(store.allocation().orElseThrow().complexity()).isEqualTo("simple");
    assertThat(runner.lastPromptTo("system3-control"))
        .contains("The user requires complexity \"simple\"");
  }

  @Test
  void a_medium_hint_replaces_an_allocation_of_another_level() {
    runner.replyTo("system3-control", s3Reply("complex", "parallel", "frontend:1", "backend:1"));

    CycleResult r =
        service()
            .run(
                RunCycleCommand.of("Add user authentication with OAuth2", dir)
                    .withHint(Complexity.MEDIUM));

    assertThat(r.agentsInvoked()).containsExactly("s1-code-writer", "s1-tester");
  }

  @Test
  void a_reviewer_runs_before_an_agent_with_a_review_step() {
    metrics(
        ViabilityMetrics.defaults()
            .withAgentResult("tester", false, "t")
            .withAgentResult("tester", false, "t"));

    run("Add input validation to the login form");

    assertThat(runner.invokedS1Agents())
        .containsExactly("s1-code-writer", "s1-reviewer", "s1-tester");
    assertThat(runner.lastPromptTo("s1-reviewer")).contains("added review step").contains("tester");
    assertThat(log.ofType(EventType.ADAPTATION_APPLIED).get(0).data())
        .containsEntry("type", "add_review_step")
        .containsEntry("trigger", "tester_errors");
  }

  @Test
  void a_low_audit_pass_rate_tightens_the_audit_prompt() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 3; i++) {
      m = m.withAuditResult(false, "t");
    }
    metrics(m);

    run("Add input validation to the login form");

    assertThat(runner.lastPromptTo("system3-audit")).contains("Be strict");
    assertThat(log.ofType(EventType.AUDIT_PERFORMED).get(0).data())
        .containsEntry("tightened", true);
  }

  @Test
  void high_oscillation_makes_s2_coordinate_harder() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 3; i++) {
      m = m.withOscillation("t");
    }
    metrics(m);

    run("Add input validation to the login form");

    assertThat(runner.lastPromptTo("system2-coordination")).contains("Coordinate more tightly");
    assertThat(runner.lastPromptTo("system2-coordination")).doesNotContain("null");
  }

  @Test
  void an_s3_s4_disagreement_is_logged_counted_and_settled_by_s5() {
    runner.replyTo(
        "system4-strategy",
        Map.of(
            "task_analysis",
            "a",
            "strategic_recommendation",
            Map.of("approach", "x", "complexity_assessment", "complex")));

    CycleResult r = run("Add input validation to the login form");

    assertThat(r.conflicts())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.s3Position()).isEqualTo("Assessed as medium");
              assertThat(c.s4Position()).isEqualTo("Recommended as complex");
            });
    assertThat(log.ofType(EventType.CONFLICT_DETECTED).get(0).data())
        .containsEntry("s3_position", "Assessed as medium");
    assertThat(runner.lastPromptTo("system5-policy")).contains("Recommended as complex");
    assertThat(log.ofType(EventType.POLICY_DECISION)).hasSize(1);
    assertThat(store.metrics().s3S4Conflicts()).isEqualTo(1);
  }

  @Test
  void no_s4_assessment_means_no_conflict() {
    run("Add input validation to the login form");

    assertThat(log.ofType(EventType.CONFLICT_DETECTED)).isEmpty();
    assertThat(runner.invokedAgents()).doesNotContain("system5-policy");
  }

  @Test
  void a_failing_audit_fails_the_cycle() {
    runner.replyTo(
        "system3-audit",
        Map.of(
            "audit_passed",
            false,
            "quality_assessment",
            Map.of("issues_found", List.of("no tests")),
            "oscillation_check",
            Map.of("oscillation_detected", true, "evidence", "reverted twice")));

    CycleResult r = run("Add input validation to the login form");

    assertThat(r.success()).isFalse();
    assertThat(r.auditPassed()).isFalse();
    assertThat(r.summary()).endsWith("Audit failed.");
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(log.ofType(EventType.OSCILLATION_DETECTED)).hasSize(1);
    assertThat(store.metrics().auditPassRate())
        .isCloseTo(0.85, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(store.metrics().oscillationRate())
        .isCloseTo(0.15, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(store.metrics().completionRate())
        .isCloseTo(0.9, org.assertj.core.api.Assertions.within(1e-9));
  }

  @Test
  void an_unreadable_audit_counts_as_failed() {
    runner.repliesWithoutJson("system3-audit", "Looks great to me!");

    assertThat(run("Add input validation to the login form").success()).isFalse();
  }

  @Test
  void when_every_s1_agent_fails_the_cycle_fails_without_an_audit() {
    runner.failing("s1-code-writer", "boom").failing("s1-tester", "boom");

    CycleResult r = run("Add input validation to the login form");

    assertThat(r.success()).isFalse();
    assertThat(r.auditPassed()).isNull();
    assertThat(runner.invokedAgents()).doesNotContain("system3-audit");
    assertThat(store.metrics().agentErrors()).containsEntry("tester", 0.2);
    assertThat(store.registry().agents().get("tester").status()).isEqualTo(AgentStatus.ERROR);
  }

  @Test
  void an_s1_agent_reporting_blocked_has_failed() {
    runner.replyTo("s1-tester", Map.of("status", "blocked", "blockers", List.of("no test runner")));

    CycleResult r = run("Add input validation to the login form");

    assertThat(r.success()).isFalse();
    assertThat(r.s1Results().get(1).error()).contains("blocked").contains("no test runner");
  }

  @Test
  void s1_agents_are_busy_while_they_run() {
    runner.on(
        "s1-code-writer",
        r -> {
          assertThat(store.registry().agents().get("code-writer").status())
              .isEqualTo(AgentStatus.BUSY);
          assertThat(store.registry().agents().get("code-writer").currentTask())
              .isEqualTo("00000001");
          return ScriptedAgentRunner.ok(r.agent(), Map.of("status", "completed"));
        });

    assertThat(run("Add input validation to the login form").success()).isTrue();
  }

  @Test
  void an_authentication_failure_stops_the_cycle_at_the_first_agent() {
    runner.on(
        "system4-strategy",
        r ->
            AgentResult.failed(
                r.agent(),
                AgentResult.Failure.AUTHENTICATION,
                "Not logged in · Please run /login",
                Duration.ZERO));

    assertThatThrownBy(() -> run("Add input validation to the login form"))
        .isInstanceOf(AgentEnvironmentException.class)
        .hasMessageContaining("Not logged in");

    assertThat(runner.invokedAgents()).containsExactly("system4-strategy");
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(log.eventTypes()).endsWith("task_failed");
  }

  @Test
  void a_cancelled_cycle_stops_its_agents_and_records_the_task_failed() {
    CycleCancellation cancellation = new CycleCancellation();
    runner.on(
        "s1-code-writer",
        r -> {
          cancellation.cancel();
          return ScriptedAgentRunner.afterLatch(new CountDownLatch(1), x -> null).apply(r);
        });

    assertThatThrownBy(
            () ->
                service()
                    .run(
                        RunCycleCommand.of("Add input validation to the login form", dir)
                            .withCancellation(cancellation)))
        .isInstanceOf(CycleInterruptedException.class);

    assertThat(Thread.interrupted()).as("interrupt status is left for the caller").isTrue();
    assertThat(runner.invokedAgents()).doesNotContain("s1-tester", "system3-audit");
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    LogEntry failed = log.ofType(EventType.TASK_FAILED).get(0);
    assertThat(failed.data()).containsEntry("error", "interrupted");
    assertThat(store.registry().agents().get("code-writer").status())
        .isEqualTo(AgentStatus.AVAILABLE);
  }

  @Test
  void a_cancelled_parallel_step_cancels_every_agent_of_it() {
    CycleCancellation cancellation = new CycleCancellation();
    CountDownLatch bothStarted = new CountDownLatch(2);
    CountDownLatch never = new CountDownLatch(1);
    for (String a : List.of("frontend", "backend")) {
      runner.on(
          "s1-" + a,
          r -> {
            bothStarted.countDown();
            return ScriptedAgentRunner.afterLatch(never, x -> null).apply(r);
          });
    }
    runner.replyTo("system3-control", s3Reply("complex", "parallel", "frontend:1", "backend:1"));
    runner.on("system3-audit", r -> null);
    Thread canceller =
        new Thread(
            () -> {
              try {
                bothStarted.await();
              } catch (InterruptedException e) {
                return;
              }
              cancellation.cancel();
            });
    canceller.start();

    assertThatThrownBy(
            () -> service().run(RunCycleCommand.of("Build it", dir).withCancellation(cancellation)))
        .isInstanceOf(CycleInterruptedException.class);
    Thread.interrupted();
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
  }

  @Test
  void a_budget_stops_new_agents_once_spent() {
    CycleResult r =
        service()
            .run(
                RunCycleCommand.of("Add input validation to the login form", dir)
                    .withBudget(0.035));

    assertThat(runner.invokedS1Agents()).containsExactly("s1-code-writer");
    assertThat(r.s1Results().get(1).failure()).isEqualTo("limit");
    assertThat(r.s1Results().get(1).error()).contains("budget");
    assertThat(r.success()).isFalse();
  }

  @Test
  void an_adaptation_whose_condition_passed_is_cleared_and_logged() {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < 3; i++) {
      m = m.withAuditResult(false, "t");
    }
    m = AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics();
    for (int i = 0; i < 10; i++) {
      m = m.withAuditResult(true, "t");
    }
    metrics(m);
    assertThat(m.isActive(AdaptationType.TIGHTEN_S3_STAR)).isTrue();

    run("Add input validation to the login form");

    assertThat(log.ofType(EventType.ADAPTATION_CLEARED))
        .singleElement()
        .satisfies(e -> assertThat(e.data()).containsEntry("type", "tighten_s3_star"));
    assertThat(store.metrics().isActive(AdaptationType.TIGHTEN_S3_STAR)).isFalse();
  }

  @Test
  void an_unexpected_exception_still_leaves_the_task_failed() {
    runner.on(
        "system2-coordination",
        r -> {
          throw new IllegalStateException("runner bug");
        });

    assertThatThrownBy(() -> run("Add input validation to the login form"))
        .isInstanceOf(IllegalStateException.class);

    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
    assertThat(log.ofType(EventType.TASK_FAILED).get(0).data().get("error").toString())
        .contains("runner bug");
    assertThat(log.taskSummary("00000001").status()).isEqualTo("failed");
  }

  @Test
  void the_task_summary_folds_the_cycle_log() {
    CycleResult r = run("Add input validation to the login form");

    var summary = log.taskSummary(r.taskId());
    assertThat(summary.status()).isEqualTo("completed");
    assertThat(summary.auditPassed()).isTrue();
    assertThat(summary.agentsInvoked()).contains("s1-code-writer", "system3-audit");
  }

  @Test
  void each_agent_gets_the_timeout_and_options_of_the_command_and_a_reply_schema() {
    service()
        .run(
            RunCycleCommand.of("Add input validation", dir)
                .withAgentTimeout(Duration.ofSeconds(42)));

    assertThat(runner.requests()).allMatch(r -> r.timeout().equals(Duration.ofSeconds(42)));
    assertThat(runner.requests()).allMatch(r -> r.workingDirectory().equals(dir));
    assertThat(runner.requests())
        .filteredOn(r -> r.agent().startsWith("system"))
        .allMatch(r -> r.replySchema() != null);
    assertThat(runner.requests())
        .filteredOn(r -> r.agent().startsWith("s1-"))
        .allMatch(r -> r.replySchema().equals(dev.vsm.application.protocol.S1Protocol.SCHEMA));
  }

  private RunCycleService serviceIn(long pid, java.util.Set<Long> alive) {
    return new RunCycleService(
        store,
        log,
        runner,
        clock,
        new SequentialIds(),
        ComplexityAnalyzer.withDefaults(),
        progress,
        new dev.vsm.application.port.out.ProcessProbe() {
          @Override
          public long currentPid() {
            return pid;
          }

          @Override
          public boolean isAlive(long p) {
            return alive.contains(p);
          }
        });
  }

  @Test
  void a_task_left_in_progress_by_a_dead_process_is_logged_as_abandoned_by_the_next_cycle() {
    store.saveCurrentTask(
        new dev.vsm.domain.task.CurrentTask(
            "deadbeef",
            "killed midway",
            "t",
            TaskStatus.IN_PROGRESS,
            "medium",
            List.of(),
            Map.of("owner_pid", 111)));

    CycleResult r =
        serviceIn(222, java.util.Set.of(222L)).run(RunCycleCommand.of("Add user validation", dir));

    assertThat(log.taskSummary("deadbeef").status()).isEqualTo("failed");
    assertThat(log.ofType(EventType.TASK_FAILED).get(0).data().get("error").toString())
        .contains("abandoned")
        .contains("pid 111");
    assertThat(r.notes()).anyMatch(n -> n.contains("deadbeef"));
    assertThat(store.currentTask().orElseThrow().metadata()).containsEntry("owner_pid", 222L);
  }

  @Test
  void a_task_in_progress_in_a_live_process_is_left_alone() {
    store.saveCurrentTask(
        new dev.vsm.domain.task.CurrentTask(
            "cafebabe",
            "running elsewhere",
            "t",
            TaskStatus.IN_PROGRESS,
            "medium",
            List.of(),
            Map.of("owner_pid", 111)));

    serviceIn(222, java.util.Set.of(111L, 222L))
        .run(RunCycleCommand.of("Add user validation", dir));

    assertThat(log.readTask("cafebabe")).isEmpty();
  }

  @Test
  void agents_are_not_started_past_the_cycles_time_limit_and_none_runs_beyond_it() {
    runner.on(
        "s1-code-writer",
        r -> {
          clock.advance(Duration.ofMinutes(11)); // this agent uses up the cycle's time
          return ScriptedAgentRunner.ok(r.agent(), Map.of("status", "completed"));
        });

    CycleResult r =
        service()
            .run(
                RunCycleCommand.of("Add user validation", dir)
                    .withCycleTimeout(Duration.ofMinutes(10)));

    assertThat(runner.requests()).allMatch(q -> q.timeout().compareTo(Duration.ofMinutes(10)) <= 0);
    assertThat(runner.invokedAgents()).doesNotContain("s1-tester");
    AgentRun tester = r.s1Results().get(1);
    assertThat(tester.failure()).isEqualTo("timeout");
    assertThat(tester.error()).contains("time limit");
    assertThat(r.success()).isFalse();
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.FAILED);
  }

  @Test
  void a_dead_process_whose_task_the_log_shows_ended_is_not_reported_abandoned() {
    store.saveCurrentTask(
        new dev.vsm.domain.task.CurrentTask(
            "0dd0dd00",
            "ended, file not updated",
            "t",
            TaskStatus.IN_PROGRESS,
            "medium",
            List.of(),
            Map.of("owner_pid", 111)));
    log.append(
        LogEntry.of("t", EventType.TASK_COMPLETED, "0dd0dd00", null, Map.of("success", true), "s"));

    serviceIn(222, java.util.Set.of(222L)).run(RunCycleCommand.of("Add user validation", dir));

    assertThat(log.readTask("0dd0dd00")).hasSize(1);
    assertThat(log.taskSummary("0dd0dd00").status()).isEqualTo("completed");
  }

  @Test
  void each_agent_may_spend_only_what_is_left_of_the_cycles_budget() {
    service().run(RunCycleCommand.of("Add user validation", dir).withBudget(1.0));

    List<Double> caps = runner.requests().stream().map(q -> q.options().maxBudgetUsd()).toList();
    assertThat(caps.get(0)).isEqualTo(1.0);
    assertThat(caps.get(1)).isCloseTo(0.99, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(caps).isSortedAccordingTo(java.util.Comparator.reverseOrder());
  }
}
