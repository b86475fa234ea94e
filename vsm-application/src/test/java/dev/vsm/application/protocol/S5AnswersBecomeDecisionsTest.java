package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.domain.cycle.S3Allocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * S5's answer: an explicit yes or no wins; otherwise a decision that approves, accepts or says ok
 * is a yes; without either there is no answer, and the stand-ins let the cycle go on.
 */
class S5AnswersBecomeDecisionsTest {

  private final S5Protocol.Approval approval =
      new S5Protocol.Approval("t", new S3Allocation("t", "medium", List.of(), "", "", false));
  private final S5Protocol.Ruling ruling = new S5Protocol.Ruling("t", List.of());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "approve, true",
    "Approved with notes, true",
    "accept, true",
    "OK, true",
    "yes, true",
    "reject, false",
    "acceptable, false",
    "S3 holds, false"
  })
  void a_decision_without_a_yes_or_no_is_read_from_its_words(String decision, boolean approved) {
    S5Protocol.S5Decision d =
        approval.read(AgentReply.of(Map.of("decision", decision))).orElseThrow();

    assertThat(d.approved()).isEqualTo(approved);
    assertThat(d.decision()).isEqualTo(decision);
    assertThat(d.rationale()).isEmpty();
    assertThat(d.standIn()).isFalse();
  }

  @Test
  void an_explicit_yes_or_no_wins_over_the_words_and_names_the_decision() {
    assertThat(
            ruling
                .read(AgentReply.of(Map.of("approved", false, "decision", "approve")))
                .orElseThrow())
        .isEqualTo(new S5Protocol.S5Decision(false, "approve", "", false));
    assertThat(
            approval
                .read(AgentReply.of(Map.of("approved", true, "rationale", "fine")))
                .orElseThrow())
        .isEqualTo(new S5Protocol.S5Decision(true, "approve", "fine", false));
    assertThat(approval.read(AgentReply.of(Map.of("approved", "no"))).orElseThrow())
        .isEqualTo(new S5Protocol.S5Decision(false, "reject", "", false));
  }

  @Test
  void without_a_yes_no_or_decision_there_is_no_answer() {
    assertThat(approval.read(AgentReply.of(Map.of("rationale", "hm")))).isEmpty();
    assertThat(ruling.read(AgentReply.empty())).isEmpty();
  }

  @Test
  void without_an_answer_the_allocation_stands_and_the_conflict_stays_unsettled() {
    assertThat(approval.standIn())
        .isEqualTo(
            new S5Protocol.S5Decision(
                true, "approve", "S5 unavailable: the allocation stands", true));
    assertThat(ruling.standIn())
        .isEqualTo(
            new S5Protocol.S5Decision(
                false, "unsettled", "S5 unavailable: the conflict stays recorded unsettled", true));
  }

  @Test
  void each_question_has_its_schema() {
    assertThat(approval.schema()).endsWith("\"required\":[\"approved\",\"rationale\"]}");
    assertThat(ruling.schema()).endsWith("\"required\":[\"decision\",\"rationale\"]}");
    assertThat(approval.agent()).isEqualTo(SystemAgent.S5_POLICY);
    assertThat(ruling.agent()).isEqualTo(SystemAgent.S5_POLICY);
  }
}
