package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.log.EventType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * S1 agents run step by step, together within a step when allowed; each is busy while it works and
 * is judged by its report.
 */
class S1OperationsTest extends CycleTest {

  private static final List<String> DOMAINS =
      List.of("frontend", "backend", "database", "infrastructure");

  @Test
  void four_agents_of_one_parallel_step_run_at_the_same_time() {
    CountDownLatch allStarted = new CountDownLatch(4);
    for (String a : DOMAINS) {
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

    assertThat(r.s1Results()).hasSize(4).allMatch(AgentRun::success);
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
  void parallelize_s1_runs_a_step_at_once_even_when_the_allocation_is_sequential() {
    metricsAfter(5, m -> m.withCycleIterations(2, "t"));
    CountDownLatch both = new CountDownLatch(2);
    for (String a : List.of("frontend", "backend")) {
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

    CycleResult r = run(command("Build it").withAgentTimeout(Duration.ofSeconds(10)));

    assertThat(r.s1Results()).allMatch(AgentRun::success);
  }

  @Test
  void a_reviewer_runs_before_an_agent_that_fails_often() {
    store.putMetrics(
        dev.vsm.domain.viability.ViabilityMetrics.defaults()
            .withAgentResult("tester", false, "t")
            .withAgentResult("tester", false, "t"));

    run(TASK);

    assertThat(runner.invokedS1Agents())
        .containsExactly("s1-code-writer", "s1-reviewer", "s1-tester");
    assertThat(runner.lastPromptTo("s1-reviewer"))
        .contains("This is an added review step: agent 'tester' has failed often lately.");
    assertThat(only(EventType.ADAPTATION_APPLIED))
        .containsEntry("type", "add_review_step")
        .containsEntry("trigger", "tester_errors");
  }

  @Test
  void each_agent_is_told_its_role_focus_and_the_approach() {
    runner.replyTo(
        "system3-control",
        Map.of(
            "complexity",
            "medium",
            "selected_agents",
            List.of(Map.of("agent", "tester", "role", "tests", "task_focus", "the form"))));

    run(TASK);

    assertThat(runner.lastPromptTo("s1-tester"))
        .contains("YOUR ROLE: tests")
        .contains("YOUR FOCUS: the form")
        .contains("APPROACH AGREED BY S4/S3: scripted approach");
  }

  @Test
  void an_agent_reporting_blocked_has_failed_whatever_its_exit() {
    runner.replyTo("s1-tester", Map.of("status", "blocked", "blockers", List.of("no test runner")));

    CycleResult r = run(TASK);

    assertThat(r.success()).isFalse();
    AgentRun tester = r.s1Results().get(1);
    assertThat(tester.success()).isFalse();
    assertThat(tester.error()).isEqualTo("agent reported status 'blocked': no test runner");
    assertThat(store.metrics().agentErrors()).containsEntry("tester", 0.2);
    assertThat(store.registry().agents().get("tester").status()).isEqualTo(AgentStatus.ERROR);
  }

  @Test
  void an_agent_reporting_partial_work_or_no_report_has_succeeded() {
    runner.replyTo("s1-code-writer", Map.of("status", "partial", "summary", "half"));
    runner.repliesWithoutJson("s1-tester", "done, no report");

    CycleResult r = run(TASK);

    assertThat(r.s1Results()).allMatch(AgentRun::success);
  }

  @Test
  void s1_agents_are_busy_while_they_run_and_available_after() {
    runner.on(
        "s1-code-writer",
        r -> {
          assertThat(store.registry().agents().get("code-writer").status())
              .isEqualTo(AgentStatus.BUSY);
          assertThat(store.registry().agents().get("code-writer").currentTask())
              .isEqualTo(FIRST_TASK_ID);
          return ScriptedAgentRunner.ok(r.agent(), Map.of("status", "completed"));
        });

    assertThat(run(TASK).success()).isTrue();
    assertThat(store.registry().agents().get("code-writer").status())
        .isEqualTo(AgentStatus.AVAILABLE);
    assertThat(store.registry().agents().get("code-writer").currentTask()).isNull();
  }
}
