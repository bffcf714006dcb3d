package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.Recipient;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.TreeMap;

/**
 * The JSON body the webhook sends, built once per attempt; the signature covers exactly these
 * bytes. Fields: {@code delivery_id, trigger, purpose, audience, recipient} (empty fields
 * omitted, and the object omitted for staff messages, which have no recipient), {@code subject,
 * body, facts} (sorted by name), and {@code previous_reference} when there is one.
 */
final class WebhookPayload {

  private static final PlatformJson JSON = PlatformJson.get();

  private WebhookPayload() {}

  static byte[] of(Notification notification) {
    ObjectNode root = JSON.object();
    root.put("delivery_id", notification.deliveryId());
    root.put("trigger", notification.trigger().name());
    root.put("purpose", notification.purpose().name());
    root.put("audience", notification.audience().name());
    ObjectNode recipient = recipient(notification.recipient());
    if (!recipient.isEmpty()) {
      root.set("recipient", recipient);
    }
    root.put("subject", notification.message().subject());
    root.put("body", notification.message().body());
    ObjectNode facts = root.putObject("facts");
    new TreeMap<>(notification.facts()).forEach(facts::put);
    notification.previousReference().ifPresent(reference -> root.put("previous_reference", reference));
    return JSON.write(root).getBytes(StandardCharsets.UTF_8);
  }

  private static ObjectNode recipient(Recipient r) {
    ObjectNode node = JSON.object();
    putIfPresent(node, "order_id", r.orderId());
    putIfPresent(node, "name", r.name());
    putIfPresent(node, "email", r.email());
    putIfPresent(node, "phone", r.phone());
    putIfPresent(node, "locale", r.locale());
    putIfPresent(node, "time_zone", r.timeZone());
    putIfPresent(node, "customer_id", r.customerId());
    return node;
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (!value.isEmpty()) {
      node.put(field, value);
    }
  }
}
