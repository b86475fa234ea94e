package dev.vsm.adapter.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code vsm completion bash|zsh}: the shell completion script, from picocli's AutoComplete. */
@Command(
    mixinStandardHelpOptions = true,
    header = "Print a completion script for bash or zsh.",
    name = "completion",
    usageHelpAutoWidth = true,
    description = {
      "Print the completion script for bash or zsh (it completes commands, options and their "
          + "values). To use it now: source <(vsm completion bash)",
      "To keep it: vsm completion bash > ~/.local/share/bash-completion/completions/vsm"
    })
final class CompletionCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /** The shells the script works in. */
  enum Shell {
    bash,
    zsh
  }

  @Parameters(paramLabel = "SHELL", description = "bash or zsh.")
  Shell shell;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    // One script for both shells: under zsh it loads bashcompinit itself.
    String script = AutoComplete.bash("vsm", root);
    spec.commandLine().getOut().print(script);
    spec.commandLine().getOut().flush();
    return ExitCode.SUCCESS;
  }
}
