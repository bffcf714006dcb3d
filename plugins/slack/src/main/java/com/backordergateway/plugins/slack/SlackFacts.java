package com.backordergateway.plugins.slack;

import com.backordergateway.connector.api.Notification;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The structured part of a Slack message, from the notification's facts: labelled mrkdwn fields
 * (SKU, order, status, ETA, supplier, PO; empty ones left out) and a context line (case, store).
 * The ETA is a Slack date token, so each reader sees it in their own time zone, with the UTC date
 * as the fallback; it is left out once a case is restocked or cancelled.
 */
final class SlackFacts {

  private SlackFacts() {}

  /** The fields, each {@code *Label*\nvalue} with the value escaped; Block Kit takes up to 10. */
  static List<String> fields(Notification n) {
    List<String> fields = new ArrayList<>();
    add(fields, "SKU", n.fact("sku"));
    add(fields, "Order", n.fact("order_id"));
    String status = n.fact("status").strip();
    add(fields, "Status", capitalized(status));
    if (!status.equals("restocked") && !status.equals("cancelled")) {
      fields.add("*ETA*\n" + eta(n.fact("eta").strip()));
    }
    add(fields, "Supplier", n.fact("supplier"));
    add(fields, "PO", n.fact("po_number"));
    return fields;
  }

  /** "Case case_01J… · Store name", or empty if neither is known. */
  static Optional<String> context(Notification n) {
    List<String> parts = new ArrayList<>();
    if (!n.fact("case_id").isBlank()) {
      parts.add("Case " + SlackMrkdwn.escape(n.fact("case_id").strip()));
    }
    if (!n.fact("store_name").isBlank()) {
      parts.add(SlackMrkdwn.escape(n.fact("store_name").strip()));
    }
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(" · ", parts));
  }

  /**
   * A Slack date token ({@code <!date^epoch^{date_short}|2026-04-14>}) for an ISO-8601 instant;
   * "Not known yet" when empty; the escaped text itself if it is not an instant.
   */
  static String eta(String iso) {
    if (iso.isEmpty()) {
      return "Not known yet";
    }
    try {
      Instant at = Instant.parse(iso);
      return "<!date^" + at.getEpochSecond() + "^{date_short}|" + at.atOffset(ZoneOffset.UTC).toLocalDate() + ">";
    } catch (DateTimeParseException notAnInstant) {
      return SlackMrkdwn.escape(iso);
    }
  }

  private static void add(List<String> fields, String label, String value) {
    if (!value.isBlank()) {
      fields.add("*" + label + "*\n" + SlackMrkdwn.escape(value.strip()));
    }
  }

  private static String capitalized(String value) {
    return value.isEmpty() ? value : value.substring(0, 1).toUpperCase(Locale.ROOT) + value.substring(1);
  }
}
