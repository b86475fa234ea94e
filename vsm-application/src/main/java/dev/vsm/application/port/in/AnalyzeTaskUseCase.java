package dev.vsm.application.port.in;

import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAssessment;

/** Rules only: how complex a task is and who would do it. */
public interface AnalyzeTaskUseCase {
  ComplexityAssessment analyze(String task, Complexity hint);
}
