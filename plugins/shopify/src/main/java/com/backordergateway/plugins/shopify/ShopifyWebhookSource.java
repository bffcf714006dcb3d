package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.BackorderSignal;
import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSettings;
import com.backordergateway.connector.api.SettingSpec;
import com.backordergateway.connector.api.StockSignal;
import com.backordergateway.connector.api.WebhookOutcome;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSignatures;
import com.backordergateway.connector.api.WebhookSource;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pf4j.Extension;

/**
 * Shopify's {@code orders/updated} and {@code inventory_levels/update} webhooks as a source (type
 * {@code shopify}, posted to {@code /webhooks/shopify/<source id>}).
 *
 * <p>{@link #verify}: {@code X-Shopify-Hmac-Sha256} must be base64(HMAC-SHA256(secret, raw body)),
 * compared in constant time. {@link #parse}: an {@code orders/updated} order carrying the
 * backorder tag, not cancelled, with lines still to ship that have a SKU, is a backorder of those
 * SKUs. {@link #read} adds {@code inventory_levels/update}: a tracked item's {@code available}
 * level is its SKU's stock level (zero or less opens the case, a positive level resolves it), the
 * SKU looked up through the Admin API and cached ({@link InventoryItemSkus}). Other topics are
 * acknowledged and ignored. Every signal is deduplicated on {@code X-Shopify-Webhook-Id} (the same
 * for Shopify's retries of one delivery).
 *
 * <p>The body is bound to {@link ShopifyOrder} with a mapper of its own (snake-case names,
 * unknown fields ignored): the host's {@code PlatformJson} reads trees, not records.
 */
@Extension
public final class ShopifyWebhookSource implements WebhookSource {

  static final String TOPIC = "orders/updated";
  static final String INVENTORY_TOPIC = "inventory_levels/update";
  static final String HMAC_HEADER = "X-Shopify-Hmac-Sha256";
  static final String TOPIC_HEADER = "X-Shopify-Topic";
  static final String WEBHOOK_ID_HEADER = "X-Shopify-Webhook-Id";

  private final InventoryItemSkus skus = new InventoryItemSkus();

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  @Override
  public String source() {
    return "shopify";
  }

  @Override
  public List<SettingSpec> settings() {
    return ShopifySourceSettings.SPECS;
  }

  @Override
  public void checkSettings(ConnectorSettings settings) {
    ShopifySourceSettings.from(settings);
  }

  @Override
  public void verify(WebhookRequest request, ConnectorSettings settings) throws WebhookRejectedException {
    Objects.requireNonNull(request, "request is null");
    ShopifySourceSettings source = ShopifySourceSettings.from(settings);
    String presented = request.header(HMAC_HEADER).filter(s -> !s.isBlank()).orElseThrow(
        () -> WebhookRejectedException.badSignature("shopify: no " + HMAC_HEADER + " header; Shopify signs every delivery"));
    if (!WebhookSignatures.matchesBase64(source.secret(), request.body(), presented)) {
      throw WebhookRejectedException.badSignature("shopify: " + HMAC_HEADER
          + " does not match the body: a different secret (the app's client secret or the store's webhook signing key)"
          + " or a body changed on the way");
    }
  }

  @Override
  public WebhookOutcome read(WebhookRequest request, ConnectorSettings settings, ConnectorContext context)
      throws WebhookRejectedException {
    if (!topic(request).equals(INVENTORY_TOPIC)) {
      return parse(request, settings).<WebhookOutcome>map(WebhookOutcome::of)
          .orElseGet(() -> WebhookOutcome.ignored("not a backordered order, nothing recorded"));
    }
    ShopifySourceSettings source = ShopifySourceSettings.from(settings);
    InventoryLevel level = InventoryLevel.read(request.body());
    if (level.available().isEmpty()) {
      return WebhookOutcome.ignored("inventory item " + level.itemId() + " is not tracked");
    }
    if (!source.locationId().isEmpty() && !source.locationId().equals(level.locationId())) {
      return WebhookOutcome.ignored("a level at location " + level.locationId() + ", not " + source.locationId());
    }
    ShopifySettings admin = source.admin().orElseThrow(() -> WebhookRejectedException.malformed(
        "shopify: inventory_levels/update names no SKU; set shop-domain and access-token (read_inventory) on this"
            + " source so the gateway can look it up"));
    Optional<String> sku = skus.sku(admin, level.itemId(), context);
    if (sku.isEmpty()) {
      return WebhookOutcome.ignored("inventory item " + level.itemId() + " has no SKU in Shopify");
    }
    return WebhookOutcome.of(new StockSignal(webhookId(request), sku.get(), level.available().getAsInt(),
        level.updatedAt(), ""));
  }

  @Override
  public Optional<BackorderSignal> parse(WebhookRequest request, ConnectorSettings settings)
      throws WebhookRejectedException {
    Objects.requireNonNull(request, "request is null");
    ShopifySourceSettings source = ShopifySourceSettings.from(settings);
    if (!topic(request).equals(TOPIC)) {
      return Optional.empty();
    }
    String webhookId = webhookId(request);
    ShopifyOrder order = read(request.body());
    if (!order.hasTag(source.backorderTag()) || order.cancelled()) {
      return Optional.empty();
    }
    List<String> skus = order.unfulfilledSkus();
    if (skus.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new BackorderSignal(webhookId, order.recipient(), skus, Optional.empty(),
        order.name() == null ? "" : order.name().strip()));
  }

  private static String topic(WebhookRequest request) throws WebhookRejectedException {
    return request.header(TOPIC_HEADER).map(String::strip)
        .orElseThrow(() -> WebhookRejectedException.malformed("shopify: no " + TOPIC_HEADER + " header"));
  }

  private static String webhookId(WebhookRequest request) throws WebhookRejectedException {
    return request.header(WEBHOOK_ID_HEADER).map(String::strip).filter(id -> !id.isEmpty())
        .orElseThrow(() -> WebhookRejectedException.malformed("shopify: no " + WEBHOOK_ID_HEADER
            + " header, which identifies the delivery"));
  }

  private static ShopifyOrder read(byte[] body) throws WebhookRejectedException {
    ShopifyOrder order;
    try {
      order = JSON.readValue(body, ShopifyOrder.class);
    } catch (JsonProcessingException e) {
      throw WebhookRejectedException.malformed("shopify: the orders/updated body is not an order: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw WebhookRejectedException.malformed("shopify: the orders/updated body cannot be read: " + e.getMessage());
    }
    if (order == null || order.id() == null) {
      throw WebhookRejectedException.malformed("shopify: the orders/updated body has no order id");
    }
    return order;
  }
}
