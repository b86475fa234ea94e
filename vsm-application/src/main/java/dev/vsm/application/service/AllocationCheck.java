package dev.vsm.application.service;

import dev.vsm.application.protocol.S3Protocol.S3Decision;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.S3Allocation;
import java.util.List;

/**
 * Turns S3's decision (or the rules' stand-in) into the allocation that runs. The user's hint is
 * binding; names are untrusted: one that is not a safe agent name is dropped, and one without an
 * agent definition is replaced by the closest specialist that has one (else generalist-coder), each
 * said in the notes and the log. An allocation left with no agent is the rules' one.
 */
final class AllocationCheck {

  private final Cycle cycle;
  private final Specialists specialists;

  AllocationCheck(Cycle cycle, Specialists specialists) {
    this.cycle = cycle;
    this.specialists = specialists;
  }

  /** The specialists an allocation may name (without the {@code s1-} prefix). */
  List<String> specialists() {
    return specialists.names();
  }

  S3Allocation allocation(S3Decision decision, S3Decision standIn) {
    S3Decision chosen = decision;
    Complexity hint = cycle.command.hint();
    boolean hintIgnored =
        !decision.standIn()
            && hint != null
            && (hint == Complexity.SIMPLE || !hint.label().equalsIgnoreCase(decision.complexity()));
    if (hintIgnored) {
      if (hint != Complexity.SIMPLE || !decision.agents().isEmpty()) {
        cycle.note("allocation replaced by the rule-based one for the hinted " + hint.label());
      }
      chosen = standIn;
    }
    List<AllocatedAgent> agents = runnable(chosen.agents());
    if (agents.isEmpty() && !chosen.standIn()) {
      cycle.standIn("S3", "allocation named no agent that can run");
      chosen = standIn;
      agents = runnable(standIn.agents());
    }
    if (agents.isEmpty()) {
      agents = List.of(AllocatedAgent.named(specialists.runs(AgentName.GENERALIST)));
    }
    String complexity =
        Complexity.parse(chosen.complexity()).map(Complexity::label).orElse(standIn.complexity());
    return new S3Allocation(
        cycle.taskId,
        complexity,
        agents,
        chosen.rationale() == null ? "" : chosen.rationale(),
        cycle.now(),
        chosen.parallel());
  }

  /** The agents that can run; what was dropped or replaced is said in the notes and the log. */
  private List<AllocatedAgent> runnable(List<AllocatedAgent> wanted) {
    return specialists.runnable(
        wanted,
        new Specialists.Changes() {
          @Override
          public void dropped(String name) {
            cycle.log.agentReplaced(name, null, "not a valid agent name");
            cycle.note("dropped an agent name that is not valid: " + printable(name));
          }

          @Override
          public void replaced(String name, String runs) {
            cycle.log.agentReplaced(name, runs, "no agent definition named s1-" + name);
            cycle.note("agent '" + name + "' has no definition: " + runs + " runs in its place");
          }
        });
  }

  private static String printable(String s) {
    String p = s.replaceAll("\\p{Cntrl}", "?");
    return p.length() > 80 ? p.substring(0, 80) + "…" : p;
  }
}
