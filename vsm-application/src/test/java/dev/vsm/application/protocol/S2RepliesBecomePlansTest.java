package dev.vsm.application.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vsm.application.port.out.AgentReply;
import dev.vsm.domain.cycle.CoordinationPlan;
import dev.vsm.domain.cycle.S3Allocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** S2's reply is the plan as it gave it, when it has a schedule; else the steps are the plan. */
class S2RepliesBecomePlansTest {

  private final List<List<String>> steps = List.of(List.of("backend", "frontend"));
  private final S2Protocol s2 =
      new S2Protocol("t", new S3Allocation("t", "medium", List.of(), "", "", true), steps, false);

  @Test
  void a_reply_with_a_schedule_is_the_plan_as_given() {
    Map<String, Object> reply =
        Map.of("execution_schedule", List.of(Map.of("step", 1)), "owner", "backend");

    assertThat(s2.read(AgentReply.of(reply))).contains(AgentReply.of(reply).fields());
  }

  @Test
  void a_reply_without_a_schedule_is_no_plan_and_the_steps_stand_in() {
    assertThat(s2.read(AgentReply.of(Map.of("parallel_groups", List.of())))).isEmpty();
    assertThat(s2.standIn()).isEqualTo(CoordinationPlan.ofSteps(steps));
  }
}
