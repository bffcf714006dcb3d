package com.backordergateway.plugins.slack;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * How Slack's answers are read, in one place.
 *
 * <p>Incoming webhooks answer with HTTP statuses: 200 {@code ok} is posted; 429 (with
 * Retry-After) and 5xx are retryable; 400 ({@code invalid_payload}), 403
 * ({@code action_prohibited}, {@code invalid_token}), 404 ({@code no_service},
 * {@code channel_not_found}), 410 ({@code channel_is_archived}) and any other status are
 * permanent, with Slack's error code from the body.
 *
 * <p>The Web API reports failures <em>inside HTTP 200</em> as {@code {"ok":false,"error":"…"}}:
 * {@code ratelimited} and Slack's own transient errors ({@code internal_error},
 * {@code service_unavailable}…) are retryable, honouring Retry-After when sent; every other code
 * ({@code channel_not_found}, {@code not_in_channel}, {@code invalid_auth},
 * {@code token_revoked}, {@code account_inactive}, {@code missing_scope}, {@code invalid_blocks}…)
 * is permanent with the code. Real 429s and 5xx from the Web API are retryable as well.
 */
final class SlackAnswers {

  /** Web API error codes that trying again later can fix. */
  static final Set<String> RETRYABLE_API_ERRORS = Set.of(
      "ratelimited", "rate_limited", "internal_error", "fatal_error", "service_unavailable", "request_timeout",
      "team_added_to_org");

  private SlackAnswers() {}

  /** Returns normally if an incoming webhook took the message; throws the right failure otherwise. */
  static void checkWebhook(HttpResponse<String> response, Clock clock) throws DeliveryException {
    PlatformResponses.check("Slack incoming webhook", response, clock);
  }

  /**
   * The Web API's {@code ok:true} answer, or the right failure.
   *
   * @return the parsed body, whose {@code ok} is true
   */
  static JsonNode checkApi(HttpResponse<String> response, Clock clock) throws DeliveryException {
    PlatformResponses.check("Slack Web API", response, clock);
    JsonNode body = parse(response);
    if (body.path("ok").isBoolean() && body.path("ok").booleanValue()) {
      return body;
    }
    String error = body.path("error").asText("");
    if (error.isBlank()) {
      error = "unknown_error";
    }
    String text = "Slack Web API answered HTTP " + response.statusCode() + " with ok:false, error " + error
        + details(body);
    if (RETRYABLE_API_ERRORS.contains(error)) {
      throw new RetryableDeliveryException(text, PlatformResponses.retryAfter(response, clock).orElse(null), null);
    }
    throw new PermanentDeliveryException(text);
  }

  private static JsonNode parse(HttpResponse<String> response) throws RetryableDeliveryException {
    try {
      JsonNode body = SlackMessage.JSON.readTree(response.body() == null ? "" : response.body());
      if (body != null && body.isObject()) {
        return body;
      }
    } catch (JsonProcessingException notJson) {
      // Answered below: a proxy or an outage page, not Slack's API.
    }
    throw new RetryableDeliveryException("Slack Web API answered HTTP " + response.statusCode()
        + " without its JSON answer: " + PlatformResponses.errorText(response.body()));
  }

  /** What Slack adds to some errors: the scope needed, and Block Kit's validation messages. */
  private static String details(JsonNode body) {
    List<String> details = new ArrayList<>();
    if (body.path("needed").isTextual()) {
      details.add("needs scope " + body.path("needed").asText());
    }
    for (JsonNode message : body.path("response_metadata").path("messages")) {
      details.add(message.asText());
    }
    return details.isEmpty() ? "" : " (" + PlatformResponses.errorText(String.join("; ", details)) + ")";
  }
}
