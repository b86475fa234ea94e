package dev.vsm.adapter.git;

import dev.vsm.application.port.out.Workspaces.Checkouts;
import dev.vsm.application.port.out.Workspaces.ConflictSettler;
import dev.vsm.application.port.out.Workspaces.Merge;
import dev.vsm.application.port.out.Workspaces.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The worktrees of one step. The project's tree as it is — uncommitted and untracked files
 * included, ignored ones not — becomes a commit (through a copy of the index, so the user's index,
 * HEAD and branches are untouched), and each agent gets a detached worktree of it. Each agent's
 * work becomes a commit on it, merged in the order asked with {@code git merge-tree} (in the object
 * store: no working tree is touched while merging); a conflict is settled per file by taking one
 * side. The merged result is written into the project as one patch.
 */
final class GitCheckouts implements Checkouts {

  private final Git top;
  private final Path project;
  private final String prefix;
  private final Map<String, Path> worktrees;
  private final List<String> pathspec;
  private final Path scratch;
  private final String base;
  private String merged;

  private GitCheckouts(
      Git top,
      Path project,
      String prefix,
      Map<String, Path> worktrees,
      List<String> pathspec,
      Path scratch,
      String base) {
    this.top = top;
    this.project = project;
    this.prefix = prefix;
    this.worktrees = worktrees;
    this.pathspec = pathspec;
    this.scratch = scratch;
    this.base = base;
    this.merged = base;
  }

  static GitCheckouts open(
      Git git,
      Path project,
      List<String> agents,
      List<Path> dirs,
      List<String> excluded,
      Path scratch) {
    Git top = git.in(Path.of(git.run("rev-parse", "--show-toplevel").strip()));
    String prefix = git.run("rev-parse", "--show-prefix").strip();
    List<String> pathspec = new ArrayList<>(List.of("--", "."));
    excluded.forEach(x -> pathspec.add(":(exclude)" + prefix + x));
    String base = snapshot(top, pathspec, scratch);
    Map<String, Path> worktrees = new LinkedHashMap<>();
    GitCheckouts checkouts =
        new GitCheckouts(top, project, prefix, worktrees, pathspec, scratch, base);
    try {
      for (int i = 0; i < agents.size(); i++) {
        worktrees.put(agents.get(i), dirs.get(i));
        top.run("worktree", "add", "--detach", "--quiet", dirs.get(i).toString(), base);
      }
    } catch (RuntimeException e) {
      checkouts.close();
      throw e;
    }
    return checkouts;
  }

  /** The working tree as a commit whose parent is HEAD (none in a repository without commits). */
  private static String snapshot(Git top, List<String> pathspec, Path scratch) {
    Path index =
        scratch.resolve("vsm-index-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Path real = top.directory().resolve(top.run("rev-parse", "--git-path", "index").strip());
      if (Files.isRegularFile(real)) {
        // A copy of the index knows which files are unchanged: only the changed ones are read.
        Files.copy(real, index);
      }
      Map<String, String> env = Map.of("GIT_INDEX_FILE", index.toString());
      top.run(env, concat(List.of("add", "-A"), pathspec));
      String tree = top.run(env, "write-tree").strip();
      Git.Result head = top.call(Map.of(), "rev-parse", "-q", "--verify", "HEAD^{commit}");
      return head.exit() == 0
          ? commit(top, tree, "the project before a parallel step", head.out().strip())
          : commit(top, tree, "the project before a parallel step");
    } catch (IOException e) {
      throw new WorkspaceException("cannot copy the index to " + index + ": " + e.getMessage());
    } finally {
      deleteQuietly(index);
    }
  }

  private static String commit(Git git, String tree, String message, String... parents) {
    List<String> args = new ArrayList<>(List.of("commit-tree", tree, "-m", "vsm: " + message));
    for (String p : parents) {
      args.add("-p");
      args.add(p);
    }
    return git.run(args.toArray(String[]::new)).strip();
  }

  private static String[] concat(List<String> a, List<String> b) {
    return Stream.concat(a.stream(), b.stream()).toArray(String[]::new);
  }

  @Override
  public Path directory(String agent) {
    Path root = worktrees.get(agent);
    if (root == null) {
      throw new IllegalArgumentException("no worktree for " + agent);
    }
    return prefix.isEmpty() ? root : root.resolve(prefix);
  }

  @Override
  public synchronized Merge merge(String agent, ConflictSettler settle) {
    Git wt = top.in(worktrees.get(agent));
    wt.run(concat(List.of("add", "-A"), pathspec));
    String work = commit(top, wt.run("write-tree").strip(), agent + "'s work", base);
    List<String> files = changed(base, work);
    if (files.isEmpty()) {
      return new Merge(List.of(), List.of(), false);
    }
    if (merged.equals(base)) {
      merged = work;
      return new Merge(files, List.of(), false);
    }
    Git.Result r =
        top.call(Map.of(), "merge-tree", "--write-tree", "-z", "--no-messages", merged, work);
    if (r.exit() > 1) {
      throw new WorkspaceException("git merge-tree failed: " + r.err().strip());
    }
    String[] parts = r.out().split("\0", -1);
    String tree = parts[0].strip();
    List<String> conflicting = new ArrayList<>();
    boolean agentWon = false;
    if (r.exit() == 1) {
      Map<String, Map<Integer, String>> stages = conflictStages(parts);
      conflicting.addAll(stages.keySet().stream().map(this::inProject).toList());
      agentWon = settle.agentWins(agent, List.copyOf(conflicting));
      tree = resolve(tree, stages, agentWon ? 3 : 2);
    }
    merged = commit(top, tree, "merged " + agent + "'s work", merged, work);
    return new Merge(files, conflicting, agentWon);
  }

  /** Per conflicted path (from the top), its entries by stage: {@code mode oid} strings. */
  private static Map<String, Map<Integer, String>> conflictStages(String[] parts) {
    Map<String, Map<Integer, String>> stages = new LinkedHashMap<>();
    for (int i = 1; i < parts.length && !parts[i].isEmpty(); i++) {
      String entry = parts[i];
      int tab = entry.indexOf('\t');
      String[] f = entry.substring(0, tab).split(" ");
      stages
          .computeIfAbsent(entry.substring(tab + 1), k -> new LinkedHashMap<>())
          .put(Integer.parseInt(f[2]), f[0] + "," + f[1]);
    }
    return stages;
  }

  /** {@code tree} with each conflicted path as the side of {@code stage} has it (or without it). */
  private String resolve(String tree, Map<String, Map<Integer, String>> stages, int stage) {
    Path index =
        scratch.resolve("vsm-index-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      Map<String, String> env = Map.of("GIT_INDEX_FILE", index.toString());
      top.run(env, "read-tree", tree);
      for (Map.Entry<String, Map<Integer, String>> e : stages.entrySet()) {
        String side = e.getValue().get(stage);
        if (side == null) {
          top.run(env, "update-index", "--force-remove", "--", e.getKey());
        } else {
          top.run(env, "update-index", "--add", "--cacheinfo", side + "," + e.getKey());
        }
      }
      return top.run(env, "write-tree").strip();
    } finally {
      deleteQuietly(index);
    }
  }

  /** The files that differ between two commits, relative to the project. */
  private List<String> changed(String from, String to) {
    String out = top.run("diff", "--name-only", "-z", "--no-renames", from, to);
    Set<String> files = new LinkedHashSet<>();
    for (String f : out.split("\0")) {
      if (!f.isEmpty()) {
        files.add(inProject(f));
      }
    }
    return files.stream().sorted().toList();
  }

  private String inProject(String fromTop) {
    return fromTop.startsWith(prefix)
        ? fromTop.substring(prefix.length())
        : project.relativize(top.directory().resolve(fromTop)).toString();
  }

  @Override
  public synchronized void apply() {
    if (merged.equals(base)) {
      return;
    }
    Path patch =
        scratch.resolve("vsm-patch-" + ProcessHandle.current().pid() + "-" + System.nanoTime());
    try {
      top.run(
          "diff",
          "--binary",
          "--full-index",
          "--no-ext-diff",
          "--no-textconv",
          "--no-color",
          "--src-prefix=a/",
          "--dst-prefix=b/",
          "--output=" + patch,
          base,
          merged);
      if (Files.size(patch) == 0) {
        return;
      }
      Git.Result r = top.call(Map.of(), "apply", "--whitespace=nowarn", patch.toString());
      if (r.exit() != 0) {
        String ref = "refs/vsm/unapplied/" + merged.substring(0, 12);
        top.run("update-ref", ref, merged);
        throw new WorkspaceException(
            "the agents' work could not be written into "
                + project
                + " ("
                + r.err().strip().lines().findFirst().orElse("git apply failed")
                + "): the project changed during the step. The work is kept: `git diff "
                + base
                + " "
                + ref
                + " | git apply` brings it in, `git update-ref -d "
                + ref
                + "` drops it");
      }
    } catch (IOException e) {
      throw new WorkspaceException("cannot read the patch " + patch + ": " + e.getMessage());
    } finally {
      deleteQuietly(patch);
    }
  }

  /** Removes every worktree of the step; never throws. */
  @Override
  public synchronized void close() {
    worktrees.values().forEach(dir -> remove(top, dir));
  }

  /** Removes the worktree at {@code dir}, registered or not, present or not; never throws. */
  static void remove(Git top, Path dir) {
    try {
      top.call(Map.of(), "worktree", "remove", "--force", "--force", dir.toString());
    } catch (RuntimeException e) {
      // the directory goes below all the same
    }
    if (Files.exists(dir)) {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(GitCheckouts::deleteQuietly);
      } catch (IOException | RuntimeException e) {
        // what cannot be deleted stays; the next run tries again
      }
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // a scratch file of ours; the system's temporary directory cleaning takes it
    }
  }
}
