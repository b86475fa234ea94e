package dev.vsm.adapter.claude;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.AgentResult.Failure;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a run of {@code claude -p} from its output stream (§8): the result message, or why there is
 * none (nothing printed, no JSON, a line over the cap, a stream cut short). Success is exit 0 and
 * {@code is_error} false; API and authentication errors arrive as {@code subtype: success} with
 * {@code is_error: true}.
 */
final class ClaudeOutput {

  static final String LOGIN_HELP =
      "log in with `claude` and then `/login`, or set ANTHROPIC_API_KEY";

  private ClaudeOutput() {}

  /** A reading of one run: the result, and whether trying again may help. */
  record Reading(AgentResult result, boolean transientError) {}

  /** What a run's stream held: its result message, or why there is none. */
  static Reading read(
      String agent, int exitCode, ClaudeStream stream, String stderr, Duration duration) {
    Map<String, Object> result = stream.result();
    String overlongStart = stream.overlongStart();
    String notJson = stream.notJson();
    String err = stderr == null ? "" : stderr.strip();
    if (result == null && overlongStart != null) {
      return failed(
          agent,
          Failure.ERROR,
          "claude's output exceeded the output cap and was truncated; the result could not be read"
              + suffix(err),
          duration,
          overlongStart + "\n[output truncated]");
    }
    if (result == null && stream.bytes() == 0) {
      String reason =
          exitCode == 0
              ? "claude printed nothing"
              : "claude exited with code "
                  + exitCode
                  + (err.isEmpty() ? "" : ": " + firstLines(err));
      return classify(agent, Failure.ERROR, reason, err, null, duration, "");
    }
    if (result == null) {
      String reason =
          notJson != null
              ? "claude printed no JSON result (exit code " + exitCode + "): " + preview(notJson)
              : "claude's output ended without its result (exit code " + exitCode + ")";
      return classify(
          agent,
          Failure.ERROR,
          reason + suffix(err),
          err,
          null,
          duration,
          notJson == null ? "" : notJson);
    }

    boolean isError = Boolean.TRUE.equals(result.get("is_error"));
    String subtype = text(result.get("subtype"));
    String resultText = text(result.get("result"));
    Object structured = result.get("structured_output");
    double cost = number(result.get("total_cost_usd"));
    Map<?, ?> usage = result.get("usage") instanceof Map<?, ?> u ? u : Map.of();
    long in = (long) number(usage.get("input_tokens"));
    long outTokens = (long) number(usage.get("output_tokens"));
    String session = text(result.get("session_id"));

    if (exitCode == 0 && !isError) {
      Optional<AgentReply> parsed = new ReplyText().reply(structured, resultText);
      return new Reading(
          new AgentResult(
              agent,
              true,
              resultText == null ? "" : resultText,
              parsed,
              null,
              Failure.NONE,
              duration,
              cost,
              in,
              outTokens,
              session),
          false);
    }

    StringBuilder why = new StringBuilder();
    if (resultText != null && !resultText.isBlank()) {
      why.append(resultText.strip());
    }
    if (result.get("errors") instanceof List<?> errors && !errors.isEmpty()) {
      why.append(why.length() > 0 ? "; " : "")
          .append(String.join("; ", errors.stream().map(String::valueOf).toList()));
    }
    if (why.length() == 0) {
      why.append(err.isEmpty() ? "claude reported an error (" + subtype + ")" : firstLines(err));
    }
    Failure kind = Failure.ERROR;
    String reason = why.toString();
    if ("error_max_turns".equals(subtype)) {
      kind = Failure.LIMIT;
      reason = "turn limit reached: " + reason;
    } else if ("error_max_budget_usd".equals(subtype)) {
      kind = Failure.LIMIT;
      reason = "budget limit reached: " + reason;
    }
    Object status = result.get("api_error_status");
    AgentResult r =
        new AgentResult(
            agent,
            false,
            resultText == null ? "" : resultText,
            Optional.empty(),
            reason,
            kind,
            duration,
            cost,
            in,
            outTokens,
            session);
    Reading base = new Reading(r, false);
    return classify(base, reason + " " + err, status);
  }

  private static Reading classify(
      String agent,
      Failure kind,
      String reason,
      String stderr,
      Object apiStatus,
      Duration d,
      String output) {
    AgentResult r =
        new AgentResult(agent, false, output, Optional.empty(), reason, kind, d, 0, 0, 0, null);
    return classify(new Reading(r, false), reason + " " + stderr, apiStatus);
  }

  /** Authentication failures are fatal; overload and rate limits may pass on a retry. */
  private static Reading classify(Reading reading, String evidence, Object apiStatus) {
    String e = evidence.toLowerCase(Locale.ROOT);
    AgentResult r = reading.result();
    if (e.contains("not logged in")
        || e.contains("invalid api key")
        || e.contains("authentication_failed")
        || e.contains("authentication_error")
        || e.contains("oauth token has expired")
        || e.contains("please run /login")) {
      return new Reading(
          new AgentResult(
              r.agent(),
              false,
              r.output(),
              r.reply(),
              "Claude Code is not logged in (" + preview(r.error()) + "): " + LOGIN_HELP,
              Failure.AUTHENTICATION,
              r.duration(),
              r.costUsd(),
              r.inputTokens(),
              r.outputTokens(),
              r.claudeSessionId()),
          false);
    }
    int status = apiStatus instanceof Number n ? n.intValue() : 0;
    boolean transientError =
        status == 429
            || status == 529
            || status == 503
            || e.contains("overloaded")
            || e.contains("rate limit")
            || e.contains("rate_limit")
            || e.contains("429")
            || e.contains("529");
    return new Reading(r, transientError && r.failure() == Failure.ERROR);
  }

  private static Reading failed(String agent, Failure kind, String reason, Duration d, String out) {
    return new Reading(
        new AgentResult(agent, false, out, Optional.empty(), reason, kind, d, 0, 0, 0, null),
        false);
  }

  private static String text(Object o) {
    return o == null ? null : o instanceof String s ? s : String.valueOf(o);
  }

  /** A count or an amount: a finite, non-negative number, else 0. */
  private static double number(Object o) {
    double d = o instanceof Number n ? n.doubleValue() : 0;
    return Double.isFinite(d) && d > 0 ? Math.min(d, Long.MAX_VALUE) : 0;
  }

  private static String suffix(String stderr) {
    return stderr.isEmpty() ? "" : "; stderr: " + firstLines(stderr);
  }

  static String preview(String s) {
    if (s == null) {
      return "";
    }
    String t = s.strip().replace('\n', ' ');
    return t.length() <= 200 ? t : t.substring(0, 199) + "…";
  }

  private static String firstLines(String s) {
    String[] lines = s.strip().split("\n");
    String joined = String.join(" | ", java.util.Arrays.copyOf(lines, Math.min(3, lines.length)));
    return joined.length() <= 500 ? joined : joined.substring(0, 499) + "…";
  }
}
