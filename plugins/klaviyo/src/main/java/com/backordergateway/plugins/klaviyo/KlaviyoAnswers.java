package com.backordergateway.plugins.klaviyo;

import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the Klaviyo connector reads Klaviyo's answer: the standard rules (Create Event answers
 * {@code 202 Accepted} with no body; 429 — burst or steady limit, with {@code Retry-After} — and
 * 5xx retryable; 401 bad key, 403 missing {@code events:write} scope, 400 invalid payload and 410
 * retired revision permanent), with Klaviyo's JSON:API error text: {@code errors[].code},
 * {@code detail} (or {@code title}) and {@code source.pointer}. Bodies that are not JSON:API (a
 * proxy's HTML page) are quoted as they are.
 */
final class KlaviyoAnswers {

  static final PlatformResponses RULES = PlatformResponses.of("Klaviyo").readingErrors(KlaviyoAnswers::errorText);

  private KlaviyoAnswers() {}

  /** The JSON:API errors as {@code code: detail (at pointer)}, joined; empty when the body is not JSON:API. */
  static Optional<String> errorText(String body) {
    JsonNode list = PlatformJson.get().read(body).map(node -> node.path("errors")).orElse(null);
    if (list == null || !list.isArray()) {
      return Optional.empty();
    }
    List<String> errors = new ArrayList<>();
    for (JsonNode error : list) {
      describe(error).ifPresent(errors::add);
    }
    return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
  }

  private static Optional<String> describe(JsonNode error) {
    String code = error.path("code").asText("");
    String detail = error.path("detail").asText("");
    if (detail.isBlank()) {
      detail = error.path("title").asText("");
    }
    if (code.isBlank() && detail.isBlank()) {
      return Optional.empty();
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
    return Optional.of(text.toString());
  }
}
