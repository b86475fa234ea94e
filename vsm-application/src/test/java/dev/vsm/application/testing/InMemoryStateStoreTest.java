package dev.vsm.application.testing;

import dev.vsm.application.port.out.StateStore;

class InMemoryStateStoreTest extends AbstractStateStoreContract {
  private final InMemoryStateStore store = new InMemoryStateStore();

  @Override
  protected StateStore store() {
    return store;
  }
}
