package dev.vsm.domain.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OscillationTest {

  private static Map<String, List<String>> changes(Object... agentThenFiles) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    for (int i = 0; i < agentThenFiles.length; i += 2) {
      @SuppressWarnings("unchecked")
      List<String> files = (List<String>) agentThenFiles[i + 1];
      m.put((String) agentThenFiles[i], files);
    }
    return m;
  }

  @Test
  void agents_changing_different_files_do_not_oscillate() {
    assertThat(
            Oscillation.among(
                changes("s1-backend", List.of("api.py"), "s1-frontend", List.of("app.tsx")),
                Set.of()))
        .isEmpty();
  }

  @Test
  void two_agents_changing_the_same_file_oscillate() {
    List<Oscillation> found =
        Oscillation.among(
            changes(
                "s1-backend", List.of("api.py", "models.py"),
                "s1-tester", List.of("test_api.py", "api.py")),
            Set.of());

    assertThat(found)
        .containsExactly(
            new Oscillation(List.of("s1-backend", "s1-tester"), List.of("api.py"), false));
    assertThat(found.get(0).evidence()).isEqualTo("s1-backend and s1-tester both changed api.py");
  }

  @Test
  void files_changed_by_the_same_agents_make_one_oscillation_and_keep_the_agents_order() {
    List<Oscillation> found =
        Oscillation.among(
            changes(
                "s1-tester", List.of("b.py", "a.py"),
                "s1-backend", List.of("a.py", "b.py"),
                "s1-frontend", List.of("b.py")),
            Set.of());

    assertThat(found)
        .containsExactly(
            new Oscillation(List.of("s1-tester", "s1-backend"), List.of("a.py"), false),
            new Oscillation(
                List.of("s1-tester", "s1-backend", "s1-frontend"), List.of("b.py"), false));
    assertThat(found.get(1).evidence())
        .isEqualTo("s1-tester, s1-backend and s1-frontend all changed b.py");
  }

  @Test
  void conflicting_files_are_told_apart_from_files_merged_cleanly() {
    List<Oscillation> found =
        Oscillation.among(
            changes("s1-a", List.of("x", "y"), "s1-b", List.of("x", "y")), Set.of("y"));

    assertThat(found)
        .containsExactly(
            new Oscillation(List.of("s1-a", "s1-b"), List.of("x"), false),
            new Oscillation(List.of("s1-a", "s1-b"), List.of("y"), true));
    assertThat(found.get(1).evidence()).endsWith("changed y (their changes conflicted)");
  }

  @Test
  void an_agent_alone_cannot_oscillate() {
    assertThat(Oscillation.among(changes("s1-a", List.of("x", "x")), Set.of())).isEmpty();
    assertThatThrownBy(() -> new Oscillation(List.of("s1-a"), List.of("x"), false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
