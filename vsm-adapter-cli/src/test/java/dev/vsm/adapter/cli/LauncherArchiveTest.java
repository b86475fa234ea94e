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
    // sources, then the jar built from them, a while ago: the launcher does not build
    FileTime sources = FileTime.from(Instant.now().minusSeconds(120));
    for (Path source :
        List.of(
            tree.resolve("pom.xml"),
            tree.resolve("vsm-adapter-cli/pom.xml"),
            tree.resolve("vsm-adapter-cli/src/main/java/Main.java"))) {
      Files.createDirectories(source.getParent());
      Files.setLastModifiedTime(Files.writeString(source, "<project/>"), sources);
    }
    Files.setLastModifiedTime(tree.resolve("vsm-adapter-cli/src/main/java"), sources);
    target = Files.createDirectories(tree.resolve("vsm-adapter-cli/target"));
    Path jar = Files.writeString(target.resolve("vsm.jar"), "jar");
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
    runs = tree.resolve("runs.log");
    for (String version : List.of("17.0.15", "25.0.3")) {
      LauncherTrees.script(
          tree.resolve("jdk-" + version + "/bin/java"),
          """
          #!/bin/sh
          for a in "$@"; do
            case "$a" in
              -version) echo 'openjdk version "%s" 2026-04-21' >&2; exit 0 ;;
              -Xshare:dump) dump=1 ;;
              -XX:AOTCacheOutput=*) echo "$VSM_CDS_TRAINING" > "${a#*=}" ;;
              -XX:DumpLoadedClassList=*) echo "$VSM_CDS_TRAINING" > "${a#*=}" ;;
              -XX:SharedArchiveFile=*) [ -n "$dump" ] && echo archive > "${a#*=}" ;;
            esac
          done
          echo "$*" >> "$RUNS"
          """
              .formatted(version));
    }
  }

  /** Runs the launcher with {@code args} under the given Java; returns java's arguments. */
  private String launch(String version, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("bash", tree.resolve("vsm").toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tree.toFile());
    pb.environment().put("PATH", "/usr/bin:/bin");
    pb.environment().put("JAVA_HOME", tree.resolve("jdk-" + version).toString());
    pb.environment().put("RUNS", runs.toString());
    pb.redirectErrorStream(true);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    List<String> lines = Files.readAllLines(runs);
    return lines.get(lines.size() - 1);
  }

  @Test
  void on_java_25_the_short_commands_and_the_others_start_with_a_cache_of_their_own()
      throws Exception {
    String shortCache = "-XX:AOTCache=" + target.resolve("vsm.aot");
    String allCache = "-XX:AOTCache=" + target.resolve("vsm-all.aot");

    assertThat(launch("25.0.3", "state")).contains(shortCache).doesNotContain(allCache);

    assertThat(target.resolve("vsm.aot")).content().isEqualToIgnoringNewLines("short");
    assertThat(target.resolve("vsm-all.aot")).content().isEqualToIgnoringNewLines("all");
    assertThat(target.resolve("vsm.jsa")).doesNotExist();
    for (String[] args :
        List.of(
            new String[] {"-d", "log", "log", "-n", "5"},
            new String[] {"tasks", "--json"},
            new String[] {"analyze", "Fix typo"},
            new String[] {"--version"},
            new String[] {"hook", "post-tool-use"},
            new String[] {"-d", ".", "--state"},
            new String[] {"--analyze", "--json"})) {
      assertThat(launch("25.0.3", args)).as(String.join(" ", args)).contains(shortCache);
    }
    for (String[] args :
        List.of(
            new String[] {"Add a login form"},
            new String[] {"-d", ".", "--claude-command", "state", "Add a login form"},
            new String[] {"run", "--model", "opus", "Fix the log"},
            new String[] {"plan", "Add tests"},
            new String[] {"doctor"})) {
      assertThat(launch("25.0.3", args)).as(String.join(" ", args)).contains(allCache);
    }
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
  }
}
