package dev.vsm.adapter.filesystem;

import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

/** The one way in to the filesystem adapter: state store and execution log for a directory. */
public final class FileSystemAdapters {

  /** Where the state lives below a working directory. */
  public static final String STATE_DIR = ".claude/vsm-state";

  private FileSystemAdapters() {}

  /** The state directory of a working directory. */
  public static Path stateDirectory(Path workingDirectory) {
    return workingDirectory.resolve(STATE_DIR);
  }

  public static StateStore stateStore(Path workingDirectory, Clock clock, Diagnostics diagnostics) {
    return new FileStateStore(
        new StateDirectory(stateDirectory(workingDirectory), clock, diagnostics), clock);
  }

  public static ExecutionLog executionLog(
      Path workingDirectory, String sessionId, Diagnostics diagnostics) {
    return executionLog(
        workingDirectory, sessionId, diagnostics, FileExecutionLog.DEFAULT_MAX_BYTES);
  }

  /** A log that rotates past {@code maxBytes}, keeping five rotated files. */
  public static ExecutionLog executionLog(
      Path workingDirectory, String sessionId, Diagnostics diagnostics, long maxBytes) {
    return new FileExecutionLog(
        new StateDirectory(stateDirectory(workingDirectory), Clock.systemUTC(), diagnostics),
        sessionId,
        maxBytes,
        FileExecutionLog.DEFAULT_KEEP,
        StateDirectory.MAX_DOCUMENT_BYTES);
  }

  /** {@code CLAUDE_SESSION_ID} when set, else 12 random lower-case hex characters. */
  public static String sessionId(String fromEnvironment) {
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    return HexFormat.of().formatHex(randomBytes(6));
  }

  /**
   * A random (version 4) UUID, as {@link java.util.UUID#randomUUID} makes them but from the
   * kernel's random bytes read directly: the Claude session id of each agent a cycle runs.
   */
  public static UUID randomUuid() {
    byte[] b = randomBytes(16);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // the IETF variant
    ByteBuffer bytes = ByteBuffer.wrap(b);
    return new UUID(bytes.getLong(), bytes.getLong());
  }

  /**
   * The kernel's random bytes, read directly: a {@code SecureRandom} would set up the security
   * providers first, a tenth of a short command's start.
   */
  private static byte[] randomBytes(int n) {
    try (InputStream in = Files.newInputStream(Path.of("/dev/urandom"))) {
      byte[] b = in.readNBytes(n);
      if (b.length == n) {
        return b;
      }
    } catch (IOException | RuntimeException noDevice) {
      // not Linux, or no /dev: the JDK's own source below
    }
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }
}
