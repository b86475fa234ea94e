package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.library.Vsm;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The workload {@code ./vsm} records into its start-up archive (a class-data-sharing archive, or
 * the ahead-of-time cache of a newer JDK): every command once, against a scratch directory with a
 * little state, so that whatever a user runs starts with its classes already parsed and verified.
 * The short commands run both on the quick path and through picocli; a cycle runs against a scratch
 * stand-in for {@code claude} that answers at once. The ahead-of-time cache, which loads all its
 * classes at every start, is trained on the quick path alone. Run only by the launcher (with {@code
 * VSM_CDS_TRAINING} set); prints nothing. {@code ClassDataTrainingTest} holds {@link #commandLines}
 * to naming every subcommand.
 */
final class ClassDataTraining {

  private ClassDataTraining() {}

  /**
   * A stand-in for the Claude Code CLI that answers every agent at once, each with a report of the
   * shape its schema asks for, so that the cycle's classes for reading real reports are trained. S4
   * sees the task as complex and S3 as medium, so S5 settles it, as in a real disagreement.
   */
  private static final String STAND_IN =
      """
      #!/bin/sh
      case "$1" in
        --version) echo "0.0.0 (Claude Code)"; exit 0 ;;
        auth) echo '{"loggedIn": true}'; exit 0 ;;
      esac
      agent=""
      while [ $# -gt 0 ]; do
        [ "$1" = --agent ] && agent="$2"
        shift
      done
      cat >/dev/null
      case "$agent" in
        system4-strategy) report='{"task_analysis":"a change to the parser","environment_context":[],\
      "risks":[{"risk":"regressions","severity":"low"}],"opportunities":[],\
      "strategic_recommendation":{"approach":"small steps","complexity_assessment":"complex",\
      "specialist_recommendation":["tester"]}}' ;;
        system3-control) report='{"complexity":"medium","complexity_rationale":"one area",\
      "selected_agents":[{"agent":"code-writer","role":"implement","order":1,"task_focus":"it"},\
      {"agent":"tester","role":"test","order":2,"task_focus":"tests"}],"execution_mode":"sequential"}' ;;
        system2-coordination) report='{"execution_schedule":[{"step":1,"agents":["code-writer"],\
      "handoff":"code"},{"step":2,"agents":["tester"],"handoff":"results"}],"parallel_groups":[],\
      "conflict_zones":[]}' ;;
        system3-audit) report='{"audit_passed":true,"overall_score":0.9,\
      "quality_assessment":{"issues_found":[]},\
      "oscillation_check":{"oscillation_detected":false,"evidence":""}}' ;;
        system5-policy) report='{"approved":true,"decision":"approve","rationale":"fits"}' ;;
        *) report='{"status":"completed","summary":"done","files_modified":[],"tests_run":[],\
      "blockers":[]}' ;;
      esac
      echo '{"type":"result","subtype":"success","is_error":false,"duration_ms":1,"num_turns":1,\
      "result":"{}","structured_output":'"$report"',"session_id":"training","total_cost_usd":0,\
      "usage":{"input_tokens":0,"output_tokens":0}}'
      """;

  /** Runs the training; {@code shortOnly}: the short commands of the quick path alone. */
  static int run(Path scratch, boolean shortOnly) {
    Path claude = standIn(scratch);
    seed(scratch);
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    for (String[] args : quickCommandLines(scratch.toString())) {
      QuickCommands.tryRun(
          args, Map.of(), Terminal.NONE, InputStream.nullInputStream(), nowhere, nowhere);
    }
    hooks(scratch.toString(), nowhere);
    if (shortOnly) {
      return 0;
    }
    QuickCommands.tryRun(
        new String[] {"-d", scratch.toString(), "--claude-command", claude.toString(), "Add tests"},
        environment(),
        Terminal.NONE,
        InputStream.nullInputStream(),
        nowhere,
        nowhere);
    for (String[] args : commandLines(scratch.toString(), claude.toString())) {
      VsmCommand.Context context =
          new VsmCommand.Context(
              environment(),
              new ByteArrayInputStream(
                  "Fix typo in README\nMigrate the user table to PostgreSQL\n"
                      .getBytes(StandardCharsets.UTF_8)),
              new CycleCancellation(),
              Terminal.NONE);
      var cmd = Main.commandLine(context, args);
      cmd.setOut(new PrintWriter(Writer.nullWriter()));
      cmd.setErr(new PrintWriter(Writer.nullWriter()));
      cmd.execute(args);
    }
    return 0;
  }

  /**
   * The user's PATH and HOME, nothing else: no store, session or claude settings of the user's
   * steer the training (it must never reach a team store or a real agent).
   */
  private static Map<String, String> environment() {
    Map<String, String> env = new java.util.HashMap<>();
    for (String name : List.of("PATH", "HOME")) {
      String value = System.getenv(name);
      if (value != null) {
        env.put(name, value);
      }
    }
    return env;
  }

  /** The plugin's hooks: every event, through the same quick path they take. */
  private static void hooks(String dir, PrintStream nowhere) {
    String session = "\"session_id\": \"training\", \"cwd\": \"" + json(dir) + "\"";
    String[][] hooks = {
      {"session-start", "{" + session + ", \"hook_event_name\": \"SessionStart\"}"},
      {
        "post-tool-use",
        "{"
            + session
            + ", \"hook_event_name\": \"PostToolUse\", \"tool_name\": \"Edit\", "
            + "\"tool_input\": {\"file_path\": \"a.txt\"}, \"tool_response\": {}}"
      },
      {
        "subagent-stop",
        "{"
            + session
            + ", \"hook_event_name\": \"SubagentStop\", \"agent_type\": \"vsm:s1-tester\", "
            + "\"last_assistant_message\": \"{\\\"status\\\": \\\"completed\\\"}\"}"
      },
      {"session-end", "{" + session + ", \"hook_event_name\": \"SessionEnd\"}"}
    };
    for (String[] hook : hooks) {
      QuickCommands.tryRun(
          new String[] {"-d", dir, "hook", hook[0], "--plugin"},
          Map.of(),
          Terminal.NONE,
          new java.io.ByteArrayInputStream(
              hook[1].getBytes(java.nio.charset.StandardCharsets.UTF_8)),
          nowhere,
          nowhere);
    }
  }

  /** The forms of the short commands the quick path answers. */
  static List<String[]> quickCommandLines(String dir) {
    return List.of(
        new String[] {"--version"},
        new String[] {"-d", dir, "analyze", "Add OAuth2 login to the API and the React UI"},
        new String[] {"-d", dir, "--analyze", "--json", "Fix typo in README"},
        new String[] {"-d", dir, "state"},
        new String[] {"-d", dir, "state", "--json"},
        new String[] {"-d", dir, "log"},
        new String[] {"-d", dir, "log", "--json"},
        new String[] {"-d", dir, "tasks"},
        new String[] {"-d", dir, "tasks", "--json"},
        new String[] {"-d", dir, "--state"},
        new String[] {"-d", dir, "--log", "--json"});
  }

  /** Every command through picocli, help and a usage error among them; a cycle last but reset. */
  static List<String[]> commandLines(String dir, String claude) {
    List<String[]> lines = new ArrayList<>();
    lines.add(new String[] {"--help"});
    lines.add(new String[] {"help", "log"});
    lines.add(new String[] {"--version"});
    lines.add(new String[] {"version", "--claude-command", claude});
    lines.add(new String[] {"--stat"});
    lines.add(new String[] {"-d", dir, "state", "-v"});
    lines.add(new String[] {"-d", dir, "log", "--task", "00000000"});
    lines.add(new String[] {"-d", dir, "tasks", "-v"});
    lines.add(new String[] {"-d", dir, "analyze", "Add OAuth2 login to the API and the React UI"});
    lines.add(new String[] {"-d", dir, "analyze", "--json"});
    lines.add(new String[] {"-d", dir, "--analyze", "Fix typo in README"});
    lines.add(new String[] {"-d", dir, "plan", "--json", "Add a login form"});
    lines.add(new String[] {"-d", dir, "completion", "bash"});
    lines.add(new String[] {"-d", dir, "hook", "session-end"});
    lines.add(new String[] {"store", "--help"});
    lines.add(new String[] {"-d", dir, "store", "migrate"}); // no store given: an error, no server
    lines.add(new String[] {"-d", dir, "doctor", "--claude-command", claude});
    lines.add(
        new String[] {
          "-d", dir, "run", "--claude-command", claude, "--agent-timeout", "60s", "Add validation"
        });
    lines.add(
        new String[] {"-d", dir, "plan", "--agents", "--claude-command", claude, "Add a field"});
    lines.add(new String[] {"-d", dir, "apply", "--claude-command", claude, "00000000"});
    lines.add(new String[] {"-d", dir, "resume", "--claude-command", claude, "00000000"});
    lines.add(new String[] {"-d", dir, "reset", "--yes"});
    return lines;
  }

  /** The first words of {@link #commandLines} that name a subcommand. */
  static Set<String> commandsCovered() {
    Set<String> covered = new java.util.TreeSet<>();
    Set<String> names = Subcommands.names();
    for (String[] line : commandLines("dir", "claude")) {
      for (String word : line) {
        if (names.contains(word)) {
          covered.add(word);
        }
      }
    }
    return covered;
  }

  private static Path standIn(Path scratch) {
    try {
      Path claude = scratch.resolve("claude");
      Files.writeString(claude, STAND_IN);
      claude.toFile().setExecutable(true);
      return claude;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void seed(Path scratch) {
    Vsm vsm =
        Vsm.builder().workingDirectory(scratch).environment(Map.of()).diagnostics(m -> {}).build();
    vsm.stateStore().updateMetrics(m -> m.withAgentResult("tester", true, "2026-01-01T00:00:00Z"));
    vsm.stateStore().registry();
    vsm.executionLog()
        .append(
            LogEntry.of(
                "2026-01-01T00:00:00Z",
                EventType.TASK_STARTED,
                "00000000",
                null,
                Map.of("description", "training"),
                vsm.executionLog().sessionId()));
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
