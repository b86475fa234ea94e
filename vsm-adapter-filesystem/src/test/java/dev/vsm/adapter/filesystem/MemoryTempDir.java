package dev.vsm.adapter.filesystem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * A temporary directory in memory ({@code /dev/shm}) when the machine has one: thousands of state
 * writes, each flushed to disk with fsync, then cost microseconds instead of milliseconds, while
 * every one still goes through the real files. Elsewhere, the usual temporary directory.
 */
final class MemoryTempDir implements TempDirFactory {

  @Override
  public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context)
      throws IOException {
    Path shm = Path.of("/dev/shm");
    if (Files.isDirectory(shm) && Files.isWritable(shm)) {
      return Files.createTempDirectory(shm, "vsm-test-");
    }
    return Files.createTempDirectory("vsm-test-");
  }
}
