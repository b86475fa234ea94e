package dev.vsm.adapter.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Where a command line's first word decides what it means, read from the picocli model of {@link
 * VsmCommand}: the first word that is not an option (nor an option's value) names a subcommand, or
 * else every word is part of a task — so "vsm fix the state file" runs that task instead of {@code
 * vsm state}.
 */
final class Subcommands {

  private Subcommands() {}

  /**
   * The first word that is neither an option nor an option's value, or null when there is none (or
   * it comes after {@code --}, where nothing is a command).
   */
  static String firstWord(CommandSpec top, String[] args) {
    Map<String, OptionSpec> options = top.optionsMap();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) {
        return null;
      }
      if (a.startsWith("-") && a.length() > 1) {
        OptionSpec o = options.get(a);
        if (o != null && o.arity().min() > 0) {
          i++; // its value
        }
        continue;
      }
      return a;
    }
    return null;
  }

  /** The names (and aliases) of the subcommands listed on {@link VsmCommand#SUBCOMMANDS}. */
  static Set<String> names() {
    Set<String> names = new java.util.TreeSet<>();
    for (Class<?> c : VsmCommand.SUBCOMMANDS) {
      names.addAll(names(c));
    }
    return names;
  }

  private static List<String> names(Class<?> c) {
    CommandLine.Command command = c.getAnnotation(CommandLine.Command.class);
    List<String> names = new ArrayList<>(List.of(command.aliases()));
    names.add(0, command.name());
    return names;
  }

  /**
   * Gives the top command the subcommands {@code args} need: the one its first word names, all of
   * them for help (of vsm, or the {@code help} and {@code completion} commands, which list them),
   * none when the words are a task — so that no later word of the task is taken for a command.
   */
  static void addTo(CommandLine top, String[] args) {
    String first = firstWord(top.getCommandSpec(), args);
    boolean command = first != null && names().contains(first);
    boolean all = command ? first.equals("help") || first.equals("completion") : asksForHelp(args);
    for (Class<?> c : VsmCommand.SUBCOMMANDS) {
      if (all || (command && names(c).contains(first))) {
        top.addSubcommand(c);
      }
    }
  }

  /** Whether help or the version was asked for on the top command. */
  static boolean asksForHelp(String[] args) {
    for (String a : args) {
      if (a.equals("--")) {
        return false;
      }
      if (Set.of("-h", "--help", "-V", "--version").contains(a)) {
        return true;
      }
    }
    return false;
  }

  /**
   * A task of one word that is one typo away from a command ("vsm stat", "vsm logs") is far more
   * likely a mistyped command than a task: refuse it with the command meant and the way to run such
   * a task anyway.
   */
  static void refuseNearMiss(Set<String> commands, String word) {
    if (word.isBlank() || word.contains(" ") || word.length() < 3) {
      return;
    }
    for (String c : commands) {
      if (distance(c, word) <= 1) {
        throw new UsageException(
            "'"
                + HumanFormat.printable(word)
                + "' is not a command: did you mean 'vsm "
                + c
                + "'? To run a task called '"
                + HumanFormat.printable(word)
                + "': vsm run -- "
                + HumanFormat.printable(word));
      }
    }
  }

  /** Levenshtein distance, case-insensitive. */
  static int distance(String a, String b) {
    String x = a.toLowerCase(java.util.Locale.ROOT);
    String y = b.toLowerCase(java.util.Locale.ROOT);
    int[] prev = new int[y.length() + 1];
    int[] cur = new int[y.length() + 1];
    for (int j = 0; j <= y.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= x.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= y.length(); j++) {
        int cost = x.charAt(i - 1) == y.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[y.length()];
  }
}
