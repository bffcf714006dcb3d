package com.backordergateway.plugins.zapier;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.Recipient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The JSON a Catch Hook receives for one delivery: one flat object, every field always present
 * (an empty string when not known) and in the same order, so a Zap's later steps map them
 * without digging into nested objects and a field never disappears from the Zap editor because
 * the sample happened not to have it. These names are a public contract: a Zap maps them by name.
 *
 * <p>A customer's payload never carries the staff-only facts ({@code reason}, {@code note}):
 * they are present and empty, since a Zap that mails the customer maps whatever it sees.
 */
final class ZapierPayload {

  /** Every field, in order. Adding one is compatible; renaming or removing one breaks Zaps. */
  static final List<String> FIELDS = List.of(
      "delivery_id", "case_id", "trigger", "purpose", "audience", "status",
      "sku", "product", "category", "order_id", "order_name",
      "customer_name", "customer_email", "customer_phone", "customer_locale", "customer_time_zone", "customer_id",
      "eta_iso", "eta_date", "eta_source", "supplier", "po_number", "store_name",
      "subject", "body", "message", "reason", "note", "is_follow_up", "sent_at");

  private static final PlatformJson JSON = PlatformJson.get();

  private ZapierPayload() {}

  static ObjectNode of(Notification notification, ZoneId fallbackZone, Instant now) {
    Recipient customer = notification.recipient();
    java.util.Map<String, String> facts = notification.audienceFacts();
    ObjectNode payload = JSON.object();
    payload.put("delivery_id", notification.deliveryId());
    payload.put("case_id", facts.getOrDefault("case_id", ""));
    payload.put("trigger", dashed(notification.trigger()));
    payload.put("purpose", dashed(notification.purpose()));
    payload.put("audience", dashed(notification.audience()));
    for (String fact : List.of("status", "sku", "product", "category")) {
      payload.put(fact, facts.getOrDefault(fact, ""));
    }
    payload.put("order_id", customer.orderId().isEmpty() ? facts.getOrDefault("order_id", "") : customer.orderId());
    payload.put("order_name", facts.getOrDefault("order_name", ""));
    payload.put("customer_name", customer.name());
    payload.put("customer_email", customer.email());
    payload.put("customer_phone", customer.phone());
    payload.put("customer_locale", customer.locale());
    payload.put("customer_time_zone", customer.timeZone());
    payload.put("customer_id", customer.customerId());
    String eta = facts.getOrDefault("eta", "").strip();
    payload.put("eta_iso", eta);
    payload.put("eta_date", etaDate(eta, zoneOf(customer.timeZone(), fallbackZone)));
    for (String fact : List.of("eta_source", "supplier", "po_number", "store_name")) {
      payload.put(fact, facts.getOrDefault(fact, ""));
    }
    payload.put("subject", notification.message().subject());
    payload.put("body", notification.message().body());
    for (String fact : List.of("message", "reason", "note")) {
      payload.put(fact, facts.getOrDefault(fact, ""));
    }
    payload.put("is_follow_up", notification.purpose() == Notification.Purpose.ETA_CORRECTION
        || notification.purpose() == Notification.Purpose.RESOLUTION);
    payload.put("sent_at", now.toString());
    return payload;
  }

  /** {@code STOCK_DEPLETED} → {@code stock-depleted}, as the gateway's config and templates name them. */
  private static String dashed(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The ETA's day where the customer lives, {@code YYYY-MM-DD}; empty without an ETA. */
  private static String etaDate(String eta, ZoneId zone) {
    try {
      return eta.isEmpty() ? "" : LocalDate.ofInstant(Instant.parse(eta), zone).toString();
    } catch (DateTimeException notAnInstant) {
      return "";
    }
  }

  private static ZoneId zoneOf(String timeZone, ZoneId fallback) {
    try {
      return timeZone.isBlank() ? fallback : ZoneId.of(timeZone.strip());
    } catch (DateTimeException unknown) {
      return fallback;
    }
  }
}
