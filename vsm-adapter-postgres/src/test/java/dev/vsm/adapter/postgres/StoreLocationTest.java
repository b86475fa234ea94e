package dev.vsm.adapter.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a store URL the way psql would: URL first, then PG* variables, then the password file.
 */
class StoreLocationTest {

  @TempDir Path home;
  private final List<String> warnings = new ArrayList<>();

  private StoreLocation parse(String url, Map<String, String> env) {
    return StoreLocation.parse(
        url, env, new PasswordFile(StoreLocation.passwordFile(env), warnings::add));
  }

  private Map<String, String> env(String... pairs) {
    Map<String, String> m = new java.util.HashMap<>();
    m.put("HOME", home.toString());
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void a_full_url_gives_host_port_database_user_and_password() {
    StoreLocation l =
        parse("postgresql://alice:s%3Acret%40x@db.example:6543/team?sslmode=require", env());

    assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/team");
    assertThat(l.properties())
        .containsEntry("user", "alice")
        .containsEntry("password", "s:cret@x")
        .containsEntry("sslmode", "require")
        .containsEntry("ApplicationName", "vsm");
    assertThat(l.toString()).isEqualTo("postgresql://alice@db.example:6543/team");
  }

  @Test
  void the_user_name_and_password_run_to_the_last_at_sign_so_a_password_may_hold_any_of_them() {
    for (String password : List.of("se/cret", "4321/cret", "se?cret", "p@ss:w/o?rd", "a@b/c")) {
      StoreLocation l =
          parse("postgresql://vsm:" + password + "@127.0.0.1:6543/team?sslmode=require", env());

      assertThat(l.properties())
          .as(password)
          .containsEntry("user", "vsm")
          .containsEntry("password", password)
          .containsEntry("sslmode", "require");
      assertThat(l.toString()).as(password).isEqualTo("postgresql://vsm@127.0.0.1:6543/team");
    }
  }

  @Test
  void what_the_url_leaves_out_comes_from_the_pg_variables() {
    StoreLocation l =
        parse(
            "postgresql://",
            env(
                "PGHOST", "pg.internal",
                "PGPORT", "5433",
                "PGDATABASE", "vsm",
                "PGUSER", "bob",
                "PGPASSWORD", "hunter2",
                "PGSSLMODE", "verify-full"));

    assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://pg.internal:5433/vsm");
    assertThat(l.properties())
        .containsEntry("user", "bob")
        .containsEntry("password", "hunter2")
        .containsEntry("sslmode", "verify-full");
  }

  @Test
  void the_url_wins_over_the_variables_and_the_database_defaults_to_the_user() {
    StoreLocation l = parse("postgres://carol@localhost", env("PGUSER", "bob", "PGPORT", "7000"));

    assertThat(l.user).isEqualTo("carol");
    assertThat(l.port).isEqualTo(7000);
    assertThat(l.database).isEqualTo("carol");
    assertThat(l.hasPassword()).isFalse();
  }

  @Test
  void an_ipv6_host_keeps_its_brackets_in_the_driver_url() {
    StoreLocation l = parse("postgresql://u:p@[::1]:5439/d", env());
    assertThat(l.jdbcUrl()).isEqualTo("jdbc:postgresql://[::1]:5439/d");
  }

  @Test
  void the_password_file_gives_the_first_matching_line_with_wildcards_and_escapes()
      throws IOException {
    pgpass(
        "# host:port:database:user:password",
        "other:5432:*:dave:wrong",
        "db.example:*:team:dave:first\\:one\\\\",
        "*:*:*:dave:second");

    assertThat(parse("postgresql://dave@db.example/team", env()).properties())
        .containsEntry("password", "first:one\\");
    assertThat(parse("postgresql://dave@elsewhere/x", env()).properties())
        .containsEntry("password", "second");
    assertThat(parse("postgresql://erin@db.example/team", env()).hasPassword()).isFalse();
  }

  @Test
  void pgpassword_comes_before_the_password_file_and_pgpassfile_moves_it() throws IOException {
    Path file = home.resolve("elsewhere.pgpass");
    Files.writeString(file, "*:*:*:*:from-file\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    assertThat(parse("postgresql://u@h/d", env("PGPASSFILE", file.toString())).properties())
        .containsEntry("password", "from-file");
    assertThat(
            parse("postgresql://u@h/d", env("PGPASSFILE", file.toString(), "PGPASSWORD", "env"))
                .properties())
        .containsEntry("password", "env");
  }

  @Test
  void a_password_file_others_can_read_is_ignored_with_a_warning() throws IOException {
    Path file = pgpass("*:*:*:*:secret");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    assertThat(parse("postgresql://u@h/d", env()).hasPassword()).isFalse();
    assertThat(warnings).singleElement().asString().contains(file.toString()).contains("chmod 600");
  }

  @Test
  void bad_urls_are_refused_with_a_reason_that_never_quotes_the_password() {
    assertThatThrownBy(() -> parse("mysql://u:pw1@h/d", env()))
        .hasMessageContaining("postgresql://")
        .hasMessageNotContaining("pw1");
    assertThatThrownBy(() -> parse("postgresql://u:pw2@h:99999/d", env()))
        .hasMessageContaining("99999")
        .hasMessageNotContaining("pw2");
    assertThatThrownBy(() -> parse("postgresql://u:pw3@h/d?sslmode=require&pool=9", env()))
        .hasMessageContaining("'pool'")
        .hasMessageContaining("sslmode")
        .hasMessageNotContaining("pw3");
    assertThatThrownBy(() -> parse("postgresql://u:pw4@a,b/d", env()))
        .hasMessageContaining("several hosts")
        .hasMessageNotContaining("pw4");
    assertThatThrownBy(() -> parse("postgresql://u:pw%zz5@h/d", env()))
        .hasMessageContaining("%-escape")
        .hasMessageNotContaining("pw%zz5");
    assertThatThrownBy(() -> parse("postgresql://u:pw6@%2Ftmp/d", env()))
        .hasMessageContaining("socket directory")
        .hasMessageNotContaining("pw6");
    // Unescaped / and ? in a password: whatever else is wrong, no part of the password shows.
    assertThatThrownBy(() -> parse("postgresql://vsm:se/cret@127.0.0.1:99999/team", env()))
        .hasMessageContaining("99999")
        .hasMessageNotContaining("se")
        .hasMessageNotContaining("cret");
    assertThatThrownBy(() -> parse("postgresql://vsm:4321/cret@127.0.0.1:x/team", env()))
        .hasMessageContaining("'x'")
        .hasMessageNotContaining("4321")
        .hasMessageNotContaining("cret");
    assertThatThrownBy(() -> parse("postgresql://vsm:se?cret@127.0.0.1/team?pool=9", env()))
        .hasMessageContaining("'pool'")
        .hasMessageNotContaining("cret");
    assertThatThrownBy(() -> parse("postgresql://vsm:se/c%zzret@127.0.0.1/team", env()))
        .hasMessageContaining("password has a bad %-escape")
        .hasMessageNotContaining("cret");
    // An @ after the host that is not %40-escaped cannot end a user name holding / or ?.
    assertThatThrownBy(() -> parse("postgresql://h/d?application_name=a@b", env()))
        .hasMessageContaining("%40")
        .hasMessageNotContaining("application_name");
  }

  private Path pgpass(String... lines) throws IOException {
    Path file = home.resolve(".pgpass");
    Files.write(file, List.of(lines));
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    return file;
  }
}
