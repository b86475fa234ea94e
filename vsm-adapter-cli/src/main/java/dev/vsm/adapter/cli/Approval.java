package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.PlanApproval;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * {@code --approve}: after S2, before any S1 agent edits, the plan is shown and a person answers
 * y/N on the terminal; {@code --yes} answers for a script. Without a terminal and without {@code
 * --yes} vsm refuses before anything runs.
 */
final class Approval {

  private Approval() {}

  /** The approval to ask, or null when {@code --approve} was not given. */
  static PlanApproval of(Invocation inv, boolean approve, boolean yes, boolean json) {
    if (!approve || yes) {
      return null;
    }
    if (!inv.terminal().stdinIsTerminal()) {
      throw new UsageException(
          "--approve asks on a terminal, and standard input is not one: give --yes to approve"
              + " from a script, or vsm plan --agents then vsm apply ID");
    }
    // With --json the one document stays alone on stdout: the question goes to stderr.
    PrintWriter to = json ? inv.err() : inv.out();
    return plan -> {
      to.print(HumanFormat.printable(PlanView.of(plan), true));
      to.print("Run the S1 agents of this plan (they may edit files)? [y/N] ");
      to.flush();
      try {
        String answer =
            new BufferedReader(new InputStreamReader(inv.context().stdin(), StandardCharsets.UTF_8))
                .readLine();
        return answer != null
            && List.of("y", "yes").contains(answer.strip().toLowerCase(Locale.ROOT));
      } catch (IOException e) {
        return false;
      }
    };
  }
}
