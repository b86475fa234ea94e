package dev.vsm.application.service;

import dev.vsm.domain.agent.AgentName;
import dev.vsm.domain.agent.AgentRegistry;
import dev.vsm.domain.agent.ClosestAgent;
import dev.vsm.domain.cycle.AllocatedAgent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The S1 specialists that can run here — those the runner has a definition for — and which of them
 * runs in place of a name that has none.
 */
final class Specialists {

  private final List<String> names;
  private final AgentRegistry registry;

  /**
   * {@code defined}: agent names ({@code s1-…} for specialists) the runner has a definition for.
   */
  Specialists(Set<String> defined, AgentRegistry registry) {
    this.registry = registry;
    Set<String> s1 = new LinkedHashSet<>();
    registry.agents().keySet().stream()
        .filter(n -> defined.contains(AgentName.s1(n)))
        .forEach(s1::add);
    defined.stream()
        .filter(n -> n.startsWith(AgentName.S1_PREFIX))
        .map(AgentName::withoutS1Prefix)
        .filter(AgentName::isValid)
        .sorted()
        .forEach(s1::add);
    this.names = List.copyOf(s1);
  }

  /** Their names (without {@code s1-}): the registry's order, then the project's own. */
  List<String> names() {
    return names;
  }

  /** {@code name} when it can run, else the closest specialist that can (or generalist-coder). */
  String runs(String name) {
    return names.contains(name) ? name : ClosestAgent.to(name, names, registry);
  }

  /** Hears what {@link #runnable} changed. */
  interface Changes {
    Changes NONE = new Changes() {};

    /** {@code name} is not a safe agent name and will not run. */
    default void dropped(String name) {}

    /** {@code name} has no definition: {@code runs} runs in its place. */
    default void replaced(String name, String runs) {}
  }

  /**
   * The agents as they would run, in the given order, each once: names that are not safe agent
   * names dropped, names without a definition replaced.
   */
  List<AllocatedAgent> runnable(List<AllocatedAgent> agents, Changes changes) {
    List<AllocatedAgent> kept = new ArrayList<>();
    for (AllocatedAgent a : agents) {
      String name = AgentName.withoutS1Prefix(a.agent());
      if (!AgentName.isValid(name)) {
        changes.dropped(a.agent());
        continue;
      }
      String runs = runs(name);
      if (!runs.equals(name)) {
        changes.replaced(name, runs);
      }
      if (kept.stream().noneMatch(k -> k.agent().equals(runs))) {
        kept.add(new AllocatedAgent(runs, a.role(), a.order(), a.taskFocus()));
      }
    }
    return kept;
  }
}
