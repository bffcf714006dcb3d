package com.backordergateway.plugins.trello;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * How the connector reads Trello's answers: the standard rules (2xx done; 429 and 5xx retryable;
 * other 4xx permanent), with Trello's error text, which is plain text ({@code invalid id},
 * {@code invalid token}, {@code unauthorized permission requested}) or, for rate limits, JSON
 * {@code {"error":"API_TOKEN_LIMIT_EXCEEDED","message":…}}. Trello sends no {@code Retry-After}
 * with a 429; its windows are 10 seconds long, so the retry waits one window.
 */
final class TrelloAnswers {

  /** Trello counts requests per token in windows of 10 seconds. */
  static final Duration WINDOW = Duration.ofSeconds(10);

  static final PlatformResponses ANSWERS = PlatformResponses.of("Trello")
      .readingErrors(TrelloAnswers::errorText)
      .withQuirk(answer -> answer.statusCode() == 429 && answer.headers().firstValue("Retry-After").isEmpty()
          ? Optional.of(Verdict.retryable(errorText(answer.body()).orElse("rate limited"), WINDOW))
          : Optional.empty());

  private static final PlatformJson JSON = PlatformJson.get();

  private TrelloAnswers() {}

  /** The card is gone: deleted (404), or an id Trello no longer knows (400 invalid id). */
  static boolean cardGone(HttpResponse<String> answer) {
    return answer.statusCode() == 404
        || answer.statusCode() == 400 && answer.body() != null && answer.body().strip().equalsIgnoreCase("invalid id");
  }

  /**
   * The card in an accepted answer: its id, and its short link when it is a web address.
   *
   * @throws PermanentDeliveryException without an id: not retried, as the card may exist
   */
  static CreatedCard createdCard(HttpResponse<String> accepted) throws PermanentDeliveryException {
    String id = JSON.text(accepted.body(), "id").filter(text -> text.matches(TrelloSettings.OBJECT_ID))
        .orElseThrow(() -> new PermanentDeliveryException("Trello answered HTTP " + accepted.statusCode()
            + " without the card's id; not retried, as the card may exist"));
    return new CreatedCard(id, JSON.text(accepted.body(), "shortUrl").filter(url -> url.startsWith("https://")));
  }

  /** "error: message" of a JSON error, the plain text otherwise; empty for an empty body. */
  static Optional<String> errorText(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    Optional<String> message = JSON.text(body, "message");
    Optional<String> error = JSON.text(body, "error");
    if (message.isPresent() || error.isPresent()) {
      return Optional.of(error.map(code -> message.map(text -> code + ": " + text).orElse(code)).orElseGet(message::get));
    }
    return Optional.of(body.strip());
  }

}
