package com.backordergateway.rendering;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The variables every template may use, and nothing else: a template that names another one is
 * refused at start-up with its file and line, and so is a customer template that names a
 * staff-only one. Nested values are written with dots ({@code {{customer.name}}}); booleans and
 * non-empty values open sections ({@code {{#has_eta}}…{{/has_eta}}}, {@code {{^customer.first_name}}}).
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>store_name</td><td>the retailer's name from the config</td></tr>
 *   <tr><td>trigger, purpose</td><td>e.g. stock-depleted, customer-notice</td></tr>
 *   <tr><td>sku, product</td><td>the item (product falls back to the SKU)</td></tr>
 *   <tr><td>order_id, order_name</td><td>the order; the name the shop shows (#1001), else the id</td></tr>
 *   <tr><td>customer.name, customer.first_name, customer.email, customer.phone</td><td>the recipient</td></tr>
 *   <tr><td>eta, eta_iso, has_eta, eta_expected</td><td>the date in the template's language and the recipient's zone,
 *       ISO-8601, whether known, whether it is the supplier's expected date</td></tr>
 *   <tr><td>case_id</td><td>the backorder case</td></tr>
 *   <tr><td>reason (staff only)</td><td>why it opened</td></tr>
 *   <tr><td>supplier, po_number</td><td>the supplier shipment behind the date</td></tr>
 *   <tr><td>resolution, restocked, cancelled</td><td>how the case ended (resolution notices)</td></tr>
 *   <tr><td>message, has_message</td><td>the text given on resolution, for everyone told</td></tr>
 *   <tr><td>note, has_note (staff only)</td><td>why it resolved, e.g. "48 on hand after a receipt"</td></tr>
 * </table>
 */
public final class TemplateVariables {

  public static final Set<String> NAMES = Set.of(
      "store_name", "trigger", "purpose", "sku", "product", "order_id", "order_name", "customer", "customer.name",
      "customer.first_name", "customer.email", "customer.phone", "eta", "eta_iso", "has_eta", "eta_expected", "case_id",
      "reason", "supplier", "po_number", "resolution", "restocked", "cancelled", "message", "has_message", "note",
      "has_note");

  /** Internal to the retailer: never in a template customers read. */
  public static final Set<String> STAFF_ONLY = Set.of("reason", "note", "has_note");

  private TemplateVariables() {}

  /** The variables for one notification, with dates in the recipient's locale. */
  public static Map<String, Object> of(TemplateFacts f) {
    return of(f, f.locale());
  }

  /** The variables for one notification, with dates written in {@code dateLocale}. */
  public static Map<String, Object> of(TemplateFacts f, Locale dateLocale) {
    Map<String, Object> v = new HashMap<>();
    v.put("store_name", f.storeName());
    v.put("trigger", f.trigger());
    v.put("purpose", f.purpose());
    v.put("sku", f.sku());
    v.put("product", f.product().isEmpty() ? f.sku() : f.product());
    v.put("order_id", f.orderId());
    v.put("order_name", f.orderName().isBlank() ? f.orderId() : f.orderName());
    String firstName = f.customerName().isBlank() ? "" : f.customerName().trim().split("\\s+")[0];
    v.put("customer", Map.of(
        "name", f.customerName(), "first_name", firstName, "email", f.customerEmail(), "phone", f.customerPhone()));
    boolean hasEta = f.eta() != null;
    v.put("has_eta", hasEta);
    v.put("eta_expected", hasEta && f.etaExpected());
    v.put("eta", hasEta ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(dateLocale)
        .format(f.eta().atZone(f.zone())) : "");
    v.put("eta_iso", hasEta ? f.eta().toString() : "");
    v.put("case_id", f.caseId());
    v.put("reason", f.reason());
    v.put("supplier", f.supplier());
    v.put("po_number", f.poNumber());
    v.put("resolution", f.resolution());
    v.put("restocked", f.resolution().equals("restocked"));
    v.put("cancelled", f.resolution().equals("cancelled"));
    v.put("message", f.message());
    v.put("has_message", !f.message().isBlank());
    v.put("note", f.note());
    v.put("has_note", !f.note().isBlank());
    return v;
  }
}
