package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which start-up archive the {@code ./vsm} launcher gives java, run by bash in a copy of the
 * project's layout with a built jar and a stand-in {@code java} that says which version it is,
 * writes the archives it is asked to dump (an ahead-of-time cache holds the training's kind) and
 * records its arguments. Java 25 and newer get two caches, the short commands' and every command's;
 * older ones one archive for all.
 */
class LauncherArchiveTest {

  @TempDir Path tree;
  private Path target;
  private Path runs;

  @BeforeEach
  void setUp() throws IOException {
    LauncherTrees.copyLauncher(tree);
    // sources, then the jar built from them, a while ago: the launcher does not build (and its mvn
    // would fail if it tried)
    Path sources = tree.resolve("vsm-adapter-cli/src/main/java/Main.java");
    Files.createDirectories(sources.getParent());
    Files.writeString(sources, "class Main {}");
    Files.writeString(tree.resolve("pom.xml"), "<project/>");
    Files.writeString(tree.resolve("vsm-adapter-cli/pom.xml"), "<project/>");
    FileTime then = FileTime.from(Instant.now().minusSeconds(120));
    for (Path source :
        List.of(
            tree.resolve("pom.xml"),
            tree.resolve("vsm-adapter-cli/pom.xml"),
            tree.resolve("vsm-adapter-cli/src"),
            tree.resolve("vsm-adapter-cli/src/main"),
            tree.resolve("vsm-adapter-cli/src/main/java"),
            sources)) {
      Files.setLastModifiedTime(source, then);
    }
    target = Files.createDirectories(tree.resolve("vsm-adapter-cli/target"));
    Path jar = Files.writeString(target.resolve("vsm.jar"), "jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    runs = tree.resolve("runs.log");
    LauncherTrees.script(tree.resolve("bin/mvn"), "#!/bin/sh\necho mvn ran >&2\nexit 1\n");
    for (String version : List.of("17.0.15", "25.0.3")) {
      // FAIL_TRAINING names a training that fails; INTERRUPT_TRAINING one during which the
      // launcher gets Ctrl-C's signal.
      LauncherTrees.script(
          tree.resolve("jdk-" + version + "/bin/java"),
          """
          #!/bin/sh
          for a in "$@"; do
            case "$a" in
              -version) echo 'openjdk version "%s" 2026-04-21' >&2; exit 0 ;;
              -Xshare:dump) dump=1 ;;
            esac
          done
          if [ -n "$VSM_CDS_TRAINING" ]; then
            echo "training $VSM_CDS_TRAINING" >> "$RUNS"
            [ "$VSM_CDS_TRAINING" = "$INTERRUPT_TRAINING" ] && { kill -INT $PPID; exit 130; }
            [ "$VSM_CDS_TRAINING" = "$FAIL_TRAINING" ] && exit 1
          fi
          for a in "$@"; do
            case "$a" in
              -XX:AOTCacheOutput=*) echo "$VSM_CDS_TRAINING" > "${a#*=}" ;;
              -XX:DumpLoadedClassList=*) echo "$VSM_CDS_TRAINING" > "${a#*=}" ;;
              -XX:SharedArchiveFile=*) [ -n "$dump" ] && echo archive > "${a#*=}" ;;
            esac
          done
          [ -n "$VSM_CDS_TRAINING$dump" ] || echo "$*" >> "$RUNS"
          """
              .formatted(version));
    }
  }

  private String shortCache() {
    return "-XX:AOTCache=" + target.resolve("vsm.aot");
  }

  private String allCache() {
    return "-XX:AOTCache=" + target.resolve("vsm-all.aot");
  }

  /** Runs the launcher with {@code args}; returns its exit code and what it printed. */
  private Process start(Map<String, String> env, String version, String... args)
      throws IOException {
    List<String> command = new ArrayList<>(List.of("bash", tree.resolve("vsm").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tree.toFile());
    pb.environment().put("PATH", tree.resolve("bin") + ":/usr/bin:/bin");
    pb.environment().put("JAVA_HOME", tree.resolve("jdk-" + version).toString());
    pb.environment().put("RUNS", runs.toString());
    pb.environment().putAll(env);
    pb.redirectErrorStream(true);
    return pb.start();
  }

  /** Runs the launcher with {@code args} under the given Java; returns java's arguments. */
  private String launch(Map<String, String> env, String version, String... args) throws Exception {
    Process p = start(env, version, args);
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).doesNotContain("building", "mvn ran");
    List<String> lines = Files.readAllLines(runs);
    return lines.get(lines.size() - 1);
  }

  private String launch(String version, String... args) throws Exception {
    return launch(Map.of(), version, args);
  }

  private List<String> trainings() throws IOException {
    return Files.readAllLines(runs).stream().filter(l -> l.startsWith("training")).toList();
  }

  @Test
  void on_java_25_the_short_commands_and_the_others_start_with_a_cache_of_their_own()
      throws Exception {
    assertThat(launch("25.0.3", "state")).contains(shortCache()).doesNotContain(allCache());

    assertThat(target.resolve("vsm.aot")).content().isEqualToIgnoringNewLines("short");
    assertThat(target.resolve("vsm-all.aot")).content().isEqualToIgnoringNewLines("all");
    assertThat(target.resolve("vsm.jsa")).doesNotExist();
    for (String[] args :
        List.of(
            new String[] {"-d", "log", "log", "-n", "5"},
            new String[] {"--dir", "/x", "log"},
            new String[] {"--store", "postgresql://db/vsm", "state"},
            new String[] {"--task", "1234abcd", "--log"},
            new String[] {"tasks", "--json"},
            new String[] {"analyze", "Fix typo"},
            new String[] {"analyse", "Fix typo"},
            new String[] {"--version"},
            new String[] {"hook", "post-tool-use"},
            new String[] {"-d", ".", "--state"},
            new String[] {"--analyze", "--json"})) {
      assertThat(launch("25.0.3", args)).as(String.join(" ", args)).contains(shortCache());
    }
    for (String[] args :
        List.of(
            new String[] {"Add a login form"},
            new String[] {"-d", ".", "--claude-command", "state", "Add a login form"},
            new String[] {"--dir", "state", "Add a login form"},
            new String[] {"--", "state"},
            new String[] {"run", "--model", "opus", "Fix the log"},
            new String[] {"plan", "Add tests"},
            new String[] {"doctor"})) {
      assertThat(launch("25.0.3", args)).as(String.join(" ", args)).contains(allCache());
    }
    assertThat(trainings()).containsExactly("training short", "training all");
  }

  @Test
  void before_java_25_one_archive_serves_every_command_and_the_second_cache_goes()
      throws Exception {
    launch("25.0.3", "state");
    assertThat(target.resolve("vsm-all.start")).exists();

    String archive = "-XX:SharedArchiveFile=" + target.resolve("vsm.jsa");
    assertThat(launch("17.0.15", "state")).contains(archive).doesNotContain("AOTCache");
    assertThat(launch("17.0.15", "Add a login form")).contains(archive).doesNotContain("AOTCache");

    assertThat(target.resolve("vsm.jsa")).content().isEqualToIgnoringNewLines("archive");
    assertThat(target.resolve("vsm-all.start")).doesNotExist();
    assertThat(target.resolve("vsm-all.aot")).doesNotExist();
    assertThat(target.resolve("vsm.aot")).doesNotExist();
    assertThat(trainings()).containsExactly("training short", "training all", "training all");
  }

  @Test
  void a_short_commands_cache_left_by_an_older_vsm_gets_its_companion() throws Exception {
    launch("25.0.3", "state");
    Files.delete(target.resolve("vsm-all.start")); // as an older vsm left it
    Files.delete(target.resolve("vsm-all.aot"));

    assertThat(launch("25.0.3", "Add a login form")).contains(allCache());
    assertThat(launch("25.0.3", "state")).contains(shortCache());
    assertThat(trainings()).hasSize(4);
  }

  @Test
  void a_failed_training_of_every_command_leaves_the_others_the_short_commands_cache()
      throws Exception {
    Map<String, String> failing = Map.of("FAIL_TRAINING", "all");

    assertThat(launch(failing, "25.0.3", "Add a login form")).contains(shortCache());

    assertThat(target.resolve("vsm-all.aot")).doesNotExist();
    assertThat(launch("25.0.3", "Add a login form")).contains(shortCache());
    assertThat(trainings()).as("the failure is kept, not retried").hasSize(2);
  }

  @Test
  void ctrl_c_during_a_training_leaves_no_lock_and_no_record_so_the_next_start_makes_it()
      throws Exception {
    Process interrupted = start(Map.of("INTERRUPT_TRAINING", "all"), "25.0.3", "state");
    interrupted.getInputStream().readAllBytes();

    assertThat(interrupted.waitFor()).isEqualTo(130);
    assertThat(target.resolve("vsm.start.lock")).doesNotExist();
    assertThat(target.resolve("vsm.start")).doesNotExist();
    assertThat(target.resolve("vsm-all.start")).doesNotExist();
    assertThat(launch("25.0.3", "Add a login form")).contains(allCache());
    assertThat(launch("25.0.3", "state")).contains(shortCache());
  }
}
