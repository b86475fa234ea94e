package dev.vsm.application.service;

import dev.vsm.application.port.in.CycleCancellation;
import dev.vsm.application.port.in.CycleInterruptedException;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.Workspaces;
import dev.vsm.application.port.out.Workspaces.Checkouts;
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
  private final S1Run agent;
  private final Set<String> conflicting = new TreeSet<>();
  private List<Oscillation> oscillations = List.of();

  OperationsPhase(Cycle cycle, Workspaces workspaces) {
    this.cycle = cycle;
    this.isolation = new StepIsolation(cycle, workspaces);
    this.agent = new S1Run(cycle);
  }

  /** The oscillations measured among the agents that ran (once {@link #operate} returned). */
  List<Oscillation> oscillations() {
    return oscillations;
  }

  /**
   * Runs the steps; agents in {@code done} (they succeeded in an earlier attempt) are not run
   * again, and an agent in {@code continuing} goes on in the Claude session its stopped run left.
   * Gives the results of the agents run now.
   */
  List<AgentResult> operate(
      List<ExecutionStep> steps,
      boolean parallel,
      String approach,
      Map<String, Object> plan,
      Set<String> done,
      Map<String, String> continuing) {
    cycle.progress.phaseStarted("S1 operations");
    List<AgentResult> results = new ArrayList<>();
    List<ExecutionStep> toRun =
        steps.stream()
            .map(
                s ->
                    new ExecutionStep(
                        s.agents().stream().filter(a -> !done.contains(a.agent())).toList(),
                        s.reviewFor()))
            .filter(s -> !s.agents().isEmpty())
            .toList();
    int widest = toRun.stream().mapToInt(s -> s.agents().size()).max().orElse(1);
    int threads = Math.min(cycle.command.maxParallelAgents(), widest);
    ExecutorService pool =
        parallel && threads > 1 ? Executors.newFixedThreadPool(threads, daemonThreads()) : null;
    if (pool != null) {
      isolation.removeLeftovers();
    }
    try {
      for (ExecutionStep step : toRun) {
        cycle.agents.checkCancelled();
        S1Run.Work work = new S1Run.Work(approach, plan, step.reviewFor(), continuing);
        if (pool == null || step.agents().size() == 1) {
          for (AllocatedAgent a : step.agents()) {
            results.add(agent.operate(a, work, CycleBudget.Share.alone(), null));
          }
        } else {
          // The agents of the step run at the same time: they split what is left of the budget,
          // and each works in a checkout of its own when the project allows.
          CycleBudget.Share share = new CycleBudget.Share(step.agents().size());
          try (Checkouts checkouts = isolation.open(step)) {
            List<Future<AgentResult>> running = new ArrayList<>();
            for (AllocatedAgent a : step.agents()) {
              Path dir = checkouts == null ? null : checkouts.directory(StepIsolation.name(a));
              running.add(pool.submit(() -> operateRegistered(a, work, share, dir)));
            }
            List<AgentResult> ran = new ArrayList<>();
            for (Future<AgentResult> f : running) {
              ran.add(await(f, running));
            }
            results.addAll(
                checkouts == null ? ran : isolation.bringBack(checkouts, ran, conflicting));
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
      AllocatedAgent a, S1Run.Work work, CycleBudget.Share share, Path checkout) {
    try (CycleCancellation.Registration r = cycle.command.cancellation().register()) {
      return agent.operate(a, work, share, checkout);
    }
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
