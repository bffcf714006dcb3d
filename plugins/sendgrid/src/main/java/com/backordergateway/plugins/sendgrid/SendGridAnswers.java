package com.backordergateway.plugins.sendgrid;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the SendGrid connector reads a Mail Send answer, in one place:
 *
 * <ul>
 *   <li>2xx (SendGrid answers 202 Accepted with an empty body) is delivered, with the
 *       {@code X-Message-Id} header as the external id; a 2xx without it is permanent, not
 *       retried, because the mail may have been accepted and a retry could send it twice;
 *   <li>429 and 5xx are retryable. SendGrid signals its limit with {@code X-RateLimit-Limit},
 *       {@code -Remaining} and {@code -Reset} (the Unix time the window resets); the wait is
 *       {@code Retry-After} if present, else the time until {@code X-RateLimit-Reset};
 *   <li>any other status is permanent, with SendGrid's messages from {@code {errors:[{message,
 *       field}]}}, e.g. "from: The from address does not match a verified Sender Identity".
 * </ul>
 */
final class SendGridAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SendGridAnswers() {}

  static DeliveryReceipt receipt(HttpResponse<String> response, String apiKey, Clock clock) throws DeliveryException {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return response.headers().firstValue("X-Message-Id").map(String::strip).filter(id -> !id.isEmpty())
          .map(id -> new DeliveryReceipt(id, ""))
          .orElseThrow(() -> new PermanentDeliveryException("SendGrid answered HTTP " + status
              + " without an X-Message-Id; not retried, as the mail may be accepted: check the Activity Feed"));
    }
    String text = "SendGrid answered HTTP " + status + ": " + errorText(response.body()).replace(apiKey, "****");
    if (status == 429) {
      throw new RetryableDeliveryException(text + limitText(response), wait(response, clock).orElse(null), null);
    }
    if (status >= 500) {
      throw new RetryableDeliveryException(text, PlatformResponses.retryAfter(response, clock).orElse(null), null);
    }
    throw new PermanentDeliveryException(text);
  }

  /** Retry-After if SendGrid sent one, else the time until X-RateLimit-Reset (never negative). */
  static Optional<Duration> wait(HttpResponse<?> response, Clock clock) {
    Optional<Duration> retryAfter = PlatformResponses.retryAfter(response, clock);
    if (retryAfter.isPresent()) {
      return retryAfter;
    }
    return response.headers().firstValue("X-RateLimit-Reset").flatMap(SendGridAnswers::epochSeconds).map(reset -> {
      Duration until = Duration.between(clock.instant(), reset);
      return until.isNegative() ? Duration.ZERO : until;
    });
  }

  private static Optional<Instant> epochSeconds(String value) {
    try {
      return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.strip())));
    } catch (NumberFormatException | DateTimeException notATime) {
      return Optional.empty();
    }
  }

  private static String limitText(HttpResponse<?> response) {
    Optional<String> limit = response.headers().firstValue("X-RateLimit-Limit");
    Optional<String> reset = response.headers().firstValue("X-RateLimit-Reset");
    if (limit.isEmpty() && reset.isEmpty()) {
      return "";
    }
    return " (limit " + limit.orElse("?") + " per window, resets at " + reset.flatMap(SendGridAnswers::epochSeconds)
        .map(Instant::toString).orElse("?") + ")";
  }

  /** "field: message; field: message" from SendGrid's error body; the body itself otherwise. */
  static String errorText(String body) {
    List<String> messages = new ArrayList<>();
    for (JsonNode error : json(body).map(node -> node.path("errors")).filter(JsonNode::isArray).orElse(JSON.createArrayNode())) {
      String message = error.path("message").asText("").strip();
      if (message.isEmpty()) {
        continue;
      }
      String field = error.path("field").isTextual() ? error.path("field").asText().strip() : "";
      messages.add(field.isEmpty() ? message : field + ": " + message);
    }
    return PlatformResponses.errorText(messages.isEmpty() ? body : String.join("; ", messages));
  }

  private static Optional<JsonNode> json(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(body));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }
}
