package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.SessionBriefing;
import dev.vsm.domain.viability.Adaptation;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vsm hook EVENT}: what a Claude Code hook reports, recorded in vsm's log and metrics. The
 * vsm plugin's hooks call it (and any hook a user points at it). A hook must never break nor slow
 * Claude Code: whatever happens this exits 0, and what it cannot read becomes a warning in the log.
 */
@Command(
    name = "hook",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Record what a Claude Code hook reports (the vsm plugin's hooks call this).",
    description = {
      "Reads the JSON Claude Code hands a hook on standard input and records it in the "
          + "execution log of the project (-d DIR, else CLAUDE_PROJECT_DIR, else the hook's cwd): "
          + "a file-changing tool use (Edit, Write, MultiEdit, NotebookEdit, Bash) as tool_used, "
          + "the start and stop of vsm's agents as agent_invoked / agent_completed (an S1 "
          + "agent's report moves its error rate), the end of a session as session_completed. "
          + "At session-start it prints vsm's health and active adaptations as the session's "
          + "additional context.",
      "",
      "Always exits 0, even on input it cannot read (a warning goes to the log) or a state "
          + "directory it cannot write (a note goes to stderr). The task and agent of one of vsm's "
          + "own agents come from VSM_TASK_ID and VSM_AGENT."
    })
final class HookCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "EVENT",
      description =
          "session-start, post-tool-use, subagent-start, subagent-stop or session-end "
              + "(Claude Code's SessionStart, PostToolUse, SubagentStart, SubagentStop, "
              + "SessionEnd).")
  String event;

  @Option(
      names = "--plugin",
      description =
          "The call comes from the vsm plugin's hooks: inside one of vsm's own agents it records "
              + "nothing, since vsm records its agents itself.")
  boolean plugin;

  @Override
  public Integer call() {
    return record(
        vsm.context(),
        vsm.dir,
        vsm.store,
        event,
        plugin,
        spec.commandLine().getOut(),
        spec.commandLine().getErr());
  }

  /** Records one hook call; the exit code is always 0 but for a person typing it at a terminal. */
  static int record(
      VsmCommand.Context context,
      Path dir,
      String store,
      String event,
      boolean plugin,
      PrintWriter out,
      PrintWriter err) {
    if (context.terminal().stdinIsTerminal()) {
      throw new UsageException(
          "vsm hook reads the JSON of a Claude Code hook on standard input; the vsm plugin's "
              + "hooks call it (see vsm hook --help)");
    }
    Map<String, String> env = context.environment();
    try {
      HookInput input = read(context.stdin(), event, env, plugin);
      Path project = project(dir, env, input.cwd());
      if (project == null) {
        err.println("vsm hook: no project directory to record in; nothing recorded");
      } else if (input.event().isPresent()) {
        Invocation inv = new Invocation(context, project, store, false, out, err, null, false);
        Optional<SessionBriefing> briefing = inv.vsm().hookEvents().record(input.event().get());
        if (briefing.isPresent()) {
          out.println(JsonText.compact(sessionContext(briefing.get())));
        }
      }
    } catch (RuntimeException e) {
      err.println(
          "vsm hook: "
              + HumanFormat.printable(String.valueOf(e.getMessage()))
              + "; "
              + "nothing recorded");
    }
    out.flush();
    err.flush();
    return ExitCode.SUCCESS;
  }

  private static HookInput read(
      InputStream in, String event, Map<String, String> env, boolean plugin) {
    try {
      byte[] bytes = in.readNBytes(HookInput.MAX_INPUT_BYTES + 1);
      if (bytes.length > HookInput.MAX_INPUT_BYTES) {
        return HookInput.unreadable(
            event, env, plugin, "input over " + HookInput.MAX_INPUT_BYTES + " bytes, not read");
      }
      return HookInput.read(event, new String(bytes, StandardCharsets.UTF_8), env, plugin);
    } catch (IOException e) {
      return HookInput.unreadable(event, env, plugin, "cannot read standard input: " + e);
    }
  }

  /** Where to record: -d, else the project Claude Code names, else the hook's cwd, else here. */
  private static Path project(Path dir, Map<String, String> env, String cwd) {
    String claudeProject = env.get("CLAUDE_PROJECT_DIR");
    Path p =
        dir != null
            ? dir
            : claudeProject != null && !claudeProject.isBlank()
                ? Path.of(claudeProject)
                : cwd != null ? Path.of(cwd) : Path.of("");
    p = p.toAbsolutePath().normalize();
    return Files.isDirectory(p) ? p : null;
  }

  /** The SessionStart answer Claude Code adds to the session's context. */
  static Map<String, Object> sessionContext(SessionBriefing b) {
    // Ordered maps: Map.of iterates in an order that changes from one process to the next, and
    // the answer is the same every time.
    Map<String, Object> output = new LinkedHashMap<>();
    output.put("hookEventName", "SessionStart");
    output.put("additionalContext", briefingText(b));
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("hookSpecificOutput", output);
    return answer;
  }

  static String briefingText(SessionBriefing b) {
    StringBuilder t = new StringBuilder("vsm (Viable System Model orchestrator) in this project: ");
    // Loops, not streams: session-start runs with every session, and the first lambda or stream
    // of a process costs a hook ~12 ms of set-up.
    if (b.healthy()) {
      t.append("healthy.");
    } else {
      for (int i = 0; i < b.health().size(); i++) {
        t.append(i == 0 ? "" : "; ").append(HumanFormat.issue(b.health().get(i)));
      }
      t.append('.');
    }
    t.append(" Active adaptations: ");
    if (b.activeAdaptations().isEmpty()) {
      t.append("none.");
    } else {
      for (int i = 0; i < b.activeAdaptations().size(); i++) {
        t.append(i == 0 ? "" : "; ").append(adaptation(b.activeAdaptations().get(i)));
      }
      t.append('.');
    }
    t.append(" /vsm:run runs a task through vsm, /vsm:plan plans one, /vsm:state and /vsm:log show")
        .append(" the metrics and the log.");
    return t.toString();
  }

  private static String adaptation(Adaptation a) {
    return a.type().label() + ": " + a.effect();
  }
}
