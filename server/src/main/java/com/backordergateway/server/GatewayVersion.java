package com.backordergateway.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The gateway's own version, written into the jar at build time (User-Agent, logs). */
public final class GatewayVersion {

  /** E.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String VERSION = read();

  private GatewayVersion() {}

  private static String read() {
    try (InputStream in = GatewayVersion.class.getResourceAsStream("gateway.properties")) {
      if (in == null) {
        throw new IllegalStateException("gateway.properties is missing from the server jar");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the gateway's version", e);
    }
  }
}
