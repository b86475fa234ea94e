package dev.vsm.adapter.cli;

import dev.vsm.application.port.out.AgentEnvironmentProbe;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vsm version}: vsm's version, git commit and build time, the Java running it, and the
 * Claude Code CLI's version when it is found. {@code --version} prints the same without asking the
 * Claude CLI (which takes half a second to start).
 */
@Command(
    mixinStandardHelpOptions = true,
    header = "Show the versions of vsm, Java and the Claude Code CLI.",
    name = "version",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Show vsm's version, git commit and build time, the Java that runs it, and the version of "
          + "the Claude Code CLI when it is found."
    })
final class VersionCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;
  @Mixin SharedOptions.Json json;

  @Option(
      names = "--claude-command",
      paramLabel = "PATH",
      description = "The Claude Code CLI (default: $VSM_CLAUDE_COMMAND, else claude on PATH).")
  String claudeCommand;

  /** What the build wrote into the jar. */
  record Build(String version, String commit, String built) {
    static Build read() {
      Properties p = new Properties();
      try (InputStream in = VersionCommand.class.getResourceAsStream("build.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        // a development build without the resource: the defaults below
      }
      return new Build(
          known(p.getProperty("version"), "(development build)"),
          known(p.getProperty("commit"), "unknown")
              + ("true".equals(p.getProperty("dirty")) ? "-dirty" : ""),
          known(p.getProperty("built"), "unknown"));
    }

    private static String known(String v, String otherwise) {
      return v == null || v.isBlank() || v.startsWith("${") ? otherwise : v;
    }
  }

  static String java() {
    return "Java "
        + System.getProperty("java.version")
        + " ("
        + System.getProperty("java.vendor")
        + ", "
        + System.getProperty("java.home")
        + ")";
  }

  /** The lines of {@code --version}. */
  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Build b = Build.read();
      return new String[] {
        "vsm " + b.version() + " (commit " + b.commit() + ", built " + b.built() + ")", java()
      };
    }
  }

  @Override
  public Integer call() {
    Invocation inv = vsm.invocation(spec, null, false);
    AgentEnvironmentProbe.Installation claude =
        inv.vsmBuilder().claudeCommand(claudeCommand).build().agentEnvironment().installation();
    Build b = Build.read();
    if (json.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("version", b.version());
      doc.put("commit", b.commit());
      doc.put("built", b.built());
      doc.put("java_version", System.getProperty("java.version"));
      doc.put("java_vendor", System.getProperty("java.vendor"));
      doc.put("java_home", System.getProperty("java.home"));
      Map<String, Object> c = new LinkedHashMap<>();
      c.put("command", claude.command());
      c.put("path", claude.path());
      c.put("version", claude.version());
      c.put("problem", claude.problem());
      doc.put("claude", c);
      return inv.print(JsonText.pretty(Documents.versioned(doc)));
    }
    List<String> lines = new ArrayList<>(List.of(new Provider().getVersion()));
    if (claude.version() != null) {
      lines.add("Claude Code CLI " + claude.version() + " (" + claude.path() + ")");
    } else {
      lines.add("Claude Code CLI: " + claude.problem());
    }
    return inv.print(HumanFormat.printable(String.join("\n", lines) + "\n", true));
  }
}
