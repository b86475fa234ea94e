package dev.vsm.adapter.postgres;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the team store is and who connects: a libpq-style URL ({@code postgresql://user:password@
 * host:port/database?sslmode=…}) completed by the usual {@code PG*} variables and the password
 * file, as {@code psql} would. The password is kept apart and never part of {@link #toString()}.
 */
final class StoreLocation {

  /** The URL parameters understood, and the driver property each becomes. */
  private static final Map<String, String> PARAMETERS =
      Map.of(
          "sslmode", "sslmode",
          "sslrootcert", "sslrootcert",
          "connect_timeout", "connectTimeout",
          "application_name", "ApplicationName");

  final String host;
  final int port;
  final String database;
  final String user;
  private final String password;
  private final Map<String, String> options;

  private StoreLocation(
      String host,
      int port,
      String database,
      String user,
      String password,
      Map<String, String> options) {
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
    this.options = options;
  }

  static boolean isStoreUrl(String text) {
    return text != null && (text.startsWith("postgresql://") || text.startsWith("postgres://"));
  }

  /**
   * Reads {@code url}; what it leaves out comes from {@code environment} ({@code PGHOST}, {@code
   * PGPORT}, {@code PGDATABASE}, {@code PGUSER}, {@code PGPASSWORD}, {@code PGSSLMODE}, {@code
   * PGCONNECT_TIMEOUT}) and then from the password file ({@code PGPASSFILE}, else {@code
   * ~/.pgpass}).
   *
   * @throws IllegalArgumentException naming what is wrong with the URL, never quoting a password
   */
  static StoreLocation parse(String url, Map<String, String> environment, PasswordFile passwords) {
    if (!isStoreUrl(url)) {
      throw new IllegalArgumentException(
          "a store URL starts with postgresql:// (e.g. postgresql://vsm@db.example:5432/vsm)");
    }
    String rest = url.substring(url.indexOf("://") + 3);
    // The user name and password come first and run to the last @, so a password may hold @, :,
    // / and ? as they are. They are split off before anything else is read: no message below can
    // quote a part of them.
    String userInfo = null;
    int at = rest.lastIndexOf('@');
    if (at >= 0) {
      userInfo = rest.substring(0, at);
      rest = rest.substring(at + 1);
    }
    String user = null;
    String password = null;
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String userText = colon >= 0 ? userInfo.substring(0, colon) : userInfo;
      if (userText.contains("/") || userText.contains("?")) {
        throw new IllegalArgumentException(
            "the store URL's user name cannot hold / or ? (an @ in the database name or a"
                + " parameter is written %40)");
      }
      user = decode(userText, "user name");
      if (colon >= 0) {
        password = decode(userInfo.substring(colon + 1), "password");
      }
    }
    String query = "";
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = rest.substring(q + 1);
      rest = rest.substring(0, q);
    }
    String path = "";
    int slash = rest.indexOf('/');
    if (slash >= 0) {
      path = rest.substring(slash + 1);
      rest = rest.substring(0, slash);
    }
    String host = rest;
    String portText = null;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("the store URL's IPv6 host lacks its closing ]");
      }
      portText =
          host.length() > close + 1 && host.charAt(close + 1) == ':'
              ? host.substring(close + 2)
              : null;
      host = host.substring(1, close);
    } else if (host.contains(":")) {
      portText = host.substring(host.indexOf(':') + 1);
      host = host.substring(0, host.indexOf(':'));
    }
    if (host.contains(",")) {
      throw new IllegalArgumentException("the store URL names several hosts; give one");
    }
    host = decode(host, "host");

    Map<String, String> options = new LinkedHashMap<>();
    if (!query.isEmpty()) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        String key = eq >= 0 ? pair.substring(0, eq) : pair;
        String value = eq >= 0 ? decode(pair.substring(eq + 1), key) : "";
        String property = PARAMETERS.get(key);
        if (property == null) {
          throw new IllegalArgumentException(
              "the store URL's parameter '"
                  + key
                  + "' is not supported (supported: "
                  + String.join(", ", new java.util.TreeSet<>(PARAMETERS.keySet()))
                  + ")");
        }
        options.put(property, value);
      }
    }

    host = orElse(host, environment.get("PGHOST"), "localhost");
    if (host.startsWith("/")) {
      throw new IllegalArgumentException(
          "the store's host is a socket directory; give a host name (e.g. localhost)");
    }
    int port = port(orElse(portText, environment.get("PGPORT"), "5432"));
    user = orElse(user, environment.get("PGUSER"), System.getProperty("user.name"));
    String database = orElse(decode(path, "database"), environment.get("PGDATABASE"), user);
    options.putIfAbsent("sslmode", orElse(null, environment.get("PGSSLMODE"), "prefer"));
    options.putIfAbsent("connectTimeout", orElse(null, environment.get("PGCONNECT_TIMEOUT"), "10"));
    options.putIfAbsent("ApplicationName", "vsm");
    // A batch of inserts (importing a log) goes as multi-row statements: several times faster.
    options.put("reWriteBatchedInserts", "true");
    if (password == null) {
      password = blankToNull(environment.get("PGPASSWORD"));
    }
    if (password == null) {
      password = passwords.lookup(host, port, database, user);
    }
    return new StoreLocation(host, port, database, user, password, Map.copyOf(options));
  }

  /** The default password file: {@code PGPASSFILE}, else {@code .pgpass} in the home directory. */
  static Path passwordFile(Map<String, String> environment) {
    String file = blankToNull(environment.get("PGPASSFILE"));
    if (file != null) {
      return Path.of(file);
    }
    String home = orElse(null, environment.get("HOME"), System.getProperty("user.home"));
    return Path.of(home, ".pgpass");
  }

  String jdbcUrl() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "jdbc:postgresql://" + h + ":" + port + "/" + encode(database);
  }

  /** The driver's connection properties, the password among them. */
  Properties properties() {
    Properties p = new Properties();
    p.putAll(options);
    p.setProperty("user", user);
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }

  boolean hasPassword() {
    return password != null;
  }

  /** The URL without its password, for messages: {@code postgresql://user@host:port/database}. */
  @Override
  public String toString() {
    String h = host.contains(":") ? "[" + host + "]" : host;
    return "postgresql://" + user + "@" + h + ":" + port + "/" + database;
  }

  private static int port(String text) {
    try {
      int p = Integer.parseInt(text);
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the store's port '" + text + "' is not a port number");
    }
  }

  private static String decode(String text, String what) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "the store URL's " + what + " has a bad %-escape (write % as %25)");
    }
  }

  private static String encode(String text) {
    return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String orElse(String first, String second, String fallback) {
    String a = blankToNull(first);
    if (a != null) {
      return a;
    }
    String b = blankToNull(second);
    return b != null ? b : fallback;
  }

  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}
