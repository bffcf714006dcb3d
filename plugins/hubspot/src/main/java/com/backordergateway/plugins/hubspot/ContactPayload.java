package com.backordergateway.plugins.hubspot;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.Recipient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;

/**
 * The bodies of the two contact calls the connector makes, both carrying the same backorder
 * properties under the configured names:
 *
 * <pre>
 * POST /crm/v3/objects/contacts/batch/upsert
 *   {"inputs":[{"idProperty":"email","id":"maya@example.com","properties":{"backorder_status":"backordered",…}}]}
 * PATCH /crm/v3/objects/contacts/{id}
 *   {"properties":{"backorder_status":"restocked",…}}
 * </pre>
 *
 * Every configured property is written each time, an unknown value as {@code ""} (which clears it
 * in HubSpot), so the contact never shows an earlier case's date next to a new status. The values
 * come from {@link Notification#audienceFacts()}: the staff-only {@code reason} and {@code note}
 * never reach a customer's record.
 */
final class ContactPayload {

  /** HubSpot: a string property holds at most 65,536 characters (multi-line text included). */
  static final int MAX_TEXT = 65_536;

  private static final PlatformJson JSON = PlatformJson.get();

  private ContactPayload() {}

  /** The upsert of the contact with this email. */
  static ObjectNode upsert(String email, ObjectNode properties) {
    ObjectNode root = JSON.object();
    root.putArray("inputs").addObject().put("idProperty", "email").put("id", email).set("properties", properties);
    return root;
  }

  /** The update of a contact by id. */
  static ObjectNode patch(ObjectNode properties) {
    ObjectNode root = JSON.object();
    root.set("properties", properties);
    return root;
  }

  /**
   * The backorder properties of this notification under the configured names.
   *
   * @throws PermanentDeliveryException if the message is longer than a HubSpot text property holds
   */
  static ObjectNode properties(Notification notification, HubspotSettings settings) throws PermanentDeliveryException {
    ObjectNode properties = JSON.object();
    for (Map.Entry<String, String> entry : settings.contactProperties().entrySet()) {
      String value = entry.getKey().equals("eta") ? day(notification) : valueOf(entry.getKey(), notification);
      if (value.length() > MAX_TEXT) {
        throw new PermanentDeliveryException("hubspot: the rendered message has " + value.length()
            + " characters; the contact property " + entry.getValue() + " holds at most " + MAX_TEXT);
      }
      properties.put(entry.getValue(), value);
    }
    return properties;
  }

  /**
   * What the connector knows as {@code name} ({@code status}, {@code sku}, {@code order_id},
   * {@code trigger}, {@code message}…), as the customer may see it; empty when not known.
   */
  static String valueOf(String name, Notification notification) {
    return switch (name) {
      case "message" -> notification.message().body().strip();
      case "trigger" -> kebab(notification.trigger().name());
      case "purpose" -> kebab(notification.purpose().name());
      case "order_id" -> notification.fact("order_id").isBlank()
          ? notification.recipient().orderId().strip() : notification.fact("order_id").strip();
      default -> notification.audienceFacts().getOrDefault(name, "").strip();
    };
  }

  /**
   * The ETA as HubSpot's date properties take it, {@code YYYY-MM-DD}: the day in the customer's
   * time zone (UTC if unknown), so a late-evening ETA in Chicago is not shown as the next day.
   */
  static String day(Notification notification) {
    String eta = notification.fact("eta").strip();
    if (eta.isEmpty()) {
      return "";
    }
    try {
      return LocalDate.ofInstant(Instant.parse(eta), zoneOf(notification.recipient())).toString();
    } catch (DateTimeException notAnInstant) {
      try {
        return LocalDate.parse(eta).toString();
      } catch (DateTimeException notADate) {
        return "";
      }
    }
  }

  private static ZoneId zoneOf(Recipient recipient) {
    try {
      return recipient.timeZone().isBlank() ? ZoneOffset.UTC : ZoneId.of(recipient.timeZone().strip());
    } catch (DateTimeException unknownZone) {
      return ZoneOffset.UTC;
    }
  }

  private static String kebab(String enumName) {
    return enumName.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
