package dev.vsm.adapter.filesystem;

import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.StateAccessException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The {@code .claude/vsm-state} directory: an exclusive lock shared by every process (a lock file
 * plus an in-process lock, since one JVM may not hold two file locks on one file), atomic file
 * replacement, and moving corrupt files aside.
 */
final class StateDirectory {

  static final String LOCK_FILE = "vsm.lock";
  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final DateTimeFormatter CORRUPT_STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final Path dir;
  private final Clock clock;
  private final Diagnostics diagnostics;

  StateDirectory(Path dir, Clock clock, Diagnostics diagnostics) {
    this.dir = dir.toAbsolutePath().normalize();
    this.clock = clock;
    this.diagnostics = diagnostics;
  }

  Path path() {
    return dir;
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  Diagnostics diagnostics() {
    return diagnostics;
  }

  /** Runs {@code work} holding the directory's exclusive lock (across threads and processes). */
  <T> T locked(Supplier<T> work) {
    ensureExists();
    ReentrantLock jvmLock = JVM_LOCKS.computeIfAbsent(dir, d -> new ReentrantLock());
    jvmLock.lock();
    if (jvmLock.getHoldCount() > 1) {
      // Re-entered by the thread that holds the file lock already.
      try {
        return work.get();
      } finally {
        jvmLock.unlock();
      }
    }
    try (FileChannel ch =
            FileChannel.open(
                dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      return work.get();
    } catch (IOException e) {
      throw new StateAccessException(
          "cannot lock "
              + dir.resolve(LOCK_FILE)
              + ": "
              + e.getMessage()
              + " (check the directory is writable)",
          e);
    } finally {
      jvmLock.unlock();
    }
  }

  void ensureExists() {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new StateAccessException(
          "cannot create the state directory "
              + dir
              + ": "
              + e
              + " (check permissions, or run vsm with -d in a writable directory)",
          e);
    }
  }

  /** Reads a file, or null when it does not exist. */
  byte[] read(String name) {
    try {
      return Files.readAllBytes(dir.resolve(name));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new StateAccessException("cannot read " + dir.resolve(name) + ": " + e, e);
    }
  }

  /**
   * Replaces a file atomically: written to a temporary file beside it, flushed, renamed over it,
   * and the directory synced, so a crash leaves the old or the new file, never a torn one.
   */
  void writeAtomically(String name, byte[] content) {
    ensureExists();
    Path target = dir.resolve(name);
    Path tmp = null;
    try {
      tmp = Files.createTempFile(dir, "." + name + ".", ".tmp");
      try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(content);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      try {
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      syncDirectory();
    } catch (IOException e) {
      throw new StateAccessException(
          "cannot write " + target + ": " + e + " (check permissions and free space)", e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the temporary file is harmless; the next write makes a new one
        }
      }
    }
  }

  void syncDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some file systems cannot sync a directory; the rename itself is still atomic.
    }
  }

  /**
   * Moves a corrupt file aside to {@code <name>.corrupt-<UTC timestamp>} and says so; never deletes
   * it. Fails (environment error) when it cannot be moved.
   */
  Path moveAside(String name, String reason) {
    Path source = dir.resolve(name);
    String stamp = CORRUPT_STAMP.format(clock.instant());
    Path target = dir.resolve(name + ".corrupt-" + stamp);
    for (int i = 1; Files.exists(target); i++) {
      target = dir.resolve(name + ".corrupt-" + stamp + "-" + i);
    }
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new StateAccessException(
          "state file "
              + source
              + " is corrupt ("
              + reason
              + ") and cannot be moved aside: "
              + e
              + "; move or delete it by hand",
          e);
    }
    diagnostics.warn(
        "warning: "
            + source
            + " was corrupt ("
            + reason
            + "); moved it to "
            + target
            + " and using defaults");
    return target;
  }
}
