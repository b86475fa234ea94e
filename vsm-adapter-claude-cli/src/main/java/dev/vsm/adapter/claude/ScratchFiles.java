package dev.vsm.adapter.claude;

import static java.nio.file.StandardOpenOption.CREATE_NEW;
import static java.nio.file.StandardOpenOption.WRITE;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;

/**
 * Where the runner keeps an agent's standard output while the agent runs: a file {@code
 * vsm-claude-<pid>-<random>.json} (created with {@code O_EXCL}, readable by its owner only) in the
 * scratch directory. A run deletes its file when it ends; a vsm process killed with SIGKILL cannot,
 * so the next runner to start deletes the files of every vsm process that is gone.
 */
final class ScratchFiles {

  static final String PREFIX = "vsm-claude-";
  private static final String SUFFIX = ".json";

  /**
   * Files named before the pid was part of the name ({@code vsm-claude-<random>.json}) cannot be
   * tied to a process: they are leftovers once older than the longest an agent may run.
   */
  static final Duration UNNAMED_LEFTOVER_AGE = Duration.ofDays(8);

  private final Path directory;
  private final long pid;

  ScratchFiles(Path directory, long pid) {
    this.directory = directory;
    this.pid = pid;
  }

  Path directory() {
    return directory;
  }

  /** Numbers this process's files, from a random start (a name is not there to be guessed). */
  private final AtomicLong serial = new AtomicLong(ThreadLocalRandom.current().nextInt() >>> 1);

  /**
   * A new empty file for one run's standard output, {@code vsm-claude-<pid>-<n>.json}: the user's
   * alone (mode 0600 where there are modes), made exclusively (never an existing file or link; a
   * name that is taken, by a dead process's leftover or anyone else, is passed over). Not {@link
   * Files#createTempFile}: its {@code SecureRandom} sets up the JDK's security providers first, a
   * cost every cycle paid before its first agent.
   */
  Path create() throws IOException {
    Set<OpenOption> exclusive = Set.of(CREATE_NEW, WRITE, LinkOption.NOFOLLOW_LINKS);
    FileAttribute<?>[] mode =
        directory.getFileSystem().supportedFileAttributeViews().contains("posix")
            ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(USER_ONLY)}
            : new FileAttribute<?>[0];
    for (int tries = 0; ; tries++) {
      Path file = directory.resolve(PREFIX + pid + "-" + serial.getAndIncrement() + SUFFIX);
      try {
        Files.newByteChannel(file, exclusive, mode).close();
        return file;
      } catch (FileAlreadyExistsException taken) {
        if (tries >= 99) {
          throw taken;
        }
      }
    }
  }

  private static final Set<PosixFilePermission> USER_ONLY =
      Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

  /**
   * Deletes the files left by vsm processes that no longer run ({@code alive} says which do);
   * returns how many. Never throws: a file that cannot be deleted (another user's) is left.
   */
  int removeLeftovers(LongPredicate alive, Instant now) {
    int removed = 0;
    try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
      for (Path file : files) {
        if (isLeftover(file, alive, now)) {
          try {
            removed += Files.deleteIfExists(file) ? 1 : 0; // a link is deleted, not its target
          } catch (IOException | SecurityException e) {
            // not ours to delete
          }
        }
      }
    } catch (IOException | SecurityException | java.nio.file.DirectoryIteratorException e) {
      // no scratch directory to clean
    }
    return removed;
  }

  private static boolean isLeftover(Path file, LongPredicate alive, Instant now) {
    String name = file.getFileName().toString();
    String middle = name.substring(PREFIX.length(), name.length() - SUFFIX.length());
    int dash = middle.indexOf('-');
    if (dash > 0 && dash <= 18 && middle.substring(0, dash).chars().allMatch(Character::isDigit)) {
      return !alive.test(Long.parseLong(middle.substring(0, dash)));
    }
    try {
      BasicFileAttributes a =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return a.isRegularFile()
          && a.lastModifiedTime().toInstant().isBefore(now.minus(UNNAMED_LEFTOVER_AGE));
    } catch (IOException e) {
      return false;
    }
  }
}
