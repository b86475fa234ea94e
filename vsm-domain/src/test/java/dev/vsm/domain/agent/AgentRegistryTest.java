package dev.vsm.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentRegistryTest {

  private final AgentRegistry registry = AgentRegistry.defaults("T0");

  @Test
  void the_default_registry_has_the_nine_specialists_available() {
    assertThat(registry.agents())
        .containsOnlyKeys(
            "generalist-coder",
            "code-writer",
            "tester",
            "reviewer",
            "documenter",
            "frontend",
            "backend",
            "database",
            "infrastructure");
    assertThat(registry.agents().values()).allMatch(p -> p.status() == AgentStatus.AVAILABLE);
    assertThat(registry.agents().get("database").capabilities())
        .containsExactly("SQL", "migrations", "data modeling", "queries");
    assertThat(registry.typeOf("generalist-coder")).isEqualTo(AgentType.GENERALIST);
    assertThat(registry.typeOf("tester")).isEqualTo(AgentType.FUNCTIONAL);
    assertThat(registry.typeOf("frontend")).isEqualTo(AgentType.DOMAIN);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "--dangerously-skip-permissions",
        "../../etc",
        "rm -rf /",
        "",
        "Tester",
        "s1-../x",
        "ml"
      })
  void untrusted_names_are_not_in_the_registry(String name) {
    assertThat(registry.contains(name)).isFalse();
  }

  @Test
  void registered_names_are_found_with_or_without_the_s1_prefix() {
    assertThat(registry.contains("tester")).isTrue();
    assertThat(registry.contains("s1-tester")).isTrue();
  }

  @Test
  void status_changes_return_a_new_registry_and_record_the_task_while_busy() {
    AgentRegistry busy = registry.withStatus("s1-tester", AgentStatus.BUSY, "abc", "T1");

    assertThat(busy.agents().get("tester").status()).isEqualTo(AgentStatus.BUSY);
    assertThat(busy.agents().get("tester").currentTask()).isEqualTo("abc");
    assertThat(busy.lastUpdated()).isEqualTo("T1");
    assertThat(registry.agents().get("tester").status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(
            busy.withStatus("tester", AgentStatus.AVAILABLE, "abc", "T2")
                .agents()
                .get("tester")
                .currentTask())
        .isNull();
  }

  @Test
  void releasing_a_task_frees_only_the_agents_busy_with_it() {
    AgentRegistry r =
        registry
            .withStatus("tester", AgentStatus.BUSY, "t1", "T1")
            .withStatus("backend", AgentStatus.BUSY, "t2", "T1")
            .withStatus("reviewer", AgentStatus.ERROR, null, "T1");

    AgentRegistry released = r.withTaskReleased("t1", "T2");

    assertThat(released.agents().get("tester").status()).isEqualTo(AgentStatus.AVAILABLE);
    assertThat(released.agents().get("tester").currentTask()).isNull();
    assertThat(released.agents().get("backend").status()).isEqualTo(AgentStatus.BUSY);
    assertThat(released.agents().get("reviewer").status()).isEqualTo(AgentStatus.ERROR);
    assertThat(released.lastUpdated()).isEqualTo("T2");
    assertThat(r.withTaskReleased("t3", "T2")).isSameAs(r);
  }
}
