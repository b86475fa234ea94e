package dev.vsm.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.in.CycleResult;
import dev.vsm.domain.complexity.Complexity;
import org.junit.jupiter.api.Test;

/** The user's complexity hint is binding: S3 is told it, and an allocation ignoring it replaced. */
class TheUsersHintTest extends CycleTest {

  private static final String OAUTH = "Add user authentication with OAuth2";

  @Test
  void a_simple_hint_runs_generalist_coder_alone_whatever_s3_says() {
    runner.replyTo(
        "system3-control", s3Reply("complex", "parallel", "frontend:1", "backend:1", "tester:2"));

    CycleResult r = run(command(OAUTH).withHint(Complexity.SIMPLE));

    assertThat(r.agentsInvoked()).containsExactly("s1-generalist-coder");
    assertThat(store.allocation().orElseThrow().complexity()).isEqualTo("simple");
    assertThat(runner.lastPromptTo("system3-control"))
        .contains("The user requires complexity \"simple\": allocate for that level.");
    assertThat(r.notes())
        .contains("allocation replaced by the rule-based one for the hinted simple");
  }

  @Test
  void a_medium_hint_replaces_an_allocation_of_another_level() {
    runner.replyTo("system3-control", s3Reply("complex", "parallel", "frontend:1", "backend:1"));

    CycleResult r = run(command(OAUTH).withHint(Complexity.MEDIUM));

    assertThat(r.agentsInvoked()).containsExactly("s1-code-writer", "s1-tester");
    assertThat(r.complexity()).isEqualTo("medium");
  }

  @Test
  void an_allocation_at_the_hinted_level_stands() {
    runner.replyTo("system3-control", s3Reply("medium", "sequential", "documenter:1"));

    CycleResult r = run(command(OAUTH).withHint(Complexity.MEDIUM));

    assertThat(r.agentsInvoked()).containsExactly("s1-documenter");
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void without_a_hint_s3_is_told_no_level() {
    run(OAUTH);

    assertThat(runner.lastPromptTo("system3-control")).doesNotContain("The user requires");
  }
}
