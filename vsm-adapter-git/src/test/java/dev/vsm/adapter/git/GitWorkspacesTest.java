package dev.vsm.adapter.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.application.port.out.Workspaces;
import dev.vsm.application.port.out.Workspaces.Checkouts;
import dev.vsm.application.port.out.Workspaces.Merge;
import dev.vsm.application.port.out.Workspaces.WorkspaceException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Worktrees for parallel agents, against real git in temporary repositories. */
class GitWorkspacesTest {

  private static final long PID = 4242;

  @TempDir Path tmp;
  private Path repo;
  private Path scratch;
  private Git git;
  private Set<Long> alive = Set.of(PID);
  private final List<String> settled = new ArrayList<>();

  @BeforeEach
  void repository() throws IOException {
    repo = Files.createDirectories(tmp.resolve("repo"));
    scratch = Files.createDirectories(tmp.resolve("scratch"));
    git = new Git("git", Map.of("PATH", "/usr/bin:/bin", "HOME", tmp.toString()), repo);
    git.run("init", "-q");
    write("app.py", "def a():\n    return 1\n");
    write("lib.py", "x = 1\n");
    write(".gitignore", "build/\n");
    git.run("add", "-A");
    git.run("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init");
  }

  private GitWorkspaces workspaces() {
    return new GitWorkspaces(
        git, scratch, List.of(".claude/vsm-state"), PID, pid -> alive.contains(pid));
  }

  private void write(String file, String text) throws IOException {
    write(repo, file, text);
  }

  private static void write(Path dir, String file, String text) throws IOException {
    Files.createDirectories(dir.resolve(file).getParent());
    Files.writeString(dir.resolve(file), text);
  }

  private List<String> worktrees() {
    return git.run("worktree", "list", "--porcelain")
        .lines()
        .filter(l -> l.startsWith("worktree "))
        .toList();
  }

  private boolean settle(String agent, List<String> files, boolean agentWins) {
    settled.add(agent + " " + files);
    return agentWins;
  }

  @Test
  void a_directory_outside_git_cannot_be_isolated() throws IOException {
    Path plain = Files.createDirectories(tmp.resolve("plain"));

    assertThat(workspaces().unavailable(plain))
        .hasValueSatisfying(w -> assertThat(w).contains("not in a git repository"));
    assertThat(workspaces().unavailable(repo)).isEmpty();
  }

  @Test
  void each_agent_starts_from_the_tree_as_it_is_uncommitted_and_untracked_included()
      throws IOException {
    write("app.py", "def a():\n    return 2\n");
    write("notes/new.txt", "untracked\n");
    write("build/out.bin", "ignored\n");
    write(".claude/vsm-state/current-task.json", "{}");
    git.run("add", "lib.py");
    String indexBefore = git.run("diff", "--cached", "--stat");
    String headBefore = git.run("rev-parse", "HEAD");

    try (Checkouts c = workspaces().open(repo, List.of("s1-backend", "s1-frontend"))) {
      Path backend = c.directory("s1-backend");
      assertThat(backend).isNotEqualTo(c.directory("s1-frontend"));
      assertThat(backend.toString()).doesNotContain("/.git/").contains(GitWorkspaces.DIRECTORY);
      assertThat(Files.readString(backend.resolve("app.py"))).contains("return 2");
      assertThat(backend.resolve("notes/new.txt")).hasContent("untracked");
      assertThat(backend.resolve("build/out.bin")).doesNotExist();
      assertThat(backend.resolve(".claude/vsm-state")).doesNotExist();
      assertThat(worktrees()).hasSize(3);
    }

    assertThat(git.run("diff", "--cached", "--stat")).isEqualTo(indexBefore);
    assertThat(git.run("rev-parse", "HEAD")).isEqualTo(headBefore);
    assertThat(git.run("status", "--porcelain")).contains(" M app.py", "?? notes/");
  }

  @Test
  void two_agents_changing_different_files_both_land_and_nothing_is_left_behind()
      throws IOException {
    write("notes/new.txt", "untracked\n");
    String branchesBefore = git.run("branch", "-a");
    try (Checkouts c = workspaces().open(repo, List.of("s1-backend", "s1-frontend"))) {
      write(c.directory("s1-backend"), "app.py", "def a():\n    return 3\n");
      write(c.directory("s1-frontend"), "ui/page.tsx", "export {}\n");
      Files.delete(c.directory("s1-frontend").resolve("notes/new.txt"));

      Merge backend = c.merge("s1-backend", (a, f) -> settle(a, f, false));
      Merge frontend = c.merge("s1-frontend", (a, f) -> settle(a, f, false));
      c.apply();

      assertThat(backend.files()).containsExactly("app.py");
      assertThat(frontend.files()).containsExactly("notes/new.txt", "ui/page.tsx");
      assertThat(frontend.conflicting()).isEmpty();
    }

    assertThat(settled).isEmpty();
    assertThat(repo.resolve("app.py")).hasContent("def a():\n    return 3");
    assertThat(repo.resolve("ui/page.tsx")).hasContent("export {}");
    assertThat(repo.resolve("notes/new.txt")).doesNotExist();
    assertThat(worktrees()).hasSize(1);
    assertThat(git.run("branch", "-a")).isEqualTo(branchesBefore);
    assertThat(scratch.resolve(GitWorkspaces.DIRECTORY)).isEmptyDirectory();
    assertThat(git.run("diff", "--cached", "--stat")).isEmpty();
  }

  @Test
  void the_same_lines_changed_by_two_agents_conflict_and_the_settler_says_whose_stand()
      throws IOException {
    for (boolean laterWins : new boolean[] {false, true}) {
      settled.clear();
      try (Checkouts c = workspaces().open(repo, List.of("s1-a", "s1-b"))) {
        write(c.directory("s1-a"), "lib.py", "x = 2\n");
        write(c.directory("s1-a"), "a.txt", "a\n");
        write(c.directory("s1-b"), "lib.py", "x = 3\n");
        write(c.directory("s1-b"), "b.txt", "b\n");

        c.merge("s1-a", (a, f) -> settle(a, f, laterWins));
        Merge b = c.merge("s1-b", (a, f) -> settle(a, f, laterWins));
        c.apply();

        assertThat(b.files()).containsExactly("b.txt", "lib.py");
        assertThat(b.conflicting()).containsExactly("lib.py");
        assertThat(b.agentWon()).isEqualTo(laterWins);
      }

      assertThat(settled).containsExactly("s1-b [lib.py]");
      assertThat(repo.resolve("lib.py")).hasContent(laterWins ? "x = 3" : "x = 2");
      assertThat(repo.resolve("a.txt")).hasContent("a");
      assertThat(repo.resolve("b.txt")).hasContent("b");
      git.run("checkout", "-q", "--", "lib.py");
      Files.delete(repo.resolve("a.txt"));
      Files.delete(repo.resolve("b.txt"));
    }
  }

  @Test
  void a_project_below_the_repositorys_top_works_in_the_same_place_of_each_worktree()
      throws IOException {
    write("services/api/handler.py", "ok = True\n");
    git.run("add", "-A");
    Path project = repo.resolve("services/api");

    try (Checkouts c = workspaces().open(project, List.of("s1-backend"))) {
      Path dir = c.directory("s1-backend");
      assertThat(dir.resolve("handler.py")).exists();
      write(dir, "handler.py", "ok = False\n");
      write(dir.getParent().getParent(), "lib.py", "x = 9\n");

      assertThat(c.merge("s1-backend", (a, f) -> true).files())
          .containsExactly("../../lib.py", "handler.py");
      c.apply();
    }

    assertThat(project.resolve("handler.py")).hasContent("ok = False");
    assertThat(repo.resolve("lib.py")).hasContent("x = 9");
  }

  @Test
  void work_that_no_longer_applies_is_kept_under_a_ref_and_said_how_to_bring_in()
      throws IOException {
    try (Checkouts c = workspaces().open(repo, List.of("s1-a"))) {
      write(c.directory("s1-a"), "lib.py", "x = 2\n");
      c.merge("s1-a", (a, f) -> true);
      write("lib.py", "x = 5\n");

      assertThatThrownBy(c::apply)
          .isInstanceOf(WorkspaceException.class)
          .hasMessageContaining("the project changed during the step")
          .hasMessageContaining("refs/vsm/unapplied/");
    }
    assertThat(repo.resolve("lib.py")).hasContent("x = 5");
    assertThat(git.run("for-each-ref", "refs/vsm/")).isNotBlank();
  }

  @Test
  void the_next_run_removes_the_worktrees_of_a_process_that_is_gone() throws IOException {
    Checkouts left = workspaces().open(repo, List.of("s1-a", "s1-b"));
    Path a = left.directory("s1-a");
    alive = Set.of(); // the process that made them is gone, and never closed them
    Workspaces next = new GitWorkspaces(git, scratch, List.of(), 99, pid -> alive.contains(pid));

    assertThat(next.removeLeftovers(repo)).isEqualTo(2);
    assertThat(worktrees()).hasSize(1);
    assertThat(a).doesNotExist();
  }

  @Test
  void the_worktrees_of_a_process_still_running_are_left_alone() {
    try (Checkouts mine = workspaces().open(repo, List.of("s1-a"))) {
      Workspaces other = new GitWorkspaces(git, scratch, List.of(), 99, pid -> pid == PID);

      assertThat(other.removeLeftovers(repo)).isZero();
      assertThat(mine.directory("s1-a")).exists();
    }
  }

  @Test
  void a_repository_without_commits_can_be_isolated() throws IOException {
    Path fresh = Files.createDirectories(tmp.resolve("fresh"));
    Git g = git.in(fresh);
    g.run("init", "-q");
    write(fresh, "a.txt", "a\n");

    try (Checkouts c = workspaces().open(fresh, List.of("s1-a"))) {
      write(c.directory("s1-a"), "a.txt", "b\n");
      assertThat(c.merge("s1-a", (x, f) -> true).files()).containsExactly("a.txt");
      c.apply();
    }
    assertThat(fresh.resolve("a.txt")).hasContent("b");
  }
}
