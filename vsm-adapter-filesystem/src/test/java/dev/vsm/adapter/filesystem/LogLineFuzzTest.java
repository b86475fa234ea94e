package dev.vsm.adapter.filesystem;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.testing.Fuzz;
import dev.vsm.application.testing.RandomJson;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskSummary;
import dev.vsm.json.JsonValues;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * §6 and §10: seeded random logs — vsm's own lines, lines of the earlier implementation's hooks,
 * changed lines, damaged bytes (cut, invalid UTF-8, a stray {@code \r} or NUL), blank lines, lines
 * longer than the limit and junk. The four ways of reading (forwards, backwards from the end, and
 * by the text of a task or a session) agree with one another and with each line parsed on its own,
 * report the unreadable lines, and never throw.
 */
class LogLineFuzzTest {

  private static final int CASES = 2000;
  private static final int MAX_LINE = 2_000; // small, so lines past it are cheap to make
  private static final String[] TASKS = {"t1", "abc12345", "task-7", "x"};
  private static final String[] SESSIONS = {"b76eb72d2e10", "abcdef123456", "s"};

  @TempDir(factory = MemoryTempDir.class)
  Path work;

  private final List<String> warnings = new ArrayList<>();

  private FileExecutionLog log() {
    return new FileExecutionLog(
        new StateDirectory(
            FileSystemAdapters.stateDirectory(work), Clock.systemUTC(), warnings::add),
        "s",
        FileExecutionLog.DEFAULT_MAX_BYTES,
        FileExecutionLog.DEFAULT_KEEP,
        MAX_LINE);
  }

  private static Map<String, Object> entry(RandomJson j) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("timestamp", j.chance(0.9) ? "2026-11-24T22:35:26.354688Z" : j.word());
    m.put(
        "event_type",
        j.chance(0.8) ? j.pick(EventType.values()).label() : j.pick("tool_use", "x", ""));
    m.put("task_id", j.chance(0.9) ? j.pick(TASKS) : j.word());
    m.put("agent", j.chance(0.5) ? null : j.word());
    m.put("data", j.object(2));
    m.put("session_id", j.pick(SESSIONS));
    return m;
  }

  /** One line's bytes (a line may come out holding newlines: then it is several). */
  private static byte[] line(RandomJson j) {
    Map<String, Object> e = entry(j);
    String text =
        switch (j.random().nextInt(10)) {
          case 0, 1, 2 -> asVsmWritesIt(j, e);
          case 3 -> { // as the earlier implementation's hooks write it: no data, extra keys
            e.remove("data");
            e.remove("session_id");
            e.put("tool", j.word());
            yield j.write(e, false);
          }
          case 4 -> j.write(j.mutate(j.mutate(e)), false);
          case 5 -> j.pick("", "   ", "\r", "\t");
          case 6 -> { // past the limit
            e.put("data", Map.of("pad", "x".repeat(j.between(MAX_LINE - 150, 2 * MAX_LINE))));
            yield asVsmWritesIt(j, e);
          }
          case 7 -> j.text(60);
          default -> j.write(e, false);
        };
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return j.chance(0.15) ? j.damage(bytes) : bytes;
  }

  /** The entry as vsm writes a line (its raw numbers read first, as vsm would read them). */
  private static String asVsmWritesIt(RandomJson j, Map<String, Object> e) {
    return JsonValues.text(JsonValues.read(j.write(e, false)));
  }

  private static byte[] file(RandomJson j) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (j.chance(0.02)) {
      out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}); // a byte-order mark
    }
    for (int n = j.between(0, 25); n > 0; n--) {
      out.writeBytes(line(j));
      if (n > 1 || j.chance(0.7)) {
        out.write('\n');
      }
    }
    return out.toByteArray();
  }

  /** What the file holds, line by line, parsed one at a time: the oracle. */
  private record Expected(List<LogEntry> entries, List<String> lines, int unreadable) {}

  private static Expected expected(byte[] file) {
    List<LogEntry> entries = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    int unreadable = 0;
    int start = 0;
    for (int i = 0; i <= file.length; i++) {
      if (i == file.length || file[i] == '\n') {
        byte[] piece = Arrays.copyOfRange(file, start, i);
        start = i + 1;
        String text = new String(piece, StandardCharsets.UTF_8);
        if (piece.length <= MAX_LINE && text.isBlank()) {
          continue;
        }
        LogEntry e = piece.length > MAX_LINE ? null : LogJson.fromLine(text);
        if (e == null) {
          unreadable++;
        } else {
          entries.add(e);
          lines.add(text);
        }
      }
    }
    return new Expected(entries, lines, unreadable);
  }

  /**
   * The entries a query by text finds: those of the task (or session) whose line holds its text as
   * written. (A line that spells the id with JSON escapes for its letters is not found: vsm and the
   * earlier implementation write ids as they are.)
   */
  private static List<LogEntry> containing(
      Expected x, String text, java.util.function.Function<LogEntry, String> key) {
    List<LogEntry> out = new ArrayList<>();
    for (int i = 0; i < x.entries().size(); i++) {
      if (text.equals(key.apply(x.entries().get(i))) && x.lines().get(i).contains(text)) {
        out.add(x.entries().get(i));
      }
    }
    return out;
  }

  @Test
  @Timeout(120) // a hang guard: the cases take a few seconds
  void random_logs_read_the_same_every_way_and_never_throw() {
    Path stateDir = FileSystemAdapters.stateDirectory(work);
    int[] seen = new int[2];
    Fuzz.run(
        "log lines",
        20261125L,
        CASES,
        trial -> {
          RandomJson j = new RandomJson(trial.random());
          byte[] bytes = file(j);
          trial.input(bytes);
          Files.createDirectories(stateDir);
          Files.write(stateDir.resolve(FileExecutionLog.FILE), bytes);
          Expected x = expected(bytes);
          seen[0] += x.entries().size();
          seen[1] += x.unreadable();
          FileExecutionLog log = log();

          warnings.clear();
          assertThat(log.readAll()).isEqualTo(x.entries());
          if (x.unreadable() == 0) {
            assertThat(warnings).isEmpty();
          } else {
            assertThat(warnings)
                .singleElement()
                .asString()
                .contains("skipped " + x.unreadable() + " unreadable line");
          }

          int n = j.between(0, x.entries().size() + 2);
          List<LogEntry> all = x.entries();
          assertThat(log.recent(n)).isEqualTo(all.subList(Math.max(0, all.size() - n), all.size()));

          String task = j.pick(TASKS);
          List<LogEntry> ofTask = containing(x, task, LogEntry::taskId);
          assertThat(log.readTask(task)).isEqualTo(ofTask);
          TaskSummary.Fold fold = new TaskSummary.Fold(task);
          ofTask.forEach(fold::accept);
          assertThat(log.taskSummary(task)).isEqualTo(fold.result());

          String session = j.pick(SESSIONS);
          assertThat(log.readSession(session))
              .isEqualTo(containing(x, session, LogEntry::sessionId));
        });

    // The cases hold many entries and many unreadable lines: both paths are exercised.
    assertThat(seen[0]).isGreaterThan(CASES * 3);
    assertThat(seen[1]).isGreaterThan(CASES);
  }
}
