package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * What scripts read: each subcommand's {@code --json} document, in-process with the scripted CLI.
 * Every document starts with {@code schema_version}; a failure is still one document.
 */
class JsonDocumentsTest {

  @TempDir Path dir;
  private FakeClaude claude;

  @BeforeEach
  void install() {
    claude = FakeClaude.installIn(dir.resolve("bin"));
  }

  private InProcessVsm vsm() {
    return new InProcessVsm(dir).env("VSM_CLAUDE_COMMAND", claude.command().toString());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(InProcessVsm.Run r) {
    Map<String, Object> doc = JsonMapper.builder().build().readValue(r.out(), Map.class);
    assertThat(new ArrayList<Object>(doc.keySet())).first().isEqualTo("schema_version");
    assertThat(doc.get("schema_version")).isEqualTo(Documents.SCHEMA_VERSION);
    return doc;
  }

  private Map<?, ?> currentTask() throws IOException {
    return JsonMapper.builder()
        .build()
        .readValue(Files.readString(dir.resolve(".claude/vsm-state/current-task.json")), Map.class);
  }

  @Test
  void a_plan_names_no_task_since_it_creates_none() {
    InProcessVsm.Run r = vsm().run("plan", "--json", "Add input validation to the login form");

    assertThat(r.code()).as(r.err()).isZero();
    Map<String, Object> doc = json(r);
    assertThat(doc).containsKey("task_id");
    assertThat(doc.get("task_id")).isNull();
    assertThat(doc.get("task")).isEqualTo("Add input validation to the login form");
    assertThat(Files.exists(dir.resolve(".claude/vsm-state/current-task.json"))).isFalse();
  }

  @Test
  void the_log_without_a_task_is_a_document_of_entries_without_a_summary() {
    assertThat(vsm().run("run", "--simple", "--no-progress", "Fix the typo").code()).isZero();

    Map<String, Object> doc = json(vsm().run("log", "--json", "-n", "3"));

    assertThat(doc).doesNotContainKeys("task_summary", "task_id");
    List<?> entries = (List<?>) doc.get("entries");
    assertThat(entries).hasSize(3);
    assertThat(((Map<?, ?>) entries.get(2)).get("event_type")).isEqualTo("task_completed");
  }

  @Test
  void the_state_carries_the_coordination_plan_of_the_last_cycle() throws IOException {
    Map<String, Object> before = json(vsm().run("state", "--json"));
    assertThat(before).containsKey("coordination_plan");
    assertThat(before.get("coordination_plan")).isNull();

    assertThat(vsm().run("run", "--medium", "--no-progress", "Add user validation").code())
        .isZero();
    Map<String, Object> after = json(vsm().run("state", "--json"));

    assertThat(after.get("coordination_plan")).isInstanceOf(Map.class);
    assertThat((Map<?, ?>) after.get("coordination_plan")).isNotEmpty();
    assertThat(((Map<?, ?>) after.get("current_task")).get("id"))
        .isEqualTo(currentTask().get("id"));
  }

  @Test
  void a_failed_audit_is_one_document_naming_the_task_and_the_kind_of_failure() throws IOException {
    claude.reply(
        "system3-audit",
        "{\"audit_passed\": false, \"quality_assessment\": {\"issues_found\": [\"no tests\"]}}");

    InProcessVsm.Run r = vsm().run("run", "--json", "--no-progress", "Add a login feature");

    assertThat(r.code()).isEqualTo(ExitCode.CYCLE_FAILED);
    Map<String, Object> doc = json(r);
    assertThat(doc.get("task_id")).isEqualTo(currentTask().get("id")).isNotNull();
    assertThat(doc.get("success")).isEqualTo(false);
    Map<?, ?> error = (Map<?, ?>) doc.get("error");
    assertThat(error.get("kind")).isEqualTo("cycle_failed");
    assertThat((String) error.get("message")).isNotBlank().isEqualTo(doc.get("summary"));
    assertThat(doc.get("audit_passed")).isEqualTo(false);
  }
}
