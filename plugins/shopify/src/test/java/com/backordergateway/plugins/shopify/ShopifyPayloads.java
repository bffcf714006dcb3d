package com.backordergateway.plugins.shopify;

import com.backordergateway.connector.api.WebhookRequest;
import com.backordergateway.connector.api.WebhookSignatures;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Shopify {@code orders/updated} deliveries for tests: an order body shaped like the webhook's
 * (Admin API 2026-10 order JSON, trimmed of money and tax detail the source does not read but
 * keeping its shape), with the headers Shopify sends, signed with a test secret.
 */
final class ShopifyPayloads {

  static final String SECRET = "9f3c1b7e5a2d48c6b0e4f1a3d5c7e9b2";
  static final String WEBHOOK_ID = "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043";
  static final long ORDER_ID = 5829374619L;

  /**
   * Order #1001 of Maya Okafor: Titanium White (2 to ship), Cadmium Red (shipped), a gift card
   * without SKU, Ultramarine (1 of 3 still to ship) and a removed line of Burnt Sienna.
   */
  static final String ORDER = """
      {
        "id": 5829374619,
        "admin_graphql_api_id": "gid://shopify/Order/5829374619",
        "app_id": 580111,
        "browser_ip": "203.0.113.24",
        "buyer_accepts_marketing": true,
        "cancel_reason": null,
        "cancelled_at": null,
        "cart_token": "Z2NwLXVzLWVhc3QxOjAxSkc4",
        "checkout_id": 37215489021,
        "closed_at": null,
        "confirmation_number": "K7QZ2PMA4",
        "confirmed": true,
        "contact_email": "maya.okafor@example.com",
        "created_at": "2026-02-27T10:14:03-06:00",
        "currency": "USD",
        "current_total_price": "96.40",
        "customer_locale": "en-US",
        "email": "maya.okafor@example.com",
        "financial_status": "paid",
        "fulfillment_status": "partial",
        "name": "#1001",
        "note": "Gift wrap please",
        "note_attributes": [],
        "number": 1,
        "order_number": 1001,
        "order_status_url": "https://maple-thread.myshopify.com/71234567/orders/1c2f0e3b/authenticate?key=a1b2",
        "phone": null,
        "presentment_currency": "USD",
        "processed_at": "2026-02-27T10:14:02-06:00",
        "source_name": "web",
        "subtotal_price": "88.40",
        "tags": "TAGS",
        "test": false,
        "total_price": "96.40",
        "updated_at": "2026-03-02T03:29:41-06:00",
        "billing_address": {
          "first_name": "Maya", "last_name": "Okafor", "name": "Maya Okafor", "company": null,
          "address1": "2150 N Lincoln Ave", "address2": "Apt 3", "city": "Chicago", "province": "Illinois",
          "province_code": "IL", "zip": "60614", "country": "United States", "country_code": "US",
          "phone": "+1 (312) 555-0147", "latitude": 41.92, "longitude": -87.65
        },
        "customer": {
          "id": 7390218465,
          "email": "maya.okafor@example.com",
          "created_at": "2025-11-03T18:20:11-06:00",
          "updated_at": "2026-02-27T10:14:04-06:00",
          "first_name": "Maya",
          "last_name": "Okafor",
          "state": "enabled",
          "note": null,
          "verified_email": true,
          "multipass_identifier": null,
          "tax_exempt": false,
          "phone": "+13125550147",
          "currency": "USD",
          "tax_exemptions": [],
          "admin_graphql_api_id": "gid://shopify/Customer/7390218465",
          "default_address": {
            "id": 9012345678, "customer_id": 7390218465, "first_name": "Maya", "last_name": "Okafor",
            "address1": "2150 N Lincoln Ave", "city": "Chicago", "province": "Illinois", "country": "United States",
            "zip": "60614", "phone": "+1 (312) 555-0147", "name": "Maya Okafor", "default": true
          }
        },
        "discount_applications": [],
        "fulfillments": [
          {"id": 4820113409, "order_id": 5829374619, "status": "success", "tracking_company": "USPS",
           "tracking_number": "9400111899223197428490", "line_items": [{"id": 13688971493692, "sku": "ACR-CADMIUM-RED"}]}
        ],
        "line_items": [
          {
            "id": 13688971493691, "admin_graphql_api_id": "gid://shopify/LineItem/13688971493691",
            "current_quantity": 2, "fulfillable_quantity": 2, "fulfillment_service": "manual",
            "fulfillment_status": null, "gift_card": false, "grams": 160, "name": "Titanium White Acrylic - 120 ml",
            "price": "14.20", "product_exists": true, "product_id": 8266836345064, "properties": [], "quantity": 2,
            "requires_shipping": true, "sku": "ACR-TITANIUM-WHITE", "taxable": true, "title": "Titanium White Acrylic",
            "variant_id": 44610569208040, "variant_inventory_management": "shopify", "variant_title": "120 ml",
            "vendor": "Golden Artist Colors", "tax_lines": [], "duties": [], "discount_allocations": []
          },
          {
            "id": 13688971493692, "admin_graphql_api_id": "gid://shopify/LineItem/13688971493692",
            "current_quantity": 1, "fulfillable_quantity": 0, "fulfillment_service": "manual",
            "fulfillment_status": "fulfilled", "gift_card": false, "grams": 80, "name": "Cadmium Red Acrylic - 60 ml",
            "price": "11.00", "product_exists": true, "product_id": 8266836345065, "properties": [], "quantity": 1,
            "requires_shipping": true, "sku": "ACR-CADMIUM-RED", "taxable": true, "title": "Cadmium Red Acrylic",
            "variant_id": 44610569208041, "variant_title": "60 ml", "vendor": "Golden Artist Colors"
          },
          {
            "id": 13688971493693, "admin_graphql_api_id": "gid://shopify/LineItem/13688971493693",
            "current_quantity": 1, "fulfillable_quantity": 1, "fulfillment_service": "gift_card",
            "fulfillment_status": null, "gift_card": true, "grams": 0, "name": "Gift Card - $25",
            "price": "25.00", "product_exists": true, "product_id": 8266836345070, "properties": [], "quantity": 1,
            "requires_shipping": false, "sku": "", "taxable": false, "title": "Gift Card", "variant_id": 44610569208050
          },
          {
            "id": 13688971493694, "admin_graphql_api_id": "gid://shopify/LineItem/13688971493694",
            "current_quantity": 3, "fulfillable_quantity": 1, "fulfillment_service": "manual",
            "fulfillment_status": "partial", "gift_card": false, "grams": 240, "name": "Ultramarine Blue Acrylic - 60 ml",
            "price": "9.80", "product_exists": true, "product_id": 8266836345066, "properties": [], "quantity": 3,
            "requires_shipping": true, "sku": "ACR-ULTRAMARINE", "taxable": true, "title": "Ultramarine Blue Acrylic",
            "variant_id": 44610569208042, "variant_title": "60 ml", "vendor": "Golden Artist Colors"
          },
          {
            "id": 13688971493695, "admin_graphql_api_id": "gid://shopify/LineItem/13688971493695",
            "current_quantity": 0, "fulfillable_quantity": 0, "fulfillment_service": "manual",
            "fulfillment_status": null, "gift_card": false, "grams": 80, "name": "Burnt Sienna Acrylic - 60 ml",
            "price": "9.80", "product_exists": true, "product_id": 8266836345067, "properties": [], "quantity": 1,
            "requires_shipping": true, "sku": "ACR-BURNT-SIENNA", "taxable": true, "title": "Burnt Sienna Acrylic",
            "variant_id": 44610569208043, "variant_title": "60 ml", "vendor": "Golden Artist Colors"
          }
        ],
        "refunds": [],
        "shipping_address": {
          "first_name": "Maya", "last_name": "Okafor", "name": "Maya Okafor", "company": null,
          "address1": "2150 N Lincoln Ave", "address2": "Apt 3", "city": "Chicago", "province": "Illinois",
          "province_code": "IL", "zip": "60614", "country": "United States", "country_code": "US",
          "phone": "(312) 555-0199", "latitude": 41.92, "longitude": -87.65
        },
        "shipping_lines": [{"id": 4411231230, "code": "Standard", "price": "8.00", "source": "shopify", "title": "Standard"}]
      }
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private ShopifyPayloads() {}

  /** The order with these tags. */
  static String order(String tags) {
    return ORDER.replace("\"TAGS\"", "\"" + tags + "\"");
  }

  /** {@code json} with {@code change} applied to its top-level object. */
  static String edit(String json, Consumer<ObjectNode> change) {
    try {
      ObjectNode order = (ObjectNode) JSON.readTree(json);
      change.accept(order);
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(order);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  /** The headers Shopify sends with an {@code orders/updated} delivery of {@code body}, signed with {@code secret}. */
  static Map<String, String> headers(String topic, byte[] body, String secret) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "Shopify-Captain-Hook");
    headers.put("X-Shopify-Topic", topic);
    headers.put("X-Shopify-Hmac-Sha256", WebhookSignatures.hmacSha256Base64(secret, body));
    headers.put("X-Shopify-Shop-Domain", "maple-thread.myshopify.com");
    headers.put("X-Shopify-API-Version", "2026-10");
    headers.put("X-Shopify-Webhook-Id", WEBHOOK_ID);
    headers.put("X-Shopify-Triggered-At", "2026-03-02T09:29:41.508Z");
    headers.put("X-Shopify-Event-Id", "98880550-7158-44d4-b7cd-2c97c8a091b5");
    return headers;
  }

  /** A signed {@code orders/updated} delivery of {@code body}. */
  static WebhookRequest delivery(String body) {
    return delivery("orders/updated", body);
  }

  /** A signed delivery of {@code body} on {@code topic}. */
  static WebhookRequest delivery(String topic, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new WebhookRequest(headers(topic, bytes, SECRET), bytes);
  }

  /** An inventory item id beyond 2^53, as Shopify's are: a double would round it. */
  static final String ITEM_ID = "49148385149227353";

  /** An {@code inventory_levels/update} body as Shopify sends it; {@code available} may be "null". */
  static String inventoryLevel(String itemId, String available) {
    return """
        {"inventory_item_id":%s,"location_id":65482391,"available":%s,"updated_at":"2026-03-02T04:29:41-05:00",\
        "admin_graphql_api_id":"gid://shopify/InventoryLevel/65482391?inventory_item_id=%s"}"""
        .formatted(itemId, available, itemId);
  }
}
