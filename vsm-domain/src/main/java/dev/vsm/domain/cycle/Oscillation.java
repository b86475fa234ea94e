package dev.vsm.domain.cycle;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * S1 agents of one task working against each other, measured from what they did: two or more of
 * them changed the same files ({@code conflicting} when their changes to them could not be merged).
 * S3*'s audit may report oscillation too; this is what vsm sees for itself.
 */
public record Oscillation(List<String> agents, List<String> files, boolean conflicting) {

  public Oscillation {
    agents = List.copyOf(agents);
    files = List.copyOf(files);
    if (agents.size() < 2 || files.isEmpty()) {
      throw new IllegalArgumentException("an oscillation takes two agents and a file");
    }
  }

  /** One line: {@code s1-backend and s1-frontend both changed src/api.py}. */
  public String evidence() {
    String who =
        agents.size() == 2
            ? agents.get(0) + " and " + agents.get(1) + " both"
            : String.join(", ", agents.subList(0, agents.size() - 1))
                + " and "
                + agents.get(agents.size() - 1)
                + " all";
    return who
        + " changed "
        + String.join(", ", files)
        + (conflicting ? " (their changes conflicted)" : "");
  }

  /**
   * The rule: every file changed by more than one agent is an oscillation between them. Files
   * changed by the same agents (and conflicting or not alike) make one oscillation; agents keep the
   * order of {@code changedByAgent} (the order they ran in), files are sorted.
   *
   * @param changedByAgent the files each agent changed, by agent name
   * @param conflicting the files whose changes could not be merged
   */
  public static List<Oscillation> among(
      Map<String, ? extends Collection<String>> changedByAgent, Set<String> conflicting) {
    List<String> order = new ArrayList<>(changedByAgent.keySet());
    Map<String, TreeSet<Integer>> agentsByFile = new TreeMap<>();
    for (int i = 0; i < order.size(); i++) {
      for (String file : changedByAgent.get(order.get(i))) {
        agentsByFile.computeIfAbsent(file, k -> new TreeSet<>()).add(i);
      }
    }
    Map<Group, List<String>> groups = new LinkedHashMap<>();
    agentsByFile.forEach(
        (file, who) -> {
          if (who.size() > 1) {
            Group g = new Group(List.copyOf(who), conflicting.contains(file));
            groups.computeIfAbsent(g, k -> new ArrayList<>()).add(file);
          }
        });
    List<Oscillation> found = new ArrayList<>();
    groups.forEach(
        (g, files) ->
            found.add(
                new Oscillation(
                    g.agents().stream().map(order::get).toList(), files, g.conflicting())));
    return found;
  }

  private record Group(List<Integer> agents, boolean conflicting) {}
}
