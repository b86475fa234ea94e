package dev.vsm.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.adapter.claude.FakeClaude;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Java API" section, as a user would take it: its Java block is compiled as it stands
 * and run as a program against the scripted Claude Code CLI, and the coordinates it names are this
 * build's.
 */
class ReadmeExampleTest {

  @TempDir Path tmp;

  private static String section() throws IOException {
    String readme =
        Files.readString(Path.of(System.getProperty("vsm.readme")), StandardCharsets.UTF_8);
    int start = readme.indexOf("\n## Java API\n");
    assertThat(start).as("README has a '## Java API' section").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    return readme.substring(start, end < 0 ? readme.length() : end);
  }

  private static String block(String section, String language) {
    Matcher m = Pattern.compile("```" + language + "\n(.*?)```", Pattern.DOTALL).matcher(section);
    assertThat(m.find()).as("a ```%s block in the Java API section", language).isTrue();
    return m.group(1);
  }

  @Test
  void the_example_compiles_and_runs_a_cycle_against_the_scripted_claude() throws Exception {
    String source = block(section(), "java");
    Matcher name = Pattern.compile("public class (\\w+)").matcher(source);
    assertThat(name.find()).as("the example is a public class").isTrue();
    Path src = Files.createDirectories(tmp.resolve("src"));
    Path classes = Files.createDirectories(tmp.resolve("classes"));
    Path file = Files.writeString(src.resolve(name.group(1) + ".java"), source);
    String classpath = System.getProperty("java.class.path");

    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter errors = new StringWriter();
    boolean compiled =
        javac
            .getTask(
                errors,
                null,
                null,
                List.of("-cp", classpath, "-d", classes.toString(), "--release", "17"),
                null,
                javac
                    .getStandardFileManager(null, null, StandardCharsets.UTF_8)
                    .getJavaFileObjects(file))
            .call();
    assertThat(compiled).as(errors.toString()).isTrue();

    Path project = Files.createDirectories(tmp.resolve("my project"));
    FakeClaude claude = FakeClaude.installIn(tmp.resolve("claude"));
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classes + File.pathSeparator + classpath,
                name.group(1),
                project.toString())
            .redirectErrorStream(true);
    pb.environment().put("VSM_CLAUDE_COMMAND", claude.command().toString());
    pb.environment().remove("CLAUDE_SESSION_ID");
    Process p = pb.start();
    p.getOutputStream().close();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();

    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out)
        .contains("complexity: MEDIUM")
        .contains("Completed with")
        .contains("log: completed")
        .contains("completion rate: 1.0");
    assertThat(project.resolve(".claude/vsm-state/execution-log.jsonl")).isRegularFile();
  }

  @Test
  void the_coordinates_the_readme_names_are_this_builds() throws IOException {
    String xml = block(section(), "xml");

    assertThat(xml)
        .contains("<groupId>dev.vsm</groupId>")
        .contains("<artifactId>vsm-library</artifactId>")
        .contains("<version>" + System.getProperty("vsm.version") + "</version>");
  }

  @Test
  void every_builder_method_the_readme_names_exists() throws IOException {
    List<String> named = new java.util.ArrayList<>();
    for (String line : section().split("\n")) {
      if (line.startsWith("| `")) {
        Matcher m =
            Pattern.compile("`(\\w+)[(`]").matcher(line.substring(0, line.indexOf(" |", 2)));
        while (m.find()) {
          named.add(m.group(1));
        }
      }
    }
    List<String> methods =
        java.util.Arrays.stream(Vsm.Builder.class.getMethods()).map(m -> m.getName()).toList();

    assertThat(named).hasSizeGreaterThan(10);
    assertThat(methods).containsAll(named);
  }

  @Test
  void an_embedding_program_gets_no_picocli_and_only_jackson_core_from_the_library() {
    assertThatThrownBy(() -> Class.forName("picocli.CommandLine"))
        .isInstanceOf(ClassNotFoundException.class);
    assertThatThrownBy(() -> Class.forName("com.fasterxml.jackson.databind.ObjectMapper"))
        .isInstanceOf(ClassNotFoundException.class);
    // vsm-json reads and writes every document with the streaming core: no object mapper.
    assertThatThrownBy(() -> Class.forName("tools.jackson.databind.ObjectMapper"))
        .isInstanceOf(ClassNotFoundException.class);
    List<String> classpath =
        List.of(System.getProperty("java.class.path").split(File.pathSeparator));
    assertThat(classpath).noneMatch(entry -> entry.contains("picocli"));
    assertThat(classpath).filteredOn(entry -> entry.contains("jackson-core")).hasSize(1);
  }
}
