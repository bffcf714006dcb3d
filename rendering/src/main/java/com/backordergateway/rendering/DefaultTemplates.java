package com.backordergateway.rendering;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The gateway's own wording for every purpose, used by connectors that ship no template of
 * their own (the generic webhook, for one).
 */
public final class DefaultTemplates {

  private DefaultTemplates() {}

  public static TemplateSource source() {
    Map<String, String> files = new HashMap<>();
    for (String purpose : TemplateNames.PURPOSES) {
      String name = purpose + TemplateNames.SUFFIX;
      try (InputStream in = DefaultTemplates.class.getResourceAsStream("/default-templates/" + name)) {
        if (in == null) {
          throw new IllegalStateException("missing built-in template " + name);
        }
        files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return TemplateSource.of("built-in", files);
  }
}
