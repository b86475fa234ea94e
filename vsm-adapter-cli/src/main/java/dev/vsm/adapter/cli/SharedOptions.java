package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.AgentSettings;
import dev.vsm.application.port.in.Isolation;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.library.RulesFile;
import dev.vsm.library.Vsm;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Options that several commands take, each written once: the top command (the Python-compatible
 * forms) and the subcommands mix them in, so every form of the command line reads them the same
 * way.
 */
final class SharedOptions {

  private SharedOptions() {}

  /** {@code --json}. */
  static final class Json {
    @Option(names = "--json", description = "Print one JSON document on stdout, nothing else.")
    boolean json;
  }

  /** {@code --simple | --medium | --complex}: the binding complexity hint. */
  static final class Hint {
    @ArgGroup(exclusive = true, multiplicity = "0..1", heading = "%nComplexity hint:%n")
    Level level;

    static final class Level {
      @Option(
          names = "--simple",
          required = true,
          description = "Binding hint: simple (generalist-coder alone).")
      boolean simple;

      @Option(
          names = "--medium",
          required = true,
          description = "Binding hint: medium (functional specialists).")
      boolean medium;

      @Option(
          names = "--complex",
          required = true,
          description = "Binding hint: complex (domain specialists).")
      boolean complex;
    }

    /** The hint given, or null. */
    Complexity complexity() {
      if (level == null) {
        return null;
      }
      return level.simple
          ? Complexity.SIMPLE
          : level.medium ? Complexity.MEDIUM : Complexity.COMPLEX;
    }
  }

  /** {@code --rules FILE}. */
  static final class Rules {
    @Option(
        names = "--rules",
        paramLabel = "FILE",
        description =
            "Extra complexity rules as JSON (also read from DIR/" + RulesFile.PROJECT_RULES + ").")
    Path file;
  }

  /** How each agent of a cycle runs: the options passed on to {@code claude -p}. */
  static final class Agents {
    @Option(
        names = "--claude-command",
        paramLabel = "PATH",
        description = "The Claude Code CLI (default: $VSM_CLAUDE_COMMAND, else claude on PATH).")
    String claudeCommand;

    @Option(
        names = "--model",
        paramLabel = "MODEL",
        description = "Model for every agent (e.g. sonnet, opus).")
    String model;

    @Option(
        names = "--agent-timeout",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Time limit per agent, e.g. 90s, 30m (default 30m, at most 7d).")
    Duration agentTimeout;

    @Option(
        names = "--cycle-timeout",
        paramLabel = "DURATION",
        converter = DurationConverter.class,
        description = "Time limit for the whole cycle: no agent starts or runs past it.")
    Duration cycleTimeout;

    @Option(
        names = "--max-budget-usd",
        paramLabel = "USD",
        converter = Numbers.Dollars.class,
        description =
            "Budget of the whole cycle: each agent may spend what is left; none starts once spent.")
    Double maxBudgetUsd;

    @Option(
        names = "--max-turns",
        paramLabel = "N",
        converter = Numbers.Positive.class,
        description = "Turn limit per agent.")
    Integer maxTurns;

    @Option(
        names = "--permission-mode",
        paramLabel = "MODE",
        description =
            "Permission mode of S1 agents (default acceptEdits): ${COMPLETION-CANDIDATES}.",
        completionCandidates = PermissionModes.class)
    String permissionMode;

    @Option(
        names = "--isolation",
        paramLabel = "ISOLATION",
        converter = IsolationConverter.class,
        completionCandidates = IsolationModes.class,
        description =
            "Where agents of a parallel step work: auto (default: each in a git worktree of its "
                + "own when DIR is in a git repository, their work merged back after the step), "
                + "worktree (the same; an error outside a git repository), none (all in DIR).")
    Isolation isolation;

    @Option(
        names = "--no-progress",
        description = "Print no progress on stderr (errors and warnings still go there).")
    boolean noProgress;

    static final class IsolationModes extends ArrayList<String> {
      IsolationModes() {
        super(Arrays.stream(Isolation.values()).map(Isolation::label).toList());
      }
    }

    static final class IsolationConverter implements CommandLine.ITypeConverter<Isolation> {
      @Override
      public Isolation convert(String value) {
        return Arrays.stream(Isolation.values())
            .filter(i -> i.label().equals(value))
            .findFirst()
            .orElseThrow(
                () ->
                    new CommandLine.TypeConversionException("must be one of none, worktree, auto"));
      }
    }

    static final class PermissionModes extends ArrayList<String> {
      PermissionModes() {
        super(Vsm.PERMISSION_MODES);
      }
    }

    void validate() {
      if (permissionMode != null && !Vsm.PERMISSION_MODES.contains(permissionMode)) {
        throw new UsageException(
            "--permission-mode must be one of " + String.join(", ", Vsm.PERMISSION_MODES));
      }
    }

    AgentSettings agentSettings() {
      return new AgentSettings(model, maxTurns, permissionMode);
    }
  }
}
