package dev.vsm.domain.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which specialist takes the place of an agent without a definition. */
class ClosestAgentTest {

  private static final AgentRegistry REGISTRY = AgentRegistry.defaults("");
  private static final List<String> DEFINED = List.copyOf(REGISTRY.agents().keySet());

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "tester, tester",
    "Backend_API, backend",
    "s1-Tester, tester",
    "backend-api, backend",
    "test, tester",
    "frontend-react, frontend",
    "testers, tester",
    "fronted, frontend",
    "reviewr, reviewer",
    "devops, infrastructure",
    "ui, frontend",
    "sql, database",
    "ml, generalist-coder",
    "hacker, generalist-coder",
    "db, generalist-coder",
    "x, generalist-coder"
  })
  void the_closest_specialist_takes_the_place(String wanted, String runs) {
    assertThat(ClosestAgent.to(wanted, DEFINED, REGISTRY)).isEqualTo(runs);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"ml, ml", "ML, ml", "m_l, ml"})
  void a_project_specialist_is_a_candidate_like_any_other(String wanted, String runs) {
    List<String> withMl = new java.util.ArrayList<>(DEFINED);
    withMl.add("ml");

    assertThat(ClosestAgent.to(wanted, withMl, REGISTRY)).isEqualTo(runs);
  }

  @org.junit.jupiter.api.Test
  void only_a_defined_agent_is_ever_named() {
    assertThat(ClosestAgent.to("database", List.of("tester"), REGISTRY))
        .isEqualTo("generalist-coder");
    assertThat(ClosestAgent.to("sql", List.of("tester", "generalist-coder"), REGISTRY))
        .isEqualTo("generalist-coder");
  }
}
