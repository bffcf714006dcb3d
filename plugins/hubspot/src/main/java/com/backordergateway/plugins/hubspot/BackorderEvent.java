package com.backordergateway.plugins.hubspot;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * The body of a custom event occurrence ({@code POST /events/v3/send}) on the contact just updated:
 *
 * <pre>{"eventName":"pe21345678_backorder_update", "objectId":"51", "occurredAt":"2026-03-02T09:30:00Z",
 *  "properties":{"status":"backordered", "sku":"ACR-TITANIUM-WHITE", "eta":"2026-04-14T16:00:00Z", …}}</pre>
 *
 * The contact's id rather than the email names the record, as the connector has just written it.
 * The configured {@code event-properties} are sent under their own names, leaving out the ones not
 * known (an event is a moment, not a record to clear); {@code eta} is the ISO-8601 instant, which
 * HubSpot's date-time event properties take and string ones show. No staff-only fact is offered.
 */
final class BackorderEvent {

  private BackorderEvent() {}

  static ObjectNode of(Notification notification, HubspotSettings settings, String eventName, String contactId,
      Instant now) {
    Objects.requireNonNull(notification, "notification is null");
    ObjectNode root = PlatformJson.get().object();
    root.put("eventName", eventName);
    root.put("objectId", contactId);
    root.put("occurredAt", now.toString());
    ObjectNode properties = root.putObject("properties");
    for (String name : settings.eventProperties()) {
      String value = ContactPayload.valueOf(name, notification);
      if (!value.isEmpty()) {
        properties.put(name, value);
      }
    }
    return root;
  }
}
