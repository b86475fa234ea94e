package dev.vsm.application.service;

import dev.vsm.application.port.out.AgentRequest.AgentRole;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.protocol.S1Protocol;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.TaskPlan;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * One S1 agent's part of a step: admitted, run (or its stopped session continued), judged, kept.
 */
final class S1Run {

  /** What every agent of a step is told, and the sessions stopped runs left. */
  record Work(
      String approach,
      Map<String, Object> plan,
      String reviewFor,
      Map<String, String> continuing) {}

  private final Cycle cycle;

  S1Run(Cycle cycle) {
    this.cycle = cycle;
  }

  /**
   * One agent: {@code busy} in the registry while it works, judged by its report, its error rate
   * moved, and what it did kept in the task's plan. A session that cannot be continued (the CLI
   * refuses it at once, at no cost) is not the agent's failure: it starts afresh.
   */
  AgentResult operate(AllocatedAgent a, Work work, CycleBudget.Share share, Path checkout) {
    String name = AgentName.s1(a.agent());
    AgentCalls.Admission admission = cycle.agents.admit(name, share);
    if (admission.refused().isPresent()) {
      return kept(a, admission.refused().get());
    }
    cycle.store.updateRegistry(r -> r.withStatus(a.agent(), AgentStatus.BUSY, cycle.taskId, now()));
    AgentResult result = null;
    try {
      String session = work.continuing().get(a.agent());
      if (session != null) {
        result = run(a, admission, S1Protocol.continuation(cycle.task()), checkout, session);
        if (!result.success()
            && result.failure() == AgentResult.Failure.ERROR
            && result.costUsd() == 0) {
          cycle.note(
              name
                  + ": its stopped session "
                  + session
                  + " could not be continued; started afresh");
          admission = cycle.agents.admit(name, CycleBudget.Share.alone());
          result = admission.refused().isPresent() ? kept(a, admission.refused().get()) : null;
        }
      }
      if (result == null) {
        result =
            run(
                a,
                admission,
                S1Protocol.prompt(cycle.task(), a, work.approach(), work.plan(), work.reviewFor()),
                checkout,
                null);
      }
      boolean success = result.success();
      cycle.store.updateMetrics(m -> m.withAgentResult(a.agent(), success, now()));
      return result;
    } finally {
      boolean interrupted = Thread.interrupted();
      AgentStatus after =
          result == null || result.success() ? AgentStatus.AVAILABLE : AgentStatus.ERROR;
      cycle.store.updateRegistry(r -> r.withStatus(a.agent(), after, null, now()));
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * One run, judged by its report and kept in the plan as soon as it ends (also when stopped). Its
   * session is in the plan before it starts: a process killed meanwhile leaves it to continue.
   */
  private AgentResult run(
      AllocatedAgent a,
      AgentCalls.Admission admission,
      String prompt,
      Path checkout,
      String resumeSession) {
    String session = resumeSession != null ? resumeSession : cycle.agents.newSessionId();
    cycle.updatePlan(
        p ->
            p.withAgent(
                a.agent(),
                new TaskPlan.AgentProgress(
                    false, "started; not finished", "interrupted", session, 0)));
    AgentResult[] judged = {null};
    cycle.agents.invoke(
        admission,
        AgentRole.OPERATIONS,
        prompt,
        S1Protocol.SCHEMA,
        checkout,
        session,
        resumeSession != null,
        r -> judged[0] = kept(a, S1Protocol.judge(r)));
    return judged[0];
  }

  /** What the agent's run came to goes into the task's plan, for a resume to go on from. */
  private AgentResult kept(AllocatedAgent a, AgentResult r) {
    cycle.updatePlan(
        p ->
            p.withAgent(
                a.agent(),
                new TaskPlan.AgentProgress(
                    r.success(),
                    S1Protocol.outcome(r),
                    r.failure().name().toLowerCase(Locale.ROOT),
                    r.claudeSessionId(),
                    r.costUsd())));
    return r;
  }

  private String now() {
    return cycle.now();
  }
}
