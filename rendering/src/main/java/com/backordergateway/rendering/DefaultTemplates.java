package com.backordergateway.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The gateway's own wording for every template name, in English and in the languages it ships
 * ({@link #LOCALES}), used by connectors that ship no template of their own (the generic
 * webhook, for one) and for whatever a plugin leaves out.
 */
public final class DefaultTemplates {

  /** The languages shipped beside English; fr-CA customers get fr-CA, other French speakers fr. */
  public static final List<String> LOCALES = List.of("fr", "fr-CA", "es");

  private DefaultTemplates() {}

  public static TemplateSource source() {
    Map<String, String> files = new HashMap<>();
    for (String name : TemplateNames.ALL_NAMES) {
      files.put(name + TemplateNames.SUFFIX, read(name + TemplateNames.SUFFIX, true));
      for (String locale : LOCALES) {
        String file = name + "." + locale + TemplateNames.SUFFIX;
        String text = read(file, false);
        if (text != null) {
          files.put(file, text);
        }
      }
    }
    return TemplateSource.of("built-in", files);
  }

  private static String read(String file, boolean required) {
    try (InputStream in = DefaultTemplates.class.getResourceAsStream("/default-templates/" + file)) {
      if (in == null) {
        if (required) {
          throw new IllegalStateException("missing built-in template " + file);
        }
        return null;
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
