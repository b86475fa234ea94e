package dev.vsm.application.service;

import dev.vsm.application.protocol.S4Protocol;
import dev.vsm.application.protocol.S4Protocol.S4Analysis;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.S4Environment;

/** S4 intelligence: studies the task and the code; its analysis is saved as the environment. */
final class IntelligencePhase {

  private final Cycle cycle;

  IntelligencePhase(Cycle cycle) {
    this.cycle = cycle;
  }

  S4Analysis analyse(ComplexityAssessment assessment) {
    cycle.progress.phaseStarted("S4 intelligence");
    S4Analysis s4 = cycle.ask(new S4Protocol(cycle.task(), assessment));
    cycle.store.saveEnvironment(
        new S4Environment(
            cycle.taskId,
            s4.taskAnalysis(),
            s4.environmentContext(),
            s4.risks(),
            s4.opportunities(),
            s4.approach(),
            cycle.now()));
    return s4;
  }
}
