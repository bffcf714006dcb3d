package com.backordergateway.plugins.pipedrive;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How the connector reads Pipedrive's answers: the standard rules (2xx delivered; 429 and 5xx
 * retryable after {@code Retry-After}; other 4xx, 401 and 404 included, permanent) with
 * Pipedrive's error text from {@code {"success":false,"error":"Deal not found","error_info":"Please
 * check …"}}, read as "Deal not found (Please check …)". Two quirks: a 429 without
 * {@code Retry-After} waits for {@code x-ratelimit-reset} (the seconds left in the rate-limit
 * window), and a 2xx whose body says {@code "success":false} is refused, not delivered.
 *
 * <p>Every answer also carries the token's budget, which {@link RequestPacing} reads:
 * {@code x-ratelimit-remaining} and {@code x-ratelimit-reset} (calls left in the current 2-second
 * window, and when it ends) and, for API tokens, {@code x-daily-requests-left} (POST/PUT calls
 * left today, UTC).
 */
final class PipedriveAnswers {

  static final PlatformResponses PIPEDRIVE = PlatformResponses.of("Pipedrive")
      .readingErrors(PipedriveAnswers::errorText)
      .withQuirk(PipedriveAnswers::rateLimited)
      .withQuirk(PipedriveAnswers::refusedInside2xx);

  private PipedriveAnswers() {}

  /** The record addressed is gone: deleted (404) or deleted and purged (410). */
  static boolean gone(HttpResponse<String> answer) {
    return answer.statusCode() == 404 || answer.statusCode() == 410;
  }

  /** The {@code data} node of an accepted answer (a missing node when absent). */
  static JsonNode data(HttpResponse<String> accepted) {
    return PlatformJson.get().read(accepted.body()).map(body -> body.path("data"))
        .orElse(PlatformJson.get().object().path("data"));
  }

  /**
   * The id of what an accepted answer created or returned ({@code {"data":{"id":…}}}).
   *
   * @throws PermanentDeliveryException without one: not retried, as the record may exist
   */
  static long id(HttpResponse<String> accepted, String what) throws PermanentDeliveryException {
    JsonNode id = data(accepted).path("id");
    if (!id.canConvertToLong() || id.asLong() < 1) {
      throw new PermanentDeliveryException("Pipedrive answered HTTP " + accepted.statusCode() + " without the " + what
          + " id; not retried, as the " + what + " may exist: check the deal in Pipedrive");
    }
    return id.asLong();
  }

  /** Calls left in the current rate-limit window, when Pipedrive said. */
  static OptionalLong windowLeft(HttpResponse<?> answer) {
    return header(answer, "x-ratelimit-remaining");
  }

  /** When the current rate-limit window ends, when Pipedrive said. */
  static Optional<Duration> windowReset(HttpResponse<?> answer) {
    OptionalLong seconds = header(answer, "x-ratelimit-reset");
    return seconds.isPresent() && seconds.getAsLong() >= 0 ? Optional.of(Duration.ofSeconds(seconds.getAsLong()))
        : Optional.empty();
  }

  /** POST/PUT calls left today for this API token, when Pipedrive said. */
  static OptionalLong dailyLeft(HttpResponse<?> answer) {
    return header(answer, "x-daily-requests-left");
  }

  /** Pipedrive's words from an error body; empty when it is not its shape. */
  static Optional<String> errorText(String body) {
    JsonNode root = PlatformJson.get().read(body).filter(JsonNode::isObject).orElse(null);
    if (root == null) {
      return Optional.empty();
    }
    String error = text(root.path("error"));
    String info = text(root.path("error_info"));
    if (error.isEmpty()) {
      return info.isEmpty() ? Optional.empty() : Optional.of(info);
    }
    return Optional.of(info.isEmpty() || info.equals(error) ? error : error + " (" + info + ")");
  }

  private static Optional<Verdict> rateLimited(HttpResponse<String> answer) {
    if (answer.statusCode() != 429 || answer.headers().firstValue("Retry-After").isPresent()) {
      return Optional.empty();
    }
    String text = errorText(answer.body()).orElse("Request over limit");
    return Optional.of(windowReset(answer).map(reset -> Verdict.retryable(text, reset))
        .orElseGet(() -> Verdict.retryable(text)));
  }

  private static Optional<Verdict> refusedInside2xx(HttpResponse<String> answer) {
    if (answer.statusCode() < 200 || answer.statusCode() >= 300) {
      return Optional.empty();
    }
    boolean refused = PlatformJson.get().read(answer.body())
        .map(body -> body.path("success").isBoolean() && !body.path("success").asBoolean()).orElse(false);
    return refused ? Optional.of(Verdict.permanent(errorText(answer.body()).orElse("success: false")))
        : Optional.empty();
  }

  private static String text(JsonNode node) {
    return node.isTextual() ? node.asText().strip() : "";
  }

  private static OptionalLong header(HttpResponse<?> answer, String name) {
    try {
      return answer.headers().firstValue(name).map(String::strip).map(v -> OptionalLong.of(Long.parseLong(v)))
          .orElse(OptionalLong.empty());
    } catch (NumberFormatException notANumber) {
      return OptionalLong.empty();
    }
  }
}
