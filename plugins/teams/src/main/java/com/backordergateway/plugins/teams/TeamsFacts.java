package com.backordergateway.plugins.teams;

import com.backordergateway.connector.api.Notification;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The card's FactSet, from the notification's facts: SKU, order, status, ETA, supplier and PO,
 * empty ones left out. The ETA uses the Adaptive Card {@code {{DATE(…, SHORT)}}} function, so each
 * reader sees the date in their own time zone and language; it is left out once a case is
 * restocked or cancelled.
 */
final class TeamsFacts {

  /** One row of the FactSet. */
  record Fact(String title, String value) {}

  private TeamsFacts() {}

  static List<Fact> facts(Notification n) {
    List<Fact> facts = new ArrayList<>();
    add(facts, "SKU", n.fact("sku"));
    add(facts, "Order", n.fact("order_id"));
    String status = n.fact("status").strip();
    add(facts, "Status", status.isEmpty() ? "" : status.substring(0, 1).toUpperCase(Locale.ROOT) + status.substring(1));
    if (!status.equals("restocked") && !status.equals("cancelled")) {
      facts.add(new Fact("ETA", eta(n.fact("eta").strip())));
    }
    add(facts, "Supplier", n.fact("supplier"));
    add(facts, "PO", n.fact("po_number"));
    return facts;
  }

  /** "Case case_01J… · Store name", or empty if neither is known. */
  static Optional<String> context(Notification n) {
    List<String> parts = new ArrayList<>();
    if (!n.fact("case_id").isBlank()) {
      parts.add("Case " + n.fact("case_id").strip());
    }
    if (!n.fact("store_name").isBlank()) {
      parts.add(n.fact("store_name").strip());
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
  }

  /**
   * {@code {{DATE(2026-04-14T16:00:00Z, SHORT)}}} for an ISO-8601 instant (whole seconds, as the
   * function's strict RFC 3339 parsing wants); "Not known yet" when empty; the text itself if it
   * is not an instant.
   */
  static String eta(String iso) {
    if (iso.isEmpty()) {
      return "Not known yet";
    }
    try {
      return "{{DATE(" + Instant.parse(iso).truncatedTo(ChronoUnit.SECONDS) + ", SHORT)}}";
    } catch (DateTimeParseException notAnInstant) {
      return iso;
    }
  }

  private static void add(List<Fact> facts, String title, String value) {
    if (!value.isBlank()) {
      facts.add(new Fact(title, value.strip()));
    }
  }
}
