package dev.vsm.adapter.git;

import dev.vsm.application.port.out.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkouts as git worktrees, detached (no branch is made), in {@code <scratch>/vsm-worktrees/}
 * (outside the project: Claude Code guards edits below {@code .git} and {@code .claude}). Each is
 * named {@code vsm-<pid>-<n>-<agent>} after the vsm process that made it, so that the next run can
 * tell and remove those of a process that is gone ({@code git worktree list} finds them wherever
 * they are).
 */
final class GitWorkspaces implements Workspaces {

  static final String DIRECTORY = "vsm-worktrees";
  private static final Pattern OURS = Pattern.compile("vsm-(\\d{1,18})-\\d+-.+");

  private final Git git;
  private final Path scratch;
  private final List<String> excluded;
  private final long pid;
  private final LongPredicate alive;
  private final AtomicLong steps = new AtomicLong();

  /**
   * @param excluded paths relative to the project that never go into a checkout nor come back
   *     (vsm's own state directory)
   */
  GitWorkspaces(Git git, Path scratch, List<String> excluded, long pid, LongPredicate alive) {
    this.git = git;
    this.scratch = scratch;
    this.excluded = List.copyOf(excluded);
    this.pid = pid;
    this.alive = alive;
  }

  @Override
  public Optional<String> unavailable(Path project) {
    Git.Result inside = git.in(project).call(java.util.Map.of(), "rev-parse", "--show-toplevel");
    if (inside.exit() != 0) {
      return Optional.of(
          inside.err().contains("not a git repository")
              ? project + " is not in a git repository"
              : "git cannot work in " + project + ": " + inside.err().strip());
    }
    Git.Result version = git.in(project).call(java.util.Map.of(), "version");
    Matcher m = Pattern.compile("(\\d+)\\.(\\d+)").matcher(version.out());
    if (!m.find()
        || Integer.parseInt(m.group(1)) < 2
        || (Integer.parseInt(m.group(1)) == 2 && Integer.parseInt(m.group(2)) < 38)) {
      return Optional.of(
          "git 2.38 or newer is needed to merge agents' work (found: "
              + version.out().strip()
              + ")");
    }
    return Optional.empty();
  }

  @Override
  public int removeLeftovers(Path project) {
    Git.Result list = git.in(project).call(java.util.Map.of(), "worktree", "list", "--porcelain");
    if (list.exit() != 0) {
      return 0;
    }
    int removed = 0;
    for (String line : list.out().lines().toList()) {
      if (!line.startsWith("worktree ")) {
        continue;
      }
      Path dir = Path.of(line.substring("worktree ".length()));
      Matcher m = OURS.matcher(String.valueOf(dir.getFileName()));
      if (dir.getParent() != null
          && DIRECTORY.equals(String.valueOf(dir.getParent().getFileName()))
          && m.matches()
          && !alive.test(Long.parseLong(m.group(1)))) {
        GitCheckouts.remove(git.in(project), dir);
        removed++;
      }
    }
    return removed;
  }

  @Override
  public Checkouts open(Path project, List<String> agents) {
    Path base = scratch.resolve(DIRECTORY);
    try {
      Files.createDirectories(base);
      Files.setPosixFilePermissions(base, PosixFilePermissions.fromString("rwx------"));
    } catch (IOException | UnsupportedOperationException e) {
      throw new WorkspaceException(
          "cannot make " + base + " for the agents' worktrees (" + e.getMessage() + ")");
    }
    String prefix = "vsm-" + pid + "-" + steps.incrementAndGet() + "-";
    List<Path> dirs = new ArrayList<>();
    for (String agent : agents) {
      dirs.add(base.resolve(prefix + agent));
    }
    return GitCheckouts.open(git.in(project), project, agents, dirs, excluded, scratch);
  }
}
