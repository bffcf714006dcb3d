package com.backordergateway.plugins.monday;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.backordergateway.plugins.monday.MondayErrors.MondayError;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How the connector reads monday.com's answers. GraphQL reports most failures inside an HTTP 200
 * ({@code {"errors": […]}}, see {@link MondayErrors}), so the status alone says little:
 *
 * <ul>
 *   <li>Limits are retried after the wait monday.com states: the complexity budget
 *       ({@code ComplexityException}, {@code COMPLEXITY_BUDGET_EXHAUSTED}, "Complexity budget
 *       exhausted … reset in 15 seconds"), the minute and IP limits ({@code RATE_LIMIT_EXCEEDED} and
 *       kin), concurrency ({@code maxConcurrencyExceeded}, {@code FIELD_LIMIT_EXCEEDED}) and the daily
 *       call limit ({@code DAILY_LIMIT_EXCEEDED}; without a stated wait, until midnight UTC when it
 *       resets). The wait is the longer of {@code retry_in_seconds} and {@code Retry-After}.
 *   <li>HTTP 429 and 5xx (or an error's own {@code status_code} saying so) and 423 (the board is
 *       locked by another change) are retried.
 *   <li>Any other error is permanent, with monday.com's code and message ("UserUnauthorizedException:
 *       User unauthorized to perform action", "InvalidColumnIdException: …", 401 "Not Authenticated").
 * </ul>
 *
 * A follow-up's first answer may also say that the case's item is gone (deleted): see
 * {@link #itemGone}. Answers never echo the token, and these texts only quote the answer.
 */
final class MondayAnswers {

  private static final Set<String> LIMIT_CODES = Set.of("ComplexityException", "COMPLEXITY_BUDGET_EXHAUSTED",
      "RATE_LIMIT_EXCEEDED", "RateLimitExceeded", "MINUTE_RATE_LIMIT_EXCEEDED", "IP_RATE_LIMIT_EXCEEDED",
      "maxConcurrencyExceeded", "MAX_CONCURRENCY_EXCEEDED", "FIELD_LIMIT_EXCEEDED", "DAILY_LIMIT_EXCEEDED");
  private static final String DAILY_LIMIT = "DAILY_LIMIT_EXCEEDED";
  private static final Set<String> ITEM_GONE_CODES = Set.of("InvalidItemIdException", "ResourceNotFoundException");
  private static final PlatformJson JSON = PlatformJson.get();

  private MondayAnswers() {}

  /** The rules, with the daily limit's reset measured on {@code clock}. */
  static PlatformResponses on(Clock clock) {
    return PlatformResponses.of("monday.com").readingErrors(MondayErrors::text)
        .withQuirk(answer -> judge(answer, clock));
  }

  private static Optional<Verdict> judge(HttpResponse<String> answer, Clock clock) {
    List<MondayError> errors = MondayErrors.in(answer.body());
    int status = answer.statusCode();
    String text = MondayErrors.text(answer.body()).orElse(PlatformResponses.errorText(answer.body()));
    Optional<MondayError> limit = errors.stream().filter(MondayAnswers::isLimit).findFirst();
    if (limit.isPresent() || status == 429) {
      return Optional.of(wait(limit, answer, clock).map(wait -> Verdict.retryable(text, wait))
          .orElseGet(() -> Verdict.retryable(text)));
    }
    boolean serverSide = status >= 500 || status == 423
        || errors.stream().anyMatch(e -> e.statusCode().orElse(0) >= 500 || e.statusCode().orElse(0) == 423);
    if (serverSide) {
      return Optional.of(Verdict.retryable(text));
    }
    // GraphQL errors inside a 2xx: monday.com refused the mutation.
    return errors.isEmpty() ? Optional.empty() : Optional.of(Verdict.permanent(text));
  }

  private static boolean isLimit(MondayError error) {
    return LIMIT_CODES.contains(error.code()) || error.statusCode().orElse(0) == 429
        || error.messageContains("complexity budget exhausted") || error.messageContains("rate limit exceeded")
        || error.messageContains("concurrency limit exceeded");
  }

  /** The longer of the error's {@code retry_in_seconds} and {@code Retry-After}; for the daily limit at least until its reset. */
  private static Optional<Duration> wait(Optional<MondayError> limit, HttpResponse<String> answer, Clock clock) {
    Optional<Duration> stated = Stream.of(limit.flatMap(MondayError::retryIn), PlatformResponses.retryAfter(answer, clock))
        .flatMap(Optional::stream).max(Duration::compareTo);
    if (stated.isEmpty() && limit.map(e -> e.code().equals(DAILY_LIMIT)).orElse(false)) {
      Instant now = clock.instant();
      Instant midnight = now.atZone(ZoneOffset.UTC).toLocalDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      return Optional.of(Duration.between(now, midnight));
    }
    return stated;
  }

  /**
   * Whether the answer says the item is gone: {@code InvalidItemIdException}, or
   * {@code ResourceNotFoundException} or a "not found" / "does not exist" message about an item.
   */
  static boolean itemGone(HttpResponse<String> answer) {
    return MondayErrors.in(answer.body()).stream().anyMatch(MondayAnswers::isItemGone);
  }

  private static boolean isItemGone(MondayError error) {
    if (error.code().equals("InvalidItemIdException")) {
      return true;
    }
    boolean aboutItem = error.messageContains("item") || error.data().has("item_id");
    boolean notFound = ITEM_GONE_CODES.contains(error.code()) || error.messageContains("not found")
        || error.messageContains("does not exist") || error.messageContains("doesn't exist");
    return aboutItem && notFound;
  }

  /**
   * The new item's id ({@code data.create_item.id}).
   *
   * @throws PermanentDeliveryException without one: not retried, as the item may exist
   */
  static String itemId(HttpResponse<String> accepted) throws PermanentDeliveryException {
    return id(accepted, "create_item").orElseThrow(() -> new PermanentDeliveryException("monday.com answered HTTP "
        + accepted.statusCode() + " without the new item's id; not retried, as the item may exist: look for it "
        + "on the board"));
  }

  /** The new update's id ({@code data.create_update.id}), if the answer shows it. */
  static Optional<String> updateId(HttpResponse<String> accepted) {
    return id(accepted, "create_update");
  }

  private static Optional<String> id(HttpResponse<String> accepted, String field) {
    return JSON.read(accepted.body()).map(body -> body.path("data").path(field).path("id"))
        .filter(id -> id.isIntegralNumber() || id.isTextual() && id.asText().matches("[1-9][0-9]{0,19}"))
        .map(JsonNode::asText);
  }
}
