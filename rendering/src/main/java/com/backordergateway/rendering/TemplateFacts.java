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
 * @param orderId the order's id in the shop's system; orderName what the shop shows ({@code #1001})
 * @param zone the recipient's time zone, for the ETA date
 * @param locale the recipient's locale, for the template choice (and the date, in its language)
 * @param reason why the case opened: staff-only
 * @param resolution {@code restocked} or {@code cancelled} for resolution notices, else empty
 * @param message the text given on resolution for everyone who is told
 * @param staff whether staff read it (which names the template: see {@link TemplateNames#of})
 * @param note why the case resolved, e.g. "48 on hand after a receipt": staff-only
 * @param etaExpected whether the ETA is the supplier's expected date rather than one staff gave
 */
public record TemplateFacts(
    String storeName, String trigger, String purpose, String sku, String product, String orderId,
    String customerName, String customerEmail, String customerPhone, Instant eta, ZoneId zone,
    Locale locale, String caseId, String reason, String supplier, String poNumber, String resolution,
    String message, boolean staff, String orderName, String note, boolean etaExpected) {

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
    Objects.requireNonNull(orderName, "orderName is null");
    Objects.requireNonNull(note, "note is null");
  }

  /** The facts without the staff-only and display fields (staff when the purpose is a staff alert). */
  public TemplateFacts(
      String storeName, String trigger, String purpose, String sku, String product, String orderId,
      String customerName, String customerEmail, String customerPhone, Instant eta, ZoneId zone,
      Locale locale, String caseId, String reason, String supplier, String poNumber, String resolution,
      String message) {
    this(storeName, trigger, purpose, sku, product, orderId, customerName, customerEmail, customerPhone, eta, zone,
        locale, caseId, reason, supplier, poNumber, resolution, message, purpose.equals("staff-alert"), "", "", false);
  }

  /** The template name these facts are rendered with. */
  public String templateName() {
    return TemplateNames.of(purpose, staff);
  }

  /**
   * A complete example for a template name ({@code customer-notice}, {@code staff-resolution}…),
   * used to check every template when it is loaded.
   */
  public static TemplateFacts sample(String trigger, String name) {
    boolean staff = name.startsWith("staff-");
    String purpose = staff && !name.equals("staff-alert") ? name.substring("staff-".length()) : name;
    boolean resolution = purpose.equals("resolution");
    boolean supplier = trigger.equals("supplier-delayed");
    return new TemplateFacts("Maple & Thread Crafts", trigger, purpose, "ACR-TITANIUM-WHITE",
        "Titanium White Acrylic 120 ml", "ORD-5001", staff ? "" : "Maya Okafor", staff ? "" : "maya@example.com",
        staff ? "" : "+14155550123", Instant.parse("2026-04-14T16:00:00Z"), ZoneId.of("America/Chicago"), Locale.US,
        "case_01JSAMPLE", "sold out after a sale", supplier ? "Golden Artist Colors" : "", supplier ? "PO-2041" : "",
        resolution ? "restocked" : "", resolution ? "Back on the shelf today." : "", staff, "",
        resolution ? "48 on hand after a receipt" : "", supplier);
  }

  /**
   * The same facts with everything that may be unknown left out: no customer name, order, ETA,
   * supplier, PO, message or note. Templates must read right with these too.
   */
  public TemplateFacts sparse() {
    return new TemplateFacts(storeName, trigger, purpose, sku, product, "", "", customerEmail, customerPhone, null,
        zone, locale, caseId, reason, "", "", resolution, "", staff, "", "", false);
  }

  /** The same facts for another purpose (follow-ups reuse the case's facts). */
  public TemplateFacts withPurpose(String newPurpose) {
    return new TemplateFacts(storeName, trigger, newPurpose, sku, product, orderId, customerName, customerEmail,
        customerPhone, eta, zone, locale, caseId, reason, supplier, poNumber, resolution, message, staff, orderName, note,
        etaExpected);
  }

  /** The same facts for a recipient in another locale. */
  public TemplateFacts withLocale(Locale newLocale) {
    return new TemplateFacts(storeName, trigger, purpose, sku, product, orderId, customerName, customerEmail,
        customerPhone, eta, zone, newLocale, caseId, reason, supplier, poNumber, resolution, message, staff, orderName,
        note, etaExpected);
  }

  /** The same facts ending as {@code restocked} or {@code cancelled} (or neither: empty). */
  public TemplateFacts withResolution(String newResolution) {
    return new TemplateFacts(storeName, trigger, purpose, sku, product, orderId, customerName, customerEmail,
        customerPhone, eta, zone, locale, caseId, reason, supplier, poNumber, newResolution, message, staff, orderName,
        note, etaExpected);
  }

  /** The same facts for the order the shop shows as {@code name}. */
  public TemplateFacts withOrderName(String name) {
    return new TemplateFacts(storeName, trigger, purpose, sku, product, orderId, customerName, customerEmail,
        customerPhone, eta, zone, locale, caseId, reason, supplier, poNumber, resolution, message, staff, name, note,
        etaExpected);
  }

  /** The same facts with another expected date ({@code null}: not known yet). */
  public TemplateFacts withEta(Instant newEta) {
    return new TemplateFacts(storeName, trigger, purpose, sku, product, orderId, customerName, customerEmail,
        customerPhone, newEta, zone, locale, caseId, reason, supplier, poNumber, resolution, message, staff, orderName,
        note, etaExpected);
  }
}
