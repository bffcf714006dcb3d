package com.backordergateway.plugins.klaviyo;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The JSON:API body of Klaviyo's Create Event call for one notification:
 *
 * <pre>{"data":{"type":"event","attributes":{
 *   "properties":{...facts, "trigger", "purpose", "subject", "body"},
 *   "time":"2026-03-02T09:30:00Z", "unique_id":"&lt;delivery id&gt;",
 *   "metric":{"data":{"type":"metric","attributes":{"name":"Backorder Created"}}},
 *   "profile":{"data":{"type":"profile","attributes":{"email":"..","phone_number":".."}}}}}}</pre>
 *
 * <p>Properties carry every fact a customer may see (empty ones left out, so a flow can test "is
 * set"; staff-only facts such as the internal reason never reach a customer's flow), the
 * trigger and purpose in kebab case, and the rendered subject and body for the flow's message.
 * {@code unique_id} is the delivery id: Klaviyo records only the first event with a given unique
 * id for the same profile and metric, so a retry never triggers the flow twice.
 */
final class KlaviyoEvent {

  private KlaviyoEvent() {}

  /**
   * @param profile the profile identifiers, already checked to hold an email or a phone number
   * @param metricName the metric this purpose is recorded as
   * @param now when the event happened, from the host's clock
   */
  static ObjectNode of(Notification notification, KlaviyoProfile profile, String metricName, Instant now) {
    Objects.requireNonNull(notification, "notification is null");
    Objects.requireNonNull(profile, "profile is null");
    Objects.requireNonNull(metricName, "metricName is null");
    Objects.requireNonNull(now, "now is null");
    ObjectNode root = PlatformJson.get().object();
    ObjectNode data = root.putObject("data");
    data.put("type", "event");
    ObjectNode attributes = data.putObject("attributes");
    attributes.set("properties", properties(notification));
    attributes.put("time", DateTimeFormatter.ISO_INSTANT.format(now.truncatedTo(ChronoUnit.SECONDS)));
    attributes.put("unique_id", notification.deliveryId());
    ObjectNode metric = attributes.putObject("metric").putObject("data");
    metric.put("type", "metric");
    metric.putObject("attributes").put("name", metricName);
    ObjectNode person = attributes.putObject("profile").putObject("data");
    person.put("type", "profile");
    ObjectNode identifiers = person.putObject("attributes");
    profile.email().ifPresent(email -> identifiers.put("email", email));
    profile.phoneNumber().ifPresent(phone -> identifiers.put("phone_number", phone));
    return root;
  }

  private static ObjectNode properties(Notification notification) {
    ObjectNode properties = PlatformJson.get().object();
    new TreeMap<>(notification.audienceFacts()).forEach((name, value) -> {
      if (!value.isBlank()) {
        properties.put(name, value);
      }
    });
    properties.put("trigger", kebab(notification.trigger()));
    properties.put("purpose", kebab(notification.purpose()));
    if (!notification.message().subject().isBlank()) {
      properties.put("subject", notification.message().subject());
    }
    properties.put("body", notification.message().body());
    return properties;
  }

  /** {@code STOCK_DEPLETED} as templates name it: {@code stock-depleted}. */
  static String kebab(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
