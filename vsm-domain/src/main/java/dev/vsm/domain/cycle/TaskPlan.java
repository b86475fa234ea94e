package dev.vsm.domain.cycle;

import dev.vsm.domain.task.TaskStatus;
import dev.vsm.domain.viability.Adaptation;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One task's plan and how far it got, kept under the task's id so that a cycle can be approved
 * before its agents edit, applied later, and resumed where it stopped: what S4, S3 and S2 decided
 * (each null until its phase finished), the adaptations in force when it was planned, what each S1
 * agent did, what every attempt spent, and what the viability metrics learned of it.
 *
 * @param hint the user's binding complexity hint ({@code simple}, {@code medium}, {@code complex}),
 *     or null
 * @param complexity the rules' complexity when the task started
 * @param status {@code pending} (planned, waiting to be applied), {@code in_progress}, {@code
 *     completed} or {@code failed}
 * @param allocations how many S3 allocations planning took (2 when S5 rejected the first)
 * @param agents what each S1 agent did, by name (without {@code s1-}), in the order they ran
 * @param conflictsSettled whether S3/S4 conflicts were counted and settled (they are, once)
 * @param learnedSuccess how the task's end was learned by the completion rate, or null when it was
 *     not yet: a resumed task is counted once, however many attempts it takes
 * @param attempts how many times agents were run for it (planning included)
 */
public record TaskPlan(
    String taskId,
    String description,
    String hint,
    String createdAt,
    String complexity,
    TaskStatus status,
    Intelligence intelligence,
    S3Allocation allocation,
    int allocations,
    Map<String, Object> coordination,
    List<Adaptation> adaptations,
    Map<String, AgentProgress> agents,
    double costUsd,
    long inputTokens,
    long outputTokens,
    boolean conflictsSettled,
    Boolean learnedSuccess,
    int attempts) {

  /** A task id that can name a saved plan: what vsm makes (8 hex) and what a user may choose. */
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

  /**
   * What S4 found, as S3 and the S1 agents are told it: its analysis, the context, risks and
   * opportunities it saw, the approach, its own view of the complexity (null when it gave none),
   * the specialists it recommended, and whether the rules stood in for it ({@code approach} and
   * {@code complexityAssessment} are null when it gave none).
   */
  public record Intelligence(
      String analysis,
      List<Object> context,
      List<Object> risks,
      List<Object> opportunities,
      String approach,
      String complexityAssessment,
      List<Object> specialists,
      boolean standIn) {
    public Intelligence {
      analysis = analysis == null ? "" : analysis;
      context =
          context == null
              ? List.of()
              : Collections.unmodifiableList(new java.util.ArrayList<>(context));
      risks =
          risks == null
              ? List.of()
              : Collections.unmodifiableList(new java.util.ArrayList<>(risks));
      opportunities =
          opportunities == null
              ? List.of()
              : Collections.unmodifiableList(new java.util.ArrayList<>(opportunities));
      specialists =
          specialists == null
              ? List.of()
              : Collections.unmodifiableList(new java.util.ArrayList<>(specialists));
    }
  }

  /**
   * What one S1 agent's last run gave: whether it succeeded, its summary or why it failed, how it
   * failed ({@code none}, {@code error}, {@code timeout}, {@code cancelled}, {@code limit}…, or
   * {@code interrupted} while it runs: its process may be killed before it can say more), its
   * Claude session (to continue it), and what all its runs cost.
   */
  public record AgentProgress(
      boolean succeeded, String summary, String failure, String claudeSessionId, double costUsd) {
    public AgentProgress {
      summary = summary == null ? "" : summary;
      failure = failure == null ? (succeeded ? "none" : "error") : failure;
    }

    /**
     * Its run was stopped before it could finish (Ctrl-C, a time limit, or a kill: {@code
     * interrupted} is what a run that started and never ended leaves).
     */
    public boolean interrupted() {
      return !succeeded
          && (failure.equals("cancelled")
              || failure.equals("timeout")
              || failure.equals("interrupted"));
    }
  }

  public TaskPlan {
    Objects.requireNonNull(taskId, "taskId");
    if (!isValidId(taskId)) {
      throw new IllegalArgumentException("not a task id: " + taskId);
    }
    description = description == null ? "" : description;
    createdAt = createdAt == null ? "" : createdAt;
    complexity = complexity == null ? "unknown" : complexity;
    status = status == null ? TaskStatus.PENDING : status;
    coordination =
        coordination == null
            ? null
            : Collections.unmodifiableMap(new LinkedHashMap<>(coordination));
    adaptations = List.copyOf(adaptations);
    agents = Collections.unmodifiableMap(new LinkedHashMap<>(agents));
  }

  /** Whether {@code id} can name a task's plan (a file name, a key): letters, digits, - and _. */
  public static boolean isValidId(String id) {
    return id != null && ID.matcher(id).matches();
  }

  /** A task that has just started: nothing planned, nothing spent, its first attempt. */
  public static TaskPlan started(
      String taskId, String description, String hint, String createdAt, String complexity) {
    return new TaskPlan(
        taskId,
        description,
        hint,
        createdAt,
        complexity,
        TaskStatus.IN_PROGRESS,
        null,
        null,
        0,
        null,
        List.of(),
        Map.of(),
        0,
        0,
        0,
        false,
        null,
        1);
  }

  /** S4, S3 and S2 have all decided: the S1 agents can run from it. */
  public boolean planned() {
    return intelligence != null && allocation != null && coordination != null;
  }

  /** The S1 agents that succeeded: a resumed task does not run them again. */
  public Set<String> succeededAgents() {
    return agents.entrySet().stream()
        .filter(e -> e.getValue().succeeded())
        .map(Map.Entry::getKey)
        .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
  }

  public TaskPlan withStatus(TaskStatus s) {
    return with(f -> f.status = s);
  }

  public TaskPlan withAdaptations(List<Adaptation> inForce) {
    return with(f -> f.adaptations = inForce);
  }

  public TaskPlan withIntelligence(Intelligence s4) {
    return with(f -> f.intelligence = s4);
  }

  public TaskPlan withAllocation(S3Allocation s3, int count) {
    return with(
        f -> {
          f.allocation = s3;
          f.allocations = count;
        });
  }

  public TaskPlan withCoordination(Map<String, Object> s2) {
    return with(f -> f.coordination = s2);
  }

  /** {@code agent}'s latest run; what it cost is added to what its earlier runs cost. */
  public TaskPlan withAgent(String agent, AgentProgress progress) {
    Map<String, AgentProgress> m = new LinkedHashMap<>(agents);
    AgentProgress before = m.remove(agent);
    double cost = progress.costUsd() + (before == null ? 0 : before.costUsd());
    m.put(
        agent,
        new AgentProgress(
            progress.succeeded(),
            progress.summary(),
            progress.failure(),
            progress.claudeSessionId(),
            cost));
    return with(f -> f.agents = m);
  }

  /** What one agent run spent, added to the task's totals. */
  public TaskPlan plusSpending(double cost, long input, long output) {
    return with(
        f -> {
          f.costUsd = costUsd + cost;
          f.inputTokens = inputTokens + input;
          f.outputTokens = outputTokens + output;
        });
  }

  public TaskPlan withConflictsSettled() {
    return with(f -> f.conflictsSettled = true);
  }

  public TaskPlan withLearned(boolean success) {
    return with(f -> f.learnedSuccess = success);
  }

  /** Another attempt starts: in progress again. */
  public TaskPlan nextAttempt() {
    return with(
        f -> {
          f.status = TaskStatus.IN_PROGRESS;
          f.attempts = attempts + 1;
        });
  }

  /** This plan with what {@code change} sets on a copy of its fields. */
  private TaskPlan with(Consumer<Fields> change) {
    Fields f = new Fields(this);
    change.accept(f);
    return f.plan();
  }

  /** A plan's fields, set one by one to make a changed copy of it. */
  private static final class Fields {
    private String taskId;
    private String description;
    private String hint;
    private String createdAt;
    private String complexity;
    private TaskStatus status;
    private Intelligence intelligence;
    private S3Allocation allocation;
    private int allocations;
    private Map<String, Object> coordination;
    private List<Adaptation> adaptations;
    private Map<String, AgentProgress> agents;
    private double costUsd;
    private long inputTokens;
    private long outputTokens;
    private boolean conflictsSettled;
    private Boolean learnedSuccess;
    private int attempts;

    Fields(TaskPlan p) {
      taskId = p.taskId;
      description = p.description;
      hint = p.hint;
      createdAt = p.createdAt;
      complexity = p.complexity;
      status = p.status;
      intelligence = p.intelligence;
      allocation = p.allocation;
      allocations = p.allocations;
      coordination = p.coordination;
      adaptations = p.adaptations;
      agents = p.agents;
      costUsd = p.costUsd;
      inputTokens = p.inputTokens;
      outputTokens = p.outputTokens;
      conflictsSettled = p.conflictsSettled;
      learnedSuccess = p.learnedSuccess;
      attempts = p.attempts;
    }

    TaskPlan plan() {
      return new TaskPlan(
          taskId,
          description,
          hint,
          createdAt,
          complexity,
          status,
          intelligence,
          allocation,
          allocations,
          coordination,
          adaptations,
          agents,
          costUsd,
          inputTokens,
          outputTokens,
          conflictsSettled,
          learnedSuccess,
          attempts);
    }
  }
}
