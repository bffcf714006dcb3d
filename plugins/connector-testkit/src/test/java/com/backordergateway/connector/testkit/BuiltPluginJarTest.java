package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks on a packaged plugin, run on small jars written here. */
class BuiltPluginJarTest {

  private static final String EXTENSION = "com.example.plugins.demo.DemoConnector";

  @TempDir
  Path dir;

  @Test
  void wellFormedJarPasses() throws IOException {
    BuiltPluginJar jar = BuiltPluginJar.at(write(manifest(Map.of()), true, "com/example/plugins/demo/DemoConnector.class"));
    jar.assertWellFormedPlugin("demo", EXTENSION);
    assertThat(jar.pluginManifest()).containsEntry("Plugin-Id", "demo").containsEntry("Plugin-Version", "1.2.3");
    assertThat(jar.extensions()).containsExactly(EXTENSION);
    assertThat(jar.bundledHostClasses()).isEmpty();
  }

  @Test
  void bundledHostClassesAreNamed() throws IOException {
    BuiltPluginJar jar = BuiltPluginJar.at(write(manifest(Map.of()), true,
        "org/slf4j/Logger.class", "com/fasterxml/jackson/databind/ObjectMapper.class",
        "com/backordergateway/connector/api/Connector.class", "org/pf4j/Extension.class"));
    assertThat(jar.bundledHostClasses()).containsExactlyInAnyOrder("org/slf4j/Logger.class",
        "com/fasterxml/jackson/databind/ObjectMapper.class", "com/backordergateway/connector/api/Connector.class",
        "org/pf4j/Extension.class");
    assertThatThrownBy(() -> jar.assertWellFormedPlugin("demo", EXTENSION))
        .isInstanceOf(AssertionError.class).hasMessageContaining("org/slf4j/Logger.class");
  }

  @Test
  void missingExtensionIndexFails() throws IOException {
    BuiltPluginJar jar = BuiltPluginJar.at(write(manifest(Map.of()), false));
    assertThat(jar.extensions()).isEmpty();
    assertThatThrownBy(() -> jar.assertWellFormedPlugin("demo", EXTENSION))
        .isInstanceOf(AssertionError.class).hasMessageContaining("extensions.idx");
  }

  @Test
  void snapshotVersionFails() throws IOException {
    BuiltPluginJar jar = BuiltPluginJar.at(write(manifest(Map.of("Plugin-Version", "1.2.3-SNAPSHOT")), true));
    assertThatThrownBy(() -> jar.assertWellFormedPlugin("demo", EXTENSION))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Plugin-Version");
  }

  @Test
  void requiresThatExcludesThisSpiFails() throws IOException {
    BuiltPluginJar jar = BuiltPluginJar.at(write(manifest(Map.of("Plugin-Requires", ">=2.0.0")), true));
    assertThatThrownBy(() -> jar.assertWellFormedPlugin("demo", EXTENSION))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Plugin-Requires");
  }

  @Test
  void wrongIdOrMissingEntriesFail() throws IOException {
    BuiltPluginJar jar = BuiltPluginJar.at(write(manifest(Map.of("Plugin-Provider", "")), true));
    assertThatThrownBy(() -> jar.assertWellFormedPlugin("other", EXTENSION)).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> jar.assertWellFormedPlugin("demo", EXTENSION))
        .isInstanceOf(AssertionError.class).hasMessageContaining("Plugin-Provider");
  }

  @Test
  void fromBuildNeedsTheSystemPropertyAndAFile() {
    String before = System.getProperty(BuiltPluginJar.PATH_PROPERTY);
    try {
      System.clearProperty(BuiltPluginJar.PATH_PROPERTY);
      assertThatThrownBy(BuiltPluginJar::fromBuild).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(BuiltPluginJar.PATH_PROPERTY);
      System.setProperty(BuiltPluginJar.PATH_PROPERTY, dir.resolve("absent.jar").toString());
      assertThatThrownBy(BuiltPluginJar::fromBuild).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("absent.jar");
    } finally {
      if (before == null) {
        System.clearProperty(BuiltPluginJar.PATH_PROPERTY);
      } else {
        System.setProperty(BuiltPluginJar.PATH_PROPERTY, before);
      }
    }
  }

  private static Manifest manifest(Map<String, String> overrides) {
    Map<String, String> entries = new TreeMap<>(Map.of(
        "Plugin-Id", "demo", "Plugin-Version", "1.2.3", "Plugin-Requires", ">=1.1.0 & <2.0.0",
        "Plugin-Provider", "Backorder Gateway", "Plugin-Description", "A demo plugin"));
    entries.putAll(overrides);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    entries.forEach((name, value) -> manifest.getMainAttributes().putValue(name, value));
    return manifest;
  }

  private Path write(Manifest manifest, boolean withIndex, String... classes) throws IOException {
    Path jar = Files.createTempFile(dir, "plugin", ".jar");
    try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
      if (withIndex) {
        out.putNextEntry(new JarEntry("META-INF/extensions.idx"));
        out.write(("# Generated by PF4J\n" + EXTENSION + "\n").getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
      }
      for (String name : classes) {
        out.putNextEntry(new JarEntry(name));
        out.write(new byte[] {(byte) 0xCA, (byte) 0xFE});
        out.closeEntry();
      }
    }
    return jar;
  }
}
