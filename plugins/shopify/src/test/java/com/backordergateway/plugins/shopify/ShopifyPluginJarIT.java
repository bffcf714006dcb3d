package com.backordergateway.plugins.shopify;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pf4j.PluginState;

/**
 * The packaged Shopify plugin jar: the testkit's contract, with an order tagged through the Admin
 * GraphQL API, and the jar's webhook source verifying and reading a signed orders/updated delivery.
 */
class ShopifyPluginJarIT extends PluginJarContract {

  private static final String SOURCE = "com.backordergateway.plugins.shopify.ShopifyWebhookSource";
  private static final String ORDER_GID = "gid://shopify/Order/5678901234567";

  @Override
  protected String connectorClass() {
    return "com.backordergateway.plugins.shopify.ShopifyConnector";
  }

  @Override
  protected String connectorType() {
    return "shopify";
  }

  @Override
  protected List<String> otherExtensions() {
    return List.of(SOURCE);
  }

  @Override
  protected Map<String, String> settings(URI platformUrl) {
    return Map.of("shop-domain", "maple-thread.myshopify.com", "base-url", platformUrl.toString(),
        "access-token", "shpat_it0000000000000000000000000001");
  }

  @Override
  protected void scriptSuccess(FakePlatform platform) {
    platform.enqueue(FakeResponse.json(200,
        "{\"data\":{\"tagsAdd\":{\"node\":{\"id\":\"" + ORDER_GID + "\"},\"userErrors\":[]}}}"));
  }

  @Override
  protected String expectedExternalId() {
    return ORDER_GID;
  }

  @Override
  protected void assertDeliveryRequest(RecordedRequest request) {
    assertThat(request.path()).isEqualTo("/admin/api/2026-10/graphql.json");
    assertThat(request.header("X-Shopify-Access-Token")).contains("shpat_it0000000000000000000000000001");
    assertThat(request.json().path("query").asText()).contains("tagsAdd(id: $id, tags: $tags)");
    assertThat(request.json().path("variables").path("id").asText()).isEqualTo(ORDER_GID);
  }

  @Test
  void theJarsWebhookSourceVerifiesAndReadsASignedDeliveryAndRefusesAnUnsignedOne(@TempDir Path pluginsDir)
      throws Exception {
    try (HostedPlugin plugin = jar.start(pluginsDir)) {
      assertThat(plugin.state()).isEqualTo(PluginState.STARTED);
      List<WebhookSource> sources = plugin.extensions(WebhookSource.class);
      assertThat(sources).hasSize(1);
      WebhookSource source = sources.get(0);
      assertThat(source.getClass().getClassLoader()).as("loaded from the jar").isSameAs(plugin.classLoader());
      assertThat(source.getClass().getName()).isEqualTo(SOURCE);
      assertThat(source.source()).isEqualTo("shopify");

      ConnectorSettings settings = ConnectorSettings.of(Map.of("secret", ShopifyPayloads.SECRET), source.settings());
      WebhookRequest delivery = ShopifyPayloads.delivery(ShopifyPayloads.order("backorder"));
      source.verify(delivery, settings);
      BackorderSignal signal = source.parse(delivery, settings).orElseThrow();
      assertThat(signal.deliveryId()).isEqualTo(ShopifyPayloads.WEBHOOK_ID);
      assertThat(signal.customer().orderId()).isEqualTo("5829374619");
      assertThat(signal.customer().phone()).as("read through the bundled connector-support").isEqualTo("+13125550147");
      assertThat(signal.backorderedSkus()).containsExactly("ACR-TITANIUM-WHITE", "ACR-ULTRAMARINE");

      byte[] forged = ShopifyPayloads.order("backorder").getBytes(StandardCharsets.UTF_8);
      WebhookRequest unsigned = new WebhookRequest(Map.of("X-Shopify-Topic", "orders/updated"), forged);
      assertThat(catchThrowable(() -> source.verify(unsigned, settings)))
          .isInstanceOfSatisfying(WebhookRejectedException.class, e -> assertThat(e.unauthenticated()).isTrue());
    }
  }
}
