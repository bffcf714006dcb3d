package com.backordergateway.server.plugins;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds real PF4J plugin jars in a test folder: compiles Java sources against the test class
 * path (which has the SPI and PF4J), writes the manifest and the extensions index, and can leave
 * compiled classes out to make a jar with a missing class.
 */
public final class PluginJarBuilder {

  private final Path workDir;
  private final Map<String, String> manifest = new LinkedHashMap<>();
  private final Map<String, String> sources = new LinkedHashMap<>();
  private final Set<String> extensions = new LinkedHashSet<>();
  private final Set<String> omitted = new LinkedHashSet<>();
  private final Map<String, String> resources = new LinkedHashMap<>();

  public PluginJarBuilder(Path workDir, String pluginId, String version) {
    this.workDir = workDir;
    manifest.put("Plugin-Id", pluginId);
    manifest.put("Plugin-Version", version);
    manifest.put("Plugin-Requires", ">=1.0.0 & <2.0.0");
    manifest.put("Plugin-Provider", "tests");
  }

  public PluginJarBuilder manifest(String key, String value) {
    if (value == null) {
      manifest.remove(key);
    } else {
      manifest.put(key, value);
    }
    return this;
  }

  /** Adds a source file; {@code className} is fully qualified. */
  public PluginJarBuilder source(String className, String code) {
    sources.put(className, code);
    return this;
  }

  /** Adds a source file and lists it in META-INF/extensions.idx. */
  public PluginJarBuilder extension(String className, String code) {
    extensions.add(className);
    return source(className, code);
  }

  /** Adds a text resource, e.g. {@code templates/staff-alert.mustache}. */
  public PluginJarBuilder resource(String path, String text) {
    resources.put(path, text);
    return this;
  }

  /** Compiles the class but leaves it out of the jar. */
  public PluginJarBuilder omit(String className) {
    omitted.add(className);
    return this;
  }

  /** Writes the jar to {@code target} and returns it. */
  public Path writeTo(Path target) {
    try {
      Path classes = Files.createTempDirectory(workDir, "classes");
      compile(classes);
      Files.createDirectories(target.getParent());
      Manifest mf = new Manifest();
      mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
      manifest.forEach((k, v) -> mf.getMainAttributes().putValue(k, v));
      try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(target), mf);
          Stream<Path> files = Files.walk(classes)) {
        for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
          String name = classes.relativize(file).toString().replace('\\', '/');
          String className = name.replace('/', '.').replaceAll("\\.class$", "").replaceAll("\\$.*", "");
          if (!omitted.contains(className)) {
            jar.putNextEntry(new JarEntry(name));
            Files.copy(file, jar);
            jar.closeEntry();
          }
        }
        for (Map.Entry<String, String> resource : resources.entrySet()) {
          jar.putNextEntry(new JarEntry(resource.getKey()));
          jar.write(resource.getValue().getBytes(StandardCharsets.UTF_8));
          jar.closeEntry();
        }
        if (!extensions.isEmpty()) {
          jar.putNextEntry(new JarEntry("META-INF/extensions.idx"));
          jar.write(String.join("\n", extensions).concat("\n").getBytes(StandardCharsets.UTF_8));
          jar.closeEntry();
        }
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void compile(Path out) throws IOException {
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    List<SimpleJavaFileObject> units = new ArrayList<>();
    sources.forEach((name, code) -> units.add(new SimpleJavaFileObject(
        URI.create("string:///" + name.replace('.', '/') + ".java"), SimpleJavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return code;
      }
    }));
    try (StandardJavaFileManager files = compiler.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
      List<String> options = List.of("-d", out.toString(), "-classpath", System.getProperty("java.class.path"),
          "-proc:none", "--release", "17");
      StringBuilderWriter errors = new StringBuilderWriter();
      if (!compiler.getTask(errors, files, null, options, null, units).call()) {
        throw new IllegalStateException("test plugin did not compile:\n" + errors);
      }
    }
  }

  /** Collects compiler messages. */
  private static final class StringBuilderWriter extends java.io.Writer {
    private final StringBuilder text = new StringBuilder();

    @Override
    public void write(char[] buffer, int offset, int length) {
      text.append(buffer, offset, length);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    @Override
    public String toString() {
      return text.toString();
    }
  }

}
