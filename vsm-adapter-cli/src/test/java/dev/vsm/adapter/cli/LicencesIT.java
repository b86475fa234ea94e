package dev.vsm.adapter.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The runnable jar's licences: vsm's own as {@code META-INF/LICENSE}, the bundled libraries' NOTICE
 * files whole, and every class it bundles either vsm's or of a library that {@code
 * THIRD-PARTY-NOTICES.txt} names with its licence.
 */
class LicencesIT {

  private static final Path ROOT = Path.of("..");

  private static String text(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertThat(entry).as(name + " in the jar").isNotNull();
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  /** The NOTICE file of the jar {@code library} comes from, as Apache-licensed jars carry it. */
  private static String noticeOf(Class<?> library) throws IOException {
    Path jarPath;
    try {
      jarPath = Path.of(library.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IOException(e);
    }
    try (JarFile jar = new JarFile(jarPath.toFile())) {
      return text(jar, "META-INF/NOTICE").strip();
    }
  }

  /** The packages of the {@code Packages:} lines of the notices. */
  private static List<String> listedPackages(String notices) {
    List<String> packages = new ArrayList<>();
    for (String line : notices.lines().toList()) {
      String l = line.strip();
      if (l.startsWith("Packages:")) {
        for (String p : l.substring("Packages:".length()).split(",")) {
          packages.add(p.strip());
        }
      }
    }
    return packages;
  }

  @Test
  void the_jar_carries_vsms_licence_the_merged_notices_and_the_third_party_notices()
      throws IOException {
    try (JarFile jar = new JarFile(System.getProperty("vsm.jar"))) {
      assertThat(text(jar, "META-INF/LICENSE"))
          .isEqualTo(Files.readString(ROOT.resolve("LICENSE")))
          .startsWith("MIT License");
      assertThat(text(jar, "META-INF/THIRD-PARTY-NOTICES.txt"))
          .isEqualTo(Files.readString(ROOT.resolve("THIRD-PARTY-NOTICES.txt")));
      String notice = text(jar, "META-INF/NOTICE");
      assertThat(notice).doesNotContain("Apache Software Foundation");
      for (Class<?> library :
          List.of(
              tools.jackson.core.JsonParser.class,
              tools.jackson.databind.json.JsonMapper.class,
              com.fasterxml.jackson.annotation.JsonProperty.class)) {
        assertThat(notice).as("the NOTICE of " + library).contains(noticeOf(library));
      }
      assertThat(jar.getJarEntry("META-INF/LICENSE.txt")).as("another library's").isNull();
    }
  }

  @Test
  void every_class_in_the_jar_is_vsms_or_of_a_library_the_notices_name() throws IOException {
    String notices = Files.readString(ROOT.resolve("THIRD-PARTY-NOTICES.txt"));
    List<String> listed = listedPackages(notices);
    assertThat(listed).isNotEmpty();
    Set<String> unnamed = new TreeSet<>();
    Set<String> used = new TreeSet<>();
    try (JarFile jar = new JarFile(System.getProperty("vsm.jar"))) {
      for (JarEntry e : Collections.list(jar.entries())) {
        String name = e.getName().replaceFirst("^META-INF/versions/\\d+/", "");
        if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
          continue;
        }
        String pkg = name.contains("/") ? name.substring(0, name.lastIndexOf('/')) : "";
        pkg = pkg.replace('/', '.');
        if (pkg.equals("dev.vsm") || pkg.startsWith("dev.vsm.")) {
          continue;
        }
        String p = pkg;
        listed.stream()
            .filter(l -> p.equals(l) || p.startsWith(l + "."))
            .findFirst()
            .ifPresentOrElse(used::add, () -> unnamed.add(p));
      }
    }
    assertThat(unnamed).as("packages the notices do not name").isEmpty();
    assertThat(used)
        .as("every library named is in the jar")
        .containsExactlyInAnyOrderElementsOf(listed);
    assertThat(notices)
        .contains("Apache License", "Version 2.0, January 2004")
        .contains("BSD 2-Clause License of the PostgreSQL JDBC Driver")
        .contains("MIT License of the Checker Framework qualifiers");
  }
}
