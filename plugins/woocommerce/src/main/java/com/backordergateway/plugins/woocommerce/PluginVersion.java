package com.backordergateway.plugins.woocommerce;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/** This plugin's version, from the {@code version.properties} the build writes into the jar. */
final class PluginVersion {

  private PluginVersion() {}

  static String read() {
    try (InputStream in = PluginVersion.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        throw new IllegalStateException("version.properties is missing from the woocommerce plugin");
      }
      Properties properties = new Properties();
      properties.load(in);
      return Objects.requireNonNull(properties.getProperty("version"), "version is null");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the woocommerce plugin's version", e);
    }
  }
}
