package com.backordergateway.plugins.klaviyo;

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
import java.util.ArrayList;
import java.util.List;

/**
 * How the Klaviyo connector reads Klaviyo's answer, in one place:
 *
 * <ul>
 *   <li>2xx (Create Event answers {@code 202 Accepted} with no body) is delivered. Klaviyo returns
 *       no event id, so the receipt's external id is the delivery id, which Klaviyo holds as the
 *       event's {@code unique_id};
 *   <li>429 (burst or steady limit; Klaviyo then sends {@code Retry-After} in seconds) and 5xx are
 *       retryable, never sooner than Retry-After;
 *   <li>any other status is permanent (401 bad key, 403 missing {@code events:write} scope, 400
 *       invalid payload, 410 retired revision), with Klaviyo's JSON:API error text:
 *       {@code errors[].code}, {@code detail} (or {@code title}) and {@code source.pointer}.
 *       Bodies that are not JSON:API (a proxy's HTML page) are quoted as they are.
 * </ul>
 */
final class KlaviyoAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private KlaviyoAnswers() {}

  static DeliveryReceipt receipt(HttpResponse<String> response, String deliveryId, Clock clock)
      throws DeliveryException {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return new DeliveryReceipt(deliveryId, "");
    }
    String text = "Klaviyo answered HTTP " + status + ": " + errorText(response.body());
    if (status == 429 || status >= 500) {
      throw new RetryableDeliveryException(text, PlatformResponses.retryAfter(response, clock).orElse(null), null);
    }
    throw new PermanentDeliveryException(text);
  }

  /** The JSON:API errors as {@code code: detail (at pointer)}, joined; else the body as it is. */
  static String errorText(String body) {
    List<String> errors = new ArrayList<>();
    try {
      JsonNode list = body == null || body.isBlank() ? null : JSON.readTree(body).path("errors");
      if (list != null && list.isArray()) {
        for (JsonNode error : list) {
          describe(error, errors);
        }
      }
    } catch (JsonProcessingException notJson) {
      errors.clear();
    }
    return PlatformResponses.errorText(errors.isEmpty() ? body : String.join("; ", errors));
  }

  private static void describe(JsonNode error, List<String> into) {
    String code = error.path("code").asText("");
    String detail = error.path("detail").asText("");
    if (detail.isBlank()) {
      detail = error.path("title").asText("");
    }
    if (code.isBlank() && detail.isBlank()) {
      return;
    }
    StringBuilder text = new StringBuilder();
    if (!code.isBlank()) {
      text.append(code).append(": ");
    }
    text.append(detail.isBlank() ? "(no detail)" : detail);
    String pointer = error.path("source").path("pointer").asText("");
    if (!pointer.isBlank()) {
      text.append(" (at ").append(pointer).append(')');
    }
    into.add(text.toString());
  }
}
