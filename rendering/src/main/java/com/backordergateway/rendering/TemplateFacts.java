package com.backordergateway.rendering;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;

/**
 * What a notification is about, in plain values; {@link TemplateVariables} turns it into the
 * variables templates see. Empty strings and a null ETA stand for "not known".
 *
 * @param trigger kebab-case trigger, e.g. {@code stock-depleted}
 * @param purpose kebab-case purpose, e.g. {@code customer-notice}
 * @param zone the recipient's time zone, for the ETA date
 * @param locale the recipient's locale, for the ETA date and template choice
 * @param resolution {@code restocked} or {@code cancelled} for resolution notices, else empty
 */
public record TemplateFacts(
    String storeName, String trigger, String purpose, String sku, String product, String orderId,
    String customerName, String customerEmail, String customerPhone, Instant eta, ZoneId zone,
    Locale locale, String caseId, String reason, String supplier, String poNumber, String resolution,
    String message) {

  public TemplateFacts {
    Objects.requireNonNull(storeName, "storeName is null");
    Objects.requireNonNull(trigger, "trigger is null");
    Objects.requireNonNull(purpose, "purpose is null");
    Objects.requireNonNull(sku, "sku is null");
    Objects.requireNonNull(product, "product is null");
    Objects.requireNonNull(orderId, "orderId is null");
    Objects.requireNonNull(customerName, "customerName is null");
    Objects.requireNonNull(customerEmail, "customerEmail is null");
    Objects.requireNonNull(customerPhone, "customerPhone is null");
    Objects.requireNonNull(zone, "zone is null");
    Objects.requireNonNull(locale, "locale is null");
    Objects.requireNonNull(caseId, "caseId is null");
    Objects.requireNonNull(reason, "reason is null");
    Objects.requireNonNull(supplier, "supplier is null");
    Objects.requireNonNull(poNumber, "poNumber is null");
    Objects.requireNonNull(resolution, "resolution is null");
    Objects.requireNonNull(message, "message is null");
  }

  /** A complete example, used to check every template at start-up. */
  public static TemplateFacts sample(String trigger, String purpose) {
    boolean resolution = purpose.equals("resolution");
    return new TemplateFacts("Maple & Thread Crafts", trigger, purpose, "ACR-TITANIUM-WHITE",
        "Titanium White Acrylic 120 ml", "ORD-5001", "Maya Okafor", "maya@example.com", "+14155550123",
        Instant.parse("2026-04-14T16:00:00Z"), ZoneId.of("America/Chicago"), Locale.US, "case_01JSAMPLE",
        "sold out after a sale", trigger.equals("supplier-delayed") ? "Golden Artist Colors" : "",
        trigger.equals("supplier-delayed") ? "PO-2041" : "", resolution ? "restocked" : "",
        resolution ? "Back on the shelf today." : "");
  }

  /** The same facts for another purpose (follow-ups reuse the case's facts). */
  public TemplateFacts withPurpose(String newPurpose) {
    return new TemplateFacts(storeName, trigger, newPurpose, sku, product, orderId, customerName, customerEmail,
        customerPhone, eta, zone, locale, caseId, reason, supplier, poNumber, resolution, message);
  }

}
