package dev.vsm.adapter.filesystem;

import dev.vsm.application.port.out.StateStore;
import dev.vsm.application.testing.AbstractStateStoreContract;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/** The contract against real files: every call opens a new store on the same directory. */
class FileStateStoreTest extends AbstractStateStoreContract {
  @TempDir Path dir;

  @Override
  protected StateStore store() {
    return FileSystemAdapters.stateStore(dir, Clock.systemUTC(), message -> {});
  }
}
