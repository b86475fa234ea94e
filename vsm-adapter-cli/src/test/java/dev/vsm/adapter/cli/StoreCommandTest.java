package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.postgres.testing.LocalPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --store}, {@code VSM_STORE} and {@code vsm store}, in-process: choices and mistakes. */
class StoreCommandTest {

  @TempDir Path dir;

  private InProcessVsm vsm() {
    return new InProcessVsm(dir);
  }

  @Test
  void migrate_creates_the_tables_once() {
    String url = LocalPostgres.shared().freshDatabase();

    InProcessVsm.Run first = vsm().run("--store", url, "store", "migrate");
    assertThat(first.code()).as(first.err()).isZero();
    assertThat(first.out()).isEqualTo("Applied schema versions 1, 2, 3, 4.\n");
    assertThat(vsm().env("VSM_STORE", url).run("store", "migrate").out())
        .isEqualTo("The team store's schema is up to date.\n");
  }

  @Test
  void the_store_commands_need_a_team_store_and_a_command() {
    InProcessVsm.Run none = vsm().run("store", "import");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err())
        .contains("no team store given")
        .contains("--store")
        .contains("VSM_STORE");
    InProcessVsm.Run bare = vsm().run("store");
    assertThat(bare.code()).isEqualTo(2);
    assertThat(bare.err()).contains("migrate, import or export");
    assertThat(
            vsm().run("--store", "postgresql://u@h/d", "store", "import", "--from", "/nope").err())
        .contains("/nope is not a directory");
  }

  @Test
  void a_store_that_is_not_a_postgresql_url_is_a_usage_error_naming_where_it_came_from() {
    InProcessVsm.Run option = vsm().run("--store", "mysql://u:hunter2@h/d", "state");
    assertThat(option.code()).isEqualTo(2);
    assertThat(option.err()).contains("--store takes a PostgreSQL URL").doesNotContain("hunter2");

    InProcessVsm.Run variable = vsm().env("VSM_STORE", "/some/dir").run("state");
    assertThat(variable.code()).isEqualTo(2);
    assertThat(variable.err()).contains("VSM_STORE takes a PostgreSQL URL");

    InProcessVsm.Run port = vsm().run("--store", "postgresql://u:hunter2@h:99999/d", "log");
    assertThat(port.code()).isEqualTo(2);
    assertThat(port.err()).contains("--store: ").contains("99999").doesNotContain("hunter2");
  }

  @Test
  void commands_that_need_no_state_never_touch_the_store() {
    InProcessVsm.Run r =
        vsm().env("VSM_STORE", "nonsense").run("analyze", "--json", "Fix typo in README");
    assertThat(r.code()).as(r.err()).isZero();
  }

  /** The doctor's check of the store: its mark and its line. */
  private String doctorsStoreLine(InProcessVsm.Run r) {
    return r.out()
        .lines()
        .filter(l -> l.contains(" team store: ") || l.contains(" state directory: "))
        .findFirst()
        .orElseThrow(() -> new AssertionError(r.out() + r.err()));
  }

  @Test
  void doctor_checks_the_team_store_instead_of_the_state_directory() throws Exception {
    String url = LocalPostgres.shared().freshDatabase();
    String shown = url.replace(":" + LocalPostgres.shared().password() + "@", "@");

    String before = doctorsStoreLine(vsm().run("--store", url, "doctor", "--claude-command", "/x"));
    assertThat(before)
        .startsWith("- team store: " + shown + " reachable (PostgreSQL ")
        .contains("schema version 0 of 4")
        .contains("vsm store migrate");
    vsm().run("--store", url, "store", "migrate");
    assertThat(
            doctorsStoreLine(vsm().env("VSM_STORE", url).run("doctor", "--claude-command", "/x")))
        .startsWith("✓ team store: " + shown + " reachable (PostgreSQL ")
        .endsWith("schema version 4");

    int closed = LocalPostgres.freePort();
    InProcessVsm.Run down =
        vsm().run("--store", "postgresql://u:pw@127.0.0.1:" + closed + "/d", "doctor");
    assertThat(down.code()).isEqualTo(3);
    assertThat(doctorsStoreLine(down))
        .startsWith("✗ team store: postgresql://u@127.0.0.1:" + closed + "/d: ")
        .contains("is the server running");
    assertThat(doctorsStoreLine(vsm().run("doctor", "--claude-command", "/x")))
        .contains("state directory");
  }

  @Test
  void reset_names_the_team_store_it_empties_and_leaves_the_files_alone() throws Exception {
    String url = LocalPostgres.shared().freshDatabase();
    String shown = url.replace(":" + LocalPostgres.shared().password() + "@", "@");
    Path task = dir.resolve(".claude/vsm-state/current-task.json");
    java.nio.file.Files.createDirectories(task.getParent());
    java.nio.file.Files.writeString(task, "{\"id\": \"abc12345\", \"status\": \"completed\"}");

    assertThat(vsm().run("--store", url, "reset", "--yes").out())
        .isEqualTo("Nothing to reset: no state documents in the team store " + shown + "\n");
    assertThat(vsm().run("--store", url, "store", "import").code()).isZero();
    assertThat(vsm().run("--store", url, "reset", "--yes").out())
        .contains("Removed 1 state file:", "current-task in " + shown);
    assertThat(task).exists();
  }

  @Test
  void an_unreachable_store_is_an_environment_error() throws Exception {
    int closed = LocalPostgres.freePort();
    InProcessVsm.Run r =
        vsm().run("--store", "postgresql://u:pw@127.0.0.1:" + closed + "/d", "state");
    assertThat(r.code()).isEqualTo(3);
    assertThat(r.err().strip())
        .doesNotContain("\n")
        .contains("team store postgresql://u@127.0.0.1:" + closed + "/d")
        .contains("is the server running");
  }
}
