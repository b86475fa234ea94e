package dev.vsm.adapter.filesystem;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateAccessException;
import dev.vsm.domain.log.EventType;
import dev.vsm.domain.log.LogEntry;
import dev.vsm.domain.log.TaskSummary;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The execution log as JSON lines in {@code execution-log.jsonl}: appends are whole lines written
 * with one call under the directory lock; reads stream the file (recent entries are read from the
 * end); past a size limit the file is rotated to {@code execution-log.1.jsonl} … and queries span
 * the rotated files. Lines end at {@code \n}; a line longer than the limit (16 MiB) is skipped and
 * reported like any unreadable line, without being held in memory.
 */
final class FileExecutionLog implements ExecutionLog {

  static final String FILE = "execution-log.jsonl";
  static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;
  static final int DEFAULT_KEEP = 5;

  private final StateDirectory dir;
  private final String sessionId;
  private final long maxBytes;
  private final int keep;
  private final int maxLine;

  FileExecutionLog(StateDirectory dir, String sessionId, long maxBytes, int keep, int maxLine) {
    this.dir = dir;
    this.sessionId = sessionId;
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.maxLine = maxLine;
  }

  static String rotatedName(int i) {
    return "execution-log." + i + ".jsonl";
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  @Override
  public void append(LogEntry entry) {
    byte[] line = LogJson.toLine(entry);
    Path file = dir.file(FILE);
    if (line.length - 1 > maxLine) {
      throw new StateAccessException(
          "cannot append to "
              + file
              + ": an entry of "
              + line.length
              + " bytes is longer than the log's line limit of "
              + maxLine
              + " bytes",
          null);
    }
    // A class, not a lambda: a hook appends on every tool use, and the first lambda of a process
    // costs ~12 ms of set-up.
    dir.locked(
        new Supplier<Void>() {
          @Override
          public Void get() {
            appendLocked(file, line);
            return null;
          }
        });
  }

  private void appendLocked(Path file, byte[] line) {
    try {
      rotateIfFull(file, line.length);
      // Writers hold the directory lock, so writing at the end is appending.
      try (FileChannel ch =
          dir.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
        long end = ch.size();
        ByteBuffer buf = ByteBuffer.wrap(endsWithNewline(ch) ? line : withNewlineFirst(line));
        while (buf.hasRemaining()) {
          end += ch.write(buf, end);
        }
      }
    } catch (IOException e) {
      throw new StateAccessException(
          "cannot append to " + file + ": " + e + " (check permissions and free space)", e);
    }
  }

  /** A line cut short by a crash must not swallow the next entry: start on a fresh line. */
  private static boolean endsWithNewline(FileChannel ch) throws IOException {
    long size = ch.size();
    if (size == 0) {
      return true;
    }
    ByteBuffer last = ByteBuffer.allocate(1);
    ch.read(last, size - 1);
    return last.get(0) == '\n';
  }

  private static byte[] withNewlineFirst(byte[] line) {
    byte[] out = new byte[line.length + 1];
    out[0] = '\n';
    System.arraycopy(line, 0, out, 1, line.length);
    return out;
  }

  private void rotateIfFull(Path file, int incoming) throws IOException {
    long size = dir.regularFile(file) ? Files.size(file) : 0;
    if (size == 0 || size + incoming <= maxBytes) {
      return;
    }
    // Renames and deletions act on a link itself, never on what it points to.
    Files.deleteIfExists(dir.file(rotatedName(keep)));
    for (int i = keep - 1; i >= 1; i--) {
      if (dir.present(rotatedName(i))) {
        Files.move(
            dir.file(rotatedName(i)), dir.file(rotatedName(i + 1)), StandardCopyOption.ATOMIC_MOVE);
      }
    }
    Files.move(file, dir.file(rotatedName(1)), StandardCopyOption.ATOMIC_MOVE);
    dir.syncDirectory();
  }

  /** The log's files, oldest first (a link among them is refused when it is read). */
  private List<Path> files() {
    List<Path> out = new ArrayList<>();
    if (!dir.exists()) {
      return out;
    }
    for (int i = keep; i >= 1; i--) {
      if (dir.present(rotatedName(i))) {
        out.add(dir.file(rotatedName(i)));
      }
    }
    out.add(dir.file(FILE));
    return out;
  }

  /** A file's lines in some order; null at the end. */
  private interface Lines {
    String next() throws IOException;
  }

  /** How to read an open file's lines: forwards, backwards, or only those holding some text. */
  private interface LinesOpener {
    Lines open(FileChannel file, int maxLine) throws IOException;
  }

  // The openers, and the callbacks of `log` and `tasks` below, are classes, not lambdas or method
  // references: the first lambda of a process costs a read command ~12 ms of set-up.

  private static final LinesOpener FORWARDS =
      new LinesOpener() {
        @Override
        public Lines open(FileChannel ch, int maxLine) {
          ForwardLines lines = new ForwardLines(ch, maxLine);
          return new Lines() {
            @Override
            public String next() throws IOException {
              return lines.next();
            }
          };
        }
      };

  private static final LinesOpener BACKWARDS =
      new LinesOpener() {
        @Override
        public Lines open(FileChannel ch, int maxLine) throws IOException {
          ReverseLines lines = new ReverseLines(ch, maxLine);
          return new Lines() {
            @Override
            public String next() throws IOException {
              return lines.previous();
            }
          };
        }
      };

  private static LinesOpener containing(String text) {
    return containingAny(List.of(text));
  }

  private static LinesOpener containingAny(List<String> texts) {
    return new LinesOpener() {
      @Override
      public Lines open(FileChannel ch, int maxLine) throws IOException {
        Iterator<String> it = LineScanner.linesContainingAny(ch, texts, maxLine).iterator();
        return new Lines() {
          @Override
          public String next() {
            return it.hasNext() ? it.next() : null;
          }
        };
      }
    };
  }

  /**
   * Feeds the entries on one file's lines to {@code accept} until it returns false, skipping and
   * then reporting (once) the lines that are not entries. Returns whether {@code accept} wants
   * more.
   */
  private boolean readEntries(Path file, LinesOpener opener, Predicate<LogEntry> accept) {
    int skipped = 0;
    boolean more = true;
    if (!dir.regularFile(file)) {
      return true;
    }
    try (FileChannel ch = dir.open(file, StandardOpenOption.READ)) {
      Lines lines = opener.open(ch, maxLine);
      String line;
      while (more && (line = lines.next()) != null) {
        if (line.isBlank()) {
          continue;
        }
        LogEntry e = line == LogLines.TOO_LONG ? null : LogJson.fromLine(line);
        if (e == null) {
          skipped++;
        } else {
          more = accept.test(e);
        }
      }
    } catch (NoSuchFileException e) {
      return true;
    } catch (IOException e) {
      throw new StateAccessException("cannot read " + file + ": " + e, e);
    }
    reportSkipped(file, skipped);
    return more;
  }

  /** Streams every entry, oldest first. */
  @Override
  public void forEach(Consumer<LogEntry> action) {
    for (Path file : files()) {
      readEntries(file, FORWARDS, all(action));
    }
  }

  /**
   * Decodes only the lines that hold one of the types as a JSON string ({@code "task_started"}):
   * the type is the value of {@code event_type}, so no other line can be one of them.
   */
  @Override
  public void forEachOfTypes(Set<EventType> types, Consumer<LogEntry> action) {
    List<String> needles = new ArrayList<>(types.size());
    for (EventType t : types) {
      needles.add("\"" + t.label() + "\"");
    }
    Predicate<LogEntry> ofTheTypes =
        new Predicate<>() {
          @Override
          public boolean test(LogEntry e) {
            Optional<EventType> type = EventType.parse(e.eventType());
            if (type.isPresent() && types.contains(type.get())) {
              action.accept(e);
            }
            return true;
          }
        };
    for (Path file : files()) {
      readEntries(file, containingAny(needles), ofTheTypes);
    }
  }

  /** Streams, oldest first, the entries on lines holding {@code text}; others are never decoded. */
  private void streamContaining(String text, Consumer<LogEntry> action) {
    for (Path file : files()) {
      readEntries(file, containing(text), all(action));
    }
  }

  /** Passes every entry to {@code action}, and always wants more. */
  private static Predicate<LogEntry> all(Consumer<LogEntry> action) {
    return new Predicate<>() {
      @Override
      public boolean test(LogEntry e) {
        action.accept(e);
        return true;
      }
    };
  }

  private void reportSkipped(Path file, int skipped) {
    if (skipped > 0) {
      dir.diagnostics()
          .warn(
              "warning: skipped "
                  + skipped
                  + " unreadable line"
                  + (skipped == 1 ? "" : "s")
                  + " in "
                  + file);
    }
  }

  @Override
  public List<LogEntry> readTask(String taskId) {
    List<LogEntry> out = new ArrayList<>();
    streamContaining(
        taskId,
        e -> {
          if (taskId.equals(e.taskId())) {
            out.add(e);
          }
        });
    return out;
  }

  @Override
  public List<LogEntry> readSession(String session) {
    List<LogEntry> out = new ArrayList<>();
    streamContaining(
        session,
        e -> {
          if (session.equals(e.sessionId())) {
            out.add(e);
          }
        });
    return out;
  }

  @Override
  public TaskSummary taskSummary(String taskId) {
    TaskSummary.Fold fold = new TaskSummary.Fold(taskId);
    streamContaining(taskId, fold::accept);
    return fold.result();
  }

  @Override
  public List<LogEntry> recent(int count) {
    List<LogEntry> newestFirst = new ArrayList<>();
    List<Path> files = files();
    for (int f = files.size() - 1; f >= 0 && newestFirst.size() < count; f--) {
      readEntries(
          files.get(f),
          BACKWARDS,
          new Predicate<>() {
            @Override
            public boolean test(LogEntry e) {
              newestFirst.add(e);
              return newestFirst.size() < count;
            }
          });
    }
    Collections.reverse(newestFirst);
    return newestFirst;
  }

  @Override
  public void clear() {
    if (!dir.exists()) {
      return;
    }
    dir.locked(
        () -> {
          try {
            for (Path p : files()) {
              Files.deleteIfExists(p);
            }
          } catch (IOException e) {
            throw new StateAccessException("cannot clear the log: " + e, e);
          }
          return null;
        });
  }
}
