package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.WebhookRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An {@code inventory_levels/update} body: {@code {inventory_item_id, location_id, available,
 * updated_at, admin_graphql_api_id}}. Ids go beyond 2^53, so they are kept as their digits;
 * {@code available} is null for an item Shopify does not track.
 */
record InventoryLevel(String itemId, String locationId, OptionalInt available, Optional<Instant> updatedAt) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static InventoryLevel read(byte[] body) throws WebhookRejectedException {
    JsonNode level;
    try {
      level = JSON.readTree(body);
    } catch (IOException e) {
      throw WebhookRejectedException.malformed("shopify: the inventory_levels/update body is not JSON");
    }
    String item = id(level, "inventory_item_id");
    JsonNode available = level.path("available");
    boolean tracked = !available.isNull() && !available.isMissingNode();
    if (tracked && !(available.isIntegralNumber() && available.canConvertToInt())) {
      throw WebhookRejectedException.malformed("shopify: inventory_levels/update available is not a whole number");
    }
    return new InventoryLevel(item, level.path("location_id").isMissingNode() ? "" : id(level, "location_id"),
        tracked ? OptionalInt.of(available.intValue()) : OptionalInt.empty(), instant(level.path("updated_at")));
  }

  private static String id(JsonNode level, String field) throws WebhookRejectedException {
    JsonNode id = level.path(field);
    if (!id.isIntegralNumber() && !(id.isTextual() && id.asText().matches("[0-9]{1,20}"))) {
      throw WebhookRejectedException.malformed("shopify: inventory_levels/update has no " + field);
    }
    return id.asText();
  }

  private static Optional<Instant> instant(JsonNode text) {
    try {
      return text.isTextual() ? Optional.of(OffsetDateTime.parse(text.asText()).toInstant()) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
