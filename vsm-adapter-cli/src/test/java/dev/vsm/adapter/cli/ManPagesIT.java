package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The build leaves one man page per command in target/man/man1, where the distribution takes them.
 */
class ManPagesIT {

  @Test
  void every_command_has_its_man_page() throws IOException {
    Path man1 = Path.of(System.getProperty("vsm.jar")).resolveSibling("man").resolve("man1");
    for (String command : Subcommands.names()) {
      if (command.equals("help") || command.equals("analyse")) {
        continue;
      }
      Path page = man1.resolve("vsm-" + command + ".1");
      assertThat(page).as(command).exists();
      assertThat(Files.readString(page))
          .contains(".TH \"VSM\\-" + command.toUpperCase(java.util.Locale.ROOT));
    }
    String top = Files.readString(man1.resolve("vsm.1"));
    assertThat(top).contains("EXIT CODES", "EXAMPLES", "Environment:", "VSM_CLAUDE_COMMAND");
  }
}
