package com.backordergateway.plugins.googlesheets;

import java.util.Arrays;
import java.util.Locale;

/**
 * What a cell of the audit row can hold; operators pick and order them in the {@code columns}
 * setting by {@link #label()}. Most are a fact of the notification by the same name; the others
 * are described where {@link SheetRow} fills them.
 */
enum SheetColumn {
  TIMESTAMP, DELIVERY_ID, TRIGGER, PURPOSE, AUDIENCE, SKU, PRODUCT, CATEGORY, ORDER, ORDER_ID, CUSTOMER,
  CUSTOMER_EMAIL, CASE_ID, ETA, ETA_SOURCE, STATUS, SUPPLIER, PO_NUMBER, STORE_NAME, REASON, NOTE, MESSAGE;

  /** The name in the {@code columns} setting, e.g. {@code case_id}. */
  String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String[] names() {
    return Arrays.stream(values()).map(SheetColumn::label).toArray(String[]::new);
  }

  static SheetColumn named(String label) {
    return valueOf(label.strip().toUpperCase(Locale.ROOT));
  }
}
