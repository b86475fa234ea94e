package dev.vsm.library;

import dev.vsm.adapter.filesystem.FileSystemAdapters;
import dev.vsm.application.port.out.Diagnostics;
import dev.vsm.application.port.out.ExecutionLog;
import dev.vsm.application.port.out.StateStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Where a {@link Vsm} keeps its state and its execution log: the state files of the working
 * directory by default ({@link #files}), or any other store ({@link #of}). {@link Vsm} asks for
 * each at most once, on first use, so an implementation may open connections lazily.
 */
public interface Store {

  /** The state: current task, viability metrics, agent registry, allocations. */
  StateStore stateStore();

  /** The execution log, whose new entries carry {@code sessionId}. */
  ExecutionLog executionLog(String sessionId);

  /**
   * The state files under {@code <workingDirectory>/.claude/vsm-state/}, shared safely with other
   * vsm processes and the Python implementation.
   */
  static Store files(Path workingDirectory, Diagnostics diagnostics) {
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    Objects.requireNonNull(diagnostics, "diagnostics");
    // Classes, not lambdas: the first lambda of a process costs a short command ~12 ms.
    return new Store() {
      @Override
      public StateStore stateStore() {
        return FileSystemAdapters.stateStore(workingDirectory, Clock.systemUTC(), diagnostics);
      }

      @Override
      public ExecutionLog executionLog(String sessionId) {
        return FileSystemAdapters.executionLog(workingDirectory, sessionId, diagnostics);
      }
    };
  }

  /** Where {@link #files} keeps state and log: {@code <workingDirectory>/.claude/vsm-state}. */
  static Path filesDirectory(Path workingDirectory) {
    return FileSystemAdapters.stateDirectory(workingDirectory);
  }

  /** A store from its two parts, e.g. {@code Store.of(team::stateStore, team::executionLog)}. */
  static Store of(Supplier<StateStore> state, Function<String, ExecutionLog> log) {
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(log, "log");
    return new Store() {
      @Override
      public StateStore stateStore() {
        return state.get();
      }

      @Override
      public ExecutionLog executionLog(String sessionId) {
        return log.apply(sessionId);
      }
    };
  }
}
