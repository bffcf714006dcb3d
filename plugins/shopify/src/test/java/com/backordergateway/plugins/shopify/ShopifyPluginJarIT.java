package com.backordergateway.plugins.shopify;

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
 * offering both extensions, whose webhook source verifies and reads a signed orders/updated
 * delivery and whose connector tags an order, and which carries its templates.
 */
class ShopifyPluginJarIT {

  private static final String CONNECTOR = "com.backordergateway.plugins.shopify.ShopifyConnector";
  private static final String SOURCE = "com.backordergateway.plugins.shopify.ShopifyWebhookSource";

  private final BuiltPluginJar jar = BuiltPluginJar.fromBuild();

  @Test
  void jarIsAWellFormedPluginWithBothExtensionsAndNoHostClasses() {
    jar.assertWellFormedPlugin("shopify", CONNECTOR);
    assertThat(jar.extensions()).containsExactlyInAnyOrder(CONNECTOR, SOURCE);
    assertThat(jar.pluginManifest())
        .containsEntry("Plugin-Provider", "Backorder Gateway")
        .containsEntry("Plugin-Requires", ">=1.0.0 & <2.0.0")
        .containsEntry("Plugin-Version", ShopifyConnector.VERSION);
  }

  @Test
  void jarCarriesTemplatesThatCompile() {
    TemplateSource shipped = TemplateSource.jar(jar.path());
    assertThat(shipped.paths()).contains("stock-depleted/customer-notice.mustache", "eta-correction.mustache",
        "resolution.mustache");
    assertThat(Templates.of(List.of(shipped)).render(TemplateFacts.sample("stock-depleted", "customer-notice")))
        .hasValueSatisfying(note -> assertThat(note.body()).startsWith("Backorder: Titanium White Acrylic 120 ml"));
  }

  @Test
  void pf4jLoadsTheJarAndItsSourceReadsASignedDelivery(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir)) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<WebhookSource> sources = plugin.extensions(WebhookSource.class);
      assertThat(sources).hasSize(1);
      WebhookSource source = sources.get(0);
      assertThat(source.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(source.source()).isEqualTo("shopify");

      ConnectorSettings settings = ConnectorSettings.of(Map.of("secret", ShopifyPayloads.SECRET), source.settings());
      WebhookRequest delivery = ShopifyPayloads.delivery(ShopifyPayloads.order("backorder"));
      source.verify(delivery, settings);
      BackorderSignal signal = source.parse(delivery, settings).orElseThrow();
      assertThat(signal.deliveryId()).isEqualTo(ShopifyPayloads.WEBHOOK_ID);
      assertThat(signal.customer().orderId()).isEqualTo("5829374619");
      assertThat(signal.backorderedSkus()).containsExactly("ACR-TITANIUM-WHITE", "ACR-ULTRAMARINE");

      byte[] forged = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
      WebhookRequest unsigned = new WebhookRequest(Map.of("X-Shopify-Topic", "orders/updated"), forged);
      assertThat(catchThrowable(() -> source.verify(unsigned, settings)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isTrue());
    }
  }

  @Test
  void pf4jLoadsTheJarAndItsConnectorTagsAnOrder(@TempDir Path pluginsDir) throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir); FakePlatform shopify = FakePlatform.start()) {
      List<Connector> connectors = plugin.extensions(Connector.class);
      assertThat(connectors).hasSize(1);
      Connector connector = connectors.get(0);
      assertThat(connector.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(connector.descriptor().type()).isEqualTo("shopify");

      shopify.enqueue(FakeResponse.json(200, ShopifyConnectorTest.tagsPayload("tagsAdd")));
      ConnectorSettings settings = ConnectorSettings.of(Map.of("shop-domain", "maple-thread.myshopify.com",
          "base-url", shopify.url().toString(), "access-token", "shpat_it0000000000000000000000000001"),
          connector.descriptor().settings());
      try (ConnectorSession session = connector.open(settings, TestConnectorContext.create())) {
        DeliveryReceipt receipt = session.deliver(new Notification("dlv-it-1", Notification.Trigger.PLATFORM_BACKORDER,
            Notification.Purpose.CUSTOMER_NOTICE, Notification.Audience.CUSTOMER,
            new Recipient("5829374619", "Maya Okafor", "maya@example.com", "", "en-US", "", ""),
            new Notification.Message("", "Backorder: Titanium White."), Map.of("order_id", "5829374619"), Optional.empty()));
        assertThat(receipt.externalId()).isEqualTo("gid://shopify/Order/5829374619");
      }
      RecordedRequest request = shopify.onlyRequest();
      assertThat(request.path()).isEqualTo("/admin/api/2026-10/graphql.json");
      assertThat(request.json().path("variables").path("id").asText()).isEqualTo("gid://shopify/Order/5829374619");
      assertThat(request.header("User-Agent")).contains("BackorderGateway-Shopify/" + ShopifyConnector.VERSION);
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
