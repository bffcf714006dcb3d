package com.backordergateway.plugins.intercom;

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
 * folder is a well-formed PF4J plugin that loads, submits an Intercom data event and carries
 * its templates.
 */
class IntercomPluginJarIT {

  private static final String TOKEN = "it-dG9rOjAxMjM0NTY3ODlhYmNkZWY=";

  private final BuiltPluginJar jar = BuiltPluginJar.fromBuild();

  @Test
  void jarIsAWellFormedPluginThatBundlesNoHostClasses() {
    jar.assertWellFormedPlugin("intercom", "com.backordergateway.plugins.intercom.IntercomConnector");
    assertThat(jar.pluginManifest())
        .containsEntry("Plugin-Provider", "Backorder Gateway")
        .containsEntry("Plugin-Version", IntercomConnector.VERSION);
  }

  @Test
  void jarCarriesTemplatesTheGatewayAccepts() {
    TemplateSource source = TemplateSource.jar(jar.path());
    assertThat(source.paths()).contains("stock-depleted/customer-notice.mustache", "eta-correction.mustache",
        "resolution.mustache");
    Templates templates = Templates.of(List.of(source));
    assertThat(templates.render(TemplateFacts.sample("marked-unavailable", "customer-notice")).orElseThrow().body())
        .startsWith("Sorry, we cannot send Titanium White Acrylic 120 ml from your order ORD-5001 right now");
  }

  @Test
  void pf4jLoadsTheJarAndItsConnectorSubmitsAnEvent(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir); FakePlatform intercom = FakePlatform.start()) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<Connector> connectors = plugin.extensions(Connector.class);
      assertThat(connectors).hasSize(1);
      Connector connector = connectors.get(0);
      assertThat(connector.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(connector.descriptor().type()).isEqualTo("intercom");

      intercom.enqueue(FakeResponse.status(202));
      ConnectorSettings settings = ConnectorSettings.of(
          Map.of("base-url", intercom.url().toString(), "access-token", TOKEN), connector.descriptor().settings());
      try (ConnectorSession session = connector.open(settings, TestConnectorContext.create())) {
        DeliveryReceipt receipt = session.deliver(new Notification(
            "dlv-it-1", Notification.Trigger.SUPPLIER_DELAYED, Notification.Purpose.ETA_CORRECTION,
            Notification.Audience.CUSTOMER,
            new Recipient("ORD-77", "Sam Lee", "sam@example.com", "", "en-GB", "Europe/London", ""),
            new Notification.Message("New date for your easel", "Now expected on 19 March."),
            Map.of("sku", "EASEL-OAK", "eta", "2026-03-19T12:00:00Z"), Optional.empty()));
        assertThat(receipt.externalId()).isEqualTo("dlv-it-1");
      }
      RecordedRequest request = intercom.onlyRequest();
      assertThat(request.path()).isEqualTo("/events");
      assertThat(request.header("Authorization")).contains("Bearer " + TOKEN);
      assertThat(request.json().get("event_name").asText()).isEqualTo("backorder-eta-changed");
      assertThat(request.json().get("email").asText()).isEqualTo("sam@example.com");
      assertThat(request.header("User-Agent")).contains("BackorderGateway-Intercom/" + IntercomConnector.VERSION);
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
