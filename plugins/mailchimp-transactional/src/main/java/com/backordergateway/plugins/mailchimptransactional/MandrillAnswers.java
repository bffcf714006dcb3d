package com.backordergateway.plugins.mailchimptransactional;

import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the Mailchimp Transactional connector reads a send-template answer: the standard rules
 * (2xx delivered; 429, honouring Retry-After, and 5xx retryable; other 4xx permanent) with the
 * API's own ways of answering.
 *
 * <ul>
 *   <li>The API's errors come as <b>HTTP 500</b> with {@code {status:"error", code, name,
 *       message}}: {@code ServiceUnavailable} and {@code GeneralError} are the platform's trouble
 *       and retryable; every other name ({@code Invalid_Key}, {@code ValidationError},
 *       {@code Unknown_Template}, {@code PaymentRequired}, {@code Unknown_Subaccount}…) is a
 *       client error and permanent, with its name and message. Without that body a 5xx (a 500,
 *       502, 503, 504 from the edge) is retryable, as the standard rules say.
 *   <li>A 200 carries one result per recipient, {@code {email, status, _id, reject_reason}}:
 *       {@code sent}, {@code queued} (for example over the hourly quota) and {@code scheduled} are
 *       delivered with {@code _id} as the external id; {@code rejected} is permanent with the
 *       {@code reject_reason}; {@code invalid} is permanent. A 2xx without a readable result is
 *       permanent, not retried, as the email may have been accepted.
 * </ul>
 */
final class MandrillAnswers {

  private static final String PLATFORM = "Mailchimp Transactional";
  private static final Set<String> DELIVERED = Set.of("sent", "queued", "scheduled");
  private static final Set<String> TRANSIENT_ERRORS = Set.of("ServiceUnavailable", "GeneralError");

  static final PlatformResponses MANDRILL = PlatformResponses.of(PLATFORM)
      .readingErrors(body -> apiError(body).map(MandrillAnswers::errorText))
      .withQuirk(MandrillAnswers::namedError);

  /** What each documented reject_reason means for the operator reading the dead letter. */
  private static final Map<String, String> REJECT_REASONS = Map.of(
      "hard-bounce", "the address bounced permanently before",
      "soft-bounce", "the address keeps bouncing",
      "spam", "the customer marked earlier mail as spam",
      "unsub", "the customer unsubscribed",
      "custom", "the address is on the account's rejection list",
      "invalid-sender", "the sender address is not allowed",
      "invalid", "the address is invalid",
      "test-mode-limit", "the test-mode key's limit was reached",
      "unsigned", "the sending domain is not verified and DKIM-signed",
      "rule", "an account rule rejected it");

  private MandrillAnswers() {}

  /** An error body with a name decides, whatever the status (the API sends client errors as 500); not a 429. */
  private static Optional<Verdict> namedError(HttpResponse<String> answer) {
    int status = answer.statusCode();
    if (status >= 200 && status < 300 || status == 429) {
      return Optional.empty();
    }
    return apiError(answer.body()).map(error -> TRANSIENT_ERRORS.contains(error.path("name").asText())
        ? Verdict.retryable(errorText(error)) : Verdict.permanent(errorText(error)));
  }

  private static Optional<JsonNode> apiError(String body) {
    return PlatformJson.get().read(body)
        .filter(node -> "error".equals(node.path("status").asText()) && node.path("name").isTextual());
  }

  /** "Invalid_Key (code -1): Invalid API key". */
  private static String errorText(JsonNode error) {
    return error.path("name").asText() + " (code " + error.path("code").asText("?") + "): "
        + error.path("message").asText("(no message)");
  }

  /**
   * The receipt for an answer the rules accepted, from the result for {@code recipient} (the
   * first result if none names it).
   *
   * @throws PermanentDeliveryException if the email was rejected or refused, or the result is unreadable
   */
  static DeliveryReceipt receipt(HttpResponse<String> accepted, String recipient) throws PermanentDeliveryException {
    int status = accepted.statusCode();
    JsonNode results = PlatformJson.get().read(accepted.body()).filter(JsonNode::isArray).orElse(null);
    if (results == null || results.isEmpty()) {
      throw new PermanentDeliveryException(PLATFORM + " answered HTTP " + status + " without a send result; not "
          + "retried, as the email may be accepted: check the Outbound activity");
    }
    JsonNode result = results.get(0);
    for (JsonNode candidate : results) {
      if (candidate.path("email").asText("").equalsIgnoreCase(recipient)) {
        result = candidate;
        break;
      }
    }
    String outcome = result.path("status").asText("");
    String id = result.path("_id").asText("");
    if (DELIVERED.contains(outcome) && !id.isBlank()) {
      return new DeliveryReceipt(id, "");
    }
    if (outcome.equals("rejected")) {
      String reason = result.path("reject_reason").asText("unknown");
      throw new PermanentDeliveryException(PLATFORM + " rejected the email: reject_reason " + reason
          + Optional.ofNullable(REJECT_REASONS.get(reason)).map(meaning -> " (" + meaning + ")").orElse(""));
    }
    if (outcome.equals("invalid")) {
      throw new PermanentDeliveryException(PLATFORM + " refused the customer's address as invalid");
    }
    throw new PermanentDeliveryException(PLATFORM + " answered HTTP " + status + " with status '" + outcome
        + "'" + (id.isBlank() ? " and no _id" : "") + "; not retried, as the email may be accepted");
  }
}
