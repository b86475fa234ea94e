package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vsm.application.port.in.AgentEnvironmentException;
import dev.vsm.application.port.in.AgentRun;
import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.Isolation;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.port.out.AgentRequest;
import dev.vsm.application.port.out.ProcessProbe;
import dev.vsm.application.port.out.Workspaces;
import dev.vsm.application.testing.SequentialIds;
import dev.vsm.domain.cycle.Oscillation;
import dev.vsm.domain.log.EventType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Agents of a parallel step in checkouts of their own: the cycle opens them, runs each agent in its
 * own, brings the work back in step order with S5 settling conflicts, and always closes them. (The
 * git worktrees themselves are the git adapter's; here a recording stand-in.)
 */
class StepIsolationTest extends CycleTest {

  /** Records what the cycle asks; {@code conflicts} are the files that conflict on a merge. */
  final class RecordingWorkspaces implements Workspaces {
    final List<String> calls = new CopyOnWriteArrayList<>();
    Optional<String> unavailable = Optional.empty();
    List<String> conflicts = List.of();
    int leftovers;

    @Override
    public Optional<String> unavailable(Path project) {
      return unavailable;
    }

    @Override
    public int removeLeftovers(Path project) {
      calls.add("leftovers");
      return leftovers;
    }

    @Override
    public Checkouts open(Path project, List<String> agents) {
      calls.add("open " + agents);
      TreeSet<String> mergedFiles = new TreeSet<>();
      return new Checkouts() {
        @Override
        public Path directory(String agent) {
          return dir.resolve("checkouts").resolve(agent);
        }

        @Override
        public Merge merge(String agent, ConflictSettler settle) {
          List<String> files = List.of(agent.substring(3) + ".py", "shared.py");
          List<String> clash = new ArrayList<>();
          for (String f : files) {
            if (mergedFiles.contains(f) && conflicts.contains(f)) {
              clash.add(f);
            }
          }
          boolean won = !clash.isEmpty() && settle.agentWins(agent, clash);
          mergedFiles.addAll(files);
          calls.add(
              "merge " + agent + (clash.isEmpty() ? "" : " conflict " + clash + " won " + won));
          return new Merge(files, clash, won);
        }

        @Override
        public void apply() {
          calls.add("apply");
        }

        @Override
        public void close() {
          calls.add("close");
        }
      };
    }
  }

  final RecordingWorkspaces workspaces = new RecordingWorkspaces();

  /** One source of ids for the test: each cycle it runs is a task of its own. */
  final SequentialIds ids = new SequentialIds();

  @BeforeEach
  void parallelStep() {
    runner.replyTo("system3-control", s3Reply("complex", "parallel", "frontend:1", "backend:1"));
  }

  private CycleResult runWith(Isolation isolation) {
    return new RunCycleService(
            store, log, runner, clock, ids, analyzer, progress, ProcessProbe.JDK, workspaces)
        .run(RunCycleCommand.of("Build the platform", dir).withIsolation(isolation));
  }

  @Test
  void each_agent_of_a_parallel_step_works_in_its_own_checkout_and_the_work_comes_back_in_order() {
    CycleResult r = runWith(Isolation.AUTO);

    assertThat(workspaces.calls)
        .containsExactly(
            "leftovers",
            "open [s1-frontend, s1-backend]",
            "merge s1-frontend",
            "merge s1-backend",
            "apply",
            "close");
    assertThat(runner.requests())
        .filteredOn(q -> q.agent().startsWith("s1-"))
        .extracting(AgentRequest::checkout)
        .containsExactlyInAnyOrder(
            dir.resolve("checkouts/s1-frontend"), dir.resolve("checkouts/s1-backend"));
    assertThat(runner.requests()).extracting(AgentRequest::workingDirectory).containsOnly(dir);
    assertThat(r.s1Results())
        .extracting(AgentRun::filesChanged)
        .containsExactly(List.of("frontend.py", "shared.py"), List.of("backend.py", "shared.py"));
    assertThat(r.oscillations())
        .containsExactly(
            new Oscillation(List.of("s1-frontend", "s1-backend"), List.of("shared.py"), false));
  }

  @Test
  void a_conflict_goes_to_s5_and_counts_as_oscillation() {
    workspaces.conflicts = List.of("shared.py");
    runner.replyTo("system5-policy", Map.of("keep", "s1-backend", "rationale", "the API wins"));
    double before = store.metrics().oscillationRate();

    CycleResult r = runWith(Isolation.AUTO);

    assertThat(workspaces.calls).contains("merge s1-backend conflict [shared.py] won true");
    assertThat(runner.lastPromptTo("system5-policy"))
        .contains("s1-backend's changes to these", "those of s1-frontend", "- shared.py");
    assertThat(r.oscillations())
        .containsExactly(
            new Oscillation(List.of("s1-frontend", "s1-backend"), List.of("shared.py"), true));
    assertThat(store.metrics().oscillationRate()).isGreaterThan(before);
    assertThat(only(EventType.POLICY_DECISION))
        .containsEntry("subject", "merge_conflict")
        .containsEntry("decision", "keep s1-backend");
    assertThat(r.notes()).anyMatch(n -> n.contains("S5: keep s1-backend (the API wins)"));
  }

  @Test
  void without_s5_the_work_merged_first_stands() {
    workspaces.conflicts = List.of("shared.py");
    runner.failing("system5-policy", "S5 is down");

    runWith(Isolation.AUTO);

    assertThat(workspaces.calls).contains("merge s1-backend conflict [shared.py] won false");
  }

  @Test
  void isolation_none_and_an_unavailable_auto_leave_every_agent_in_the_project() {
    runWith(Isolation.NONE);
    workspaces.unavailable = Optional.of("not a git repository");
    runWith(Isolation.AUTO);

    assertThat(workspaces.calls).isEmpty();
    assertThat(runner.requests()).extracting(AgentRequest::checkout).containsOnlyNulls();
  }

  @Test
  void worktree_isolation_where_there_can_be_none_stops_the_cycle_before_the_agents_run() {
    workspaces.unavailable = Optional.of("/p is not in a git repository");

    assertThatThrownBy(() -> runWith(Isolation.WORKTREE))
        .isInstanceOf(AgentEnvironmentException.class)
        .hasMessageContaining("--isolation worktree: /p is not in a git repository");
    assertThat(runner.invokedS1Agents()).isEmpty();
  }

  @Test
  void checkouts_are_closed_when_the_step_fails() {
    runner.failing("system5-policy", "down");
    workspaces.conflicts = List.of("shared.py");
    runner.on(
        "s1-backend",
        q -> {
          throw new IllegalStateException("the runner broke");
        });

    assertThatThrownBy(() -> runWith(Isolation.AUTO)).hasMessageContaining("the runner broke");
    assertThat(workspaces.calls).endsWith("close");
  }
}
