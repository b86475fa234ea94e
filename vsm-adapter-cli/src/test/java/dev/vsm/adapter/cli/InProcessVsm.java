package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.CycleCancellation;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/** Runs vsm's picocli command line in-process, in a directory, with writers the test reads. */
final class InProcessVsm {

  record Run(int code, String out, String err) {}

  private final Path dir;
  private final Map<String, String> environment = new HashMap<>(Map.of("PATH", "/usr/bin:/bin"));
  private Terminal terminal = Terminal.NONE;
  private byte[] stdin = {};

  InProcessVsm(Path dir) {
    this.dir = dir;
  }

  InProcessVsm env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  InProcessVsm terminal(Terminal t) {
    this.terminal = t;
    return this;
  }

  InProcessVsm stdin(String text) {
    return stdin(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Standard input as bytes, for input that is not UTF-8. */
  InProcessVsm stdin(byte[] bytes) {
    this.stdin = bytes.clone();
    return this;
  }

  /** {@code vsm ARGS} with {@code -d DIR} first. */
  Run run(String... args) {
    List<String> all = new ArrayList<>(List.of("-d", dir.toString()));
    all.addAll(List.of(args));
    return exactly(all.toArray(String[]::new));
  }

  /** {@code vsm ARGS}, nothing added. */
  Run exactly(String... argv) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cmd =
        Main.commandLine(
            new VsmCommand.Context(
                Map.copyOf(environment),
                new ByteArrayInputStream(stdin),
                new CycleCancellation(),
                terminal),
            argv);
    cmd.setOut(new PrintWriter(out));
    cmd.setErr(new PrintWriter(err));
    int code = cmd.execute(argv);
    return new Run(code, out.toString(), err.toString());
  }
}
