package com.backordergateway.plugins.webhook;

import java.util.List;
import java.util.Locale;

/**
 * What a generic JSON source's posts report, with the mapped fields each one needs. Order fields
 * ({@code order-id}, {@code customer-*}) are read inside each element of {@code orders} for a SKU
 * marked unavailable, and from the body itself for a platform backorder.
 */
enum JsonTrigger {
  STOCK_LEVEL(List.of("sku", "on-hand")),
  MARKED_UNAVAILABLE(List.of("sku")),
  PLATFORM_BACKORDER(List.of("order-id", "skus")),
  SHIPMENT_UPDATE(List.of("po-number"));

  private final List<String> required;

  JsonTrigger(List<String> required) {
    this.required = required;
  }

  /** The mapped fields this trigger cannot do without. */
  List<String> required() {
    return required;
  }

  /** {@code stock-level} and so on, as the setting spells it. */
  String settingValue() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  static JsonTrigger fromSetting(String value) {
    return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
