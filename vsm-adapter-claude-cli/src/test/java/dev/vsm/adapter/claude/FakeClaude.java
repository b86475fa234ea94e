package dev.vsm.adapter.claude;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The scripted stand-in for the Claude Code CLI, copied into a directory of the test's: set a mode
 * or a reply per agent, run, then read which agents were called. See the script's header.
 */
public final class FakeClaude {

  private static final List<String> FILES =
      List.of(
          "claude",
          "replies/system4-strategy",
          "replies/system3-control",
          "replies/system2-coordination",
          "replies/system3-audit",
          "replies/system5-policy",
          "replies/s1");

  private final Path dir;

  private FakeClaude(Path dir) {
    this.dir = dir;
  }

  /** Installs the fake into {@code dir} (created if needed). */
  public static FakeClaude installIn(Path dir) {
    try {
      Files.createDirectories(dir.resolve("replies"));
      Files.createDirectories(dir.resolve("modes"));
      for (String name : FILES) {
        try (InputStream in = FakeClaude.class.getResourceAsStream("/fake-claude/" + name)) {
          if (in == null) {
            throw new IllegalStateException("missing test resource fake-claude/" + name);
          }
          Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.setPosixFilePermissions(
          dir.resolve("claude"), PosixFilePermissions.fromString("rwxr-xr-x"));
      return new FakeClaude(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Path command() {
    return dir.resolve("claude");
  }

  public Path directory() {
    return dir;
  }

  public FakeClaude mode(String agent, String mode) {
    return write("modes/" + agent, mode);
  }

  public FakeClaude reply(String agent, String text) {
    return write("replies/" + agent, text);
  }

  /** What the agent returns as {@code structured_output} when asked with a schema. */
  public FakeClaude structured(String agent, String json) {
    return write("structured/" + agent, json);
  }

  /**
   * The files (relative to the working directory) the agent changes with Edit before it answers,
   * each reported in its stream as the real CLI reports a tool use.
   */
  public FakeClaude edits(String agent, String... files) {
    return write("edits/" + agent, String.join("\n", files) + "\n");
  }

  /**
   * The tools the agent uses before it answers, as {@code "Tool target"} ({@code "Read src/a.py"},
   * {@code "Bash make test"}, {@code "Write src/b.py"}; a bare path is an Edit of it).
   */
  public FakeClaude uses(String agent, String... uses) {
    return write(
        "edits/" + agent,
        String.join(
                "\n",
                java.util.Arrays.stream(uses)
                    .map(u -> u.matches("[A-Z][A-Za-z]+ .*") ? u.replaceFirst(" ", "\t") : u)
                    .toList())
            + "\n");
  }

  private FakeClaude write(String name, String text) {
    try {
      Files.createDirectories(dir.resolve(name).getParent());
      Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }

  /** The agents called so far, in order. */
  public List<String> calls() {
    return callLines().stream().map(l -> l.split("\t")[0]).toList();
  }

  /** The agents called without {@code --json-schema}, in order. */
  public List<String> callsWithoutSchema() {
    return callLines().stream()
        .map(l -> l.split("\t", -1))
        .filter(f -> f.length > 2 && f[2].equals("no-schema"))
        .map(f -> f[0])
        .toList();
  }

  /**
   * One call: the agent, the session it was given ({@code --session-id}) and the one it resumed.
   */
  public record Call(String agent, String session, String resumed) {}

  /** Every call so far, in order, with its sessions (empty text where none was given). */
  public List<Call> callsWithSessions() {
    return callLines().stream()
        .map(l -> l.split("\t", -1))
        .map(f -> new Call(f[0], f.length > 3 ? f[3] : "", f.length > 4 ? f[4] : ""))
        .toList();
  }

  /** How many times {@code claude auth status} was asked so far. */
  public int loginChecks() {
    return lines("auth.log").size();
  }

  private List<String> callLines() {
    return lines("calls.log");
  }

  private List<String> lines(String file) {
    try {
      Path log = dir.resolve(file);
      return Files.exists(log) ? Files.readAllLines(log) : List.of();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
