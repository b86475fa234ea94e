package dev.vsm.adapter.filesystem;

import dev.vsm.application.document.DocumentFields;
import dev.vsm.application.document.StateDocuments;
import dev.vsm.application.document.TaskPlanDocuments;
import dev.vsm.application.document.Timestamps;
import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import dev.vsm.domain.cycle.S4Environment;
import dev.vsm.domain.cycle.TaskPlan;
import dev.vsm.domain.state.StateSnapshot;
import dev.vsm.domain.task.CurrentTask;
import dev.vsm.domain.viability.ViabilityMetrics;
import dev.vsm.json.JsonValues;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The state store as JSON files in {@code .claude/vsm-state/}, one per kind of state, each replaced
 * atomically; read-modify-write under the directory's cross-process lock.
 */
final class FileStateStore implements StateStore {

  static final String CURRENT_TASK = "current-task.json";
  static final String METRICS = "viability-metrics.json";
  static final String REGISTRY = "agent-registry.json";
  static final String ALLOCATION = "s3-allocations.json";
  static final String ENVIRONMENT = "s4-environment.json";
  static final String PLAN = "coordination-plan.json";
  static final List<String> FILES =
      List.of(CURRENT_TASK, METRICS, REGISTRY, ALLOCATION, ENVIRONMENT, PLAN);

  /** Each task's saved plan is {@code task-<id>.json}; its claim {@code task-<id>.lock}. */
  static final String PLAN_PREFIX = "task-";

  // The readers of the state files, and below the hooks' update of the metrics, are classes, not
  // lambdas or method references: every read command and hook comes through them, and the first
  // lambda of a process costs it ~12 ms of set-up.

  private static final Function<DocumentFields, CurrentTask> TASK_DOCUMENT =
      new Function<>() {
        @Override
        public CurrentTask apply(DocumentFields f) {
          return StateDocuments.task(f);
        }
      };

  private static final Function<DocumentFields, ViabilityMetrics> METRICS_DOCUMENT =
      new Function<>() {
        @Override
        public ViabilityMetrics apply(DocumentFields f) {
          return StateDocuments.metrics(f);
        }
      };

  private static final Function<DocumentFields, AgentRegistry> REGISTRY_DOCUMENT =
      new Function<>() {
        @Override
        public AgentRegistry apply(DocumentFields f) {
          return StateDocuments.registry(f);
        }
      };

  private static final Function<DocumentFields, S3Allocation> ALLOCATION_DOCUMENT =
      new Function<>() {
        @Override
        public S3Allocation apply(DocumentFields f) {
          return StateDocuments.allocation(f);
        }
      };

  private static final Function<DocumentFields, S4Environment> ENVIRONMENT_DOCUMENT =
      new Function<>() {
        @Override
        public S4Environment apply(DocumentFields f) {
          return StateDocuments.environment(f);
        }
      };

  private static final Function<DocumentFields, CoordinationPlan> PLAN_DOCUMENT =
      new Function<>() {
        @Override
        public CoordinationPlan apply(DocumentFields f) {
          return StateDocuments.plan(f);
        }
      };

  private final StateDirectory dir;
  private final Clock clock;
  private final Set<String> warned = ConcurrentHashMap.newKeySet();

  FileStateStore(StateDirectory dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  /** Reads and maps a file; a corrupt one is moved aside (under the lock) and reads as absent. */
  private <T> Optional<T> read(String name, Function<DocumentFields, T> mapping) {
    try {
      return parse(name, mapping);
    } catch (JsonValues.MalformedJson
        | DocumentFields.WrongShape
        | IllegalArgumentException
        | StateDirectory.TooLarge e) {
      return dir.locked(
          () -> {
            // Another process may have replaced it meanwhile: only move aside what is still bad.
            try {
              return parse(name, mapping);
            } catch (JsonValues.MalformedJson
                | DocumentFields.WrongShape
                | IllegalArgumentException
                | StateDirectory.TooLarge still) {
              dir.moveAside(name, reason(still));
              return Optional.<T>empty();
            }
          });
    }
  }

  private <T> Optional<T> parse(String name, Function<DocumentFields, T> mapping) {
    byte[] bytes = dir.read(name);
    if (bytes == null) {
      return Optional.empty();
    }
    Object parsed = JsonValues.read(bytes);
    Consumer<String> warnings =
        new Consumer<>() {
          @Override
          public void accept(String message) {
            warnOnce(name, message);
          }
        };
    return Optional.of(mapping.apply(DocumentFields.of(parsed, name, warnings)));
  }

  /** What a reader dropped from a file that is otherwise good, said once per process. */
  private void warnOnce(String name, String message) {
    String line = "warning: " + dir.file(name) + ": " + message;
    if (warned.add(line)) {
      dir.diagnostics().warn(line);
    }
  }

  private static String reason(Exception e) {
    if (e instanceof JsonValues.MalformedJson) {
      return "not valid JSON";
    }
    return e.getMessage();
  }

  private void write(String name, Map<String, Object> content) {
    dir.writeAtomically(name, JsonValues.pretty(content));
  }

  @Override
  public Optional<CurrentTask> currentTask() {
    return read(CURRENT_TASK, TASK_DOCUMENT);
  }

  @Override
  public void saveCurrentTask(CurrentTask task) {
    dir.locked(
        () -> {
          write(CURRENT_TASK, StateDocuments.task(task));
          return null;
        });
  }

  @Override
  public ViabilityMetrics metrics() {
    Optional<ViabilityMetrics> metrics = read(METRICS, METRICS_DOCUMENT);
    return metrics.isPresent() ? metrics.get() : ViabilityMetrics.defaults();
  }

  @Override
  public ViabilityMetrics updateMetrics(UnaryOperator<ViabilityMetrics> change) {
    return dir.locked(
        new Supplier<ViabilityMetrics>() {
          @Override
          public ViabilityMetrics get() {
            ViabilityMetrics updated = change.apply(metrics());
            write(METRICS, StateDocuments.metrics(updated));
            return updated;
          }
        });
  }

  @Override
  public AgentRegistry registry() {
    Optional<AgentRegistry> r = read(REGISTRY, REGISTRY_DOCUMENT);
    if (r.isPresent()) {
      return r.get();
    }
    return dir.locked(
        () ->
            read(REGISTRY, REGISTRY_DOCUMENT)
                .orElseGet(
                    () -> {
                      AgentRegistry d = AgentRegistry.defaults(Timestamps.now(clock));
                      write(REGISTRY, StateDocuments.registry(d));
                      return d;
                    }));
  }

  @Override
  public AgentRegistry updateRegistry(UnaryOperator<AgentRegistry> change) {
    return dir.locked(
        () -> {
          AgentRegistry current =
              read(REGISTRY, REGISTRY_DOCUMENT)
                  .orElseGet(() -> AgentRegistry.defaults(Timestamps.now(clock)));
          AgentRegistry updated = change.apply(current);
          write(REGISTRY, StateDocuments.registry(updated));
          return updated;
        });
  }

  @Override
  public Optional<S3Allocation> allocation() {
    return read(ALLOCATION, ALLOCATION_DOCUMENT);
  }

  @Override
  public void saveAllocation(S3Allocation allocation) {
    dir.locked(
        () -> {
          write(ALLOCATION, StateDocuments.allocation(allocation));
          return null;
        });
  }

  @Override
  public Optional<S4Environment> environment() {
    return read(ENVIRONMENT, ENVIRONMENT_DOCUMENT);
  }

  @Override
  public void saveEnvironment(S4Environment environment) {
    dir.locked(
        () -> {
          write(ENVIRONMENT, StateDocuments.environment(environment));
          return null;
        });
  }

  @Override
  public Optional<CoordinationPlan> coordinationPlan() {
    return read(PLAN, PLAN_DOCUMENT);
  }

  @Override
  public void saveCoordinationPlan(CoordinationPlan plan) {
    dir.locked(
        () -> {
          write(PLAN, StateDocuments.plan(plan));
          return null;
        });
  }

  /** A task's plan file: {@code task-<id>.json} beside the other state files. */
  static String planFile(String taskId) {
    if (!TaskPlan.isValidId(taskId)) {
      throw new IllegalArgumentException("not a task id: " + taskId);
    }
    return PLAN_PREFIX + taskId + ".json";
  }

  @Override
  public Optional<TaskPlan> taskPlan(String taskId) {
    return read(planFile(taskId), TaskPlanDocuments::plan);
  }

  @Override
  public void saveTaskPlan(TaskPlan plan) {
    dir.locked(
        () -> {
          write(planFile(plan.taskId()), TaskPlanDocuments.plan(plan));
          return null;
        });
  }

  /**
   * A lock on {@code task-<id>.lock}: the operating system releases it when the process ends, so a
   * killed process leaves no claim. The file stays (removing a lock file others may be waiting on
   * would let two of them hold "the" lock); {@code reset} removes it.
   */
  @Override
  public Optional<TaskClaim> claimTask(String taskId) {
    if (!TaskPlan.isValidId(taskId)) {
      throw new IllegalArgumentException("not a task id: " + taskId);
    }
    dir.ensureExists();
    Path file = dir.file(PLAN_PREFIX + taskId + ".lock");
    FileChannel ch = null;
    try {
      ch = dir.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock;
      try {
        lock = ch.tryLock();
      } catch (OverlappingFileLockException held) {
        lock = null; // claimed by this process already
      }
      if (lock == null) {
        ch.close();
        return Optional.empty();
      }
      FileChannel open = ch;
      return Optional.of(
          () -> {
            try {
              open.close(); // releases the lock
            } catch (IOException ignored) {
              // the lock goes with the channel, or with the process
            }
          });
    } catch (IOException e) {
      if (ch != null) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // nothing was claimed
        }
      }
      throw new StateAccessException(
          "cannot lock " + file + ": " + e.getMessage() + " (check the directory is writable)", e);
    }
  }

  @Override
  public StateSnapshot snapshot() {
    Optional<ViabilityMetrics> metrics = read(METRICS, METRICS_DOCUMENT);
    return new StateSnapshot(
        currentTask(),
        metrics.isPresent() ? metrics.get() : ViabilityMetrics.defaults(),
        metrics.isPresent(),
        read(REGISTRY, REGISTRY_DOCUMENT),
        allocation(),
        environment(),
        coordinationPlan());
  }

  /** The names of the task plans and claims in the directory. */
  private List<String> taskFiles() {
    try (Stream<Path> files = Files.list(dir.path())) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(n -> n.startsWith(PLAN_PREFIX))
          .filter(n -> n.endsWith(".json") || n.endsWith(".lock"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new StateAccessException("cannot list " + dir.path() + ": " + e, e);
    }
  }

  @Override
  public List<String> reset() {
    if (!dir.exists()) {
      return List.of();
    }
    return dir.locked(
        () -> {
          List<String> removed = new ArrayList<>();
          List<String> names = new ArrayList<>(FILES);
          names.addAll(taskFiles());
          for (String name : names) {
            try {
              if (Files.deleteIfExists(dir.file(name))) {
                if (!name.endsWith(".lock")) {
                  removed.add(dir.file(name).toString());
                }
              }
            } catch (IOException e) {
              throw new StateAccessException("cannot delete " + dir.file(name) + ": " + e, e);
            }
          }
          dir.syncDirectory();
          return removed;
        });
  }
}
