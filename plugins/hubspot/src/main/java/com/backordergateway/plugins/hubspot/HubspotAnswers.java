package com.backordergateway.plugins.hubspot;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.slf4j.Logger;

/**
 * How the connector reads HubSpot's answers: the standard rules (2xx delivered; 5xx retryable;
 * other 4xx permanent) with HubSpot's error text read from {@code {status, message, correlationId,
 * category, errors:[{message, code}]}}, and HubSpot's own signals
 * (developers.hubspot.com/docs/api-reference/error-handling, …/usage-guidelines):
 *
 * <ul>
 *   <li>429 names the limit in {@code policyName}. {@code DAILY}: the account's daily allowance is
 *       used up until midnight in the account's time zone, so the wait is until then (never a
 *       tight loop). Any other policy ({@code TEN_SECONDLY_ROLLING}, {@code SECONDLY}): a short
 *       window, so {@code Retry-After} if sent, else the window
 *       ({@code X-HubSpot-RateLimit-Interval-Milliseconds}, 10 s when absent; 1 s for SECONDLY).
 *   <li>423 Locked: too many writes to the same records; locks last 2 s.
 *   <li>477 Migration in Progress: the account is moving data centres; retried after its
 *       {@code Retry-After}.
 *   <li>409 Conflict: another write of the same contact at the same moment; a retry gets past it.
 *   <li>207 Multi-Status from the batch upsert: the one input failed when {@code results} is empty;
 *       its {@code errors[]} say why (a rate limit or conflict is retried, anything else is not).
 * </ul>
 */
final class HubspotAnswers {

  private static final PlatformJson JSON = PlatformJson.get();
  private static final Duration LOCK = Duration.ofSeconds(2);
  private static final Duration ROLLING_WINDOW = Duration.ofSeconds(10);
  private static final Set<String> RETRYABLE_CATEGORIES = Set.of("RATE_LIMITS", "CONFLICT");

  private HubspotAnswers() {}

  /**
   * The rules, with the daily reset measured on {@code clock} in the account's {@code zone}. Built
   * per session: a quirk sees only the answer.
   */
  static PlatformResponses on(Clock clock, ZoneId zone) {
    return PlatformResponses.of("HubSpot").readingErrors(HubspotAnswers::errorText)
        .withQuirk(answer -> answer.statusCode() == 429 ? Optional.of(rateLimit(answer, clock, zone)) : Optional.empty())
        .withQuirk(answer -> answer.statusCode() == 423 ? Optional.of(Verdict.retryable(text(answer), LOCK)) : Optional.empty())
        .withQuirk(answer -> answer.statusCode() == 477 || answer.statusCode() == 409
            ? Optional.of(Verdict.retryable(text(answer))) : Optional.empty())
        .withQuirk(HubspotAnswers::multiStatus);
  }

  /** The contact a follow-up updates is gone (deleted, or merged away). */
  static boolean contactNotFound(HttpResponse<String> answer) {
    return answer.statusCode() == 404;
  }

  /** The contact's id in an accepted answer: {@code results[0].id} of an upsert, {@code id} of a PATCH. */
  static Optional<String> contactIdIn(HttpResponse<String> accepted) {
    Optional<JsonNode> body = JSON.read(accepted.body());
    return body.map(root -> root.path("results").path(0).path("id")).filter(HubspotAnswers::isId)
        .or(() -> body.map(root -> root.path("id")).filter(HubspotAnswers::isId))
        .map(JsonNode::asText);
  }

  /**
   * The contact's id in an accepted upsert.
   *
   * @throws PermanentDeliveryException without one: not retried, the contact was probably written
   */
  static String contactId(HttpResponse<String> accepted) throws PermanentDeliveryException {
    return contactIdIn(accepted).orElseThrow(() -> new PermanentDeliveryException("HubSpot answered HTTP "
        + accepted.statusCode() + " without a contact id; not retried, as the contact was probably written: look it "
        + "up by email"));
  }

  /** Logs a warning when HubSpot's rate-limit headers show less than a tenth of a limit left. */
  static void warnIfLimitLow(HttpResponse<?> answer, Logger logger) {
    OptionalLong max = header(answer, "X-HubSpot-RateLimit-Max");
    OptionalLong remaining = header(answer, "X-HubSpot-RateLimit-Remaining");
    if (max.isPresent() && remaining.isPresent() && remaining.getAsLong() * 10 < max.getAsLong()) {
      logger.warn("HubSpot rate limit nearly reached: {} of {} requests left in the current {} ms window",
          remaining.getAsLong(), max.getAsLong(), header(answer, "X-HubSpot-RateLimit-Interval-Milliseconds").orElse(10_000));
    }
    OptionalLong daily = header(answer, "X-HubSpot-RateLimit-Daily");
    OptionalLong dailyLeft = header(answer, "X-HubSpot-RateLimit-Daily-Remaining");
    if (daily.isPresent() && dailyLeft.isPresent() && dailyLeft.getAsLong() * 10 < daily.getAsLong()) {
      logger.warn("HubSpot daily API limit nearly reached: {} of {} requests left today (the account's day)",
          dailyLeft.getAsLong(), daily.getAsLong());
    }
  }

  private static Verdict rateLimit(HttpResponse<String> answer, Clock clock, ZoneId zone) {
    String policy = JSON.read(answer.body()).map(body -> body.path("policyName").asText("")).orElse("");
    Optional<Duration> retryAfter = PlatformResponses.retryAfter(answer, clock);
    if (policy.equalsIgnoreCase("DAILY")) {
      Instant now = clock.instant();
      Instant reset = now.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
      Duration untilReset = Duration.between(now, reset);
      Duration wait = retryAfter.filter(announced -> announced.compareTo(untilReset) > 0).orElse(untilReset);
      return Verdict.retryable(text(answer) + "; the daily limit resets at midnight " + zone + " (" + reset + ")", wait);
    }
    if (retryAfter.isPresent()) {
      return Verdict.retryable(text(answer));
    }
    Duration window = policy.equalsIgnoreCase("SECONDLY") ? Duration.ofSeconds(1)
        : header(answer, "X-HubSpot-RateLimit-Interval-Milliseconds").stream()
            .filter(ms -> ms > 0 && ms <= 60_000).mapToObj(Duration::ofMillis).findFirst().orElse(ROLLING_WINDOW);
    return Verdict.retryable(text(answer), window);
  }

  /** A 207 whose {@code results} are empty: the contact was not written. */
  private static Optional<Verdict> multiStatus(HttpResponse<String> answer) {
    if (answer.statusCode() != 207) {
      return Optional.empty();
    }
    JsonNode body = JSON.read(answer.body()).orElse(null);
    if (body == null || body.path("results").size() > 0) {
      return Optional.empty();
    }
    List<String> texts = new ArrayList<>();
    boolean retryable = false;
    for (JsonNode error : body.path("errors")) {
      errorText(error).ifPresent(texts::add);
      retryable |= RETRYABLE_CATEGORIES.contains(error.path("category").asText(""));
    }
    String text = texts.isEmpty() ? "multi-status answer without a result or an error" : String.join("; ", texts);
    return Optional.of(retryable ? Verdict.retryable(text) : Verdict.permanent(text));
  }

  private static String text(HttpResponse<String> answer) {
    return errorText(answer.body()).orElse(PlatformResponses.errorText(answer.body()));
  }

  /**
   * "CATEGORY: message (code: detail; …) [correlationId …]" from HubSpot's error body, e.g.
   * {@code VALIDATION_ERROR: Property values were not valid: … [correlationId aeb5f871-…]}; empty
   * when the body is not one.
   */
  static Optional<String> errorText(String body) {
    return JSON.read(body).flatMap(HubspotAnswers::errorText);
  }

  private static Optional<String> errorText(JsonNode error) {
    String message = error.path("message").asText("").strip();
    if (!error.isObject() || message.isEmpty()) {
      return Optional.empty();
    }
    String category = error.path("category").asText(error.path("errorType").asText("")).strip();
    String policy = error.path("policyName").asText("").strip();
    String head = (category + " " + policy).strip();
    StringBuilder text = new StringBuilder(head.isEmpty() ? message : head + ": " + message);
    List<String> details = new ArrayList<>();
    for (JsonNode detail : error.path("errors")) {
      String detailMessage = detail.path("message").asText("").strip();
      String code = detail.path("code").asText("").strip();
      if (!detailMessage.isEmpty() && !message.contains(detailMessage)) {
        details.add(code.isEmpty() ? detailMessage : code + ": " + detailMessage);
      }
    }
    if (!details.isEmpty()) {
      text.append(" (").append(String.join("; ", details)).append(')');
    }
    String correlationId = error.path("correlationId").asText("").strip();
    if (!correlationId.isEmpty()) {
      text.append(" [correlationId ").append(correlationId).append(']');
    }
    return Optional.of(text.toString());
  }

  private static boolean isId(JsonNode id) {
    return id.isIntegralNumber() || id.isTextual() && id.asText().matches("[1-9][0-9]{0,19}");
  }

  private static OptionalLong header(HttpResponse<?> answer, String name) {
    try {
      return answer.headers().firstValue(name).map(v -> OptionalLong.of(Long.parseLong(v.strip())))
          .orElse(OptionalLong.empty());
    } catch (NumberFormatException unreadable) {
      return OptionalLong.empty();
    }
  }
}
