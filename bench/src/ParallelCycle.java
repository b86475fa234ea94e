import dev.vsm.application.port.in.CycleResult;
import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.service.RunCycleService;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.application.testing.SequentialIds;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A cycle whose allocation has four independent S1 agents of one second each: wall time against
 * the critical path (system agents instant, so the critical path is the slowest S1 agent, 1 s).
 */
public final class ParallelCycle {
  public static void main(String[] args) throws Exception {
    ScriptedAgentRunner runner = new ScriptedAgentRunner();
    runner.replyTo("system3-control", ScriptedAgentRunner.s3("complex", "parallel",
        ScriptedAgentRunner.agent("frontend", 1), ScriptedAgentRunner.agent("backend", 1),
        ScriptedAgentRunner.agent("database", 1), ScriptedAgentRunner.agent("infrastructure", 1)));
    for (String a : new String[] {"frontend", "backend", "database", "infrastructure"}) {
      runner.on("s1-" + a, r -> {
        try {
          Thread.sleep(1000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return ScriptedAgentRunner.ok(r.agent(), ScriptedAgentRunner.report("completed", "done"));
      });
    }
    int runs = Integer.parseInt(args.length > 0 ? args[0] : "5");
    double[] s = new double[runs];
    for (int i = 0; i < runs; i++) {
      RunCycleService service = new RunCycleService(new InMemoryStateStore(), new InMemoryExecutionLog(),
          runner, Clock.systemUTC(), new SequentialIds(), ComplexityAnalyzer.withDefaults(), null);
      long t = System.nanoTime();
      CycleResult r = service.run(RunCycleCommand.of("Build the platform", Path.of(".")));
      s[i] = (System.nanoTime() - t) / 1e9;
      if (!r.success()) {
        throw new IllegalStateException("cycle failed: " + r.summary());
      }
    }
    java.util.Arrays.sort(s);
    System.out.printf("four parallel 1 s S1 agents: median wall %.3f s over %d cycles; critical path 1.000 s; "
        + "over it by %.3f s (target < 0.3 s); the sum would be 4 s%n", s[runs / 2], runs, s[runs / 2] - 1.0);
  }
}
