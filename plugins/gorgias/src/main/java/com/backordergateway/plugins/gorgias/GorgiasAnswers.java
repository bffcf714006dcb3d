package com.backordergateway.plugins.gorgias;

import com.backordergateway.connector.api.PlatformJson;
import com.backordergateway.connector.api.PlatformResponses;
import com.backordergateway.connector.api.PlatformResponses.Verdict;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the connector reads Gorgias's answers: the standard rules (2xx delivered; 429 and 5xx
 * retryable, after {@code Retry-After}; other 4xx permanent), with Gorgias's error text read from
 * {@code {"error":{"msg":…,"data":{field:[problems]}}}} ("Failed to create ticket (customer.email:
 * Not a valid email address.)"), and its call counter: every answer carries
 * {@code X-Gorgias-Account-Api-Call-Limit: n/40}, which a 429's message repeats.
 */
final class GorgiasAnswers {

  static final String CALL_LIMIT = "X-Gorgias-Account-Api-Call-Limit";

  static final PlatformResponses GORGIAS = PlatformResponses.of("Gorgias").readingErrors(GorgiasAnswers::errorText)
      .withQuirk(GorgiasAnswers::rateLimited);

  private static final Pattern USED_OF_LIMIT = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)\\s*");

  private GorgiasAnswers() {}

  /** Requests made in Gorgias's current window, of how many it allows. */
  record CallLimit(int used, int limit) {
    /** Too few left for one more delivery (up to four requests). */
    boolean nearlyUsed() {
      return limit - used <= 4;
    }
  }

  static Optional<CallLimit> callLimit(HttpResponse<?> answer) {
    return answer.headers().firstValue(CALL_LIMIT).map(USED_OF_LIMIT::matcher).filter(Matcher::matches)
        .map(m -> new CallLimit(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
  }

  /** A 429 is retryable after its Retry-After (the standard rules read it); its message says the count. */
  private static Optional<Verdict> rateLimited(HttpResponse<String> answer) {
    if (answer.statusCode() != 429) {
      return Optional.empty();
    }
    String text = PlatformResponses.errorText(errorText(answer.body()).orElse(answer.body()));
    return Optional.of(Verdict.retryable(callLimit(answer)
        .map(calls -> text + " (" + calls.used() + "/" + calls.limit() + " API calls in the current window)")
        .orElse(text)));
  }

  /** The id of the first ticket (or message) in a list answer {@code {"data":[{"id":…}]}}. */
  static Optional<String> firstId(String body) {
    return PlatformJson.get().read(body).map(root -> root.path("data").path(0).path("id"))
        .filter(JsonNode::canConvertToLong).map(JsonNode::asText);
  }

  /** Whether a list answer {@code {"data":[…]}} holds a message with this external id. */
  static boolean listsExternalId(String body, String externalId) {
    JsonNode data = PlatformJson.get().read(body).map(root -> root.path("data")).orElse(null);
    if (data == null || !data.isArray()) {
      return false;
    }
    for (JsonNode message : data) {
      if (externalId.equals(message.path("external_id").asText(null))) {
        return true;
      }
    }
    return false;
  }

  /** "msg (field.path: problem; …)" from Gorgias's error body; empty when it is not one. */
  static Optional<String> errorText(String body) {
    JsonNode error = PlatformJson.get().read(body).map(root -> root.path("error")).orElse(null);
    if (error == null || error.isMissingNode()) {
      return Optional.empty();
    }
    if (error.isTextual()) {
      return Optional.of(error.asText()).filter(text -> !text.isBlank());
    }
    String msg = error.path("msg").asText("").strip();
    List<String> problems = new ArrayList<>();
    collect("", error.path("data"), problems);
    String details = String.join("; ", problems);
    if (msg.isEmpty()) {
      return details.isEmpty() ? Optional.empty() : Optional.of(details);
    }
    return Optional.of(details.isEmpty() ? msg : msg + " (" + details + ")");
  }

  /** Flattens {@code {"customer":{"email":["Not a valid email address."]}}} to {@code customer.email: …}. */
  private static void collect(String path, JsonNode node, List<String> problems) {
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        collect(path.isEmpty() ? field.getKey() : path + "." + field.getKey(), field.getValue(), problems);
      }
    } else if (node.isArray()) {
      List<String> texts = new ArrayList<>();
      for (JsonNode item : node) {
        if (item.isValueNode()) {
          texts.add(item.asText().strip());
        } else {
          collect(path, item, problems);
        }
      }
      if (!texts.isEmpty()) {
        problems.add((path.isEmpty() ? "" : path + ": ") + String.join(" ", texts));
      }
    } else if (node.isValueNode() && !node.asText().isBlank()) {
      problems.add((path.isEmpty() ? "" : path + ": ") + node.asText().strip());
    }
  }
}
