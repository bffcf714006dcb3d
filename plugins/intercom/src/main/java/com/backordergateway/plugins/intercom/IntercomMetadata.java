package com.backordergateway.plugins.intercom;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code metadata} of a data event. Intercom keeps at most ten keys per event (the first ten
 * sent; later ones are dropped), takes flat values only (no nested objects here), and shows
 * strings of up to 255 characters. So the connector chooses the ten most useful values, in this
 * order, leaving out the ones it does not know:
 *
 * <ol>
 *   <li>{@code order_id}, {@code sku}, {@code product}, {@code status} ({@code backordered},
 *       {@code delayed}, {@code restocked}, {@code cancelled});
 *   <li>{@code eta} (ISO-8601, as the gateway has it) and {@code eta_date} (the same as a Unix
 *       timestamp: Intercom shows keys ending in {@code _date} as dates and can filter on them);
 *   <li>{@code case_id}, {@code trigger} ({@code stock-depleted}, ...);
 *   <li>{@code notice}: the rendered message, for an Intercom message to quote;
 *   <li>{@code delivery_id}, to trace an event back to the gateway.
 * </ol>
 *
 * <p>Longer strings are cut to 255 characters, ending in an ellipsis.
 */
final class IntercomMetadata {

  /** Intercom: "We currently limit the number of tracked metadata keys to 10 per event." */
  static final int MAX_KEYS = 10;

  /** Intercom: a string metadata value is "a plain string up to 255 characters long". */
  static final int MAX_STRING = 255;

  private IntercomMetadata() {}

  static ObjectNode of(Notification notification) {
    ObjectNode metadata = PlatformJson.get().object();
    String orderId = notification.fact("order_id");
    put(metadata, "order_id", orderId.isBlank() ? notification.recipient().orderId() : orderId);
    put(metadata, "sku", notification.fact("sku"));
    put(metadata, "product", notification.fact("product"));
    put(metadata, "status", notification.fact("status"));
    String eta = notification.fact("eta").strip();
    put(metadata, "eta", eta);
    epochSeconds(eta).ifPresent(seconds -> {
      if (metadata.size() < MAX_KEYS) {
        metadata.put("eta_date", seconds);
      }
    });
    put(metadata, "case_id", notification.fact("case_id"));
    put(metadata, "trigger", notification.trigger().name().toLowerCase(Locale.ROOT).replace('_', '-'));
    put(metadata, "notice", notification.message().body());
    put(metadata, "delivery_id", notification.deliveryId());
    return metadata;
  }

  private static void put(ObjectNode metadata, String key, String value) {
    String stripped = value.strip();
    if (!stripped.isEmpty() && metadata.size() < MAX_KEYS) {
      metadata.put(key, truncate(stripped));
    }
  }

  /** At most {@link #MAX_STRING} characters, never splitting a surrogate pair. */
  static String truncate(String value) {
    if (value.length() <= MAX_STRING) {
      return value;
    }
    int cut = MAX_STRING - 1;
    if (Character.isHighSurrogate(value.charAt(cut - 1))) {
      cut--;
    }
    return value.substring(0, cut) + "…";
  }

  private static Optional<Long> epochSeconds(String iso) {
    if (iso.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(iso).getEpochSecond());
    } catch (DateTimeParseException notAnInstant) {
      return Optional.empty();
    }
  }
}
