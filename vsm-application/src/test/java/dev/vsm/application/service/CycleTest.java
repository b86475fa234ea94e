package dev.vsm.application.service;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.application.testing.MutableClock;
import dev.vsm.application.testing.RecordingProgress;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.application.testing.SequentialIds;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.viability.ViabilityMetrics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the cycle's tests start from: in-memory state and log, the scripted agents (S3 allocates
 * code-writer then tester for a medium task; everyone succeeds), a clock at a fixed instant, and
 * recorded progress. The first task's id is {@code 00000001}.
 */
abstract class CycleTest {

  static final String TASK = "Add input validation to the login form";
  static final String FIRST_TASK_ID = "00000001";

  final InMemoryStateStore store = new InMemoryStateStore();
  final InMemoryExecutionLog log = new InMemoryExecutionLog();
  final ScriptedAgentRunner runner = new ScriptedAgentRunner();
  final MutableClock clock = MutableClock.at("2026-01-15T10:00:00Z");
  final RecordingProgress progress = new RecordingProgress();
  final SequentialIds ids = new SequentialIds();
  ComplexityAnalyzer analyzer = ComplexityAnalyzer.withDefaults();
  @TempDir Path dir;

  RunCycleService service() {
    return serviceIn(1, Set.of(1L));
  }

  /** A service in process {@code pid}, for which only the {@code alive} processes live. */
  RunCycleService serviceIn(long pid, Set<Long> alive) {
    return new RunCycleService(
        store,
        log,
        runner,
        clock,
        ids,
        analyzer,
        progress,
        new ProcessProbe() {
          @Override
          public long currentPid() {
            return pid;
          }

          @Override
          public boolean isAlive(long p) {
            return alive.contains(p);
          }
        });
  }

  CycleResult run(String task) {
    return service().run(RunCycleCommand.of(task, dir));
  }

  CycleResult run(RunCycleCommand command) {
    return service().run(command);
  }

  RunCycleCommand command(String task) {
    return RunCycleCommand.of(task, dir);
  }

  /** The metrics start as the defaults changed {@code times} times by {@code change}. */
  void metricsAfter(int times, UnaryOperator<ViabilityMetrics> change) {
    ViabilityMetrics m = ViabilityMetrics.defaults();
    for (int i = 0; i < times; i++) {
      m = change.apply(m);
    }
    store.putMetrics(m);
  }

  /** The data of every {@code state_changed} entry of kind {@code change}. */
  List<Map<String, Object>> stateChanges(String change) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (LogEntry e : log.ofType(EventType.STATE_CHANGED)) {
      if (change.equals(e.data().get("change"))) {
        out.add(e.data());
      }
    }
    return out;
  }

  /** The data of the only entry of {@code type}. */
  Map<String, Object> only(EventType type) {
    List<LogEntry> entries = log.ofType(type);
    if (entries.size() != 1) {
      throw new AssertionError("expected one " + type.label() + " entry, got " + entries);
    }
    return entries.get(0).data();
  }

  /** An S3 reply: {@code agentsWithOrders} like {@code "frontend:1"} (no order: {@code "x"}). */
  static Map<String, Object> s3Reply(String complexity, String mode, String... agentsWithOrders) {
    List<Map<String, Object>> agents = new ArrayList<>();
    for (String a : agentsWithOrders) {
      String[] p = a.split(":");
      agents.add(
          p.length > 1
              ? Map.of("agent", p[0], "order", Integer.parseInt(p[1]))
              : Map.of("agent", p[0]));
    }
    return Map.of("complexity", complexity, "selected_agents", agents, "execution_mode", mode);
  }
}
