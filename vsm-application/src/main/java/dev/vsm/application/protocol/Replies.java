package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.port.out.AgentResult;
import java.util.Optional;

/** An agent's reply as the runner read it, and text cut down for prompts and the log. */
public final class Replies {

  private Replies() {}

  /** The reply of a successful run; a failed run has none worth reading. */
  public static Optional<AgentReply> of(AgentResult result) {
    return result == null || !result.success() ? Optional.empty() : result.reply();
  }

  /** Text cut to {@code max} characters with an ellipsis. */
  public static String preview(String text, int max) {
    if (text == null) {
      return "";
    }
    String t = text.strip();
    return t.length() <= max ? t : t.substring(0, max - 1) + "…";
  }
}
