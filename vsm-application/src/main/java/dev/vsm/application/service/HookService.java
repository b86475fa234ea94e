package dev.vsm.application.service;

import dev.vsm.application.document.Timestamps;
import dev.vsm.application.port.in.HookEvent;
import dev.vsm.application.port.in.HookEvent.AgentStarted;
import dev.vsm.application.port.in.HookEvent.AgentStopped;
import dev.vsm.application.port.in.HookEvent.SessionEnded;
import dev.vsm.application.port.in.HookEvent.SessionStarted;
import dev.vsm.application.port.in.HookEvent.ToolUsed;
import dev.vsm.application.port.in.HookEvent.Unreadable;
import dev.vsm.application.port.in.HookOrigin;
import dev.vsm.application.port.in.RecordHookEventUseCase;
import dev.vsm.application.port.in.SessionBriefing;
import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.protocol.S1Protocol;
import dev.vsm.application.protocol.S1Protocol.S1Report;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.viability.HealthCheck;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * What Claude Code's hooks tell vsm, recorded: each file-changing tool use as {@code tool_used}
 * (with the vsm task and agent when the session is one of vsm's agents), the start and stop of
 * vsm's own agents as {@code agent_invoked} / {@code agent_completed} with an S1 agent's report
 * moving its error rate, a session's end as {@code session_completed}, and anything unreadable as a
 * warning. A session start is answered with vsm's health and active adaptations.
 */
public final class HookService implements RecordHookEventUseCase {

  private final Supplier<StateStore> store;
  private final Supplier<ExecutionLog> log;
  private final Clock clock;

  public HookService(Supplier<StateStore> store, Supplier<ExecutionLog> log, Clock clock) {
    this.store = store;
    this.log = log;
    this.clock = clock;
  }

  @Override
  public Optional<SessionBriefing> record(HookEvent event) {
    HookOrigin origin = event.origin();
    if (origin.viaPlugin() && origin.taskId() != null) {
      // One of vsm's own agents: vsm follows its stream and logs its tool uses, start and end
      // itself.
      return Optional.empty();
    }
    HookLog events = new HookLog(log.get(), clock, origin.taskId(), origin.sessionId());
    if (event instanceof ToolUsed t) {
      events.toolUsed(agentName(origin), t.use(), origin.agentType(), origin.agentId());
    } else if (event instanceof AgentStarted) {
      String agent = vsmAgent(origin);
      if (agent != null) {
        events.agentStarted(agent, origin.agentType(), origin.agentId());
      }
    } else if (event instanceof AgentStopped s) {
      stopped(events, s);
    } else if (event instanceof SessionStarted) {
      return Optional.of(briefing());
    } else if (event instanceof SessionEnded s) {
      events.sessionCompleted(s.reason());
    } else if (event instanceof Unreadable u) {
      events.hookInputUnreadable(u.event(), u.problem());
    }
    return Optional.empty();
  }

  private void stopped(HookLog events, AgentStopped s) {
    String agent = vsmAgent(s.origin());
    if (agent == null) {
      return;
    }
    // No lambdas: this hook runs at every agent's end, and the first lambda of a process costs it
    // ~12 ms of set-up.
    Optional<S1Report> report =
        s.report() == null ? Optional.empty() : S1Protocol.read(AgentReply.of(s.report()));
    boolean failed = report.isPresent() && report.get().reportsFailure();
    events.agentStopped(
        agent,
        failed,
        report.isPresent() ? report.get().status() : null,
        s.lastMessage(),
        s.origin().agentType(),
        s.origin().agentId());
    if (report.isPresent() && agent.startsWith(AgentName.S1_PREFIX)) {
      String key = AgentName.withoutS1Prefix(agent);
      store
          .get()
          .updateMetrics(
              new UnaryOperator<ViabilityMetrics>() {
                @Override
                public ViabilityMetrics apply(ViabilityMetrics m) {
                  return m.withAgentResult(key, !failed, Timestamps.now(clock));
                }
              });
    }
  }

  private SessionBriefing briefing() {
    ViabilityMetrics m = store.get().metrics();
    return new SessionBriefing(HealthCheck.issues(m), m.activeAdaptations());
  }

  /** The agent a log entry names: vsm's agent when it is one, else Claude Code's agent type. */
  private static String agentName(HookOrigin origin) {
    String vsm = vsmAgent(origin);
    return vsm != null ? vsm : origin.agentType();
  }

  /** The vsm agent of the event, when it is a well-formed agent name. */
  private static String vsmAgent(HookOrigin origin) {
    String agent = origin.agent();
    return AgentName.isValid(agent) ? agent : null;
  }
}
