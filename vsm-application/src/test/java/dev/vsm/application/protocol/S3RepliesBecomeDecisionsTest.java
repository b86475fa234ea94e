package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import dev.vsm.domain.cycle.AllocatedAgent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * S3's reply as a decision: agents as objects or plain names (trimmed), those without a name
 * skipped, the complexity in lower case, parallel only when it says so; no agent list, no decision.
 */
class S3RepliesBecomeDecisionsTest {

  private final S3Protocol s3 =
      new S3Protocol(
          "Add login",
          null,
          ComplexityAnalyzer.withDefaults().analyze("Add login"),
          List.of("tester"),
          null,
          null,
          List.of());

  @Test
  void agents_are_read_as_objects_or_names_and_nameless_ones_are_skipped() {
    S3Protocol.S3Decision d =
        s3.read(
                AgentReply.of(
                    Map.of(
                        "complexity", " Medium ",
                        "complexity_rationale", "two parts",
                        "execution_mode", " PARALLEL ",
                        "selected_agents",
                            List.of(
                                " tester ",
                                Map.of(
                                    "agent", " backend ",
                                    "role", "API",
                                    "order", 2,
                                    "task_focus", "endpoint"),
                                Map.of("role", "nobody"),
                                Map.of("agent", "frontend", "order", 1.5),
                                42))))
            .orElseThrow();

    assertThat(d)
        .isEqualTo(
            new S3Protocol.S3Decision(
                "medium",
                "two parts",
                List.of(
                    AllocatedAgent.named("tester"),
                    new AllocatedAgent("backend", "API", 2, "endpoint"),
                    new AllocatedAgent("frontend", null, null, null)),
                true,
                false));
  }

  @Test
  void without_a_mode_or_complexity_the_decision_is_sequential_of_no_level() {
    S3Protocol.S3Decision d =
        s3.read(AgentReply.of(Map.of("selected_agents", List.of(), "execution_mode", "sequential")))
            .orElseThrow();

    assertThat(d.parallel()).isFalse();
    assertThat(d.complexity()).isNull();
    assertThat(d.rationale()).isNull();
    assertThat(
            s3.read(AgentReply.of(Map.of("selected_agents", List.of()))).orElseThrow().parallel())
        .isFalse();
  }

  @Test
  void a_reply_without_agents_is_no_decision() {
    assertThat(s3.read(AgentReply.of(Map.of("complexity", "simple")))).isEmpty();
  }

  @Test
  void the_stand_in_is_the_rules_allocation() {
    S3Protocol.S3Decision d = s3.standIn();

    assertThat(d.standIn()).isTrue();
    assertThat(d.complexity()).isEqualTo(s3.rules().complexity().label());
    assertThat(d.agents())
        .extracting(AllocatedAgent::agent)
        .isEqualTo(s3.rules().suggestedAgents());
    assertThat(d.agents()).allMatch(a -> a.order() != null);
    assertThat(d.rationale()).isEqualTo(s3.rules().rationale());
  }
}
