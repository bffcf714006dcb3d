package com.backordergateway.plugins.salesforce;

import com.backordergateway.connector.api.Notification;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Chatter feed item as Connect REST API's {@code POST /chatter/feed-elements} takes it:
 * {@code {"feedElementType":"FeedItem","subjectId":…,"body":{"messageSegments":[{"type":"Text",
 * "text":…}]}}}, the subject being the Order, a Chatter group, a record or a user. The text is the
 * rendered body, which Chatter keeps to 10,000 characters; a longer one is refused here rather
 * than cut.
 */
final class ChatterPost {

  /** Chatter's limit on a feed item's text. */
  static final int MAX_LENGTH = 10_000;

  private ChatterPost() {}

  /**
   * The text to post: {@code before} (empty, or a line of the connector's own) and the rendered body.
   *
   * @throws PermanentDeliveryException when the body is empty or the text too long for Chatter
   */
  static String text(Notification notification, String before) throws PermanentDeliveryException {
    String body = notification.message().body().strip();
    if (body.isEmpty()) {
      throw new PermanentDeliveryException("salesforce: the rendered Chatter post is empty; check the template for "
          + notification.trigger() + " / " + notification.purpose());
    }
    String text = before + body;
    if (text.length() > MAX_LENGTH) {
      throw new PermanentDeliveryException("salesforce: the Chatter post has " + text.length()
          + " characters; Chatter takes at most " + MAX_LENGTH + ". Shorten the template for "
          + notification.trigger() + " / " + notification.purpose());
    }
    return text;
  }

  /** The request body that posts {@code text} to {@code subjectId}'s feed. */
  static ObjectNode body(String subjectId, String text) {
    ObjectNode post = PlatformJson.get().object().put("feedElementType", "FeedItem").put("subjectId", subjectId);
    post.putObject("body").putArray("messageSegments").addObject().put("type", "Text").put("text", text);
    return post;
  }
}
