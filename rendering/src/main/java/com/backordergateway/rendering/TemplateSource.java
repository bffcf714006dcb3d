package com.backordergateway.rendering;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A set of template files read once: a folder (operator overrides, or a module's resources in
 * tests), or the {@code templates/} folder inside a plugin jar. Files are keyed by their path
 * relative to the template root, e.g. {@code stock-depleted/customer-notice.mustache}.
 */
public final class TemplateSource {

  private final String label;
  private final Map<String, String> files;
  private final Locale language;

  private TemplateSource(String label, Map<String, String> files, Locale language) {
    this.label = label;
    this.files = Map.copyOf(files);
    this.language = language;
  }

  private TemplateSource(String label, Map<String, String> files) {
    this(label, files, Locale.ENGLISH);
  }

  /**
   * The same files, whose untagged ones ({@code customer-notice.mustache}) are written in {@code
   * locale}: English for the gateway's and the plugins' own, the store's language for an
   * operator's overrides. Dates in a template follow its language.
   */
  public TemplateSource writtenIn(Locale locale) {
    return new TemplateSource(label, files, locale);
  }

  /** The language of the untagged files. */
  public Locale language() {
    return language;
  }

  /** Every {@code *.mustache} under {@code root}; an absent folder is an empty source. */
  public static TemplateSource folder(Path root) {
    Map<String, String> files = new TreeMap<>();
    if (Files.isDirectory(root)) {
      read(root, files);
    }
    return new TemplateSource(root.toString(), files);
  }

  /** Every {@code *.mustache} under {@code templates/} inside a jar. */
  public static TemplateSource jar(Path jar) {
    Map<String, String> files = new TreeMap<>();
    try (FileSystem zip = FileSystems.newFileSystem(jar)) {
      Path root = zip.getPath("/templates");
      if (Files.isDirectory(root)) {
        read(root, files);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read templates in " + jar.getFileName(), e);
    }
    return new TemplateSource(jar.getFileName() + "!/templates", files);
  }

  /** Templates given directly (the gateway's own defaults, tests). */
  public static TemplateSource of(String label, Map<String, String> files) {
    return new TemplateSource(label, files);
  }

  private static void read(Path root, Map<String, String> into) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path file : (Iterable<Path>) walk::iterator) {
        if (Files.isRegularFile(file) && file.getFileName().toString().endsWith(TemplateNames.SUFFIX)) {
          String relative = root.relativize(file).toString().replace('\\', '/');
          into.put(relative, Files.readString(file, StandardCharsets.UTF_8));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read templates under " + root, e);
    }
  }

  /** Where these templates come from, for error messages. */
  public String label() {
    return label;
  }

  public List<String> paths() {
    return List.copyOf(new TreeMap<>(files).keySet());
  }

  Optional<String> text(String path) {
    return Optional.ofNullable(files.get(path));
  }

  boolean isEmpty() {
    return files.isEmpty();
  }
}
