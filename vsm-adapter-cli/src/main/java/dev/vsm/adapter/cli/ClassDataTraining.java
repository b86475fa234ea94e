package dev.vsm.adapter.cli;

import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The workload {@code ./vsm} records into its class-data-sharing archive: the read commands users
 * run constantly, against a scratch directory with a little state, so their classes start from the
 * archive. Run only by the launcher (with {@code VSM_CDS_TRAINING} set); prints nothing.
 */
final class ClassDataTraining {

  private ClassDataTraining() {}

  static int run(Path scratch) {
    PrintStream nowhere = new PrintStream(OutputStream.nullOutputStream());
    Wiring wiring =
        new Wiring(
            scratch, Map.of(), message -> {}, dev.vsm.domain.complexity.ComplexityRules.defaults());
    wiring.store().updateMetrics(m -> m.withAgentResult("tester", true, "2026-01-01T00:00:00Z"));
    wiring.store().registry();
    wiring
        .log()
        .append(
            LogEntry.of(
                "2026-01-01T00:00:00Z",
                EventType.TASK_STARTED,
                "00000000",
                null,
                Map.of("description", "training"),
                wiring.log().sessionId()));
    String dir = scratch.toString();
    for (String[] args :
        new String[][] {
          {"-d", dir, "state"},
          {"-d", dir, "state", "--json"},
          {"-d", dir, "log"},
          {"-d", dir, "log", "--json"},
          {"-d", dir, "--state"},
          {"-d", dir, "--log", "--json"}
        }) {
      QuickCommands.tryRun(
          args, Map.of(), Terminal.NONE, InputStream.nullInputStream(), nowhere, nowhere);
    }
    // The plugin's hooks: every event, through the same quick path they take.
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
    return 0;
  }

  private static String json(String text) {
    return text.replace("\\", "\\\\").replace("\"", "\\\"");
  }
}
