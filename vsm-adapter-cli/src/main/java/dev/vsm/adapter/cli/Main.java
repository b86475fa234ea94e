package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.out.StateAccessException;
import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;

/** Entry point: parses, runs, maps every outcome to the exit codes of §7. */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    if (System.getenv("VSM_CDS_TRAINING") != null && args.length == 1) {
      System.exit(ClassDataTraining.run(java.nio.file.Path.of(args[0])));
    }
    var quick = QuickCommands.tryRun(args, System.getenv(), System.out, System.err);
    if (quick.isPresent()) {
      System.out.flush();
      System.exit(quick.getAsInt());
    }
    CycleCancellation cancellation = new CycleCancellation();
    CountDownLatch finished = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              // Ctrl-C: stop the agents, then give the cycle time to record the task as failed.
              cancellation.cancel();
              try {
                finished.await(20, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            "vsm-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
    int code;
    try {
      code =
          commandLine(
                  new VsmCommand.Context(
                      System.getenv(), System.in, cancellation, System.console() != null))
              .execute(args);
    } finally {
      finished.countDown();
    }
    System.exit(code);
  }

  /** The configured command line; tests call {@code execute} on it with their own writers. */
  static CommandLine commandLine(VsmCommand.Context context) {
    CommandLine cmd = new CommandLine(new VsmCommand(context));
    cmd.setCaseInsensitiveEnumValuesAllowed(true);
    cmd.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter err = ex.getCommandLine().getErr();
          err.println("vsm: " + firstLine(ex.getMessage()) + " (see vsm --help)");
          err.flush();
          return ExitCode.USAGE;
        });
    cmd.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          boolean verbose = parseResult.hasMatchedOption("-v");
          int code;
          String message;
          if (ex instanceof UsageException) {
            code = ExitCode.USAGE;
            message = ex.getMessage();
          } else if (ex instanceof AgentEnvironmentException e) {
            code = ExitCode.ENVIRONMENT;
            message = e.getMessage() + " (task " + e.taskId() + " marked failed)";
          } else if (ex instanceof StateAccessException) {
            code = ExitCode.ENVIRONMENT;
            message = ex.getMessage();
          } else if (ex instanceof CycleInterruptedException e) {
            code = ExitCode.INTERRUPTED;
            message = "interrupted: stopped the agents; task " + e.taskId() + " marked failed";
          } else {
            code = ExitCode.CYCLE_FAILED;
            message = "unexpected error: " + ex + (verbose ? "" : " (run with -v for details)");
          }
          err.println("vsm: " + message);
          if (verbose) {
            for (Throwable c = ex.getCause(); c != null; c = c.getCause()) {
              err.println("  caused by: " + c);
            }
            if (code == ExitCode.CYCLE_FAILED) {
              ex.printStackTrace(err);
            }
          }
          err.flush();
          return code;
        });
    return cmd;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid arguments";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
