package com.backordergateway.connector.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One rendered notification for one recipient.
 *
 * @param deliveryId the host's delivery id: stable across retries, so connectors pass it as
 *     the platform's idempotency key where the platform has one
 * @param trigger why the backorder exists
 * @param purpose why this message is sent
 * @param audience customer or staff
 * @param recipient the customer (for staff: {@link Recipient#NONE}, the instance's own channel)
 * @param message the rendered subject and body
 * @param facts structured values for platforms that take fields rather than text. Keys the
 *     host always sets (empty string when not known): {@code sku}, {@code product},
 *     {@code order_id}, {@code case_id}, {@code eta} (ISO-8601 instant), {@code status}
 *     ({@code backordered}, {@code delayed}, {@code restocked} or {@code cancelled}),
 *     {@code reason}, {@code category}, {@code supplier}, {@code po_number}, {@code store_name}
 * @param previousReference what an earlier delivery of the same case returned as its
 *     {@link DeliveryReceipt#reference()}, for connectors that update in place; empty if none
 */
public record Notification(
    String deliveryId, Trigger trigger, Purpose purpose, Audience audience, Recipient recipient,
    Message message, Map<String, String> facts, Optional<String> previousReference) {

  public Notification {
    Objects.requireNonNull(deliveryId, "deliveryId is null");
    Objects.requireNonNull(trigger, "trigger is null");
    Objects.requireNonNull(purpose, "purpose is null");
    Objects.requireNonNull(audience, "audience is null");
    Objects.requireNonNull(recipient, "recipient is null");
    Objects.requireNonNull(message, "message is null");
    facts = Map.copyOf(facts);
    Objects.requireNonNull(previousReference, "previousReference is null");
  }

  /**
   * Facts that are for the retailer's staff only: why a case opened ({@code reason}, e.g. "sold
   * out: 0 on hand after a sale") and why it closed ({@code note}, e.g. "48 on hand after a
   * receipt"). Stock counts and internal reasons never reach a customer.
   */
  public static final Set<String> STAFF_ONLY_FACTS = Set.of("reason", "note");

  /** A fact by name, or empty. */
  public String fact(String name) {
    return facts.getOrDefault(name, "");
  }

  /**
   * The facts a connector may hand on to what its audience reads: all of them for staff, all but
   * {@link #STAFF_ONLY_FACTS} for a customer (template data of a marketing or email platform,
   * event properties a customer-facing flow shows). Since 1.1.
   */
  public Map<String, String> audienceFacts() {
    if (audience == Audience.STAFF) {
      return facts;
    }
    Map<String, String> shown = new HashMap<>(facts);
    shown.keySet().removeAll(STAFF_ONLY_FACTS);
    return Map.copyOf(shown);
  }

  /** Why a backorder exists. */
  public enum Trigger { STOCK_DEPLETED, MARKED_UNAVAILABLE, SUPPLIER_DELAYED, PLATFORM_BACKORDER }

  /** Why a message is sent. */
  public enum Purpose { CUSTOMER_NOTICE, STAFF_ALERT, ETA_CORRECTION, RESOLUTION }

  /** Who it is for. */
  public enum Audience { CUSTOMER, STAFF }

  /** Rendered content; {@code subject} may be empty for channels without one (SMS, chat). */
  public record Message(String subject, String body) {
    public Message {
      Objects.requireNonNull(subject, "subject is null");
      Objects.requireNonNull(body, "body is null");
    }
  }
}
