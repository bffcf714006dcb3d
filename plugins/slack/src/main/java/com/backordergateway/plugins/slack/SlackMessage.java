package com.backordergateway.plugins.slack;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The Slack message for a notification, the same in both modes: {@code text} (the rendered
 * subject and body: what notifications and screen readers show) and Block Kit {@code blocks} —
 * a header with the subject, a section with the body, a section of fields (SKU, order, status,
 * ETA, supplier, PO; see {@link SlackFacts}) and a context line with the case and store. All text
 * from outside is escaped for mrkdwn.
 */
final class SlackMessage {

  /** Block Kit limits (docs.slack.dev/reference/block-kit/blocks). */
  static final int HEADER_MAX = 150;
  static final int SECTION_TEXT_MAX = 3000;
  static final int FIELD_TEXT_MAX = 2000;
  /** Slack truncates {@code text} beyond 40,000 characters; we cut it ourselves, cleanly. */
  static final int TEXT_MAX = 40_000;

  private SlackMessage() {}

  /**
   * The message as a JSON object with {@code text} and {@code blocks}; callers add the channel
   * and thread in bot-token mode.
   *
   * @throws PermanentDeliveryException if the rendered subject and body are both empty
   */
  static ObjectNode of(Notification notification) throws PermanentDeliveryException {
    String subject = notification.message().subject().strip();
    String body = notification.message().body().strip();
    if (subject.isEmpty() && body.isEmpty()) {
      throw new PermanentDeliveryException("the rendered message for delivery " + notification.deliveryId()
          + " is empty; check the slack templates for " + notification.purpose());
    }
    ObjectNode message = PlatformJson.get().object();
    String text = subject.isEmpty() ? body : body.isEmpty() ? subject : subject + "\n" + body;
    message.put("text", SlackMrkdwn.fit(SlackMrkdwn.escape(text), TEXT_MAX));
    ArrayNode blocks = message.putArray("blocks");
    if (!subject.isEmpty()) {
      ObjectNode header = blocks.addObject().put("type", "header");
      header.putObject("text").put("type", "plain_text").put("text", SlackMrkdwn.fitPlain(subject, HEADER_MAX))
          .put("emoji", true);
    }
    if (!body.isEmpty()) {
      ObjectNode section = blocks.addObject().put("type", "section");
      mrkdwn(section.putObject("text"), SlackMrkdwn.fit(SlackMrkdwn.escape(body), SECTION_TEXT_MAX));
    }
    List<String> fields = SlackFacts.fields(notification);
    if (!fields.isEmpty()) {
      ArrayNode array = blocks.addObject().put("type", "section").putArray("fields");
      fields.forEach(field -> mrkdwn(array.addObject(), SlackMrkdwn.fit(field, FIELD_TEXT_MAX)));
    }
    SlackFacts.context(notification).ifPresent(context -> {
      ArrayNode elements = blocks.addObject().put("type", "context").putArray("elements");
      mrkdwn(elements.addObject(), SlackMrkdwn.fit(context, FIELD_TEXT_MAX));
    });
    return message;
  }

  private static void mrkdwn(ObjectNode node, String text) {
    node.put("type", "mrkdwn").put("text", text);
  }
}
