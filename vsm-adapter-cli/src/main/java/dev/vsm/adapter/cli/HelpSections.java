package dev.vsm.adapter.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The sections every command's help (and man page) ends with: examples for that command, the
 * environment variables vsm reads, and the exit codes.
 */
final class HelpSections {

  private HelpSections() {}

  private static final Map<String, List<String>> EXAMPLES =
      Map.ofEntries(
          Map.entry(
              "vsm",
              List.of(
                  "vsm run \"Add a login feature\"      one cycle; also: vsm \"Add a login feature\"",
                  "vsm plan --json \"Implement OAuth2\" the plan; no agent runs",
                  "vsm state                          current task, metrics, health",
                  "vsm log -n 50                      the last 50 log entries",
                  "vsm tasks --since 2026-11-01       one line per task, and the totals",
                  "vsm doctor                         is everything a cycle needs in place?",
                  "vsm --state --json                 the Python-compatible forms work too")),
          Map.entry(
              "vsm run",
              List.of(
                  "vsm run \"Add input validation to the login form\"",
                  "vsm run --simple \"Fix typo in README\"     the hint is binding",
                  "vsm run --max-budget-usd 2 --agent-timeout 20m \"Add user validation\"",
                  "vsm run --json --no-progress \"Add a login feature\" > result.json",
                  "vsm run --approve \"Add a login feature\"   see the plan, answer y/N",
                  "vsm run -- state                          a task called \"state\"")),
          Map.entry(
              "vsm plan",
              List.of(
                  "vsm plan \"Implement role-based access control\"   by the rules; no agent runs",
                  "vsm plan --complex --json \"Implement OAuth2\"",
                  "vsm plan --agents \"Implement OAuth2\"   S4, S3, S2 plan it; then vsm apply ID")),
          Map.entry(
              "vsm apply",
              List.of(
                  "vsm apply cfda98eb                   the planned task's S1 agents, audit, S5",
                  "vsm apply --max-budget-usd 3 cfda98eb")),
          Map.entry(
              "vsm resume",
              List.of(
                  "vsm resume cfda98eb                  go on where the task stopped",
                  "vsm resume --max-budget-usd 1 cfda98eb   a budget for what runs now")),
          Map.entry("vsm state", List.of("vsm state", "vsm -d ~/project state --json")),
          Map.entry(
              "vsm log",
              List.of(
                  "vsm log                 the last 20 entries",
                  "vsm log -n 50",
                  "vsm log --task cfda98eb  one task's entries and its summary",
                  "vsm log --json -n 5")),
          Map.entry(
              "vsm tasks",
              List.of("vsm tasks", "vsm tasks --since 2026-11-01", "vsm tasks --json")),
          Map.entry(
              "vsm reset",
              List.of("vsm reset          asks first", "vsm reset --yes    from a script")),
          Map.entry(
              "vsm analyze",
              List.of(
                  "vsm analyze \"Add user authentication with OAuth2\"",
                  "vsm analyze --json \"Fix typo\" \"Migrate to PostgreSQL\"",
                  "printf 'Fix typo\\nImplement OAuth2\\n' | vsm analyze --json")),
          Map.entry("vsm doctor", List.of("vsm doctor", "vsm doctor --json")),
          Map.entry(
              "vsm store",
              List.of(
                  "export VSM_STORE=postgresql://vsm@db.example/vsm   every command uses it",
                  "vsm store migrate                  create or update its tables",
                  "vsm store import                   this directory's history joins the team's",
                  "vsm store export --to ~/backup     the team's history as state files")),
          Map.entry(
              "vsm store migrate",
              List.of("vsm --store postgresql://vsm@db.example/vsm store migrate")),
          Map.entry(
              "vsm store import",
              List.of(
                  "vsm store import                   from the working directory",
                  "vsm store import --from ~/old-project --replace")),
          Map.entry(
              "vsm store export",
              List.of(
                  "vsm store export --to ~/backup",
                  "vsm -d ~/backup --log              read the export with the files")),
          Map.entry(
              "vsm completion",
              List.of(
                  "source <(vsm completion bash)", "vsm completion zsh > \"${fpath[1]}/_vsm\"")),
          Map.entry("vsm version", List.of("vsm version", "vsm version --json")),
          Map.entry(
              "vsm hook",
              List.of(
                  "vsm hook session-end < payload.json        what the plugin's hooks run",
                  "\"command\": \"vsm\", \"args\": [\"hook\", \"post-tool-use\"]   a hook in"
                      + " settings.json")));

  private static final List<String> ENVIRONMENT =
      List.of(
          "VSM_CLAUDE_COMMAND   the Claude Code CLI to run (default: claude on PATH)",
          "CLAUDE_PLUGIN_ROOT   set inside the Claude Code plugin: its agents/ come first",
          "CLAUDE_SESSION_ID    stamped on every log entry (default: one id per process)",
          "VSM_STORE            the team store (postgresql://USER@HOST/DB) when --store is not"
              + " given",
          "PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGPASSFILE, PGSSLMODE",
          "                     fill in what the store URL leaves out, as for psql (~/.pgpass too)",
          "CLAUDE_PROJECT_DIR   vsm hook: the project whose log it records in",
          "VSM_TASK_ID, VSM_AGENT  set by vsm in its agents' processes; vsm hook reads them",
          "ANTHROPIC_API_KEY    passed to claude: logs it in without /login",
          "NO_COLOR             no colours",
          "TERM=dumb, CI        no live progress line",
          "COLUMNS              the width human log lines are cut to on a terminal",
          "JAVA_HOME            the Java ./vsm starts (default: java on PATH)",
          "VSM_NO_BUILD=1       ./vsm never builds (the plugin's hooks): a missing jar is exit 3");

  private static final Map<String, String> EXIT_CODES = new LinkedHashMap<>();

  static {
    EXIT_CODES.put("0", "success");
    EXIT_CODES.put("1", "the cycle failed (an agent failed or the audit did not pass)");
    EXIT_CODES.put("2", "usage error");
    EXIT_CODES.put(
        "3",
        "environment error: claude missing or not logged in, state not writable, a doctor check"
            + " failed");
    EXIT_CODES.put("130", "interrupted (Ctrl-C): agents stopped, task recorded as failed");
  }

  /** Adds the sections to {@code top} and each of its subcommands. */
  static void addTo(CommandLine top) {
    // The commands first, right after the description: they are what most people look for.
    List<String> keys = new java.util.ArrayList<>(top.getHelpSectionKeys());
    keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING);
    keys.remove(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST);
    int at = keys.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION) + 1;
    keys.add(at, CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST);
    keys.add(at, CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST_HEADING);
    top.setHelpSectionKeys(keys);
    add(top);
  }

  private static void add(CommandLine cmd) {
    cmd.getSubcommands().values().forEach(HelpSections::add);
    var usage = cmd.getCommandSpec().usageMessage();
    usage.optionListHeading("%nOptions:%n");
    usage.commandListHeading("%nCommands:%n");
    List<String> examples = EXAMPLES.get(cmd.getCommandSpec().qualifiedName());
    List<String> footer = new java.util.ArrayList<>();
    if (examples != null) {
      examples.forEach(e -> footer.add("  " + e.replace("%", "%%")));
      footer.add("");
      footer.add("Environment:");
      footer.add(""); // a paragraph of its own: the man page keeps the lines apart
    }
    ENVIRONMENT.forEach(e -> footer.add("  " + e));
    // The man page generator writes the footer only under a heading of its own.
    usage.footerHeading(examples != null ? "%nExamples:%n" : "%nEnvironment:%n");
    usage.footer(footer.toArray(String[]::new));
    usage.exitCodeListHeading("%nExit codes:%n");
    usage.exitCodeList(EXIT_CODES);
  }
}
