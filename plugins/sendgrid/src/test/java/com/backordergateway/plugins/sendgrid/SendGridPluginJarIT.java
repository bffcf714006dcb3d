package com.backordergateway.plugins.sendgrid;

import static org.assertj.core.api.Assertions.assertThat;

import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.testkit.BuiltPluginJar;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.HostedPlugin;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * The packaged plugin jar (run by failsafe after {@code package}): what ops drop into the plugins
 * folder is a well-formed PF4J plugin that loads, offers the connector, sends an email and carries
 * its templates.
 */
class SendGridPluginJarIT {

  private final BuiltPluginJar jar = BuiltPluginJar.fromBuild();

  @Test
  void jarIsAWellFormedPluginThatBundlesNoHostClasses() {
    jar.assertWellFormedPlugin("sendgrid", "com.backordergateway.plugins.sendgrid.SendGridConnector");
    assertThat(jar.pluginManifest())
        .containsEntry("Plugin-Provider", "Backorder Gateway")
        .containsEntry("Plugin-Requires", ">=1.0.0 & <2.0.0")
        .containsEntry("Plugin-Version", SendGridConnector.VERSION);
  }

  @Test
  void jarCarriesTemplatesThatCompile() {
    TemplateSource shipped = TemplateSource.jar(jar.path());
    assertThat(shipped.paths()).contains("stock-depleted/customer-notice.mustache", "eta-correction.mustache",
        "resolution.mustache");
    assertThat(Templates.of(List.of(shipped)).render(TemplateFacts.sample("supplier-delayed", "customer-notice")))
        .hasValueSatisfying(email -> assertThat(email.subject()).endsWith("is delayed"));
  }

  @Test
  void pf4jLoadsTheJarAndItsConnectorSendsAnEmail(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir); FakePlatform sendGrid = FakePlatform.start()) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<Connector> connectors = plugin.extensions(Connector.class);
      assertThat(connectors).hasSize(1);
      Connector connector = connectors.get(0);
      assertThat(connector.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(connector.descriptor().type()).isEqualTo("sendgrid");

      sendGrid.enqueue(FakeResponse.status(202).header("X-Message-Id", "it-message-1"));
      ConnectorSettings settings = ConnectorSettings.of(Map.of("base-url", sendGrid.url().toString(),
          "api-key", "SG.it-key.0123456789abcdef", "from-email", "orders@example-crafts.com"),
          connector.descriptor().settings());
      try (ConnectorSession session = connector.open(settings, TestConnectorContext.create())) {
        DeliveryReceipt receipt = session.deliver(new Notification(
            "dlv-it-1", Notification.Trigger.STOCK_DEPLETED, Notification.Purpose.CUSTOMER_NOTICE,
            Notification.Audience.CUSTOMER, new Recipient("ORD-5001", "Maya Okafor", "maya@example.com", "", "", "", ""),
            new Notification.Message("Your paint is on backorder", "Hi Maya,\n\nIt is on backorder."), Map.of(),
            Optional.empty()));
        assertThat(receipt.externalId()).isEqualTo("it-message-1");
      }
      RecordedRequest request = sendGrid.onlyRequest();
      assertThat(request.path()).isEqualTo("/v3/mail/send");
      assertThat(request.json().get("subject").asText()).isEqualTo("Your paint is on backorder");
      assertThat(request.header("User-Agent")).contains("BackorderGateway-SendGrid/" + SendGridConnector.VERSION);
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
