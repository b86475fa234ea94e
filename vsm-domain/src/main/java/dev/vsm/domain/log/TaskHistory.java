package dev.vsm.domain.log;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every task the log knows, one record each, folded entry by entry so a log of any size can be
 * streamed through it: when it started, what it was, how complex, how it ended, which S1 agents
 * worked on it, what it cost and how long it took — over every attempt at it (each attempt's end
 * says what that attempt spent: planning, and each apply or resume).
 */
public final class TaskHistory {

  /** The only entries the fold reads: a log reader may skip decoding the others. */
  public static final Set<EventType> EVENTS =
      Set.of(
          EventType.TASK_STARTED,
          EventType.TASK_COMPLETED,
          EventType.TASK_FAILED,
          EventType.AGENT_INVOKED,
          EventType.ALLOCATION_MADE,
          EventType.TASK_PLANNED,
          EventType.TASK_RESUMED);

  /**
   * One task.
   *
   * @param costUsd what its agents cost, or null when the log does not say (older logs)
   * @param durationMs how long it ran, or null while it runs or when the log cannot say
   */
  public record Task(
      String taskId,
      String startedAt,
      String description,
      String complexity,
      String status,
      List<String> agents,
      Double costUsd,
      Long durationMs,
      String endedAt) {
    public Task {
      agents = List.copyOf(agents);
    }
  }

  /** The sums over some tasks. */
  public record Totals(
      int tasks,
      int completed,
      int failed,
      int inProgress,
      int planned,
      double costUsd,
      long durationMs) {
    public static Totals of(List<Task> tasks) {
      int completed = 0;
      int failed = 0;
      int running = 0;
      int planned = 0;
      double cost = 0;
      long duration = 0;
      for (Task t : tasks) {
        switch (t.status()) {
          case TaskSummary.COMPLETED -> completed++;
          case TaskSummary.FAILED -> failed++;
          case TaskSummary.PLANNED -> planned++;
          default -> running++;
        }
        cost += t.costUsd() == null ? 0 : t.costUsd();
        duration += t.durationMs() == null ? 0 : t.durationMs();
      }
      return new Totals(tasks.size(), completed, failed, running, planned, cost, duration);
    }
  }

  private static final class Builder {
    final String taskId;
    String startedAt;
    String description;
    String complexity;
    String status = TaskSummary.IN_PROGRESS;
    final LinkedHashSet<String> agents = new LinkedHashSet<>();
    Double cost;
    Long duration;
    String endedAt;

    Builder(String taskId) {
      this.taskId = taskId;
    }

    Task build() {
      return task(
          taskId,
          startedAt,
          description,
          complexity,
          status,
          new ArrayList<>(agents),
          cost,
          duration,
          endedAt);
    }
  }

  /**
   * A task from the parts the fold keeps (a store that keeps them itself builds its tasks here):
   * its duration is what its ends gave, else the time from its start to its end.
   */
  public static Task task(
      String taskId,
      String startedAt,
      String description,
      String complexity,
      String status,
      List<String> agents,
      Double costUsd,
      Long durationMs,
      String endedAt) {
    Long d = durationMs;
    if (d == null && endedAt != null && startedAt != null) {
      d = between(startedAt, endedAt);
    }
    return new Task(
        taskId, startedAt, description, complexity, status, agents, costUsd, d, endedAt);
  }

  private final Map<String, Builder> tasks = new LinkedHashMap<>();

  /** Feeds one entry (entries of other tasks, other kinds or no task are ignored). */
  public void accept(LogEntry e) {
    if (e.taskId() == null || e.taskId().isEmpty()) {
      return;
    }
    EventType type = EventType.parse(e.eventType()).orElse(null);
    if (type == null || !EVENTS.contains(type)) {
      return;
    }
    // No method reference, here or in tasks(): `vsm tasks` folds the log, and the first lambda of
    // a process costs a read command ~12 ms of set-up.
    Builder t = tasks.get(e.taskId());
    if (t == null) {
      t = new Builder(e.taskId());
      tasks.put(e.taskId(), t);
    }
    Map<String, Object> data = e.data();
    switch (type) {
      case TASK_STARTED -> {
        if (t.startedAt == null) {
          t.startedAt = e.timestamp();
        }
        if (data.get("description") instanceof String s) {
          t.description = s;
        }
        if (data.get("complexity") instanceof String s && !s.equals("unknown")) {
          t.complexity = s;
        }
      }
      case ALLOCATION_MADE -> {
        if (data.get("complexity") instanceof String s) {
          t.complexity = s;
        }
      }
      case AGENT_INVOKED -> {
        String agent = e.agent();
        if (agent != null && !agent.startsWith("system")) {
          t.agents.add(agent);
        }
      }
      case TASK_COMPLETED, TASK_FAILED, TASK_PLANNED -> {
        t.endedAt = type == EventType.TASK_PLANNED ? null : e.timestamp();
        t.status =
            type == EventType.TASK_PLANNED
                ? TaskSummary.PLANNED
                : type == EventType.TASK_FAILED || Boolean.FALSE.equals(data.get("success"))
                    ? TaskSummary.FAILED
                    : TaskSummary.COMPLETED;
        // Each attempt's end says what that attempt spent: the task's are their sums.
        if (data.get("cost_usd") instanceof Number n && Double.isFinite(n.doubleValue())) {
          t.cost = (t.cost == null ? 0 : t.cost) + n.doubleValue();
        }
        if (data.get("duration_ms") instanceof Number n) {
          Long ms = wholeMillis(n);
          if (ms != null) {
            // Both are at least 0: a sum beyond a long wraps below 0, and stays at the longest.
            long sum = (t.duration == null ? 0 : t.duration) + ms;
            t.duration = sum < 0 ? Long.MAX_VALUE : sum;
          }
        }
      }
      case TASK_RESUMED -> {
        t.endedAt = null;
        t.status = TaskSummary.IN_PROGRESS;
      }
      default -> {}
    }
  }

  /** The tasks in the order they first appear in the log. */
  public List<Task> tasks() {
    List<Task> out = new ArrayList<>(tasks.size());
    for (Builder b : tasks.values()) {
      out.add(b.build());
    }
    return out;
  }

  private static final BigDecimal LONGEST = BigDecimal.valueOf(Long.MAX_VALUE);

  /**
   * A duration in whole milliseconds (a fraction cut off), or null when below 0 or beyond a long.
   */
  private static Long wholeMillis(Number n) {
    if (!Double.isFinite(n.doubleValue())) {
      return null;
    }
    BigDecimal ms = new BigDecimal(n.toString());
    return ms.signum() >= 0 && ms.compareTo(LONGEST) <= 0 ? ms.longValue() : null;
  }

  /** The instant of a log timestamp (with or without zone; none means UTC), or null. */
  public static Instant instant(String timestamp) {
    if (timestamp == null) {
      return null;
    }
    Instant plain = PlainTimestamp.parse(timestamp);
    if (plain != null) {
      return plain;
    }
    try {
      return OffsetDateTime.parse(timestamp).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(timestamp).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  private static Long between(String from, String to) {
    Instant a = instant(from);
    Instant b = instant(to);
    if (a == null || b == null || b.isBefore(a)) {
      return null;
    }
    return Duration.between(a, b).toMillis();
  }
}
