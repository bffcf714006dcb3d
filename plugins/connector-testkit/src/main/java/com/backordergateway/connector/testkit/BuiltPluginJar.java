package com.backordergateway.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.ConnectorApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.pf4j.DefaultPluginManager;
import org.pf4j.DefaultVersionManager;
import org.pf4j.PluginManager;

/**
 * A packaged connector plugin jar, read as the host will read it: its {@code Plugin-*} manifest
 * entries, its {@code META-INF/extensions.idx}, and whether it bundles classes the host provides
 * (which would shadow the host's copies and break the SPI's identity). {@link #start} loads it
 * with PF4J as the gateway does.
 *
 * <p>The plugins parent pom runs each plugin's {@code *IT} tests after {@code package}, with the
 * jar's path in the {@value #PATH_PROPERTY} system property: {@link #fromBuild()}.
 */
public final class BuiltPluginJar {

  /** The system property naming the built jar. */
  public static final String PATH_PROPERTY = "plugin.jar";

  /** Packages the host loads parent-first; a plugin jar must not carry them. */
  public static final List<String> HOST_PACKAGES = List.of(
      "com/backordergateway/connector/api/", "org/pf4j/", "org/slf4j/", "com/fasterxml/",
      "com/google/protobuf/", "com/github/zafarkhaja/semver/");

  private static final String EXTENSIONS_INDEX = "META-INF/extensions.idx";

  private final Path path;

  private BuiltPluginJar(Path path) {
    this.path = path;
  }

  /** The jar this build produced, as named by the {@value #PATH_PROPERTY} system property. */
  public static BuiltPluginJar fromBuild() {
    String named = System.getProperty(PATH_PROPERTY);
    if (named == null || named.isBlank()) {
      throw new IllegalStateException(
          "system property " + PATH_PROPERTY + " is not set: run this test with failsafe after package");
    }
    return at(Path.of(named));
  }

  public static BuiltPluginJar at(Path jar) {
    Objects.requireNonNull(jar, "jar is null");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no plugin jar at " + jar);
    }
    return new BuiltPluginJar(jar);
  }

  public Path path() {
    return path;
  }

  /** The manifest's {@code Plugin-*} entries, by name. */
  public TreeMap<String, String> pluginManifest() {
    try (JarFile jar = new JarFile(path.toFile())) {
      TreeMap<String, String> plugin = new TreeMap<>();
      if (jar.getManifest() != null) {
        for (var entry : jar.getManifest().getMainAttributes().entrySet()) {
          String name = ((Attributes.Name) entry.getKey()).toString();
          if (name.startsWith("Plugin-")) {
            plugin.put(name, (String) entry.getValue());
          }
        }
      }
      return plugin;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** The extension classes PF4J will find, from {@code META-INF/extensions.idx}. */
  public List<String> extensions() {
    try (JarFile jar = new JarFile(path.toFile())) {
      JarEntry index = jar.getJarEntry(EXTENSIONS_INDEX);
      if (index == null) {
        return List.of();
      }
      try (InputStream in = jar.getInputStream(index)) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
            .map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /** Entries under {@link #HOST_PACKAGES}: classes the host provides that the jar carries too. */
  public List<String> bundledHostClasses() {
    try (JarFile jar = new JarFile(path.toFile())) {
      List<String> found = new ArrayList<>();
      for (JarEntry entry : Collections.list(jar.entries())) {
        if (HOST_PACKAGES.stream().anyMatch(entry.getName()::startsWith) && !entry.isDirectory()) {
          found.add(entry.getName());
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + path, e);
    }
  }

  /**
   * Fails the test unless the jar is a well-formed plugin {@code pluginId} offering {@code
   * extensionClass}: complete manifest with a plain semantic version, a {@code Plugin-Requires}
   * this SPI version satisfies, the extension indexed, and no host classes bundled.
   */
  public void assertWellFormedPlugin(String pluginId, String extensionClass) {
    TreeMap<String, String> manifest = pluginManifest();
    assertThat(manifest).as("Plugin-* manifest entries of %s", path)
        .containsEntry("Plugin-Id", pluginId)
        .containsKeys("Plugin-Version", "Plugin-Requires", "Plugin-Provider", "Plugin-Description");
    assertThat(manifest.get("Plugin-Version")).as("Plugin-Version").matches("\\d+\\.\\d+\\.\\d+");
    assertThat(manifest.get("Plugin-Provider")).as("Plugin-Provider").isNotBlank();
    assertThat(manifest.get("Plugin-Description")).as("Plugin-Description").isNotBlank();
    assertThat(new DefaultVersionManager().checkVersionConstraint(ConnectorApi.VERSION, manifest.get("Plugin-Requires")))
        .as("SPI %s satisfies Plugin-Requires %s", ConnectorApi.VERSION, manifest.get("Plugin-Requires")).isTrue();
    assertThat(extensions()).as(EXTENSIONS_INDEX).contains(extensionClass);
    assertThat(bundledHostClasses()).as("host classes bundled in %s", path).isEmpty();
  }

  /** Copies the jar into {@code pluginsDir} and starts it with PF4J, reporting this SPI's version. */
  public HostedPlugin start(Path pluginsDir) {
    return start(pluginsDir, ConnectorApi.VERSION);
  }

  /**
   * Copies the jar into {@code pluginsDir} and loads it as a host reporting {@code systemVersion}
   * would: a plugin whose {@code Plugin-Requires} refuses that version stays unstarted.
   */
  public HostedPlugin start(Path pluginsDir, String systemVersion) {
    try {
      Files.createDirectories(pluginsDir);
      Files.copy(path, pluginsDir.resolve(path.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot copy " + path + " to " + pluginsDir, e);
    }
    PluginManager manager = new DefaultPluginManager(pluginsDir);
    manager.setSystemVersion(systemVersion);
    manager.loadPlugins();
    manager.startPlugins();
    return new HostedPlugin(manager, pluginManifest().get("Plugin-Id"));
  }

  @Override
  public String toString() {
    return "BuiltPluginJar[" + path + "]";
  }
}
