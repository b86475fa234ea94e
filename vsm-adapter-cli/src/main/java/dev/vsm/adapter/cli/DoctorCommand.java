package dev.vsm.adapter.cli;

import dev.vsm.application.port.out.AgentEnvironmentProbe;
import dev.vsm.library.InvalidRulesException;
import dev.vsm.library.RulesFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code vsm doctor}: whether everything a cycle needs is in place, one line per check with the
 * fix, before any task exists. Exit 3 when a check fails.
 */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    header = "Check that everything a cycle needs is in place.",
    sortOptions = false,
    usageHelpAutoWidth = true,
    description = {
      "Check Java, the Claude Code CLI (found, its version, logged in), the state directory "
          + "(writable) or the team store (reachable, its schema version), the rules file and the agent definitions (valid), and whether vsm's "
          + "Claude Code plugin is installed. One line per check, with the fix for each that "
          + "fails; exit 3 when one fails. Nothing is changed and nothing costs money."
    })
final class DoctorCommand implements Callable<Integer> {

  @ParentCommand VsmCommand vsm;
  @Spec CommandSpec spec;
  @Mixin SharedOptions.Json json;
  @Mixin SharedOptions.Rules rules;

  @Option(
      names = "--claude-command",
      paramLabel = "PATH",
      description = "The Claude Code CLI (default: $VSM_CLAUDE_COMMAND, else claude on PATH).")
  String claudeCommand;

  /** One check: passed (true), failed (false) or only information (null). */
  record Check(String name, Boolean ok, String detail, String fix) {}

  @Override
  public Integer call() {
    Invocation inv = vsm.invocation(spec, rules.file, true);
    List<Check> checks =
        checks(
            inv,
            inv.vsmBuilder().claudeCommand(claudeCommand).build().agentEnvironment(),
            rules.file);
    long failed = checks.stream().filter(c -> Boolean.FALSE.equals(c.ok())).count();
    if (json.json) {
      Map<String, Object> doc = new LinkedHashMap<>();
      doc.put("ok", failed == 0);
      doc.put("checks", checks.stream().map(DoctorCommand::document).toList());
      doc.put(
          "error",
          failed == 0
              ? null
              : Map.of(
                  "kind",
                  "doctor",
                  "message",
                  failed + " check" + (failed == 1 ? "" : "s") + " failed"));
      inv.print(JsonText.pretty(Documents.versioned(doc)));
    } else {
      boolean color = inv.terminal().color();
      StringBuilder b = new StringBuilder();
      for (Check c : checks) {
        String mark = c.ok() == null ? "-" : c.ok() ? "✓" : "✗";
        if (color && c.ok() != null) {
          mark = (c.ok() ? "\u001b[32m" : "\u001b[31m") + mark + "\u001b[0m";
        }
        b.append(mark)
            .append(' ')
            .append(c.name())
            .append(": ")
            .append(HumanFormat.printable(c.detail()));
        if (c.fix() != null) {
          b.append(" — ").append(HumanFormat.printable(c.fix()));
        }
        b.append('\n');
      }
      b.append(
          failed == 0
              ? "Everything a cycle needs is in place.\n"
              : failed + " check" + (failed == 1 ? "" : "s") + " failed: see the fixes above.\n");
      inv.print(b.toString());
    }
    return failed == 0 ? ExitCode.SUCCESS : ExitCode.ENVIRONMENT;
  }

  static List<Check> checks(Invocation inv, AgentEnvironmentProbe probe, Path rulesFile) {
    List<Check> checks = new ArrayList<>();
    checks.add(
        new Check(
            "Java",
            Runtime.version().feature() >= 17,
            VersionCommand.java(),
            Runtime.version().feature() >= 17 ? null : "install Java 17 or newer"));
    AgentEnvironmentProbe.Installation cli = probe.installation();
    checks.add(
        cli.version() != null
            ? new Check("Claude Code CLI", true, cli.version() + " (" + cli.path() + ")", null)
            : new Check(
                "Claude Code CLI",
                false,
                cli.path() == null ? "not found" : cli.path(),
                cli.problem()));
    if (cli.found()) {
      AgentEnvironmentProbe.Login login = probe.login();
      checks.add(
          Boolean.TRUE.equals(login.loggedIn())
              ? new Check(
                  "logged in",
                  true,
                  login.method() == null ? "yes" : "yes (" + login.method() + ")",
                  null)
              : new Check(
                  "logged in",
                  false,
                  login.loggedIn() == null ? "could not ask" : "no",
                  login.problem()));
    } else {
      checks.add(
          new Check("logged in", false, "cannot ask: no Claude Code CLI", "install it first"));
    }
    checks.add(store(inv));
    checks.add(rules(inv, rulesFile));
    AgentEnvironmentProbe.Definitions defs = probe.definitions(inv.workDir());
    if (defs.problems().isEmpty()) {
      checks.add(
          new Check(
              "agent definitions",
              true,
              defs.agents()
                  + " valid"
                  + (defs.fromProject() == 0
                      ? " (built in)"
                      : " (" + defs.fromProject() + " from .claude/agents/)"),
              null));
    } else {
      for (AgentEnvironmentProbe.Problem problem : defs.problems()) {
        checks.add(new Check("agent definitions", false, problem.detail(), problem.fix()));
      }
    }
    if (cli.found()) {
      AgentEnvironmentProbe.Plugin plugin = probe.plugin();
      if (Boolean.TRUE.equals(plugin.installed())) {
        checks.add(
            new Check(
                "Claude Code plugin",
                Boolean.TRUE.equals(plugin.enabled()) ? true : null,
                "vsm "
                    + (plugin.version() == null ? "" : plugin.version() + " ")
                    + (Boolean.TRUE.equals(plugin.enabled()) ? "installed" : "installed, disabled"),
                Boolean.TRUE.equals(plugin.enabled())
                    ? null
                    : "claude plugin enable vsm@vsm (optional)"));
      } else {
        checks.add(
            new Check(
                "Claude Code plugin",
                null,
                plugin.installed() == null
                    ? "could not ask (" + plugin.problem() + ")"
                    : "not installed",
                "optional: claude plugin install vsm --marketplace <this clone of vsm>"));
      }
    }
    return checks;
  }

  /** The team store when one is given (--store, VSM_STORE), else the state directory. */
  static Check store(Invocation inv) {
    String name = "team store";
    java.util.Optional<TeamStore.StoreHealth> health;
    try {
      health = inv.teamStore().health();
    } catch (UsageException e) {
      return new Check(name, false, e.getMessage(), "correct --store or VSM_STORE");
    }
    if (health.isEmpty()) {
      return stateDirectory(inv.workDir());
    }
    TeamStore.StoreHealth h = health.get();
    if (!h.reachable()) {
      return new Check(name, false, h.location() + ": " + h.problem(), null);
    }
    String detail =
        h.location()
            + " reachable (PostgreSQL "
            + h.serverVersion()
            + "), schema version "
            + h.schemaVersion();
    if (h.schemaVersion() > h.expectedSchemaVersion()) {
      return new Check(name, false, detail, "upgrade vsm: the store's schema is newer");
    }
    if (h.schemaVersion() < h.expectedSchemaVersion()) {
      return new Check(
          name,
          null,
          detail + " of " + h.expectedSchemaVersion(),
          "vsm store migrate (or the first command that uses the store) brings it up to date");
    }
    return new Check(name, true, detail, null);
  }

  /** Whether vsm can write its state: tried with a scratch file, the only sure way (root, ACLs). */
  static Check stateDirectory(Path workDir) {
    Path state = workDir.resolve(".claude").resolve("vsm-state");
    String name = "state directory";
    if (Files.isSymbolicLink(state) || Files.isSymbolicLink(state.getParent())) {
      return new Check(
          name,
          false,
          state + " goes through a symbolic link, which vsm refuses",
          "replace the link with a directory");
    }
    Path existing = state;
    while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
      existing = existing.getParent();
    }
    if (existing == null || !Files.isDirectory(existing, LinkOption.NOFOLLOW_LINKS)) {
      return new Check(
          name,
          false,
          (existing == null ? state : existing) + " is not a directory",
          "remove it or choose another -d");
    }
    try {
      Path probe = Files.createTempFile(existing, ".vsm-doctor-", ".tmp");
      Files.delete(probe);
    } catch (IOException | SecurityException e) {
      return new Check(
          name,
          false,
          existing + " is not writable (" + e.getClass().getSimpleName() + ")",
          "give this user write access to " + existing + ", or run vsm with -d elsewhere");
    }
    return new Check(
        name, true, state + (existing.equals(state) ? " writable" : " can be created"), null);
  }

  private static Check rules(Invocation inv, Path rulesFile) {
    Path project = inv.workDir().resolve(RulesFile.PROJECT_RULES);
    boolean hasProject = Files.isRegularFile(project);
    if (!hasProject && rulesFile == null) {
      return new Check("rules", true, "built in (no " + RulesFile.PROJECT_RULES + ")", null);
    }
    try {
      inv.vsm().rules();
      return new Check(
          "rules",
          true,
          (hasProject ? RulesFile.PROJECT_RULES : "")
              + (hasProject && rulesFile != null ? " and " : "")
              + (rulesFile == null ? "" : rulesFile.toString())
              + " valid",
          null);
    } catch (InvalidRulesException e) {
      return new Check(
          "rules",
          false,
          e.getMessage(),
          "correct the file (README: Configuring complexity rules)");
    }
  }

  private static Map<String, Object> document(Check c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", c.name());
    m.put("ok", c.ok());
    m.put("detail", c.detail());
    m.put("fix", c.fix());
    return m;
  }
}
