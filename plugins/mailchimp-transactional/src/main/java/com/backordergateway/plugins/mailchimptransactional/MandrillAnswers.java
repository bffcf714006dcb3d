package com.backordergateway.plugins.mailchimptransactional;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.RetryableDeliveryException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the Mailchimp Transactional connector reads a send-template answer, in one place:
 *
 * <ul>
 *   <li>2xx (200) carries one result per recipient, {@code {email, status, _id, reject_reason}}:
 *       {@code sent}, {@code queued} (for example over the hourly quota) and {@code scheduled} are
 *       delivered with {@code _id} as the external id; {@code rejected} is permanent with the
 *       {@code reject_reason}; {@code invalid} is permanent. A 2xx without a readable result is
 *       permanent, not retried, as the email may have been accepted;
 *   <li>429 is retryable, honouring Retry-After;
 *   <li>the API's own errors come as <b>HTTP 500</b> with {@code {status:"error", code, name,
 *       message}}: {@code ServiceUnavailable} and {@code GeneralError} are the platform's trouble
 *       and retryable; every other name ({@code Invalid_Key}, {@code ValidationError},
 *       {@code Unknown_Template}, {@code PaymentRequired}, {@code Unknown_Subaccount}…) is a
 *       client error and permanent, with its name and message;
 *   <li>without that error body, 5xx (a 500, 502, 503, 504 from the edge) is retryable and any
 *       other status permanent.
 * </ul>
 */
final class MandrillAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> DELIVERED = Set.of("sent", "queued", "scheduled");
  private static final Set<String> TRANSIENT_ERRORS = Set.of("ServiceUnavailable", "GeneralError");
  private static final String PLATFORM = "Mailchimp Transactional";

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

  static DeliveryReceipt receipt(HttpResponse<String> response, String recipient, String apiKey, Clock clock)
      throws DeliveryException {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return delivered(status, response.body(), recipient);
    }
    String prefix = PLATFORM + " answered HTTP " + status + ": ";
    if (status == 429) {
      throw new RetryableDeliveryException(prefix + mask(PlatformResponses.errorText(response.body()), apiKey),
          PlatformResponses.retryAfter(response, clock).orElse(null), null);
    }
    Optional<JsonNode> error = json(response.body())
        .filter(node -> "error".equals(node.path("status").asText()) && node.path("name").isTextual());
    if (error.isPresent()) {
      String name = error.get().path("name").asText();
      String text = prefix + mask(PlatformResponses.errorText(name + " (code " + error.get().path("code").asText("?")
          + "): " + error.get().path("message").asText("(no message)")), apiKey);
      if (TRANSIENT_ERRORS.contains(name)) {
        throw new RetryableDeliveryException(text, PlatformResponses.retryAfter(response, clock).orElse(null), null);
      }
      throw new PermanentDeliveryException(text);
    }
    String text = prefix + mask(PlatformResponses.errorText(response.body()), apiKey);
    if (status >= 500) {
      throw new RetryableDeliveryException(text, PlatformResponses.retryAfter(response, clock).orElse(null), null);
    }
    throw new PermanentDeliveryException(text);
  }

  private static DeliveryReceipt delivered(int status, String body, String recipient) throws PermanentDeliveryException {
    JsonNode results = json(body).filter(JsonNode::isArray).orElse(null);
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

  private static String mask(String text, String apiKey) {
    return text.replace(apiKey, "****");
  }

  private static Optional<JsonNode> json(String body) {
    if (body == null || body.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(body));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }
}
