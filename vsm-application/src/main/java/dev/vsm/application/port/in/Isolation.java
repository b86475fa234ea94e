package dev.vsm.application.port.in;

import java.util.Locale;

/**
 * Where the S1 agents of a step that run at the same time work: all in the project ({@code none}),
 * each in a git worktree of its own ({@code worktree}: an error when the project is not in a git
 * repository), or in worktrees when the project is in one ({@code auto}, the default).
 */
public enum Isolation {
  NONE,
  WORKTREE,
  AUTO;

  /** {@code none}, {@code worktree}, {@code auto}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
