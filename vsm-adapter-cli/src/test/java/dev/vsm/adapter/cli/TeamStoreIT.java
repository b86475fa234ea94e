package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import dev.vsm.adapter.postgres.PostgresAdapters;
import dev.vsm.adapter.postgres.PostgresStore;
import dev.vsm.adapter.postgres.testing.LocalPostgres;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.library.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged {@code vsm.jar} against a real PostgreSQL server as the team store: cycles, the read
 * commands, moving history in and out, and credentials that never show.
 */
class TeamStoreIT {

  private static final LocalPostgres PG = LocalPostgres.shared();

  @TempDir Path tmp;
  private Path project;
  private String path;
  private String store;

  @BeforeEach
  void setUp() throws IOException {
    project = Files.createDirectories(tmp.resolve("project"));
    path = FakeClaude.installIn(tmp.resolve("bin")).directory() + ":/usr/bin:/bin";
    store = PG.freshDatabase();
  }

  private PackagedVsm.Result vsmIn(Path cwd, Map<String, String> env, String... args)
      throws Exception {
    ProcessBuilder pb = PackagedVsm.builder(cwd, List.of(args));
    pb.environment().put("PATH", path);
    pb.environment().remove("VSM_STORE");
    pb.environment().putAll(env);
    return PackagedVsm.run(pb, 120);
  }

  private PackagedVsm.Result vsm(String... args) throws Exception {
    return vsmIn(project, Map.of(), args);
  }

  private static Map<?, ?> json(String text) {
    return JsonMapper.builder().build().readValue(text, Map.class);
  }

  private static String taskId(PackagedVsm.Result run) {
    return run.out()
        .lines()
        .filter(l -> l.startsWith("Task ID: "))
        .findFirst()
        .orElseThrow()
        .substring(9);
  }

  @Test
  void cycles_and_the_read_commands_use_the_team_store_and_leave_no_state_files() throws Exception {
    PackagedVsm.Result run = vsm("--store", store, "run", "--medium", "Add input validation");
    assertThat(run.code()).as(run.err()).isZero();
    String task = taskId(run);

    assertThat(project.resolve(".claude/vsm-state")).doesNotExist();
    Map<?, ?> state = json(vsm("state", "--json", "--store", store).out());
    assertThat(((Map<?, ?>) state.get("current_task")).get("id")).isEqualTo(task);
    assertThat(((Map<?, ?>) state.get("current_task")).get("status")).isEqualTo("completed");
    assertThat(vsm("--store", store, "log", "--task", task).out())
        .contains("task_started", "Task " + task + ": completed");
    // VSM_STORE does the same for every command, the Python-compatible quick forms included.
    PackagedVsm.Result quick = vsmIn(project, Map.of("VSM_STORE", store), "--state");
    assertThat(quick.out()).contains("Status: completed", "Completion Rate: 100.00%");
    assertThat(vsmIn(project, Map.of("VSM_STORE", store), "--log", "--task", task).out())
        .contains("Task " + task + ": completed");
    assertThat(project.resolve(".claude/vsm-state")).doesNotExist();
  }

  @Test
  void tasks_lists_the_same_history_from_the_team_store_as_from_the_files() throws Exception {
    assertThat(vsm("run", "--medium", "Add input validation").code()).isZero();
    assertThat(vsm("run", "Fix typo in README").code()).isZero();
    assertThat(vsm("--store", store, "store", "import").code()).isZero();

    for (List<String> args : List.of(List.of("tasks"), List.of("tasks", "--json"))) {
      PackagedVsm.Result files = vsm(args.toArray(String[]::new));
      List<String> withStore = new java.util.ArrayList<>(List.of("--store", store));
      withStore.addAll(args);
      PackagedVsm.Result team = vsm(withStore.toArray(String[]::new));
      assertThat(team.code()).as(team.err()).isZero();
      assertThat(team.out()).as(args.toString()).isEqualTo(files.out());
    }
    assertThat(vsm("--store", store, "tasks").out())
        .contains("2 tasks: 2 completed, 0 failed, 0 in progress");

    // A cycle the team store records itself joins the list, with its S1 agents and its end.
    int inFiles = filesLog(project).size();
    String task = taskId(vsm("--store", store, "run", "--medium", "Add a logout button"));
    Map<?, ?> listed = json(vsm("--store", store, "tasks", "--json").out());
    List<?> tasks = (List<?>) listed.get("tasks");
    assertThat(tasks).hasSize(3);
    Map<?, ?> last = (Map<?, ?>) tasks.get(2);
    assertThat(last.get("task_id")).isEqualTo(task);
    assertThat(last.get("status")).isEqualTo("completed");
    assertThat(last.get("complexity")).isEqualTo("medium");
    assertThat((List<?>) last.get("agents"))
        .isNotEmpty()
        .allMatch(a -> !a.toString().startsWith("system"));
    assertThat(last.get("duration_ms")).isNotNull();
    assertThat(((Map<?, ?>) listed.get("totals")).get("completed")).isEqualTo(3);
    assertThat(filesLog(project)).as("the files' log is left as it was").hasSize(inFiles);
  }

  @Test
  void a_wrong_password_is_an_environment_error_that_never_shows_the_password() throws Exception {
    String wrong = "NotThePassword" + System.nanoTime();
    String url =
        "postgresql://" + LocalPostgres.USER + ":" + wrong + "@127.0.0.1:" + PG.port() + "/x";

    for (List<String> args :
        List.of(
            List.of("--store", url, "state"),
            List.of("-v", "--store", url, "run", "Add a login feature"),
            List.of("--store", url, "state", "--json"))) {
      PackagedVsm.Result r = vsm(args.toArray(String[]::new));
      assertThat(r.code()).as(args.toString()).isEqualTo(3);
      assertThat(r.err())
          .as(args.toString())
          .contains("team store postgresql://" + LocalPostgres.USER + "@127.0.0.1:")
          .contains("check the user and password")
          .doesNotContain(wrong);
      assertThat(r.out()).doesNotContain(wrong);
    }
    PackagedVsm.Result env = vsmIn(project, Map.of("VSM_STORE", url), "--state");
    assertThat(env.code()).isEqualTo(3);
    assertThat(env.err() + env.out()).doesNotContain(wrong);
  }

  @Test
  void the_right_password_is_never_printed_logged_or_stored() throws Exception {
    String password = PG.password();
    assertThat(store).contains(":" + password + "@");
    StringBuilder said = new StringBuilder();
    for (List<String> args :
        List.of(
            List.of("--store", store, "store", "migrate"),
            List.of("-v", "--store", store, "run", "--medium", "Add input validation"),
            List.of("-v", "run", "--medium", "Add a login form"),
            List.of("--store", store, "store", "import"),
            List.of("--store", store, "store", "export", "--to", tmp.resolve("out").toString()),
            List.of("--store", store, "doctor", "--claude-command", "/x"),
            List.of("--store", store, "state", "--json"),
            List.of("--store", store, "log", "-n", "100"),
            List.of("--store", store, "tasks"),
            List.of("--store", store, "reset", "--yes"))) {
      PackagedVsm.Result r = vsm(args.toArray(String[]::new));
      said.append(r.out()).append(r.err());
    }
    // Through VSM_STORE, and with the password in PGPASSWORD instead of the URL.
    said.append(vsmIn(project, Map.of("VSM_STORE", store), "-v", "state").err());
    said.append(
        vsmIn(
                project,
                Map.of("PGPASSWORD", password),
                "--store",
                PG.urlWithoutPassword(store.substring(store.lastIndexOf('/') + 1)),
                "doctor",
                "--claude-command",
                "/x")
            .out());

    assertThat(said.toString())
        .as("what the commands printed")
        .contains("postgresql://" + LocalPostgres.USER + "@127.0.0.1:", "reachable")
        .doesNotContain(password);
    assertThat(storeLog()).isNotEmpty().noneMatch(e -> e.toString().contains(password));
    try (var files = Files.walk(tmp)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertThat(Files.readString(f)).as(f.toString()).doesNotContain(password);
      }
    }
  }

  /** The team store's log, read in-process. */
  private List<LogEntry> storeLog() {
    try (PostgresStore pg = PostgresAdapters.open(store, Map.of(), Clock.systemUTC(), m -> {})) {
      return pg.executionLog("test").readAll();
    }
  }

  /** The log of {@code dir}'s state files, read in-process. */
  private static List<LogEntry> filesLog(Path dir) {
    return Store.files(dir, m -> {}).executionLog("test").readAll();
  }

  @Test
  void a_log_that_grew_since_its_import_moves_only_its_new_entries() throws Exception {
    assertThat(vsm("run", "--medium", "Add input validation").code()).isZero();
    int first = filesLog(project).size();
    assertThat(vsm("--store", store, "store", "import").out())
        .contains("log: " + first + " entries\n");

    assertThat(vsm("run", "--medium", "Add a login form").code()).isZero();
    int both = filesLog(project).size();
    assertThat(both).isGreaterThan(first);
    assertThat(vsm("--store", store, "store", "import").out())
        .contains("log: " + (both - first) + " entries (" + first + " already there)\n");
    assertThat(storeLog()).isEqualTo(filesLog(project));

    assertThat(vsm("--store", store, "store", "import").out())
        .contains("log: nothing new (" + both + " entries already there)\n");
    assertThat(storeLog()).hasSize(both);
  }

  @Test
  void a_team_log_that_grew_since_its_export_moves_only_its_new_entries() throws Exception {
    Path backup = Files.createDirectories(tmp.resolve("backup"));
    assertThat(vsm("--store", store, "run", "--medium", "Add input validation").code()).isZero();
    int first = storeLog().size();
    assertThat(vsm("--store", store, "store", "export", "--to", backup.toString()).out())
        .contains("log: " + first + " entries\n");

    assertThat(vsm("--store", store, "run", "--medium", "Add a login form").code()).isZero();
    int both = storeLog().size();
    assertThat(both).isGreaterThan(first);
    assertThat(vsm("--store", store, "store", "export", "--to", backup.toString()).out())
        .contains("log: " + (both - first) + " entries (" + first + " already there)\n");
    assertThat(filesLog(backup)).isEqualTo(storeLog());

    assertThat(vsm("--store", store, "store", "export", "--to", backup.toString()).out())
        .contains("log: nothing new (" + both + " entries already there)\n");
    assertThat(filesLog(backup)).hasSize(both);
  }

  @Test
  void a_directorys_history_moves_into_the_team_store_once_and_back_out_as_state_files()
      throws Exception {
    PackagedVsm.Result run = vsm("run", "--medium", "Add input validation");
    assertThat(run.code()).as(run.err()).isZero();
    String task = taskId(run);
    Path files = project.resolve(".claude/vsm-state");
    long lines = Files.readAllLines(files.resolve("execution-log.jsonl")).size();

    PackagedVsm.Result in = vsm("--store", store, "store", "import");
    assertThat(in.code()).as(in.err()).isZero();
    assertThat(in.out())
        .contains("Imported from " + files + " into postgresql://")
        .contains("log: " + lines + " entries")
        .contains("current task", "viability metrics", "agent registry", "S3 allocation");
    assertThat(vsm("--store", store, "log", "--task", task).out())
        .contains("Task " + task + ": completed");
    assertThat(vsm("--store", store, "store", "import").out())
        .contains("log: nothing new (" + lines + " entries already there)")
        .contains("kept the target's (--replace overwrites): current task");

    Path elsewhere = Files.createDirectories(tmp.resolve("backup"));
    PackagedVsm.Result out = vsm("--store", store, "store", "export", "--to", elsewhere.toString());
    assertThat(out.code()).as(out.err()).isZero();
    assertThat(out.out()).contains("log: " + lines + " entries");
    Path exported = elsewhere.resolve(".claude/vsm-state");
    assertThat(Files.readAllLines(exported.resolve("execution-log.jsonl"))).hasSize((int) lines);
    for (String name :
        List.of(
            "current-task.json",
            "viability-metrics.json",
            "agent-registry.json",
            "s3-allocations.json")) {
      assertThat(json(Files.readString(exported.resolve(name))))
          .as(name)
          .isEqualTo(json(Files.readString(files.resolve(name))));
    }
    assertThat(vsmIn(elsewhere, Map.of(), "--log", "--task", task).out())
        .isEqualTo(vsm("--log", "--task", task).out());
  }
}
