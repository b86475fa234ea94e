package dev.vsm.application.protocol;

import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.S3Allocation;
import java.util.List;
import java.util.Map;

/** How values appear in what an agent reads: readable lines or JSON, never a record's toString. */
final class PromptText {

  private PromptText() {}

  /** {@code medium complexity, sequential}, then one line per agent. */
  static String allocation(S3Allocation a) {
    return a.complexity()
        + " complexity, "
        + (a.parallelExecution() ? "parallel" : "sequential")
        + "\n"
        + agents(a.selectedAgents());
  }

  /** One line per agent: {@code - code-writer (step 1): implement; focus: the change}. */
  static String agents(List<AllocatedAgent> agents) {
    if (agents.isEmpty()) {
      return "- none";
    }
    StringBuilder b = new StringBuilder();
    for (AllocatedAgent a : agents) {
      b.append(b.length() > 0 ? "\n" : "").append("- ").append(a.agent());
      if (a.order() != null) {
        b.append(" (step ").append(a.order()).append(')');
      }
      if (!a.role().isBlank()) {
        b.append(": ").append(a.role().strip());
      }
      if (!a.taskFocus().isBlank()) {
        b.append(a.role().isBlank() ? ": " : "; ").append("focus: ").append(a.taskFocus().strip());
      }
    }
    return b.toString();
  }

  /** The S1 steps in order: {@code 1. frontend + backend (together)}. */
  static String steps(List<List<String>> steps) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < steps.size(); i++) {
      List<String> step = steps.get(i);
      b.append(i > 0 ? "\n" : "").append(i + 1).append(". ").append(String.join(" + ", step));
      if (step.size() > 1) {
        b.append(" (together)");
      }
    }
    return b.length() == 0 ? "none" : b.toString();
  }

  /** Items one per line ({@code - item}); objects and lists as JSON; {@code none} when empty. */
  static String items(List<?> items) {
    if (items.isEmpty()) {
      return "none";
    }
    StringBuilder b = new StringBuilder();
    for (Object o : items) {
      b.append(b.length() > 0 ? "\n" : "").append("- ").append(item(o));
    }
    return b.toString();
  }

  /** A risk as S4 gives it ({@code {"risk": …, "severity": …}}) reads {@code risk (severity)}. */
  private static String item(Object o) {
    if (o instanceof Map<?, ?> m && m.get("risk") instanceof String risk) {
      return m.get("severity") instanceof String s ? risk + " (" + s + ")" : risk;
    }
    return o instanceof String s ? s : JsonText.of(o);
  }

  /** Names joined with commas; {@code none} when empty. */
  static String names(List<?> names) {
    if (names.isEmpty()) {
      return "none";
    }
    return String.join(", ", names.stream().map(PromptText::item).toList());
  }
}
