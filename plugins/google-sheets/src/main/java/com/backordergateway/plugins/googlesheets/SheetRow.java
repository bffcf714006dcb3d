package com.backordergateway.plugins.googlesheets;

import com.backordergateway.connector.api.Notification;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One delivery as the cells of an audit row, in the configured column order. Both ways of writing
 * send the cells as text that Sheets parses as if typed ({@code USER_ENTERED}), so:
 *
 * <ul>
 *   <li>{@code timestamp} (when the row is written) is {@code 2026-03-02 09:30:00} and {@code eta}
 *       the day {@code 2026-04-14}, both in the store's time zone: Sheets reads them as a date-time
 *       and a date, which sort and filter as such;
 *   <li>every other non-empty cell starts with an apostrophe, which Sheets does not show and which
 *       makes it literal text: a product called {@code =IMPORTXML(…)}, {@code +1 555…}, {@code -5}
 *       or {@code @x} is never evaluated as a formula (formula injection), and a SKU {@code 00123}
 *       or {@code 2024-01} is never turned into a number or a date.
 * </ul>
 *
 * Facts come from {@link Notification#audienceFacts()}: the staff-only {@code reason} and
 * {@code note} stay empty on rows of customer deliveries.
 */
final class SheetRow {

  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private SheetRow() {}

  static List<String> of(Notification notification, List<SheetColumn> columns, Instant now, ZoneId zone) {
    Map<String, String> facts = notification.audienceFacts();
    return columns.stream().map(column -> cell(column, notification, facts, now, zone)).toList();
  }

  private static String cell(SheetColumn column, Notification n, Map<String, String> facts, Instant now, ZoneId zone) {
    return switch (column) {
      case TIMESTAMP -> DATE_TIME.format(now.atZone(zone));
      case ETA -> day(facts.getOrDefault("eta", ""), zone);
      case DELIVERY_ID -> text(n.deliveryId());
      case TRIGGER -> text(kebab(n.trigger()));
      case PURPOSE -> text(kebab(n.purpose()));
      case AUDIENCE -> text(kebab(n.audience()));
      // What the shop shows (#1001), else its id.
      case ORDER -> text(first(facts.get("order_name"), facts.get("order_id"), n.recipient().orderId()));
      case ORDER_ID -> text(first(facts.get("order_id"), n.recipient().orderId()));
      case CUSTOMER -> text(first(n.recipient().name(), n.recipient().email()));
      case CUSTOMER_EMAIL -> text(n.recipient().email());
      // The rendered body: the plugin's one-line templates, or an operator's override.
      case MESSAGE -> text(n.message().body().strip());
      default -> text(facts.getOrDefault(column.label(), ""));
    };
  }

  /** Literal text for Sheets: never a formula, a number or a date. Empty stays an empty cell. */
  static String text(String value) {
    return value.isEmpty() ? "" : "'" + value;
  }

  /** The ETA's day in the store's zone ({@code eta} is an ISO-8601 instant, or a day); anything else as text. */
  private static String day(String eta, ZoneId zone) {
    if (eta.isBlank()) {
      return "";
    }
    try {
      return Instant.parse(eta.strip()).atZone(zone).toLocalDate().toString();
    } catch (DateTimeException notAnInstant) {
      try {
        return LocalDate.parse(eta.strip()).toString();
      } catch (DateTimeException notADay) {
        return text(eta);
      }
    }
  }

  private static String kebab(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static String first(String... candidates) {
    return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).findFirst().orElse("");
  }
}
