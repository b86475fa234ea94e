package dev.vsm.application.service;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.AgentSettings;
import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.in.RunCycleUseCase;
import dev.vsm.application.port.out.AgentOptions;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.AgentRequest.AgentRole;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentRunner;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.IdSource;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.protocol.AuditProtocol;
import dev.vsm.application.protocol.AuditProtocol.AuditOutcome;
import dev.vsm.application.protocol.S1Protocol;
import dev.vsm.application.protocol.S2Protocol;
import dev.vsm.application.protocol.S3Protocol;
import dev.vsm.application.protocol.S3Protocol.S3Decision;
import dev.vsm.application.protocol.S4Protocol;
import dev.vsm.application.protocol.S4Protocol.S4Analysis;
import dev.vsm.application.protocol.S5Protocol;
import dev.vsm.application.protocol.S5Protocol.S5Decision;
import dev.vsm.application.protocol.SystemAgent;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.complexity.AgentRecommendation;
import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.complexity.ComplexityAssessment;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.CycleSummary;
import dev.vsm.domain.cycle.ExecutionStep;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S3S4Conflict;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.TaskSummary;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.Adaptation;
import dev.vsm.domain.viability.AdaptationPolicy;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The VSM cycle (§3.1): S4 analyses, S3 allocates, S5 approves when required, S2 plans, S1 agents
 * work step by step (concurrently within a step when allowed), S3* audits, S5 settles conflicts,
 * and the metrics learn from it. Every step goes through a port and leaves a log entry; whatever
 * happens, the task does not stay {@code in_progress}.
 */
public final class RunCycleService implements RunCycleUseCase {

  private final StateStore store;
  private final ExecutionLog log;
  private final AgentRunner runner;
  private final Clock clock;
  private final IdSource ids;
  private final ComplexityAnalyzer analyzer;
  private final ProgressListener progress;
  private final ProcessProbe processes;

  /** Metadata key of the current task: the pid of the vsm process running it. */
  static final String OWNER_PID = "owner_pid";

  public RunCycleService(
      StateStore store,
      ExecutionLog log,
      AgentRunner runner,
      Clock clock,
      IdSource ids,
      ComplexityAnalyzer analyzer,
      ProgressListener progress) {
    this(store, log, runner, clock, ids, analyzer, progress, ProcessProbe.JDK);
  }

  public RunCycleService(
      StateStore store,
      ExecutionLog log,
      AgentRunner runner,
      Clock clock,
      IdSource ids,
      ComplexityAnalyzer analyzer,
      ProgressListener progress,
      ProcessProbe processes) {
    this.store = store;
    this.log = log;
    this.runner = runner;
    this.clock = clock;
    this.ids = ids;
    this.analyzer = analyzer;
    this.progress = progress == null ? ProgressListener.NONE : progress;
    this.processes = processes;
  }

  @Override
  public CycleResult run(RunCycleCommand command) {
    String taskId = command.taskId() != null ? command.taskId() : ids.newTaskId();
    try (CycleCancellation.Registration ignored = command.cancellation().register()) {
      return new Cycle(command, taskId).run();
    }
  }

  /** One run of the cycle: its state lives here, not in the service. */
  private final class Cycle {
    private final RunCycleCommand cmd;
    private final String taskId;
    private final CycleLog events;
    private final long startNanos = System.nanoTime();
    private final java.time.Instant started = clock.instant();
    private final List<String> notes = new ArrayList<>();
    private final List<AgentResult> allRuns = new ArrayList<>();
    private CurrentTask task;

    Cycle(RunCycleCommand cmd, String taskId) {
      this.cmd = cmd;
      this.taskId = taskId;
      this.events = new CycleLog(log, clock, taskId);
    }

    private String now() {
      return CycleLog.timestamp(clock);
    }

    CycleResult run() {
      recordAbandonedTask();
      ViabilityMetrics metrics = store.metrics();
      ComplexityAssessment assessment = analyzer.adaptedTo(metrics).analyze(cmd.task(), cmd.hint());
      task =
          new CurrentTask(
              taskId,
              cmd.task(),
              now(),
              TaskStatus.IN_PROGRESS,
              assessment.complexity().label(),
              List.of(),
              Map.of(OWNER_PID, processes.currentPid()));
      store.saveCurrentTask(task);
      events.event(
          EventType.TASK_STARTED,
          null,
          Map.of("description", cmd.task(), "complexity", assessment.complexity().label()));
      try {
        return cycle(assessment);
      } catch (AgentEnvironmentException e) {
        fail("agent environment: " + e.getMessage());
        throw e;
      } catch (CycleInterruptedException e) {
        fail("interrupted");
        throw e;
      } catch (RuntimeException | Error e) {
        if (cmd.cancellation().isCancelled()) {
          fail("interrupted");
          throw new CycleInterruptedException(taskId);
        }
        fail(e.getClass().getSimpleName() + ": " + e.getMessage());
        throw e;
      }
    }

    /**
     * A task still {@code in_progress} whose vsm process is gone was abandoned (the process was
     * killed): say so in the log, so no later reader takes it for a running task. A task the log
     * already shows ended (the process died just after logging it) needs no entry.
     */
    private void recordAbandonedTask() {
      store
          .currentTask()
          .filter(t -> t.status() == TaskStatus.IN_PROGRESS)
          .filter(t -> t.metadata().get(OWNER_PID) instanceof Number)
          .filter(t -> !processes.isAlive(((Number) t.metadata().get(OWNER_PID)).longValue()))
          .filter(t -> !endedInTheLog(t.id()))
          .ifPresent(
              t -> {
                long pid = ((Number) t.metadata().get(OWNER_PID)).longValue();
                String reason =
                    "abandoned: the vsm process (pid " + pid + ") ended without finishing the task";
                new CycleLog(log, clock, t.id())
                    .event(
                        EventType.TASK_FAILED,
                        null,
                        Map.of("error", reason, "abandoned", true, "success", false));
                store.updateMetrics(m -> m.withTaskCompletion(false, now()));
                notes.add("task " + t.id() + " was " + reason);
              });
    }

    private boolean endedInTheLog(String id) {
      String status = log.taskSummary(id).status();
      return status.equals(TaskSummary.COMPLETED) || status.equals(TaskSummary.FAILED);
    }

    private void fail(String reason) {
      // Recording the failure must not be stopped by the interrupt that caused it.
      boolean interrupted = Thread.interrupted();
      try {
        store.updateMetrics(m -> m.withTaskCompletion(false, now()));
        Map<String, Object> data = totals();
        data.put("error", reason);
        data.put("success", false);
        events.event(EventType.TASK_FAILED, null, data);
        store.saveCurrentTask(
            task.withStatus(TaskStatus.FAILED).withMetadata(Map.of("error", reason)));
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private CycleResult cycle(ComplexityAssessment assessment) {
      AgentRecommendation recommendation = ComplexityAnalyzer.recommendation(assessment);

      // 2. Adaptations
      progress.phaseStarted("adaptation");
      List<Adaptation> applied = new ArrayList<>();
      List<Adaptation> cleared = new ArrayList<>();
      ViabilityMetrics metrics =
          store.updateMetrics(
              m -> {
                applied.clear();
                cleared.clear();
                AdaptationPolicy.Change stale = AdaptationPolicy.clearStale(m, now());
                cleared.addAll(stale.changed());
                AdaptationPolicy.Change added =
                    AdaptationPolicy.apply(
                        stale.metrics(), AdaptationPolicy.analyze(stale.metrics()), now());
                applied.addAll(added.changed());
                return added.metrics();
              });
      cleared.forEach(a -> events.adaptation(EventType.ADAPTATION_CLEARED, a));
      applied.forEach(a -> events.adaptation(EventType.ADAPTATION_APPLIED, a));

      // 3. S4
      progress.phaseStarted("S4 intelligence");
      AgentResult s4Run =
          system(
              SystemAgent.S4_STRATEGY,
              S4Protocol.prompt(cmd.task(), assessment),
              S4Protocol.SCHEMA);
      S4Analysis s4 =
          replyOrStandIn(
              "S4",
              s4Run,
              S4Protocol.read(s4Run),
              () -> S4Protocol.standIn(assessment, recommendation));
      store.saveEnvironment(
          new S4Environment(
              taskId,
              s4.taskAnalysis(),
              s4.environmentContext(),
              s4.risks(),
              s4.opportunities(),
              s4.approach(),
              now()));

      // 4. S3 (and 5. S5 approval)
      AgentRegistry registry = store.registry();
      progress.phaseStarted("S3 control");
      List<String> adaptationNotes =
          metrics.activeAdaptations().stream().map(Adaptation::effect).toList();
      S3Allocation allocation =
          allocate(s4, assessment, recommendation, registry, null, adaptationNotes);
      int allocations = 1;
      if (AdaptationPolicy.shouldRequireS5Approval(metrics)) {
        progress.phaseStarted("S5 approval");
        AgentResult s5Run =
            system(
                SystemAgent.S5_POLICY,
                S5Protocol.approvalPrompt(cmd.task(), allocation),
                S5Protocol.SCHEMA);
        S5Decision decision =
            replyOrStandIn(
                "S5",
                s5Run,
                S5Protocol.read(s5Run),
                () -> new S5Decision(true, "approve", "S5 unavailable: allocation stands"));
        events.event(EventType.POLICY_DECISION, null, S5Protocol.logData(decision, "allocation"));
        if (!decision.approved()) {
          progress.phaseStarted("S3 control (re-plan)");
          allocation =
              allocate(
                  s4, assessment, recommendation, registry, decision.rationale(), adaptationNotes);
          allocations = 2;
        }
      }

      // 6. S2
      List<ExecutionStep> steps = ExecutionStep.plan(allocation, metrics);
      List<List<String>> stepNames = steps.stream().map(ExecutionStep::agentNames).toList();
      progress.phaseStarted("S2 coordination");
      boolean coordinateHarder = AdaptationPolicy.shouldIncreaseS2(metrics);
      AgentResult s2Run =
          system(
              SystemAgent.S2_COORDINATION,
              S2Protocol.prompt(cmd.task(), allocation, stepNames, coordinateHarder),
              S2Protocol.SCHEMA);
      Map<String, Object> plan =
          replyOrStandIn("S2", s2Run, S2Protocol.read(s2Run), () -> S2Protocol.standIn(stepNames));
      store.saveCoordinationPlan(new CoordinationPlan(taskId, plan, now()));

      // 7. S1
      progress.phaseStarted("S1 operations");
      boolean parallel =
          allocation.parallelExecution() || AdaptationPolicy.shouldParallelize(metrics);
      task = task.withAssignedAgents(allocation.agentNames());
      store.saveCurrentTask(task);
      List<AgentResult> s1Results = operations(steps, parallel, s4.approach(), plan);

      // 8. Audit
      boolean anyS1Succeeded = s1Results.stream().anyMatch(AgentResult::success);
      AuditOutcome audit = null;
      if (anyS1Succeeded) {
        progress.phaseStarted("S3* audit");
        boolean tightened = AdaptationPolicy.shouldTightenAudit(metrics);
        AgentResult auditRun =
            system(
                SystemAgent.S3_STAR_AUDIT,
                AuditProtocol.prompt(cmd.task(), s1Results, tightened),
                AuditProtocol.SCHEMA);
        audit = AuditProtocol.read(auditRun);
        if (!audit.readable()) {
          standInNote("S3*", auditRun);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("passed", audit.passed());
        data.put("findings", audit.issues());
        data.put("score", audit.score());
        data.put("tightened", tightened);
        events.event(EventType.AUDIT_PERFORMED, SystemAgent.S3_STAR_AUDIT.agentName(), data);
        if (audit.oscillationDetected()) {
          events.event(
              EventType.OSCILLATION_DETECTED,
              null,
              Map.of(
                  "evidence",
                  audit.oscillationEvidence() == null ? "" : audit.oscillationEvidence()));
        }
      } else {
        notes.add("no S1 agent succeeded: audit skipped");
      }

      // 9. Conflicts
      List<S3S4Conflict> conflicts =
          S3S4Conflict.detect(s4.complexityAssessment(), allocation.complexity()).stream().toList();
      for (S3S4Conflict c : conflicts) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", c.type());
        data.put("s3_position", c.s3Position());
        data.put("s4_position", c.s4Position());
        events.event(EventType.CONFLICT_DETECTED, null, data);
      }
      if (!conflicts.isEmpty()) {
        progress.phaseStarted("S5 conflict resolution");
        AgentResult s5Run =
            system(
                SystemAgent.S5_POLICY,
                S5Protocol.conflictPrompt(cmd.task(), conflicts),
                S5Protocol.SCHEMA);
        S5Protocol.read(s5Run)
            .ifPresentOrElse(
                d ->
                    events.event(
                        EventType.POLICY_DECISION, null, S5Protocol.logData(d, "conflict")),
                () -> standInNote("S5", s5Run));
      }

      // 10. Metrics and the end of the task
      boolean auditPassed = audit != null && audit.passed();
      boolean success =
          !s1Results.isEmpty() && s1Results.stream().allMatch(AgentResult::success) && auditPassed;
      final AuditOutcome finalAudit = audit;
      final int finalAllocations = allocations;
      store.updateMetrics(
          m -> {
            String t = now();
            ViabilityMetrics u = m;
            if (finalAudit != null) {
              u = u.withAuditResult(finalAudit.passed(), t);
              if (finalAudit.oscillationDetected()) {
                u = u.withOscillation(t);
              }
            }
            for (int i = 0; i < conflicts.size(); i++) {
              u = u.withS3S4Conflict(t);
            }
            return u.withTaskCompletion(success, t).withCycleIterations(finalAllocations, t);
          });
      long ok = s1Results.stream().filter(AgentResult::success).count();
      String summary = CycleSummary.text((int) ok, s1Results.size(), auditPassed);
      Map<String, Object> data = totals();
      task = task.withStatus(success ? TaskStatus.COMPLETED : TaskStatus.FAILED).withMetadata(data);
      Map<String, Object> ending = new LinkedHashMap<>(data);
      ending.put("success", success);
      ending.put("summary", summary);
      ending.put("allocations", allocations);
      // The log first: a process killed between the two leaves a task that the log shows ended.
      events.event(EventType.TASK_COMPLETED, null, ending);
      store.saveCurrentTask(task);

      CycleResult result =
          new CycleResult(
              taskId,
              success,
              summary,
              allocation.complexity(),
              s1Results.stream().map(AgentResult::agent).toList(),
              audit == null ? null : audit.passed(),
              conflicts,
              applied,
              s1Results.stream().map(RunCycleService::asRun).toList(),
              notes,
              allocations,
              cost(),
              tokens(true),
              tokens(false),
              elapsed());
      progress.cycleFinished(taskId, success);
      return result;
    }

    private Map<String, Object> totals() {
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("cost_usd", cost());
      data.put("input_tokens", tokens(true));
      data.put("output_tokens", tokens(false));
      data.put("duration_ms", elapsed().toMillis());
      data.put("agent_runs", allRuns.size());
      return data;
    }

    private synchronized double cost() {
      return allRuns.stream().mapToDouble(AgentResult::costUsd).sum();
    }

    private synchronized long tokens(boolean input) {
      return allRuns.stream().mapToLong(r -> input ? r.inputTokens() : r.outputTokens()).sum();
    }

    private Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - startNanos);
    }

    /** The agent's reply, or the rule-based stand-in (noted in the result and the log). */
    private <T> T replyOrStandIn(
        String system, AgentResult run, Optional<T> reply, java.util.function.Supplier<T> standIn) {
      return reply.orElseGet(
          () -> {
            standInNote(system, run);
            return standIn.get();
          });
    }

    private void standInNote(String system, AgentResult run) {
      String reason =
          run.success() ? "reply had no usable JSON object" : "agent failed: " + run.error();
      String note = system + " " + reason + "; using the rule-based stand-in";
      notes.add(note);
      events.note("stand_in_used", Map.of("system", system, "reason", reason));
    }

    /** S3, its reply checked: unknown names dropped, the user's hint binding. */
    private S3Allocation allocate(
        S4Analysis s4,
        ComplexityAssessment assessment,
        AgentRecommendation recommendation,
        AgentRegistry registry,
        String s5Rejection,
        List<String> adaptationNotes) {
      AgentResult s3Run =
          system(
              SystemAgent.S3_CONTROL,
              S3Protocol.prompt(
                  cmd.task(),
                  s4,
                  assessment,
                  registry.agents().keySet(),
                  cmd.hint(),
                  s5Rejection,
                  adaptationNotes),
              S3Protocol.SCHEMA);
      Optional<S3Decision> decision = S3Protocol.read(s3Run);
      S3Allocation standIn = S3Allocation.fromRecommendation(taskId, recommendation, now());
      S3Allocation allocation;
      if (decision.isEmpty()) {
        standInNote("S3", s3Run);
        allocation = standIn;
      } else {
        S3Decision d = decision.get();
        List<AllocatedAgent> kept = new ArrayList<>();
        for (AllocatedAgent a : d.agents()) {
          if (registry.contains(a.agent())) {
            String name = AgentName.withoutS1Prefix(a.agent());
            if (kept.stream().noneMatch(k -> k.agent().equals(name))) {
              kept.add(new AllocatedAgent(name, a.role(), a.order(), a.taskFocus()));
            }
          } else {
            events.note(
                "agent_dropped",
                Map.of(
                    "agent",
                    dev.vsm.application.protocol.Replies.preview(a.agent(), 80),
                    "reason",
                    "not a registered agent name"));
            notes.add("dropped unknown agent name from S3: " + printable(a.agent()));
          }
        }
        Complexity hint = cmd.hint();
        boolean hintIgnored =
            hint != null
                && (hint == Complexity.SIMPLE || !hint.label().equalsIgnoreCase(d.complexity()));
        if (hintIgnored) {
          if (hint != Complexity.SIMPLE || !d.agents().isEmpty()) {
            notes.add("allocation replaced by the rule-based one for the hinted " + hint.label());
          }
          allocation = standIn;
        } else if (kept.isEmpty()) {
          standInNote("S3", s3Run.asFailed("no registered agent in the allocation"));
          allocation = standIn;
        } else {
          String complexity =
              Complexity.parse(d.complexity())
                  .map(Complexity::label)
                  .orElse(assessment.complexity().label());
          allocation =
              new S3Allocation(
                  taskId,
                  complexity,
                  kept,
                  d.rationale() == null ? "" : d.rationale(),
                  now(),
                  d.parallel());
        }
      }
      store.saveAllocation(allocation);
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("complexity", allocation.complexity());
      data.put("agents", allocation.agentNames());
      data.put("rationale", allocation.rationale());
      data.put("parallel_execution", allocation.parallelExecution());
      events.event(EventType.ALLOCATION_MADE, SystemAgent.S3_CONTROL.agentName(), data);
      return allocation;
    }

    private static String printable(String s) {
      String p = s.replaceAll("[\\p{Cntrl}]", "?");
      return p.length() > 80 ? p.substring(0, 80) + "…" : p;
    }

    private List<AgentResult> operations(
        List<ExecutionStep> steps, boolean parallel, String approach, Map<String, Object> plan) {
      List<AgentResult> results = new ArrayList<>();
      int threads =
          Math.min(
              cmd.maxParallelAgents(),
              steps.stream().mapToInt(s -> s.agents().size()).max().orElse(1));
      ExecutorService pool =
          parallel && threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
      try {
        for (ExecutionStep step : steps) {
          checkCancelled();
          if (pool == null || step.agents().size() == 1) {
            for (AllocatedAgent a : step.agents()) {
              results.add(operate(a, approach, plan, step.reviewFor()));
            }
          } else {
            List<Future<AgentResult>> futures = new ArrayList<>();
            for (AllocatedAgent a : step.agents()) {
              futures.add(
                  pool.submit(
                      () -> {
                        try (CycleCancellation.Registration r = cmd.cancellation().register()) {
                          return operate(a, approach, plan, step.reviewFor());
                        }
                      }));
            }
            for (Future<AgentResult> f : futures) {
              results.add(await(f, futures));
            }
          }
        }
      } finally {
        if (pool != null) {
          pool.shutdownNow();
        }
      }
      return results;
    }

    private AgentResult await(Future<AgentResult> f, List<Future<AgentResult>> all) {
      try {
        return f.get();
      } catch (InterruptedException e) {
        all.forEach(x -> x.cancel(true));
        Thread.currentThread().interrupt();
        throw new CycleInterruptedException(taskId);
      } catch (ExecutionException e) {
        all.forEach(x -> x.cancel(true));
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      }
    }

    private AgentResult operate(
        AllocatedAgent a, String approach, Map<String, Object> plan, String reviewFor) {
      String name = AgentName.s1(a.agent());
      Optional<AgentResult> refused = refuseToStart(name);
      if (refused.isPresent()) {
        return refused.get();
      }
      store.updateRegistry(r -> r.withStatus(a.agent(), AgentStatus.BUSY, taskId, now()));
      AgentResult result = null;
      try {
        result =
            S1Protocol.judge(
                invoke(
                    name,
                    AgentRole.OPERATIONS,
                    S1Protocol.prompt(cmd.task(), a, approach, plan, reviewFor),
                    S1Protocol.SCHEMA));
        AgentResult finalResult = result;
        store.updateMetrics(m -> m.withAgentResult(a.agent(), finalResult.success(), now()));
        return result;
      } finally {
        boolean interrupted = Thread.interrupted();
        AgentStatus after =
            result == null || result.success() ? AgentStatus.AVAILABLE : AgentStatus.ERROR;
        store.updateRegistry(r -> r.withStatus(a.agent(), after, null, now()));
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private AgentResult system(SystemAgent agent, String prompt, String schema) {
      return refuseToStart(agent.agentName())
          .orElseGet(() -> invoke(agent.agentName(), AgentRole.SYSTEM, prompt, schema));
    }

    /**
     * An agent that must not start: the budget is spent, or the cycle's time limit has passed.
     * Logged and reported like a run that failed at once.
     */
    private Optional<AgentResult> refuseToStart(String agent) {
      Double budget = cmd.maxBudgetUsd();
      String reason = null;
      AgentResult.Failure failure = AgentResult.Failure.LIMIT;
      if (budget != null && cost() >= budget) {
        reason =
            String.format(
                java.util.Locale.ROOT,
                "not started: budget of $%.2f spent ($%.2f)",
                budget,
                cost());
      } else if (cmd.cycleTimeout() != null && remaining().compareTo(Duration.ZERO) <= 0) {
        failure = AgentResult.Failure.TIMEOUT;
        reason = "not started: the cycle's time limit of " + cmd.cycleTimeout() + " has passed";
      }
      if (reason == null) {
        return Optional.empty();
      }
      AgentResult skipped = AgentResult.failed(agent, failure, reason, Duration.ZERO);
      events.agentFinished(skipped);
      progress.agentFinished(skipped);
      return Optional.of(skipped);
    }

    /** The user's agent options, with the agent's own budget capped at what the cycle has left. */
    private AgentOptions optionsWithinBudget() {
      AgentSettings s = cmd.agentSettings();
      Double cap = cmd.maxBudgetUsd() == null ? null : cmd.maxBudgetUsd() - cost();
      return new AgentOptions(s.model(), s.maxTurns(), cap, s.permissionMode());
    }

    /** Time left before the cycle's limit (the agent timeout bounds it when there is none). */
    private Duration remaining() {
      return cmd.cycleTimeout() == null
          ? cmd.agentTimeout()
          : cmd.cycleTimeout().minus(Duration.between(started, clock.instant()));
    }

    private AgentResult invoke(String agent, AgentRole role, String prompt, String schema) {
      checkCancelled();
      events.agentInvoked(agent, prompt);
      progress.agentStarted(agent);
      AgentResult result =
          runner
              .run(
                  new AgentRequest(
                      agent,
                      role,
                      prompt,
                      cmd.workingDirectory(),
                      // An agent gets its own limit, cut short by what is left of the cycle's.
                      remaining().compareTo(cmd.agentTimeout()) < 0
                          ? remaining()
                          : cmd.agentTimeout(),
                      optionsWithinBudget(),
                      schema))
              .withAgent(agent);
      // Record the run before acting on an interrupt: file writes fail on interrupted threads.
      boolean interrupted = Thread.interrupted();
      synchronized (this) {
        allRuns.add(result);
      }
      events.agentFinished(result);
      progress.agentFinished(result);
      if (result.failure().isFatal()) {
        throw new AgentEnvironmentException(taskId, result.error());
      }
      if (interrupted
          || result.failure() == AgentResult.Failure.CANCELLED
          || cmd.cancellation().isCancelled()) {
        Thread.currentThread().interrupt();
        throw new CycleInterruptedException(taskId);
      }
      return result;
    }

    private void checkCancelled() {
      if (cmd.cancellation().isCancelled() || Thread.currentThread().isInterrupted()) {
        throw new CycleInterruptedException(taskId);
      }
    }
  }

  private static AgentRun asRun(AgentResult r) {
    return new AgentRun(
        r.agent(),
        r.success(),
        r.output(),
        r.error(),
        r.failure().name().toLowerCase(java.util.Locale.ROOT),
        r.duration(),
        r.costUsd(),
        r.inputTokens(),
        r.outputTokens(),
        r.claudeSessionId());
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "vsm-s1-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
