package com.backordergateway.plugins.mailchimptransactional;

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
 * folder is a well-formed PF4J plugin that loads, offers the connector, sends a templated email
 * and carries its templates.
 */
class MailchimpTransactionalPluginJarIT {

  private final BuiltPluginJar jar = BuiltPluginJar.fromBuild();

  @Test
  void jarIsAWellFormedPluginThatBundlesNoHostClasses() {
    jar.assertWellFormedPlugin("mailchimp-transactional",
        "com.backordergateway.plugins.mailchimptransactional.MailchimpTransactionalConnector");
    assertThat(jar.pluginManifest())
        .containsEntry("Plugin-Provider", "Backorder Gateway")
        .containsEntry("Plugin-Requires", ">=1.0.0 & <2.0.0")
        .containsEntry("Plugin-Version", MailchimpTransactionalConnector.VERSION);
  }

  @Test
  void jarCarriesTemplatesThatCompile() {
    TemplateSource shipped = TemplateSource.jar(jar.path());
    assertThat(shipped.paths()).contains("stock-depleted/customer-notice.mustache", "eta-correction.mustache",
        "resolution.mustache");
    assertThat(Templates.of(List.of(shipped)).render(TemplateFacts.sample("marked-unavailable", "customer-notice")))
        .hasValueSatisfying(email -> assertThat(email.subject()).endsWith("is unavailable for now"));
  }

  @Test
  void pf4jLoadsTheJarAndItsConnectorSendsATemplatedEmail(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir); FakePlatform mandrill = FakePlatform.start()) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<Connector> connectors = plugin.extensions(Connector.class);
      assertThat(connectors).hasSize(1);
      Connector connector = connectors.get(0);
      assertThat(connector.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(connector.descriptor().type()).isEqualTo("mailchimp-transactional");

      mandrill.enqueue(FakeResponse.json(200,
          "[{\"email\":\"maya@example.com\",\"status\":\"sent\",\"_id\":\"it-id-1\",\"reject_reason\":null}]"));
      ConnectorSettings settings = ConnectorSettings.of(Map.of("base-url", mandrill.url("/api/1.0").toString(),
          "api-key", "it-mandrill-key-0123", "template-name", "backorder-notice"), connector.descriptor().settings());
      try (ConnectorSession session = connector.open(settings, TestConnectorContext.create())) {
        DeliveryReceipt receipt = session.deliver(new Notification(
            "dlv-it-1", Notification.Trigger.STOCK_DEPLETED, Notification.Purpose.CUSTOMER_NOTICE,
            Notification.Audience.CUSTOMER, new Recipient("ORD-5001", "Maya Okafor", "maya@example.com", "", "", "", ""),
            new Notification.Message("Your paint is on backorder", "Hi Maya,\n\nIt is on backorder."), Map.of(),
            Optional.empty()));
        assertThat(receipt.externalId()).isEqualTo("it-id-1");
      }
      RecordedRequest request = mandrill.onlyRequest();
      assertThat(request.path()).isEqualTo("/api/1.0/messages/send-template");
      assertThat(request.json().get("template_name").asText()).isEqualTo("backorder-notice");
      assertThat(request.header("User-Agent"))
          .contains("BackorderGateway-MailchimpTransactional/" + MailchimpTransactionalConnector.VERSION);
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
