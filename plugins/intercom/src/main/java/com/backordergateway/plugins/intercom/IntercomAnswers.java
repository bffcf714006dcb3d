package com.backordergateway.plugins.intercom;

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
 * How the Intercom connector reads Intercom's answer, in one place:
 *
 * <ul>
 *   <li>2xx (Submit a data event answers {@code 202 Accepted} with an empty body) is delivered.
 *       Intercom returns no event id, so the receipt's external id is the delivery id, which the
 *       event carries as its {@code delivery_id} metadata;
 *   <li>429 is retryable. Intercom signals its limit with {@code X-RateLimit-Limit},
 *       {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (the Unix time the window
 *       resets) rather than Retry-After, so the wait is until that reset; a Retry-After, when
 *       sent, wins. 5xx is retryable (honouring Retry-After);
 *   <li>any other status is permanent (401 bad token, 403 forbidden, 404 no such user, 400
 *       invalid event) with Intercom's error list: {@code errors[].code}, {@code message} and the
 *       {@code request_id} Intercom support asks for. Other bodies are quoted as they are.
 * </ul>
 */
final class IntercomAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private IntercomAnswers() {}

  static DeliveryReceipt receipt(HttpResponse<String> response, String deliveryId, Clock clock)
      throws DeliveryException {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new DeliveryReceipt(deliveryId, "");
    }
    String text = "Intercom answered HTTP " + status + ": " + errorText(response.body());
    if (status == 429) {
      Optional<Duration> wait = PlatformResponses.retryAfter(response, clock).or(() -> untilReset(response, clock));
      throw new RetryableDeliveryException(text, wait.orElse(null), null);
    }
    if (status >= 500) {
      throw new RetryableDeliveryException(text, PlatformResponses.retryAfter(response, clock).orElse(null), null);
    }
    throw new PermanentDeliveryException(text);
  }

  /** The time left until {@code X-RateLimit-Reset} (Unix seconds); zero if it has passed. */
  static Optional<Duration> untilReset(HttpResponse<?> response, Clock clock) {
    return response.headers().firstValue("X-RateLimit-Reset").flatMap(value -> {
      try {
        Duration wait = Duration.between(clock.instant(), Instant.ofEpochSecond(Long.parseLong(value.strip())));
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (NumberFormatException | DateTimeException unreadable) {
        return Optional.empty();
      }
    });
  }

  /** Intercom's error list as {@code code: message}, joined, with the request id; else the body. */
  static String errorText(String body) {
    List<String> errors = new ArrayList<>();
    String requestId = "";
    try {
      JsonNode root = body == null || body.isBlank() ? null : JSON.readTree(body);
      if (root != null && root.path("errors").isArray()) {
        for (JsonNode error : root.path("errors")) {
          describe(error, errors);
        }
        requestId = root.path("request_id").asText("");
      }
    } catch (JsonProcessingException notJson) {
      errors.clear();
    }
    if (errors.isEmpty()) {
      return PlatformResponses.errorText(body);
    }
    String text = String.join("; ", errors) + (requestId.isBlank() ? "" : " [request_id " + requestId + "]");
    return PlatformResponses.errorText(text);
  }

  private static void describe(JsonNode error, List<String> into) {
    String code = error.path("code").asText("");
    String message = error.path("message").asText("");
    if (code.isBlank() && message.isBlank()) {
      return;
    }
    String field = error.path("field").asText("");
    into.add((code.isBlank() ? "" : code + ": ") + (message.isBlank() ? "(no message)" : message)
        + (field.isBlank() ? "" : " (field " + field + ")"));
  }
}
