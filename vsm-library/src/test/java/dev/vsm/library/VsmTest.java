package dev.vsm.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.adapter.claude.FakeClaude;
import dev.vsm.application.port.in.CyclePlan;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityRules;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.TaskSummary;
import dev.vsm.domain.task.TaskStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The library's entry point against the real file store and the scripted Claude Code CLI. */
class VsmTest {

  private static final String TASK = "Add input validation to the login form";

  @TempDir Path tmp;
  private Path project;
  private FakeClaude claude;

  @BeforeEach
  void setUp() throws Exception {
    project = Files.createDirectories(tmp.resolve("project"));
    claude = FakeClaude.installIn(tmp.resolve("claude"));
  }

  private Vsm.Builder builder() {
    return Vsm.builder()
        .workingDirectory(project)
        .environment(Map.of("PATH", "/usr/bin:/bin"))
        .claudeCommand(claude.command());
  }

  @Test
  void a_cycle_runs_and_leaves_its_task_in_the_state_files_and_the_log() {
    List<String> heard = new CopyOnWriteArrayList<>();
    Vsm vsm =
        builder()
            .progress(
                new ProgressListener() {
                  @Override
                  public void agentFinished(AgentResult result) {
                    heard.add(result.agent());
                  }
                })
            .build();

    CycleResult result = vsm.run(TASK);

    assertThat(result.success()).as(result.summary()).isTrue();
    assertThat(result.agentsInvoked()).isNotEmpty();
    assertThat(heard).containsAll(result.agentsInvoked());
    assertThat(project.resolve(".claude/vsm-state/current-task.json")).isRegularFile();
    assertThat(vsm.state().currentTask())
        .hasValueSatisfying(t -> assertThat(t.status()).isEqualTo(TaskStatus.COMPLETED));
    assertThat(vsm.state().metrics().completionRate()).isGreaterThan(0.5);
    TaskSummary summary = vsm.log().taskSummary(result.taskId());
    assertThat(summary.status()).isEqualTo(TaskSummary.COMPLETED);
    assertThat(summary.agentsInvoked()).containsAll(result.agentsInvoked());
    assertThat(vsm.tasks()).extracting(t -> t.taskId()).containsExactly(result.taskId());
    assertThat(vsm.log().recent(100))
        .extracting(e -> e.eventType())
        .contains(EventType.TASK_STARTED.label(), EventType.TASK_COMPLETED.label());
  }

  @Test
  void a_second_vsm_on_the_same_directory_reads_what_the_first_wrote() {
    CycleResult result = builder().build().run(TASK);

    Vsm reader = builder().claudeCommand((String) null).build();

    assertThat(reader.log().taskSummary(result.taskId()).status()).isEqualTo(TaskSummary.COMPLETED);
    assertThat(reader.reset()).anySatisfy(f -> assertThat(f).endsWith("current-task.json"));
    assertThat(reader.state().currentTask()).isEmpty();
  }

  @Test
  void analysing_takes_the_custom_rules_and_opens_no_state() {
    Vsm vsm =
        builder()
            .rules(
                ComplexityRules.defaults()
                    .withKeyword(Complexity.COMPLEX, "\\bml\\b")
                    .withDomain("ml", List.of("\\bmodel\\b", "\\btraining\\b")))
            .build();

    assertThat(vsm.analyze("Train ML model for predictions", null).domainSignals())
        .containsExactly("ml");
    assertThat(vsm.analyze("Train ML model for predictions", Complexity.SIMPLE).complexity())
        .isEqualTo(Complexity.SIMPLE);
    assertThat(project.resolve(".claude")).doesNotExist();
  }

  /** The README's rules example, as a project keeps it in {@code .claude/vsm-rules.json}. */
  private static final String ML_RULES =
      "{\"keywords\": {\"complex\": [\"\\\\bml\\\\b\"]},"
          + " \"domains\": {\"ml\": [\"\\\\bmodel\\\\b\", \"\\\\btraining\\\\b\"]}}";

  @Test
  void the_projects_rules_file_is_read_unless_turned_off_and_a_rules_file_comes_after_it()
      throws Exception {
    Files.createDirectories(project.resolve(".claude"));
    Files.writeString(project.resolve(RulesFile.PROJECT_RULES), ML_RULES);
    Path more = Files.writeString(tmp.resolve("more.json"), "{\"domains\": {\"gpu\": [\"cuda\"]}}");
    String task = "Train the ML model with CUDA";

    assertThat(builder().build().analyze(task).domainSignals()).containsExactly("ml");
    assertThat(builder().projectRules(false).build().analyze(task).domainSignals()).isEmpty();
    assertThat(builder().rulesFile(more).build().analyze(task).domainSignals())
        .containsExactlyInAnyOrder("ml", "gpu");
    assertThat(builder().projectRules(false).rulesFile(more).build().analyze(task).domainSignals())
        .containsExactly("gpu");
  }

  @Test
  void a_broken_rules_file_stops_analysing_and_planning_but_not_reading_the_state()
      throws Exception {
    Files.createDirectories(project.resolve(".claude"));
    Files.writeString(project.resolve(RulesFile.PROJECT_RULES), "{\"keywords\": oops");
    Vsm vsm = builder().build();

    assertThat(vsm.state().currentTask()).isEmpty();
    assertThat(vsm.tasks()).isEmpty();
    assertThatThrownBy(() -> vsm.analyze(TASK))
        .isInstanceOf(InvalidRulesException.class)
        .hasMessageContaining(RulesFile.PROJECT_RULES)
        .hasMessageContaining("not valid JSON");
    assertThatThrownBy(() -> vsm.plan(TASK)).isInstanceOf(InvalidRulesException.class);
    assertThatThrownBy(() -> vsm.run(TASK)).isInstanceOf(InvalidRulesException.class);
    assertThat(vsm.state().currentTask()).as("no task was created").isEmpty();
    assertThat(claude.calls()).isEmpty();
  }

  @Test
  void a_cycle_runs_under_the_callers_task_id() {
    Vsm vsm = builder().build();

    CycleResult result = vsm.run(TASK, "ISSUE-42", Complexity.SIMPLE);

    assertThat(result.success()).as(result.summary()).isTrue();
    assertThat(result.taskId()).isEqualTo("ISSUE-42");
    assertThat(result.complexity()).isEqualTo(Complexity.SIMPLE.label());
    assertThat(vsm.state().currentTask())
        .hasValueSatisfying(t -> assertThat(t.id()).isEqualTo("ISSUE-42"));
    assertThat(vsm.log().taskSummary("ISSUE-42").status()).isEqualTo(TaskSummary.COMPLETED);
    assertThat(vsm.run(TASK, null, null).taskId()).isNotEqualTo("ISSUE-42").isNotBlank();
    assertThat(vsm.command(TASK, null).withTaskId("ISSUE-43").taskId()).isEqualTo("ISSUE-43");
    assertThatThrownBy(() -> vsm.command(TASK, null).withTaskId(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("task id");
  }

  @Test
  void a_plan_runs_no_agent_and_saves_nothing() {
    Vsm vsm = builder().build();

    CyclePlan plan = vsm.plan(TASK, Complexity.COMPLEX);

    assertThat(plan.assessment().complexity()).isEqualTo(Complexity.COMPLEX);
    assertThat(plan.steps()).isNotEmpty();
    assertThat(vsm.state().currentTask()).isEmpty();
    assertThat(claude.directory().resolve("calls.log")).doesNotExist();
  }

  @Test
  void another_store_takes_the_state_and_the_log_and_no_file_is_written() {
    InMemoryStateStore state = new InMemoryStateStore();
    InMemoryExecutionLog log = new InMemoryExecutionLog();
    Vsm vsm = builder().store(Store.of(() -> state, session -> log)).build();

    CycleResult result = vsm.run(TASK);

    assertThat(result.success()).as(result.summary()).isTrue();
    assertThat(state.currentTask()).isPresent();
    assertThat(log.ofType(EventType.TASK_COMPLETED)).hasSize(1);
    assertThat(project.resolve(".claude")).doesNotExist();
  }

  @Test
  void the_run_options_of_the_builder_go_into_the_cycle_command() {
    Vsm vsm =
        builder()
            .agentTimeout(Duration.ofMinutes(2))
            .cycleTimeout(Duration.ofMinutes(10))
            .maxBudgetUsd(1.5)
            .model("sonnet")
            .maxTurns(7)
            .permissionMode("plan")
            .maxParallelAgents(2)
            .build();

    RunCycleCommand c = vsm.command(TASK, Complexity.MEDIUM);

    assertThat(c.workingDirectory()).isEqualTo(project.toAbsolutePath().normalize());
    assertThat(c.hint()).isEqualTo(Complexity.MEDIUM);
    assertThat(c.agentTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(c.cycleTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(c.maxBudgetUsd()).isEqualTo(1.5);
    assertThat(c.agentSettings().model()).isEqualTo("sonnet");
    assertThat(c.agentSettings().maxTurns()).isEqualTo(7);
    assertThat(c.agentSettings().permissionMode()).isEqualTo("plan");
    assertThat(c.maxParallelAgents()).isEqualTo(2);
  }

  @Test
  void a_missing_claude_is_an_environment_error_naming_the_fix() {
    Vsm vsm = builder().claudeCommand(tmp.resolve("no-such-claude")).build();

    assertThatThrownBy(() -> vsm.run(TASK))
        .isInstanceOf(dev.vsm.application.port.in.AgentEnvironmentException.class)
        .hasMessageContaining("no-such-claude");
    assertThat(vsm.agentEnvironment().installation().found()).isFalse();
  }

  @Test
  void a_cycle_asks_for_the_login_once_and_a_plan_never() {
    Vsm vsm = builder().build();

    vsm.plan(TASK);
    assertThat(claude.loginChecks()).isZero();

    assertThat(vsm.run(TASK).success()).isTrue();
    assertThat(claude.loginChecks()).isEqualTo(1);
    assertThat(vsm.run("Fix the typo in the footer").success()).isTrue();
    assertThat(claude.loginChecks()).isEqualTo(2);
  }

  @Test
  void a_login_check_started_ahead_that_says_not_logged_in_stops_the_cycle_before_its_task() {
    claude.mode("auth", "loggedout");
    Vsm vsm = builder().build();

    assertThatThrownBy(() -> vsm.run(TASK))
        .isInstanceOf(dev.vsm.application.port.in.AgentEnvironmentException.class)
        .hasMessageContaining("not logged in");
    assertThatThrownBy(() -> vsm.planTask(TASK, null))
        .isInstanceOf(dev.vsm.application.port.in.AgentEnvironmentException.class);

    assertThat(claude.loginChecks()).isEqualTo(2);
    assertThat(claude.calls()).isEmpty();
    assertThat(vsm.tasks()).isEmpty();
    assertThat(project.resolve(".claude/vsm-state/current-task.json")).doesNotExist();
  }

  @Test
  void settings_that_cannot_work_are_refused_when_given() {
    assertThatThrownBy(() -> builder().workingDirectory(tmp.resolve("absent")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not exist");
    assertThatThrownBy(() -> builder().permissionMode("yolo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("acceptEdits");
    assertThatThrownBy(() -> builder().maxBudgetUsd(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder().maxTurns(0)).isInstanceOf(IllegalArgumentException.class);
  }
}
