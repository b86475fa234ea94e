package dev.vsm.application.port.in;

import java.util.Optional;

/**
 * Records what Claude Code's hooks report — tool uses, vsm's agents starting and stopping, sessions
 * ending — in the execution log and the viability metrics. Never throws for what a hook sends.
 */
public interface RecordHookEventUseCase {

  /** Records {@code event}; for a session start, answers with the briefing to hand the session. */
  Optional<SessionBriefing> record(HookEvent event);
}
