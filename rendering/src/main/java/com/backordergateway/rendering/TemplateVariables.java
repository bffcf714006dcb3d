package com.backordergateway.rendering;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables every template may use, and nothing else: a template that names another one is
 * refused at start-up with its file and line. Nested values are written with dots
 * ({@code {{customer.name}}}); booleans open sections ({@code {{#has_eta}}…{{/has_eta}}}).
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>store_name</td><td>the retailer's name from the config</td></tr>
 *   <tr><td>trigger, purpose</td><td>e.g. stock-depleted, customer-notice</td></tr>
 *   <tr><td>sku, product</td><td>the item (product falls back to the SKU)</td></tr>
 *   <tr><td>order_id</td><td>the customer's order</td></tr>
 *   <tr><td>customer.name, customer.first_name, customer.email, customer.phone</td><td>the recipient</td></tr>
 *   <tr><td>eta, eta_iso, has_eta</td><td>expected date in the recipient's locale and zone, ISO-8601, whether known</td></tr>
 *   <tr><td>case_id, reason</td><td>the backorder case and why it opened</td></tr>
 *   <tr><td>supplier, po_number</td><td>for supplier delays</td></tr>
 *   <tr><td>resolution, restocked, cancelled</td><td>how the case ended (resolution notices)</td></tr>
 *   <tr><td>message, has_message</td><td>the note given on resolution</td></tr>
 * </table>
 */
public final class TemplateVariables {

  public static final Set<String> NAMES = Set.of(
      "store_name", "trigger", "purpose", "sku", "product", "order_id", "customer", "customer.name",
      "customer.first_name", "customer.email", "customer.phone", "eta", "eta_iso", "has_eta", "case_id",
      "reason", "supplier", "po_number", "resolution", "restocked", "cancelled", "message", "has_message");

  private TemplateVariables() {}

  /** The variables for one notification. */
  public static Map<String, Object> of(TemplateFacts f) {
    Map<String, Object> v = new HashMap<>();
    v.put("store_name", f.storeName());
    v.put("trigger", f.trigger());
    v.put("purpose", f.purpose());
    v.put("sku", f.sku());
    v.put("product", f.product().isEmpty() ? f.sku() : f.product());
    v.put("order_id", f.orderId());
    String firstName = f.customerName().isBlank() ? "" : f.customerName().trim().split("\\s+")[0];
    v.put("customer", Map.of(
        "name", f.customerName(), "first_name", firstName, "email", f.customerEmail(), "phone", f.customerPhone()));
    boolean hasEta = f.eta() != null;
    v.put("has_eta", hasEta);
    v.put("eta", hasEta ? DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(f.locale())
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
    return v;
  }
}
