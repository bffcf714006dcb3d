package com.backordergateway.server.plugins;

import java.nio.file.Path;

/** Source code of the connector plugins the runtime tests drop. */
final class TestPlugins {

  private TestPlugins() {}

  /**
   * A connector of type {@code echo} whose receipts say which version delivered; it takes a
   * required {@code greeting} and a secret {@code api-key}, counts deliveries in flight and
   * reports on close how many were still running.
   */
  static PluginJarBuilder echo(Path work, String version, long deliverMillis) {
    String pkg = "test.echo.v" + version.replace('.', '_');
    return new PluginJarBuilder(work, "echo", version)
        .extension(pkg + ".EchoConnector", """
            package %1$s;
            import com.backordergateway.connector.api.*;
            import java.util.*;
            import java.util.concurrent.atomic.AtomicInteger;
            import com.backordergateway.server.plugins.PluginProbe;
            @org.pf4j.Extension
            public class EchoConnector implements Connector {
              public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("echo", "Echo", List.of(
                    SettingSpec.required("greeting", "what to say"),
                    SettingSpec.optionalSecret("api-key", "a secret")),
                    RateLimit.perSecond(100), Set.of(Capability.STAFF_AUDIENCE));
              }
              public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
                String greeting = settings.get("greeting");
                AtomicInteger inFlight = new AtomicInteger();
                return new ConnectorSession() {
                  public DeliveryReceipt deliver(Notification n) throws DeliveryException {
                    inFlight.incrementAndGet();
                    try {
                      Thread.sleep(%3$d);
                      if (n.deliveryId().startsWith("fail-")) {
                        throw new PermanentDeliveryException("echo refused " + n.deliveryId());
                      }
                      return DeliveryReceipt.of("%2$s:" + greeting + ":" + n.deliveryId());
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new RetryableDeliveryException("interrupted");
                    } finally {
                      inFlight.decrementAndGet();
                    }
                  }
                  public void close() {
                    PluginProbe.record("echo %2$s closed with " + inFlight.get() + " in flight");
                  }
                };
              }
            }
            """.formatted(pkg, version, deliverMillis));
  }

  /** A connector of type {@code type} whose receipts carry the value of a bundled library class. */
  static PluginJarBuilder withLibrary(Path work, String pluginId, String type, String libraryValue) {
    String pkg = "test." + pluginId.replace('-', '_');
    return new PluginJarBuilder(work, pluginId, "1.0.0")
        .source("com.example.shared.Library", """
            package com.example.shared;
            public class Library { public static String value() { return "%s"; } }
            """.formatted(libraryValue))
        .extension(pkg + ".LibConnector", """
            package %1$s;
            import com.backordergateway.connector.api.*;
            import java.util.*;
            @org.pf4j.Extension
            public class LibConnector implements Connector {
              public ConnectorDescriptor descriptor() {
                return new ConnectorDescriptor("%2$s", "Library user", List.of(), RateLimit.perSecond(10), Set.of());
              }
              public ConnectorSession open(ConnectorSettings settings, ConnectorContext context) {
                return n -> DeliveryReceipt.of(com.example.shared.Library.value());
              }
            }
            """.formatted(pkg, type));
  }
}
