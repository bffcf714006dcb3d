package com.backordergateway.plugins.slack;

import com.backordergateway.connector.api.ConnectorContext;
import com.backordergateway.connector.api.ConnectorSession;
import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.Notification;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Objects;
import java.util.Optional;

/**
 * Bot-token mode: {@code POST {base-url}/api/chat.postMessage} with the bot token as Bearer and
 * JSON {@code channel, text, blocks}. The first message of a case starts a thread; its receipt
 * reference ({@code channel:ts}) comes back as the follow-ups' previous reference, and they are
 * posted into that thread ({@code thread_ts}), in the channel the thread is in, so a case's
 * history stays under one message. Stateless, so concurrent deliveries are safe.
 */
final class SlackBotSession implements ConnectorSession {

  static final String POST_MESSAGE_PATH = "/api/chat.postMessage";

  private final SlackSettings settings;
  private final ConnectorContext context;
  private final URI endpoint;

  SlackBotSession(SlackSettings settings, ConnectorContext context) {
    this.settings = Objects.requireNonNull(settings, "settings is null");
    this.context = Objects.requireNonNull(context, "context is null");
    this.endpoint = URI.create(settings.apiBase() + POST_MESSAGE_PATH);
  }

  @Override
  public DeliveryReceipt deliver(Notification notification) throws DeliveryException {
    Optional<SlackThread> thread = thread(notification);
    String channel = thread.map(SlackThread::channel).orElse(settings.channel());

    ObjectNode payload = context.json().object().put("channel", channel);
    payload.setAll(SlackMessage.of(notification));
    thread.ifPresent(root -> payload.put("thread_ts", root.ts()));
    HttpRequest request = HttpRequest.newBuilder(endpoint)
        .POST(context.json().body(payload))
        .header("Authorization", "Bearer " + settings.botToken())
        .header("Content-Type", "application/json; charset=utf-8")
        .build();

    HttpResponse<String> response = context.http().send(request);
    context.logger().debug("delivery {} to Slack channel {}{}: HTTP {}", notification.deliveryId(), channel,
        thread.isPresent() ? " (thread)" : "", response.statusCode());
    SlackAnswers.WEB_API.check(response, context.clock());
    // The check lets through only Slack's JSON object with ok:true.
    JsonNode answer = context.json().read(response.body()).orElseThrow();
    return receipt(notification, answer, channel, thread);
  }

  /** The thread to reply in: the previous reference, if it is one this connector wrote. */
  private Optional<SlackThread> thread(Notification notification) {
    Optional<String> previous = notification.previousReference().filter(reference -> !reference.isBlank());
    Optional<SlackThread> thread = previous.flatMap(SlackThread::parse);
    if (previous.isPresent() && thread.isEmpty()) {
      context.logger().warn("delivery {}: previous reference is not a Slack channel:ts; posting a new message",
          notification.deliveryId());
    }
    return thread;
  }

  private DeliveryReceipt receipt(Notification notification, JsonNode answer, String channel,
      Optional<SlackThread> thread) {
    String postedIn = answer.path("channel").isTextual() ? answer.path("channel").asText() : channel;
    String ts = answer.path("ts").isTextual() ? answer.path("ts").asText() : "";
    if (ts.isEmpty()) {
      context.logger().warn("delivery {}: Slack answered ok without a message ts; follow-ups start a new thread",
          notification.deliveryId());
      return new DeliveryReceipt(notification.deliveryId(), thread.map(SlackThread::reference).orElse(""));
    }
    SlackThread posted = new SlackThread(postedIn, ts);
    // Replies name the thread's first message, never another reply (Slack's threading docs).
    return new DeliveryReceipt(posted.reference(), thread.orElse(posted).reference());
  }

  @Override
  public String toString() {
    return "SlackBotSession[" + context.instanceId() + " → " + settings.destination() + "]";
  }
}
