package dev.vsm.adapter.filesystem;

import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.StateAccessException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The {@code .claude/vsm-state} directory: an exclusive lock shared by every process (a lock file
 * plus an in-process lock, since one JVM may not hold two file locks on one file), atomic file
 * replacement, and moving corrupt files aside.
 *
 * <p>A cloned repository can ship symbolic links, FIFOs and huge files where vsm keeps its state.
 * So nothing is read or written through a link at {@code .claude}, at {@code vsm-state} or at any
 * file in it (files are opened with {@code O_NOFOLLOW}), a file that is not a regular file is
 * refused before it is opened (opening a FIFO blocks), and no file is read past {@link
 * #MAX_DOCUMENT_BYTES}. The working directory itself is the user's choice and may be reached
 * through a link.
 */
final class StateDirectory {

  static final String LOCK_FILE = "vsm.lock";

  /** The most vsm reads of one state file or one log line: far above anything it writes. */
  static final int MAX_DOCUMENT_BYTES = 16 << 20;

  static final String MAX_DOCUMENT_TEXT = "16 MiB";

  private static final Map<Path, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();
  private static final LinkOption NOFOLLOW = LinkOption.NOFOLLOW_LINKS;

  /** A state file too large to be one of vsm's: corrupt, like one that is not JSON. */
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("larger than " + MAX_DOCUMENT_TEXT);
    }
  }

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
    // No lambda: a hook takes this lock on every tool use, and the first lambda of a process
    // costs ~12 ms of set-up.
    ReentrantLock jvmLock = JVM_LOCKS.get(dir);
    if (jvmLock == null) {
      ReentrantLock made = new ReentrantLock();
      jvmLock = JVM_LOCKS.putIfAbsent(dir, made);
      if (jvmLock == null) {
        jvmLock = made;
      }
    }
    jvmLock.lock();
    if (jvmLock.getHoldCount() > 1) {
      // Re-entered by the thread that holds the file lock already.
      try {
        return work.get();
      } finally {
        jvmLock.unlock();
      }
    }
    Path lock = dir.resolve(LOCK_FILE);
    try (FileChannel ch = open(lock, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = ch.lock()) {
      return work.get();
    } catch (IOException e) {
      throw new StateAccessException(
          "cannot lock " + lock + ": " + e.getMessage() + " (check the directory is writable)", e);
    } finally {
      jvmLock.unlock();
    }
  }

  /**
   * Whether the state directory exists; refuses a link or a non-directory at {@code .claude} or
   * {@code vsm-state}.
   */
  boolean exists() {
    for (Path p : new Path[] {dir.getParent(), dir}) {
      BasicFileAttributes a = attributes(p);
      if (a == null) {
        return false;
      }
      if (a.isSymbolicLink()) {
        throw linkRefused(p);
      }
      if (!a.isDirectory()) {
        throw new StateAccessException(
            p + " is not a directory; vsm keeps its state in " + dir + ": move it away", null);
      }
    }
    return true;
  }

  void ensureExists() {
    if (exists()) {
      return;
    }
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
    exists(); // nothing replaced a part of the path with a link meanwhile
  }

  /** A file's own attributes (a link is not followed), or null when there is none. */
  private static BasicFileAttributes attributes(Path p) {
    try {
      return Files.readAttributes(p, BasicFileAttributes.class, NOFOLLOW);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new StateAccessException("cannot read " + p + ": " + e, e);
    }
  }

  private static StateAccessException linkRefused(Path p) {
    return new StateAccessException(
        p
            + " is a symbolic link; vsm never reads or writes its state through a link"
            + " (a cloned repository can ship one): remove it",
        null);
  }

  /**
   * Whether a file of the directory exists (never creating anything): a link there is refused, and
   * so is anything but a regular file.
   */
  boolean regularFile(Path file) {
    if (!exists()) {
      return false;
    }
    BasicFileAttributes a = attributes(file);
    if (a == null) {
      return false;
    }
    if (a.isSymbolicLink()) {
      throw linkRefused(file);
    }
    if (!a.isRegularFile()) {
      throw new StateAccessException(
          file
              + " is not a regular file ("
              + (a.isDirectory() ? "a directory" : "a FIFO, socket or device")
              + "); vsm refuses to use it: remove it",
          null);
    }
    return true;
  }

  /**
   * Opens a file of the directory without following a link to it; a link or a non-regular file is
   * refused first (opening a FIFO would block).
   */
  FileChannel open(Path file, OpenOption... options) throws IOException {
    regularFile(file);
    OpenOption[] all = Arrays.copyOf(options, options.length + 1);
    all[options.length] = NOFOLLOW;
    try {
      return FileChannel.open(file, all);
    } catch (IOException e) {
      BasicFileAttributes a = attributes(file);
      if (a != null && a.isSymbolicLink()) {
        throw linkRefused(file); // a link appeared after the check: O_NOFOLLOW refused it
      }
      throw e;
    }
  }

  /**
   * Reads a state file, or null when it does not exist; {@link TooLarge} past {@link
   * #MAX_DOCUMENT_BYTES}, without reading further.
   */
  byte[] read(String name) {
    Path file = dir.resolve(name);
    try {
      if (!regularFile(file)) {
        return null;
      }
      try (FileChannel ch = open(file, StandardOpenOption.READ)) {
        if (ch.size() > MAX_DOCUMENT_BYTES) {
          throw new TooLarge();
        }
        ByteBuffer buf = ByteBuffer.allocate((int) ch.size() + 1);
        while (buf.hasRemaining() && ch.read(buf) >= 0) {
          if (buf.position() > MAX_DOCUMENT_BYTES) {
            throw new TooLarge(); // it grew while being read
          }
          if (!buf.hasRemaining()) {
            buf = ByteBuffer.allocate(buf.capacity() * 2).put(buf.flip());
          }
        }
        return Arrays.copyOf(buf.array(), buf.position());
      }
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      throw new StateAccessException("cannot read " + file + ": " + e, e);
    }
  }

  /**
   * Replaces a file atomically: written to a temporary file beside it, flushed to the disk, renamed
   * over it, so a crash leaves the old or the new file, never a torn one. A file vsm would refuse
   * to read back is not written. The directory is not synced after the rename: that would only make
   * the new version outlive a power cut (the old one is whole either way, as the log's lines are,
   * which are not synced either), and it doubled the fsyncs of a cycle: 30 of them took a third of
   * a second on a busy shared disk.
   */
  void writeAtomically(String name, byte[] content) {
    Path target = dir.resolve(name);
    if (content.length > MAX_DOCUMENT_BYTES) {
      throw new StateAccessException(
          "cannot write "
              + target
              + ": "
              + content.length
              + " bytes is larger than the "
              + MAX_DOCUMENT_TEXT
              + " a state file may hold",
          null);
    }
    ensureExists();
    regularFile(target); // a link or a FIFO there is refused, not silently replaced
    Path tmp = null;
    try {
      tmp = temporaryFile(name);
      try (FileChannel ch = open(tmp, StandardOpenOption.WRITE)) {
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

  /**
   * A new empty file beside {@code name}, readable and writable by the user alone (the state files
   * take its mode with its name), made exclusively: never an existing file or link. Its name is
   * drawn from {@link ThreadLocalRandom}, not from the {@code SecureRandom} of {@link
   * Files#createTempFile}: setting up the JDK's security providers for that took a hook which
   * writes state a seventh of its run.
   */
  private Path temporaryFile(String name) throws IOException {
    for (int attempt = 1; ; attempt++) {
      String random = Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36);
      Path tmp = dir.resolve("." + name + "." + random + ".tmp");
      try {
        FileChannel.open(tmp, NEW_FILE, userOnly()).close();
        return tmp;
      } catch (FileAlreadyExistsException taken) {
        if (attempt == 100) {
          throw taken;
        }
      }
    }
  }

  private static final Set<OpenOption> NEW_FILE =
      Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, NOFOLLOW);

  /** Mode 0600 where the file system has POSIX modes; nothing to ask for elsewhere. */
  private FileAttribute<?>[] userOnly() {
    if (!dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      return new FileAttribute<?>[0];
    }
    return new FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
    };
  }

  void syncDirectory() {
    try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ, NOFOLLOW)) {
      d.force(true);
    } catch (IOException | UnsupportedOperationException e) {
      // Some file systems cannot sync a directory; the rename itself is still atomic.
    }
  }

  /** Whether anything (a link included, not followed) has this name in the directory. */
  boolean present(String name) {
    return attributes(dir.resolve(name)) != null;
  }

  /**
   * Moves a corrupt file aside to {@code <name>.corrupt-<UTC timestamp>} and says so; never deletes
   * it. Fails (environment error) when it cannot be moved.
   */
  Path moveAside(String name, String reason) {
    Path source = dir.resolve(name);
    // Made here, not in a static field: a formatter costs every start that reads state.
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC)
            .format(clock.instant());
    String base = name + ".corrupt-" + stamp;
    Path target = dir.resolve(base);
    for (int i = 1; present(target.getFileName().toString()); i++) {
      target = dir.resolve(base + "-" + i);
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
