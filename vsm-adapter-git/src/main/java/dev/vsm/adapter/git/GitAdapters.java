package dev.vsm.adapter.git;

import dev.vsm.application.port.out.Workspaces;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The one way in to the git adapter. */
public final class GitAdapters {

  private GitAdapters() {}

  /**
   * Checkouts as git worktrees, made with the {@code git} on the {@code PATH} of {@code
   * environment}, under {@code scratch}; {@code excluded} are paths relative to the project that
   * never go into a worktree nor come back from one.
   */
  public static Workspaces workspaces(
      Map<String, String> environment, Path scratch, List<String> excluded) {
    return new GitWorkspaces(
        new Git("git", Map.copyOf(environment), scratch),
        scratch,
        excluded,
        ProcessHandle.current().pid(),
        pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
  }
}
