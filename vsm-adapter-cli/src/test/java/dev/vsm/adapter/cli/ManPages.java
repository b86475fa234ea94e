package dev.vsm.adapter.cli;

import dev.vsm.application.port.in.CycleCancellation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Writes one AsciiDoc man page per command (vsm.adoc, vsm-run.adoc, …) from the very command line
 * vsm runs, help sections included; the build turns them into man pages (target/man/man1). Run by
 * the build with the output directory as its argument.
 */
public final class ManPages {

  private ManPages() {}

  public static void main(String[] args) throws IOException {
    CommandLine cmd =
        Main.commandLine(
            new VsmCommand.Context(
                Map.of(), InputStream.nullInputStream(), new CycleCancellation(), Terminal.NONE),
            "help"); // help's command line has every subcommand
    // The help subcommand documents nothing of its own.
    cmd.getCommandSpec().removeSubcommand("help");
    int code =
        ManPageGenerator.generateManPage(
            new File(args[0]), null, new boolean[0], true, cmd.getCommandSpec());
    if (code != 0) {
      throw new IOException("the man page generator failed (" + code + ")");
    }
  }
}
