package com.backordergateway.plugins.salesforce;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * How the connector reads Salesforce's answers: the standard rules (2xx delivered; 429 and 5xx
 * retryable; other 4xx permanent) with the REST API's error text read from its
 * {@code [{"message", "errorCode", "fields"}]} array, e.g. {@code INVALID_FIELD: No such column
 * 'Shop_Order_Id__c' on entity 'Order'}.
 *
 * <p>One quirk: Salesforce reports its limits as {@code 403 REQUEST_LIMIT_EXCEEDED}, not 429. When
 * the message names a concurrency limit (25 requests of 20 s or more at a time) a retry soon gets
 * through; otherwise the org has used its rolling 24-hour allocation, shared with every other
 * integration, and the retry waits {@code limit-wait} (an hour by default) instead of burning
 * attempts. The OAuth endpoint answers {@code {"error", "error_description"}} instead.
 */
final class SalesforceAnswers {

  static final String INVALID_SESSION_ID = "INVALID_SESSION_ID";
  static final String REQUEST_LIMIT_EXCEEDED = "REQUEST_LIMIT_EXCEEDED";

  /** The token endpoint's answers: {@code invalid_grant: no client credentials user enabled} and the like. */
  static final PlatformResponses OAUTH = PlatformResponses.of("Salesforce OAuth")
      .readingErrors(SalesforceAnswers::oauthErrorText);

  private static final PlatformJson JSON = PlatformJson.get();

  private SalesforceAnswers() {}

  /** The REST API's answers, waiting {@code limitWait} after the 24-hour allocation ran out. */
  static PlatformResponses rest(Duration limitWait) {
    return PlatformResponses.of("Salesforce").readingErrors(SalesforceAnswers::errorText)
        .withQuirk(answer -> answer.statusCode() == 403 && errorCodes(answer.body()).contains(REQUEST_LIMIT_EXCEEDED)
            ? Optional.of(limitVerdict(errorText(answer.body()).orElse(REQUEST_LIMIT_EXCEEDED), limitWait))
            : Optional.empty());
  }

  private static Verdict limitVerdict(String text, Duration limitWait) {
    return text.contains("Concurrent") ? Verdict.retryable(text)
        : Verdict.retryable(text + " (the org's rolling 24-hour API allocation; retried after " + limitWait + ")",
            limitWait);
  }

  /** 401 INVALID_SESSION_ID: the access token expired or was revoked; a new one may get through. */
  static boolean sessionExpired(HttpResponse<String> answer) {
    return answer.statusCode() == 401 && errorCodes(answer.body()).contains(INVALID_SESSION_ID);
  }

  /** The record to update is gone: 404, or ENTITY_IS_DELETED (in the recycle bin). */
  static boolean recordGone(HttpResponse<String> answer) {
    return answer.statusCode() == 404
        || answer.statusCode() >= 400 && answer.statusCode() < 500 && errorCodes(answer.body()).contains("ENTITY_IS_DELETED");
  }

  /**
   * The {@code id} of what an accepted answer created (a feed item, a Task).
   *
   * @throws PermanentDeliveryException without one: not retried, as the record may exist
   */
  static String createdId(HttpResponse<String> accepted, String what) throws PermanentDeliveryException {
    return JSON.text(accepted.body(), "id").filter(id -> id.matches(SalesforceSettings.RECORD_ID))
        .orElseThrow(() -> new PermanentDeliveryException("Salesforce answered HTTP " + accepted.statusCode()
            + " without the id of the " + what + "; not retried, as it may exist"));
  }

  /** "errorCode: message (fields: A, B)" for each error of the body, joined by "; "; empty when it is not one. */
  static Optional<String> errorText(String body) {
    List<String> errors = new ArrayList<>();
    for (JsonNode error : errors(body)) {
      String code = error.path("errorCode").asText("").strip();
      String message = error.path("message").asText("").strip();
      String text = code.isEmpty() ? message : message.isEmpty() ? code : code + ": " + message;
      List<String> fields = new ArrayList<>();
      error.path("fields").forEach(field -> fields.add(field.asText()));
      if (!fields.isEmpty()) {
        text += " (fields: " + String.join(", ", fields) + ")";
      }
      if (!text.isEmpty()) {
        errors.add(text);
      }
    }
    return errors.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", errors));
  }

  /** "error: error_description" from the OAuth endpoint's body; empty when it is not one. */
  static Optional<String> oauthErrorText(String body) {
    Optional<String> error = JSON.text(body, "error");
    Optional<String> description = JSON.text(body, "error_description");
    return error.map(code -> description.map(text -> code + ": " + text).orElse(code)).or(() -> description);
  }

  private static List<String> errorCodes(String body) {
    return errors(body).stream().map(error -> error.path("errorCode").asText("")).toList();
  }

  /** The REST API's error objects: an array of them, or (some Connect endpoints) one. */
  private static List<JsonNode> errors(String body) {
    JsonNode root = JSON.read(body).orElse(null);
    List<JsonNode> errors = new ArrayList<>();
    if (root != null && root.isArray()) {
      root.forEach(node -> {
        if (node.isObject()) {
          errors.add(node);
        }
      });
    } else if (root != null && root.isObject() && root.has("errorCode")) {
      errors.add(root);
    }
    return errors;
  }
}
