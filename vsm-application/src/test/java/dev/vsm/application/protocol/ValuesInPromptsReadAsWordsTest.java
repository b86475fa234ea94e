package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.domain.cycle.AllocatedAgent;
import dev.vsm.domain.cycle.S3Allocation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What an agent reads of a value: agents one per line with only the parts they have, steps
 * numbered, risks as words with their severity, other objects as JSON, and "none" for nothing.
 */
class ValuesInPromptsReadAsWordsTest {

  @Test
  void an_agent_line_has_only_the_parts_it_was_given() {
    assertThat(
            PromptText.agents(
                List.of(
                    new AllocatedAgent("code-writer", " implement ", 1, " the change "),
                    new AllocatedAgent("tester", "", null, "the tests"),
                    new AllocatedAgent("reviewer", "review", null, ""),
                    AllocatedAgent.named("documenter"))))
        .isEqualTo(
            """
            - code-writer (step 1): implement; focus: the change
            - tester: focus: the tests
            - reviewer: review
            - documenter""");
    assertThat(PromptText.agents(List.of())).isEqualTo("- none");
  }

  @Test
  void an_allocation_says_its_level_and_mode_before_its_agents() {
    S3Allocation parallel =
        new S3Allocation("t", "complex", List.of(AllocatedAgent.named("backend")), "", "", true);
    S3Allocation sequential = new S3Allocation("t", "simple", List.of(), "", "", false);

    assertThat(PromptText.allocation(parallel))
        .isEqualTo("complex complexity, parallel\n- backend");
    assertThat(PromptText.allocation(sequential))
        .isEqualTo("simple complexity, sequential\n- none");
  }

  @Test
  void steps_are_numbered_and_shared_steps_say_together() {
    assertThat(PromptText.steps(List.of(List.of("code-writer"), List.of("frontend", "backend"))))
        .isEqualTo("1. code-writer\n2. frontend + backend (together)");
    assertThat(PromptText.steps(List.of())).isEqualTo("none");
  }

  @Test
  void risks_read_with_their_severity_and_other_objects_as_json() {
    Map<String, Object> other = new LinkedHashMap<>();
    other.put("file", "a.py");
    other.put("lines", 3);

    assertThat(
            PromptText.items(
                List.of(
                    Map.of("risk", "data loss", "severity", "high"),
                    Map.of("risk", "slow"),
                    Map.of("risk", 1),
                    other,
                    "plain")))
        .isEqualTo(
            """
            - data loss (high)
            - slow
            - {"risk":1}
            - {"file":"a.py","lines":3}
            - plain""");
    assertThat(PromptText.items(List.of())).isEqualTo("none");
  }

  @Test
  void names_are_joined_with_commas() {
    assertThat(PromptText.names(List.of("backend", "tester"))).isEqualTo("backend, tester");
    assertThat(PromptText.names(List.of())).isEqualTo("none");
  }
}
