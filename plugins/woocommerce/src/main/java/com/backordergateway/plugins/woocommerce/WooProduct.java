package com.backordergateway.plugins.woocommerce;

import com.backordergateway.connector.api.WebhookRejectedException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code product.updated} body (a v3 product or variation): {@code id, sku, manage_stock,
 * stock_quantity, stock_status, date_modified_gmt, categories[]}. A variation whose stock the
 * parent manages says {@code manage_stock: "parent"}: its level arrives with the parent's update.
 *
 * @param level the managed stock quantity; empty when WooCommerce does not count this product
 */
record WooProduct(String id, String sku, OptionalInt level, Optional<Instant> modified, String category) {

  private static final ObjectMapper JSON = new ObjectMapper();

  static WooProduct read(byte[] body) throws WebhookRejectedException {
    JsonNode product;
    try {
      product = JSON.readTree(body);
    } catch (IOException e) {
      throw WebhookRejectedException.malformed("woocommerce: the product.updated body is not JSON");
    }
    if (!product.path("id").isIntegralNumber()) {
      throw WebhookRejectedException.malformed("woocommerce: the product.updated body has no product id");
    }
    JsonNode quantity = product.path("stock_quantity");
    boolean managed = product.path("manage_stock").asBoolean(false) && product.path("manage_stock").isBoolean();
    if (managed && !quantity.isNull() && !(quantity.isIntegralNumber() && quantity.canConvertToInt())) {
      throw WebhookRejectedException.malformed("woocommerce: product.updated stock_quantity is not a whole number");
    }
    return new WooProduct(product.path("id").asText(), product.path("sku").asText("").strip(),
        managed && !quantity.isNull() ? OptionalInt.of(quantity.intValue()) : OptionalInt.empty(),
        gmt(product.path("date_modified_gmt")), product.path("categories").path(0).path("slug").asText(""));
  }

  /** WooCommerce's {@code _gmt} dates are UTC without a zone: {@code 2026-03-02T09:29:41}. */
  private static Optional<Instant> gmt(JsonNode text) {
    try {
      return text.isTextual()
          ? Optional.of(LocalDateTime.parse(text.asText()).toInstant(ZoneOffset.UTC)) : Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
