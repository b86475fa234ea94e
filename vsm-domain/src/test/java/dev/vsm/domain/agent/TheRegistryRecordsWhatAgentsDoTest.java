package dev.vsm.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The registry's answers about one agent: its profile, its type, and its status as it works. */
class TheRegistryRecordsWhatAgentsDoTest {

  private final AgentRegistry registry = AgentRegistry.defaults("T0");

  @Test
  void the_defaults_are_stamped_with_the_time_they_were_made() {
    assertThat(registry.lastUpdated()).isEqualTo("T0");
  }

  @Test
  void an_agent_is_found_by_its_name_with_or_without_the_prefix() {
    assertThat(registry.find("s1-backend")).contains(registry.agents().get("backend"));
    assertThat(registry.find("backend").orElseThrow().capabilities())
        .containsExactly("APIs", "services", "business logic");
    assertThat(registry.find("wizard")).isEmpty();
  }

  @Test
  void an_agent_outside_the_registry_is_taken_for_a_domain_specialist() {
    assertThat(registry.typeOf("s1-reviewer")).isEqualTo(AgentType.FUNCTIONAL);
    assertThat(registry.typeOf("ml")).isEqualTo(AgentType.DOMAIN);
  }

  @Test
  void the_status_of_an_unknown_agent_leaves_the_registry_as_it_is() {
    assertThat(registry.withStatus("wizard", AgentStatus.BUSY, "abc", "T1")).isSameAs(registry);
  }

  @Test
  void an_agent_in_error_keeps_no_task() {
    AgentRegistry failed = registry.withStatus("tester", AgentStatus.ERROR, "abc", "T1");

    AgentProfile tester = failed.agents().get("tester");
    assertThat(tester.status()).isEqualTo(AgentStatus.ERROR);
    assertThat(tester.currentTask()).isNull();
    assertThat(tester.type()).isEqualTo(AgentType.FUNCTIONAL);
    assertThat(tester.capabilities())
        .containsExactly("unit tests", "integration tests", "test coverage");
    assertThat(failed.agents().keySet()).containsExactlyElementsOf(registry.agents().keySet());
  }
}
