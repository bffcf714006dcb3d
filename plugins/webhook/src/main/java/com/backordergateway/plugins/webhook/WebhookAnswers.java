package com.backordergateway.plugins.webhook;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PlatformResponses;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;

/**
 * How the webhook connector reads a receiver's answer, in one place: 2xx is delivered; 429 and
 * 5xx are retryable, honouring Retry-After; any other status is permanent with the receiver's
 * error text. On success the receipt carries the receiver's own id when its body is a JSON
 * object with a string or number {@code id}, else the delivery id (which the receiver got as
 * {@code X-Backorder-Delivery-Id}).
 */
final class WebhookAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private WebhookAnswers() {}

  static DeliveryReceipt receipt(String receiver, HttpResponse<String> response, String deliveryId, Clock clock)
      throws DeliveryException {
    PlatformResponses.check("webhook receiver " + receiver, response, clock);
    return DeliveryReceipt.of(receiverId(response.body()).orElse(deliveryId));
  }

  /** The {@code id} of a JSON object body, if it is a non-blank string or a number. */
  static Optional<String> receiverId(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    try {
      JsonNode id = JSON.readTree(body).path("id");
      if (id.isTextual() && !id.asText().isBlank()) {
        return Optional.of(id.asText());
      }
      if (id.isNumber()) {
        return Optional.of(id.asText());
      }
      return Optional.empty();
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }
}
