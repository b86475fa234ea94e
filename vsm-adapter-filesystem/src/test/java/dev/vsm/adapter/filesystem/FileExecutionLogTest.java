package dev.vsm.adapter.filesystem;

import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.testing.AbstractExecutionLogContract;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class FileExecutionLogTest extends AbstractExecutionLogContract {
  @TempDir Path dir;

  @Override
  protected ExecutionLog log() {
    return FileSystemAdapters.executionLog(dir, "abcdef123456", message -> {});
  }
}
