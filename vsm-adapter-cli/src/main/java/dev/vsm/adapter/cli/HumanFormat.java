package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CyclePlan;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.domain.agent.AgentProfile;
import dev.vsm.domain.agent.AgentType;
import dev.vsm.domain.complexity.AgentRecommendation;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskSummary;
import dev.vsm.domain.state.StateSnapshot;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.HealthCheck;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;

/** The human layouts: state and cycle result as in the reference, log lines, analysis, plan. */
final class HumanFormat {

  static final String RULE = "=".repeat(60);

  private HumanFormat() {}

  static String percent(double v) {
    return fixed(v * 100, 2) + "%";
  }

  /**
   * {@code v} with {@code decimals} digits after the point, as {@code String.format(Locale.ROOT,
   * "%.2f", v)} writes it (half up, from the shortest decimal form of {@code v}), without {@code
   * java.util.Formatter}: that costs a short command regular expressions and locale data.
   */
  static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) {
      return Double.isNaN(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
    }
    String digits =
        new BigDecimal(Double.toString(Math.abs(v)))
            .setScale(decimals, RoundingMode.HALF_UP)
            .toPlainString();
    return Double.compare(v, 0.0) < 0 ? "-" + digits : digits;
  }

  /** {@code s} followed by spaces up to {@code width} characters ({@code %-Ns}). */
  static String left(String s, int width) {
    String t = String.valueOf(s);
    return t.length() >= width ? t : t + " ".repeat(width - t.length());
  }

  /** {@code s} after spaces up to {@code width} characters ({@code %Ns}). */
  static String right(String s, int width) {
    String t = String.valueOf(s);
    return t.length() >= width ? t : " ".repeat(width - t.length()) + t;
  }

  /**
   * {@code s} safe to print on a terminal, on one line: control characters (ESC, CR, newlines, DEL,
   * C1 controls) and the Unicode controls that reorder or break text are shown escaped ({@code
   * \x1b}, {@code \r}, {@code \n}, {@code \u202e}), so a task or an agent's output can neither move
   * the cursor nor rewrite what is on the screen.
   */
  static String printable(String s) {
    return printable(s, false);
  }

  /** As {@link #printable(String)}; with {@code multiLine}, newlines and tabs are kept. */
  static String printable(String s, boolean multiLine) {
    if (s == null) {
      return null;
    }
    int i = 0;
    while (i < s.length() && !escaped(s.charAt(i), multiLine)) {
      i++;
    }
    if (i == s.length()) {
      return s;
    }
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!escaped(c, multiLine)) {
        b.append(c);
      } else if (c == '\n') {
        b.append("\\n");
      } else if (c == '\r') {
        b.append("\\r");
      } else if (c == '\t') {
        b.append("\\t");
      } else if (c < 0x100) {
        b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
      } else {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return b.toString();
  }

  private static boolean escaped(char c, boolean multiLine) {
    if (c < 0x20) {
      return !(multiLine && (c == '\n' || c == '\t'));
    }
    return (c >= 0x7f && c <= 0x9f)
        || (c >= 0x202a && c <= 0x202e)
        || (c >= 0x2066 && c <= 0x2069)
        || c == 0x2028
        || c == 0x2029
        || c == 0x200e
        || c == 0x200f
        || c == 0x061c;
  }

  static String state(StateSnapshot s) {
    StringBuilder b = new StringBuilder();
    b.append(RULE).append('\n').append("VSM State").append('\n').append(RULE).append("\n\n");
    b.append("Current Task:\n");
    if (s.currentTask().isPresent()) {
      CurrentTask t = s.currentTask().get();
      b.append("  ID: ").append(printable(t.id())).append('\n');
      b.append("  Description: ").append(shorten(printable(t.description()), 60)).append('\n');
      b.append("  Status: ").append(t.status().label()).append('\n');
      b.append("  Complexity: ").append(t.complexity()).append('\n');
    } else {
      b.append("  (none)\n");
    }
    ViabilityMetrics m = s.metrics();
    b.append("\nViability Metrics:\n");
    b.append("  Completion Rate: ").append(percent(m.completionRate())).append('\n');
    b.append("  Audit Pass Rate: ").append(percent(m.auditPassRate())).append('\n');
    b.append("  Oscillation Rate: ").append(percent(m.oscillationRate())).append('\n');
    b.append("  S3/S4 Conflicts: ").append(m.s3S4Conflicts()).append('\n');
    b.append("  Avg Cycle Iterations: ").append(fixed(m.avgCycleIterations(), 2)).append('\n');
    if (!m.agentErrors().isEmpty()) {
      b.append("\n  Agent Error Rates:\n");
      // Loops, not lambdas, in the state view: the first lambda of a process costs `state` ~12 ms.
      for (Map.Entry<String, Double> e : m.agentErrors().entrySet()) {
        b.append("    ").append(e.getKey()).append(": ").append(percent(e.getValue())).append('\n');
      }
    }
    if (!m.activeAdaptations().isEmpty()) {
      b.append("\n  Active Adaptations:\n");
      for (Adaptation a : m.activeAdaptations()) {
        b.append("    - ").append(a.type().label()).append(": ").append(a.effect()).append('\n');
      }
    }
    if (s.registry().isPresent()) {
      b.append("\nAgent Registry:\n");
      for (Map.Entry<String, AgentProfile> e : s.registry().get().agents().entrySet()) {
        b.append("  ").append(agentLine(e.getKey(), e.getValue())).append('\n');
      }
    }
    b.append("\nHealth:\n");
    List<HealthCheck.Issue> issues = HealthCheck.issues(m, s.currentTask(), ALIVE);
    if (issues.isEmpty()) {
      b.append("  healthy\n");
    } else {
      for (HealthCheck.Issue i : issues) {
        b.append("  - ").append(issue(i)).append('\n');
      }
    }
    b.append(RULE).append('\n');
    return b.toString();
  }

  /** A health problem, and the adaptation that answers it when one does. */
  /** The types' labels, comma-separated (a loop: no stream on the way to `analyze`'s answer). */
  private static String labels(List<AgentType> types) {
    StringBuilder b = new StringBuilder();
    for (AgentType t : types) {
      if (b.length() > 0) {
        b.append(", ");
      }
      b.append(t.label());
    }
    return b.toString();
  }

  /** Whether a process lives, as the JDK tells (a class, not a method reference: see above). */
  private static final LongPredicate ALIVE =
      new LongPredicate() {
        @Override
        public boolean test(long pid) {
          return ProcessProbe.JDK.isAlive(pid);
        }
      };

  static String issue(HealthCheck.Issue i) {
    return i.answeredBy() == null
        ? i.problem()
        : i.problem() + " (answered by " + i.answeredBy().label() + ")";
  }

  private static String agentLine(String name, AgentProfile p) {
    String line = left(name, 17) + " " + left(p.type().label(), 10) + " " + p.status().label();
    return p.currentTask() != null ? line + " (task " + p.currentTask() + ")" : line;
  }

  static String shorten(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 3) + "...";
  }

  /** One log entry on one line; cut to {@code width} columns when that is more than 0. */
  static String logLine(LogEntry e, int width) {
    String data = compact(e.data());
    String line =
        (left(printable(e.timestamp()), 27)
                + " "
                + left(printable(e.eventType()), 20)
                + " "
                + left(e.taskId() == null ? "-" : printable(e.taskId()), 9)
                + " "
                + left(e.agent() == null ? "-" : printable(e.agent()), 21)
                + " "
                + shorten(data, 160))
            .stripTrailing();
    return width > 0 ? fit(line, width) : line;
  }

  /** {@code line} in at most {@code width} columns (one per char; wide glyphs are rare here). */
  static String fit(String line, int width) {
    if (line.codePointCount(0, line.length()) <= width) {
      return line;
    }
    if (width < 4) {
      return line.substring(0, line.offsetByCodePoints(0, Math.max(0, width)));
    }
    return line.substring(0, line.offsetByCodePoints(0, width - 3)) + "...";
  }

  /** A short one-line rendering of log data. */
  static String compact(Map<String, Object> data) {
    // A loop, not a stream: `log` prints these, and the first lambda or stream of a process
    // costs it ~12 ms of set-up.
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Object> x : data.entrySet()) {
      if (x.getValue() != null && !"".equals(x.getValue())) {
        if (b.length() > 0) {
          b.append(' ');
        }
        b.append(x.getKey()).append('=').append(oneLine(String.valueOf(x.getValue())));
      }
    }
    return b.toString();
  }

  private static String oneLine(String s) {
    String t = printable(s.replace('\n', ' '));
    return t.length() > 80 ? t.substring(0, 77) + "..." : t;
  }

  static String taskSummary(TaskSummary s) {
    if (TaskSummary.NOT_FOUND.equals(s.status())) {
      return "Task " + s.taskId() + ": not found in the log\n";
    }
    return "Task "
        + printable(s.taskId())
        + ": "
        + s.status()
        + "; started "
        + s.startedAt()
        + (s.completedAt() == null ? "" : ", ended " + s.completedAt())
        + "; agents "
        + printable(String.join(", ", s.agentsInvoked()))
        + "; audit "
        + (s.auditPassed() == null ? "not performed" : s.auditPassed() ? "passed" : "failed")
        + "; conflicts "
        + s.conflicts().size()
        + "; adaptations "
        + s.adaptations().size()
        + "\n";
  }

  static String assessment(String task, ComplexityAssessment a) {
    AgentRecommendation r = AgentRecommendation.of(a);
    return "Task: "
        + printable(task)
        + "\n"
        + "  Complexity: "
        + a.complexity().label()
        + " (confidence "
        + fixed(a.confidence(), 2)
        + ")"
        + "\n"
        + "  Rationale: "
        + a.rationale()
        + "\n"
        + "  Agents: "
        + String.join(", ", a.suggestedAgents())
        + " (primary: "
        + String.join(", ", r.primaryAgents())
        + (r.supportAgents().isEmpty() ? "" : "; support: " + String.join(", ", r.supportAgents()))
        + ")\n"
        + "  Agent types: "
        + labels(a.suggestedAgentTypes())
        + "\n"
        + "  Parallel: "
        + (a.parallelPossible() ? "yes" : "no")
        + "\n"
        + "  Keywords: "
        + orNone(a.keywordsFound())
        + "\n"
        + "  Domains: "
        + orNone(a.domainSignals())
        + "\n"
        + "  Scope: "
        + a.scopeEstimate().label()
        + "\n";
  }

  private static String orNone(List<String> l) {
    return l.isEmpty() ? "none" : String.join(", ", l);
  }

  static String plan(CyclePlan p) {
    StringBuilder b = new StringBuilder();
    b.append(RULE)
        .append('\n')
        .append("VSM Dry Run (no agent is run)")
        .append('\n')
        .append(RULE)
        .append('\n');
    b.append(assessment(p.task(), p.assessment()));
    b.append("\nCycle:\n");
    b.append("  1. Adaptations: ");
    if (p.adaptationsToApply().isEmpty() && p.adaptationsToClear().isEmpty()) {
      b.append("none to apply or clear\n");
    } else {
      b.append('\n');
      p.adaptationsToApply()
          .forEach(
              a ->
                  b.append("     + apply ")
                      .append(a.type().label())
                      .append(": ")
                      .append(a.effect())
                      .append('\n'));
      p.adaptationsToClear()
          .forEach(
              a ->
                  b.append("     - clear ")
                      .append(a.type().label())
                      .append(" (condition passed)\n"));
    }
    b.append("  2. S4 system4-strategy analyses the task (stand-in: the rules above)\n");
    b.append("  3. S3 system3-control allocates: ")
        .append(p.allocation().complexity())
        .append(", ")
        .append(String.join(", ", p.allocation().agentNames()))
        .append(p.allocation().parallelExecution() ? " (parallel)" : " (sequential)")
        .append('\n');
    if (p.s5ApprovalRequired()) {
      b.append("     S5 system5-policy must approve the allocation\n");
    }
    b.append("  4. S2 system2-coordination plans")
        .append(p.increasedCoordination() ? " (tighter coordination)" : "")
        .append('\n');
    b.append("  5. S1 steps")
        .append(p.parallelSteps() ? " (agents of a step run at the same time)" : "")
        .append(":\n");
    for (int i = 0; i < p.steps().size(); i++) {
      b.append("     ")
          .append(i + 1)
          .append(". ")
          .append(p.steps().get(i).stream().map(x -> "s1-" + x).collect(Collectors.joining(", ")))
          .append('\n');
    }
    b.append("  6. S3* system3-audit checks the work")
        .append(p.tightenedAudit() ? " (strict)" : "")
        .append('\n');
    b.append("  7. S5 settles any S3/S4 conflict; metrics are updated\n");
    b.append(RULE).append('\n');
    return b.toString();
  }

  static String cycle(CycleResult r, boolean verbose) {
    StringBuilder b = new StringBuilder();
    b.append(RULE)
        .append('\n')
        .append(
            r.planned()
                ? "VSM Cycle Planned: NOT APPROVED"
                : "VSM Cycle Complete: " + (r.success() ? "SUCCESS" : "FAILED"))
        .append('\n')
        .append(RULE)
        .append('\n');
    b.append("Task ID: ").append(r.taskId());
    if (r.attempt() > 1) {
      b.append(" (attempt ").append(r.attempt()).append(')');
    }
    b.append('\n');
    b.append("Summary: ").append(r.summary()).append('\n');
    b.append("Complexity: ").append(r.complexity()).append('\n');
    b.append("Agents invoked: ")
        .append(r.agentsInvoked().isEmpty() ? "none" : String.join(", ", r.agentsInvoked()))
        .append('\n');
    b.append("Audit: ")
        .append(r.auditPassed() == null ? "not performed" : r.auditPassed() ? "passed" : "failed")
        .append('\n');
    listed(b, "Conflicts", r.conflicts().stream().map(c -> "  - " + c.describe()).toList());
    listed(b, "Adaptations", adaptationLines(r.adaptations()));
    listed(
        b,
        "Files changed",
        r.s1Results().stream()
            .filter(a -> !a.filesChanged().isEmpty())
            .map(a -> "  " + a.agent() + ": " + String.join(", ", a.filesChanged()))
            .toList());
    listed(b, "Oscillation", r.oscillations().stream().map(o -> "  - " + o.evidence()).toList());
    for (String n : r.notes()) {
      b.append("Note: ").append(n).append('\n');
    }
    b.append("Cost: $")
        .append(fixed(r.costUsd(), 4))
        .append("   Tokens: ")
        .append(r.inputTokens())
        .append(" in / ")
        .append(r.outputTokens())
        .append(" out   Duration: ")
        .append(fixed(r.duration().toMillis() / 1000.0, 1))
        .append("s\n");
    for (AgentRun a : r.s1Results()) {
      if (verbose || !a.success()) {
        b.append('\n')
            .append(a.agent())
            .append(": ")
            .append(a.success() ? "succeeded" : "FAILED")
            .append(" (")
            .append(fixed(a.duration().toMillis() / 1000.0, 1))
            .append("s)")
            .append('\n');
        if (!a.success() && a.error() != null) {
          b.append("  Error: ").append(a.error()).append('\n');
        }
        if (verbose && !a.output().isBlank()) {
          b.append("  Output:\n    ")
              .append(a.output().strip().replace("\n", "\n    "))
              .append('\n');
        }
      }
    }
    b.append(RULE).append('\n');
    return b.toString();
  }

  /** {@code label: none}, or {@code label:} and one line each (given with their indentation). */
  static void listed(StringBuilder b, String label, List<String> lines) {
    b.append(label).append(": ");
    if (lines.isEmpty()) {
      b.append("none\n");
    } else {
      b.append('\n');
      lines.forEach(l -> b.append(l).append('\n'));
    }
  }

  /** Each adaptation as a line of a list: its type and what it does. */
  static List<String> adaptationLines(List<Adaptation> adaptations) {
    return adaptations.stream().map(a -> "  - " + a.type().label() + ": " + a.effect()).toList();
  }
}
