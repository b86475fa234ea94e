import dev.vsm.adapter.git.GitAdapters;
import dev.vsm.application.port.out.Workspaces;
import dev.vsm.application.port.out.Workspaces.Checkouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What isolating one parallel step costs in a git repository: the worktrees made from the tree as
 * it is (open), each agent's work merged in step order (merge: each agent changed three files of
 * its own), the result written into the project (apply) and the worktrees removed (close). Args:
 * the repository, the agent counts, the rounds.
 */
public final class IsolationOverhead {
  public static void main(String[] args) throws Exception {
    Path repo = Path.of(args[0]);
    int rounds = Integer.parseInt(args[2]);
    Workspaces ws =
        GitAdapters.workspaces(
            System.getenv(), Path.of(System.getenv("TMPDIR")), List.of(".claude/vsm-state"));
    List<Path> files;
    try (var all = Files.walk(repo)) {
      files = all.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.git/")).sorted().toList();
    }
    for (String n : args[1].split(",")) {
      int agents = Integer.parseInt(n);
      double[][] t = new double[4][rounds];
      for (int r = 0; r < rounds; r++) {
        List<String> names = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
          names.add("s1-agent" + a);
        }
        long t0 = System.nanoTime();
        Checkouts c = ws.open(repo, names);
        long t1 = System.nanoTime();
        for (int a = 0; a < agents; a++) {
          for (int k = 0; k < 3; k++) {
            Path f = files.get((r * 97 + a * 13 + k * 7) % files.size());
            Path in = c.directory(names.get(a)).resolve(repo.relativize(f));
            Files.writeString(in, "// agent " + a + " round " + r + "\n", java.nio.file.StandardOpenOption.APPEND);
          }
        }
        long t2 = System.nanoTime();
        for (String a : names) {
          c.merge(a, (agent, conflicting) -> false);
        }
        long t3 = System.nanoTime();
        c.apply();
        long t4 = System.nanoTime();
        c.close();
        long t5 = System.nanoTime();
        t[0][r] = (t1 - t0) / 1e6;
        t[1][r] = (t3 - t2) / 1e6;
        t[2][r] = (t4 - t3) / 1e6;
        t[3][r] = (t5 - t4) / 1e6;
      }
      double total = 0;
      StringBuilder b = new StringBuilder();
      String[] phase = {"open", "merge", "apply", "close"};
      for (int i = 0; i < 4; i++) {
        double m = median(t[i]);
        total += m;
        b.append(String.format("%s %.0f ms, ", phase[i], m));
      }
      System.out.printf("%d agents: %s per step %.0f ms (medians of %d rounds; slowest round %.0f ms)%n",
          agents, b, total, rounds, max(t));
    }
  }

  static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s[s.length / 2];
  }

  static double max(double[][] t) {
    double worst = 0;
    for (int r = 0; r < t[0].length; r++) {
      double sum = 0;
      for (double[] phase : t) {
        sum += phase[r];
      }
      worst = Math.max(worst, sum);
    }
    return worst;
  }
}
