package com.backordergateway.plugins.twilio;

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
 * folder is a well-formed PF4J plugin that loads, offers the connector, sends an SMS and carries
 * its templates.
 */
class TwilioPluginJarIT {

  private static final String ACCOUNT_SID = "AC00000000000000000000000000000001";

  private final BuiltPluginJar jar = BuiltPluginJar.fromBuild();

  @Test
  void jarIsAWellFormedPluginThatBundlesNoHostClasses() {
    jar.assertWellFormedPlugin("twilio", "com.backordergateway.plugins.twilio.TwilioConnector");
    assertThat(jar.pluginManifest())
        .containsEntry("Plugin-Provider", "Backorder Gateway")
        .containsEntry("Plugin-Requires", ">=1.0.0 & <2.0.0")
        .containsEntry("Plugin-Version", TwilioConnector.VERSION);
  }

  @Test
  void jarCarriesTemplatesThatCompile() {
    TemplateSource shipped = TemplateSource.jar(jar.path());
    assertThat(shipped.paths()).contains("stock-depleted/customer-notice.mustache", "eta-correction.mustache",
        "resolution.mustache");
    assertThat(Templates.of(List.of(shipped)).render(TemplateFacts.sample("stock-depleted", "customer-notice")))
        .hasValueSatisfying(sms -> assertThat(sms.body()).startsWith("Maple & Thread Crafts: Sorry,"));
  }

  @Test
  void pf4jLoadsTheJarAndItsConnectorSendsAnSms(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir); FakePlatform twilio = FakePlatform.start()) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<Connector> connectors = plugin.extensions(Connector.class);
      assertThat(connectors).hasSize(1);
      Connector connector = connectors.get(0);
      assertThat(connector.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(connector.descriptor().type()).isEqualTo("twilio");

      twilio.enqueue(FakeResponse.json(201, "{\"sid\":\"SMit0000000000000000000000000001\",\"status\":\"queued\"}"));
      ConnectorSettings settings = ConnectorSettings.of(Map.of("base-url", twilio.url().toString(),
          "account-sid", ACCOUNT_SID, "auth-token", "it-auth-token-0123456789", "from", "+15005550006"),
          connector.descriptor().settings());
      try (ConnectorSession session = connector.open(settings, TestConnectorContext.create())) {
        DeliveryReceipt receipt = session.deliver(new Notification(
            "dlv-it-1", Notification.Trigger.SUPPLIER_DELAYED, Notification.Purpose.CUSTOMER_NOTICE,
            Notification.Audience.CUSTOMER,
            new Recipient("ORD-5001", "Maya Okafor", "", "+14155550123", "en-US", "", ""),
            new Notification.Message("", "Your paint is delayed at our supplier."), Map.of(), Optional.empty()));
        assertThat(receipt.externalId()).isEqualTo("SMit0000000000000000000000000001");
      }
      RecordedRequest request = twilio.onlyRequest();
      assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + ACCOUNT_SID + "/Messages.json");
      assertThat(request.formValue("Body")).contains("Your paint is delayed at our supplier.");
      assertThat(request.header("User-Agent")).contains("BackorderGateway-Twilio/" + TwilioConnector.VERSION);
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
