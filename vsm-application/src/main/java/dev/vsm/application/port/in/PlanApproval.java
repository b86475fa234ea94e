package dev.vsm.application.port.in;

/**
 * Asked after S2, before any S1 agent edits: true runs the agents, false leaves the task planned
 * (nothing failed; {@code vsm apply} runs it later). Called on the cycle's thread.
 */
@FunctionalInterface
public interface PlanApproval {
  boolean approve(PlannedTask plan);
}
