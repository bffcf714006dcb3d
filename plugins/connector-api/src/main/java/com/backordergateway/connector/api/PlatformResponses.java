package com.backordergateway.connector.api;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The classification every connector applies to an HTTP answer: 2xx delivered; 429, 5xx
 * retryable (honouring Retry-After); other 4xx permanent with the platform's error text.
 * Platform quirks (errors inside a 200, client errors sent as 500) are handled by the
 * connector before or instead of this.
 */
public final class PlatformResponses {

  private static final int MAX_ERROR_TEXT = 500;

  private PlatformResponses() {}

  /** Returns normally for 2xx; throws the right exception otherwise. */
  public static void check(String platform, HttpResponse<String> response, Clock clock) throws DeliveryException {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return;
    }
    String text = platform + " answered HTTP " + status + ": " + errorText(response.body());
    if (status == 429 || status >= 500) {
      throw new RetryableDeliveryException(text, retryAfter(response, clock).orElse(null), null);
    }
    throw new PermanentDeliveryException(text);
  }

  /**
   * The Retry-After header as a duration: delta-seconds or an HTTP date (RFC 9110 §10.2.3).
   * Empty if absent or unreadable.
   */
  public static Optional<Duration> retryAfter(HttpResponse<?> response, Clock clock) {
    return response.headers().firstValue("Retry-After").flatMap(value -> parseRetryAfter(value, clock.instant()));
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** The platform's error text, shortened to keep dead-letter rows readable. */
  public static String errorText(String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_ERROR_TEXT ? oneLine : oneLine.substring(0, MAX_ERROR_TEXT) + "…";
  }
}
