package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.PlannedTask;
import dev.vsm.application.port.in.ResumeCommand;
import dev.vsm.application.port.in.ResumeRefusedException;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.AdaptationPolicy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A person sees the plan before agents edit: planning runs S4, S3 (S5) and S2 and saves the plan;
 * applying it runs the S1 agents, the audit and S5 from the saved plan, never planning again; and a
 * cycle can stop for approval after S2.
 */
class PlanThenApplyTest extends CycleTest {

  private PlannedTask plan(String task) {
    return service().planTask(command(task));
  }

  private CycleResult apply(String taskId) {
    return service().resume(new ResumeCommand(taskId, true, command("(the plan's task)")));
  }

  @Test
  void planning_runs_s4_s3_and_s2_only_and_saves_the_plan_under_the_tasks_id() {
    runner.replyTo(
        "system2-coordination",
        Map.of(
            "execution_schedule",
            List.of(Map.of("step", 1, "agents", List.of("code-writer"))),
            "conflict_zones",
            List.of(
                Map.of("files", List.of("src/login.py", "src/forms.py"), "owner", "code-writer"))));

    PlannedTask p = plan(TASK);

    assertThat(runner.invokedAgents())
        .containsExactly("system4-strategy", "system3-control", "system2-coordination");
    assertThat(p.taskId()).isEqualTo(FIRST_TASK_ID);
    assertThat(p.agents())
        .extracting(PlannedTask.PlannedAgent::agent, PlannedTask.PlannedAgent::step)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("code-writer", 1),
            org.assertj.core.groups.Tuple.tuple("tester", 2));
    assertThat(p.steps()).containsExactly(List.of("code-writer"), List.of("tester"));
    assertThat(p.fileOwners())
        .containsExactly(
            new PlannedTask.FileOwner("code-writer", List.of("src/login.py", "src/forms.py")));
    assertThat(p.costUsd()).isCloseTo(3 * ScriptedAgentRunner.COST_PER_RUN, within(1e-9));
    TaskPlan saved = store.taskPlan(FIRST_TASK_ID).orElseThrow();
    assertThat(saved.status()).isEqualTo(TaskStatus.PENDING);
    assertThat(saved.planned()).isTrue();
    assertThat(store.currentTask().orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
    assertThat(log.eventTypes()).startsWith("task_started").endsWith("task_planned");
    assertThat(log.taskSummary(FIRST_TASK_ID).status()).isEqualTo("planned");
    assertThat(store.metrics().completionRate()).as("nothing learned yet").isEqualTo(1.0);
  }

  @Test
  void planning_asks_s5_when_its_approval_is_required() {
    metricsAfter(4, m -> m.withS3S4Conflict("t"));
    store.updateMetrics(m -> AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics());

    PlannedTask p = plan(TASK);

    assertThat(runner.invokedAgents()).contains("system5-policy").doesNotContain("s1-code-writer");
    assertThat(p.adaptations()).anyMatch(a -> a.type().label().equals("require_s5_approval"));
  }

  @Test
  void applying_a_plan_runs_the_s1_agents_and_the_audit_and_never_plans_again() {
    plan(TASK);
    int planningRuns = runner.requests().size();

    CycleResult r = apply(FIRST_TASK_ID);

    assertThat(runner.invokedAgents().subList(planningRuns, runner.requests().size()))
        .containsExactly("s1-code-writer", "s1-tester", "system3-audit");
    assertThat(r.success()).isTrue();
    assertThat(r.attempt()).isEqualTo(2);
    assertThat(r.costUsd()).as("this attempt's").isCloseTo(0.03, within(1e-9));
    assertThat(store.taskPlan(FIRST_TASK_ID).orElseThrow().status())
        .isEqualTo(TaskStatus.COMPLETED);
    assertThat(log.ofType(EventType.TASK_RESUMED)).hasSize(1);
    assertThat(log.taskSummary(FIRST_TASK_ID).status()).isEqualTo("completed");
    assertThat(store.metrics().completionRate()).isEqualTo(1.0);
  }

  @Test
  void an_applied_plan_runs_under_the_adaptations_it_was_planned_with() {
    metricsAfter(3, m -> m.withAgentResult("tester", false, "t"));
    store.updateMetrics(m -> AdaptationPolicy.apply(m, AdaptationPolicy.analyze(m), "t").metrics());
    PlannedTask p = plan(TASK);
    assertThat(p.steps())
        .containsExactly(List.of("code-writer"), List.of("reviewer"), List.of("tester"));
    // The metrics recover meanwhile: the review step would no longer be added to a new plan.
    store.putMetrics(store.metrics().withActiveAdaptations(List.of(), "t"));

    apply(FIRST_TASK_ID);

    assertThat(runner.invokedS1Agents())
        .containsExactly("s1-code-writer", "s1-reviewer", "s1-tester");
  }

  @Test
  void a_plan_is_applied_once_and_only_a_planned_task_can_be_applied() {
    plan(TASK);
    apply(FIRST_TASK_ID);

    assertThatThrownBy(() -> apply(FIRST_TASK_ID))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessage("task 00000001 has completed: nothing to resume");
    assertThatThrownBy(() -> apply("0badc0de"))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageStartingWith("task 0badc0de has no saved plan here");
    assertThatThrownBy(() -> apply("../../etc"))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessageContaining("is not a task id");

    runner.failing("s1-tester", "tests broke");
    run(TASK);
    assertThatThrownBy(() -> apply("00000002"))
        .isInstanceOf(ResumeRefusedException.class)
        .hasMessage(
            "task 00000002 is not waiting to be applied (it is failed): vsm resume 00000002 goes on with it");
  }

  @Test
  void a_plan_not_approved_leaves_the_task_planned_and_costs_nothing_more() {
    PlannedTask[] asked = {null};

    CycleResult r =
        run(
            command(TASK)
                .withApproval(
                    p -> {
                      asked[0] = p;
                      return false;
                    }));

    assertThat(asked[0].agents()).isNotEmpty();
    assertThat(r.planned()).isTrue();
    assertThat(r.success()).isFalse();
    assertThat(r.s1Results()).isEmpty();
    assertThat(runner.invokedS1Agents()).isEmpty();
    assertThat(r.costUsd()).isCloseTo(3 * ScriptedAgentRunner.COST_PER_RUN, within(1e-9));
    assertThat(store.taskPlan(FIRST_TASK_ID).orElseThrow().status()).isEqualTo(TaskStatus.PENDING);
    assertThat(log.ofType(EventType.TASK_FAILED)).isEmpty();
    assertThat(store.metrics().completionRate()).isEqualTo(1.0);
  }

  @Test
  void an_approved_plan_runs_on_in_the_same_cycle() {
    CycleResult r = run(command(TASK).withApproval(p -> true));

    assertThat(r.success()).isTrue();
    assertThat(r.planned()).isFalse();
    assertThat(runner.invokedS1Agents()).containsExactly("s1-code-writer", "s1-tester");
    assertThat(log.ofType(EventType.TASK_PLANNED)).isEmpty();
  }
}
