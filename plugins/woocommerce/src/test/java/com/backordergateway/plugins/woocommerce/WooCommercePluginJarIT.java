package com.backordergateway.plugins.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.Connector;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSource;
import com.backordergateway.connector.testkit.BuiltPluginJar;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.HostedPlugin;
import com.backordergateway.connector.testkit.RecordedRequest;
import com.backordergateway.connector.testkit.TestConnectorContext;
import com.backordergateway.rendering.TemplateFacts;
import com.backordergateway.rendering.TemplateSource;
import com.backordergateway.rendering.Templates;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * The packaged plugin jar (run by failsafe after {@code package}): a well-formed PF4J plugin
 * offering both extensions, whose webhook source takes the creation ping and a signed
 * order.updated delivery and whose connector writes a customer note, and which carries its
 * templates.
 */
class WooCommercePluginJarIT {

  private static final String CONNECTOR = "com.backordergateway.plugins.woocommerce.WooCommerceConnector";
  private static final String SOURCE = "com.backordergateway.plugins.woocommerce.WooCommerceWebhookSource";

  private final BuiltPluginJar jar = BuiltPluginJar.fromBuild();

  @Test
  void jarIsAWellFormedPluginWithBothExtensionsAndNoHostClasses() {
    jar.assertWellFormedPlugin("woocommerce", CONNECTOR);
    assertThat(jar.extensions()).containsExactlyInAnyOrder(CONNECTOR, SOURCE);
    assertThat(jar.pluginManifest())
        .containsEntry("Plugin-Provider", "Backorder Gateway")
        .containsEntry("Plugin-Requires", ">=1.0.0 & <2.0.0")
        .containsEntry("Plugin-Version", WooCommerceConnector.VERSION);
  }

  @Test
  void jarCarriesTemplatesThatCompile() {
    TemplateSource shipped = TemplateSource.jar(jar.path());
    assertThat(shipped.paths()).contains("stock-depleted/customer-notice.mustache", "eta-correction.mustache",
        "resolution.mustache");
    assertThat(Templates.of(List.of(shipped)).render(TemplateFacts.sample("stock-depleted", "customer-notice")))
        .hasValueSatisfying(note -> assertThat(note.body()).startsWith("We're sorry: Titanium White Acrylic 120 ml"));
  }

  @Test
  void pf4jLoadsTheJarAndItsSourceTakesThePingAndASignedDelivery(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir)) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<WebhookSource> sources = plugin.extensions(WebhookSource.class);
      assertThat(sources).hasSize(1);
      WebhookSource source = sources.get(0);
      assertThat(source.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(source.source()).isEqualTo("woocommerce");
      ConnectorSettings settings = ConnectorSettings.of(Map.of("secret", WooPayloads.SECRET), source.settings());

      WebhookRequest ping = WooPayloads.ping("webhook_id=12");
      source.verify(ping, settings);
      assertThat(source.parse(ping, settings)).isEmpty();

      WebhookRequest delivery = WooPayloads.delivery(WooPayloads.ORDER);
      source.verify(delivery, settings);
      BackorderSignal signal = source.parse(delivery, settings).orElseThrow();
      assertThat(signal.deliveryId()).isEqualTo(WooPayloads.DELIVERY_ID + ":4127");
      assertThat(signal.backorderedSkus()).containsExactly("ACR-TITANIUM-WHITE");

      byte[] forged = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
      WebhookRequest unsigned = new WebhookRequest(Map.of("X-WC-Webhook-Topic", "order.updated"), forged);
      assertThat(catchThrowable(() -> source.verify(unsigned, settings)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isTrue());
    }
  }

  @Test
  void pf4jLoadsTheJarAndItsConnectorWritesACustomerNote(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir); FakePlatform store = FakePlatform.start()) {
      List<Connector> connectors = plugin.extensions(Connector.class);
      assertThat(connectors).hasSize(1);
      Connector connector = connectors.get(0);
      assertThat(connector.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(connector.descriptor().type()).isEqualTo("woocommerce");

      store.enqueue(FakeResponse.json(201, WooCommerceConnectorTest.noteResource(290)));
      ConnectorSettings settings = ConnectorSettings.of(Map.of("base-url", store.url().toString(),
          "consumer-key", "ck_it00000000000000000000000000000000000001",
          "consumer-secret", "cs_it00000000000000000000000000000000000001"), connector.descriptor().settings());
      try (ConnectorSession session = connector.open(settings, TestConnectorContext.create())) {
        DeliveryReceipt receipt = session.deliver(new Notification("dlv-it-1", Notification.Trigger.SUPPLIER_DELAYED,
            Notification.Purpose.ETA_CORRECTION, Notification.Audience.CUSTOMER,
            new Recipient("4127", "Maya Okafor", "maya@example.com", "", "", "", "218"),
            new Notification.Message("", "Our supplier has pushed back your paint."), Map.of("order_id", "4127"),
            Optional.empty()));
        assertThat(receipt.externalId()).isEqualTo("290");
      }
      RecordedRequest request = store.onlyRequest();
      assertThat(request.path()).isEqualTo("/wp-json/wc/v3/orders/4127/notes");
      assertThat(request.json().path("note").asText()).isEqualTo("Our supplier has pushed back your paint.");
      assertThat(request.header("User-Agent")).contains("BackorderGateway-WooCommerce/" + WooCommerceConnector.VERSION);
    }
  }

  @Test
  void hostWithAnIncompatibleSpiRefusesThePlugin(@TempDir Path pluginsDir) {
    try (HostedPlugin plugin = jar.start(pluginsDir, "2.0.0")) {
      assertThat(plugin.state()).isNotEqualTo(PluginState.STARTED);
      assertThat(plugin.extensions(Connector.class)).isEmpty();
      assertThat(plugin.extensions(WebhookSource.class)).isEmpty();
    }
  }
}
