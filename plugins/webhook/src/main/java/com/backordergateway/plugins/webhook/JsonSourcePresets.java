package com.backordergateway.plugins.webhook;

import java.util.Map;

/**
 * Ready-made settings for the senders the generic JSON source is most often fed by; each is the
 * body shape the plugin's README documents for that sender. A setting configured on the source
 * wins over its preset's.
 */
final class JsonSourcePresets {

  private JsonSourcePresets() {}

  /** A warehouse system posting signed JSON with a timestamp header. */
  static final Map<String, String> WMS = Map.ofEntries(
      Map.entry("trigger", "marked-unavailable"),
      Map.entry("signature-header", "X-Signature"),
      Map.entry("timestamp-header", "X-Signature-Timestamp"),
      Map.entry("dedup", "/event_id"),
      Map.entry("sku", "/sku"),
      Map.entry("on-hand", "/on_hand"),
      Map.entry("reason", "/reason"),
      Map.entry("actor", "/actor"),
      Map.entry("eta", "/expected_back"),
      Map.entry("category", "/category"),
      Map.entry("orders", "/open_orders"),
      Map.entry("order-id", "/order_id"),
      Map.entry("customer-name", "/customer/name"),
      Map.entry("customer-email", "/customer/email"),
      Map.entry("customer-phone", "/customer/phone"),
      Map.entry("customer-locale", "/customer/locale"),
      Map.entry("po-number", "/po_number"),
      Map.entry("new-expected-at", "/new_expected_at"),
      Map.entry("received", "/received"),
      Map.entry("cancelled", "/cancelled"));

  /** An Airtable automation's "Run a script" step (the README has the script). */
  static final Map<String, String> AIRTABLE = Map.of(
      "trigger", "marked-unavailable",
      "signature-header", "X-Signature",
      "dedup", "/id",
      "sku", "/fields/SKU",
      "reason", "/fields/Reason",
      "actor", "/fields/Marked by",
      "eta", "/fields/Expected back",
      "category", "/fields/Category");

  /**
   * A "Webhooks by Zapier" POST action: flat JSON fields, and a shared token in a header, since
   * that action cannot compute a signature.
   */
  static final Map<String, String> ZAPIER = Map.of(
      "trigger", "marked-unavailable",
      "auth", "token",
      "signature-header", "X-Gateway-Token",
      "dedup", "/id",
      "sku", "/sku",
      "on-hand", "/on_hand",
      "reason", "/reason",
      "actor", "/actor",
      "eta", "/eta");

  static final Map<String, Map<String, String>> ALL = Map.of("wms", WMS, "airtable", AIRTABLE, "zapier", ZAPIER);
}
