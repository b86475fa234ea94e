package dev.vsm.application.port.out;

/**
 * Whether agents can run here, found out without running one and without cost: the agent CLI found
 * and its version, and whether it is logged in. Used by {@code vsm doctor} and {@code vsm version},
 * and by a cycle before its task exists. Never throws: a problem is part of the answer.
 */
public interface AgentEnvironmentProbe {

  /** Where the CLI is and which version it is. */
  Installation installation();

  /** Whether the CLI is logged in (asks the CLI; offline it still answers). */
  Login login();

  /** Whether vsm's Claude Code plugin is installed (asks the CLI). */
  Plugin plugin();

  /**
   * The agent definitions a cycle in {@code workingDirectory} would use, each read and checked as
   * it would be passed to the CLI.
   */
  Definitions definitions(java.nio.file.Path workingDirectory);

  /**
   * The CLI as found.
   *
   * @param command what was looked for (a name on {@code PATH} or a path)
   * @param path where it was found, or null when it was not
   * @param version its version (e.g. {@code 2.1.197}), or null when it did not say
   * @param problem why it cannot be used, with the fix, or null when it can
   */
  record Installation(String command, String path, String version, String problem) {
    public boolean found() {
      return path != null;
    }
  }

  /**
   * The CLI's login.
   *
   * @param loggedIn true or false as the CLI says, or null when it could not be asked
   * @param method how it is logged in (e.g. {@code claude.ai}, {@code api_key}), or null
   * @param problem why it cannot be used, with the fix, or null when it can
   */
  record Login(Boolean loggedIn, String method, String problem) {}

  /**
   * vsm's plugin in Claude Code.
   *
   * @param installed true or false as the CLI says, or null when it could not be asked
   * @param enabled whether it is enabled, or null when not installed
   * @param version the installed version, or null
   * @param problem why the CLI could not be asked, or null
   */
  record Plugin(Boolean installed, Boolean enabled, String version, String problem) {}

  /**
   * The agent definitions.
   *
   * @param agents how many agents have a usable definition
   * @param fromProject how many of them the project's {@code .claude/agents/} defines
   * @param problems one per definition that cannot be used, naming its file, with the fix
   */
  record Definitions(int agents, int fromProject, java.util.List<Problem> problems) {
    public Definitions {
      problems = java.util.List.copyOf(problems);
    }
  }

  /**
   * Why a definition cannot be used, and what to do about it.
   *
   * @param detail what is wrong, naming the file
   * @param fix what to do (e.g. "shorten it")
   */
  record Problem(String detail, String fix) {
    /** The problem as one sentence: the detail, then the fix. */
    public String message() {
      return detail + ": " + fix;
    }
  }
}
