package dev.vsm.application.testing;

import dev.vsm.application.port.out.AgentResult;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.domain.cycle.ToolCall;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Records progress events as text lines. */
public final class RecordingProgress implements ProgressListener {
  public final List<String> events = Collections.synchronizedList(new ArrayList<>());

  @Override
  public void phaseStarted(String phase) {
    events.add("phase " + phase);
  }

  @Override
  public void agentStarted(String agent) {
    events.add("start " + agent);
  }

  @Override
  public void toolUsed(String agent, ToolCall call) {
    events.add("tool " + agent + " " + call.tool() + " " + call.target());
  }

  @Override
  public void agentFinished(AgentResult result) {
    events.add("finish " + result.agent() + " " + (result.success() ? "ok" : "failed"));
  }

  @Override
  public void cycleFinished(String taskId, boolean success) {
    events.add("cycle " + (success ? "success" : "failed"));
  }
}
