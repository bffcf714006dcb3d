package com.backordergateway.plugins.twilio;

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
import java.util.Optional;

/**
 * How the Twilio connector reads an answer of the Messages resource, in one place:
 *
 * <ul>
 *   <li>2xx (Twilio answers 201 Created) is delivered, with the message {@code sid} ({@code SM…}
 *       or {@code MM…}) as the external id; a 2xx without a sid is permanent, not retried,
 *       because the message may have been queued and a retry could send it twice;
 *   <li>429 (Twilio error 20429: too many concurrent requests; "never processed and always safe
 *       to retry") and 5xx are retryable, honouring Retry-After when Twilio sends one;
 *   <li>any other status is permanent, with Twilio's error code, message and help link from its
 *       error body {@code {code, message, more_info, status}} (21211 invalid To, 21610
 *       unsubscribed recipient, 20003 bad credentials, 20404 unknown account…).
 * </ul>
 */
final class TwilioAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();

  private TwilioAnswers() {}

  static DeliveryReceipt receipt(HttpResponse<String> response, String authToken, Clock clock) throws DeliveryException {
    int status = response.statusCode();
    if (status >= 200 && status < 300) {
      return sid(response.body())
          .map(sid -> new DeliveryReceipt(sid, ""))
          .orElseThrow(() -> new PermanentDeliveryException("Twilio answered HTTP " + status
              + " without a message sid; not retried, as the message may be queued: check the Twilio console"));
    }
    String text = "Twilio answered HTTP " + status + ": " + errorText(response.body()).replace(authToken, "****");
    if (status == 429 || status >= 500) {
      throw new RetryableDeliveryException(text, PlatformResponses.retryAfter(response, clock).orElse(null), null);
    }
    throw new PermanentDeliveryException(text);
  }

  private static Optional<String> sid(String body) {
    return json(body).map(node -> node.path("sid")).filter(JsonNode::isTextual).map(JsonNode::asText)
        .filter(sid -> !sid.isBlank());
  }

  /**
   * "error 21211: The 'To' number … is not a valid phone number. (https://www.twilio.com/docs/errors/21211)"
   * from Twilio's error body; the body itself, shortened, when it is not one.
   */
  static String errorText(String body) {
    Optional<JsonNode> error = json(body).filter(node -> node.has("code") || node.has("message"));
    if (error.isEmpty()) {
      return PlatformResponses.errorText(body);
    }
    JsonNode node = error.get();
    StringBuilder text = new StringBuilder();
    if (node.path("code").canConvertToLong()) {
      text.append("error ").append(node.path("code").asText()).append(": ");
    }
    text.append(node.path("message").asText("(no message)"));
    String detail = node.path("detail").asText("");
    if (!detail.isBlank()) {
      text.append(" (").append(detail).append(')');
    }
    String moreInfo = node.path("more_info").asText("");
    if (!moreInfo.isBlank()) {
      text.append(" ").append(moreInfo);
    }
    return PlatformResponses.errorText(text.toString());
  }

  private static Optional<JsonNode> json(String body) {
    if (body == null || !body.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readTree(body));
    } catch (JsonProcessingException notJson) {
      return Optional.empty();
    }
  }
}
