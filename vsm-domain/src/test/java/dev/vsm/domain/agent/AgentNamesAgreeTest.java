package dev.vsm.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.complexity.Complexity;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.cycle.ExecutionStep;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every agent the domain's rules name is one of the registry's default specialists. */
class AgentNamesAgreeTest {

  private final Set<String> specialists = AgentRegistry.defaults("").agents().keySet();

  @Test
  void the_default_rules_suggest_only_default_specialists_for_every_task_of_the_corpus()
      throws IOException {
    ComplexityAnalyzer analyzer = ComplexityAnalyzer.withDefaults();
    Set<String> suggested = new TreeSet<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(
                getClass().getResourceAsStream("/complexity-dev.tsv"), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String task = line.split("\t", 2)[1];
        for (Complexity hint :
            new Complexity[] {null, Complexity.SIMPLE, Complexity.MEDIUM, Complexity.COMPLEX}) {
          suggested.addAll(analyzer.analyze(task, hint).suggestedAgents());
        }
      }
    }

    assertThat(suggested).isNotEmpty().isSubsetOf(specialists);
    assertThat(suggested).contains("generalist-coder", "code-writer", "tester", "backend");
  }

  @Test
  void the_reviewer_step_and_the_generalist_are_default_specialists() {
    assertThat(specialists).contains(ExecutionStep.REVIEWER, AgentName.GENERALIST);
  }
}
