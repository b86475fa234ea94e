package dev.vsm.application.port.out;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Separate checkouts of the project for agents that work at the same time, and their work brought
 * back into the project afterwards. Checkouts hold the project as it is, uncommitted and untracked
 * files included; whatever happens they are removed, and the next run removes those of a run that
 * was killed.
 */
public interface Workspaces {

  /** No checkouts anywhere: every agent works in the project. */
  Workspaces NONE =
      new Workspaces() {
        @Override
        public Optional<String> unavailable(Path project) {
          return Optional.of("no separate checkouts in this build");
        }

        @Override
        public int removeLeftovers(Path project) {
          return 0;
        }

        @Override
        public Checkouts open(Path project, List<String> agents) {
          throw new WorkspaceException("no separate checkouts in this build");
        }
      };

  /** Why {@code project} cannot have separate checkouts; empty when it can. */
  Optional<String> unavailable(Path project);

  /** Removes what runs that are gone left behind for {@code project}; how many checkouts. */
  int removeLeftovers(Path project);

  /**
   * One checkout per agent (names unique), each holding the project's current tree.
   *
   * @throws WorkspaceException when they cannot be made
   */
  Checkouts open(Path project, List<String> agents);

  /** The checkouts of one step. Closing removes every one of them. */
  interface Checkouts extends AutoCloseable {

    /** Where {@code agent} works: the project's directory in its checkout. */
    Path directory(String agent);

    /**
     * Adds what {@code agent} changed in its checkout to the work merged so far (the agents merged
     * before it, in the order of the calls). Files both changed in ways that do not merge go to
     * {@code settle}, which says whether the agent's version of them stands.
     *
     * @throws WorkspaceException when git cannot do it
     */
    Merge merge(String agent, ConflictSettler settle);

    /**
     * Writes the merged work into the project's working tree.
     *
     * @throws WorkspaceException when the project changed under the step so that it does not apply;
     *     the message says where the work is kept
     */
    void apply();

    @Override
    void close();
  }

  /** Decides a conflict: whether {@code agent}'s version of {@code files} stands. */
  @FunctionalInterface
  interface ConflictSettler {
    boolean agentWins(String agent, List<String> files);
  }

  /**
   * One agent's work merged: the files it changed and those of them that conflicted with the work
   * merged before it (relative to the project), and whether its version of those stood.
   */
  record Merge(List<String> files, List<String> conflicting, boolean agentWon) {
    public Merge {
      files = List.copyOf(files);
      conflicting = List.copyOf(conflicting);
    }
  }

  /** Checkouts could not be made, merged or applied; the message says why and what to do. */
  final class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
      super(message);
    }
  }
}
