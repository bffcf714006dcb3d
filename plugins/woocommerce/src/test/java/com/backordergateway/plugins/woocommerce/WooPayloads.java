package com.backordergateway.plugins.woocommerce;

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
 * WooCommerce {@code order.updated} deliveries for tests: an order body as the REST API v3 (and so
 * the webhook) returns it, with the headers WooCommerce's Hookshot sends, signed with a test
 * secret, and the unsigned creation ping.
 */
final class WooPayloads {

  static final String SECRET = "Wv7#rT2q!kLp9zXe4mNb";
  static final String DELIVERY_ID = "5b1e8c0f3a9d27e6c4b8f1a0d2e7c935";
  static final long ORDER_ID = 4127;

  /**
   * Order 4127 of Maya Okafor, on hold: two tubes of Titanium White of which one backordered, a
   * Cadmium Red in stock, and a backordered line whose product has no SKU.
   */
  static final String ORDER = """
      {
        "id": 4127,
        "parent_id": 0,
        "status": "on-hold",
        "currency": "USD",
        "version": "9.6.1",
        "prices_include_tax": false,
        "date_created": "2026-02-27T10:14:03",
        "date_created_gmt": "2026-02-27T16:14:03",
        "date_modified": "2026-03-02T03:29:41",
        "date_modified_gmt": "2026-03-02T09:29:41",
        "discount_total": "0.00",
        "shipping_total": "8.00",
        "total": "47.40",
        "total_tax": "0.00",
        "customer_id": 218,
        "order_key": "wc_order_Qm4Rk2Zp7XbVt",
        "billing": {
          "first_name": "Maya", "last_name": "Okafor", "company": "", "address_1": "2150 N Lincoln Ave",
          "address_2": "Apt 3", "city": "Chicago", "state": "IL", "postcode": "60614", "country": "US",
          "email": "maya.okafor@example.com", "phone": "+1 312-555-0147"
        },
        "shipping": {
          "first_name": "Maya", "last_name": "Okafor", "company": "", "address_1": "2150 N Lincoln Ave",
          "address_2": "Apt 3", "city": "Chicago", "state": "IL", "postcode": "60614", "country": "US", "phone": ""
        },
        "payment_method": "bacs",
        "payment_method_title": "Direct bank transfer",
        "transaction_id": "",
        "customer_ip_address": "203.0.113.24",
        "customer_user_agent": "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_3)",
        "created_via": "checkout",
        "customer_note": "",
        "date_completed": null,
        "date_paid": null,
        "cart_hash": "7d6a1b0c5e9f2a3b4c8d",
        "number": "4127",
        "meta_data": [{"id": 88412, "key": "is_vat_exempt", "value": "no"}],
        "line_items": [
          {
            "id": 315, "name": "Titanium White Acrylic - 120 ml", "product_id": 902, "variation_id": 911, "quantity": 2,
            "tax_class": "", "subtotal": "28.40", "subtotal_tax": "0.00", "total": "28.40", "total_tax": "0.00",
            "taxes": [],
            "meta_data": [
              {"id": 2901, "key": "pa_size", "value": "120-ml", "display_key": "Size", "display_value": "120 ml"},
              {"id": 2902, "key": "Backordered", "value": "1", "display_key": "Backordered", "display_value": "1"}
            ],
            "sku": "ACR-TITANIUM-WHITE", "price": 14.2, "image": {"id": 903, "src": "https://shop.example.com/wp-content/uploads/titanium-white.jpg"},
            "parent_name": "Titanium White Acrylic"
          },
          {
            "id": 316, "name": "Cadmium Red Acrylic - 60 ml", "product_id": 904, "variation_id": 0, "quantity": 1,
            "tax_class": "", "subtotal": "11.00", "subtotal_tax": "0.00", "total": "11.00", "total_tax": "0.00",
            "taxes": [], "meta_data": [], "sku": "ACR-CADMIUM-RED", "price": 11, "image": {"id": 905, "src": ""},
            "parent_name": null
          },
          {
            "id": 317, "name": "Palette knife set", "product_id": 906, "variation_id": 0, "quantity": 1,
            "tax_class": "", "subtotal": "0.00", "subtotal_tax": "0.00", "total": "0.00", "total_tax": "0.00",
            "taxes": [],
            "meta_data": [{"id": 2903, "key": "Backordered", "value": 1, "display_key": "Backordered", "display_value": "1"}],
            "sku": "", "price": 0, "image": {"id": 0, "src": ""}, "parent_name": null
          }
        ],
        "tax_lines": [],
        "shipping_lines": [{"id": 318, "method_title": "Flat rate", "method_id": "flat_rate", "instance_id": "1",
          "total": "8.00", "total_tax": "0.00", "taxes": [], "meta_data": []}],
        "fee_lines": [],
        "coupon_lines": [],
        "refunds": [],
        "payment_url": "https://shop.example.com/checkout/order-pay/4127/?pay_for_order=true&key=wc_order_Qm4Rk2Zp7XbVt",
        "is_editable": true,
        "needs_payment": false,
        "needs_processing": true,
        "date_paid_gmt": null,
        "date_completed_gmt": null,
        "currency_symbol": "$",
        "_links": {
          "self": [{"href": "https://shop.example.com/wp-json/wc/v3/orders/4127"}],
          "collection": [{"href": "https://shop.example.com/wp-json/wc/v3/orders"}],
          "customer": [{"href": "https://shop.example.com/wp-json/wc/v3/customers/218"}]
        }
      }
      """;

  private static final ObjectMapper JSON = new ObjectMapper();

  private WooPayloads() {}

  /** {@link #ORDER} with {@code change} applied to its top-level object. */
  static String order(Consumer<ObjectNode> change) {
    try {
      ObjectNode order = (ObjectNode) JSON.readTree(ORDER);
      change.accept(order);
      return JSON.writeValueAsString(order);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON", e);
    }
  }

  /** The headers WooCommerce sends with a delivery of {@code body} on {@code topic}, signed with {@code secret}. */
  static Map<String, String> headers(String topic, byte[] body, String secret) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("User-Agent", "WooCommerce/9.6.1 Hookshot (WordPress/6.7.2)");
    headers.put("X-WC-Webhook-Source", "https://shop.example.com/");
    headers.put("X-WC-Webhook-Topic", topic);
    headers.put("X-WC-Webhook-Resource", topic.substring(0, topic.indexOf('.')));
    headers.put("X-WC-Webhook-Event", topic.substring(topic.indexOf('.') + 1));
    headers.put("X-WC-Webhook-Signature", WebhookSignatures.hmacSha256Base64(secret, body));
    headers.put("X-WC-Webhook-ID", "12");
    headers.put("X-WC-Webhook-Delivery-ID", DELIVERY_ID);
    return headers;
  }

  /** A signed delivery of {@code body} on {@code topic}. */
  static WebhookRequest delivery(String topic, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new WebhookRequest(headers(topic, bytes, SECRET), bytes);
  }

  /** A v3 product as {@code product.updated} sends it, trimmed to the fields stock depends on and a few others. */
  static String product(String manageStock, String stockQuantity, String stockStatus) {
    return """
        {"id":794,"name":"Acrylic paint 120 ml, titanium white","slug":"acrylic-titanium-white","type":"simple",\
        "status":"publish","sku":"ACR-TITANIUM-WHITE","price":"8.50","date_modified":"2026-03-02T04:29:41",\
        "date_modified_gmt":"2026-03-02T09:29:41","manage_stock":%s,"stock_quantity":%s,"stock_status":"%s",\
        "backorders":"notify","backorders_allowed":true,"backordered":false,\
        "categories":[{"id":17,"name":"Paint","slug":"paint"}],"meta_data":[]}"""
        .formatted(manageStock, stockQuantity, stockStatus);
  }

  /** A signed {@code order.updated} delivery of {@code body}. */
  static WebhookRequest delivery(String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return new WebhookRequest(headers("order.updated", bytes, SECRET), bytes);
  }

  /** The ping WooCommerce sends when a webhook is saved: no signature, no topic, a form body. */
  static WebhookRequest ping(String body) {
    return new WebhookRequest(Map.of("User-Agent", "WooCommerce/9.6.1 Hookshot (WordPress/6.7.2)",
        "Content-Type", "application/x-www-form-urlencoded"), body.getBytes(StandardCharsets.UTF_8));
  }
}
