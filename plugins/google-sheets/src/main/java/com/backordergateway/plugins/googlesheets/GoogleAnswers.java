package com.backordergateway.plugins.googlesheets;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * How the connector reads Google's answers, in one place.
 *
 * <ul>
 *   <li>Sheets API: the standard rules, with Google's text from {@code {"error":{"code","message",
 *       "status"}}}; a quota answer ({@code status RESOURCE_EXHAUSTED}, or the older
 *       {@code rateLimitExceeded} reasons) is retryable whatever its HTTP status, after the
 *       {@code RetryInfo} delay when Google gives one; a 403 for missing permission says which
 *       account the spreadsheet must be shared with.
 *   <li>OAuth token endpoint: the standard rules, with {@code error: error_description}
 *       ({@code invalid_grant: Invalid JWT Signature.}).
 *   <li>Apps Script web app: the JSON the README's {@code doPost} returns, {@code {"ok":true,
 *       "updatedRange"}} or {@code {"ok":false,"error","retryable"}}; anything else (Google's HTML
 *       error page) is permanent with the page's text.
 * </ul>
 */
final class GoogleAnswers {

  static final PlatformResponses OAUTH = PlatformResponses.of("Google's token endpoint")
      .readingErrors(GoogleAnswers::errorText);

  static final PlatformResponses WEB_APP = PlatformResponses.of("Apps Script web app")
      .readingErrors(GoogleAnswers::webAppErrorText);

  private static final PlatformJson JSON = PlatformJson.get();
  private static final Set<String> RATE_LIMIT_REASONS = Set.of("rateLimitExceeded", "userRateLimitExceeded");

  private GoogleAnswers() {}

  /** The Sheets API's answers for a service account ({@code clientEmail} goes into the permission hint). */
  static PlatformResponses sheets(String clientEmail) {
    return PlatformResponses.of("Google Sheets").readingErrors(GoogleAnswers::errorText)
        .withQuirk(GoogleAnswers::quotaExhausted)
        .withQuirk(answer -> answer.statusCode() == 403 && errorText(answer.body()).orElse("").contains("permission")
            ? Optional.of(Verdict.permanent(errorText(answer.body()).orElseThrow()
                + "; share the spreadsheet with " + clientEmail + " as an editor"))
            : Optional.empty());
  }

  /** Where the appended row landed, {@code updates.updatedRange} ({@code Backorders!A42:L42}): id and reference. */
  static DeliveryReceipt appended(HttpResponse<String> accepted, String deliveryId) {
    String range = JSON.read(accepted.body()).map(body -> body.path("updates").path("updatedRange").asText(""))
        .orElse("");
    return range.isBlank()
        ? DeliveryReceipt.of(deliveryId).withNote("Google Sheets answered HTTP " + accepted.statusCode()
            + " without updates.updatedRange; the row was appended")
        : new DeliveryReceipt(range, range);
  }

  /**
   * The receipt for the web app's final answer (after its redirect).
   *
   * @throws DeliveryException when the script reported a failure, or the answer is not the script's
   */
  static DeliveryReceipt webAppReceipt(HttpResponse<String> accepted, String deliveryId) throws DeliveryException {
    JsonNode body = JSON.read(accepted.body()).filter(JsonNode::isObject).orElse(null);
    if (body == null || !body.has("ok")) {
      throw new PermanentDeliveryException("Apps Script web app answered HTTP " + accepted.statusCode()
          + " without the JSON of the connector's doPost script (is the README's script deployed?): "
          + PlatformResponses.errorText(htmlText(accepted.body())));
    }
    if (!body.path("ok").asBoolean(false)) {
      String error = "Apps Script web app: " + PlatformResponses.errorText(body.path("error").asText("no error given"));
      if (body.path("retryable").asBoolean(false)) {
        throw new RetryableDeliveryException(error);
      }
      throw new PermanentDeliveryException(error);
    }
    String range = body.path("updatedRange").asText("");
    return range.isBlank() ? DeliveryReceipt.of(deliveryId) : new DeliveryReceipt(range, range);
  }

  /** "message (STATUS)" from a Google API error, or "error: error_description" from an OAuth one. */
  static Optional<String> errorText(String body) {
    JsonNode root = JSON.read(body).filter(JsonNode::isObject).orElse(null);
    if (root == null) {
      return Optional.empty();
    }
    JsonNode error = root.path("error");
    String first = (error.isObject() ? error.path("message") : error).asText("").strip();
    String second = (error.isObject() ? error.path("status") : root.path("error_description")).asText("").strip();
    String text = first.isEmpty() || second.isEmpty() ? first + second
        : error.isObject() ? first + " (" + second + ")" : first + ": " + second;
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  private static Optional<Verdict> quotaExhausted(HttpResponse<String> answer) {
    JsonNode error = JSON.read(answer.body()).map(body -> body.path("error")).orElse(null);
    if (error == null || !error.isObject()) {
      return Optional.empty();
    }
    boolean exhausted = error.path("status").asText("").equals("RESOURCE_EXHAUSTED")
        || error.path("errors").findValuesAsText("reason").stream().anyMatch(RATE_LIMIT_REASONS::contains);
    if (!exhausted) {
      return Optional.empty();
    }
    String text = errorText(answer.body()).orElse("quota exceeded");
    return Optional.of(retryDelay(error).map(wait -> Verdict.retryable(text, wait)).orElse(Verdict.retryable(text)));
  }

  /** {@code google.rpc.RetryInfo}'s {@code retryDelay} ("30s", "1.5s") among the error's details. */
  private static Optional<Duration> retryDelay(JsonNode error) {
    for (JsonNode detail : error.path("details")) {
      String delay = detail.path("retryDelay").asText("");
      if (detail.path("@type").asText("").endsWith("google.rpc.RetryInfo") && delay.matches("\\d+(\\.\\d+)?s")) {
        BigDecimal seconds = new BigDecimal(delay.substring(0, delay.length() - 1));
        return Optional.of(Duration.ofMillis(seconds.movePointRight(3).longValue()));
      }
    }
    return Optional.empty();
  }

  private static Optional<String> webAppErrorText(String body) {
    Optional<String> json = JSON.read(body).filter(JsonNode::isObject).map(n -> n.path("error").asText(""))
        .filter(text -> !text.isBlank());
    return json.isPresent() ? json : Optional.of(htmlText(body)).filter(text -> !text.isBlank());
  }

  /** The words of an HTML page (Google's error pages), without tags, scripts and styles. */
  private static String htmlText(String body) {
    return body == null ? "" : body.replaceAll("(?is)<(script|style)\\b.*?</\\1>", " ").replaceAll("<[^>]*>", " ")
        .replaceAll("\\s+", " ").strip();
  }
}
