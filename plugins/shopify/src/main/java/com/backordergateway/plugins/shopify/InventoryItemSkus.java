package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.backordergateway.connector.api.WebhookRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SKU of an inventory item, which {@code inventory_levels/update} does not carry: asked of the
 * Admin GraphQL API ({@code inventoryItem(id) { sku tracked }}) and remembered, since a busy item
 * sends a level with every sale. Entries last {@link #TTL} (a SKU renamed in the admin is seen
 * within that time); at most {@link #CAPACITY} items are kept, least recently used first out.
 * Thread-safe.
 */
final class InventoryItemSkus {

  static final Duration TTL = Duration.ofMinutes(15);
  static final int CAPACITY = 10_000;

  static final String QUERY = """
      query InventoryItemSku($id: ID!) {
        inventoryItem(id: $id) {
          sku
          tracked
        }
      }""";

  /** An item's SKU as Shopify gave it; empty when the item has none or is gone. */
  private record Entry(Optional<String> sku, Instant until) {}

  private final Map<String, Entry> entries = new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
      return size() > CAPACITY;
    }
  };

  /**
   * The item's SKU, from the cache or one Admin API call.
   *
   * @param itemId the numeric inventory item id (beyond 2^53: kept as text)
   * @return empty when the item has no SKU or no longer exists
   * @throws WebhookRejectedException to retry later when Shopify is busy or down; malformed when
   *     it refuses the token (the operator must fix it; Shopify keeps retrying meanwhile)
   */
  Optional<String> sku(ShopifySettings admin, String itemId, ConnectorContext context) throws WebhookRejectedException {
    String key = admin.shopDomain() + "/" + itemId;
    Instant now = context.clock().instant();
    synchronized (entries) {
      Entry cached = entries.get(key);
      if (cached != null && now.isBefore(cached.until())) {
        return cached.sku();
      }
    }
    Optional<String> sku = ask(admin, itemId, context);
    synchronized (entries) {
      entries.put(key, new Entry(sku, now.plus(TTL)));
    }
    return sku;
  }

  private static Optional<String> ask(ShopifySettings admin, String itemId, ConnectorContext context)
      throws WebhookRejectedException {
    AdminGraphql graphql = new AdminGraphql(admin, context);
    JsonNode data;
    try {
      data = graphql.run(QUERY, graphql.variables().put("id", "gid://shopify/InventoryItem/" + itemId),
          "inventory item " + itemId);
    } catch (RetryableDeliveryException e) {
      throw WebhookRejectedException.retryLater("shopify: looking up the SKU of inventory item " + itemId
          + " failed for now: " + e.getMessage());
    } catch (DeliveryException e) {
      throw WebhookRejectedException.malformed("shopify: the Admin API refused the SKU look-up of inventory item "
          + itemId + ": " + e.getMessage());
    }
    JsonNode sku = data.path("inventoryItem").path("sku");
    return sku.isTextual() && !sku.asText().isBlank() ? Optional.of(sku.asText().strip()) : Optional.empty();
  }
}
