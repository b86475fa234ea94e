package dev.vsm.application.port.out;

import java.util.UUID;

/**
 * Where new ids come from: task ids (8 lower-case hex characters in production), and the Claude
 * session each agent run gets (a UUID, as the CLI's {@code --session-id} takes).
 */
public interface IdSource {
  String newTaskId();

  default String newSessionId() {
    return UUID.randomUUID().toString();
  }
}
