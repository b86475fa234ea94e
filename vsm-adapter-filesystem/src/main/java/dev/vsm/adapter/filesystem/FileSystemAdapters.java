package dev.vsm.adapter.filesystem;

import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import tools.jackson.databind.ObjectMapper;

/** The one way in to the filesystem adapter: state store and execution log for a directory. */
public final class FileSystemAdapters {

  /** Where the state lives below a working directory. */
  public static final String STATE_DIR = ".claude/vsm-state";

  private static final ObjectMapper JSON = Json.mapper();

  private FileSystemAdapters() {}

  /** The state directory of a working directory. */
  public static Path stateDirectory(Path workingDirectory) {
    return workingDirectory.resolve(STATE_DIR);
  }

  public static StateStore stateStore(Path workingDirectory, Clock clock, Diagnostics diagnostics) {
    return new FileStateStore(
        new StateDirectory(stateDirectory(workingDirectory), clock, diagnostics), JSON, clock);
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
        JSON,
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
    byte[] b = new byte[6];
    new SecureRandom().nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
