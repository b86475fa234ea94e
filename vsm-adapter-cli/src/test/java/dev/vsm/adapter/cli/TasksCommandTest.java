package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

class TasksCommandTest {

  @TempDir Path dir;

  @BeforeEach
  void aLogOfThreeTasks() throws IOException {
    Path state = Files.createDirectories(dir.resolve(".claude/vsm-state"));
    Files.writeString(
        state.resolve("execution-log.jsonl"),
        String.join(
            "\n",
            line(
                "2026-11-01T09:00:00Z",
                "task_started",
                "aaaa0001",
                null,
                "{\"description\": \"Fix typo\", \"complexity\": \"simple\"}"),
            line("2026-11-01T09:00:02Z", "agent_invoked", "aaaa0001", "s1-generalist-coder", "{}"),
            line(
                "2026-11-01T09:00:30Z",
                "task_completed",
                "aaaa0001",
                null,
                "{\"success\": true, \"cost_usd\": 0.0123, \"duration_ms\": 30000}"),
            line(
                "2026-11-20T10:00:00Z",
                "task_started",
                "bbbb0002",
                null,
                "{\"description\": \"Add \\u001b[31mOAuth2\", \"complexity\": \"complex\"}"),
            line("2026-11-20T10:00:05Z", "agent_invoked", "bbbb0002", "s1-backend", "{}"),
            line("2026-11-20T10:00:06Z", "agent_invoked", "bbbb0002", "s1-tester", "{}"),
            line(
                "2026-11-20T10:09:15Z",
                "task_failed",
                "bbbb0002",
                null,
                "{\"success\": false, \"cost_usd\": 0.5, \"duration_ms\": 555000}"),
            line(
                "2026-11-24T08:00:00Z",
                "task_started",
                "cccc0003",
                null,
                "{\"description\": \"Migrate\", \"complexity\": \"medium\"}"),
            ""));
  }

  private static String line(String ts, String type, String task, String agent, String data) {
    return String.format(
        "{\"timestamp\": \"%s\", \"event_type\": \"%s\", \"task_id\": \"%s\", \"agent\": %s, \"data\": %s, \"session_id\": \"s\"}",
        ts, type, task, agent == null ? "null" : "\"" + agent + "\"", data);
  }

  @Test
  void one_line_per_task_and_the_totals() {
    InProcessVsm.Run r = new InProcessVsm(dir).run("tasks");

    assertThat(r.code()).isZero();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(5);
    assertThat(lines.get(0))
        .startsWith("ID")
        .contains("STARTED", "COMPLEXITY", "STATUS", "COST", "DURATION", "AGENTS");
    assertThat(lines.get(1))
        .startsWith("aaaa0001")
        .contains(
            "2026-11-01 09:00:00", "simple", "completed", "$0.0123", "30.0s", "generalist-coder");
    assertThat(lines.get(2)).contains("complex", "failed", "$0.5000", "9m 15s", "backend, tester");
    assertThat(lines.get(3)).contains("cccc0003", "medium", "in_progress", "-");
    assertThat(lines.get(4))
        .isEqualTo("3 tasks: 1 completed, 1 failed, 1 in progress; cost $0.5123; duration 9m 45s");
  }

  @Test
  void since_a_date_and_as_json() {
    Map<?, ?> doc =
        JsonMapper.builder()
            .build()
            .readValue(
                new InProcessVsm(dir).run("tasks", "--since", "2026-11-20", "--json").out(),
                Map.class);

    assertThat(doc.get("schema_version")).isEqualTo(1);
    assertThat(doc.get("since")).isEqualTo("2026-11-20T00:00:00Z");
    List<?> tasks = (List<?>) doc.get("tasks");
    assertThat(tasks.stream().map(t -> ((Map<?, ?>) t).get("task_id")).toList())
        .isEqualTo(List.of("bbbb0002", "cccc0003"));
    Map<?, ?> first = (Map<?, ?>) tasks.get(0);
    assertThat(first.get("description")).isEqualTo("Add \u001b[31mOAuth2");
    assertThat(first.get("agents")).isEqualTo(List.of("s1-backend", "s1-tester"));
    assertThat(((Map<?, ?>) doc.get("totals")).get("failed")).isEqualTo(1);
    assertThat(new InProcessVsm(dir).run("tasks", "--since", "2026-12-01").out())
        .isEqualTo("No task since 2026-12-01T00:00:00Z.\n");
  }

  @Test
  void a_date_that_does_not_parse_gets_a_sentence() {
    InProcessVsm.Run r = new InProcessVsm(dir).run("tasks", "--since", "last week");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("'last week' is not a date: use e.g. 2026-11-01");
  }

  @Test
  void lines_fit_the_terminal() {
    Terminal narrow = new Terminal(false, true, false, Map.of("COLUMNS", "50"));
    InProcessVsm.Run r = new InProcessVsm(dir).terminal(narrow).run("tasks");
    assertThat(r.out().lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(50));
    assertThat(r.out()).contains("...");
  }
}
