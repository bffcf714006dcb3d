package com.backordergateway.plugins.zendesk;

import com.backordergateway.connector.api.PermanentDeliveryException;
import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How the connector reads the Tickets API's answers: the standard rules (2xx delivered; 429 with
 * {@code Retry-After} and 5xx retryable; other 4xx permanent), with Zendesk's error text read
 * from {@code {"error", "description", "details": {field: [{"description"}]}}}, e.g. {@code
 * RecordInvalid: Record validation errors (Requester: Email is not properly formatted)}. One
 * quirk: 409 means another update of the same ticket was being made at the same moment, which a
 * retry gets past.
 *
 * <p>Two answers to a follow-up's {@code PUT} are not failures but a sign to open a ticket
 * instead: 404 (the ticket was deleted) and 422 because the ticket is closed (Zendesk closes
 * solved tickets after a while, and a closed ticket takes no more comments).
 */
final class ZendeskAnswers {

  static final PlatformResponses ZENDESK = PlatformResponses.of("Zendesk").readingErrors(ZendeskAnswers::errorText)
      .withQuirk(answer -> answer.statusCode() == 409
          ? Optional.of(Verdict.retryable(errorText(answer.body()).orElse("conflicting update of the same ticket")))
          : Optional.empty());

  private ZendeskAnswers() {}

  /** The ticket to update is gone. */
  static boolean ticketNotFound(HttpResponse<String> answer) {
    return answer.statusCode() == 404;
  }

  /** The ticket to update is closed: 422 with a {@code status} detail such as "Status: closed prevents ticket update". */
  static boolean ticketClosed(HttpResponse<String> answer) {
    if (answer.statusCode() != 422) {
      return false;
    }
    JsonNode status = PlatformJson.get().read(answer.body()).map(body -> body.path("details").path("status"))
        .orElse(null);
    return status != null && status.isArray() && status.findValuesAsText("description").stream()
        .anyMatch(text -> text.toLowerCase(Locale.ROOT).contains("closed"));
  }

  /**
   * The id of the ticket an accepted answer shows ({@code {"ticket":{"id":4521,…}}}).
   *
   * @throws PermanentDeliveryException without one: not retried, as the ticket may exist
   */
  static String ticketId(HttpResponse<String> accepted) throws PermanentDeliveryException {
    return PlatformJson.get().read(accepted.body()).map(body -> body.path("ticket").path("id"))
        .filter(id -> id.isIntegralNumber() || id.isTextual() && id.asText().matches("\\d+"))
        .map(JsonNode::asText)
        .orElseThrow(() -> new PermanentDeliveryException("Zendesk answered HTTP " + accepted.statusCode()
            + " without a ticket id; not retried, as the ticket may exist: search Zendesk for its external id"));
  }

  /** "error: description (field: message; …)" from Zendesk's error body; empty when it is not one. */
  static Optional<String> errorText(String body) {
    JsonNode root = PlatformJson.get().read(body).filter(JsonNode::isObject).orElse(null);
    if (root == null) {
      return Optional.empty();
    }
    // Most endpoints send "error" as a code or a sentence; some as {"title", "message"}.
    JsonNode error = root.path("error");
    String code = error.isObject() ? error.path("title").asText("") : error.asText("");
    String description = error.isObject() ? error.path("message").asText("") : root.path("description").asText("");
    List<String> parts = new ArrayList<>();
    for (String part : List.of(code.strip(), description.strip())) {
      if (!part.isEmpty() && !parts.contains(part)) {
        parts.add(part);
      }
    }
    String text = String.join(": ", parts);
    List<String> details = details(root.path("details"));
    if (!details.isEmpty()) {
      text = text.isEmpty() ? String.join("; ", details) : text + " (" + String.join("; ", details) + ")";
    }
    return text.isEmpty() ? Optional.empty() : Optional.of(text);
  }

  /** Each detail's description, with its field unless the description already starts with it. */
  private static List<String> details(JsonNode details) {
    List<String> messages = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = details.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      for (String message : field.getValue().findValuesAsText("description")) {
        String text = message.strip();
        boolean named = field.getKey().equals("base")
            || text.toLowerCase(Locale.ROOT).startsWith(field.getKey().toLowerCase(Locale.ROOT).replace('_', ' '));
        if (!text.isEmpty()) {
          messages.add(named ? text : field.getKey() + ": " + text);
        }
      }
    }
    return messages;
  }
}
