import dev.vsm.application.port.in.CycleResult;
import dev.vsm.library.Vsm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Cycles through the real stack in one JVM: the library as the CLI builds it for each cycle, the
 * file store and the log on disk, each agent (and the login check) a process of the stand-in CLI
 * named by the first argument. The first cycle pays the JVM's warm-up; the later ones show what a
 * cycle costs once the code is loaded and compiled. Prints the first cycle and the median of the
 * last half, in ms, whole cycles (the stand-in's own time included).
 */
public final class WarmCycle {
  public static void main(String[] args) throws Exception {
    String claude = args[0];
    int cycles = Integer.parseInt(args.length > 1 ? args[1] : "20");
    Path project = Files.createTempDirectory("vsm-warm-cycle");
    double[] ms = new double[cycles];
    for (int i = 0; i < cycles; i++) {
      Vsm vsm = Vsm.builder().workingDirectory(project).claudeCommand(claude).build();
      long t = System.nanoTime();
      CycleResult result = vsm.run("Add user validation");
      ms[i] = (System.nanoTime() - t) / 1e6;
      if (!result.success()) {
        throw new IllegalStateException("cycle " + i + " failed: " + result);
      }
    }
    double[] late = Arrays.copyOfRange(ms, cycles / 2, cycles);
    Arrays.sort(late);
    System.out.printf(
        "cycles in one JVM, real files and stand-in processes: first %.0f ms, median of the last %d"
            + " %.0f ms%n",
        ms[0], late.length, late[late.length / 2]);
  }
}
