package dev.vsm.domain.log;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the log says about one task, over every attempt at it, folded entry by entry so a log can be
 * streamed through it.
 */
public record TaskSummary(
    String taskId,
    String startedAt,
    String completedAt,
    String status,
    List<String> agentsInvoked,
    Boolean auditPassed,
    List<Map<String, Object>> conflicts,
    List<Map<String, Object>> adaptations) {

  public static final String NOT_FOUND = "not_found";
  public static final String IN_PROGRESS = "in_progress";
  public static final String COMPLETED = "completed";
  public static final String FAILED = "failed";

  /** Planned and waiting to be applied: S4, S3 and S2 decided, no S1 agent ran. */
  public static final String PLANNED = "planned";

  public TaskSummary {
    agentsInvoked = List.copyOf(agentsInvoked);
    conflicts = List.copyOf(conflicts);
    adaptations = List.copyOf(adaptations);
  }

  /** Folds a sequence of entries (any order of tasks) into the summary of {@code taskId}. */
  public static TaskSummary of(String taskId, Iterable<LogEntry> entries) {
    Fold fold = new Fold(taskId);
    entries.forEach(fold::accept);
    return fold.result();
  }

  /** The streaming fold: feed it entries, then ask for the result. */
  public static final class Fold {
    private final String taskId;
    private boolean seen;
    private String startedAt;
    private String completedAt;
    private String status = IN_PROGRESS;
    private final LinkedHashSet<String> agents = new LinkedHashSet<>();
    private Boolean auditPassed;
    private final List<Map<String, Object>> conflicts = new ArrayList<>();
    private final List<Map<String, Object>> adaptations = new ArrayList<>();

    public Fold(String taskId) {
      this.taskId = Objects.requireNonNull(taskId);
    }

    public void accept(LogEntry e) {
      if (!taskId.equals(e.taskId())) {
        return;
      }
      seen = true;
      EventType.parse(e.eventType()).ifPresent(type -> apply(type, e));
    }

    private void apply(EventType type, LogEntry e) {
      switch (type) {
        case TASK_STARTED -> {
          if (startedAt == null) {
            startedAt = e.timestamp();
          }
        }
        case TASK_COMPLETED -> {
          completedAt = e.timestamp();
          status = Boolean.FALSE.equals(e.data().get("success")) ? FAILED : COMPLETED;
        }
        case TASK_FAILED -> {
          completedAt = e.timestamp();
          status = FAILED;
        }
        case TASK_PLANNED -> status = PLANNED;
        case TASK_RESUMED -> {
          // Another attempt: the task has not ended, whatever the last one did.
          completedAt = null;
          status = IN_PROGRESS;
        }
        case AGENT_INVOKED -> {
          if (e.agent() != null) {
            agents.add(e.agent());
          }
        }
        case AUDIT_PERFORMED -> {
          Object passed = e.data().get("passed");
          auditPassed = passed instanceof Boolean b ? b : Boolean.FALSE;
        }
        case CONFLICT_DETECTED -> conflicts.add(e.data());
        case ADAPTATION_APPLIED -> adaptations.add(e.data());
        default -> {}
      }
    }

    public TaskSummary result() {
      if (!seen) {
        return new TaskSummary(
            taskId, null, null, NOT_FOUND, List.of(), null, List.of(), List.of());
      }
      return new TaskSummary(
          taskId,
          startedAt,
          completedAt,
          status,
          new ArrayList<>(agents),
          auditPassed,
          conflicts,
          adaptations);
    }
  }
}
