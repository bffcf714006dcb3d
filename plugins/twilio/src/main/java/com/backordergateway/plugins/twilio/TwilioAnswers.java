package com.backordergateway.plugins.twilio;

import com.backordergateway.connector.api.DeliveryException;
import com.backordergateway.connector.api.DeliveryReceipt;
import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;

/**
 * How the Twilio connector reads an answer of the Messages resource: the standard rules (201
 * delivered; 429 — Twilio error 20429, "always safe to retry" — and 5xx retryable; other 4xx
 * permanent) with Twilio's error text ({@code error 21211: … https://www.twilio.com/docs/errors/21211})
 * read from its error body {@code {code, message, more_info, status}}. A 2xx without a message
 * {@code sid} is permanent, not retried: the message may have been queued, and a retry could
 * send it twice.
 */
final class TwilioAnswers {

  static final PlatformResponses TWILIO = PlatformResponses.of("Twilio").readingErrors(TwilioAnswers::errorText);

  private TwilioAnswers() {}

  static DeliveryReceipt receipt(HttpResponse<String> response, Clock clock) throws DeliveryException {
    TWILIO.check(response, clock);
    return PlatformJson.get().text(response.body(), "sid")
        .map(sid -> new DeliveryReceipt(sid, ""))
        .orElseThrow(() -> new PermanentDeliveryException("Twilio answered HTTP " + response.statusCode()
            + " without a message sid; not retried, as the message may be queued: check the Twilio console"));
  }

  /** "error 21211: The 'To' number … is not a valid phone number. (detail) https://…/21211". */
  static Optional<String> errorText(String body) {
    return PlatformJson.get().read(body).filter(node -> node.has("code") || node.has("message")).map(node -> {
      StringBuilder text = new StringBuilder();
      if (node.path("code").canConvertToLong()) {
        text.append("error ").append(node.path("code").asText()).append(": ");
      }
      text.append(node.path("message").asText("(no message)"));
      appendIfPresent(text, node.path("detail"), " (", ")");
      appendIfPresent(text, node.path("more_info"), " ", "");
      return text.toString();
    });
  }

  private static void appendIfPresent(StringBuilder text, JsonNode field, String before, String after) {
    String value = field.asText("");
    if (!value.isBlank()) {
      text.append(before).append(value).append(after);
    }
  }
}
