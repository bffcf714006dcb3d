package com.backordergateway.plugins.teams;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The message Teams webhooks take: {@code {"type":"message","attachments":[{"contentType":
 * "application/vnd.microsoft.card.adaptive","content":{AdaptiveCard 1.2}}]}} — the one shape both
 * legacy connectors and Workflows accept (Workflows take no MessageCard). The card body: the
 * subject as a bold title, one TextBlock per line of the rendered body (Teams' markdown drops
 * single line breaks), a FactSet of SKU, order, status, ETA, supplier and PO ({@link TeamsFacts}),
 * and a subtle line with the case and store.
 */
final class TeamsCard {

  static final String CONTENT_TYPE = "application/vnd.microsoft.card.adaptive";
  static final String SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json";
  static final String VERSION = "1.2";

  private TeamsCard() {}

  /**
   * The envelope, as a JSON tree.
   *
   * @throws PermanentDeliveryException if the rendered subject and body are both empty
   */
  static ObjectNode of(Notification notification) throws PermanentDeliveryException {
    String subject = notification.message().subject().strip();
    String body = notification.message().body().strip();
    if (subject.isEmpty() && body.isEmpty()) {
      throw new PermanentDeliveryException("the rendered message for delivery " + notification.deliveryId()
          + " is empty; check the teams templates for " + notification.purpose());
    }
    ObjectNode envelope = PlatformJson.get().object().put("type", "message");
    ObjectNode attachment = envelope.putArray("attachments").addObject().put("contentType", CONTENT_TYPE);
    ObjectNode card = attachment.putObject("content")
        .put("$schema", SCHEMA)
        .put("type", "AdaptiveCard")
        .put("version", VERSION);
    card.putObject("msteams").put("width", "Full");
    ArrayNode blocks = card.putArray("body");
    if (!subject.isEmpty()) {
      text(blocks, subject).put("size", "Medium").put("weight", "Bolder");
    }
    body.lines().map(String::strip).filter(line -> !line.isEmpty()).forEach(line -> text(blocks, line));
    ArrayNode facts = PlatformJson.get().array();
    TeamsFacts.facts(notification).forEach(fact -> facts.addObject().put("title", fact.title()).put("value", fact.value()));
    if (!facts.isEmpty()) {
      blocks.addObject().put("type", "FactSet").set("facts", facts);
    }
    TeamsFacts.context(notification).ifPresent(line ->
        text(blocks, line).put("isSubtle", true).put("size", "Small").put("spacing", "Small"));
    return envelope;
  }

  private static ObjectNode text(ArrayNode blocks, String text) {
    return blocks.addObject().put("type", "TextBlock").put("text", text).put("wrap", true);
  }
}
