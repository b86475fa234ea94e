package dev.vsm.application.protocol;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.domain.cycle.AllocatedAgent;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** S1 operations: a specialist is told its part; its closing report says what it did. */
public final class S1Protocol {

  private S1Protocol() {}

  /** An S1 agent's report: how it went, what it did, which files, which tests, what blocked it. */
  public record S1Report(
      String status,
      String summary,
      List<Object> filesModified,
      List<Object> testsRun,
      List<Object> blockers) {

    /** An agent that says it failed or is blocked did not succeed, whatever its exit code. */
    public boolean reportsFailure() {
      String s = status == null ? "" : status.trim().toLowerCase(Locale.ROOT);
      return s.equals("failed") || s.equals("failure") || s.equals("blocked") || s.equals("error");
    }
  }

  /** The report every S1 agent ends with (the CLI returns it as {@code structured_output}). */
  public static final String SCHEMA =
      """
      {"type":"object","properties":{\
      "status":{"type":"string","enum":["completed","partial","blocked","failed"]},\
      "summary":{"type":"string"},\
      "files_modified":{"type":"array","items":{"type":"string"}},\
      "tests_run":{"type":"array","items":{"type":"string"}},\
      "blockers":{"type":"array","items":{"type":"string"}}},\
      "required":["status","summary"]}""";

  /**
   * What a specialist is asked: the task, its part of it, the approach, S2's plan (as JSON), and,
   * for an added review step, whom the review guards ({@code reviewBefore}, else null).
   */
  public static String prompt(
      String task,
      AllocatedAgent agent,
      String approach,
      Map<String, Object> plan,
      String reviewBefore) {
    StringBuilder b = new StringBuilder();
    b.append(
        """
        You are an S1 (operations) specialist in a Viable System Model cycle: you do the work.

        TASK:
        %s

        YOUR ROLE: %s
        YOUR FOCUS: %s
        APPROACH AGREED BY S4/S3: %s
        COORDINATION PLAN (S2, as JSON):
        %s
        """
            .formatted(
                task,
                agent.role().isBlank() ? agent.agent() : agent.role(),
                agent.taskFocus().isBlank()
                    ? "your specialty's part of the task"
                    : agent.taskFocus(),
                approach == null || approach.isBlank() ? "use your judgement" : approach,
                JsonText.of(plan)));
    if (reviewBefore != null) {
      b.append(
          "\nThis is an added review step: agent '%s' has failed often lately. Review the work so far and fix what would trip it up before it runs.\n"
              .formatted(reviewBefore));
    }
    b.append(
        """

        Stay within your focus and the files the plan gives you. When done, end your reply with
        one JSON object, your report:
        {"status": "completed|partial|blocked|failed", "summary": "what you did",
         "files_modified": ["path"], "tests_run": ["command: outcome"],
         "blockers": ["anything that stopped you"]}
        """);
    return b.toString();
  }

  /**
   * What an agent is told when vsm continues the Claude session a stopped run of it left (the
   * session holds the task, its part and the plan): check what is done, finish, report.
   */
  public static String continuation(String task) {
    return """
        vsm stopped this session before you finished (the cycle was interrupted or ran out of
        time) and now resumes it. The task is still:
        %s

        Check what you already changed, then finish your part. When done, end your reply with one
        JSON object, your report:
        {"status": "completed|partial|blocked|failed", "summary": "what you did",
         "files_modified": ["path"], "tests_run": ["command: outcome"],
         "blockers": ["anything that stopped you"]}
        """
        .formatted(task);
  }

  /** What a run of an agent came to: its report's summary, else why it failed, else its text. */
  public static String outcome(AgentResult result) {
    if (!result.success()) {
      return Text.preview(result.error() == null ? "" : result.error(), 300);
    }
    return result
        .reply()
        .flatMap(S1Protocol::read)
        .map(S1Report::summary)
        .filter(s -> !s.isBlank())
        .orElseGet(() -> Text.preview(result.output(), 300));
  }

  /** The agent's report; {@code changes_made} (the earlier name of the summary) is read too. */
  public static Optional<S1Report> read(AgentReply r) {
    if (!r.has("status")) {
      return Optional.empty();
    }
    // No lambda: the subagent-stop hook reads reports, and the first lambda of a process costs a
    // hook ~12 ms of set-up.
    Optional<String> summary = r.text("summary");
    return Optional.of(
        new S1Report(
            r.text("status").orElse(null),
            summary.isPresent() ? summary.get() : r.text("changes_made").orElse(""),
            r.list("files_modified"),
            r.list("tests_run"),
            r.list("blockers")));
  }

  /** The run judged by its report: an agent reporting failure or a blocker has failed. */
  public static AgentResult judge(AgentResult result) {
    if (!result.success()) {
      return result;
    }
    Optional<S1Report> report = result.reply().flatMap(S1Protocol::read);
    if (report.isPresent() && report.get().reportsFailure()) {
      S1Report r = report.get();
      return result.asFailed(
          "agent reported status '"
              + r.status().trim()
              + "'"
              + (r.blockers().isEmpty() ? "" : ": " + PromptText.names(r.blockers())));
    }
    return result;
  }
}
