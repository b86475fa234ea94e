package dev.vsm.application.service;

import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.out.AgentRequest.AgentRole;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.Workspaces;
import dev.vsm.application.port.out.Workspaces.Checkouts;
import dev.vsm.application.protocol.S1Protocol;
import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.agent.AgentStatus;
import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.ExecutionStep;
import dev.vsm.domain.cycle.Oscillation;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * S1 operations: the steps run in order; the agents of one step run at the same time (bounded) when
 * allowed, each in a checkout of its own when the project allows ({@link StepIsolation}). Each
 * agent is {@code busy} in the registry while it works, is judged by its report, and its result
 * moves its error rate. Afterwards, agents that changed the same files are measured oscillation.
 */
final class OperationsPhase {

  /** How long stopped agents may take to end; their runner stops their processes at once. */
  private static final Duration AGENTS_STOPPING = Duration.ofSeconds(10);

  private final Cycle cycle;
  private final StepIsolation isolation;
  private final Set<String> conflicting = new TreeSet<>();
  private List<Oscillation> oscillations = List.of();

  OperationsPhase(Cycle cycle, Workspaces workspaces) {
    this.cycle = cycle;
    this.isolation = new StepIsolation(cycle, workspaces);
  }

  /** The oscillations measured among the agents that ran (once {@link #operate} returned). */
  List<Oscillation> oscillations() {
    return oscillations;
  }

  List<AgentResult> operate(
      List<ExecutionStep> steps, boolean parallel, String approach, Map<String, Object> plan) {
    cycle.progress.phaseStarted("S1 operations");
    List<AgentResult> results = new ArrayList<>();
    int widest = steps.stream().mapToInt(s -> s.agents().size()).max().orElse(1);
    int threads = Math.min(cycle.command.maxParallelAgents(), widest);
    ExecutorService pool =
        parallel && threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
    if (pool != null) {
      isolation.removeLeftovers();
    }
    try {
      for (ExecutionStep step : steps) {
        cycle.agents.checkCancelled();
        if (pool == null || step.agents().size() == 1) {
          for (AllocatedAgent a : step.agents()) {
            results.add(
                operate(a, approach, plan, step.reviewFor(), CycleBudget.Share.alone(), null));
          }
        } else {
          // The agents of the step run at the same time: they split what is left of the budget,
          // and each works in a checkout of its own when the project allows.
          CycleBudget.Share share = new CycleBudget.Share(step.agents().size());
          try (Checkouts checkouts = isolation.open(step)) {
            List<Future<AgentResult>> running = new ArrayList<>();
            for (AllocatedAgent a : step.agents()) {
              Path dir = checkouts == null ? null : checkouts.directory(StepIsolation.name(a));
              running.add(
                  pool.submit(
                      () -> operateRegistered(a, approach, plan, step.reviewFor(), share, dir)));
            }
            List<AgentResult> done = new ArrayList<>();
            for (Future<AgentResult> f : running) {
              done.add(await(f, running));
            }
            results.addAll(
                checkouts == null ? done : isolation.bringBack(checkouts, done, conflicting));
          }
        }
      }
    } finally {
      if (pool != null) {
        stop(pool);
      }
    }
    oscillations = OscillationCheck.measure(cycle, results, conflicting);
    return results;
  }

  /** On a pool thread: registered, so that cancelling the cycle interrupts it. */
  private AgentResult operateRegistered(
      AllocatedAgent a,
      String approach,
      Map<String, Object> plan,
      String reviewFor,
      CycleBudget.Share share,
      Path checkout) {
    try (CycleCancellation.Registration r = cycle.command.cancellation().register()) {
      return operate(a, approach, plan, reviewFor, share, checkout);
    }
  }

  private AgentResult operate(
      AllocatedAgent a,
      String approach,
      Map<String, Object> plan,
      String reviewFor,
      CycleBudget.Share share,
      Path checkout) {
    String name = AgentName.s1(a.agent());
    AgentCalls.Admission admission = cycle.agents.admit(name, share);
    if (admission.refused().isPresent()) {
      return admission.refused().get();
    }
    String prompt = S1Protocol.prompt(cycle.task(), a, approach, plan, reviewFor);
    cycle.store.updateRegistry(r -> r.withStatus(a.agent(), AgentStatus.BUSY, cycle.taskId, now()));
    AgentResult result = null;
    try {
      result =
          S1Protocol.judge(
              cycle.agents.invoke(
                  admission, AgentRole.OPERATIONS, prompt, S1Protocol.SCHEMA, checkout));
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

  private String now() {
    return cycle.now();
  }

  private AgentResult await(Future<AgentResult> f, List<Future<AgentResult>> all) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      all.forEach(x -> x.cancel(true));
      Thread.currentThread().interrupt();
      throw new CycleInterruptedException(cycle.taskId);
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

  /**
   * Stops the step's agents and waits for them to end, so that each has put its registry status
   * back before the cycle records how it ended (a process may exit right after).
   */
  private static void stop(ExecutorService pool) {
    pool.shutdownNow();
    boolean interrupted = Thread.interrupted();
    try {
      pool.awaitTermination(AGENTS_STOPPING.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      interrupted = true;
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "vsm-s1-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
