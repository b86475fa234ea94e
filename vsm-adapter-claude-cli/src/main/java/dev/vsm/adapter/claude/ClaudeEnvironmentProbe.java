package dev.vsm.adapter.claude;

import dev.vsm.application.port.out.AgentEnvironmentProbe;
import dev.vsm.json.JsonValues;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks the Claude Code CLI about itself: {@code claude --version} ("2.1.197 (Claude Code)") and
 * {@code claude auth status}, which prints JSON with {@code loggedIn} (exit 1 when false), works
 * offline and costs nothing.
 */
final class ClaudeEnvironmentProbe implements AgentEnvironmentProbe {

  private static final Pattern VERSION = Pattern.compile("^\\s*v?(\\d+\\.\\d+[\\w.+-]*)");
  private static final int OUTPUT_CAP = 1024 * 1024;

  /** vsm's plugin, as its marketplace names it. */
  static final String PLUGIN = "vsm";

  private final ClaudeSettings settings;
  private final Duration timeout;
  private Path resolved;
  private boolean looked;

  ClaudeEnvironmentProbe(ClaudeSettings settings, Duration timeout) {
    this.settings = settings;
    this.timeout = timeout;
  }

  private synchronized Path command() {
    if (!looked) {
      resolved = ClaudeCommand.resolve(settings.command(), settings.environment());
      looked = true;
    }
    return resolved;
  }

  @Override
  public Installation installation() {
    Path cmd = command();
    if (cmd == null) {
      return new Installation(
          settings.command(), null, null, ClaudeCommand.notFoundMessage(settings.command()));
    }
    Answer a = ask(cmd, "--version");
    if (a.problem != null) {
      return new Installation(settings.command(), cmd.toString(), null, a.problem);
    }
    Matcher m = VERSION.matcher(a.stdout);
    if (a.exit != 0 || !m.find()) {
      return new Installation(
          settings.command(),
          cmd.toString(),
          null,
          "'" + cmd + " --version' " + describe(a) + ": is it the Claude Code CLI?");
    }
    return new Installation(settings.command(), cmd.toString(), m.group(1), null);
  }

  @Override
  public Login login() {
    Path cmd = command();
    if (cmd == null) {
      return new Login(null, null, ClaudeCommand.notFoundMessage(settings.command()));
    }
    Answer a = ask(cmd, "auth", "status", "--json");
    if (a.problem != null) {
      return new Login(null, null, a.problem);
    }
    Map<?, ?> status = parsed(a.stdout) instanceof Map<?, ?> m ? m : Map.of();
    if (!(status.get("loggedIn") instanceof Boolean in)) {
      return new Login(
          null,
          null,
          "'" + cmd + " auth status' " + describe(a) + ": a Claude Code CLI older than 2.1?");
    }
    String method = status.get("authMethod") instanceof String s ? s : null;
    return new Login(
        in,
        in ? method : null,
        in
            ? null
            : "Claude Code is not logged in: run `claude` and type /login, or set ANTHROPIC_API_KEY");
  }

  @Override
  public Plugin plugin() {
    Path cmd = command();
    if (cmd == null) {
      return new Plugin(null, null, null, ClaudeCommand.notFoundMessage(settings.command()));
    }
    Answer a = ask(cmd, "plugin", "list", "--json");
    if (a.problem != null) {
      return new Plugin(null, null, null, a.problem);
    }
    if (a.exit != 0 || !(parsed(a.stdout) instanceof List<?> list)) {
      return new Plugin(null, null, null, "'" + cmd + " plugin list --json' " + describe(a));
    }
    for (Object o : list) {
      Map<?, ?> p = o instanceof Map<?, ?> m ? m : Map.of();
      String id = p.get("id") instanceof String s ? s : "";
      if (id.equals(PLUGIN) || id.startsWith(PLUGIN + "@")) {
        return new Plugin(
            true,
            !(p.get("enabled") instanceof Boolean enabled) || enabled,
            p.get("version") instanceof String v ? v : null,
            null);
      }
    }
    return new Plugin(false, null, null, null);
  }

  @Override
  public Definitions definitions(Path workingDirectory) {
    AgentDefinitions all = new AgentDefinitions(settings.pluginRoot());
    List<Problem> problems = new ArrayList<>();
    int usable = 0;
    int fromProject = 0;
    for (String name : AgentDefinitions.cycleAgents(all.names(workingDirectory))) {
      List<Problem> problem = all.problems(List.of(name), workingDirectory);
      if (!problem.isEmpty()) {
        problems.addAll(problem);
        continue;
      }
      usable++;
      if (Files.isRegularFile(workingDirectory.resolve(".claude/agents").resolve(name + ".md"))) {
        fromProject++;
      }
    }
    return new Definitions(usable, fromProject, problems);
  }

  private static String describe(Answer a) {
    String text = (a.stdout.isBlank() ? a.stderr : a.stdout).strip();
    int nl = text.indexOf('\n');
    String first = nl < 0 ? text : text.substring(0, nl);
    if (first.length() > 120) {
      first = first.substring(0, 117) + "...";
    }
    return "exited " + a.exit + (first.isEmpty() ? " saying nothing" : " saying \"" + first + "\"");
  }

  private record Answer(int exit, String stdout, String stderr, String problem) {}

  private Answer ask(Path cmd, String... args) {
    List<String> argv = new ArrayList<>();
    argv.add(cmd.toString());
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv);
    Map<String, String> env = pb.environment();
    env.clear();
    env.putAll(settings.environment());
    ClaudeProcessRunner.NESTING_GUARDS.forEach(env::remove);
    Process p;
    try {
      p = pb.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
    } catch (IOException e) {
      return new Answer(-1, "", "", "cannot run " + cmd + ": " + e.getMessage());
    }
    CompletableFuture<String> out = drain(p.getInputStream());
    CompletableFuture<String> err = drain(p.getErrorStream());
    try {
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        ProcessTree.stop(p, Duration.ofSeconds(1));
        return new Answer(
            -1,
            "",
            "",
            "'"
                + cmd
                + " "
                + String.join(" ", args)
                + "' did not answer within "
                + timeout.toSeconds()
                + "s");
      }
      return new Answer(
          p.exitValue(), out.get(5, TimeUnit.SECONDS), err.get(5, TimeUnit.SECONDS), null);
    } catch (ExecutionException | TimeoutException e) {
      return new Answer(p.exitValue(), "", "", "cannot read the answer of " + cmd);
    } catch (InterruptedException e) {
      ProcessTree.stop(p, Duration.ZERO);
      Thread.currentThread().interrupt();
      return new Answer(-1, "", "", "interrupted");
    }
  }

  private static CompletableFuture<String> drain(InputStream in) {
    CompletableFuture<String> f = new CompletableFuture<>();
    Thread t = new Thread(() -> f.complete(read(in)), "vsm-probe-drain");
    t.setDaemon(true);
    t.start();
    return f;
  }

  /** The JSON value a command printed, or null when it printed none. */
  private static Object parsed(String stdout) {
    try {
      return JsonValues.read(stdout);
    } catch (JsonValues.MalformedJson e) {
      return null;
    }
  }

  private static String read(InputStream in) {
    try (in) {
      byte[] b = in.readNBytes(OUTPUT_CAP);
      in.transferTo(java.io.OutputStream.nullOutputStream());
      return new String(b, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }
}
