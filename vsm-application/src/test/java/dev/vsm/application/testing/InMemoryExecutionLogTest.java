package dev.vsm.application.testing;

import dev.vsm.application.port.out.ExecutionLog;

class InMemoryExecutionLogTest extends AbstractExecutionLogContract {
  private final InMemoryExecutionLog log = new InMemoryExecutionLog();

  @Override
  protected ExecutionLog log() {
    return log;
  }
}
