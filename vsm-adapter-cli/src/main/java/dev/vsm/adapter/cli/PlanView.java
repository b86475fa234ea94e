package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.PlannedTask;
import java.util.Locale;

/** A planned task as a person reviews it before any S1 agent edits. */
final class PlanView {

  private PlanView() {}

  static String of(PlannedTask p) {
    StringBuilder b = new StringBuilder();
    b.append(HumanFormat.RULE)
        .append('\n')
        .append("VSM Plan of task ")
        .append(p.taskId())
        .append(" (no S1 agent has run)\n")
        .append(HumanFormat.RULE)
        .append('\n');
    b.append("Task: ").append(p.task()).append('\n');
    b.append("Complexity: ").append(p.complexity()).append('\n');
    if (p.approach() != null && !p.approach().isBlank()) {
      b.append("Approach: ").append(oneLine(p.approach())).append('\n');
    }
    b.append("Steps")
        .append(
            p.parallel()
                ? " (the agents of a step run at the same time)"
                : " (one agent at a time)")
        .append(":\n");
    for (int i = 0; i < p.steps().size(); i++) {
      int step = i + 1;
      b.append("  ").append(step).append(". ");
      boolean first = true;
      for (PlannedTask.PlannedAgent a : p.agents()) {
        if (a.step() != step) {
          continue;
        }
        b.append(first ? "" : "\n     ").append(a.agent());
        String what = a.focus().isBlank() ? a.role() : a.focus();
        if (!what.isBlank()) {
          b.append(" — ").append(oneLine(what));
        }
        first = false;
      }
      b.append('\n');
    }
    if (!p.fileOwners().isEmpty()) {
      b.append("File owners (S2):\n");
      for (PlannedTask.FileOwner f : p.fileOwners()) {
        b.append("  ")
            .append(f.owner())
            .append(": ")
            .append(String.join(", ", f.files()))
            .append('\n');
      }
    }
    HumanFormat.listed(b, "Adaptations in force", HumanFormat.adaptationLines(p.adaptations()));
    for (String n : p.notes()) {
      b.append("Note: ").append(n).append('\n');
    }
    b.append(
        String.format(
            Locale.ROOT,
            "Cost so far: $%.4f   Tokens: %d in / %d out%n",
            p.costUsd(),
            p.inputTokens(),
            p.outputTokens()));
    b.append(HumanFormat.RULE).append('\n');
    return b.toString();
  }

  private static String oneLine(String s) {
    String t = s.replace('\n', ' ').strip();
    return t.length() > 160 ? t.substring(0, 157) + "..." : t;
  }
}
