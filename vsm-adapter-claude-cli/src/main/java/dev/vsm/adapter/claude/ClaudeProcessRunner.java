package dev.vsm.adapter.claude;

import dev.vsm.application.port.out.AgentActivity;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentResult.Failure;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.port.out.Diagnostics;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The agent runner as {@code claude -p} child processes (§8): no shell, the prompt on standard
 * input (then closed), standard output (stream-json) to a file that is read as it grows, standard
 * error drained alongside, a timeout that stops the whole process tree, and retries for transient
 * API errors.
 */
final class ClaudeProcessRunner implements AgentRunner {

  static final String DEFAULT_S1_PERMISSION_MODE = "acceptEdits";
  static final List<String> SYSTEM_TOOLS = List.of("Read", "Grep", "Glob");
  static final List<String> NESTING_GUARDS =
      List.of("CLAUDECODE", "CLAUDE_CODE_ENTRYPOINT", "CLAUDE_CODE_SESSION_ACCESS_TOKEN");
  private static final int STDERR_CAP = 256 * 1024;
  private static final long FOLLOW_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /** How long {@code claude auth status} may take before a cycle starts without its answer. */
  static final Duration LOGIN_CHECK_TIMEOUT = Duration.ofSeconds(15);

  private final ClaudeSettings settings;
  private final AgentDefinitions definitions;
  private final Diagnostics diagnostics;
  private final ScratchFiles scratch;
  private final ClaudeEnvironmentProbe probe;
  private boolean leftoversRemoved;
  private LoginCheck pendingLogin;

  ClaudeProcessRunner(
      ClaudeSettings settings, AgentDefinitions definitions, Diagnostics diagnostics) {
    this.settings = settings;
    this.definitions = definitions;
    this.diagnostics = diagnostics;
    this.scratch = new ScratchFiles(settings.scratchDirectory(), ProcessHandle.current().pid());
    this.probe = new ClaudeEnvironmentProbe(settings, LOGIN_CHECK_TIMEOUT);
  }

  /** Once per runner, before its first agent: the files of killed vsm processes go. */
  private synchronized void removeLeftovers() {
    if (!leftoversRemoved) {
      leftoversRemoved = true;
      scratch.removeLeftovers(
          pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), Instant.now());
    }
  }

  @Override
  public Set<String> definedAgents(Path workingDirectory) {
    return definitions.names(workingDirectory);
  }

  /**
   * Starts {@code claude auth status} on a thread of its own (the CLI's start-up takes about a
   * second); the login does not depend on the directory.
   */
  @Override
  public synchronized void startEnvironmentCheck(Path workingDirectory) {
    if (pendingLogin == null) {
      pendingLogin = LoginCheck.start(probe);
    }
  }

  /**
   * The CLI not found, {@code claude auth status} saying it is not logged in (one process, offline,
   * free; the one {@link #startEnvironmentCheck} started, else one started now), and every agent
   * definition a cycle may use that cannot be passed to the CLI.
   */
  @Override
  public List<String> environmentProblems(Path workingDirectory) {
    LoginCheck started;
    synchronized (this) {
      started = pendingLogin;
      pendingLogin = null; // the next cycle asks afresh
    }
    if (ClaudeCommand.resolve(settings.command(), settings.environment()) == null) {
      return List.of(ClaudeCommand.notFoundMessage(settings.command()));
    }
    List<String> problems = new ArrayList<>();
    var login = started != null ? started.answer() : probe.login();
    if (Boolean.FALSE.equals(login.loggedIn())) {
      problems.add(login.problem());
    }
    definitions
        .problems(
            AgentDefinitions.cycleAgents(definitions.names(workingDirectory)), workingDirectory)
        .forEach(p -> problems.add(p.message()));
    return problems;
  }

  @Override
  public AgentResult run(AgentRequest request) {
    return run(request, AgentActivity.NONE);
  }

  /**
   * Never throws: whatever goes wrong before or around the process is a failed result. The agent's
   * tool uses reach {@code activity} as the CLI reports them.
   */
  @Override
  public AgentResult run(AgentRequest request, AgentActivity activity) {
    long start = System.nanoTime();
    try {
      return runChecked(request, activity, start);
    } catch (RuntimeException e) {
      return AgentResult.failed(
          request.agent(),
          Failure.ERROR,
          e.getMessage() == null ? e.toString() : e.getMessage(),
          Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private AgentResult runChecked(AgentRequest request, AgentActivity activity, long start) {
    if (Thread.currentThread().isInterrupted()) {
      return cancelled(request, start);
    }
    removeLeftovers();
    Double cap = request.options().maxBudgetUsd();
    if (!passable(cap)) {
      return AgentResult.failed(
          request.agent(),
          Failure.LIMIT,
          "not started: a budget cap of $" + cap + " is less than the $0.0001 claude can be given",
          Duration.ZERO);
    }
    List<String> arguments;
    try {
      arguments = arguments(request);
    } catch (AgentDefinitions.Unusable | IllegalArgumentException e) {
      return AgentResult.failed(request.agent(), Failure.ERROR, e.getMessage(), Duration.ZERO);
    }
    Path command = ClaudeCommand.resolve(settings.command(), settings.environment());
    if (command == null) {
      return AgentResult.failed(
          request.agent(),
          Failure.COMMAND_NOT_FOUND,
          ClaudeCommand.notFoundMessage(settings.command()),
          Duration.ZERO);
    }
    for (int attempt = 0; ; attempt++) {
      ClaudeOutput.Reading reading = runOnce(command, arguments, request, activity, start);
      if (!reading.transientError() || attempt >= settings.transientRetries()) {
        return reading.result();
      }
      Duration wait = settings.retryBackoff().multipliedBy(1L << attempt);
      diagnostics.warn(
          "warning: "
              + request.agent()
              + " hit a transient API error ("
              + ClaudeOutput.preview(reading.result().error())
              + "); retrying in "
              + wait.toMillis() / 1000.0
              + " s");
      try {
        Thread.sleep(wait.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return cancelled(request, start);
      }
    }
  }

  private static AgentResult cancelled(AgentRequest request, long start) {
    return AgentResult.failed(
        request.agent(),
        Failure.CANCELLED,
        "cancelled",
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** The command line for a request, without the executable. */
  List<String> arguments(AgentRequest request) {
    AgentDefinition def = definitions.resolve(request.agent(), request.workingDirectory());
    if (request.role() == AgentRequest.AgentRole.SYSTEM) {
      def =
          new AgentDefinition(
              def.name(), def.description(), def.prompt(), SYSTEM_TOOLS, def.model());
    }
    List<String> args = new ArrayList<>();
    args.add("-p");
    // Messages as they happen (verbose is required with stream-json): tool uses are followed live.
    args.add("--output-format");
    args.add("stream-json");
    args.add("--verbose");
    args.add("--agents");
    args.add(definitions.agentsArgument(request.agent(), request.workingDirectory(), def));
    args.add("--agent");
    args.add(request.agent());
    if (request.replySchema() != null) {
      args.add("--json-schema");
      args.add(request.replySchema());
    }
    if (request.resumeSession() != null) {
      args.add("--resume");
      args.add(request.resumeSession());
    } else if (request.sessionId() != null) {
      args.add("--session-id");
      args.add(request.sessionId());
    }
    var o = request.options();
    if (o.model() != null) {
      args.add("--model");
      args.add(o.model());
    }
    if (o.maxTurns() != null) {
      args.add("--max-turns");
      args.add(String.valueOf(o.maxTurns()));
    }
    if (o.maxBudgetUsd() != null) {
      args.add("--max-budget-usd");
      args.add(budgetArgument(o.maxBudgetUsd()));
    }
    if (request.role() == AgentRequest.AgentRole.OPERATIONS) {
      args.add("--permission-mode");
      args.add(o.permissionMode() != null ? o.permissionMode() : DEFAULT_S1_PERMISSION_MODE);
    }
    return args;
  }

  private ClaudeOutput.Reading runOnce(
      Path command,
      List<String> arguments,
      AgentRequest request,
      AgentActivity activity,
      long start) {
    Path stdoutFile;
    try {
      stdoutFile = scratch.create();
    } catch (IOException e) {
      return new ClaudeOutput.Reading(
          AgentResult.failed(
              request.agent(),
              Failure.ERROR,
              "cannot create the file for claude's output in "
                  + scratch.directory()
                  + " ("
                  + e.getMessage()
                  + "): make it writable, or set TMPDIR to a directory that is",
              Duration.ofNanos(System.nanoTime() - start)),
          false);
    }
    Process process = null;
    try {
      List<String> cmd = new ArrayList<>();
      cmd.add(command.toString());
      cmd.addAll(arguments);
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(request.runsIn().toFile());
      Map<String, String> env = pb.environment();
      env.clear();
      env.putAll(settings.environment());
      NESTING_GUARDS.forEach(env::remove);
      // Hooks inside the agent (the plugin's) read these: they run in one of vsm's agents.
      env.remove(AgentRequest.TASK_VARIABLE);
      if (request.taskId() != null) {
        env.put(AgentRequest.TASK_VARIABLE, request.taskId());
      }
      env.put(AgentRequest.AGENT_VARIABLE, request.agent());
      pb.redirectOutput(stdoutFile.toFile());
      process = pb.start();

      ByteArrayOutputStream stderr = new ByteArrayOutputStream();
      Thread drain = drain(process.getErrorStream(), stderr, request.agent());
      feed(process.getOutputStream(), request.prompt(), request.agent());

      try (ClaudeStream stream =
          new ClaudeStream(stdoutFile, settings.outputCapBytes(), activity)) {
        boolean finished;
        try {
          finished = follow(process, stream, nanos(request.timeout()));
        } catch (InterruptedException e) {
          ProcessTree.stop(process, Duration.ZERO);
          Thread.currentThread().interrupt();
          return new ClaudeOutput.Reading(cancelled(request, start), false);
        }
        if (!finished) {
          ProcessTree.stop(process, settings.killGrace());
          drain.join(1000);
          return new ClaudeOutput.Reading(
              AgentResult.failed(
                  request.agent(),
                  Failure.TIMEOUT,
                  "timed out after "
                      + human(request.timeout())
                      + "; stopped the agent and its processes",
                  Duration.ofNanos(System.nanoTime() - start)),
              false);
        }
        drain.join(2000);
        stream.finish();
        String err;
        synchronized (stderr) {
          err = stderr.toString(StandardCharsets.UTF_8);
        }
        return ClaudeOutput.read(
            request.agent(),
            process.exitValue(),
            stream,
            err,
            Duration.ofNanos(System.nanoTime() - start));
      }
    } catch (IOException e) {
      return new ClaudeOutput.Reading(
          AgentResult.failed(
              request.agent(),
              process == null && isMissing(e) ? Failure.COMMAND_NOT_FOUND : Failure.ERROR,
              process == null
                  ? startFailure(command, e)
                  : "running " + command + " failed: " + e.getMessage(),
              Duration.ofNanos(System.nanoTime() - start)),
          false);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (process != null) {
        ProcessTree.stop(process, Duration.ZERO);
      }
      return new ClaudeOutput.Reading(cancelled(request, start), false);
    } finally {
      // Whatever ended this run early, the child is never left running.
      if (process != null && process.isAlive()) {
        ProcessTree.stop(process, Duration.ZERO);
      }
      try {
        Files.deleteIfExists(stdoutFile);
      } catch (IOException ignored) {
        // a leftover is removed by the next runner, once this process is gone
      }
    }
  }

  /**
   * Waits up to {@code nanos} for the process to end, reading its stream as it grows; whether it
   * ended. The stream is read a few times a second; the end of the process is seen at once.
   */
  private static boolean follow(Process process, ClaudeStream stream, long nanos)
      throws InterruptedException, IOException {
    long began = System.nanoTime();
    while (true) {
      long left = nanos - (System.nanoTime() - began);
      if (left <= 0) {
        return false;
      }
      if (process.waitFor(Math.min(left, FOLLOW_INTERVAL_NANOS), TimeUnit.NANOSECONDS)) {
        return true;
      }
      stream.poll();
    }
  }

  /**
   * A cap as {@code --max-budget-usd} takes it: four decimals, rounded down, so that the caps of
   * agents running at once never add up to more than they were given; never zero.
   */
  static String budgetArgument(double usd) {
    return fourDecimals(usd).toPlainString();
  }

  private static BigDecimal fourDecimals(double usd) {
    return BigDecimal.valueOf(usd).setScale(4, RoundingMode.DOWN);
  }

  /** Whether {@code --max-budget-usd} can carry {@code usd}: $0.0001 or more. */
  private static boolean passable(Double usd) {
    return usd == null || (Double.isFinite(usd) && fourDecimals(usd).signum() > 0);
  }

  /** The nanoseconds to wait for {@code d}; a longer wait than a long holds is the longest. */
  static long nanos(Duration d) {
    try {
      return d.toNanos();
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * Whether starting failed because there is no such command or it may not be run (ENOENT, EACCES):
   * the CLI is missing, or vanished since it was found. Anything else (E2BIG: an argument list too
   * long; ENOMEM, EAGAIN) is no reason to tell the user to install it.
   */
  private static boolean isMissing(IOException e) {
    String m = String.valueOf(e.getMessage());
    return m.contains("error=2,") || m.contains("error=13,");
  }

  private String startFailure(Path command, IOException e) {
    String m = String.valueOf(e.getMessage());
    if (isMissing(e)) {
      return "cannot start "
          + command
          + ": "
          + m
          + "; "
          + ClaudeCommand.notFoundMessage(settings.command());
    }
    if (m.contains("error=7,")) {
      return "cannot start "
          + command
          + ": the command line is longer than the system allows (Argument list too long)";
    }
    return "cannot start " + command + ": " + m;
  }

  private static String human(Duration d) {
    long s = d.toSeconds();
    return s >= 60 && s % 60 == 0
        ? (s / 60) + " min"
        : d.toMillis() >= 1000 ? s + " s" : d.toMillis() + " ms";
  }

  /**
   * Writes the prompt and closes stdin on a thread of its own: a child that never reads must not
   * block us.
   */
  private static void feed(OutputStream stdin, String prompt, String agent) {
    Thread t =
        new Thread(
            () -> {
              try (stdin) {
                stdin.write(prompt.getBytes(StandardCharsets.UTF_8));
              } catch (IOException e) {
                // The child closed its input early (it failed or was stopped): its output says why.
              }
            },
            "vsm-stdin-" + agent);
    t.setDaemon(true);
    t.start();
  }

  private static Thread drain(InputStream in, ByteArrayOutputStream sink, String agent) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[8192];
              try (in) {
                int n;
                while ((n = in.read(buf)) >= 0) {
                  synchronized (sink) {
                    if (sink.size() < STDERR_CAP) {
                      sink.write(buf, 0, Math.min(n, STDERR_CAP - sink.size()));
                    }
                  }
                }
              } catch (IOException ignored) {
                // the process ended; what was read is kept
              }
            },
            "vsm-stderr-" + agent);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
