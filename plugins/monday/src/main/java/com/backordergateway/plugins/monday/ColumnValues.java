package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Notification.Audience;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Column values as monday.com's {@code JSON} arguments take them: a JSON document written out as
 * a <em>string</em> ({@code "{\"label\":\"Backorder\"}"}), not a nested object. A status column
 * takes {@code {"label": …}}, a date column {@code {"date": "YYYY-MM-DD"}}, and {@code create_item}'s
 * {@code column_values} one such string keyed by column id, where a text column takes a plain string.
 */
final class ColumnValues {

  private static final PlatformJson JSON = PlatformJson.get();

  private ColumnValues() {}

  /** {@code {"label":"Backorder"}}, as a string. */
  static String status(String label) {
    return JSON.write(JSON.object().put("label", label));
  }

  /** {@code {"date":"2026-04-14"}}, as a string. */
  static String date(LocalDate day) {
    return JSON.write(JSON.object().put("date", day.toString()));
  }

  /**
   * What a new item starts with besides its name: the SKU, the order and the expected day in the
   * columns configured for them, skipping facts that are empty; empty when there is nothing to set.
   */
  static Optional<String> forNewItem(Notification notification, MondaySettings settings) {
    ObjectNode values = JSON.object();
    settings.skuColumnId().ifPresent(column -> putText(values, column, notification.fact("sku")));
    settings.orderColumnId().ifPresent(column -> putText(values, column, notification.fact("order_name")));
    settings.etaColumnId().ifPresent(column -> expectedDay(notification, settings)
        .ifPresent(day -> values.set(column, JSON.object().put("date", day.toString()))));
    return values.isEmpty() ? Optional.empty() : Optional.of(JSON.write(values));
  }

  /**
   * The expected day: the {@code eta} instant as a date in the customer's time zone (customer
   * items) or the store's; empty when no date is known.
   */
  static Optional<LocalDate> expectedDay(Notification notification, MondaySettings settings) {
    String eta = notification.fact("eta");
    if (eta.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(eta.strip()).atZone(zoneOf(notification, settings)).toLocalDate());
    } catch (DateTimeException unreadable) {
      return Optional.empty();
    }
  }

  private static ZoneId zoneOf(Notification notification, MondaySettings settings) {
    String customerZone = notification.recipient().timeZone().strip();
    if (notification.audience() == Audience.CUSTOMER && !customerZone.isEmpty()) {
      try {
        return ZoneId.of(customerZone);
      } catch (DateTimeException unknownZone) {
        return settings.zone();
      }
    }
    return settings.zone();
  }

  private static void putText(ObjectNode values, String column, String text) {
    if (!text.isBlank()) {
      values.put(column, text.strip());
    }
  }
}
