package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.adapter.claude.FakeClaude;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cycle through the command line, with the scripted CLI (#11): budgets that cannot be handed out.
 */
class CycleSafetyTest {

  @TempDir Path dir;
  private FakeClaude claude;

  @BeforeEach
  void install() {
    claude = FakeClaude.installIn(dir.resolve("bin"));
  }

  /** {@code vsm run --claude-command FAKE ARGS}. */
  private InProcessVsm.Run run(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "run";
    all[1] = "--claude-command";
    all[2] = claude.command().toString();
    System.arraycopy(args, 0, all, 3, args.length);
    return new InProcessVsm(dir).run(all);
  }

  @ParameterizedTest
  @ValueSource(strings = {"0.00001", "0.00009", "Infinity", "NaN", "-1", "0"})
  void a_budget_no_agent_could_be_handed_is_a_usage_error_and_nothing_runs(String usd) {
    InProcessVsm.Run r = run("--max-budget-usd", usd, "Fix the typo in README");

    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err().strip()).doesNotContain("\n").contains("--max-budget-usd").contains(usd);
    assertThat(claude.calls()).isEmpty();
    assertThat(Files.exists(dir.resolve(".claude/vsm-state/current-task.json"))).isFalse();
  }

  @Test
  void the_smallest_budget_is_a_hundredth_of_a_cent() {
    InProcessVsm.Run r = run("--max-budget-usd", "0.0001", "Fix the typo in README");

    assertThat(r.err()).as(r.err()).doesNotContain("Invalid value");
    assertThat(claude.calls()).isNotEmpty();
  }
}
