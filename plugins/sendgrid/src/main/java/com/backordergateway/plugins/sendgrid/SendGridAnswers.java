package com.backordergateway.plugins.sendgrid;

import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PermanentDeliveryException;
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
 * How the SendGrid connector reads a Mail Send answer: the standard rules (2xx delivered; 429 and
 * 5xx retryable; other 4xx permanent) with SendGrid's messages read from {@code {errors:[{message,
 * field}]}} ("from: The from address does not match a verified Sender Identity"), and SendGrid's
 * own rate-limit signal: a 429 carries {@code X-RateLimit-Limit}, {@code -Remaining} and
 * {@code -Reset} (the Unix time the window resets), so the wait is {@code Retry-After} if
 * present, else the time until the reset.
 *
 * <p>SendGrid answers 202 with an empty body; the {@code X-Message-Id} header is the external
 * id. A 2xx without it is permanent, not retried: the mail may have been accepted, and a retry
 * could send it twice.
 */
final class SendGridAnswers {

  private SendGridAnswers() {}

  /**
   * The rules, with the reset measured on {@code clock}. Built per session rather than once: the
   * reset is an absolute time, and a quirk sees only the answer, not the host's clock.
   */
  static PlatformResponses on(Clock clock) {
    return PlatformResponses.of("SendGrid").readingErrors(SendGridAnswers::errorText)
        .withQuirk(answer -> rateLimit(answer, clock));
  }

  /** The receipt for an answer the rules accepted. */
  static DeliveryReceipt receipt(HttpResponse<String> accepted) throws PermanentDeliveryException {
    return accepted.headers().firstValue("X-Message-Id").map(String::strip).filter(id -> !id.isEmpty())
        .map(id -> new DeliveryReceipt(id, ""))
        .orElseThrow(() -> new PermanentDeliveryException("SendGrid answered HTTP " + accepted.statusCode()
            + " without an X-Message-Id; not retried, as the mail may be accepted: check the Activity Feed"));
  }

  /** A 429 waits for Retry-After if SendGrid sent one (the standard rules read it), else until X-RateLimit-Reset. */
  private static Optional<Verdict> rateLimit(HttpResponse<String> answer, Clock clock) {
    if (answer.statusCode() != 429) {
      return Optional.empty();
    }
    String text = PlatformResponses.errorText(errorText(answer.body()).orElse(answer.body())) + limitText(answer);
    Optional<Instant> reset = answer.headers().firstValue("X-RateLimit-Reset").flatMap(SendGridAnswers::epochSeconds);
    if (PlatformResponses.retryAfter(answer, clock).isPresent() || reset.isEmpty()) {
      return Optional.of(Verdict.retryable(text));
    }
    Duration until = Duration.between(clock.instant(), reset.get());
    return Optional.of(Verdict.retryable(text, until.isNegative() ? Duration.ZERO : until));
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

  /** "field: message; field: message" from SendGrid's error body; empty when it is not one. */
  static Optional<String> errorText(String body) {
    JsonNode errors = PlatformJson.get().read(body).map(node -> node.path("errors")).orElse(null);
    if (errors == null || !errors.isArray()) {
      return Optional.empty();
    }
    List<String> messages = new ArrayList<>();
    for (JsonNode error : errors) {
      String message = error.path("message").asText("").strip();
      if (!message.isEmpty()) {
        String field = error.path("field").isTextual() ? error.path("field").asText().strip() : "";
        messages.add(field.isEmpty() ? message : field + ": " + message);
      }
    }
    return messages.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", messages));
  }
}
