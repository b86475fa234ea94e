package dev.vsm.adapter.cli;

import dev.vsm.application.document.LogDocuments;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.state.StateSnapshot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moving history between two stores (the state files and a team store), through the ports: the log
 * entries the target lacks are appended to its log, and each state document is copied unless the
 * target already has one (then it is kept, unless told to replace it).
 *
 * <p>An entry is already there when the target holds one with the same content (time, session,
 * type, task, agent and data). Identical entries are counted, so a log that really holds an entry
 * twice moves it twice, and moving a log again, or after it grew, moves only what is new. Only the
 * target's entries of the source's sessions are read (in a team store, through its session index),
 * and kept as 128-bit digests.
 */
final class StoreTransfer {

  private StoreTransfer() {}

  /** One end of a move: its name for messages, its state store and its log. */
  record Side(String name, StateStore state, ExecutionLog log) {}

  /**
   * What was moved: log entries appended, entries not moved because the target held them, documents
   * copied, documents kept because the target had them.
   */
  record Result(
      String from,
      String to,
      long entries,
      long alreadyThere,
      List<String> copied,
      List<String> kept) {}

  /** Appends the entries of {@code source} that {@code which} accepts; returns how many. */
  @FunctionalInterface
  interface LogAppender {
    long append(ExecutionLog source, Predicate<LogEntry> which);
  }

  /** Appends entry by entry (the file log has no bulk append). */
  static LogAppender appendingTo(ExecutionLog target) {
    return (source, which) -> {
      long[] n = {0};
      source.forEach(
          e -> {
            if (which.test(e)) {
              target.append(e);
              n[0]++;
            }
          });
      return n[0];
    };
  }

  /** Moves {@code from}'s log entries (with {@code appendLog}) and documents into {@code to}. */
  static Result copy(Side from, Side to, LogAppender appendLog, boolean replace) {
    Set<String> sessions = new HashSet<>();
    from.log().forEach(e -> sessions.add(e.sessionId()));
    Map<EntryKey, Integer> held = new HashMap<>();
    to.log().forEachOfSessions(sessions, e -> held.merge(EntryKey.of(e), 1, Integer::sum));
    long[] alreadyThere = {0};
    long entries =
        sessions.isEmpty()
            ? 0
            : appendLog.append(
                from.log(),
                e -> {
                  EntryKey key = EntryKey.of(e);
                  Integer n = held.get(key);
                  if (n == null) {
                    return true;
                  }
                  if (n == 1) {
                    held.remove(key);
                  } else {
                    held.put(key, n - 1);
                  }
                  alreadyThere[0]++;
                  return false;
                });

    StateSnapshot source = from.state().snapshot();
    StateSnapshot target = to.state().snapshot();
    List<String> copied = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    if (source.currentTask().isPresent()) {
      if (shouldCopy(target.currentTask().isPresent(), replace, "current task", copied, kept)) {
        to.state().saveCurrentTask(source.currentTask().get());
      }
    }
    if (source.metricsRecorded()) {
      if (shouldCopy(target.metricsRecorded(), replace, "viability metrics", copied, kept)) {
        to.state().updateMetrics(m -> source.metrics());
      }
    }
    if (source.registry().isPresent()) {
      if (shouldCopy(target.registry().isPresent(), replace, "agent registry", copied, kept)) {
        to.state().updateRegistry(r -> source.registry().get());
      }
    }
    if (source.allocation().isPresent()) {
      if (shouldCopy(target.allocation().isPresent(), replace, "S3 allocation", copied, kept)) {
        to.state().saveAllocation(source.allocation().get());
      }
    }
    if (source.environment().isPresent()) {
      if (shouldCopy(target.environment().isPresent(), replace, "S4 environment", copied, kept)) {
        to.state().saveEnvironment(source.environment().get());
      }
    }
    if (source.coordinationPlan().isPresent()) {
      if (shouldCopy(
          target.coordinationPlan().isPresent(), replace, "coordination plan", copied, kept)) {
        to.state().saveCoordinationPlan(source.coordinationPlan().get());
      }
    }
    return new Result(from.name(), to.name(), entries, alreadyThere[0], copied, kept);
  }

  /** Records the document as copied (and returns true) or kept. */
  private static boolean shouldCopy(
      boolean targetHasIt, boolean replace, String name, List<String> copied, List<String> kept) {
    if (targetHasIt && !replace) {
      kept.add(name);
      return false;
    }
    copied.add(name);
    return true;
  }

  /** A log entry's content: a digest of its JSON line with keys sorted. */
  record EntryKey(long high, long low) {

    private static final ObjectMapper CANONICAL =
        JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    static EntryKey of(LogEntry e) {
      String text = CANONICAL.writeValueAsString(LogDocuments.logEntry(e));
      // A team store cannot hold U+0000 and keeps U+FFFD in its place: the same entry either way.
      if (text.contains("\\u0000")) {
        text = text.replace("\\u0000", "\uFFFD");
      }
      ByteBuffer digest = ByteBuffer.wrap(sha256(text.getBytes(StandardCharsets.UTF_8)));
      return new EntryKey(digest.getLong(), digest.getLong());
    }

    private static byte[] sha256(byte[] bytes) {
      try {
        return MessageDigest.getInstance("SHA-256").digest(bytes);
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
