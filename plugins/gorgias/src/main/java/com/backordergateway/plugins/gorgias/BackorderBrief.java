package com.backordergateway.plugins.gorgias;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The text that opens a customer's ticket, for the agents who pick it up: what is backordered
 * and why, for which order and customer, when it is expected, and whether the customer is
 * emailed from the ticket or the wording waits for them as a suggested reply. In English, for
 * the shop's staff; lines without a known fact are left out. It is written as the customer's
 * (API) message, so it holds only the facts a customer may see ({@link Notification#audienceFacts()}).
 */
final class BackorderBrief {

  private BackorderBrief() {}

  static String of(Notification notification, boolean emailed) {
    Map<String, String> facts = notification.audienceFacts();
    Recipient customer = notification.recipient();
    List<String> lines = new ArrayList<>();
    String sku = facts.getOrDefault("sku", "");
    String product = facts.getOrDefault("product", "");
    String item = product.isBlank() ? sku : sku.isBlank() || product.equals(sku) ? product : product + " (SKU " + sku + ")";
    lines.add("Backorder, " + words(notification.trigger()) + (item.isBlank() ? "" : ": " + item) + ".");
    line(lines, "Order", first(facts.get("order_name"), facts.get("order_id"), customer.orderId()));
    line(lines, "Customer", customer.name().isBlank() ? customer.email() : customer.name() + " <" + customer.email() + ">");
    line(lines, "Expected", date(facts.getOrDefault("eta", ""), customer.timeZone()));
    String po = facts.getOrDefault("po_number", "");
    line(lines, "Supplier", joined(facts.getOrDefault("supplier", ""), po.isBlank() ? "" : "PO " + po));
    line(lines, "Case", facts.getOrDefault("case_id", ""));
    String text = String.join("\n", lines);
    return emailed
        ? text + "\n\nBackorder Gateway emails the customer from this ticket; their replies arrive here."
        : text + "\n\n" + suggestedReply(notification);
  }

  /** The customer's wording for agents to send themselves, when the connector does not email it. */
  static String suggestedReply(Notification notification) {
    return "The customer has not been emailed (proactive-email is off). Suggested reply:\n\n"
        + notification.message().body().strip();
  }

  private static void line(List<String> lines, String label, String value) {
    if (value != null && !value.isBlank()) {
      lines.add(label + ": " + value.strip());
    }
  }

  private static String joined(String... parts) {
    return String.join(", ", Arrays.stream(parts).filter(part -> !part.isBlank()).toList());
  }

  private static String first(String... values) {
    for (String value : values) {
      if (value != null && !value.isBlank()) {
        return value;
      }
    }
    return "";
  }

  private static String words(Notification.Trigger trigger) {
    return trigger.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** The ETA's day where the customer lives (UTC if unknown); the raw value if it is not an instant. */
  private static String date(String eta, String timeZone) {
    if (eta.isBlank()) {
      return "";
    }
    try {
      ZoneId zone = timeZone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timeZone);
      return Instant.parse(eta).atZone(zone).toLocalDate().toString();
    } catch (DateTimeException notAnInstantOrZone) {
      return eta;
    }
  }
}
