import dev.vsm.application.port.in.RunCycleCommand;
import dev.vsm.application.service.RunCycleService;
import dev.vsm.application.testing.InMemoryExecutionLog;
import dev.vsm.application.testing.InMemoryStateStore;
import dev.vsm.application.testing.ScriptedAgentRunner;
import dev.vsm.application.testing.SequentialIds;
import dev.vsm.domain.complexity.ComplexityAnalyzer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;

/**
 * The cycle's own overhead: full cycles (S4, S3, S2, two S1 agents, S3*) with in-memory adapters
 * and agents that answer at once. Prints the median and p90 per cycle after warm-up, in ms.
 */
public final class CycleOverhead {
  public static void main(String[] args) {
    int warmup = Integer.parseInt(args.length > 0 ? args[0] : "3000");
    int measured = Integer.parseInt(args.length > 1 ? args[1] : "3000");
    Path dir = Path.of(System.getProperty("java.io.tmpdir"));
    double[] ms = new double[measured];
    for (int i = 0; i < warmup + measured; i++) {
      // A fresh log each 500 cycles keeps the in-memory log from growing without bound.
      RunCycleService service = service(i);
      long t = System.nanoTime();
      service.run(RunCycleCommand.of("Add input validation to the login form", dir));
      if (i >= warmup) {
        ms[i - warmup] = (System.nanoTime() - t) / 1e6;
      }
    }
    Arrays.sort(ms);
    System.out.printf("cycle overhead (in-memory adapters, instant agents, %d cycles after %d warm-up): "
        + "median %.3f ms, p90 %.3f ms%n", measured, warmup, ms[measured / 2], ms[measured * 9 / 10]);
  }

  private static RunCycleService service;

  /** A fresh service (state, log, runner) every 500 cycles keeps memory flat; the rest is reused. */
  static RunCycleService service(int i) {
    if (i % 500 == 0) {
      service = new RunCycleService(new InMemoryStateStore(), new InMemoryExecutionLog(),
          new ScriptedAgentRunner(), Clock.systemUTC(), new SequentialIds(),
          ComplexityAnalyzer.withDefaults(), null);
    }
    return service;
  }
}
