package com.backordergateway.plugins.intercom;

import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the Intercom connector reads Intercom's answer: the standard rules (Submit a data event
 * answers {@code 202 Accepted} with an empty body; 5xx retryable; 401 bad token, 403 forbidden,
 * 404 no such user and 400 invalid event permanent), with Intercom's error list —
 * {@code errors[].code}, {@code message} and the {@code request_id} Intercom support asks for —
 * and Intercom's rate-limit signal: a 429 carries {@code X-RateLimit-Reset} (the Unix time the
 * window resets) rather than Retry-After, so the wait is until that reset; a Retry-After, when
 * sent, wins.
 */
final class IntercomAnswers {

  private IntercomAnswers() {}

  /** The rules, with the reset measured on {@code clock} (a quirk sees only the answer). */
  static PlatformResponses on(Clock clock) {
    return PlatformResponses.of("Intercom").readingErrors(IntercomAnswers::errorText)
        .withQuirk(answer -> rateLimit(answer, clock));
  }

  private static Optional<Verdict> rateLimit(HttpResponse<String> answer, Clock clock) {
    if (answer.statusCode() != 429 || PlatformResponses.retryAfter(answer, clock).isPresent()) {
      return Optional.empty();
    }
    return untilReset(answer, clock).map(wait -> Verdict.retryable(errorText(answer.body()).orElse(answer.body()), wait));
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

  /** Intercom's error list as {@code code: message}, joined, with the request id; empty when the body is not one. */
  static Optional<String> errorText(String body) {
    JsonNode root = PlatformJson.get().read(body).orElse(null);
    if (root == null || !root.path("errors").isArray()) {
      return Optional.empty();
    }
    List<String> errors = new ArrayList<>();
    for (JsonNode error : root.path("errors")) {
      describe(error).ifPresent(errors::add);
    }
    if (errors.isEmpty()) {
      return Optional.empty();
    }
    String requestId = root.path("request_id").asText("");
    return Optional.of(String.join("; ", errors) + (requestId.isBlank() ? "" : " [request_id " + requestId + "]"));
  }

  private static Optional<String> describe(JsonNode error) {
    String code = error.path("code").asText("");
    String message = error.path("message").asText("");
    if (code.isBlank() && message.isBlank()) {
      return Optional.empty();
    }
    String field = error.path("field").asText("");
    return Optional.of((code.isBlank() ? "" : code + ": ") + (message.isBlank() ? "(no message)" : message)
        + (field.isBlank() ? "" : " (field " + field + ")"));
  }
}
