package dev.vsm.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The install the README describes: unpack an archive built by {@code mvn package} into a directory
 * whose path has a space, put its {@code bin} on PATH, and use vsm from a project elsewhere — with
 * no Maven (a {@code mvn} on PATH that records being called) and the scripted {@code claude}.
 */
class InstallIT {

  @TempDir Path tmp;
  private Path project;
  private Path home;
  private Path mavenCalled;
  private FakeClaude claude;
  private Path tools;

  record Result(int code, String out, String err) {}

  @BeforeEach
  void setUp() throws IOException {
    project = Files.createDirectories(tmp.resolve("my project"));
    home = Files.createDirectories(tmp.resolve("home"));
    claude = FakeClaude.installIn(tmp.resolve("fake claude"));
    tools = Files.createDirectories(tmp.resolve("tools"));
    mavenCalled = tmp.resolve("maven-was-called");
    Path mvn = tools.resolve("mvn");
    Files.writeString(mvn, "#!/bin/sh\ntouch '" + mavenCalled + "'\nexit 1\n");
    mvn.toFile().setExecutable(true);
  }

  private Path unpack(String format) throws Exception {
    String name = System.getProperty("vsm.dist.name");
    Path archive = Path.of(System.getProperty("vsm.archives"), name + "." + format);
    assertThat(archive).isRegularFile();
    Path root = Files.createDirectories(tmp.resolve("Program Files"));
    List<String> command =
        format.equals("zip")
            ? List.of("unzip", "-q", archive.toString(), "-d", root.toString())
            : List.of("tar", "-xzf", archive.toString(), "-C", root.toString());
    Process p = new ProcessBuilder(command).inheritIO().start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("unpacking %s", archive).isZero();
    return root.resolve(name);
  }

  /** Runs {@code args} as a shell does, the program looked up on {@code path}. */
  private Result run(Path cwd, String path, String... args) throws Exception {
    return run(Map.of(), cwd, path, args);
  }

  private Result run(Map<String, String> extra, Path cwd, String path, String... args)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/bash", "-c", "exec \"$0\" \"$@\""));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(cwd.toFile());
    Map<String, String> env = pb.environment();
    env.keySet().removeIf(k -> k.startsWith("VSM_") || k.startsWith("CLAUDE_"));
    env.remove("XDG_CACHE_HOME");
    env.put("PATH", path);
    env.put("HOME", home.toString());
    env.put("JAVA_HOME", System.getProperty("java.home"));
    if (extra.keySet().stream().anyMatch(k -> k.equals("LANG") || k.startsWith("LC_"))) {
      env.keySet().removeIf(k -> k.equals("LANG") || k.startsWith("LC_"));
    }
    env.putAll(extra);
    Process p = pb.start();
    p.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    return new Result(p.exitValue(), out.get(), err.get());
  }

  /** A cycle of {@code task} with the scripted {@code claude}, which must succeed. */
  private Result cycle(Map<String, String> extra, Path cwd, String path, String task)
      throws Exception {
    Result cycle =
        run(
            extra,
            cwd,
            path,
            "vsm",
            "run",
            "--claude-command",
            claude.command().toString(),
            "--no-progress",
            task);
    assertThat(cycle.code()).as(cycle.out() + cycle.err()).isZero();
    return cycle;
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * In the C locale (a container or CI job with no LANG), or where the UTF-8 locale named is
   * missing, Java reads arguments, the environment and file names as ASCII: the launcher runs it in
   * C.UTF-8 so a task's characters reach the answer, the state and the log as they were typed, from
   * a project whose path is not ASCII either.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "LC_ALL=C",
        "LANG=C",
        "LANG=",
        "LC_ALL=POSIX",
        "LANG=xx_XX.UTF-8",
        "LC_ALL=xx_XX.utf8"
      })
  void a_task_typed_without_a_working_utf8_locale_keeps_every_character(String locale)
      throws Exception {
    Path install = unpack("tar.gz");
    String path = install.resolve("bin") + ":" + tools + ":/usr/bin:/bin";
    Map<String, String> c = Map.of(locale.split("=", -1)[0], locale.split("=", -1)[1]);
    Path naive = Files.createDirectories(tmp.resolve("projé ✓"));
    String task = "Add naïve Bayes ranking — ünïcode ✓ 🚀";

    Result analyze = run(c, naive, path, "vsm", "analyze", "--json", task);
    assertThat(analyze.code()).as(analyze.err()).isZero();
    assertThat(analyze.out()).contains("\"task\": \"" + task + "\"");

    cycle(c, naive, path, task);
    assertThat(naive.resolve(".claude/vsm-state/current-task.json"))
        .content(StandardCharsets.UTF_8)
        .contains("\"" + task + "\"");
    assertThat(naive.resolve(".claude/vsm-state/execution-log.jsonl"))
        .content(StandardCharsets.UTF_8)
        .contains("\"" + task + "\"");

    Result state = run(c, tmp, path, "vsm", "-d", naive.toString(), "state");
    assertThat(state.code()).as(state.err()).isZero();
    assertThat(state.out()).contains("Description: " + task);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tar.gz", "zip"})
  void the_unpacked_archive_runs_vsm_from_any_directory_without_maven(String format)
      throws Exception {
    Path install = unpack(format);
    assertThat(install.resolve("bin/vsm")).isExecutable();
    assertThat(install.resolve("lib/vsm.jar")).isRegularFile();
    String name = install.getFileName().toString();
    assertThat(install.resolve("README.md"))
        .as("the README's install lines name this archive")
        .content()
        .contains("tar -xzf " + name + ".tar.gz")
        .contains(name + "/bin:$PATH");
    assertThat(install.resolve("LICENSE")).content().startsWith("MIT License");
    assertThat(install.resolve("THIRD-PARTY-NOTICES.txt"))
        .content()
        .contains("picocli", "PostgreSQL JDBC Driver", "Apache License");
    assertThat(install.resolve("completion/vsm.bash"))
        .content()
        .contains("complete ")
        .contains("bashcompinit");
    assertThat(install.resolve("man/man1/vsm.1")).content().contains(".TH ");
    assertThat(install.resolve("man/man1/vsm-run.1")).content().contains("claude\\-command");
    String path = install.resolve("bin") + ":" + tools + ":/usr/bin:/bin";

    Result version = run(project, path, "vsm", "version");
    assertThat(version.code()).as(version.err()).isZero();
    assertThat(version.out()).contains("0.1.0");

    Result analyze = run(project, path, "vsm", "analyze", "--json", "Implement OAuth2 login");
    assertThat(analyze.code()).as(analyze.err()).isZero();
    assertThat(analyze.out()).contains("\"complexity\": \"complex\"");

    Result cycle = cycle(Map.of(), project, path, "Add input validation to the login form");
    assertThat(cycle.out()).contains("VSM Cycle Complete: SUCCESS");
    assertThat(project.resolve(".claude/vsm-state/current-task.json")).isRegularFile();

    Path links = Files.createDirectories(tmp.resolve("links dir"));
    Path link = Files.createSymbolicLink(links.resolve("vsm"), install.resolve("bin/vsm"));
    Result state =
        run(tmp, tools + ":/usr/bin:/bin", link.toString(), "-d", project.toString(), "state");
    assertThat(state.code()).as(state.err()).isZero();
    assertThat(state.out()).contains("completed");

    // The archive is not only made but used: the entry point comes out of it, not out of the jar
    // (Java 17 ignored it for a jar whose path has a space, as this install's has).
    Path classes = tmp.resolve("classes.txt");
    Result traced =
        run(
            Map.of("JAVA_TOOL_OPTIONS", "-Xlog:class+load:file=" + classes),
            project,
            path,
            "vsm",
            "state");
    assertThat(traced.code()).as(traced.err()).isZero();
    assertThat(classes)
        .content()
        .containsPattern("dev\\.vsm\\.adapter\\.cli\\.Main source: shared objects file");

    assertThat(mavenCalled).as("bin/vsm never calls Maven").doesNotExist();
    try (Stream<Path> cached = Files.walk(home.resolve(".cache/vsm"))) {
      assertThat(cached.filter(p -> p.getFileName().toString().equals("vsm.start")))
          .as("the start-up archive is made in the user's cache, and used")
          .singleElement()
          .satisfies(
              start ->
                  assertThat(start).content().containsPattern("-XX:(SharedArchiveFile|AOTCache)="));
    }
  }
}
