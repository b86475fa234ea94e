package dev.vsm.adapter.claude;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
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

  /** A new empty file for one run's standard output. */
  Path create() throws IOException {
    return Files.createTempFile(directory, PREFIX + pid + "-", SUFFIX);
  }

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
