package dev.vsm.application.port.out;

/**
 * Runs one agent to completion. Never throws for an agent's failure: it is a result. Responds to
 * thread interruption by stopping the agent and returning a {@code CANCELLED} result promptly.
 */
public interface AgentRunner {
  AgentResult run(AgentRequest request);
}
