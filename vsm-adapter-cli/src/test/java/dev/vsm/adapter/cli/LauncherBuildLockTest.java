package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./vsm} launcher, run by bash in a copy of the project's layout, with stand-ins for
 * {@code mvn} (a build that takes a second and fails when another build runs in the same tree, as
 * two Maven builds writing one {@code target/} do) and for {@code java} (prints "ran").
 */
class LauncherBuildLockTest {

  @TempDir Path tree;
  private Path builds;

  @BeforeEach
  void setUp() throws IOException {
    LauncherTrees.copyLauncher(tree);
    Files.writeString(tree.resolve("pom.xml"), "<project/>");
    Files.createDirectories(tree.resolve("vsm-adapter-cli/src/main/java"));
    Files.writeString(tree.resolve("vsm-adapter-cli/pom.xml"), "<project/>");
    Files.writeString(tree.resolve("vsm-adapter-cli/src/main/java/Changed.java"), "class C {}");
    builds = tree.resolve("builds.log");
    LauncherTrees.script(
        tree.resolve("fake/bin/mvn"),
        """
        #!/bin/sh
        echo build >> "$BUILDS"
        mkdir .building 2>/dev/null || { echo "another build is running in this tree" >&2; exit 1; }
        sleep 1
        mkdir -p vsm-adapter-cli/target && echo jar > vsm-adapter-cli/target/vsm.jar
        rmdir .building
        """);
    LauncherTrees.script(tree.resolve("fake/jdk/bin/java"), "#!/bin/sh\necho ran\n");
  }

  private Process launch() throws IOException {
    ProcessBuilder pb =
        new ProcessBuilder("bash", tree.resolve("vsm").toString(), "state")
            .directory(tree.toFile());
    pb.environment().put("PATH", tree.resolve("fake/bin") + ":/usr/bin:/bin");
    pb.environment().put("JAVA_HOME", tree.resolve("fake/jdk").toString());
    pb.environment().put("BUILDS", builds.toString());
    return pb.start();
  }

  @Test
  void six_launches_after_a_source_change_build_once_and_all_run() throws Exception {
    List<Process> launches = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      launches.add(launch());
    }

    for (Process p : launches) {
      String out = new String(p.getInputStream().readAllBytes());
      String err = new String(p.getErrorStream().readAllBytes());
      assertThat(p.waitFor()).as(err).isZero();
      assertThat(out).isEqualTo("ran\n");
    }
    assertThat(Files.readAllLines(builds)).containsExactly("build");
  }

  @Test
  void a_fresh_jar_is_not_rebuilt() throws Exception {
    Process first = launch();
    assertThat(first.waitFor()).isZero();

    Process second = launch();
    String err = new String(second.getErrorStream().readAllBytes());

    assertThat(second.waitFor()).isZero();
    assertThat(err).doesNotContain("building", "waiting");
    assertThat(Files.readAllLines(builds)).containsExactly("build");
  }
}
