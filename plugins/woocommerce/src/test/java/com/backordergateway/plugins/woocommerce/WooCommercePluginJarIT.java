package com.backordergateway.plugins.woocommerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSource;
import com.backordergateway.connector.testkit.FakePlatform;
import com.backordergateway.connector.testkit.FakeResponse;
import com.backordergateway.connector.testkit.HostedPlugin;
import com.backordergateway.connector.testkit.PluginJarContract;
import com.backordergateway.connector.testkit.RecordedRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * The packaged WooCommerce plugin jar: the testkit's contract, with a customer notice that puts the
 * order on hold and adds a customer note, and the jar's webhook source taking the creation ping and
 * a signed order.updated delivery.
 */
class WooCommercePluginJarIT extends PluginJarContract {

  private static final String SOURCE = "com.backordergateway.plugins.woocommerce.WooCommerceWebhookSource";
  private static final String CONSUMER_KEY = "ck_it00000000000000000000000000000000000001";
  private static final String CONSUMER_SECRET = "cs_it00000000000000000000000000000000000001";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.woocommerce.WooCommerceConnector";
  }

  @Override
  protected String connectorType() {
    return "woocommerce";
  }

  @Override
  protected List<String> otherExtensions() {
    return List.of(SOURCE);
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("base-url", platformUrl.toString(), "consumer-key", CONSUMER_KEY, "consumer-secret", CONSUMER_SECRET);
  }

  /** The hold answers with the order, the note with itself. */
  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200, WooPayloads.ORDER),
        FakeResponse.json(201, WooCommerceConnectorTest.noteResource(290)));
  }

  @Override
  protected String expectedExternalId() {
    return "290";
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.method()).isEqualTo("POST");
    assertThat(request.path()).isEqualTo("/wp-json/wc/v3/orders/5678901234567/notes");
    assertThat(request.header("Authorization")).contains("Basic " + Base64.getEncoder()
        .encodeToString((CONSUMER_KEY + ":" + CONSUMER_SECRET).getBytes(StandardCharsets.UTF_8)));
    assertThat(request.json().path("note").asText()).startsWith("Hi Maya,");
    assertThat(request.json().path("customer_note").asBoolean()).isTrue();
  }

  @Test
  void theJarsWebhookSourceTakesThePingAndASignedDeliveryAndRefusesAnUnsignedOne(@TempDir Path pluginsDir)
      throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir)) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<WebhookSource> sources = plugin.extensions(WebhookSource.class);
      assertThat(sources).hasSize(1);
      WebhookSource source = sources.get(0);
      assertThat(source.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(source.getClass().getName()).isEqualTo(SOURCE);
      assertThat(source.source()).isEqualTo("woocommerce");
      ConnectorSettings settings = ConnectorSettings.of(Map.of("secret", WooPayloads.SECRET), source.settings());

      WebhookRequest ping = WooPayloads.ping("webhook_id=12");
      source.verify(ping, settings);
      assertThat(source.parse(ping, settings)).isEmpty();

      WebhookRequest delivery = WooPayloads.delivery(WooPayloads.ORDER);
      source.verify(delivery, settings);
      BackorderSignal signal = source.parse(delivery, settings).orElseThrow();
      assertThat(signal.deliveryId()).isEqualTo(WooPayloads.DELIVERY_ID + ":4127");
      assertThat(signal.customer().phone()).as("read through the bundled connector-support").isEqualTo("+13125550147");
      assertThat(signal.backorderedSkus()).containsExactly("ACR-TITANIUM-WHITE");

      byte[] forged = WooPayloads.ORDER.getBytes(StandardCharsets.UTF_8);
      WebhookRequest unsigned = new WebhookRequest(Map.of("X-WC-Webhook-Topic", "order.updated"), forged);
      assertThat(catchThrowable(() -> source.verify(unsigned, settings)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isTrue());
    }
  }
}
