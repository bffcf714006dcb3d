package com.backordergateway.plugins.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.testkit.BuiltPluginJar;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.HostedPlugin;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * The packaged plugin jar (run by failsafe after {@code package}): what ops drop into the plugins
 * folder is a well-formed PF4J plugin that loads, offers the connector and delivers.
 */
class WebhookPluginJarIT {

  private static final String SECRET = "it-secret-0123456789abcdef";

  private final BuiltPluginJar jar = BuiltPluginJar.fromBuild();

  @Test
  void jarIsAWellFormedPluginThatBundlesNoHostClasses() {
    jar.assertWellFormedPlugin("webhook", "com.backordergateway.plugins.webhook.WebhookConnector");
    assertThat(jar.pluginManifest())
        .containsEntry("Plugin-Provider", "Backorder Gateway")
        .containsEntry("Plugin-Requires", ">=1.0.0 & <2.0.0")
        .containsEntry("Plugin-Version", WebhookConnector.VERSION);
  }

  @Test
  void pf4jLoadsTheJarAndItsConnectorDeliversSignedJson(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir); FakePlatform receiver = FakePlatform.start()) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<Connector> connectors = plugin.extensions(Connector.class);
      assertThat(connectors).hasSize(1);
      Connector connector = connectors.get(0);
      assertThat(connector.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(connector.descriptor().type()).isEqualTo("webhook");

      receiver.enqueue(FakeResponse.json(200, "{\"id\":\"rcv-1\"}"));
      TestConnectorContext context = TestConnectorContext.create();
      ConnectorSettings settings = ConnectorSettings.of(
          Map.of("url", receiver.url("/in").toString(), "signing-secret", SECRET), connector.descriptor().settings());
      try (ConnectorSession session = connector.open(settings, context)) {
        DeliveryReceipt receipt = session.deliver(new Notification(
            "dlv-it-1", Notification.Trigger.MARKED_UNAVAILABLE, Notification.Purpose.STAFF_ALERT,
            Notification.Audience.STAFF, Recipient.NONE, new Notification.Message("", "PAINT-CADMIUM-RED is unavailable"),
            Map.of("sku", "PAINT-CADMIUM-RED"), Optional.empty()));
        assertThat(receipt.externalId()).isEqualTo("rcv-1");
      }
      RecordedRequest request = receiver.onlyRequest();
      assertThat(WebhookSignatures.matchesBase64(SECRET, request.body(), request.header("X-Backorder-Signature").orElseThrow()))
          .isTrue();
      assertThat(request.header("User-Agent")).contains("BackorderGateway-Webhook/" + WebhookConnector.VERSION);
    }
  }

  @Test
  void hostWithAnIncompatibleSpiRefusesThePlugin(@TempDir Path pluginsDir) {
    try (HostedPlugin plugin = jar.start(pluginsDir, "2.0.0")) {
      assertThat(plugin.state()).isNotEqualTo(PluginState.STARTED);
      assertThat(plugin.extensions(Connector.class)).isEmpty();
    }
  }
}
