package com.backordergateway.plugins.freshdesk;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the connector reads Freshdesk's answers: the standard rules (2xx delivered; 429 and 5xx
 * retryable after {@code Retry-After}; other 4xx permanent) with Freshdesk's own error text, and
 * its rate-limit headers, {@code X-RateLimit-Total} and {@code X-RateLimit-Remaining} (calls
 * allowed and left in the account's current window, shared by every app on the account), added
 * to a 429's text.
 *
 * <p>Freshdesk's errors come in two shapes: validation failures, {@code {"description":"Validation
 * failed","errors":[{"field":"email","message":"It should be a valid email address","code":
 * "invalid_value"}]}}, read as "Validation failed: email: It should be a valid email address"; and
 * the rest, {@code {"code":"invalid_credentials","message":"You have to be logged in to perform
 * this action."}}, read as the message with its code.
 */
final class FreshdeskAnswers {

  static final PlatformResponses FRESHDESK = PlatformResponses.of("Freshdesk")
      .readingErrors(FreshdeskAnswers::errorText)
      .withQuirk(FreshdeskAnswers::rateLimited);

  private FreshdeskAnswers() {}

  /** The id of the ticket (or note) an accepted answer created. */
  static String createdId(HttpResponse<String> accepted, String what) throws PermanentDeliveryException {
    return PlatformJson.get().text(accepted.body(), "id").map(String::strip).orElseThrow(() ->
        new PermanentDeliveryException("Freshdesk answered HTTP " + accepted.statusCode() + " without the " + what
            + " id; not retried, as the " + what + " may exist: check the helpdesk"));
  }

  /** Calls left in the account's current window, when Freshdesk said. */
  static Optional<Long> remaining(HttpResponse<?> answer) {
    return header(answer, "X-RateLimit-Remaining");
  }

  /** Calls allowed in a window, when Freshdesk said. */
  static Optional<Long> total(HttpResponse<?> answer) {
    return header(answer, "X-RateLimit-Total");
  }

  /** A 429 is retryable (after Retry-After, which the standard rules read); its text says the limit. */
  private static Optional<Verdict> rateLimited(HttpResponse<String> answer) {
    if (answer.statusCode() != 429) {
      return Optional.empty();
    }
    String text = answer.body().isBlank() ? "too many requests"
        : PlatformResponses.errorText(errorText(answer.body()).orElse(answer.body()));
    Optional<Long> total = total(answer);
    return Optional.of(Verdict.retryable(total.isEmpty() ? text : text + " (account limit " + total.get()
        + " calls per window, " + remaining(answer).map(String::valueOf).orElse("?") + " left)"));
  }

  /** Freshdesk's own words from an error body; empty when it is not one of its shapes. */
  static Optional<String> errorText(String body) {
    Optional<JsonNode> json = PlatformJson.get().read(body).filter(JsonNode::isObject);
    if (json.isEmpty()) {
      return Optional.empty();
    }
    JsonNode root = json.get();
    String description = text(root, "description");
    List<String> details = new ArrayList<>();
    for (JsonNode error : root.path("errors")) {
      String message = text(error, "message");
      String field = text(error, "field");
      if (!message.isEmpty()) {
        details.add(field.isEmpty() ? message : field + ": " + message);
      }
    }
    if (!details.isEmpty()) {
      return Optional.of((description.isEmpty() ? "" : description + ": ") + String.join("; ", details));
    }
    String message = text(root, "message");
    String code = text(root, "code");
    if (!message.isEmpty()) {
      return Optional.of(code.isEmpty() ? message : message + " (" + code + ")");
    }
    return description.isEmpty() ? Optional.empty() : Optional.of(description);
  }

  private static String text(JsonNode node, String field) {
    return node.path(field).isTextual() ? node.path(field).asText().strip() : "";
  }

  private static Optional<Long> header(HttpResponse<?> answer, String name) {
    try {
      return answer.headers().firstValue(name).map(String::strip).map(Long::parseLong);
    } catch (NumberFormatException notANumber) {
      return Optional.empty();
    }
  }
}
