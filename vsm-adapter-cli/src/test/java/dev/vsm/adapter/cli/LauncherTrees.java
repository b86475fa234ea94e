package dev.vsm.adapter.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Copies of the project's layout that the {@code ./vsm} launcher is run in, with stand-ins. */
final class LauncherTrees {

  private LauncherTrees() {}

  /**
   * The project's launcher copied into {@code tree}, where it takes {@code tree} as the project.
   */
  static void copyLauncher(Path tree) throws IOException {
    Path launcher = Path.of("").toAbsolutePath().getParent().resolve("vsm");
    Files.copy(launcher, tree.resolve("vsm"), StandardCopyOption.COPY_ATTRIBUTES);
  }

  /** An executable script at {@code file} (a stand-in for mvn or java). */
  static void script(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
