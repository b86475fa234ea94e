package dev.vsm.adapter.claude;

import dev.vsm.application.port.out.AgentActivity;
import dev.vsm.domain.cycle.ToolCall;
import dev.vsm.json.JsonValues;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What {@code claude -p --output-format stream-json --verbose} writes to its output file, read
 * while the CLI runs (§8): one JSON message a line. The tool uses of each assistant message are
 * told to the agent's {@link AgentActivity} as they arrive; the last {@code result} message is
 * kept. A line may also hold the array form of older verbose output. Memory is bounded by the cap
 * on one line, not by the stream: a line over it is skipped (its start, up to 64 KiB, kept for the
 * error), so a long session's tool results never fail a run whose result is readable.
 */
final class ClaudeStream implements AutoCloseable {

  /** How much of a line over the cap is kept, to quote in the error. */
  static final int OVERLONG_KEPT = 64 * 1024;

  // Not a FileChannel: an interrupt (the cycle cancelled) would close it under the reader.
  private final RandomAccessFile file;
  private final long lineCap;
  private final AgentActivity activity;
  private final byte[] buffer = new byte[64 * 1024];
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private boolean skipping;
  private long bytes;
  private String overlongStart;
  private String notJson;
  private Map<String, Object> result;

  ClaudeStream(Path file, long lineCap, AgentActivity activity) throws IOException {
    this.file = new RandomAccessFile(file.toFile(), "r");
    this.lineCap = lineCap;
    this.activity = activity;
  }

  /** Reads what the CLI wrote since the last call. */
  void poll() throws IOException {
    int n;
    while ((n = file.read(buffer)) > 0) {
      bytes += n;
      byte[] a = buffer;
      int from = 0;
      for (int i = 0; i < n; i++) {
        if (a[i] == '\n') {
          append(a, from, i - from);
          endLine();
          from = i + 1;
        }
      }
      append(a, from, n - from);
    }
  }

  /** Reads the rest once the CLI has exited: a last line without its newline counts too. */
  void finish() throws IOException {
    poll();
    endLine();
  }

  private void append(byte[] a, int from, int length) {
    if (skipping || length == 0) {
      return;
    }
    if (line.size() + (long) length > lineCap) {
      if (overlongStart == null) {
        int kept = (int) Math.min(OVERLONG_KEPT, lineCap);
        line.write(a, from, Math.max(0, Math.min(length, kept - line.size())));
        byte[] start = line.toByteArray();
        overlongStart = new String(start, 0, Math.min(start.length, kept), StandardCharsets.UTF_8);
      }
      line.reset();
      skipping = true;
      return;
    }
    line.write(a, from, length);
  }

  private void endLine() {
    if (!skipping && line.size() > 0) {
      message(line.toString(StandardCharsets.UTF_8).strip());
    }
    line.reset();
    skipping = false;
  }

  private void message(String text) {
    if (text.isEmpty()) {
      return;
    }
    Object parsed = null;
    if (text.startsWith("{") || text.startsWith("[")) {
      try {
        parsed = JsonValues.read(text);
      } catch (JsonValues.MalformedJson e) {
        parsed = null;
      }
    }
    if (parsed instanceof Map<?, ?> m) {
      message(m);
    } else if (parsed instanceof List<?> messages) {
      messages.forEach(x -> message(x instanceof Map<?, ?> m ? m : Map.of()));
    } else if (notJson == null) {
      notJson = text;
    }
  }

  @SuppressWarnings("unchecked")
  private void message(Map<?, ?> m) {
    Object type = m.get("type");
    if ("result".equals(type)) {
      result = (Map<String, Object>) m;
    } else if ("assistant".equals(type)
        && m.get("message") instanceof Map<?, ?> message
        && message.get("content") instanceof List<?> content) {
      for (Object block : content) {
        if (block instanceof Map<?, ?> b
            && "tool_use".equals(b.get("type"))
            && b.get("name") instanceof String tool) {
          Map<String, ?> input = b.get("input") instanceof Map<?, ?> i ? (Map<String, ?>) i : null;
          tell(ToolCall.of(tool, input));
        }
      }
    }
  }

  /** A listener's failure is no reason to lose the agent's run. */
  private void tell(ToolCall call) {
    try {
      activity.toolUsed(call);
    } catch (RuntimeException e) {
      // the run goes on; what the listener missed is only progress and log
    }
  }

  /** The last {@code result} message, or null when there was none. */
  Map<String, Object> result() {
    return result;
  }

  /** How many bytes the CLI wrote. */
  long bytes() {
    return bytes;
  }

  /** The start of the first line over the cap, or null when every line fitted. */
  String overlongStart() {
    return overlongStart;
  }

  /** The first line that was not JSON, or null. */
  String notJson() {
    return notJson;
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
