package com.backordergateway.connector.api;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The classification every connector applies to an HTTP answer: 2xx delivered; 429, 5xx
 * retryable (honouring Retry-After); other 4xx permanent with the platform's error text.
 *
 * <p>A connector builds one instance for its platform, once, and checks every answer with it.
 * Platform quirks are hooks, not copies of the rules:
 *
 * <pre>{@code
 * static final PlatformResponses SLACK = PlatformResponses.of("Slack")
 *     .readingErrors(body -> json(body).map(n -> n.path("error").asText()))
 *     .withQuirk(answer -> okFalse(answer) ? Optional.of(Verdict.permanent("ok:false " + ...)) : Optional.empty());
 * ...
 * SLACK.check(response, context.clock());
 * }</pre>
 *
 * Quirks run first, in order; the first verdict wins; with none the standard rules apply. Error
 * texts are shortened so dead-letter rows stay readable.
 */
public final class PlatformResponses {

  private static final int MAX_ERROR_TEXT = 500;

  /** What a quirk decided about an answer. */
  public sealed interface Verdict {
    /** The platform accepted it, whatever the status says. */
    static Verdict delivered() {
      return Delivered.INSTANCE;
    }

    /** Worth trying again; the answer's Retry-After is used when it has one. */
    static Verdict retryable(String text) {
      return new Retryable(text, Optional.empty());
    }

    /** Worth trying again, not before {@code wait} (a reset time the platform gave in its body). */
    static Verdict retryable(String text, Duration wait) {
      return new Retryable(text, Optional.of(wait));
    }

    /** Trying again cannot help. */
    static Verdict permanent(String text) {
      return new Permanent(text);
    }
  }

  private enum Delivered implements Verdict { INSTANCE }

  private record Retryable(String text, Optional<Duration> delay) implements Verdict {}

  private record Permanent(String text) implements Verdict {}

  /** A platform's own way of signalling success, limits or errors. */
  @FunctionalInterface
  public interface Quirk {
    /** A verdict for this answer, or empty to leave it to the next quirk and the standard rules. */
    Optional<Verdict> judge(HttpResponse<String> answer);
  }

  private final String platform;
  private final Function<String, Optional<String>> errorReader;
  private final List<Quirk> quirks;

  private PlatformResponses(String platform, Function<String, Optional<String>> errorReader, List<Quirk> quirks) {
    this.platform = Objects.requireNonNull(platform, "platform is null");
    this.errorReader = Objects.requireNonNull(errorReader, "errorReader is null");
    this.quirks = List.copyOf(quirks);
  }

  /** The standard rules for {@code platform} (its display name, used in error texts). */
  public static PlatformResponses of(String platform) {
    return new PlatformResponses(platform, body -> Optional.empty(), List.of());
  }

  /**
   * Reads the platform's error text out of a body (Twilio's {@code message}, SendGrid's
   * {@code errors[].message}); empty falls back to the body itself.
   */
  public PlatformResponses readingErrors(Function<String, Optional<String>> reader) {
    return new PlatformResponses(platform, reader, quirks);
  }

  /** Adds a quirk, consulted before the standard rules and after the quirks added before it. */
  public PlatformResponses withQuirk(Quirk quirk) {
    List<Quirk> more = new ArrayList<>(quirks);
    more.add(Objects.requireNonNull(quirk, "quirk is null"));
    return new PlatformResponses(platform, errorReader, more);
  }

  /**
   * Returns the answer when the platform accepted it; throws the right exception otherwise.
   *
   * @throws RetryableDeliveryException for rate limits and server errors, with the announced wait
   * @throws PermanentDeliveryException for other client errors, with the platform's error text
   */
  public HttpResponse<String> check(HttpResponse<String> answer, Clock clock) throws DeliveryException {
    for (Quirk quirk : quirks) {
      Optional<Verdict> verdict = quirk.judge(answer);
      if (verdict.isPresent()) {
        return apply(verdict.get(), answer, clock);
      }
    }
    int status = answer.statusCode();
    if (status >= 200 && status < 300) {
      return answer;
    }
    String text = errorTextOf(answer.body());
    return apply(status == 429 || status >= 500 ? Verdict.retryable(text) : Verdict.permanent(text), answer, clock);
  }

  /** The platform's error text in a body, by its reader, else the body itself; shortened. */
  public String errorTextOf(String body) {
    return errorText(errorReader.apply(body == null ? "" : body).filter(t -> !t.isBlank()).orElse(body));
  }

  private HttpResponse<String> apply(Verdict verdict, HttpResponse<String> answer, Clock clock)
      throws DeliveryException {
    String prefix = platform + " answered HTTP " + answer.statusCode() + ": ";
    if (verdict instanceof Retryable r) {
      Duration wait = r.delay().or(() -> retryAfter(answer, clock)).orElse(null);
      throw new RetryableDeliveryException(prefix + errorText(r.text()), wait, null);
    }
    if (verdict instanceof Permanent p) {
      throw new PermanentDeliveryException(prefix + errorText(p.text()));
    }
    return answer;
  }

  /** SPI 1.0: the standard rules without quirks. Returns normally for 2xx. */
  public static void check(String platform, HttpResponse<String> response, Clock clock) throws DeliveryException {
    of(platform).check(response, clock);
  }

  /**
   * The Retry-After header as a duration: delta-seconds (also decimal, as Shopify sends {@code 2.0},
   * rounded up) or an HTTP date (RFC 9110 §10.2.3). Empty if absent or unreadable.
   */
  public static Optional<Duration> retryAfter(HttpResponse<?> response, Clock clock) {
    return response.headers().firstValue("Retry-After").flatMap(value -> parseRetryAfter(value, clock.instant()));
  }

  static Optional<Duration> parseRetryAfter(String value, Instant now) {
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds >= 0 ? Optional.of(Duration.ofSeconds(seconds)) : Optional.empty();
    } catch (NumberFormatException notWholeSeconds) {
      if (v.matches("\\d+\\.\\d+")) {
        return Optional.of(Duration.ofMillis((long) Math.ceil(Double.parseDouble(v) * 1000)));
      }
      try {
        Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration wait = Duration.between(now, at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /** The platform's error text, on one line and shortened to keep dead-letter rows readable. */
  public static String errorText(String body) {
    if (body == null || body.isBlank()) {
      return "(no body)";
    }
    String oneLine = body.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_ERROR_TEXT ? oneLine : oneLine.substring(0, MAX_ERROR_TEXT) + "…";
  }
}
