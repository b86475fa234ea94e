package dev.vsm.application.service;

import dev.vsm.application.port.out.AgentActivity;
import dev.vsm.application.port.out.ProgressListener;
import dev.vsm.domain.cycle.ToolCall;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;

/**
 * What one agent does while it runs: each tool it uses is progress, each change it makes is logged
 * as {@code tool_used} (with the project's path of the file, wherever the agent worked) and the
 * changed file is remembered for its result.
 */
final class AgentWork implements AgentActivity {

  private final String agent;
  private final Path project;
  private final Path runsIn;
  private final CycleLog log;
  private final ProgressListener progress;
  private final TreeSet<String> files = new TreeSet<>();

  AgentWork(String agent, Path project, Path runsIn, CycleLog log, ProgressListener progress) {
    this.agent = agent;
    this.project = project;
    this.runsIn = runsIn;
    this.log = log;
    this.progress = progress;
  }

  @Override
  public void toolUsed(ToolCall call) {
    progress.toolUsed(agent, call.relativeTo(runsIn));
    call.change()
        .ifPresent(
            use -> {
              log.toolUsed(agent, use.movedTo(runsIn, project), null, null);
              if (use.changesFile()) {
                synchronized (files) {
                  files.add(use.fileWithin(runsIn));
                }
              }
            });
  }

  /** The files the agent changed with its file tools, relative to the project, sorted. */
  List<String> filesChanged() {
    synchronized (files) {
      return List.copyOf(files);
    }
  }
}
