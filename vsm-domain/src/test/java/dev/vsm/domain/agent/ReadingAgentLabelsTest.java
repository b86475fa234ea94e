package dev.vsm.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A registry file's type and status labels are read whatever their case and surrounding blanks;
 * anything unknown falls back to what is safe (a domain specialist, available).
 */
class ReadingAgentLabelsTest {

  @Test
  void every_type_reads_back_from_its_label_in_any_case() {
    for (AgentType t : AgentType.values()) {
      assertThat(AgentType.parse(t.label())).isEqualTo(t);
      assertThat(AgentType.parse(" " + t.label().toUpperCase() + " ")).isEqualTo(t);
    }
    assertThat(AgentType.GENERALIST.label()).isEqualTo("generalist");
  }

  @Test
  void an_unknown_or_missing_type_is_a_domain_specialist() {
    assertThat(AgentType.parse("wizard")).isEqualTo(AgentType.DOMAIN);
    assertThat(AgentType.parse(null)).isEqualTo(AgentType.DOMAIN);
  }

  @Test
  void every_status_reads_back_from_its_label_in_any_case() {
    for (AgentStatus s : AgentStatus.values()) {
      assertThat(AgentStatus.parse(s.label())).isEqualTo(s);
      assertThat(AgentStatus.parse(" " + s.label().toUpperCase() + " ")).isEqualTo(s);
    }
    assertThat(AgentStatus.BUSY.label()).isEqualTo("busy");
  }

  @Test
  void an_unknown_or_missing_status_is_available() {
    assertThat(AgentStatus.parse("sleeping")).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(AgentStatus.parse(null)).isEqualTo(AgentStatus.AVAILABLE);
  }
}
