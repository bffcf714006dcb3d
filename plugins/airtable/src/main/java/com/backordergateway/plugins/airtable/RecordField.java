package com.backordergateway.plugins.airtable;

import java.util.Locale;

/**
 * The fields a case's record holds, each written to a field of the table the operator names
 * ({@code <name>-field}, default the name shown here). The case key is the one the upsert merges
 * on, so it must be a text field; with {@code typecast} Airtable adds missing single-select
 * options (the status, the trigger) itself.
 */
enum RecordField {
  CASE_KEY("Case key", "the upsert merges on (a text field; one record per case and order)"),
  STATUS("Status", "the status (backordered, delayed, restocked, cancelled)"),
  TRIGGER("Trigger", "what opened the case"),
  SKU("SKU", "the SKU"),
  PRODUCT("Product", "the product's name"),
  ORDER("Order", "the order's name (#1001)"),
  CUSTOMER("Customer", "the customer's name and email"),
  ETA("ETA", "the expected day (a date field)"),
  LAST_UPDATE("Last update", "the rendered text of the latest news (a long text field)"),
  UPDATED_AT("Updated at", "when the latest news was written (a date-time field)");

  private final String defaultName;
  private final String meaning;

  RecordField(String defaultName, String meaning) {
    this.defaultName = defaultName;
    this.meaning = meaning;
  }

  /** {@code case-key-field}, {@code last-update-field}, … */
  String settingKey() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-') + "-field";
  }

  String defaultName() {
    return defaultName;
  }

  String meaning() {
    return meaning;
  }
}
