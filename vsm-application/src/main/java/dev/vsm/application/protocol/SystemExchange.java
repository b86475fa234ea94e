package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import java.util.Optional;

/**
 * One exchange with a system agent: who is asked, the schema its reply must follow, what it is
 * asked, how its reply becomes a value, and what stands in when there is no usable reply. Each
 * system agent's protocol implements it, so the cycle asks every one of them the same way.
 *
 * @param <T> the value the exchange yields
 */
public interface SystemExchange<T> {

  SystemAgent agent();

  /** The JSON Schema of the reply, as JSON text (passed to the CLI's {@code --json-schema}). */
  String schema();

  String prompt();

  /** The reply as a value; empty when it does not hold what the exchange needs. */
  Optional<T> read(AgentReply reply);

  /** What the cycle goes on with when the agent fails or its reply is not usable. */
  T standIn();
}
