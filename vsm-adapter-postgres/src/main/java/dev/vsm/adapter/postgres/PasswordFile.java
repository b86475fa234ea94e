package dev.vsm.adapter.postgres;

import dev.vsm.application.port.out.Diagnostics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The password file of libpq ({@code ~/.pgpass}): lines of {@code
 * host:port:database:user:password}, {@code *} matching anything, {@code \:} and {@code \\}
 * escaping; the first matching line wins. As libpq does, a file that others may read is ignored,
 * with a warning.
 */
final class PasswordFile {

  private final Path file;
  private final Diagnostics diagnostics;

  PasswordFile(Path file, Diagnostics diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** The password for this connection, or null. */
  String lookup(String host, int port, String database, String user) {
    List<String> lines;
    try {
      if (!Files.isRegularFile(file)) {
        return null;
      }
      if (readableByOthers()) {
        diagnostics.warn(
            "warning: password file "
                + file
                + " is readable by group or others and is ignored (chmod 600 it)");
        return null;
      }
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      diagnostics.warn("warning: cannot read password file " + file + ": " + e.getMessage());
      return null;
    }
    String[] wanted = {host, String.valueOf(port), database, user};
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      List<String> fields = fields(line);
      if (fields.size() < 5) {
        continue;
      }
      boolean match = true;
      for (int i = 0; i < 4 && match; i++) {
        String f = fields.get(i);
        match = f.equals("*") || f.equals(wanted[i]);
      }
      if (match) {
        return fields.get(4);
      }
    }
    return null;
  }

  private boolean readableByOthers() throws IOException {
    try {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
      return perms.contains(PosixFilePermission.GROUP_READ)
          || perms.contains(PosixFilePermission.OTHERS_READ);
    } catch (UnsupportedOperationException notPosix) {
      return false;
    }
  }

  /** Splits on unescaped colons; the fifth field takes the rest of the line. */
  private static List<String> fields(String line) {
    List<String> out = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        current.append(line.charAt(++i));
      } else if (c == ':' && out.size() < 4) {
        out.add(current.toString());
        current.setLength(0);
      } else {
        current.append(c);
      }
    }
    out.add(current.toString());
    return out;
  }
}
