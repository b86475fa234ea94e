package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code vsm plan --agents}, {@code vsm apply}, {@code vsm run --approve} and {@code vsm resume}
 * in-process, against the scripted claude: which agents each runs, what it prints, its exit code.
 */
class PlanApproveResumeCommandTest {

  private static final String TASK = "Add input validation to the login form";
  private static final Pattern APPLY = Pattern.compile("vsm apply ([0-9a-f]{8})");

  @TempDir Path dir;
  @TempDir Path bin;
  private FakeClaude claude;

  @BeforeEach
  void install() {
    claude = FakeClaude.installIn(bin);
  }

  private InProcessVsm vsm() {
    return new InProcessVsm(dir);
  }

  private InProcessVsm.Run run(InProcessVsm vsm, String... args) {
    List<String> all = new java.util.ArrayList<>(List.of(args));
    all.add(1, "--claude-command");
    all.add(2, claude.command().toString());
    return vsm.run(all.toArray(String[]::new));
  }

  private static String plannedId(String out) {
    Matcher m = APPLY.matcher(out);
    assertThat(m.find()).as(out).isTrue();
    return m.group(1);
  }

  @Test
  void plan_with_agents_runs_s4_s3_s2_saves_the_plan_and_apply_runs_the_rest() {
    InProcessVsm.Run planned = run(vsm(), "plan", "--agents", "--medium", TASK);

    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(planned.out())
        .contains("VSM Plan of task")
        .contains("no S1 agent has run")
        .contains("1. s1-code-writer".replace("s1-", ""))
        .contains("Cost so far: $0.0369");
    assertThat(claude.calls())
        .containsExactly("system4-strategy", "system3-control", "system2-coordination");
    assertThat(claude.loginChecks()).isEqualTo(1);
    String id = plannedId(planned.out());
    assertThat(vsm().run("tasks").out()).contains(id).contains("planned");

    InProcessVsm.Run applied = run(vsm(), "apply", id);

    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(applied.out()).contains("VSM Cycle Complete: SUCCESS").contains("(attempt 2)");
    assertThat(claude.calls().subList(3, claude.calls().size()))
        .containsExactly("s1-code-writer", "s1-tester", "system3-audit");
    assertThat(claude.loginChecks()).isEqualTo(2);
  }

  @Test
  void a_plan_without_agents_asks_claude_nothing() {
    InProcessVsm.Run planned =
        vsm().env("VSM_CLAUDE_COMMAND", claude.command().toString()).run("plan", TASK);

    assertThat(planned.code()).as(planned.err()).isZero();
    assertThat(claude.loginChecks()).isZero();
    assertThat(claude.calls()).isEmpty();
  }

  @Test
  void plan_with_agents_as_json_names_the_new_task() {
    InProcessVsm.Run r = run(vsm(), "plan", "--agents", "--json", TASK);

    Map<?, ?> doc = JsonMapper.builder().build().readValue(r.out(), Map.class);
    assertThat(doc.get("schema_version")).isEqualTo(1);
    assertThat((String) doc.get("task_id")).matches("[0-9a-f]{8}");
    assertThat(doc.get("status")).isEqualTo("planned");
    assertThat((List<?>) doc.get("agents")).isNotEmpty();
    assertThat(doc.get("cost_usd")).isEqualTo(0.0369);
  }

  @Test
  void run_options_without_agents_are_a_usage_error_and_nothing_runs() {
    InProcessVsm.Run r = run(vsm(), "plan", TASK);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("run options go with --agents");
    assertThat(claude.calls()).isEmpty();
  }

  @Test
  void approve_without_a_terminal_and_without_yes_refuses_before_anything_runs() {
    InProcessVsm.Run r = run(vsm(), "run", "--approve", TASK);

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("give --yes to approve from a script");
    assertThat(claude.calls()).isEmpty();
    assertThat(dir.resolve(".claude/vsm-state")).doesNotExist();
  }

  @Test
  void approve_with_yes_runs_the_whole_cycle() {
    InProcessVsm.Run r = run(vsm(), "run", "--approve", "--yes", TASK);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("SUCCESS");
    assertThat(claude.calls()).contains("s1-code-writer");
  }

  @Test
  void a_plan_rejected_on_the_terminal_stays_planned_and_is_applied_later() {
    InProcessVsm terminal = vsm().terminal(new Terminal(true, true, true, Map.of())).stdin("n\n");

    InProcessVsm.Run r = run(terminal, "run", "--approve", TASK);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("VSM Plan of task")
        .contains("Run the S1 agents of this plan (they may edit files)? [y/N]")
        .contains("VSM Cycle Planned: NOT APPROVED")
        .contains("The task stays planned: vsm apply ");
    assertThat(claude.calls()).noneMatch(a -> a.startsWith("s1-"));

    InProcessVsm.Run applied = run(vsm(), "apply", plannedId(r.out()));

    assertThat(applied.code()).as(applied.err()).isZero();
    assertThat(claude.calls()).contains("s1-code-writer", "s1-tester");
  }

  @Test
  void a_plan_approved_on_the_terminal_runs_on() {
    InProcessVsm terminal = vsm().terminal(new Terminal(true, true, true, Map.of())).stdin("y\n");

    InProcessVsm.Run r = run(terminal, "run", "--approve", TASK);

    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("[y/N]").contains("VSM Cycle Complete: SUCCESS");
  }

  @Test
  void resume_runs_only_the_agent_that_failed_then_the_audit() {
    claude.mode("s1-tester", "fail");
    InProcessVsm.Run failed = run(vsm(), "run", "--medium", TASK);
    assertThat(failed.code()).isEqualTo(1);
    Matcher m = Pattern.compile("vsm resume ([0-9a-f]{8})").matcher(failed.out());
    assertThat(m.find()).as(failed.out()).isTrue();
    int before = claude.calls().size();
    claude.mode("s1-tester", "reply");

    InProcessVsm.Run resumed = run(vsm(), "resume", m.group(1));

    assertThat(resumed.code()).as(resumed.err()).isZero();
    assertThat(claude.calls().subList(before, claude.calls().size()))
        .containsExactly("s1-tester", "system3-audit");
    assertThat(resumed.out()).contains("SUCCESS").contains("(attempt 2)");
  }

  @Test
  void a_task_that_cannot_go_on_is_refused_in_one_line() {
    InProcessVsm.Run unknown = run(vsm(), "resume", "0badc0de");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err().strip())
        .isEqualTo(
            "vsm: task 0badc0de has no saved plan here (vsm tasks lists the tasks; vsm plan"
                + " --agents saves one)");

    InProcessVsm.Run bad = run(vsm(), "apply", "../../etc");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("is not a task id");

    claude.mode("s1-tester", "fail");
    String out = run(vsm(), "run", TASK).out();
    Matcher m = Pattern.compile("vsm resume ([0-9a-f]{8})").matcher(out);
    assertThat(m.find()).isTrue();
    InProcessVsm.Run notPlanned = run(vsm(), "apply", m.group(1));
    assertThat(notPlanned.code()).isEqualTo(2);
    assertThat(notPlanned.err()).contains("is not waiting to be applied (it is failed)");
  }
}
